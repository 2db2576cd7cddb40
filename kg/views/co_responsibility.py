"""Co-responsibility view: units only, linked by the tasks they answer for together; pairs that are only
ever assigned together stand out."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from kg.view_data import ViewData, concrete
from kg.views.page import GraphEdge, GraphNode, LegendEntry, LegendGroup, Page
from kg.views.parts import filters_for, kind_legend, left_out_line, plural, unit_node, unit_workload
from kg.views.scope import Scope, apply_scope, resolve_units
from kg.views.style import PAIR_COLOR, TOGETHER_COLOR

__all__ = ["co_responsibility_page", "SUBSET_COLOR"]

SUBSET_COLOR = "#f59e0b"  # one unit never appears without the other
_SAMPLE = 10


@dataclass(frozen=True)
class _Graph:
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    pairs: int  # pairs before any were dropped
    solo: int  # concrete units that share no task
    dropped: int  # pairs sharing one task left out (over the limit)
    together: int
    kinds: frozenset[str]


def _graph(data: ViewData, limit: int) -> _Graph:
    owned = [a for a in data.assignments if concrete(a, data.units)]
    tasks_of: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, set[str]] = defaultdict(set)
    for a in owned:
        tasks_of[a.unit].add(a.task)
        owners[a.task].add(a.unit)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for task, units in owners.items():
        ordered = sorted(units)
        for i, u in enumerate(ordered):
            for v in ordered[i + 1:]:
                shared[(u, v)].add(task)
    pairs = len(shared)
    dropped = 0
    if pairs > limit:
        kept = {k: v for k, v in shared.items() if len(v) >= 2}
        dropped = pairs - len(kept)
        shared = kept
    task_by_iri = {t.iri: t for t in data.tasks}
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in owned:
        roles[(a.unit, a.task)].add(a.role)
    edges, together = [], 0
    for (u, v), tasks in sorted(shared.items()):
        a_tasks, b_tasks = tasks_of[u], tasks_of[v]
        if a_tasks == b_tasks:
            color, kind, together = TOGETHER_COLOR, "总是一起 always together", together + 1
        elif a_tasks <= b_tasks or b_tasks <= a_tasks:
            color, kind = SUBSET_COLOR, "一方从不单独出现 one never appears without the other"
        else:
            color, kind = PAIR_COLOR, ""
        name_u, name_v = data.units[u].name, data.units[v].name
        ids = sorted(task_by_iri[t].identifier for t in tasks)
        tip = [
            ("单位 units", f"{name_u} + {name_v}"),
            ("共同任务 shared tasks", str(len(tasks))),
            ("各自任务 own tasks", f"{name_u} {len(a_tasks)}，{name_v} {len(b_tasks)}"),
            ("任务 tasks", "、".join(ids[:_SAMPLE]) + ("…" if len(ids) > _SAMPLE else "")),
        ]
        if kind:
            tip.append(("注 note", kind))
        edges.append(
            GraphEdge(
                f"pair:{u}|{v}", u, v, color,
                width=round(1 + 1.5 * math.log2(len(tasks)), 2) + (1.5 if color != PAIR_COLOR else 0),
                label=str(len(tasks)),
                tip=tuple(tip),
                facets=(
                    ("document", tuple(sorted({task_by_iri[t].document for t in tasks}))),
                    ("sector", tuple(sorted({task_by_iri[t].sector for t in tasks}))),
                    ("role", tuple(sorted({r for t in tasks for r in roles[(u, t)] | roles[(v, t)]}))),
                ),
            )
        )
    drawn = sorted({u for pair in shared for u in pair})
    workload = unit_workload(owned)
    nodes = []
    for iri in drawn:
        tasks = tasks_of[iri]
        node = unit_node(data.units[iri], len(tasks), workload[iri], data,
                         extra=(("合作单位 partners", str(sum(1 for pair in shared if iri in pair))),))
        nodes.append(replace(node, facets=(
            ("document", tuple(sorted({task_by_iri[t].document for t in tasks}))),
            ("sector", tuple(sorted({task_by_iri[t].sector for t in tasks}))),
            ("role", tuple(sorted(workload[iri]))),
        )))
    solo = len(set(tasks_of) - set(drawn))
    return _Graph(tuple(nodes), tuple(edges), pairs, solo, dropped, together,
                  frozenset(data.units[u].kind for u in drawn))


def co_responsibility_page(data: ViewData, scope: Scope, limit: int) -> Page:
    """Units linked by shared tasks (concrete owners only: named for the task, not vague, not inherited)."""
    units = resolve_units(data, scope.unit) if scope.unit else ()
    scoped = apply_scope(data, scope, units)
    graph = _graph(scoped, limit)
    everything = _graph(data, limit) if scope.describe() else graph
    summary = (
        f"{len(graph.nodes)} 个单位、{len(graph.edges)} 对共同负责（其中 {graph.together} 对总是一起）· "
        f"{plural(len(graph.nodes), 'unit')}, {plural(len(graph.edges), 'pair')} sharing tasks "
        f"({graph.together} always together). 只计明确责任单位（点名、非泛指、非继承）"
        f" concrete owners only (named, not vague, not inherited).",
        f"未与其他单位共担（画出的）任务的 {graph.solo} 个单位未画出 · {plural(graph.solo, 'unit')} sharing no drawn "
        f"task with another are not drawn.",
        left_out_line(scope.describe(), len(everything.nodes), len(graph.nodes)),
    )
    notes = ()
    if graph.dropped:
        notes = (f"共 {graph.pairs} 对，超过 {limit}：只画共同任务不少于 2 个的单位对，省略 {graph.dropped} 对 · "
                 f"{graph.pairs} pairs, more than {limit}: only pairs sharing two or more tasks are drawn "
                 f"({graph.dropped} pairs sharing one task left out).",)
    legend = (
        LegendGroup("连线：共同任务数（线宽、标签）links: shared tasks (width, label)", (
            LegendEntry("总是一起：两单位的任务完全相同 always together: the same tasks", TOGETHER_COLOR, "line"),
            LegendEntry("一方的任务全都有另一方 one never appears without the other", SUBSET_COLOR, "line"),
            LegendEntry("部分共同 some tasks shared", PAIR_COLOR, "line"),
        )),
        kind_legend(data, graph.kinds),
    )
    owned = [a for a in scoped.assignments if concrete(a, scoped.units)]
    return Page(
        "co-responsibility",
        "共同责任网络 Co-responsibility network — 哪些单位共同承担任务 which units answer for tasks together",
        summary,
        graph.nodes,
        graph.edges,
        legend,
        filters_for(scoped, scoped.tasks, owned),
        notes,
    )
