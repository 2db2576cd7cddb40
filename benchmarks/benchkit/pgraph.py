"""The property graph to write: kg's own (from the store) when that function exists, else built here
from the loaders' output in the same shape (labels and relationship types of kg.propgraph)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["graph_from_loaders", "graph_for"]


def graph_from_loaders(corpus: Path):
    """Document/Section/Task/Unit/Sector nodes; HAS_SECTION, HAS_TASK, ASSIGNED, IN_SECTOR, CITES relationships."""
    from kg.propgraph import make_graph
    from loaders import load_file

    nodes, rels = [], []
    for path in sorted(Path(corpus).glob("*.txt")):
        sf = load_file(path)
        for doc in sf.documents:
            d = f"doc:{doc.id}"
            nodes.append(("Document", d, {"number": doc.number, "title": doc.title, "date": doc.date, "doc": d,
                                          "source_file": doc.source_file, "kind": doc.kind}))
            for s in doc.sections:
                sid = f"{d}/s/{s.id}"
                nodes.append(("Section", sid, {"number": s.number, "title": s.title, "depth": s.depth, "doc": d}))
                rels.append(("HAS_SECTION", d, sid, "", {}))
            sections = {s.id for s in doc.sections}
            for t in doc.tasks:
                tid = f"{d}/t/{t.id}"
                nodes.append(("Task", tid, {"ordinal": t.ordinal, "quote": t.quote, "start": t.start, "end": t.end,
                                            "doc": d, "open_list": t.open_list, "source": t.source}))
                parent = f"{d}/s/{t.section_id}" if t.section_id in sections else d
                rels.append(("HAS_TASK", parent, tid, "", {}))
                if t.sector:
                    nodes.append(("Sector", f"sector:{t.sector}", {"code": t.sector}))
                    rels.append(("IN_SECTOR", tid, f"sector:{t.sector}", "", {"primary": True}))
                for c in t.citations:
                    nodes.append(("Regulation", f"reg:{c.title}", {"title": c.title}))
                    rels.append(("CITES", tid, f"reg:{c.title}", "", {}))
                for k, a in enumerate(t.assignments):
                    uid = f"u:{a.canonical or a.name}"
                    nodes.append(("Unit", uid, {"name": a.canonical or a.name, "kind": a.kind}))
                    rels.append(("ASSIGNED", tid, uid, f"{tid}/a{k}", {"role": a.role, "inherited": a.inherited,
                                                                       "name": a.name, "source": a.source}))
    return make_graph(nodes, _dedupe(rels))


def _dedupe(rels: list[tuple]) -> list[tuple]:
    seen, out = set(), []
    for r in rels:
        key = r[:4]
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def graph_for(corpus: Path, store: Path | None):
    """(graph, where it came from)."""
    try:
        from kg import propgraph

        from_store = getattr(propgraph, "graph_from_store", None)
    except ImportError:
        from_store = None
    if from_store is not None and store is not None and Path(store).exists():
        return from_store(store), "kg store"
    return graph_from_loaders(corpus), "loaders (kg.propgraph.graph_from_store not built yet)"
