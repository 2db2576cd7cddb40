"""Pieces the views share: task and unit nodes, assignment edges, legends, filters, headings."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from kg.model import ROLES
from kg.view_data import STATUSES, ViewAssignment, ViewData, ViewDocument, ViewTask, ViewUnit
from kg.views.page import FilterSpec, GraphEdge, GraphNode, LegendEntry, LegendGroup
from kg.views.style import (
    KIND_SHAPES,
    ROLE_COLORS,
    STATUS_COLORS,
    STATUS_LABELS,
    UNIT_BORDER,
    UNIT_COLOR,
    VAGUE_BORDER,
    VAGUE_COLOR,
    kind_shape,
)

__all__ = [
    "QUOTE_LIMIT",
    "clip",
    "document_label",
    "task_label",
    "task_tip",
    "task_node",
    "unit_node",
    "assignment_edge",
    "unit_workload",
    "role_legend",
    "status_legend",
    "kind_legend",
    "filters_for",
    "plural",
    "left_out_line",
]

QUOTE_LIMIT = 400  # characters of a quote shown in a tooltip


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` cut to `limit` characters (an ellipsis marks the cut)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def document_label(doc: ViewDocument | None) -> str:
    return doc.label if doc is not None else "?"


def task_label(task: ViewTask, data: ViewData) -> str:
    """The task identifier without its document's (e.g. 二/(一)/2/t1)."""
    doc = data.documents.get(task.document)
    prefix = (doc.identifier + "/") if doc is not None else ""
    return task.identifier[len(prefix):] if prefix and task.identifier.startswith(prefix) else task.identifier


def _where(task: ViewTask) -> str:
    if task.start < 0:
        return task.source_file
    return f"{task.source_file} 字符 chars {task.start}–{task.end}"


def _owners(assignments: Sequence[ViewAssignment], data: ViewData) -> str:
    parts = []
    for a in assignments:
        unit = data.units.get(a.unit)
        role = data.labels.roles.get(a.role, (a.role, a.role))[0] or a.role
        flags = [role] + (["继承 inherited"] if a.inherited else [])
        parts.append(f"{unit.name if unit else a.unit}（{'，'.join(flags)}）")
    return "、".join(parts) or "（无 none）"


def task_tip(task: ViewTask, assignments: Sequence[ViewAssignment], status: str, data: ViewData) -> tuple[tuple[str, str], ...]:
    """Tooltip rows of a task: quote, section, source location, owners, sector, status."""
    section = " ".join(x for x in (task.section_path, task.section_title) if x) or "（文件正文 document body）"
    rows = [
        ("任务 task", task.identifier),
        ("文件 document", document_label(data.documents.get(task.document))),
        ("章节 section", section),
        ("原文 quote", clip(task.quote or task.text)),
        ("位置 source", _where(task)),
        ("行业 sector", data.labels.sector(task.sector)),
        ("责任单位 units", _owners(assignments, data)),
        ("状态 status", STATUS_LABELS[status]),
    ]
    if task.open_list:
        rows.append(("注 note", "单位列表以“等”结尾 the unit list ends in 等"))
    return tuple(rows)


def task_node(task: ViewTask, assignments: Sequence[ViewAssignment], status: str, data: ViewData,
              label: str | None = None) -> GraphNode:
    """A task: a small dot coloured by status."""
    return GraphNode(
        task.iri,
        task_label(task, data) if label is None else label,
        STATUS_COLORS[status],
        "dot",
        8.0,
        border="#374151",
        font_color="#4b5563",
        tip=task_tip(task, assignments, status, data),
        facets=(
            ("document", (task.document,)),
            ("sector", (task.sector,)),
            ("role", tuple(sorted({a.role for a in assignments}))),
        ),
    )


def unit_workload(assignments: Iterable[ViewAssignment]) -> dict[str, Counter]:
    """Unit IRI -> tasks it holds per role (a task counted once per role)."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in assignments:
        seen[a.unit][a.role].add(a.task)
    return {unit: Counter({role: len(tasks) for role, tasks in roles.items()}) for unit, roles in seen.items()}


def unit_node(unit: ViewUnit, tasks: int, by_role: Counter, data: ViewData, *, color: str | None = None,
              needs_edge: bool = True, extra: Sequence[tuple[str, str]] = ()) -> GraphNode:
    """A unit: sized by workload, shaped by kind; vague units grey with a dashed outline."""
    roles = "、".join(f"{data.labels.role(r)} {by_role[r]}" for r in ROLES if by_role.get(r))
    tip = [
        ("单位 unit", unit.name),
        ("类型 kind", data.labels.kind(unit.kind)),
        ("任务 tasks", f"{tasks}（{roles}）" if roles else str(tasks)),
    ]
    if unit.aliases:
        tip.append(("又称 printed as", "、".join(unit.aliases)))
    tip.extend(extra)
    return GraphNode(
        unit.iri,
        unit.name,
        color or (VAGUE_COLOR if unit.vague else UNIT_COLOR),
        kind_shape(unit.kind),
        round(10 + 5 * math.sqrt(tasks), 2),
        border=VAGUE_BORDER if unit.vague else UNIT_BORDER,
        dashed=unit.vague,
        font_color="#6b7280" if unit.vague else "#111827",
        tip=tuple(tip),
        search=(unit.name,) + unit.aliases,
        needs_edge=needs_edge,
    )


def assignment_edge(a: ViewAssignment, task: ViewTask, data: ViewData) -> GraphEdge:
    """Task -> unit in one role: coloured by role, dashed when inherited from a blanket default."""
    unit = data.units.get(a.unit)
    tip = [
        ("单位 unit", unit.name if unit else a.unit),
        ("角色 role", data.labels.role(a.role)),
        ("原文写作 printed as", a.name),
    ]
    if a.inherited:
        tip.append(("继承 inherited", "来自“以下均需……”的统一规定 from a blanket default"))
    return GraphEdge(
        a.iri,
        task.iri,
        a.unit,
        ROLE_COLORS.get(a.role, "#9ca3af"),
        width=2.0 if a.role == "lead" else 1.2,
        dashed=a.inherited,
        tip=tuple(tip),
        facets=(("document", (task.document,)), ("sector", (task.sector,)), ("role", (a.role,))),
    )


def role_legend(data: ViewData) -> LegendGroup:
    entries = tuple(LegendEntry(data.labels.role(r), ROLE_COLORS[r], "line") for r in ROLES)
    return LegendGroup(
        "连线：角色 links: role",
        entries + (LegendEntry("虚线：继承自统一规定 dashed: inherited from a blanket default", "#64748b", "line", True),),
    )


def status_legend() -> LegendGroup:
    return LegendGroup(
        "任务（圆点）：状态 tasks (dots): status",
        tuple(LegendEntry(STATUS_LABELS[s], STATUS_COLORS[s]) for s in STATUSES),
    )


def kind_legend(data: ViewData, kinds: Iterable[str]) -> LegendGroup:
    present = set(kinds)
    entries = []
    for kind in KIND_SHAPES:
        if kind not in present:
            continue
        vague = kind == "vague"
        label = data.labels.kind(kind) + ("（泛指，虚线边框 vague, dashed outline）" if vague else "")
        entries.append(LegendEntry(label, VAGUE_COLOR if vague else UNIT_COLOR, KIND_SHAPES[kind], vague,
                                   VAGUE_BORDER if vague else UNIT_BORDER))
    entries.append(LegendEntry("大小：任务数 size: number of tasks", UNIT_COLOR, "dot", False, UNIT_BORDER))
    return LegendGroup("单位：形状表示类型 units: shape = kind", tuple(entries))


def filters_for(data: ViewData, tasks: Iterable[ViewTask], assignments: Iterable[ViewAssignment],
                facets: Sequence[str] = ("sector", "role", "document")) -> tuple[FilterSpec, ...]:
    """Select boxes offering the values present among `tasks` and `assignments`."""
    tasks = list(tasks)
    out = []
    for facet in facets:
        if facet == "sector":
            codes = sorted({t.sector for t in tasks})
            out.append(FilterSpec("sector", "行业 sector", tuple((c, data.labels.sector(c)) for c in codes)))
        elif facet == "role":
            present = {a.role for a in assignments}
            out.append(FilterSpec("role", "角色 role", tuple((r, data.labels.role(r)) for r in ROLES if r in present)))
        elif facet == "document":
            docs = sorted({t.document for t in tasks}, key=lambda d: document_label(data.documents.get(d)))
            out.append(FilterSpec("document", "文件 document",
                                  tuple((d, document_label(data.documents.get(d))) for d in docs)))
    return tuple(f for f in out if len(f.options) > 1)


def left_out_line(scope_text: str, all_nodes: int, shown_nodes: int) -> str:
    """The heading line that says how many nodes the command-line filters left out."""
    if not scope_text:
        return "未筛选 no filter: 全部数据 everything in the store is shown."
    left = all_nodes - shown_nodes
    return (f"筛选 filter {scope_text}：省略 {left} 个节点（共 {all_nodes} 个）· "
            f"left out {plural(left, 'node')} of {all_nodes}.")
