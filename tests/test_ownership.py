"""A task's owner status and unit counts (kg.model.Task.ownership, named/concrete/lead units): the
rule every query and view shares, as one table."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.model import Assignment, Task, is_concrete
from kg.namespaces import KIND, ORG, OWNER, PROV, RDF, ROLE, SD
from kg.triples import file_graph
from loaders import load_file


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


def _owner_facts_from_assignments(g, task):
    """What the derived facts must say, read back from the task's own assignment nodes in the graph."""
    named, concrete, leads = set(), set(), set()
    for a in g.objects(task, PROV.qualifiedAssociation):
        unit, inherited = g.value(a, PROV.agent), g.value(a, SD.inherited).toPython()
        if g.value(a, PROV.hadRole) == ROLE.lead:
            leads.add(unit)
        if not inherited:
            named.add(unit)
            if g.value(unit, ORG.classification) != KIND.vague:
                concrete.add(unit)
    ownership = OWNER.concrete if concrete else OWNER.vague if named else OWNER.none
    return ownership, len(named), concrete, len(leads)


def test_derived_facts_agree_with_the_assignments_on_the_corpus(corpus_files):
    checked = Counter()
    for path in corpus_files:
        g = file_graph(load_file(path))
        for task in g.subjects(RDF.type, SD.Task):
            ownership, named, concrete, leads = _owner_facts_from_assignments(g, task)
            assert g.value(task, SD.ownership) == ownership, task
            assert g.value(task, SD.namedUnitCount).toPython() == named, task
            assert set(g.objects(task, SD.concreteOwner)) == concrete, task
            assert g.value(task, SD.concreteUnitCount).toPython() == len(concrete), task
            assert g.value(task, SD.leadUnitCount).toPython() == leads, task
            checked[ownership] += 1
    assert set(checked) == {OWNER.concrete, OWNER.vague, OWNER.none}  # the corpus has all three
