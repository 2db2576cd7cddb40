"""A task's owner status and unit counts (kg.model.Task.ownership, named/concrete/lead units): the
rule every query and view shares, as one table."""

from __future__ import annotations

import pytest

from kg.model import Assignment, Task, is_concrete


def _a(canonical: str, role: str = "responsible", kind: str = "department", inherited: bool = False) -> Assignment:
    return Assignment(name=canonical, canonical=canonical, role=role, kind=kind, inherited=inherited)


def _task(*assignments: Assignment) -> Task:
    return Task(id="d/t1", section_id="d", ordinal=1, text="x", start=0, end=1, quote="x", assignments=assignments)


@pytest.mark.parametrize(
    ("assignments", "ownership", "named", "concrete", "leads"),
    [
        ((), "none", 0, 0, 0),
        ((_a("市应急局"),), "concrete", 1, 1, 0),
        ((_a("有关部门", kind="vague"),), "vague", 1, 0, 0),
        ((_a("有关部门", kind="vague"), _a("市应急局")), "concrete", 2, 1, 0),
        ((_a("市应急局", inherited=True),), "none", 0, 0, 0),  # a blanket default names nobody for the task
        ((_a("市应急局", role="lead", inherited=True),), "none", 0, 0, 1),  # but an inherited lead leads
        ((_a("市应急局", "lead"), _a("市公安局", "support")), "concrete", 2, 2, 1),
        ((_a("市应急局", "lead"), _a("市住建局", "lead")), "concrete", 2, 2, 2),
        ((_a("市应急局", "lead"), _a("市应急局", "responsible")), "concrete", 1, 1, 1),  # one unit, two roles
        ((_a("某某企业", kind="enterprise"),), "concrete", 1, 1, 0),
    ],
)
def test_ownership_and_unit_counts(assignments, ownership, named, concrete, leads):
    task = _task(*assignments)
    assert task.ownership == ownership
    assert (len(task.named_units), len(task.concrete_units), len(task.lead_units)) == (named, concrete, leads)


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [(_a("市应急局"), True), (_a("有关部门", kind="vague"), False), (_a("市应急局", inherited=True), False)],
)
def test_is_concrete(assignment, expected):
    assert is_concrete(assignment) is expected
