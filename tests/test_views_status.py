"""Task status as the views colour it (kg.view_data.task_status), one line per case."""

from __future__ import annotations

import pytest

from kg.view_data import ViewAssignment, ViewUnit, task_status

UNITS = {
    "应急局": ViewUnit("应急局", "市应急管理局", "department", "", ()),
    "住建局": ViewUnit("住建局", "市住房和城乡建设局", "department", "", ()),
    "公安局": ViewUnit("公安局", "市公安局", "department", "", ()),
    "有关部门": ViewUnit("有关部门", "市有关部门", "vague", "", ()),
}


def a(unit: str, role: str = "responsible", inherited: bool = False) -> ViewAssignment:
    return ViewAssignment(f"t/{unit}/{role}", "t", unit, role, inherited, unit, 1)


@pytest.mark.parametrize(
    ("assignments", "expected"),
    [
        ([], "unowned"),
        ([a("有关部门")], "unowned"),  # only a vague unit
        ([a("应急局", inherited=True)], "unowned"),  # only inherited from a blanket default
        ([a("有关部门", "lead"), a("应急局", "support", inherited=True)], "unowned"),
        ([a("应急局")], "clear"),  # a single concrete owner
        ([a("应急局", "lead"), a("住建局", "support")], "clear"),
        ([a("应急局", "shared"), a("住建局", "shared")], "overlap"),
        ([a("应急局"), a("住建局"), a("有关部门")], "overlap"),
        ([a("应急局"), a("应急局", "oversee")], "clear"),  # one unit in two roles is one owner
        ([a("应急局"), a("住建局"), a("有关部门", "lead")], "clear"),  # a lead, even vague, means no overlap
        ([a("应急局", "lead"), a("住建局", "lead")], "multi_lead"),
        ([a("应急局", "lead"), a("住建局", "lead"), a("公安局", "support")], "multi_lead"),
        ([a("应急局", "lead"), a("有关部门", "lead")], "multi_lead"),  # as the canned multiple_leads counts
    ],
)
def test_task_status(assignments, expected):
    assert task_status(assignments, UNITS) == expected
