"""networkx analytics, `kg stats` and `kg report`: exact values on small graphs, agreement with the
SPARQL answers and with the model on the corpus."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli import app
from kg.analytics import centrality, co_responsibility_graph, communities, unit_task_graph, unit_task_links
from kg.queries import run_query
from kg.report import markdown_table, report_markdown
from kg.stats import corpus_stats, stats_text
from loaders import load_file


def _links(pairs: list[tuple[str, str]]) -> list[dict]:
    return [{"task_id": t, "unit": u, "kind": "department", "document": "D"} for t, u in pairs]


SMALL = _links([("t1", "A"), ("t1", "B"), ("t2", "A"), ("t2", "B"), ("t2", "C"), ("t3", "C"), ("t3", "D"),
                ("t4", "E"), ("t5", "F"), ("t5", "G")])


def test_projection_weights_are_shared_task_counts():
    g = co_responsibility_graph(unit_task_graph(SMALL))
    edges = {(a, b) if a < b else (b, a): d["weight"] for a, b, d in g.edges(data=True)}
    assert edges == {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 1, ("C", "D"): 1, ("F", "G"): 1}
    assert "E" in g and g.degree("E") == 0


def test_centrality_exact_values():
    got = {c.unit: (c.partners, c.shared_tasks, c.betweenness) for c in centrality(co_responsibility_graph(unit_task_graph(SMALL)))}
    # C lies on the shortest paths D-A and D-B: 2 pairs, normalised by (n-1)(n-2)/2 = 15 for n = 7 units
    assert got["C"] == (3, 3, round(2 / 15, 6))
    assert got["A"] == (2, 3, 0.0)
    assert got["E"] == (0, 0, 0.0)
    order = [c.unit for c in centrality(co_responsibility_graph(unit_task_graph(SMALL)))]
    assert order == ["C", "A", "B", "D", "F", "G", "E"]  # shared tasks, then partners, then name


def test_communities_split_the_components():
    groups = communities(co_responsibility_graph(unit_task_graph(SMALL)))
    assert ["F", "G"] in groups
    assert sorted(u for g in groups for u in g) == ["A", "B", "C", "D", "F", "G"]  # E shares nothing: left out
    assert all(set(g) <= {"A", "B", "C", "D"} or g == ["F", "G"] for g in groups)


def test_empty_graph():
    g = co_responsibility_graph(unit_task_graph([]))
    assert centrality(g) == [] and communities(g) == []


@pytest.fixture(scope="module")
def corpus_graph(corpus_store):
    return co_responsibility_graph(unit_task_graph(unit_task_links(corpus_store)))


def test_corpus_projection_agrees_with_the_sparql_pairs(corpus_store, corpus_graph):
    pairs = {(r["unit_a"], r["unit_b"]): r["shared_tasks"] for r in run_query(corpus_store, "co_responsibility_pairs").dicts()}
    heavy = {}
    for a, b, d in corpus_graph.edges(data=True):
        if d["weight"] >= 2:
            heavy[(min(a, b), max(a, b))] = d["weight"]
    assert heavy == pairs and pairs


def test_corpus_links_match_the_model(corpus_store, corpus_files):
    want = {
        (t.id, a.canonical)
        for f in corpus_files for d in load_file(f).documents for t in d.tasks for a in t.assignments
        if not a.inherited and a.kind != "vague"
    }
    assert {(r["task_id"], r["unit"]) for r in unit_task_links(corpus_store)} == want


def test_stats_agree_with_the_model(corpus_store, corpus_files):
    docs = [d for f in corpus_files for d in load_file(f).documents]
    stats = corpus_stats(corpus_store)
    assert stats.tasks == sum(len(d.tasks) for d in docs)
    by_doc = {d.document: d for d in stats.documents}
    for d in docs:
        concrete = [{a.canonical for a in t.assignments if not a.inherited and a.kind != "vague"} for t in d.tasks]
        assert by_doc[d.id].unowned == sum(1 for c in concrete if not c)
        assert by_doc[d.id].units == len(set().union(*concrete)) if concrete else 0
    top = stats.top_units
    assert [u.tasks for u in top] == sorted((u.tasks for u in top), reverse=True)


def test_stats_json_is_consistent(corpus_store):
    data = json.loads(stats_text(corpus_stats(corpus_store, top=3), "json"))
    assert len(data["top_units"]) == 3
    assert data["corpus"]["tasks"] == sum(d["tasks"] for d in data["documents"])


@pytest.mark.parametrize(
    ("value", "cell"),
    [("a|b", "a\\|b"), ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"), ("行1\n行2", "行1 行2"),
     (True, "yes"), (0.5, "0.5"), (None, "")],
)
def test_markdown_cells_are_escaped(value, cell):
    assert markdown_table(("x",), [(value,)]).splitlines()[2] == f"| {cell} |"


def test_report_has_every_section_and_is_repeatable(corpus_store):
    text = report_markdown(corpus_store)
    for heading in ("## Corpus", "## Documents", "## Top units", "## Duties with no concrete owner", "## Overlaps with no lead",
                    "## More than one lead", "## Co-responsibility", "### Centrality", "### Communities",
                    "## Most cited regulations", "## Inherited duties"):
        assert heading in text
    assert "临政发〔2024〕1号" in text
    assert text == report_markdown(corpus_store)


def test_cli_stats_and_report(tmp_path, corpus_store_dir):
    runner = CliRunner()
    result = runner.invoke(app, ["stats", "--store", str(corpus_store_dir), "--top", "2"])
    assert result.exit_code == 0 and result.output.startswith("9 documents, ")
    out = tmp_path / "r.md"
    result = runner.invoke(app, ["report", "-o", str(out), "--store", str(corpus_store_dir)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# 安全生产责任分工分析")
    missing = runner.invoke(app, ["stats", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no built store here" in missing.output
