"""The property graph read from the built corpus store, and written to FalkorDB (twice)."""

from __future__ import annotations

import shutil

import pytest

from kg.cypher_client import FalkorClient
from kg.cypher_writer import graph_counts, read_graph, write_graph
from kg.errors import StoreError
from kg.falkor_server import connect
from kg.propgraph import graph_from_store, store_fingerprint
from loaders import load_file


@pytest.fixture(scope="module")
def corpus_graph(corpus_store_dir):
    return graph_from_store(corpus_store_dir)


@pytest.fixture(scope="module")
def corpus_model(corpus_files):
    return [load_file(path) for path in corpus_files]


def test_counts_match_the_loaders(corpus_graph, corpus_model):
    documents = [doc for sf in corpus_model for doc in sf.documents]
    tasks = [task for doc in documents for task in doc.tasks]
    counts = corpus_graph.counts()
    assert counts["Document"] == len(documents) == 9
    assert counts["Section"] == sum(len(doc.sections) for doc in documents)
    assert counts["Task"] == counts["HAS_TASK"] == len(tasks)
    assert counts["ASSIGNED"] == sum(len(task.assignments) for task in tasks)
    assert counts["IN_SECTOR"] == sum(len(set(task.sectors)) for task in tasks)
    assert counts["Unit"] >= len({a.canonical for task in tasks for a in task.assignments})
    assert counts["ISSUED_BY"] == counts["PART_OF"] == sum(1 for doc in documents if doc.jurisdiction)


def test_task_quotes_and_offsets_are_the_source_text(corpus_graph, corpus_dir):
    files = {p.name: p.read_text(encoding="utf-8") for p in corpus_dir.glob("*.txt")}
    docs = {n.id: dict(n.props) for n in corpus_graph.nodes if n.label == "Document"}
    checked = 0
    for node in corpus_graph.nodes:
        if node.label != "Task":
            continue
        props = dict(node.props)
        raw = files[docs[props["doc"]]["source_file"]]
        assert raw[props["start"] : props["end"]] == props["quote"], node.id
        checked += 1
    assert checked == corpus_graph.counts()["Task"]


def test_assignments_carry_role_inherited_and_printed_name(corpus_graph, corpus_model):
    expected = sorted(
        (a.role, a.inherited, a.name, a.source)
        for sf in corpus_model for doc in sf.documents for task in doc.tasks for a in task.assignments
    )
    got = sorted(
        (dict(r.props)["role"], dict(r.props)["inherited"], dict(r.props)["name"], dict(r.props)["source"])
        for r in corpus_graph.relationships if r.type == "ASSIGNED"
    )
    assert got == expected


def test_graph_and_fingerprint_are_deterministic(corpus_store_dir, corpus_graph):
    again = graph_from_store(corpus_store_dir)
    assert again == corpus_graph
    assert store_fingerprint(corpus_store_dir) == store_fingerprint(corpus_store_dir)


def test_fingerprint_changes_when_a_file_is_rebuilt(corpus_store_dir, corpus_files, tmp_path):
    from kg.build import build

    store = tmp_path / "kg-data"
    shutil.copytree(corpus_store_dir, store)
    before = store_fingerprint(store)
    changed = tmp_path / corpus_files[2].name
    changed.write_text(corpus_files[2].read_text(encoding="utf-8") + "\n附件：无\n", encoding="utf-8")
    build([changed], store)
    assert store_fingerprint(store) != before


def test_missing_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no built store here"):
        graph_from_store(tmp_path / "nothing")


def test_corpus_written_twice_keeps_its_counts(falkordb_server, corpus_graph):
    client = FalkorClient(connect(falkordb_server, "corpus_twice"), falkordb_server.address)
    first = write_graph(client, corpus_graph)
    counts = graph_counts(client)
    second = write_graph(client, corpus_graph)
    assert counts == corpus_graph.counts()
    assert graph_counts(client) == counts
    assert (first.nodes_created, first.relationships_created) == (len(corpus_graph.nodes), len(corpus_graph.relationships))
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert read_graph(client) == corpus_graph  # quotes, offsets, flags and lists round-trip exactly


def test_flags_and_aliases_survive(corpus_graph, corpus_model):
    tasks = [task for sf in corpus_model for doc in sf.documents for task in doc.tasks]
    open_tasks = [n for n in corpus_graph.nodes if n.label == "Task" and dict(n.props).get("open_list") is True]
    assert len(open_tasks) == sum(task.open_list for task in tasks) > 0
    units = {dict(n.props)["name"]: dict(n.props) for n in corpus_graph.nodes if n.label == "Unit"}
    printed = {(a.canonical, a.name) for task in tasks for a in task.assignments if a.name != a.canonical}
    assert printed
    for canonical, name in printed:
        assert name in units[canonical]["aliases"], (canonical, name)
