"""`kg report -o FILE.md`: the corpus summary, problem lists and network analytics as a Markdown report.

Deterministic (no timestamps); every value from the documents is escaped for Markdown tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kg.analytics import centrality, co_responsibility_graph, communities, unit_task_graph, unit_task_links
from kg.queries import run_query
from kg.stats import CorpusStats, corpus_stats
from kg.store import Store

__all__ = ["markdown_table", "report_markdown", "build_report"]

_MD_SPECIAL = "\\`*[]<>|"


def _cell(value: Any, limit: int = 80) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def markdown_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], limit: int = 80) -> str:
    """A GitHub-flavoured Markdown table with escaped cells ("_none_" when there are no rows)."""
    if not rows:
        return "_none_\n"
    out = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(_cell(v, limit) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _summary(stats: CorpusStats) -> list[str]:
    return [
        "## Corpus 概况\n",
        f"- documents: {len(stats.documents)}",
        f"- tasks: {stats.tasks}",
        f"- concrete units: {stats.units}",
        f"- tasks with no concrete owner: {stats.unowned} ({_pct(stats.unowned, stats.tasks)})",
        f"- overlaps (two or more concrete units, no lead): {stats.overlaps} ({_pct(stats.overlaps, stats.tasks)})",
        "",
        "A concrete owner is a unit named for the task itself (not inherited from a blanket default) whose "
        "kind is not vague (有关部门 …).\n",
        "## Documents 文件\n",
        markdown_table(
            ("document", "source file", "kind", "sections", "tasks", "units", "unowned", "overlaps", "multi-lead", "open list"),
            [(d.document, d.source_file, d.kind, d.sections, d.tasks, d.units, f"{d.unowned} ({_pct(d.unowned, d.tasks)})",
              f"{d.overlaps} ({_pct(d.overlaps, d.tasks)})", d.multiple_leads, d.open_lists) for d in stats.documents],
        ),
    ]


def report_markdown(store: Store, top: int = 15) -> str:
    """The whole report as Markdown text."""
    stats = corpus_stats(store, top)
    parts = ["# 安全生产责任分工分析 — Safety duty report\n"]
    parts += _summary(stats)
    parts += [
        "## Top units 主要责任单位\n",
        markdown_table(("unit", "kind", "tasks", "lead", "documents"),
                       [(u.unit, u.kind, u.tasks, u.lead, u.documents) for u in stats.top_units]),
    ]
    unowned = [r for r in run_query(store, "unowned_by_sector").rows if r[3]]
    parts += ["## Duties with no concrete owner, by sector 无明确责任单位的任务\n",
              markdown_table(("document", "sector", "tasks", "unowned", "share"), unowned)]
    overlaps = run_query(store, "overlaps_no_lead").rows
    parts += [f"## Overlaps with no lead 多头负责无牵头 ({len(overlaps)})\n",
              markdown_table(("document", "task", "sector", "units", "text"), overlaps[:top * 2], limit=60)]
    leads = run_query(store, "multiple_leads").rows
    parts += [f"## More than one lead 多个牵头单位 ({len(leads)})\n",
              markdown_table(("document", "task", "sector", "leads", "text"), leads, limit=60)]
    graph = co_responsibility_graph(unit_task_graph(unit_task_links(store)))
    pairs = run_query(store, "co_responsibility_pairs").rows
    parts += ["## Co-responsibility 共同责任\n",
              f"{graph.number_of_nodes()} concrete units, {graph.number_of_edges()} pairs sharing at least one task.\n",
              "### Pairs sharing the most tasks\n",
              markdown_table(("unit A", "unit B", "shared tasks"), pairs[:top]),
              "### Centrality\n",
              markdown_table(("unit", "partners", "shared tasks", "betweenness"),
                             [(c.unit, c.partners, c.shared_tasks, c.betweenness) for c in centrality(graph)[:top]]),
              "### Communities (greedy modularity)\n"]
    groups = communities(graph)
    parts.append(markdown_table(("#", "units", "members"),
                                [(k, len(g), "、".join(g)) for k, g in enumerate(groups, 1)], limit=200))
    regs = run_query(store, "regulations").dicts()
    by_title: dict[str, set[str]] = {}
    for r in regs:
        by_title.setdefault(r["title"], set()).add(r["document"])
    ranked = sorted(by_title.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
    parts += ["## Most cited regulations 引用法规\n",
              markdown_table(("title", "documents", "cited by"), [(t, len(d), "、".join(sorted(d))) for t, d in ranked], limit=120)]
    inherited = run_query(store, "inherited_duties").rows
    parts += ["## Inherited duties 兜底责任\n",
              markdown_table(("document", "unit", "role", "declared in", "tasks added"), inherited)]
    return "\n".join(parts)


def build_report(store_dir, top: int = 15) -> str:
    """`kg report`: open the store and write the report text."""
    from kg.store import open_store

    return report_markdown(open_store(store_dir), top)
