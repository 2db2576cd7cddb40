"""Answer a canned question in Cypher: on a server at a Bolt URI, or on the store's own FalkorDB.

With no URI the question runs on the local FalkorDB of the store folder (started on demand, reused
when running, stopped afterwards if this call started it). Before the question runs, the graph in
FalkorDB is compared with the store by fingerprint and (re)written when missing or stale.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from kg.cypher_client import CypherClient, FalkorClient, open_bolt
from kg.cypher_run import QueryRows, load_query, run_query
from kg.cypher_writer import clear_graph, read_fingerprint, write_fingerprint, write_graph
from kg.errors import QueryError, StoreError
from kg.falkor_server import connect, local_server
from kg.propgraph import PropertyGraph, graph_from_store, store_fingerprint

__all__ = ["sync_graph", "answer", "answer_text"]


def sync_graph(client: CypherClient, fingerprint: str, graph: Callable[[], PropertyGraph]) -> bool:
    """Make the graph behind `client` the one `graph()` returns unless it already holds
    `fingerprint`; True when it had to be (re)written."""
    if read_fingerprint(client) == fingerprint:
        return False
    clear_graph(client)
    write_graph(client, graph())
    write_fingerprint(client, fingerprint)
    return True


def answer(
    store: Path,
    name: str,
    params: Mapping[str, str] | None = None,
    *,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    dialect: str | None = None,
) -> QueryRows:
    """Rows of the canned Cypher question `name` (see the module docstring)."""
    load_query(name)  # unknown name: fail before starting anything
    if uri:
        client = open_bolt(uri, user, password, database=database, dialect=dialect or "neo4j")
        try:
            return run_query(client, name, params)
        finally:
            client.close()
    if not Path(store).is_dir():
        raise StoreError(f"{store}: no store folder (run `kg build` first)")
    fingerprint = store_fingerprint(store)  # StoreError when nothing is built there
    with local_server(store) as info:
        client = FalkorClient(connect(info), info.address, dialect=dialect or "falkordb")
        sync_graph(client, fingerprint, lambda: graph_from_store(store))
        return run_query(client, name, params)


def answer_text(
    store: Path,
    name: str,
    params: Mapping[str, str] | None = None,
    fmt: str = "table",
    *,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    dialect: str | None = None,
) -> str:
    """`answer` formatted like the SPARQL runner's output (table, csv or json)."""
    from kg.queries import FORMATS, format_rows
    from kg.store import Rows

    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    rows = answer(store, name, params, uri=uri, user=user, password=password, database=database, dialect=dialect)
    return format_rows(Rows(columns=rows.columns, rows=rows.rows), fmt)
