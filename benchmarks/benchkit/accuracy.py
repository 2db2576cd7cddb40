"""Score found duties against the generated gold with the shared scorer (../shared/eval/score.py)."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
from pathlib import Path

__all__ = ["SCORER", "score_corpus", "score_store"]

# the shared scorer beside the project (KG_SCORER names another copy)
SCORER = Path(os.environ.get("KG_SCORER") or Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py")


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_corpus(corpus: Path, duties: list[dict]) -> dict:
    """F1, role accuracy, duties found and the scorer's summary line."""
    if not SCORER.exists():
        return {"error": f"scorer absent: {SCORER}"}
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((Path(corpus) / "gold").glob("*.json"))]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        f1 = _scorer().score(duties, [], golds)
    lines = out.getvalue().splitlines()
    return {"f1": f1, "summary": lines[-1] if lines else "", "open_sector": lines[-3] if len(lines) >= 3 else ""}


def score_store(corpus: Path, store: Path) -> dict:
    """The same score over `kg export duties` of the built store (what the graph holds)."""
    from .measure import NotBuilt

    try:
        from kg.export import duties
        from kg.store import open_store
    except ImportError as e:
        raise NotBuilt(e.name or "kg.export") from None
    return score_corpus(corpus, duties(open_store(store)))
