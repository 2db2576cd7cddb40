"""ontology/sectors.ttl is the SKOS form of loaders/data/sectors.toml: compared as graphs, never as strings.

After reviewing a change to the TOML, regenerate the Turtle with
    KG_REGENERATE=1 pytest tests/test_sectors_ontology.py
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from loaders.sectors import sector_table

TTL = Path(__file__).resolve().parent.parent / "ontology" / "sectors.ttl"
SD = Namespace("https://w3id.org/safety-duty/ontology#")
SECTOR = Namespace("https://w3id.org/safety-duty/sector/")
SCHEME = URIRef("https://w3id.org/safety-duty/sector")  # kg.namespaces.SECTOR_SCHEME

HEADER = """# Sector scheme (issue 7): the sectors a task belongs to, as SKOS concepts.
# Generated from loaders/data/sectors.toml (codes, labels, cue words) and compared with it as a graph by
# tests/test_sectors_ontology.py: edit the TOML, then regenerate with
#     KG_REGENERATE=1 pytest tests/test_sectors_ontology.py
# skos:notation = the code the loaders and exports use; skos:hiddenLabel = every cue word (for search);
# sd:headingCue = the cue words that, in a heading, decide a task's primary sector.

@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sd: <https://w3id.org/safety-duty/ontology#> .
@prefix sector: <https://w3id.org/safety-duty/sector/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def _lit(s: str, lang: str | None = None) -> str:
    text = s.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"@{lang}' if lang else f'"{text}"'


def expected_graph() -> Graph:
    g = Graph()
    g.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((SCHEME, SKOS.prefLabel, Literal("行业领域", lang="zh")))
    g.add((SCHEME, SKOS.prefLabel, Literal("Sectors", lang="en")))
    g.add((SD.headingCue, RDF.type, OWL.AnnotationProperty))
    g.add((SD.headingCue, RDFS.label, Literal("标题提示词", lang="zh")))
    g.add((SD.headingCue, RDFS.label, Literal("heading cue", lang="en")))
    g.add((SD.headingCue, RDFS.subPropertyOf, SKOS.hiddenLabel))
    for s in sector_table():
        c = SECTOR[s.code]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, RDF.type, SD.Sector))  # the range of sd:sector / sd:primarySector (ontology/safety.ttl)
        g.add((c, SKOS.inScheme, SCHEME))
        g.add((c, SKOS.topConceptOf, SCHEME))
        g.add((SCHEME, SKOS.hasTopConcept, c))
        g.add((c, SKOS.notation, Literal(s.code)))
        g.add((c, SKOS.prefLabel, Literal(s.zh, lang="zh")))
        g.add((c, SKOS.prefLabel, Literal(s.en, lang="en")))
        for cue in s.heading:
            g.add((c, SD.headingCue, Literal(cue, lang="zh")))
        for cue in sorted(set(s.heading) | set(s.body)):
            g.add((c, SKOS.hiddenLabel, Literal(cue, lang="zh")))
    return g


def expected_turtle() -> str:
    """Deterministic, reviewable Turtle of expected_graph() (one block per sector, scheme order)."""
    out = [HEADER]
    tops = ", ".join(f"sector:{s.code}" for s in sector_table())
    out.append(f"<{SCHEME}> a skos:ConceptScheme ;\n    skos:prefLabel {_lit('行业领域', 'zh')}, {_lit('Sectors', 'en')} ;\n"
               f"    skos:hasTopConcept {tops} .\n")
    out.append(f"sd:headingCue a owl:AnnotationProperty ;\n    rdfs:label {_lit('标题提示词', 'zh')}, "
               f"{_lit('heading cue', 'en')} ;\n    rdfs:subPropertyOf skos:hiddenLabel .\n")
    for s in sector_table():
        lines = [f"sector:{s.code} a sd:Sector, skos:Concept ;", f"    skos:inScheme <{SCHEME}> ;", f"    skos:topConceptOf <{SCHEME}> ;",
                 f"    skos:notation {_lit(s.code)} ;",
                 f"    skos:prefLabel {_lit(s.zh, 'zh')}, {_lit(s.en, 'en')}"]
        if s.heading:
            lines[-1] += " ;"
            lines.append("    sd:headingCue " + ", ".join(_lit(c, "zh") for c in s.heading))
        cues = sorted(set(s.heading) | set(s.body))
        if cues:
            lines[-1] += " ;"
            lines.append("    skos:hiddenLabel " + ", ".join(_lit(c, "zh") for c in cues))
        out.append("\n".join(lines) + " .\n")
    return "\n".join(out)


def test_turtle_matches_the_table():
    if os.environ.get("KG_REGENERATE"):
        TTL.parent.mkdir(exist_ok=True)
        TTL.write_text(expected_turtle(), encoding="utf-8")
    got = Graph().parse(TTL, format="turtle")
    want = expected_graph()
    if not isomorphic(got, want):
        _, only_file, only_table = graph_diff(got, want)
        raise AssertionError(
            "ontology/sectors.ttl differs from loaders/data/sectors.toml; review and regenerate with "
            f"KG_REGENERATE=1.\nonly in the file:\n{only_file.serialize(format='nt')}\n"
            f"only in the table:\n{only_table.serialize(format='nt')}"
        )


def test_generated_turtle_is_the_same_graph():
    """The generator itself writes the table's graph (so regenerating cannot drift)."""
    assert isomorphic(Graph().parse(data=expected_turtle(), format="turtle"), expected_graph())


def test_every_concept_has_labels_in_both_languages():
    g = Graph().parse(TTL, format="turtle")
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == 18
    for c in concepts:
        langs = {o.language for o in g.objects(c, SKOS.prefLabel)}
        assert langs == {"zh", "en"}, c
        assert len(list(g.objects(c, SKOS.notation))) == 1
