"""Time to generate each interactive view from the store (kg.views.render_view), written to files."""

from __future__ import annotations

import time
from pathlib import Path

from .measure import NotBuilt

__all__ = ["VIEW_ARGS", "view_times"]

# the unit view needs a unit: a department every generated jurisdiction has
VIEW_ARGS = {"unit": {"unit": "应急管理局"}}


def view_times(store: Path, out: Path) -> dict:
    try:
        from kg.views import render_view
        from kg.views.render import VIEWS
    except ImportError as e:
        raise NotBuilt(e.name or "kg.views") from None
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for name in VIEWS:
        t0 = time.perf_counter()
        try:
            view = render_view(name, store, **VIEW_ARGS.get(name, {}))
        except Exception as e:  # one view failing does not hide the others' figures
            results.append({"name": name, "error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"})
            continue
        seconds = time.perf_counter() - t0
        path = out / f"{name}.html"
        path.write_text(view.html, encoding="utf-8")
        results.append({"name": name, "seconds": seconds, "kb": path.stat().st_size / 1024,
                        "nodes": view.nodes, "edges": view.edges})
    return {"views": results}
