"""The vocabulary files: they parse, label every term in both languages, match kg.namespaces and
kg.model, and the README maps every model field to a predicate."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import model
from kg.namespaces import KIND, OWNER, ROLE, SD
from kg.schema import ONTOLOGY_DIR, ontology_files, ontology_graph

SAFETY = ONTOLOGY_DIR / "safety.ttl"


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return ontology_graph()


@pytest.mark.parametrize("path", sorted(ONTOLOGY_DIR.glob("*.ttl")), ids=lambda p: p.name)
def test_every_ontology_file_parses_and_has_triples(path):
    g = Graph().parse(path, format="turtle")
    assert len(g) > 10


def _defined_terms(g: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    ns = str(SD._NS)
    return {str(s)[len(ns):] for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(ns)}


def test_namespace_class_lists_exactly_the_terms_the_ontology_defines(vocab):
    declared = {name for name in SD.__annotations__}
    assert declared == _defined_terms(vocab)


def test_misspelt_term_fails():
    with pytest.raises(AttributeError):
        SD.Tsak  # noqa: B018


def test_every_term_of_safety_ttl_has_a_chinese_and_an_english_label():
    g = Graph().parse(SAFETY, format="turtle")
    for name in sorted(_defined_terms(g)):
        langs = {lbl.language for lbl in g.objects(URIRef(str(SD._NS) + name), RDFS.label)}
        assert {"zh", "en"} <= langs, f"sd:{name} lacks a label in {({'zh', 'en'} - langs)}"


@pytest.mark.parametrize(
    ("namespace", "values", "scheme_file"),
    [(ROLE, model.ROLES, "roles.ttl"), (KIND, model.UNIT_KINDS, "unit-kinds.ttl"),
     (OWNER, model.OWNERSHIPS, "ownership.ttl")],
    ids=["roles", "unit-kinds", "ownership"],
)
def test_concept_schemes_match_the_model(namespace, values, scheme_file):
    g = Graph().parse(ONTOLOGY_DIR / scheme_file, format="turtle")
    concepts = {str(c) for c in g.subjects(RDF.type, SKOS.Concept)}
    assert concepts == {str(namespace[v]) for v in values}
    assert set(namespace.__annotations__) == set(values)
    for value in values:
        c = namespace[value]
        assert str(g.value(c, SKOS.notation)) == value
        assert {lbl.language for lbl in g.objects(c, SKOS.prefLabel)} == {"zh", "en"}


def test_ontology_files_exclude_the_shapes():
    names = [p.name for p in ontology_files()]
    assert "shapes.ttl" not in names and "safety.ttl" in names


def _readme_fields() -> set[str]:
    """Model fields named in the first column of the README's mapping table ("X.a, b" and "A / B" forms)."""
    text = (ONTOLOGY_DIR / "README.md").read_text(encoding="utf-8")
    table = text.split("## Model field → RDF", 1)[1]
    out = set()
    for line in table.splitlines():
        if not line.startswith("| ") or line.startswith("| model field") or line.startswith("|---"):
            continue
        cell = line.split("|")[1].strip()
        for alt in cell.split(" / "):
            cls, _, fields = alt.partition(".")
            for f in fields.split(","):
                if f.strip():
                    out.add(f"{cls.strip()}.{f.strip()}")
    return out


@pytest.mark.parametrize(
    "cls",
    [model.SourceFile, model.Document, model.Section, model.Task, model.Assignment, model.Citation,
     model.DefaultClause, model.Term],
    ids=lambda c: c.__name__,
)
def test_readme_maps_every_model_field(cls):
    named = _readme_fields()
    missing = [f.name for f in dataclasses.fields(cls) if f"{cls.__name__}.{f.name}" not in named]
    assert not missing, f"ontology/README.md does not map {cls.__name__}.{', '.join(missing)}"
