"""One standalone HTML page for a network view: graph data, legend, search, filters, tooltips.

The nodes and edges are collected in a pyvis ``Network`` and written, with the vis-network script
and style shipped inside the pyvis package, into our own template (kg/assets/page.html.j2): every asset
is inline, a Content-Security-Policy allows only the page's own scripts (by hash) and data: images,
and no text from a document reaches the HTML unescaped (the template autoescapes; the graph data is
JSON in a non-executed script element with ``<``, ``>`` and ``&`` written as ``\\u`` escapes; tooltips
are built in the browser with ``textContent``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import KgError

__all__ = [
    "Facets",
    "GraphNode",
    "GraphEdge",
    "LegendEntry",
    "LegendGroup",
    "FilterSpec",
    "Page",
    "render_page",
    "graph_json",
    "ASSET_DIR",
    "ITERATION_BUDGET",
    "MIN_ITERATIONS",
]

ASSET_DIR = Path(__file__).resolve().parent.parent / "assets"
_VIS_LIB = ("templates", "lib")  # inside the pyvis package: vis-X.Y.Z/vis-network.min.js and .css
ITERATION_BUDGET = 150_000  # layout iterations × (nodes + edges / 2) spent before physics stops
MIN_ITERATIONS = 50

Facets = tuple[tuple[str, tuple[str, ...]], ...]
"""(facet name, values) pairs: the in-page filter on `facet` keeps an item whose values hold the choice.
An item without a facet is not subject to that filter."""


@dataclass(frozen=True)
class GraphNode:
    """A node as drawn: vis-network look plus what the page needs (tooltip, filters, search)."""

    id: str
    label: str
    color: str
    shape: str = "dot"
    size: float = 10.0
    border: str = "#374151"
    dashed: bool = False  # dashed outline (vague units)
    font_color: str = "#111827"
    tip: tuple[tuple[str, str], ...] = ()  # tooltip rows (field, value), shown as text
    facets: Facets = ()
    search: tuple[str, ...] = ()  # names the search box finds it by
    needs_edge: bool = False  # hidden by the in-page filters when none of its edges is shown


@dataclass(frozen=True)
class GraphEdge:
    """An edge as drawn."""

    id: str
    source: str
    target: str
    color: str
    width: float = 1.0
    dashed: bool = False
    arrow: bool = False
    label: str = ""
    tip: tuple[tuple[str, str], ...] = ()
    facets: Facets = ()


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a swatch (shape `line` for edges) and its meaning."""

    label: str
    color: str
    shape: str = "dot"
    dashed: bool = False
    border: str = "#374151"


@dataclass(frozen=True)
class LegendGroup:
    """A titled block of the legend."""

    title: str
    entries: tuple[LegendEntry, ...]


@dataclass(frozen=True)
class FilterSpec:
    """An in-page filter: a select box over one facet."""

    facet: str
    label: str
    options: tuple[tuple[str, str], ...]  # (value, shown text)


@dataclass(frozen=True)
class Page:
    """Everything one view page shows."""

    view: str
    title: str
    summary: tuple[str, ...]  # what is shown, counts, what the command-line filters left out
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    legend: tuple[LegendGroup, ...]
    filters: tuple[FilterSpec, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "aggregated: …"
    stabilization_iterations: int = 300
    options: dict[str, Any] = field(default_factory=dict)  # extra vis-network options (merged)


def _version(folder: Path) -> tuple[int, ...]:
    parts = folder.name.removeprefix("vis-").split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else ()


def _vis_asset(name: str) -> str:
    """A vis-network file shipped in the pyvis package (the newest vis-X.Y.Z folder that has it)."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent.joinpath(*_VIS_LIB)
    folders = sorted((f for f in lib.glob("vis-*") if _version(f) and (f / name).is_file()), key=_version)
    if not folders:
        raise KgError(f"{lib}: no vis-*/{name} in the installed pyvis package (reinstall pyvis>=0.3.2)")
    return (folders[-1] / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _assets() -> dict[str, str]:
    """The inline assets, checked so that none can end its own element early."""
    vis_js = _vis_asset("vis-network.min.js")
    head, marker, tail = vis_js.rpartition("//# sourceMappingURL=")
    if marker and "\n" not in tail.strip():
        vis_js = head  # the page must not point at any other file
    assets = {
        "vis_js": vis_js,
        "vis_css": _vis_asset("vis-network.css"),
        "view_js": (ASSET_DIR / "view.js").read_text(encoding="utf-8"),
        "view_css": (ASSET_DIR / "view.css").read_text(encoding="utf-8"),
    }
    for name, text in assets.items():
        lowered = text.lower()
        if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
            raise KgError(f"asset {name} contains a closing tag or comment opener and cannot be inlined")
    return assets


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>`, `&`, U+2028 or U+2029 literally."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _facets(facets: Facets) -> dict[str, list[str]]:
    return {name: sorted(set(values)) for name, values in facets}


def _network(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge]) -> tuple[list[dict], list[dict]]:
    """Nodes and edges as vis-network items, collected through pyvis."""
    from pyvis.network import Network

    net = Network(directed=True)
    for n in nodes:
        net.add_node(
            n.id,
            label=n.label or " ",
            shape=n.shape,
            color={"background": n.color, "border": n.border,
                   "highlight": {"background": n.color, "border": "#000000"},
                   "hover": {"background": n.color, "border": "#000000"}},
            size=round(n.size, 2),
            borderWidth=2 if n.dashed else 1,
            shapeProperties={"borderDashes": [4, 3] if n.dashed else False},
            font={"color": n.font_color},
            kg={"tip": [list(t) for t in n.tip], "facets": _facets(n.facets), "search": list(n.search),
                "needsEdge": n.needs_edge},
        )
    for e in edges:
        net.add_edge(
            e.source,
            e.target,
            id=e.id,
            color={"color": e.color, "highlight": e.color, "hover": e.color, "inherit": False},
            width=round(e.width, 2),
            dashes=e.dashed,
            arrows={"to": {"enabled": e.arrow, "scaleFactor": 0.5}},
            label=e.label or None,
            kg={"tip": [list(t) for t in e.tip], "facets": _facets(e.facets)},
        )
    clean_edges = [{k: v for k, v in item.items() if v is not None} for item in net.edges]
    return list(net.nodes), clean_edges


def _iterations(page: Page) -> int:
    """Layout iterations before physics stops: fewer for big graphs, so the page settles in seconds."""
    budget = ITERATION_BUDGET // max(len(page.nodes) + len(page.edges) // 2, 1)
    return max(MIN_ITERATIONS, min(page.stabilization_iterations, budget))


def _options(page: Page) -> dict[str, Any]:
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": len(page.nodes) <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": _iterations(page), "updateInterval": 10, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(page.edges) > 1500,
                        "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 13, "face": "sans-serif"}, "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}},
    }
    for key, value in page.options.items():
        if isinstance(value, dict) and isinstance(options.get(key), dict):
            options[key] = {**options[key], **value}
        else:
            options[key] = value
    return options


def graph_json(page: Page) -> dict[str, Any]:
    """The data the page script reads: vis nodes and edges (each with a `kg` part) and options."""
    nodes, edges = _network(page.nodes, page.edges)
    return {"view": page.view, "nodes": nodes, "edges": edges, "options": _options(page)}


def _search_names(nodes: Iterable[GraphNode]) -> list[str]:
    return sorted({name for n in nodes for name in n.search if name})


@lru_cache(maxsize=1)
def _template():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ASSET_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template("page.html.j2")


def render_page(page: Page) -> str:
    """The standalone HTML text of a page (same page, same bytes)."""
    from markupsafe import Markup

    assets = _assets()
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(assets['vis_js'])} {_csp_hash(assets['view_js'])}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src 'none'",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return _template().render(
        page=page,
        csp=csp,
        search_names=_search_names(page.nodes),
        data_json=Markup(_json(graph_json(page))),
        vis_js=Markup(assets["vis_js"]),
        vis_css=Markup(assets["vis_css"]),
        view_js=Markup(assets["view_js"]),
        view_css=Markup(assets["view_css"]),
    )
