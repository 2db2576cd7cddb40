"""Changing a store: a private copy of the live database, changed file by file, swapped in at commit.

See kg.store for the layout. New files are bulk-loaded (in batches, in a background thread, while the
build goes on parsing); a file built before is changed by difference, so an unchanged graph writes
nothing; a triple leaves the default graph only when no file and no ontology holds it any more.
A database that took a large bulk load is compacted before it goes live (RocksDB leaves a bulk load in
many overlapping files; compacted, queries over 1,000 notices run about twice as fast).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.ids import owned_prefixes
from kg.namespaces import ID, SD, XSD
from kg.store import (BUILD_GRAPH, LAYOUT, FileRecord, decode_subjects, file_records, layout_of, live_database,
                      one_line, record_quads)

__all__ = ["StoreWriter", "file_nquads", "split_owned"]

_BATCH_BYTES = 64 * 1024 * 1024  # bulk-load new files in batches of about this size
_COMPACT_BYTES = 64 * 1024 * 1024  # compact at commit after bulk-loading this much into a copied database
_LOCK = ".lock"
_FILE_NODES = tuple(f"{ID}{kind}/" for kind in ("doc", "section", "task", "term", "default", "file"))


def split_owned(ntriples: bytes, prefixes: tuple[bytes, ...]) -> tuple[bytes, bytes, list[str]]:
    """Sorted N-Triples lines split into (owned, shared) by kg.ids.owned_prefixes, and the owned subjects."""
    owned, shared, subjects = [], [], set()
    for line in ntriples.splitlines(keepends=True):
        if not line.strip():
            continue
        if line.startswith(prefixes):
            owned.append(line)
            subjects.add(line[1:line.index(b">")].decode("utf-8"))
        else:
            shared.append(line)
    return b"".join(owned), b"".join(shared), sorted(subjects)


def file_nquads(record: FileRecord, owned: bytes, shared: bytes) -> bytes:
    """What a new file adds to a store, as the N-Quads StoreWriter.add_new_file bulk-loads: every triple in
    the default graph, the shared ones in the file's graph too, and its record (workers prepare it)."""
    suffix = f" <{record.graph}> .\n".encode("utf-8")
    named = [line.rstrip()[:-1].rstrip() + suffix for line in shared.splitlines() if line.strip()]
    record_lines = "".join(f"{q} .\n" for q in record_quads(record)).encode("utf-8")
    return owned + shared + b"".join(named) + record_lines


def _prefixes(record: FileRecord) -> tuple[bytes, ...]:
    """The owned prefixes of a built file, from its name and the document ids in its summary."""
    try:
        doc_ids = json.loads(record.summary).get("document_ids", []) if record.summary else []
    except (ValueError, AttributeError):
        doc_ids = []
    return owned_prefixes(record.source_file, doc_ids)


def _triples(ntriples: bytes) -> set[ox.Triple]:
    if not ntriples.strip():
        return set()
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)}


class StoreWriter:
    """A private copy of the live database to change; `commit()` swaps it in atomically.

    Use as a context manager: leaving without commit() throws the copy away and the live
    store is untouched (so an interrupted build leaves the old store usable). With `fresh`, or when
    the live database has another layout (kg.store.LAYOUT), the build starts from an empty one.
    """

    def __init__(self, store_dir: str | os.PathLike[str], fresh: bool = False):
        self.folder = Path(store_dir)
        self._fresh = fresh  # start from an empty database, not a copy of the live one
        self._lock_fd: int | None = None
        self._db: ox.Store | None = None
        self._new: Path | None = None
        self._old: Path | None = None
        self._records: dict[str, FileRecord] = {}
        self._owners: dict[str, str] | None = None  # owned IRI prefix -> file, built when first needed
        self._pending: list[bytes] = []
        self._pending_bytes = 0
        self._loader: threading.Thread | None = None  # the bulk load running in the background
        self._load_error: BaseException | None = None
        self._started_empty = False
        self._bulk_bytes = 0  # N-Quads bulk-loaded by this writer

    def __enter__(self) -> StoreWriter:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(self.folder / _LOCK, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError as e:
            raise StoreError(f"{self.folder}: cannot create the store folder: {one_line(e)}") from None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise StoreError(f"{self.folder}: another build is writing this store") from None
        self._sweep()
        self._old = live_database(self.folder)
        self._new = self.folder / self._next_name()
        try:
            old = ox.Store.read_only(str(self._old)) if self._old is not None else None
            if old is not None and not self._fresh and layout_of(old) == LAYOUT:
                old.backup(str(self._new))
                del old
            else:
                del old
                self._new.mkdir()
                self._started_empty = True
            self._db = ox.Store(str(self._new))
        except OSError as e:
            self._discard()
            raise StoreError(f"{self.folder}: cannot prepare a new database: {one_line(e)}") from None
        self._records = file_records(self._db)
        build = ox.NamedNode(BUILD_GRAPH)
        self._db.add(ox.Quad(build, ox.NamedNode(str(SD.storeLayout)),
                             ox.Literal(LAYOUT, datatype=ox.NamedNode(str(XSD.string))), build))
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
        return dict(self._records)

    def add_new_file(self, record: FileRecord, nquads: bytes) -> None:
        """Queue a file the database does not hold (N-Quads from file_nquads) for the bulk load;
        batches of about 64 MB are loaded in a background thread while the caller goes on."""
        if record.source_file in self._records:
            raise StoreError(f"{self.folder}: {record.source_file} is already in the store")
        self._records[record.source_file] = record
        self._owners = None
        self._pending.append(nquads)
        self._pending_bytes += len(nquads)
        if self._pending_bytes > _BATCH_BYTES:
            self._flush_pending(background=True)

    def replace_file(self, record: FileRecord, owned: bytes, shared: bytes) -> None:
        """Make the store hold exactly these triples of a file it holds already (split_owned's parts)."""
        old = self._records.get(record.source_file)
        if old is None:
            raise StoreError(f"{self.folder}: {record.source_file} is not in the store")
        self._change(old, record, _triples(owned), _triples(shared))

    def forget_file(self, record: FileRecord) -> None:
        """Take a file's triples and its record out of the store."""
        if record.source_file in self._records:
            self._change(self._records[record.source_file], None, set(), set())

    def replace_graph(self, graph: str, data: bytes, fmt: str = "ttl") -> None:
        """Make a named graph that is not a file's (the ontology) hold exactly `data` (Turtle or N-Triples);
        the default graph follows, by difference."""
        self._flush_pending()
        db = self._require()
        node = ox.NamedNode(graph)
        parsed = ox.parse(data, format=ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.TURTLE)
        new = {ox.Triple(q.subject, q.predicate, q.object) for q in parsed}
        old = {ox.Triple(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, node)}
        for t in old - new:
            db.remove(ox.Quad(t.subject, t.predicate, t.object, node))
        self._release(old - new, None)
        added = sorted(new - old, key=str)
        default = ox.DefaultGraph()
        db.extend([ox.Quad(t.subject, t.predicate, t.object, node) for t in added]
                  + [ox.Quad(t.subject, t.predicate, t.object, default) for t in added])

    def commit(self) -> Path:
        """Write what is buffered, flush, and make this database the live one."""
        self._flush_pending()
        db = self._require()
        db.flush()
        if self._bulk_bytes and (self._started_empty or self._bulk_bytes >= _COMPACT_BYTES):
            db.optimize()
        self._db = None
        del db
        assert self._new is not None
        tmp = self.folder / "CURRENT.tmp"
        tmp.write_text(self._new.name + "\n", encoding="utf-8")
        os.replace(tmp, self.folder / "CURRENT")
        if self._old is not None and self._old != self._new:
            shutil.rmtree(self._old, ignore_errors=True)
        return self._new

    # ----------------------------------------------------------- internals

    def _change(self, old: FileRecord, new: FileRecord | None, owned: set[ox.Triple], shared: set[ox.Triple]) -> None:
        """Turn a file's triples from what `old` recorded into owned ∪ shared (nothing when new is None)."""
        self._flush_pending()
        db = self._require()
        node, default, build = ox.NamedNode(old.graph), ox.DefaultGraph(), ox.NamedNode(BUILD_GRAPH)
        old_owned = {ox.Triple(q.subject, q.predicate, q.object)
                     for s in decode_subjects(old.subjects)
                     for q in db.quads_for_pattern(ox.NamedNode(s), None, None, default)}
        old_shared = {ox.Triple(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, node)}
        for t in old_shared - shared:
            db.remove(ox.Quad(t.subject, t.predicate, t.object, node))
        new_all = owned | shared
        db.extend([ox.Quad(t.subject, t.predicate, t.object, g)
                   for t in sorted(shared - old_shared, key=str) for g in (node, default)]
                  + [ox.Quad(t.subject, t.predicate, t.object, default)
                     for t in sorted(owned - old_owned - old_shared, key=str)])
        for q in list(db.quads_for_pattern(node, None, None, build)):
            db.remove(q)
        del self._records[old.source_file]
        self._owners = None
        if new is not None:
            db.extend(record_quads(new))
            self._records[new.source_file] = new
        self._release((old_owned | old_shared) - new_all, old.source_file)

    def _release(self, triples: Iterable[ox.Triple], name: str | None) -> None:
        """Take triples out of the default graph unless a named graph (a file's or the ontology) or another
        file's own nodes still hold them."""
        db = self._require()
        default, build = ox.DefaultGraph(), ox.NamedNode(BUILD_GRAPH)
        for t in triples:
            holders = (q.graph_name for q in db.quads_for_pattern(t.subject, t.predicate, t.object, None))
            if any(g != default and g != build for g in holders):
                continue
            if isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(_FILE_NODES):
                owner = self._owner_of(t.subject.value)
                if owner is not None and owner != name:
                    continue
            db.remove(ox.Quad(t.subject, t.predicate, t.object, default))

    def _owner_of(self, subject: str) -> str | None:
        """The file that mints `subject`: the one whose owned prefixes (kg.ids.owned_prefixes) it starts with
        (a map of prefixes, not of every owned subject: at 3,000 files that map took 1.5 s to build)."""
        if self._owners is None:
            self._owners = {p.decode("utf-8")[1:]: n for n, r in self._records.items() for p in _prefixes(r)}
        keys = [subject + ">"] + [subject[:i + 1] for i in range(len(subject) - 1, -1, -1) if subject[i] == "/"]
        return next((self._owners[k] for k in keys if k in self._owners), None)

    def _flush_pending(self, background: bool = False) -> None:
        """Bulk-load what is queued (in a thread when `background`; one load at a time)."""
        self._join_loader()
        data, self._pending, self._pending_bytes = b"".join(self._pending), [], 0
        if not data:
            return
        self._bulk_bytes += len(data)
        db = self._require()

        def load() -> None:
            try:
                # lenient: the IRIs and literals come from kg.ids and kg.triples, checked there (~10% faster)
                db.bulk_load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
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
            raise StoreError(f"{self.folder}: cannot load into the store: {one_line(e)}") from None

    def _require(self) -> ox.Store:
        if self._db is None:
            raise StoreError(f"{self.folder}: the store writer is not open")
        return self._db

    def _next_name(self) -> str:
        numbers = [int(p.name[3:]) for p in self.folder.glob("db-*") if p.name[3:].isdigit()]
        return f"db-{max(numbers, default=0) + 1:06d}"

    def _sweep(self) -> None:
        """Remove databases left behind by interrupted builds (never the live one)."""
        live = live_database(self.folder)
        for p in self.folder.glob("db-*"):
            if p.is_dir() and p != live:
                shutil.rmtree(p, ignore_errors=True)

    def _discard(self) -> None:
        self._join_loader(raise_error=False)
        self._db = None
        if self._new is not None and self._new.exists():
            shutil.rmtree(self._new, ignore_errors=True)
