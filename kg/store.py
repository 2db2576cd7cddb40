"""The on-disk Oxigraph store: one named graph per source file, swapped in atomically.

Layout of a store folder::

    STORE/CURRENT        name of the live database folder (replaced atomically)
    STORE/db-000001/     Oxigraph (RocksDB) database
    STORE/.lock          held while a build writes

Graphs: ``id:file/{name}`` per source file, ``…/ontology`` for ontology/*.ttl, ``id:build`` for
build bookkeeping (sha256 and builder fingerprint per file). The default graph is the set-merge
of the file graphs and the ontology, kept up to date as graphs change; queries run against it
(Oxigraph's union-of-graphs mode repeats a triple once per graph holding it, the merge does not).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
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
    "FileRecord",
    "Rows",
    "Store",
    "StoreWriter",
    "open_store",
    "python_value",
    "graph_nquads",
]

ONTOLOGY_GRAPH = BASE + "ontology"
BUILD_GRAPH = str(ID["build"])
_POINTER = "CURRENT"
_BATCH_BYTES = 64 * 1024 * 1024  # bulk-load new graphs in batches of about this size
_LOCK = ".lock"


@dataclass(frozen=True)
class FileRecord:
    """What the store knows about one built source file."""

    source_file: str
    graph: str
    sha256: str
    builder: str
    summary: str = ""  # JSON written by kg.build (counts, unplaced spans, warnings, document ids)


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


def _db_path(store_dir: Path) -> Path | None:
    pointer = store_dir / _POINTER
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    path = store_dir / name
    return path if name and path.is_dir() else None


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
            raise QueryError(f"{source}: {_one_line(e)}") from None
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
            raise QueryError(f"{source}: {_one_line(e)}") from None
        if not isinstance(result, bool):
            raise QueryError(f"{source}: not an ASK query")
        return result

    def files(self) -> dict[str, FileRecord]:
        """Built source files by name."""
        return _file_records(self._db)

    def graph_quads(self, graphs: Iterable[str]) -> Iterator[ox.Quad]:
        """All quads of the named graphs, graph by graph in the given order."""
        for g in graphs:
            yield from self._db.quads_for_pattern(None, None, None, ox.NamedNode(g))

    def graph_ntriples(self, graph: str) -> bytes:
        """One named graph as sorted canonical N-Triples (for comparisons and tests)."""
        lines = sorted(
            f"{q.subject} {q.predicate} {q.object} .\n"
            for q in self._db.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        )
        return "".join(lines).encode("utf-8")

    def named_graphs(self) -> list[str]:
        """Names of every named graph, sorted."""
        return sorted(g.value for g in self._db.named_graphs())


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def open_store(store_dir: str | os.PathLike[str]) -> Store:
    """Open the live database of a store folder read-only; StoreError when there is none."""
    folder = Path(store_dir)
    db = _db_path(folder)
    if db is None:
        raise StoreError(f"{folder}: no built store here (run `kg build PATH --store {folder}` first)")
    try:
        return Store(ox.Store.read_only(str(db)), db)
    except OSError as e:
        raise StoreError(f"{folder}: cannot open the store: {_one_line(e)}") from None


def _file_records(db: ox.Store) -> dict[str, FileRecord]:
    build = ox.NamedNode(BUILD_GRAPH)
    props: dict[str, dict[str, str]] = {}
    for q in db.quads_for_pattern(None, None, None, build):
        props.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    out = {}
    for graph, p in props.items():
        name = p.get(str(SD.fileName))
        if name:
            out[name] = FileRecord(name, graph, p.get(str(SD.sha256), ""), p.get(str(SD.builder), ""),
                                   p.get(str(SD.buildSummary), ""))
    return out


def graph_nquads(graph: str, ntriples: bytes) -> bytes:
    """N-Triples of one new named graph as the N-Quads the writer bulk-loads: each triple in the
    named graph and in the merged default graph (so workers can prepare them; StoreWriter.add_new_graph)."""
    suffix = f" <{graph}> .\n".encode("utf-8")
    out = []
    for line in ntriples.splitlines():
        line = line.rstrip()
        if line:
            out.append(line[:-1].rstrip() + suffix)
            out.append(line + b"\n")
    return b"".join(out)


class StoreWriter:
    """A private copy of the live database to change; `commit()` swaps it in atomically.

    Use as a context manager: leaving without commit() throws the copy away and the live
    store is untouched (so an interrupted build leaves the old store usable).
    """

    def __init__(self, store_dir: str | os.PathLike[str]):
        self.folder = Path(store_dir)
        self._lock_fd: int | None = None
        self._db: ox.Store | None = None
        self._new: Path | None = None
        self._old: Path | None = None
        self._pending: list[bytes] = []
        self._pending_bytes = 0
        self._new_graphs: set[str] = set()  # queued for the bulk load, not in the database yet
        self._loader: threading.Thread | None = None  # the bulk load running in the background
        self._load_error: BaseException | None = None

    def __enter__(self) -> StoreWriter:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(self.folder / _LOCK, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError as e:
            raise StoreError(f"{self.folder}: cannot create the store folder: {_one_line(e)}") from None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise StoreError(f"{self.folder}: another build is writing this store") from None
        self._sweep()
        self._old = _db_path(self.folder)
        self._new = self.folder / self._next_name()
        try:
            if self._old is not None:
                old = ox.Store.read_only(str(self._old))
                old.backup(str(self._new))
                del old
                self._db = ox.Store(str(self._new))
            else:
                self._new.mkdir()
                self._db = ox.Store(str(self._new))
        except OSError as e:
            self._discard()
            raise StoreError(f"{self.folder}: cannot prepare a new database: {_one_line(e)}") from None
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._join_loader(raise_error=False)
        if self._db is not None:  # not committed
            self._discard()
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # ----------------------------------------------------------- changes

    @property
    def files(self) -> dict[str, FileRecord]:
        """Source files the database holds now (including changes made so far)."""
        self._flush_pending()
        return _file_records(self._require())

    def has_graph(self, graph: str) -> bool:
        """True when the named graph is in the database or queued for it."""
        return graph in self._new_graphs or self._require().contains_named_graph(ox.NamedNode(graph))

    def add_new_graph(self, graph: str, nquads: bytes) -> None:
        """Queue a graph that is not in the database (N-Quads from graph_nquads) for the bulk load;
        batches of about 64 MB are loaded in a background thread while the caller goes on."""
        if self.has_graph(graph):
            raise StoreError(f"{self.folder}: graph {graph} is already in the store")
        self._new_graphs.add(graph)
        self._pending.append(nquads)
        self._pending_bytes += len(nquads)
        if self._pending_bytes > _BATCH_BYTES:
            self._flush_pending(background=True)

    def replace_graph(self, graph: str, data: bytes, fmt: str = "nt") -> None:
        """Make a named graph hold exactly `data` (N-Triples, or Turtle with fmt="ttl").

        The merged default graph follows: a triple leaves it only when no other graph holds it.
        A graph that is new is bulk-loaded in batches (fast for a first build); an existing one is
        changed by difference, so replacing a graph by the same triples writes nothing.
        """
        if fmt == "nt" and not self.has_graph(graph):
            self.add_new_graph(graph, graph_nquads(graph, data))
            return
        self._join_loader()
        db = self._require()
        node = ox.NamedNode(graph)
        parsed = ox.parse(data, format=ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.TURTLE)
        new = {ox.Triple(q.subject, q.predicate, q.object) for q in parsed}
        old = {ox.Triple(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, node)}
        self._remove_triples(node, old - new)
        added = sorted(new - old, key=str)
        default = ox.DefaultGraph()
        db.extend([ox.Quad(t.subject, t.predicate, t.object, node) for t in added]
                  + [ox.Quad(t.subject, t.predicate, t.object, default) for t in added])
        if not new and not old:
            db.add_graph(node)

    def _remove_triples(self, node: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """Remove triples from a named graph, and from the default graph unless another graph holds them."""
        db = self._require()
        default, build = ox.DefaultGraph(), ox.NamedNode(BUILD_GRAPH)
        for t in triples:
            db.remove(ox.Quad(t.subject, t.predicate, t.object, node))
            holders = (q.graph_name for q in db.quads_for_pattern(t.subject, t.predicate, t.object, None))
            if not any(g != default and g != build for g in holders):
                db.remove(ox.Quad(t.subject, t.predicate, t.object, default))

    def _flush_pending(self, background: bool = False) -> None:
        """Bulk-load what is queued (in a thread when `background`; one load at a time)."""
        self._join_loader()
        data, self._pending, self._pending_bytes = b"".join(self._pending), [], 0
        if not data:
            return
        db = self._require()

        def load() -> None:
            try:
                db.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
            except BaseException as e:  # reported by _join_loader
                self._load_error = e

        if background:
            self._loader = threading.Thread(target=load, name="kg-bulk-load", daemon=True)
            self._loader.start()
        else:
            load()
            self._raise_load_error()

    def _join_loader(self, raise_error: bool = True) -> None:
        if self._loader is not None:
            self._loader.join()
            self._loader = None
        if raise_error:
            self._raise_load_error()

    def _raise_load_error(self) -> None:
        if self._load_error is not None:
            e, self._load_error = self._load_error, None
            raise StoreError(f"{self.folder}: cannot load into the store: {_one_line(e)}") from None

    def drop_graph(self, graph: str) -> None:
        """Remove a named graph (and what only it contributed to the default graph) if present."""
        self._flush_pending()
        db = self._require()
        node = ox.NamedNode(graph)
        if db.contains_named_graph(node):
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, node)]
            self._remove_triples(node, triples)
            db.remove_graph(node)

    def set_file_record(self, record: FileRecord) -> None:
        """Remember the sha256, builder fingerprint and build summary of a built file."""
        build, subject = ox.NamedNode(BUILD_GRAPH), ox.NamedNode(record.graph)
        string = ox.NamedNode(str(XSD.string))
        quads = [
            ox.Quad(subject, ox.NamedNode(str(SD.fileName)), ox.Literal(record.source_file, datatype=string), build),
            ox.Quad(subject, ox.NamedNode(str(SD.sha256)), ox.Literal(record.sha256, datatype=string), build),
            ox.Quad(subject, ox.NamedNode(str(SD.builder)), ox.Literal(record.builder, datatype=string), build),
        ]
        if record.summary:
            quads.append(ox.Quad(subject, ox.NamedNode(str(SD.buildSummary)),
                                 ox.Literal(record.summary, datatype=string), build))
        if record.graph in self._new_graphs:  # a new file: its record goes with the bulk load
            self._pending.append("".join(f"{q} .\n" for q in quads).encode("utf-8"))
            return
        self._join_loader()
        db = self._require()
        for q in list(db.quads_for_pattern(subject, None, None, build)):
            db.remove(q)
        db.extend(quads)

    def forget_file(self, record: FileRecord) -> None:
        """Drop a file's graph and its bookkeeping."""
        self.drop_graph(record.graph)
        db = self._require()
        subject, build = ox.NamedNode(record.graph), ox.NamedNode(BUILD_GRAPH)
        for q in list(db.quads_for_pattern(subject, None, None, build)):
            db.remove(q)

    def commit(self) -> Path:
        """Write what is buffered, flush, and make this database the live one."""
        self._flush_pending()
        db = self._require()
        db.flush()
        self._db = None
        del db
        assert self._new is not None
        tmp = self.folder / (_POINTER + ".tmp")
        tmp.write_text(self._new.name + "\n", encoding="utf-8")
        os.replace(tmp, self.folder / _POINTER)
        if self._old is not None and self._old != self._new:
            shutil.rmtree(self._old, ignore_errors=True)
        return self._new

    # ----------------------------------------------------------- internals

    def _require(self) -> ox.Store:
        if self._db is None:
            raise StoreError(f"{self.folder}: the store writer is not open")
        return self._db

    def _next_name(self) -> str:
        numbers = [int(p.name[3:]) for p in self.folder.glob("db-*") if p.name[3:].isdigit()]
        return f"db-{max(numbers, default=0) + 1:06d}"

    def _sweep(self) -> None:
        """Remove databases left behind by interrupted builds (never the live one)."""
        live = _db_path(self.folder)
        for p in self.folder.glob("db-*"):
            if p.is_dir() and p != live:
                shutil.rmtree(p, ignore_errors=True)

    def _discard(self) -> None:
        self._join_loader(raise_error=False)
        self._db = None
        if self._new is not None and self._new.exists():
            shutil.rmtree(self._new, ignore_errors=True)
