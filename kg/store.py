"""The on-disk Oxigraph store: what each source file contributed, swapped in atomically.

Layout of a store folder::

    STORE/CURRENT        name of the live database folder (replaced atomically)
    STORE/db-000001/     Oxigraph (RocksDB) database
    STORE/.lock          held while a build writes

Queries run against the default graph: the set-merge of every file's triples and the ontology.
Named graphs keep what the merge must not lose track of: ``…/ontology`` (ontology/*.ttl),
``id:file/{name}`` with the triples a file shares with others (about units, jurisdictions,
regulations), and ``id:build`` with one record per file (sha256, builder fingerprint, build summary
and the nodes only that file mints, kg.ids.owned_prefixes). A file's own triples — nearly all of
them — are stored once, in the default graph: a re-build finds them again by their subjects.
A triple leaves the default graph when no file and no ontology holds it any more.
"""

from __future__ import annotations

import base64
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.namespaces import BASE, ID, SD, XSD

__all__ = [
    "ONTOLOGY_GRAPH",
    "BUILD_GRAPH",
    "LAYOUT",
    "FileRecord",
    "Rows",
    "Store",
    "open_store",
    "python_value",
    "encode_subjects",
    "decode_subjects",
    "record_quads",
    "file_records",
    "layout_of",
    "live_database",
    "one_line",
]

ONTOLOGY_GRAPH = BASE + "ontology"
BUILD_GRAPH = str(ID["build"])
LAYOUT = "2"  # 1: every file triple also in the file's named graph
_POINTER = "CURRENT"


@dataclass(frozen=True)
class FileRecord:
    """What the store knows about one built source file."""

    source_file: str
    graph: str
    sha256: str
    builder: str
    summary: str = ""  # JSON written by kg.build (counts, unplaced spans, warnings, document ids)
    subjects: str = ""  # the nodes only this file mints (encode_subjects)


@dataclass(frozen=True)
class Rows:
    """A SELECT result: column names and rows of Python values (str, int, float, bool or None)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def dicts(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column."""
        return [dict(zip(self.columns, row)) for row in self.rows]


_INTEGER_TYPES = {
    str(XSD[t])
    for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "unsignedInt")
}
_FLOAT_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}


def python_value(term: Any) -> Any:
    """An Oxigraph term as a plain Python value: IRIs and strings as str, numbers, booleans."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _INTEGER_TYPES:
            return int(term.value)
        if dt in _FLOAT_TYPES:
            return float(term.value)
        if dt == str(XSD.boolean):
            return term.value in ("true", "1")
        return term.value
    return term.value


def encode_subjects(subjects: Iterable[str]) -> str:
    """IRIs as one short string for a build record (sorted, one a line, zlib, base64)."""
    return base64.b64encode(zlib.compress("\n".join(sorted(set(subjects))).encode("utf-8"), 6)).decode("ascii")


def decode_subjects(text: str) -> list[str]:
    """The IRIs of encode_subjects (empty for an empty string)."""
    if not text:
        return []
    return [s for s in zlib.decompress(base64.b64decode(text)).decode("utf-8").split("\n") if s]


_RECORD_FIELDS = (("source_file", SD.fileName), ("sha256", SD.sha256), ("builder", SD.builder),
                  ("summary", SD.buildSummary), ("subjects", SD.ownedSubjects))


def record_quads(record: FileRecord) -> list[ox.Quad]:
    """A file's record as quads of the build graph (empty fields left out)."""
    build, subject = ox.NamedNode(BUILD_GRAPH), ox.NamedNode(record.graph)
    string = ox.NamedNode(str(XSD.string))
    return [ox.Quad(subject, ox.NamedNode(str(prop)), ox.Literal(getattr(record, field), datatype=string), build)
            for field, prop in _RECORD_FIELDS if getattr(record, field)]


def live_database(store_dir: Path) -> Path | None:
    """The live database folder of a store folder, if any."""
    pointer = store_dir / _POINTER
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    path = store_dir / name
    return path if name and path.is_dir() else None


def layout_of(db: ox.Store) -> str:
    """The layout version a database was written in ("1" when it does not say)."""
    for q in db.quads_for_pattern(ox.NamedNode(BUILD_GRAPH), ox.NamedNode(str(SD.storeLayout)), None,
                                  ox.NamedNode(BUILD_GRAPH)):
        return q.object.value
    return "1"


class Store:
    """Read access to a built store (SPARQL over the merged default graph)."""

    def __init__(self, db: ox.Store, path: Path):
        self._db = db
        self.path = path

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None, *, source: str = "query") -> Rows:
        """Run a SELECT; `bindings` maps variable names to Oxigraph terms (substituted, SEP-0007)."""
        subs = {ox.Variable(k): v for k, v in sorted((bindings or {}).items())}
        try:
            result = self._db.query(sparql, substitutions=subs or None)
        except (SyntaxError, ValueError, RuntimeError, OSError) as e:
            raise QueryError(f"{source}: {one_line(e)}") from None
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(f"{source}: not a SELECT query")
        columns = tuple(v.value for v in result.variables)
        rows = tuple(tuple(python_value(sol[c]) for c in columns) for sol in result)
        return Rows(columns, rows)

    def ask(self, sparql: str, *, source: str = "query") -> bool:
        """Run an ASK query."""
        try:
            result = self._db.query(sparql)
        except (SyntaxError, ValueError, RuntimeError, OSError) as e:
            raise QueryError(f"{source}: {one_line(e)}") from None
        if not isinstance(result, bool):
            raise QueryError(f"{source}: not an ASK query")
        return result

    def files(self) -> dict[str, FileRecord]:
        """Built source files by name."""
        return file_records(self._db)

    def graph_quads(self, graphs: Iterable[str]) -> Iterator[ox.Quad]:
        """All quads of the graphs (a file's: every triple read from it), graph by graph in the given order."""
        by_graph = {r.graph: r for r in self.files().values()}
        for g in graphs:
            node = ox.NamedNode(g)
            record = by_graph.get(g)
            if record is not None:
                for q in self._owned(record):
                    yield ox.Quad(q.subject, q.predicate, q.object, node)
            yield from self._db.quads_for_pattern(None, None, None, node)

    def _owned(self, record: FileRecord) -> Iterator[ox.Quad]:
        default = ox.DefaultGraph()
        for s in decode_subjects(record.subjects):
            yield from self._db.quads_for_pattern(ox.NamedNode(s), None, None, default)

    def graph_ntriples(self, graph: str) -> bytes:
        """One graph (a file's: every triple read from it) as sorted canonical N-Triples."""
        lines = sorted({f"{q.subject} {q.predicate} {q.object} .\n" for q in self.graph_quads([graph])})
        return "".join(lines).encode("utf-8")

    def named_graphs(self) -> list[str]:
        """The ontology and build graphs and one graph per built file, sorted."""
        names = {g.value for g in self._db.named_graphs()} | {r.graph for r in self.files().values()}
        return sorted(names)

    def default_ntriples(self) -> Iterator[bytes]:
        """The default graph (what queries see) as N-Triples, in the store's own order, chunk by chunk."""
        chunk: list[str] = []
        for q in self._db.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            chunk.append(f"{q.subject} {q.predicate} {q.object} .\n")
            if len(chunk) >= 10_000:
                yield "".join(chunk).encode("utf-8")
                chunk = []
        if chunk:
            yield "".join(chunk).encode("utf-8")


def one_line(e: BaseException) -> str:
    """An exception's message on one line (for error texts)."""
    return " ".join(str(e).split()) or type(e).__name__


def open_store(store_dir: str | os.PathLike[str]) -> Store:
    """Open the live database of a store folder read-only; StoreError when there is none."""
    folder = Path(store_dir)
    db = live_database(folder)
    if db is None:
        raise StoreError(f"{folder}: no built store here (run `kg build PATH --store {folder}` first)")
    try:
        handle = ox.Store.read_only(str(db))
    except OSError as e:
        raise StoreError(f"{folder}: cannot open the store: {one_line(e)}") from None
    if layout_of(handle) != LAYOUT:
        raise StoreError(f"{folder}: the store was written by an older version of kg; run `kg build` again")
    return Store(handle, db)


def file_records(db: ox.Store) -> dict[str, FileRecord]:
    """Every file record of a database, by source file name."""
    build = ox.NamedNode(BUILD_GRAPH)
    props: dict[str, dict[str, str]] = {}
    for q in db.quads_for_pattern(None, None, None, build):
        props.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    out = {}
    for graph, p in props.items():
        fields = {field: p.get(str(prop), "") for field, prop in _RECORD_FIELDS}
        if fields["source_file"]:
            out[fields["source_file"]] = FileRecord(graph=graph, **fields)
    return out
