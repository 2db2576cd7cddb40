"""The task–unit graph drawn by the responsibility and unit views: one node per task, or, past a size
where that is unreadable, one node per (document, sector, status) group of tasks."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.view_data import ViewAssignment, ViewData, ViewTask, task_status
from kg.views.page import GraphEdge, GraphNode
from kg.views.parts import assignment_edge, clip, document_label, plural, task_node, unit_node, unit_workload
from kg.views.style import ROLE_COLORS, STATUS_COLORS, STATUS_LABELS

__all__ = ["TaskGraph", "task_graph", "GROUP_SAMPLE"]

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
    aggregated: bool
    kinds: frozenset[str]


def task_graph(data: ViewData, tasks: tuple[ViewTask, ...], limit: int,
               unit_colors: dict[str, str] | None = None) -> TaskGraph:
    """Tasks and every unit assigned to them; aggregated when there are more than `limit` tasks."""
    by_task = data.assignments_by_task()
    wanted = {t.iri for t in tasks}
    assignments = [a for a in data.assignments if a.task in wanted]
    statuses = {t.iri: task_status(by_task.get(t.iri, []), data.units) for t in tasks}
    workload = unit_workload(assignments)
    unit_ids = sorted(workload)
    aggregated = len(tasks) > limit
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    if not aggregated:
        for t in sorted(tasks, key=lambda t: t.iri):
            nodes.append(task_node(t, by_task.get(t.iri, []), statuses[t.iri], data))
        task_by_iri = {t.iri: t for t in tasks}
        edges = [assignment_edge(a, task_by_iri[a.task], data) for a in sorted(assignments, key=lambda a: a.iri)]
    else:
        group_nodes, edges = _groups(data, tasks, assignments, statuses)
        nodes.extend(group_nodes)
    colors = unit_colors or {}
    held: dict[str, set[str]] = defaultdict(set)
    for a in assignments:
        held[a.unit].add(a.task)
    for iri in unit_ids:
        nodes.append(unit_node(data.units[iri], len(held[iri]), workload[iri], data, color=colors.get(iri)))
    return TaskGraph(
        tuple(nodes), tuple(edges), len(tasks), len(unit_ids), len(assignments),
        Counter(statuses.values()), aggregated, frozenset(data.units[u].kind for u in unit_ids),
    )


def _groups(data: ViewData, tasks: tuple[ViewTask, ...], assignments: list[ViewAssignment],
            statuses: dict[str, str]) -> tuple[list[GraphNode], list[GraphEdge]]:
    members: dict[tuple[str, str, str], list[ViewTask]] = defaultdict(list)
    for t in tasks:
        members[(t.document, t.sector, statuses[t.iri])].append(t)
    group_of = {t.iri: key for key, ts in members.items() for t in ts}
    nodes = []
    for key in sorted(members):
        document, sector, status = key
        ts = sorted(members[key], key=lambda t: t.identifier)
        doc = document_label(data.documents.get(document))
        sample = "、".join(t.identifier for t in ts[:GROUP_SAMPLE]) + ("…" if len(ts) > GROUP_SAMPLE else "")
        nodes.append(
            GraphNode(
                _group_id(key),
                f"{data.labels.sectors.get(sector, (sector, ''))[0] or sector} ×{len(ts)}",
                STATUS_COLORS[status],
                "dot",
                round(8 + 3 * math.sqrt(len(ts)), 2),
                font_color="#4b5563",
                tip=(
                    ("汇总 group", f"{len(ts)} 个任务 {plural(len(ts), 'task')}"),
                    ("文件 document", doc),
                    ("行业 sector", data.labels.sector(sector)),
                    ("状态 status", STATUS_LABELS[status]),
                    ("任务 tasks", sample),
                    ("示例原文 first quote", clip(ts[0].quote or ts[0].text, 200)),
                ),
                facets=(("document", (document,)), ("sector", (sector,)),
                        ("role", tuple(sorted({a.role for a in assignments if group_of[a.task] == key})))),
            )
        )
    links: dict[tuple[tuple[str, str, str], str, str, bool], set[str]] = defaultdict(set)
    for a in assignments:
        links[(group_of[a.task], a.unit, a.role, a.inherited)].add(a.task)
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
                facets=(("document", (key[0],)), ("sector", (key[1],)), ("role", (role,))),
            )
        )
    return nodes, edges


def _group_id(key: tuple[str, str, str]) -> str:
    return "group:" + "|".join(key)
