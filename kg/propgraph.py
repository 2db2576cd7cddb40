"""The property-graph model: the one set of node and relationship rows written to FalkorDB and Neo4j.

Every node carries the project label ``SafetyKg`` (so a shared Neo4j database can tell this
project's nodes apart and ``--replace`` never touches anything else) plus one of LABELS, a stable
``id`` (the node's IRI in the RDF graph) and scalar properties. Nodes that belong to one document
(Document, Section, Task) carry ``doc`` = the document id. Relationships are identified by their
type and endpoints, plus ``key`` where two of the same type may join the same nodes (ASSIGNED and
DECLARES_DEFAULT: the assignment's IRI, so one unit can hold two roles in one task).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from kg.errors import StoreError

__all__ = [
    "PROJECT_LABEL",
    "META_LABEL",
    "LABELS",
    "DOCUMENT_LABELS",
    "REL_TYPES",
    "Scalar",
    "Value",
    "Node",
    "Relationship",
    "PropertyGraph",
    "make_graph",
    "graph_from_store",
    "store_fingerprint",
]

PROJECT_LABEL = "SafetyKg"
META_LABEL = "SafetyKgMeta"  # one node holding the store fingerprint; not part of the graph
LABELS = ("Document", "Section", "Task", "Unit", "Sector", "Regulation", "Jurisdiction")
DOCUMENT_LABELS = ("Document", "Section", "Task")  # nodes owned by one document (`doc` property)
REL_TYPES = (
    "HAS_SECTION",  # document -> top-level section, section -> sub-section
    "HAS_TASK",  # section (or document) -> task
    "ASSIGNED",  # task -> unit {key, role, inherited, source, name, index, start, end}
    "DECLARES_DEFAULT",  # task declaring a blanket default -> unit {key, role, clause}
    "IN_SECTOR",  # task -> sector {primary}
    "CITES",  # task -> regulation {mentions}; document -> regulation or document
    "ISSUED_BY",  # document -> unit
    "PART_OF",  # document -> jurisdiction
)

Scalar = Union[str, int, float, bool]
Value = Union[Scalar, tuple[str, ...]]  # a list property holds strings only (sorted, unique)
Props = tuple[tuple[str, Value], ...]


def _props(values: Mapping[str, Value | None]) -> Props:
    """Sorted (name, value) pairs without empty values (None, "", empty list); lists sorted and unique."""
    out: list[tuple[str, Value]] = []
    for name in sorted(values):
        value = values[name]
        if isinstance(value, (list, tuple)):
            if not all(isinstance(item, str) for item in value):
                raise TypeError(f"list property {name!r} must hold strings: {value!r}")
            value = tuple(sorted(set(item for item in value if item)))
        if value is None or value == "" or value == ():
            continue
        if not isinstance(value, (str, int, float, bool, tuple)):
            raise TypeError(f"property {name!r} is not a scalar: {value!r}")
        out.append((name, value))
    return tuple(out)


def _plain(props: Props) -> dict[str, object]:
    return {name: list(value) if isinstance(value, tuple) else value for name, value in props}


@dataclass(frozen=True, order=True)
class Node:
    """One node: label, id and sorted scalar properties (``id`` itself not repeated in props)."""

    label: str
    id: str
    props: Props = ()

    def row(self) -> dict[str, object]:
        """The row for ``UNWIND $rows AS r MERGE (n:SafetyKg:Label {id: r.id}) SET n = r.props``."""
        return {"id": self.id, "props": {"id": self.id, **_plain(self.props)}}


@dataclass(frozen=True, order=True)
class Relationship:
    """One relationship from node `src` to node `dst` (ids), with sorted scalar properties."""

    type: str
    src: str
    dst: str
    key: str = ""
    props: Props = ()

    def row(self) -> dict[str, object]:
        """The row for the relationship MERGE of its type (``SET x = r.props``; key kept when set)."""
        props = {"key": self.key, **_plain(self.props)} if self.key else _plain(self.props)
        return {"src": self.src, "dst": self.dst, "key": self.key, "props": props}


@dataclass(frozen=True)
class PropertyGraph:
    """Nodes and relationships, sorted, unique, every relationship between existing nodes."""

    nodes: tuple[Node, ...]
    relationships: tuple[Relationship, ...]

    def documents(self) -> tuple[str, ...]:
        """Ids of the Document nodes."""
        return tuple(node.id for node in self.nodes if node.label == "Document")

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (every label and type present, 0 if none)."""
        counts = {label: 0 for label in LABELS} | {rel: 0 for rel in REL_TYPES}
        for node in self.nodes:
            counts[node.label] += 1
        for rel in self.relationships:
            counts[rel.type] += 1
        return counts

    def fingerprint(self) -> str:
        """SHA-256 of the canonical JSON of the graph: equal graphs, equal fingerprints."""
        data = {
            "nodes": [[n.label, n.id, list(map(list, n.props))] for n in self.nodes],
            "relationships": [[r.type, r.src, r.dst, r.key, list(map(list, r.props))] for r in self.relationships],
        }
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_graph(
    nodes: Iterable[tuple[str, str, Mapping[str, Value | None]]],
    relationships: Iterable[tuple[str, str, str, str, Mapping[str, Value | None]]],
) -> PropertyGraph:
    """Build a PropertyGraph from (label, id, props) and (type, src, dst, key, props) tuples.

    Rows for the same node (id) or relationship (type, src, dst, key) are merged — so one label or type
    may be read by several queries — and must agree: two values for one property are an error, as is a
    relationship whose endpoints are missing (the store is inconsistent).
    """
    merged: dict[str, tuple[str, dict[str, Value | None]]] = {}
    for label, node_id, props in nodes:
        if label not in LABELS:
            raise StoreError(f"property graph: unknown label {label!r} for {node_id}")
        if node_id in merged:
            old_label, old_props = merged[node_id]
            if old_label != label:
                raise StoreError(f"property graph: {node_id} is both {old_label} and {label}")
            _merge_props(old_props, props, f"{label} {node_id}")
        else:
            merged[node_id] = (label, dict(props))
    node_tuple = tuple(sorted(Node(label, node_id, _props(props)) for node_id, (label, props) in merged.items()))
    rels: dict[tuple[str, str, str, str], dict[str, Value | None]] = {}
    for rel_type, src, dst, key, props in relationships:
        if rel_type not in REL_TYPES:
            raise StoreError(f"property graph: unknown relationship type {rel_type!r}")
        for end in (src, dst):
            if end not in merged:
                raise StoreError(f"property graph: {rel_type} {src} -> {dst} points to a missing node {end}")
        known = rels.setdefault((rel_type, src, dst, key), {})
        _merge_props(known, props, f"{rel_type} {src} -> {dst} {key}".rstrip())
    rel_tuple = tuple(sorted(Relationship(*ident, _props(props)) for ident, props in rels.items()))
    return PropertyGraph(nodes=node_tuple, relationships=rel_tuple)


def _merge_props(known: dict[str, Value | None], props: Mapping[str, Value | None], what: str) -> None:
    """Add `props` to `known`; two different non-empty values for one property are an error."""
    for name, value in props.items():
        if value is None or value == "":
            continue
        if known.get(name) not in (None, "", value):
            raise StoreError(f"property graph: {what} has two values for {name}: {known[name]!r}, {value!r}")
        known[name] = value


_LIST_SUFFIX = "__list"  # a column NAME__list holds tab-separated strings: list property NAME
_REL_COLUMNS = ("src", "dst", "key")


def _row_props(columns: tuple[str, ...], row: tuple, skip: tuple[str, ...]) -> dict[str, Value | None]:
    props: dict[str, Value | None] = {}
    for column, value in zip(columns, row):
        if column in skip:
            continue
        if column.endswith(_LIST_SUFFIX):
            props[column[: -len(_LIST_SUFFIX)]] = tuple(str(value or "").split("\t"))
        else:
            props[column] = value
    return props


def graph_from_store(store: Path) -> PropertyGraph:
    """The property graph of a built store, read with queries/internal/pg_nodes_*.rq and pg_rels_*.rq.

    Each node query returns ``id`` plus property columns; each relationship query ``src``, ``dst``,
    optionally ``key``, plus property columns. Empty cells are left out. ``pg_rels_assigned_offsets``
    adds columns to ``pg_rels_assigned``'s rows (see _query_names).
    """
    from kg.queries import run_query
    from kg.store import open_store

    db = open_store(store)
    nodes = []
    for label in LABELS:
        for name in _query_names(f"pg_nodes_{label.lower()}"):
            rows = run_query(db, name)
            if "id" not in rows.columns:
                raise StoreError(f"queries/{name}.rq: no id column")
            at = rows.columns.index("id")
            nodes += [(label, str(row[at]), _row_props(rows.columns, row, ("id",))) for row in rows.rows]
    rels = []
    for rel_type in REL_TYPES:
        for name in _query_names(f"pg_rels_{rel_type.lower()}"):
            rows = run_query(db, name)
            cells = [dict(zip(rows.columns, row)) for row in rows.rows]
            rels += [
                (rel_type, str(c["src"]), str(c["dst"]), str(c.get("key") or ""), _row_props(rows.columns, row, _REL_COLUMNS))
                for c, row in zip(cells, rows.rows)
            ]
    return make_graph(nodes, rels)


def _query_names(stem: str) -> list[str]:
    """internal/STEM and any internal/STEM_*: several queries may fill one label or type."""
    from kg.queries import QUERY_DIR

    folder = QUERY_DIR / "internal"
    extra = sorted(p.stem for p in folder.glob(f"{stem}_*.rq"))
    return [f"internal/{stem}"] + [f"internal/{name}" for name in extra]


def store_fingerprint(store: Path) -> str:
    """A cheap fingerprint of what graph_from_store would return: the built files (sha256 and
    builder), the ontology graph in the store and the text of the pg_*.rq queries."""
    from kg.queries import QUERY_DIR
    from kg.store import ONTOLOGY_GRAPH, open_store

    db = open_store(store)
    digest = hashlib.sha256()
    for name, record in sorted(db.files().items()):
        digest.update(f"{name}\0{record.graph}\0{record.sha256}\0{record.builder}\n".encode())
    digest.update(hashlib.sha256(db.graph_ntriples(ONTOLOGY_GRAPH)).digest())
    for path in sorted((QUERY_DIR / "internal").glob("pg_*.rq")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps([LABELS, REL_TYPES]).encode())
    return digest.hexdigest()
