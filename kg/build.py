"""`kg build`: read notice files, make one RDF graph per file, write them into the store.

Unchanged files (same bytes, same code) are not parsed again; a file that fails is reported and
the others still build; files not named in this build leave the store. Everything is written into
a copy of the store that is swapped in at the end (kg.store.StoreWriter).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg import ids
from kg.errors import InputError, KgError, StoreError
from kg.model import SourceFile, Span
from kg.queries import run_query
from kg.schema import ontology_files
from kg.store import ONTOLOGY_GRAPH, FileRecord, Store, StoreWriter, open_store
from kg.triples import file_ntriples

__all__ = ["INPUT_SUFFIXES", "FileReport", "BuildReport", "build", "find_inputs", "builder_fingerprint"]

INPUT_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
_QUIET_SKIPS = ("a folder's README", "hidden")  # passed over in folders without a report line
_ROOT = Path(__file__).resolve().parent.parent
_CODE = ("loaders", "kg/model.py", "kg/ids.py", "kg/namespaces.py", "kg/triples.py")


@dataclass(frozen=True)
class FileReport:
    """What the build did with one input."""

    source_file: str
    path: str
    status: str  # built | unchanged | error | skipped | removed
    documents: int = 0
    sections: int = 0
    tasks: int = 0
    unplaced_chars: int = 0
    unplaced: tuple[Span, ...] = ()
    error: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuildReport:
    """Per-file outcome of a build and where the store is."""

    store: str
    files: tuple[FileReport, ...] = field(default=())

    @property
    def errors(self) -> tuple[FileReport, ...]:
        return tuple(f for f in self.files if f.status == "error")

    @property
    def skipped(self) -> tuple[FileReport, ...]:
        """Files of an unknown type found in a folder (listed, not read)."""
        return tuple(f for f in self.files if f.status == "skipped")

    @property
    def doubts(self) -> tuple[FileReport, ...]:
        """Built files with unplaced text or warnings (what `kg build --strict` turns into a failure)."""
        return tuple(f for f in self.files if f.status in ("built", "unchanged") and (f.unplaced_chars or f.warnings))

    def lines(self, verbose: bool = False) -> list[str]:
        """Human-readable report lines (one per file, then a total)."""
        out = []
        for f in self.files:
            if f.status in ("error", "skipped"):
                out.append(f"{f.path}: {f.status}: {f.error}")
                continue
            if f.status == "removed":
                out.append(f"{f.source_file}: removed from the store (not named in this build)")
                continue
            out.append(
                f"{f.source_file}: {f.status}: {f.documents} documents, {f.sections} sections, "
                f"{f.tasks} tasks, {f.unplaced_chars} unplaced characters"
            )
            out += [f"  warning: {w}" for w in f.warnings]
            if verbose:
                for span in f.unplaced:
                    out.append(f"  unplaced {span.start}-{span.end}: {' '.join(span.text.split())[:80]}")
        kept = [f for f in self.files if f.status in ("built", "unchanged")]
        out.append(
            f"store {self.store}: {len(kept)} files, {sum(f.documents for f in kept)} documents, "
            f"{sum(f.tasks for f in kept)} tasks; {len(self.errors)} errors"
            + (f", {len(self.skipped)} skipped" if self.skipped else "")
        )
        return out


def find_inputs(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[FileReport]]:
    """Expand files and folders into input files (sorted, loaders.formats.iter_inputs); missing paths
    become error reports, files of an unknown type inside a folder are reported as skipped.

    A folder contributes its notice files (README files describe a folder and are passed over);
    a file named explicitly is always read.
    """
    from loaders.formats import iter_inputs

    found, passed = iter_inputs(paths)
    reports: list[FileReport] = []
    for p, reason in passed:
        if reason.startswith(_QUIET_SKIPS):
            continue
        status = "error" if not p.exists() or reason.startswith("no such") else "skipped"
        reports.append(FileReport(p.name, str(p), status, error=reason))
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and not any(f == p or p in f.parents for f in found):
            reports.append(FileReport(p.name, str(p), "error", error=f"no {'/'.join(INPUT_SUFFIXES)} files in this folder"))
    unique = sorted(dict.fromkeys(f.resolve() for f in found), key=lambda q: (q.name, str(q)))
    return unique, reports


def builder_fingerprint() -> str:
    """A hash of the code that turns a file into triples; a change forces every file to rebuild."""
    h = hashlib.sha256()
    for rel in _CODE:
        base = _ROOT / rel
        members = sorted(q for q in base.rglob("*") if q.is_file() and "__pycache__" not in q.parts) if base.is_dir() else [base]
        for q in members:
            h.update(q.relative_to(_ROOT).as_posix().encode() + b"\0" + q.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _load(path: Path, max_bytes: int | None = None) -> SourceFile:
    from loaders import load_file
    from loaders.pipeline import NOT_A_NOTICE

    try:
        source = load_file(path, max_bytes)
    except KgError:
        raise
    except Exception as e:  # a parser bug on one file must not stop the others
        raise InputError(str(path), f"cannot parse ({type(e).__name__}: {' '.join(str(e).split())})") from None
    if NOT_A_NOTICE in source.warnings:
        raise InputError(str(path), NOT_A_NOTICE)
    return source


def _previous(store_dir: Path) -> tuple[dict[str, FileRecord], dict[str, set[str]]]:
    """Files and document ids of the live store (empty when there is none)."""
    try:
        store = open_store(store_dir)
    except StoreError:
        return {}, {}
    docs: dict[str, set[str]] = {}
    for row in run_query(store, "internal/file_documents").rows:
        docs.setdefault(row[0], set()).add(row[1])
    return store.files(), docs


def _summaries(store: Store) -> tuple[dict[str, tuple[int, ...]], dict[str, list[Span]]]:
    """Per file: (documents, sections, tasks, unplaced characters) and the unplaced spans."""
    counts: dict[str, dict[str, int]] = {}
    for name, what, n in run_query(store, "internal/build_summary").rows:
        counts.setdefault(name, {})[what] = n
    spans: dict[str, list[Span]] = {}
    for name, start, end, text in run_query(store, "internal/unplaced_spans").rows:
        spans.setdefault(name, []).append(Span(start, end, text or ""))
    out = {
        name: (c.get("documents", 0), c.get("sections", 0), c.get("tasks", 0),
               sum(s.end - s.start for s in spans.get(name, ())))
        for name, c in counts.items()
    }
    return out, spans


def build(paths: Iterable[str | os.PathLike[str]], store_dir: str | os.PathLike[str],
          max_bytes: int | None = None) -> BuildReport:
    """Build (or update) the store from files and folders; see the module docstring.

    `max_bytes` caps the size of one input file (default loaders.formats.DEFAULT_MAX_BYTES).
    """
    store_path = Path(store_dir)
    inputs, reports = find_inputs(list(paths))
    fingerprint = builder_fingerprint()
    previous, previous_docs = _previous(store_path)
    outcome: dict[str, tuple[Path, str, str]] = {}  # name -> (path, status, error)
    owners: dict[str, str] = {}  # document id -> source file
    with StoreWriter(store_path) as writer:
        ontology = b"".join(p.read_bytes() + b"\n" for p in ontology_files())
        writer.replace_graph(ONTOLOGY_GRAPH, ontology, fmt="ttl")
        for path in inputs:
            name = path.name
            if name in outcome:
                reports.append(FileReport(name, str(path), "error", error=f"same file name as {outcome[name][0]}; rename one"))
                continue
            try:
                data = path.read_bytes()
            except OSError as e:
                reports.append(FileReport(name, str(path), "error", error=e.strerror or str(e)))
                continue
            sha = hashlib.sha256(data).hexdigest()
            old = previous.get(name)
            if old and old.sha256 == sha and old.builder == fingerprint:
                clash = sorted(d for d in previous_docs.get(name, ()) if d in owners)
                if not clash:
                    owners.update((d, name) for d in previous_docs.get(name, ()))
                    outcome[name] = (path, "unchanged", "")
                    continue
            try:
                source = _load(path, max_bytes)
            except KgError as e:
                outcome[name] = (path, "error", str(e).removeprefix(f"{path}: "))
                continue
            clash = sorted(d.id for d in source.documents if d.id in owners)
            if clash:
                outcome[name] = (path, "error", f"document {clash[0]} is already read from {owners[clash[0]]}")
                continue
            owners.update((d.id, name) for d in source.documents)
            graph = ids.file_iri(name)
            writer.replace_graph(str(graph), file_ntriples(source))
            writer.set_file_record(FileRecord(name, str(graph), sha, fingerprint))
            outcome[name] = (path, "built", "")
        for name, record in sorted(writer.files.items()):
            if outcome.get(name, (None, "error"))[1] == "error":
                writer.forget_file(record)
                if name not in outcome:
                    reports.append(FileReport(name, "", "removed"))
        writer.commit()
    live = open_store(store_path)
    counts, spans = _summaries(live)
    warnings: dict[str, list[str]] = {}
    for name, warning in run_query(live, "internal/build_warnings").rows:
        warnings.setdefault(name, []).append(warning)
    for name, (path, status, error) in outcome.items():
        if status == "error":
            reports.append(FileReport(name, str(path), status, error=error))
        else:
            c = counts.get(name, (0, 0, 0, 0))
            reports.append(FileReport(name, str(path), status, *c, unplaced=tuple(spans.get(name, ())), error=error,
                                      warnings=tuple(warnings.get(name, ()))))
    order = {"error": 0, "removed": 1}
    return BuildReport(str(store_path), tuple(sorted(reports, key=lambda r: (r.source_file, order.get(r.status, 2)))))
