"""Unit view: one unit's ego network — its tasks and the other units that share them."""

from __future__ import annotations

from kg.errors import QueryError
from kg.view_data import ViewData
from kg.views.page import LegendEntry, LegendGroup, Page
from kg.views.parts import filters_for, kind_legend, left_out_line, plural, role_legend, status_legend
from kg.views.scope import Scope, apply_scope, resolve_units
from kg.views.style import CENTRE_COLOR
from kg.views.taskgraph import task_graph

__all__ = ["unit_page"]


def unit_page(data: ViewData, scope: Scope, limit: int) -> Page:
    """The tasks of the unit named by --unit (name or alias) and every unit assigned with it."""
    if not scope.unit:
        raise QueryError("the unit view needs --unit NAME (a unit's name or the alias it is printed as)")
    centres = resolve_units(data, scope.unit)
    scoped = apply_scope(data, scope, centres)
    colors = {iri: CENTRE_COLOR for iri in centres}
    graph = task_graph(scoped, scoped.tasks, limit, colors)
    whole = apply_scope(data, Scope(unit=scope.unit), centres)
    everything = task_graph(whole, whole.tasks, len(whole.tasks), colors)
    names = "、".join(data.units[c].name for c in centres)
    drawn_centres = sum(1 for n in graph.nodes if n.id in colors)
    others = graph.units - drawn_centres
    filters = Scope(scope.document, scope.sector).describe()
    summary = (
        f"{names}：{graph.tasks} 个任务，与 {others} 个其他单位共同承担 · "
        f"{plural(graph.tasks, 'task')}, shared with {plural(others, 'other unit')}.",
        left_out_line(filters, everything.tasks + everything.units, graph.tasks + graph.units),
    )
    notes = []
    if len(centres) > 1:
        notes.append(f"“{scope.unit}” 对应 {len(centres)} 个单位 matches {len(centres)} units: {names}.")
    if graph.aggregated:
        notes.append(f"任务超过 {limit} 个，已按“{graph.grouping[0]}”汇总 · more than {limit} tasks: "
                     f"aggregated by {graph.grouping[1]}.")
    centre = LegendGroup("中心 centre", (LegendEntry(f"所查单位 the unit asked for: {names}", CENTRE_COLOR),))
    return Page(
        "unit",
        f"单位视图 Unit view — {names}",
        summary,
        graph.nodes,
        graph.edges,
        (centre, status_legend(), role_legend(data), kind_legend(data, graph.kinds)),
        filters_for(data, scoped.tasks, scoped.assignments),
        tuple(notes),
    )
