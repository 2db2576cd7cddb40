"""Documents view: the documents, the regulations they cite, and the documents they cite by 文号
(lineage: a county notice citing the city's, a reply citing the notice it answers)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.view_data import ViewCitation, ViewData, ViewDocument, cited_document
from kg.views.page import GraphEdge, GraphNode, LegendEntry, LegendGroup, Page
from kg.views.parts import clip, filters_for, left_out_line, plural
from kg.views.scope import Scope, apply_scope, resolve_document, resolve_units
from kg.views.style import DOCUMENT_COLOR, MISSING_DOCUMENT_COLOR, REGULATION_COLOR

__all__ = ["documents_page", "LINEAGE_COLOR", "CITES_COLOR"]

LINEAGE_COLOR = "#ea580c"
CITES_COLOR = "#6366f1"
_LABEL = 18  # characters of a regulation title drawn under its node


@dataclass(frozen=True)
class _Graph:
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    documents: int
    missing: int
    regulations: int


def _document_node(doc: ViewDocument, tasks: int) -> GraphNode:
    if not doc.loaded:
        return GraphNode(
            doc.iri, doc.label, MISSING_DOCUMENT_COLOR, "box", border="#6b7280", dashed=True, font_color="#4b5563",
            tip=(("文件 document", doc.label), ("注 note", "被引用，但不在库中 cited, not in the store")),
            search=(doc.label,), needs_edge=True,
        )
    tip = [("文号 number", doc.number or "（无 none）"), ("标题 title", doc.title), ("发文机关 issuer", doc.issuer),
           ("日期 date", doc.date), ("地区 jurisdiction", " ".join(x for x in (doc.jurisdiction, doc.level) if x)),
           ("类型 kind", doc.kind), ("来源 source", doc.source_file), ("任务 tasks", str(tasks))]
    return GraphNode(
        doc.iri, doc.label, DOCUMENT_COLOR, "box", border="#92400e",
        tip=tuple((k, v) for k, v in tip if v),
        facets=(("document", (doc.iri,)),),
        search=tuple(x for x in (doc.label, doc.title, doc.issuer) if x),
    )


def _graph(data: ViewData, documents: list[str], citations: list[ViewCitation]) -> _Graph:
    tasks = Counter(t.document for t in data.tasks)
    links: dict[tuple[str, str], list[ViewCitation]] = defaultdict(list)
    for c in citations:
        links[(c.document, c.target)].append(c)
    nodes: dict[str, GraphNode] = {}
    for iri in documents:
        nodes[iri] = _document_node(data.documents[iri], tasks[iri])
    cited_by: dict[str, set[str]] = defaultdict(set)
    in_tasks: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, str] = {}
    for (doc, target), cs in links.items():
        cited_by[target].add(doc)
        in_tasks[target].update(c.task for c in cs if c.task)
        titles[target] = next((c.target_title for c in cs if c.target_title), titles.get(target, ""))
    edges = []
    for (doc, target), cs in sorted(links.items()):
        kind = cs[0].target_kind
        if target not in nodes:
            if kind == "document":
                nodes[target] = _document_node(cited_document(target, data.documents), tasks[target])
            else:
                title = titles[target] or target.rsplit("/", 1)[-1]
                nodes[target] = GraphNode(
                    target, clip(title, _LABEL), REGULATION_COLOR, "dot",
                    round(8 + 4 * math.sqrt(len(cited_by[target])), 2), border="#3730a3", font_color="#312e81",
                    tip=(("法规 regulation", f"《{title}》"),
                         ("引用文件 cited by", f"{len(cited_by[target])} 个文件 {plural(len(cited_by[target]), 'document')}"),
                         ("引用任务 cited in", f"{len(in_tasks[target])} 个任务 {plural(len(in_tasks[target]), 'task')}")),
                    search=(title,), needs_edge=True,
                )
        in_task = sorted({c.task for c in cs if c.task})
        listed = any(not c.task for c in cs)
        mentions = len({c.citation for c in cs if c.citation}) + (1 if listed else 0)
        sectors = tuple(sorted({c.sector for c in cs if c.task}))
        source = data.documents[doc].label if doc in data.documents else doc
        target_label = nodes[target].label if kind == "document" else f"《{titles[target] or target}》"
        tip = [("引用 cites", f"{source} → {target_label}"),
               ("次数 mentions", str(mentions)),
               ("任务中 in tasks", str(len(in_task)))]
        if listed:
            tip.append(("正文列出 listed by the document", "是 yes"))
        edges.append(
            GraphEdge(
                f"cites:{doc}|{target}", doc, target, LINEAGE_COLOR if kind == "document" else CITES_COLOR,
                width=round(1 + math.log2(mentions), 2) + (1 if kind == "document" else 0), arrow=True,
                label=str(mentions) if mentions > 1 else "",
                tip=tuple(tip),
                facets=(("document", (doc,)), ("sector", sectors)),
            )
        )
    ordered = tuple(nodes[k] for k in sorted(nodes))
    missing = sum(1 for n in ordered if n.id not in data.documents and n.shape == "box")
    return _Graph(ordered, tuple(edges), len(documents), missing,
                  sum(1 for n in ordered if n.shape == "dot"))


def _select(data: ViewData, scope: Scope) -> tuple[ViewData, list[str], list[ViewCitation]]:
    """Documents and citations a scope keeps: documents holding a selected task (every document when
    nothing is filtered); with --document also the documents citing it; with --sector only citations
    made in tasks of that sector."""
    if not scope.describe():
        return data, sorted(data.documents), list(data.citations)
    units = resolve_units(data, scope.unit) if scope.unit else ()
    scoped = apply_scope(data, scope, units)
    documents = {t.document for t in scoped.tasks}
    citations = [c for c in scoped.citations if c.task or not scope.sector]
    if scope.document:
        wanted = resolve_document(data, scope.document)
        documents.add(wanted)
        if not scope.sector and not scope.unit:
            incoming = [c for c in data.citations if c.target == wanted and not c.task]
            citations.extend(c for c in incoming if c not in citations)
            documents.update(c.document for c in incoming)
    return scoped, sorted(documents), sorted(set(citations), key=lambda c: (c.document, c.target, c.task, c.citation))


def documents_page(data: ViewData, scope: Scope, limit: int) -> Page:
    """Documents and what they cite."""
    scoped, documents, citations = _select(data, scope)
    graph = _graph(scoped, documents, citations)
    everything = _graph(data, sorted(data.documents), list(data.citations)) if scope.describe() else graph
    summary = (
        f"{graph.documents} 个文件（另有 {graph.missing} 个被引用但不在库中）、{graph.regulations} 部被引法规、"
        f"{len(graph.edges)} 条引用 · {plural(graph.documents, 'document')} in the store (and {graph.missing} "
        f"cited but not loaded), {plural(graph.regulations, 'regulation')} cited, {plural(len(graph.edges), 'citation link')}.",
        left_out_line(scope.describe(), len(everything.nodes), len(graph.nodes)),
    )
    legend = (
        LegendGroup("节点 nodes", (
            LegendEntry("文件（库中）document in the store", DOCUMENT_COLOR, "box", False, "#92400e"),
            LegendEntry("被引用文件（不在库中）cited document, not loaded", MISSING_DOCUMENT_COLOR, "box", True, "#6b7280"),
            LegendEntry("法规：大小为引用文件数 regulation: size = citing documents", REGULATION_COLOR, "dot", False,
                        "#3730a3"),
        )),
        LegendGroup("连线（箭头指向被引用者）links (arrow to what is cited)", (
            LegendEntry("引用文件（文号）cites a document by 文号", LINEAGE_COLOR, "line"),
            LegendEntry("引用法规：线宽为次数 cites a regulation: width = mentions", CITES_COLOR, "line"),
        )),
    )
    cited_tasks = {c.task for c in citations if c.task}
    return Page(
        "documents",
        "文件与引用 Documents — 引用的法规和文件 the regulations and documents they cite",
        summary,
        graph.nodes,
        graph.edges,
        legend,
        filters_for(scoped, [t for t in scoped.tasks if t.iri in cited_tasks or t.document in documents], (),
                    ("sector", "document")),
        (),
    )
