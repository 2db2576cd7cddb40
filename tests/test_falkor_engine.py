"""The local Cypher engine keeps FalkorDB's graph equal to the store's, by fingerprint."""

from __future__ import annotations

import pytest

from kg.cypher_client import FalkorClient
from kg.cypher_engine import answer, sync_graph
from kg.cypher_writer import graph_counts, read_fingerprint
from kg.errors import QueryError
from kg.falkor_server import connect

from propgraph_sample import small_graph


@pytest.fixture()
def client(falkordb_server, request) -> FalkorClient:
    return FalkorClient(connect(falkordb_server, f"engine_{request.node.name}"), falkordb_server.address)


def test_sync_writes_when_missing_and_skips_when_fresh(client):
    graph = small_graph()
    assert sync_graph(client, "v1", lambda: graph) is True
    assert sync_graph(client, "v1", lambda: pytest.fail("a fresh graph is not read again")) is False
    assert read_fingerprint(client) == "v1"
    assert graph_counts(client) == graph.counts()


def test_sync_rewrites_a_stale_graph_exactly(client):
    sync_graph(client, "v1", small_graph)
    smaller = small_graph(drop_task=True, second_doc=False)  # a whole document left the store
    assert sync_graph(client, "v2", lambda: smaller) is True
    assert graph_counts(client) == smaller.counts()
    assert read_fingerprint(client) == "v2"


def test_unknown_query_fails_before_anything_starts(tmp_path):
    with pytest.raises(QueryError, match="unknown Cypher query 'no_such_question'"):
        answer(tmp_path, "no_such_question")
    assert not (tmp_path / "falkordb").exists()
