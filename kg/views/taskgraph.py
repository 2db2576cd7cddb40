"""The task–unit graph drawn by the responsibility and unit views: one node per task, or, past a size
where that is unreadable, one node per group of tasks with the same status (and document and sector,
or document, or sector: the finest grouping that stays under the limit)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.view_data import ViewAssignment, ViewData, ViewTask, task_status
from kg.views.page import GraphEdge, GraphNode
from kg.views.parts import assignment_edge, clip, document_label, plural, task_node, unit_node, unit_workload
from kg.views.style import ROLE_COLORS, STATUS_COLORS, STATUS_LABELS

__all__ = ["TaskGraph", "task_graph", "GROUP_SAMPLE", "GROUPINGS"]

GROUP_SAMPLE = 8  # task identifiers listed in a group's tooltip


@dataclass(frozen=True)
class TaskGraph:
    """Nodes and edges to draw, and what they stand for."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    tasks: int
    units: int
    assignments: int
    statuses: Counter
    grouping: tuple[str, ...]  # () when one node per task, else what the groups are (zh, en)
    kinds: frozenset[str]

    @property
    def aggregated(self) -> bool:
        return bool(self.grouping)


def task_graph(data: ViewData, tasks: tuple[ViewTask, ...], limit: int,
               unit_colors: dict[str, str] | None = None) -> TaskGraph:
    """Tasks and every unit assigned to them; aggregated when there are more than `limit` tasks."""
    by_task = data.assignments_by_task()
    wanted = {t.iri for t in tasks}
    assignments = [a for a in data.assignments if a.task in wanted]
    statuses = {t.iri: task_status(by_task.get(t.iri, []), data.units) for t in tasks}
    workload = unit_workload(assignments)
    unit_ids = sorted(workload)
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    grouping: tuple[str, ...] = ()
    if len(tasks) <= limit:
        for t in sorted(tasks, key=lambda t: t.iri):
            nodes.append(task_node(t, by_task.get(t.iri, []), statuses[t.iri], data))
        task_by_iri = {t.iri: t for t in tasks}
        edges = [assignment_edge(a, task_by_iri[a.task], data) for a in sorted(assignments, key=lambda a: a.iri)]
    else:
        group_nodes, edges, grouping = _groups(data, tasks, assignments, statuses, limit)
        nodes.extend(group_nodes)
    colors = unit_colors or {}
    held: dict[str, set[str]] = defaultdict(set)
    for a in assignments:
        held[a.unit].add(a.task)
    for iri in unit_ids:
        nodes.append(unit_node(data.units[iri], len(held[iri]), workload[iri], data, color=colors.get(iri)))
    return TaskGraph(
        tuple(nodes), tuple(edges), len(tasks), len(unit_ids), len(assignments),
        Counter(statuses.values()), grouping, frozenset(data.units[u].kind for u in unit_ids),
    )


GROUPINGS = (
    (("document", "sector", "status"), ("文件 × 行业 × 状态", "document × sector × status")),
    (("document", "status"), ("文件 × 状态", "document × status")),
    (("sector", "status"), ("行业 × 状态", "sector × status")),
)


def _key(task: ViewTask, status: str, fields: tuple[str, ...]) -> tuple[str, str, str]:
    """(document, sector, status) with "" where the grouping merges."""
    return (task.document if "document" in fields else "", task.sector if "sector" in fields else "", status)


def _groups(data: ViewData, tasks: tuple[ViewTask, ...], assignments: list[ViewAssignment],
            statuses: dict[str, str], limit: int) -> tuple[list[GraphNode], list[GraphEdge], tuple[str, ...]]:
    """The finest grouping with at most `limit` groups (the coarsest when none fits)."""
    for fields, grouping in GROUPINGS:
        members: dict[tuple[str, str, str], list[ViewTask]] = defaultdict(list)
        for t in tasks:
            members[_key(t, statuses[t.iri], fields)].append(t)
        if len(members) <= limit:
            break
    group_of = {t.iri: key for key, ts in members.items() for t in ts}
    roles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for a in assignments:
        roles[group_of[a.task]].add(a.role)
    nodes = []
    for key in sorted(members):
        document, sector, status = key
        ts = sorted(members[key], key=lambda t: t.identifier)
        documents = sorted({t.document for t in ts})
        sectors = sorted({t.sector for t in ts})
        doc = "、".join(document_label(data.documents.get(d)) for d in documents[:GROUP_SAMPLE])
        if len(documents) > GROUP_SAMPLE:
            doc += f"… ({len(documents)})"
        sample = "、".join(t.identifier for t in ts[:GROUP_SAMPLE]) + ("…" if len(ts) > GROUP_SAMPLE else "")
        name = (data.labels.sectors.get(sector, (sector, ""))[0] or sector) if sector or not document \
            else document_label(data.documents.get(document))
        nodes.append(
            GraphNode(
                _group_id(key),
                f"{name or data.labels.sector('')} ×{len(ts)}",
                STATUS_COLORS[status],
                "dot",
                round(8 + 3 * math.sqrt(len(ts)), 2),
                font_color="#4b5563",
                tip=(
                    ("汇总 group", f"{len(ts)} 个任务 {plural(len(ts), 'task')}"),
                    ("文件 document", doc),
                    ("行业 sector", "、".join(data.labels.sector(c) for c in sectors)),
                    ("状态 status", STATUS_LABELS[status]),
                    ("任务 tasks", sample),
                    ("示例原文 first quote", clip(ts[0].quote or ts[0].text, 200)),
                ),
                facets=(("document", tuple(documents)), ("sector", tuple(sectors)),
                        ("role", tuple(sorted(roles[key])))),
            )
        )
    links: dict[tuple[tuple[str, str, str], str, str, bool], set[str]] = defaultdict(set)
    for a in assignments:
        links[(group_of[a.task], a.unit, a.role, a.inherited)].add(a.task)
    by_iri = {t.iri: t for t in tasks}
    edges = []
    for (key, unit, role, inherited), held in sorted(links.items()):
        name = data.units[unit].name
        edges.append(
            GraphEdge(
                f"{_group_id(key)}|{unit}|{role}|{'inherited' if inherited else 'named'}",
                _group_id(key),
                unit,
                ROLE_COLORS.get(role, "#9ca3af"),
                width=round(1 + math.log2(len(held)), 2),
                dashed=inherited,
                label=str(len(held)) if len(held) > 1 else "",
                tip=(("单位 unit", name), ("角色 role", data.labels.role(role)),
                     ("任务数 tasks", str(len(held))))
                + ((("继承 inherited", "来自统一规定 from a blanket default"),) if inherited else ()),
                facets=(("document", tuple(sorted({by_iri[t].document for t in held}))),
                        ("sector", tuple(sorted({by_iri[t].sector for t in held}))), ("role", (role,))),
            )
        )
    return nodes, edges, grouping


def _group_id(key: tuple[str, str, str]) -> str:
    return "group:" + "|".join(key)
