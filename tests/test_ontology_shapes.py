"""SHACL shapes (ontology/shapes.ttl) checked with pyshacl: the corpus graph conforms; broken graphs
fail with the violated rule named."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef

from graph_sample import sample_source
from kg import ids
from kg.export import rdf_graph
from kg.namespaces import ELI, PROV, ROLE, SD
from kg.schema import ontology_graph, shapes_graph
from kg.triples import file_graph


def _validate(data: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(
        data + ontology_graph(), shacl_graph=shapes_graph(), inference="none", advanced=True
    )
    return conforms, text


def test_corpus_graph_conforms(corpus_store):
    conforms, text = _validate(rdf_graph(corpus_store))
    assert conforms, text[:4000]


def test_sample_graph_conforms():
    conforms, text = _validate(file_graph(sample_source()))
    assert conforms, text[:4000]


DOC = "测政发〔2024〕9号"
TASK = ids.task_iri(f"{DOC}/一/(一)/t1")
ASSIGNMENT = ids.assignment_iri(TASK, "测试市应急管理局", "lead")


def _drop_document_link(g: Graph) -> None:
    g.remove((TASK, SD.document, None))


def _second_agent(g: Graph) -> None:
    g.add((ASSIGNMENT, PROV.agent, ids.unit_iri("测试市公安局")))


def _unknown_role(g: Graph) -> None:
    g.remove((ASSIGNMENT, PROV.hadRole, None))
    g.add((ASSIGNMENT, PROV.hadRole, URIRef(str(ROLE._NS) + "boss")))


def _two_sections(g: Graph) -> None:
    g.add((TASK, ELI.is_part_of, ids.section_iri(f"{DOC}/二")))


def _empty_text(g: Graph) -> None:
    g.set((TASK, SD.text, Literal("")))


def _start_after_end(g: Graph) -> None:
    pos = ids.child_iri(ids.child_iri(TASK, "anchor"), "position")
    g.set((pos, URIRef("http://www.w3.org/ns/oa#start"), Literal(10**6)))


def _unclassified_unit(g: Graph) -> None:
    g.remove((ids.unit_iri("测试市公安局"), URIRef("http://www.w3.org/ns/org#classification"), None))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (_drop_document_link, "a task belongs to exactly one document"),
        (_second_agent, "an assignment has exactly one unit"),
        (_unknown_role, "an assignment has exactly one role of the role scheme"),
        (_two_sections, "a task is in exactly one section"),
        (_empty_text, "a task has exactly one non-empty text"),
        (_start_after_end, "a position has one start, not after its end"),
        (_unclassified_unit, "a unit named in an assignment has a kind"),
    ],
    ids=lambda v: v.__name__ if callable(v) else None,
)
def test_broken_graph_fails_naming_the_violation(breakage, message):
    g = file_graph(sample_source())
    breakage(g)
    conforms, text = _validate(g)
    assert not conforms
    assert message in text
