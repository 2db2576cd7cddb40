"""Write a PropertyGraph through any CypherClient: indexes, batched ``UNWIND $rows … MERGE``, --replace.

Writing is idempotent: every node is MERGEd on its id and every relationship on its endpoints (and
key), and properties are set as a whole, so writing the same graph twice changes nothing.
``replace=True`` first deletes this project's nodes owned by the documents being written, then
shared nodes nothing points to any more; nodes without the SafetyKg label are never touched.
Batches are bounded by rows and by bytes (the JSON size of the rows plus the statement).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.cypher_client import CypherClient
from kg.cypher_text import read_script, read_statement
from kg.errors import QueryError
from kg.propgraph import LABELS, PROJECT_LABEL, REL_TYPES, PropertyGraph, make_graph

__all__ = [
    "DEFAULT_BATCH_BYTES",
    "DEFAULT_BATCH_ROWS",
    "WriteReport",
    "batches",
    "ensure_schema",
    "write_graph",
    "clear_graph",
    "read_graph",
    "graph_counts",
    "read_fingerprint",
    "write_fingerprint",
]

DEFAULT_BATCH_BYTES = 1_000_000  # well inside Neo4j's transaction memory defaults
DEFAULT_BATCH_ROWS = 2_000
FINGERPRINT_ID = "store"


@dataclass(frozen=True)
class WriteReport:
    """What one write did."""

    nodes: int  # nodes in the graph written
    relationships: int  # relationships in the graph written
    batches: int  # statements sent for rows
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_deleted: int = 0  # by --replace


def _row_bytes(row: dict) -> int:
    return len(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8")) + 4


def batches(rows: Sequence[dict], max_bytes: int, max_rows: int = DEFAULT_BATCH_ROWS, overhead: int = 0) -> Iterator[list[dict]]:
    """Consecutive runs of `rows` of at most `max_rows` rows and `max_bytes` bytes (with `overhead`).

    A row bigger than the budget on its own goes alone.
    """
    batch: list[dict] = []
    size = overhead
    for row in rows:
        row_size = _row_bytes(row)
        if batch and (len(batch) >= max_rows or size + row_size > max_bytes):
            yield batch
            batch, size = [], overhead
        batch.append(row)
        size += row_size
    if batch:
        yield batch


def _index_target(statement: str) -> tuple[str, str]:
    """(label, property) of ``CREATE INDEX FOR (n:Label) ON (n.property)``."""
    label = statement.partition("(n:")[2].partition(")")[0]
    prop = statement.partition(" ON (n.")[2].partition(")")[0]
    if not label or not prop:
        raise QueryError(f"schema.falkordb.cypher: not of the form CREATE INDEX FOR (n:L) ON (n.p): {statement}")
    return label, prop


def ensure_schema(client: CypherClient) -> None:
    """Create the indexes (FalkorDB) or constraints and indexes (Neo4j 5) of the client's dialect."""
    statements = read_script(f"schema.{client.dialect}")
    if client.dialect == "falkordb":  # no IF NOT EXISTS: create only the missing indexes
        existing = {(str(label), str(prop)) for label, prop in client.run(read_statement("indexes.falkordb")).rows}
        statements = tuple(s for s in statements if _index_target(s) not in existing)
    for statement in statements:
        client.run(statement)


def _delete_documents(client: CypherClient, docs: Sequence[str]) -> int:
    deleted = client.run(read_statement("delete_documents"), {"docs": list(docs)}).nodes_deleted
    orphans = read_statement("delete_orphans")
    while True:  # units -> jurisdictions -> parent jurisdictions: a few rounds at most
        removed = client.run(orphans).nodes_deleted
        deleted += removed
        if removed == 0:
            return deleted


def write_graph(
    client: CypherClient,
    graph: PropertyGraph,
    *,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    replace: bool = False,
    schema: bool = True,
) -> WriteReport:
    """Write `graph` (schema first unless `schema=False`); see the module docstring."""
    if schema:
        ensure_schema(client)
    deleted = _delete_documents(client, graph.documents()) if replace else 0
    sent = nodes_created = rels_created = 0
    for label in LABELS:
        statement = read_statement(f"nodes_{label}")
        rows = [node.row() for node in graph.nodes if node.label == label]
        for batch in batches(rows, batch_bytes, batch_rows, overhead=len(statement.encode()) + 64):
            nodes_created += client.run(statement, {"rows": batch}).nodes_created
            sent += 1
    for rel_type in REL_TYPES:
        statement = read_statement(f"rels_{rel_type}")
        rows = [rel.row() for rel in graph.relationships if rel.type == rel_type]
        for batch in batches(rows, batch_bytes, batch_rows, overhead=len(statement.encode()) + 64):
            rels_created += client.run(statement, {"rows": batch}).relationships_created
            sent += 1
    return WriteReport(
        nodes=len(graph.nodes),
        relationships=len(graph.relationships),
        batches=sent,
        nodes_created=nodes_created,
        relationships_created=rels_created,
        nodes_deleted=deleted,
    )


def clear_graph(client: CypherClient) -> int:
    """Delete every node of this project (and its relationships); the number deleted."""
    return client.run(read_statement("delete_all")).nodes_deleted


def graph_counts(client: CypherClient) -> dict[str, int]:
    """This project's nodes per label and relationships per type in the database (0 when absent)."""
    counts = {label: 0 for label in LABELS} | {rel: 0 for rel in REL_TYPES}
    for label, n in client.run(read_statement("count_nodes")).rows:
        counts[str(label)] = int(n)
    for rel_type, n in client.run(read_statement("count_relationships")).rows:
        counts[str(rel_type)] = int(n)
    return counts


def read_fingerprint(client: CypherClient) -> str | None:
    """The store fingerprint recorded by the last complete write, or None."""
    rows = client.run(read_statement("fingerprint_get"), {"id": FINGERPRINT_ID}).rows
    return str(rows[0][0]) if rows and rows[0][0] is not None else None


def write_fingerprint(client: CypherClient, fingerprint: str) -> None:
    """Record `fingerprint` as the store written last."""
    client.run(read_statement("fingerprint_set"), {"id": FINGERPRINT_ID, "fingerprint": fingerprint})


def _value(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def read_graph(client: CypherClient) -> PropertyGraph:
    """This project's nodes and relationships as they are in the database (to check a write)."""
    nodes = []
    for labels, props in client.run(read_statement("read_nodes")).rows:
        label = next(name for name in labels if name != PROJECT_LABEL)
        values = {name: _value(value) for name, value in dict(props).items()}
        nodes.append((label, str(values.pop("id")), values))
    rels = []
    for rel_type, src, dst, props in client.run(read_statement("read_relationships")).rows:
        values = {name: _value(value) for name, value in dict(props).items()}
        rels.append((rel_type, src, dst, str(values.pop("key", "")), values))
    return make_graph(nodes, rels)
