"""The property-graph model and its writer, against a real FalkorDB server (native protocol)."""

from __future__ import annotations

import itertools
import json

import pytest

from kg.cypher_client import FalkorClient
from kg.cypher_writer import (
    batches,
    graph_counts,
    read_fingerprint,
    read_graph,
    write_fingerprint,
    write_graph,
)
from kg.errors import StoreError
from kg.falkor_server import connect
from kg.propgraph import LABELS, REL_TYPES, make_graph

from propgraph_sample import D1, D2, QUOTE, small_graph

_names = itertools.count()


@pytest.fixture()
def client(falkordb_server) -> FalkorClient:
    """A fresh, empty graph on the session's FalkorDB server."""
    name = f"writer_{next(_names)}"
    return FalkorClient(connect(falkordb_server, name), falkordb_server.address)


# --- the model ---


def test_graph_is_sorted_and_counted():
    graph = small_graph()
    assert list(graph.nodes) == sorted(graph.nodes)
    assert list(graph.relationships) == sorted(graph.relationships)
    counts = graph.counts()
    assert counts["Task"] == 3 and counts["Unit"] == 4 and counts["ASSIGNED"] == 5 and counts["PART_OF"] == 2
    assert set(counts) == set(LABELS) | set(REL_TYPES)
    assert graph.documents() == (D1, D2)


def test_fingerprint_follows_content_not_order():
    a = small_graph()
    b = make_graph(
        [(n.label, n.id, dict(n.props)) for n in reversed(a.nodes)],
        [(r.type, r.src, r.dst, r.key, dict(r.props)) for r in reversed(a.relationships)],
    )
    assert a.fingerprint() == b.fingerprint()
    assert small_graph(drop_task=True).fingerprint() != a.fingerprint()


def test_node_row_carries_its_id_and_no_empty_values():
    graph = make_graph([("Unit", "u:1", {"name": "应急局", "function": "", "alias": None})], [])
    assert graph.nodes[0].row() == {"id": "u:1", "props": {"id": "u:1", "name": "应急局"}}


@pytest.mark.parametrize(
    ("nodes", "rels", "message"),
    [
        ([("Person", "p:1", {})], [], "unknown label 'Person'"),
        ([("Unit", "u:1", {}), ("Task", "u:1", {})], [], "u:1 is both Unit and Task"),
        ([("Unit", "u:1", {"name": "甲"}), ("Unit", "u:1", {"name": "乙"})], [], "two values for name"),
        ([("Unit", "u:1", {})], [("LIKES", "u:1", "u:1", "", {})], "unknown relationship type 'LIKES'"),
        ([("Task", "t:1", {})], [("ASSIGNED", "t:1", "u:9", "k", {})], "missing node u:9"),
        (
            [("Task", "t:1", {}), ("Unit", "u:1", {})],
            [("ASSIGNED", "t:1", "u:1", "k", {"role": "lead"}), ("ASSIGNED", "t:1", "u:1", "k", {"role": "support"})],
            "ASSIGNED t:1 -> u:1 k has two values for role",
        ),
    ],
)
def test_inconsistent_rows_are_store_errors(nodes, rels, message):
    with pytest.raises(StoreError, match=message):
        make_graph(nodes, rels)


def test_duplicate_rows_that_agree_merge():
    graph = make_graph(
        [("Unit", "u:1", {"name": "甲"}), ("Unit", "u:1", {"kind": "department"})],
        [("CITES", "u:1", "u:1", "", {"mentions": 2}), ("CITES", "u:1", "u:1", "", {"start": 5, "mentions": 2})],
    )
    assert graph.nodes[0].props == (("kind", "department"), ("name", "甲"))
    assert [r.props for r in graph.relationships] == [(("mentions", 2), ("start", 5))]


# --- batching ---


@pytest.mark.parametrize(("max_bytes", "max_rows"), [(3000, 2000), (500, 2000), (10_000, 3), (50, 2000)])
def test_batches_respect_bytes_and_rows(max_bytes, max_rows):
    rows = [node.row() for node in small_graph().nodes]
    out = list(batches(rows, max_bytes, max_rows, overhead=100))
    assert [row for batch in out for row in batch] == rows
    for batch in out:
        assert len(batch) <= max_rows
        size = 100 + sum(len(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode()) + 4 for r in batch)
        assert size <= max_bytes or len(batch) == 1


# --- writing to FalkorDB ---


def test_write_gives_the_graph_counts_and_twice_changes_nothing(client):
    graph = small_graph()
    first = write_graph(client, graph)
    assert graph_counts(client) == graph.counts()
    assert (first.nodes_created, first.relationships_created) == (len(graph.nodes), len(graph.relationships))
    second = write_graph(client, graph)
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert graph_counts(client) == graph.counts()


def test_what_is_read_back_is_what_was_written(client):
    graph = small_graph()
    write_graph(client, graph)
    assert read_graph(client) == graph  # every label, id, property and relationship, with types
    task = next(n for n in graph.nodes if n.id == f"{D1}/t/一/1")
    assert dict(task.props)["quote"] == QUOTE and dict(task.props)["open_list"] is False


def test_small_batches_write_the_same_graph(client):
    graph = small_graph()
    report = write_graph(client, graph, batch_bytes=600, batch_rows=2)
    groups = sum(1 for n in graph.counts().values() if n)  # labels and types with rows
    assert report.batches > groups  # the byte budget split some of them
    assert graph_counts(client) == graph.counts()


def test_replace_removes_only_what_the_documents_no_longer_hold(client):
    write_graph(client, small_graph())
    client.graph.query("CREATE (:Unit {id: 'u:临汾市交通运输局', note: 'not ours'})")
    newer_d1 = small_graph(drop_task=True, second_doc=False)
    report = write_graph(client, newer_d1, replace=True)
    assert graph_counts(client) == small_graph(drop_task=True).counts()  # D2 kept as it was
    # D1's document, section and 2 tasks; then what only D1 pointed to: 3 units and the sector, then
    # 临汾市 (only 应急局 was PART_OF it), then 山西省. The regulation is still cited by D2.
    assert report.nodes_deleted == 4 + 4 + 1 + 1
    assert report.nodes_created == len(newer_d1.nodes) - 1
    assert "u:临汾市交通运输局" not in {n.id for n in read_graph(client).nodes}
    # a node of someone else (no SafetyKg label) with the same id: created and checked by hand
    foreign = client.graph.query("MATCH (n:Unit) WHERE NOT n:SafetyKg RETURN n.note").result_set
    assert foreign == [["not ours"]]


def test_without_replace_removed_nodes_stay(client):
    write_graph(client, small_graph())
    write_graph(client, small_graph(drop_task=True))
    assert graph_counts(client) == small_graph().counts()


def test_changed_properties_are_replaced_not_merged(client):
    write_graph(client, make_graph([("Unit", "u:1", {"name": "甲", "alias": "甲局", "aliases": ("甲局", "甲")})], []))
    newer = make_graph([("Unit", "u:1", {"name": "乙"})], [])
    write_graph(client, newer)
    assert read_graph(client) == newer


def test_fingerprint_round_trip(client):
    assert read_fingerprint(client) is None
    write_fingerprint(client, "abc")
    write_fingerprint(client, "def")
    assert read_fingerprint(client) == "def"
    assert graph_counts(client) == {name: 0 for name in LABELS + REL_TYPES}
