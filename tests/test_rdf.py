"""Model -> RDF: IRI minting, the mapping of fields to predicates, no blank nodes, determinism, and
round-trips of the exports (compared as isomorphic graphs, never as strings)."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from graph_sample import sample_source
from kg import ids
from kg.export import export_rdf, rdf_graph
from kg.namespaces import DCTERMS, ELI, KIND, OA, ORG, OWNER, PROV, RDF, ROLE, SD, SECTOR, SKOS
from kg.triples import file_graph

ID = "https://w3id.org/safety-duty/id/"


@pytest.mark.parametrize(
    ("minted", "expected"),
    [
        (ids.document_iri("临政发〔2024〕1号"), ID + "doc/临政发〔2024〕1号"),
        (ids.document_iri("003_910978ec7eaa2ee3#1"), ID + "doc/003_910978ec7eaa2ee3%231"),
        (ids.section_iri("临政发〔2024〕1号/二/(一)/2"), ID + "section/临政发〔2024〕1号/二/(一)/2"),
        (ids.task_iri("临政发〔2024〕1号/二/(一)/2/t1"), ID + "task/临政发〔2024〕1号/二/(一)/2/t1"),
        (ids.unit_iri("临汾市各县（市、区）人民政府"), ID + "unit/临汾市各县（市、区）人民政府"),
        (ids.unit_iri("A/B 局"), ID + "unit/A%2FB%20局"),
        (ids.file_iri("000_52a272d02e943534.txt"), ID + "file/000_52a272d02e943534.txt"),
        (ids.regulation_iri("中华人民共和国安全生产法"), ID + "regulation/中华人民共和国安全生产法"),
        (ids.regulation_iri("<测试>规定"), ID + "regulation/%3C测试%3E规定"),
        (ids.jurisdiction_iri("临汾市"), ID + "jurisdiction/临汾市"),
        (ids.term_iri("doc#1", "五人小组"), ID + "term/doc%231/五人小组"),
        (ids.default_iri("襄政发〔2025〕1号", 1), ID + "default/襄政发〔2025〕1号/1"),
        (ids.assignment_iri(ids.task_iri("d/t1"), "临汾市应急管理局", "lead"), ID + "task/d/t1/unit/临汾市应急管理局/lead"),
        (ids.assignment_iri(ids.task_iri("d/t1"), "X", "lead", 2), ID + "task/d/t1/unit/X/lead/2"),
        (ids.role_iri("support"), "https://w3id.org/safety-duty/role/support"),
        (ids.kind_iri("vague"), "https://w3id.org/safety-duty/unit-kind/vague"),
        (ids.sector_iri("coal_mine"), "https://w3id.org/safety-duty/sector/coal_mine"),
    ],
)
def test_iri_minting(minted, expected):
    assert str(minted) == expected


@pytest.mark.parametrize(("text", "expected"), [("", "_"), ("a%b", "a%25b"), ("\u3000", "\u3000"), ("\ue000", "%EE%80%80")])
def test_segment_encoding(text, expected):
    assert ids.segment(text) == expected


def test_unknown_role_fails():
    with pytest.raises(AttributeError):
        ids.role_iri("boss")


@pytest.fixture(scope="module")
def sample() -> Graph:
    return file_graph(sample_source())


DOC = ids.document_iri("测政发〔2024〕9号")
T1 = ids.task_iri("测政发〔2024〕9号/一/(一)/t1")
T2 = ids.task_iri("测政发〔2024〕9号/一/(二)/t1")
T3 = ids.task_iri("测政发〔2024〕9号/二/t1")


def test_graph_is_named_by_the_file(sample):
    assert sample.identifier == ids.file_iri("sample.txt")


def test_no_blank_nodes(sample):
    assert not [t for t in sample if any(isinstance(x, BNode) for x in t)]


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (DOC, RDF.type, SD.Document),
        (DOC, RDF.type, ELI.LegalResource),
        (DOC, ELI.id_local, Literal("测政发〔2024〕9号")),
        (DOC, ELI.date_document, Literal("2024-03-01", datatype=XSD.date)),
        (DOC, ELI.passed_by, ids.unit_iri("测试市人民政府")),
        (DOC, ELI.jurisdiction, ids.jurisdiction_iri("测试市")),
        (DOC, SD.documentKind, Literal("notice")),
        (DOC, ELI.cites, ids.document_iri("晋政发〔2024〕1号")),
        (DOC, ELI.cites, ids.regulation_iri("中华人民共和国安全生产法")),
        (ids.section_iri("测政发〔2024〕9号/一/(一)"), ELI.is_part_of, ids.section_iri("测政发〔2024〕9号/一")),
        (ids.section_iri("测政发〔2024〕9号/一"), ELI.is_part_of, DOC),
        (ids.section_iri("测政发〔2024〕9号/一"), ELI.has_part, ids.section_iri("测政发〔2024〕9号/一/(一)")),
        (T1, ELI.is_part_of, ids.section_iri("测政发〔2024〕9号/一/(一)")),
        (T1, SD.document, DOC),
        (T1, RDF.type, PROV.Activity),
        (T1, PROV.qualifiedAssociation, ids.assignment_iri(T1, "测试市应急管理局", "lead")),
        (ids.assignment_iri(T1, "测试市应急管理局", "lead"), PROV.agent, ids.unit_iri("测试市应急管理局")),
        (ids.assignment_iri(T1, "测试市应急管理局", "lead"), PROV.hadRole, ROLE.lead),
        (ids.assignment_iri(T1, "测试市应急管理局", "lead"), SD.unitName, Literal("市应急局")),
        (ids.assignment_iri(T2, "测试市应急管理局", "responsible"), SD.inherited, Literal(True)),
        (ids.unit_iri("测试市应急管理局"), ORG.classification, KIND.department),
        (ids.unit_iri("测试市应急管理局"), SKOS.altLabel, Literal("市应急局")),
        (ids.unit_iri("测试市有关部门"), ORG.classification, KIND.vague),
        (T2, SD.openList, Literal(True)),
        (T2, SD.primarySector, SECTOR.construction),
        (T2, SD.sector, SECTOR.road_transport),
        (DOC, SD.sectionCount, Literal(4)),
        (DOC, SD.taskCount, Literal(3)),
        (DOC, SD.concreteTaskCount, Literal(2)),
        (DOC, SD.vagueTaskCount, Literal(1)),
        (T1, SD.ownership, OWNER.concrete),
        (T1, SD.leadUnitCount, Literal(1)),
        (T2, SD.namedUnitCount, Literal(2)),  # the inherited 市应急局 is not named for the task
        (T2, SD.concreteUnitCount, Literal(2)),
        (T2, SD.leadUnitCount, Literal(0)),
        (T3, SD.ownership, OWNER.vague),  # only 有关部门
        (T3, SD.concreteUnitCount, Literal(0)),
        (T2, SD.concreteOwner, ids.unit_iri("测试市住房和城乡建设局")),
        (T3, ELI.cites, ids.regulation_iri("中华人民共和国安全生产法")),
        (T3, SD.usesTerm, ids.term_iri("测政发〔2024〕9号", "隐患排查")),
        (ids.default_iri("测政发〔2024〕9号", 1), SD.declaredIn, T1),
        (ids.assignment_iri(ids.default_iri("测政发〔2024〕9号", 1), "测试市应急管理局", "responsible"),
         SD.inheritedTaskCount, Literal(1)),  # T2 holds 市应急局 only by the default
        (ids.file_iri("sample.txt"), SD.warning, Literal("sample warning")),
    ],
)
def test_field_mapping(sample, subject, predicate, obj):
    assert (subject, predicate, obj) in sample


def test_task_anchor_keeps_offsets_and_quote(sample):
    source = sample_source()
    task = source.documents[0].tasks[0]
    anchor = sample.value(T1, SD.anchor)
    assert sample.value(anchor, OA.hasSource) == ids.file_iri("sample.txt")
    selectors = set(sample.objects(anchor, OA.hasSelector))
    starts = {sample.value(s, OA.start) for s in selectors} - {None}
    quotes = {sample.value(s, OA.exact) for s in selectors} - {None}
    assert starts == {Literal(task.start)}
    assert quotes == {Literal(task.quote)}


def test_ordered_lists_keep_their_order(sample):
    items = {int(sample.value(i, SD.index)): str(sample.value(i, RDF.value)) for i in sample.objects(DOC, SD.addressee)}
    assert [items[k] for k in sorted(items)] == ["各县(市、区)人民政府", "市直各部门"]


def test_assignment_order_is_kept(sample):
    order = {int(sample.value(a, SD.index)): str(sample.value(a, SD.unitName)) for a in sample.objects(T2, PROV.qualifiedAssociation)}
    assert [order[k] for k in sorted(order)] == ["市住建局", "市交通局", "市应急局"]


def test_same_model_same_triples():
    a = file_graph(sample_source()).serialize(format="nt")
    b = file_graph(sample_source()).serialize(format="nt")
    assert sorted(a.splitlines()) == sorted(b.splitlines())


def test_identifiers_are_unique_per_task(corpus_store):
    g = rdf_graph(corpus_store)
    tasks = list(g.subjects(RDF.type, SD.Task))
    assert len(tasks) == len({g.value(t, DCTERMS.identifier) for t in tasks}) > 100


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_export_round_trips_to_an_isomorphic_graph(corpus_store, fmt, parser):
    original = rdf_graph(corpus_store)
    parsed = Graph().parse(data=export_rdf(corpus_store, fmt), format=parser)
    assert len(parsed) == len(original)
    assert isomorphic(parsed, original)


def test_turtle_export_binds_every_prefix_explicitly(corpus_store):
    head = export_rdf(corpus_store, "ttl").decode("utf-8").split("\n\n", 1)[0]
    for prefix in ("eli", "org", "prov", "skos", "dcterms", "oa", "sd", "role", "kind", "sector"):
        assert f"@prefix {prefix}: <" in head


def test_concrete_owners_leave_out_inherited_and_vague_units(sample):
    assert set(sample.objects(T2, SD.concreteOwner)) == {ids.unit_iri("测试市住房和城乡建设局"), ids.unit_iri("测试市交通运输局")}
    assert set(sample.objects(T3, SD.concreteOwner)) == set()  # only 有关部门
