"""Responsibility view: units and tasks; edges coloured by role (inherited dashed), tasks coloured by
status, units sized by workload and shaped by kind."""

from __future__ import annotations

from kg.view_data import STATUSES, ViewData
from kg.views.page import Page
from kg.views.parts import filters_for, kind_legend, left_out_line, plural, role_legend, status_legend
from kg.views.scope import Scope, apply_scope, resolve_units
from kg.views.style import STATUS_LABELS
from kg.views.taskgraph import task_graph

__all__ = ["responsibility_page"]


def responsibility_page(data: ViewData, scope: Scope, limit: int) -> Page:
    """Who answers for which task, for the tasks the scope selects."""
    units = resolve_units(data, scope.unit) if scope.unit else ()
    scoped = apply_scope(data, scope, units)
    graph = task_graph(scoped, scoped.tasks, limit)
    everything = task_graph(data, data.tasks, len(data.tasks)) if scope.describe() else graph
    counts = " · ".join(f"{STATUS_LABELS[s].split(' ', 1)[0]} {graph.statuses.get(s, 0)}" for s in STATUSES)
    summary = (
        f"{graph.tasks} 个任务、{graph.units} 个单位、{graph.assignments} 项分工 · "
        f"{plural(graph.tasks, 'task')}, {plural(graph.units, 'unit')}, {plural(graph.assignments, 'assignment')}.",
        f"任务状态 task status: {counts}.",
        left_out_line(scope.describe(), everything.tasks + everything.units, graph.tasks + graph.units),
    )
    notes = ()
    if graph.aggregated:
        notes = (f"任务超过 {limit} 个，已按“{graph.grouping[0]}”汇总为 {len(graph.nodes) - graph.units} "
                 f"个节点 · more than {limit} tasks: tasks are aggregated by {graph.grouping[1]} "
                 f"(a node per group, its size and link labels count tasks); narrow with --document or --sector "
                 f"to see one node per task.",)
    return Page(
        "responsibility",
        "责任网络 Responsibility network — 任务与责任单位 tasks and the units answerable for them",
        summary,
        graph.nodes,
        graph.edges,
        (status_legend(), role_legend(data), kind_legend(data, graph.kinds)),
        filters_for(data, scoped.tasks, scoped.assignments),
        notes,
    )
