"""Push the property graph to a Neo4j server (Desktop, self-hosted, Aura) with the official driver.

Batches are bounded by bytes (``batch_bytes``); the schema is Neo4j 5 constraints and indexes
(``dialect="neo4j"``). The same path reaches FalkorDB's Bolt endpoint with ``dialect="falkordb"``
— keep ``batch_bytes`` at 3000 there: FalkorDB 4.16.3 crashes on Bolt messages over about 4 KB.
"""

from __future__ import annotations

from pathlib import Path

from kg.cypher_client import CypherClient, open_bolt
from kg.cypher_writer import DEFAULT_BATCH_BYTES, WriteReport, write_fingerprint, write_graph
from kg.errors import QueryError
from kg.propgraph import PropertyGraph

__all__ = ["push_graph", "push_store"]


def push_graph(
    client: CypherClient,
    graph: PropertyGraph,
    *,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    replace: bool = False,
) -> WriteReport:
    """Write `graph` through an open Bolt client and record its fingerprint."""
    if batch_bytes < 512:
        raise QueryError(f"--batch-bytes {batch_bytes} is too small (at least 512)")
    report = write_graph(client, graph, batch_bytes=batch_bytes, replace=replace)
    write_fingerprint(client, graph.fingerprint())
    return report


def push_store(
    store: Path,
    uri: str,
    user: str | None = None,
    password: str | None = None,
    *,
    database: str | None = None,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    replace: bool = False,
    dialect: str = "neo4j",
) -> WriteReport:
    """Read the property graph from the store folder and push it to `uri`.

    BackendError "cannot connect to …" when the server is unreachable or refuses the login.
    """
    client = open_bolt(uri, user, password, database=database, dialect=dialect)  # unreachable: fail first
    try:
        from kg.propgraph import graph_from_store

        return push_graph(client, graph_from_store(store), batch_bytes=batch_bytes, replace=replace)
    finally:
        client.close()
