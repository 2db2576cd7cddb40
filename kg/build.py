"""`kg build`: read notice files, make one RDF graph per file, write them into the store.

Unchanged files (same bytes, same code) are not parsed again; a file that fails is reported and
the others still build; files not named in this build leave the store. Everything is written into
a copy of the store that is swapped in at the end (kg.store.StoreWriter).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from kg import ids
from kg.errors import InputError, KgError, StoreError
from kg.model import SourceFile, Span
from kg.pool import imap_ordered, usable_cores
from kg.schema import ontology_files
from kg.store import ONTOLOGY_GRAPH, FileRecord, encode_subjects, open_store
from kg.store_writer import StoreWriter, file_nquads, split_owned
from kg.triples import file_ntriples

__all__ = ["INPUT_SUFFIXES", "FileReport", "BuildReport", "build", "find_inputs", "builder_fingerprint"]

INPUT_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
_QUIET_SKIPS = ("a folder's README", "hidden")  # passed over in folders without a report line
_ROOT = Path(__file__).resolve().parent.parent
_POOL_MIN_FILES = 8  # fewer files are parsed in this process (starting workers costs ~1 s)
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


@dataclass(frozen=True)
class _Summary:
    """What the report says of a built file; kept as JSON in its build record, so a re-build reports
    unchanged files without querying the store."""

    documents: int
    sections: int
    tasks: int
    unplaced: tuple[Span, ...]
    warnings: tuple[str, ...]
    document_ids: tuple[str, ...]

    @classmethod
    def of(cls, source: SourceFile) -> _Summary:
        spans = set(source.unplaced) | {s for d in source.documents for s in d.unplaced}
        return cls(
            len(source.documents),
            len({s.id for d in source.documents for s in d.sections}),
            len({t.id for d in source.documents for t in d.tasks}),
            tuple(sorted(spans, key=lambda s: (s.start, s.end, s.text))),
            tuple(sorted(set(source.warnings))),
            tuple(sorted({d.id for d in source.documents})),
        )

    def to_json(self) -> str:
        return json.dumps({
            "documents": self.documents, "sections": self.sections, "tasks": self.tasks,
            "unplaced": [[s.start, s.end, s.text] for s in self.unplaced],
            "warnings": list(self.warnings), "document_ids": list(self.document_ids),
        }, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> _Summary | None:
        """None for a record without a readable summary (that file is built again)."""
        try:
            d = json.loads(text)
            return cls(int(d["documents"]), int(d["sections"]), int(d["tasks"]),
                       tuple(Span(int(a), int(b), str(t)) for a, b, t in d["unplaced"]),
                       tuple(map(str, d["warnings"])), tuple(map(str, d["document_ids"])))
        except (ValueError, TypeError, KeyError):
            return None


@dataclass(frozen=True)
class _Parsed:
    """One file read by _parse: its record and triples, or the error."""

    record: FileRecord | None = None
    data: bytes = b""  # for a file new to the store: its N-Quads (kg.store_writer.file_nquads)
    owned: bytes = b""  # for a file the store holds: its triples, split (kg.store_writer.split_owned)
    shared: bytes = b""
    summary: _Summary | None = None
    error: str = ""


@dataclass(frozen=True)
class _Job:
    path: str
    sha256: str
    builder: str
    max_bytes: int | None
    new: bool  # the store does not hold this file yet


def _parse(job: _Job) -> _Parsed:
    """Read one file into what the store writer needs (in a worker process for large builds)."""
    path = Path(job.path)
    try:
        source = _load(path, job.max_bytes)
    except KgError as e:
        return _Parsed(error=str(e).removeprefix(f"{path}: "))
    summary = _Summary.of(source)
    owned, shared, subjects = split_owned(file_ntriples(source), ids.owned_prefixes(path.name, summary.document_ids))
    record = FileRecord(path.name, str(ids.file_iri(path.name)), job.sha256, job.builder, summary.to_json(),
                        encode_subjects(subjects))
    if job.new:
        return _Parsed(record, file_nquads(record, owned, shared), summary=summary)
    return _Parsed(record, owned=owned, shared=shared, summary=summary)


def _parse_all(jobs: list[_Job], workers: int) -> Iterator[_Parsed]:
    """_parse over `jobs`, results in order; on a process pool when there are enough files."""
    return imap_ordered(_parse, jobs, workers if len(jobs) >= _POOL_MIN_FILES else 1)


def _previous(store_dir: Path) -> dict[str, tuple[FileRecord, _Summary | None]]:
    """Build records of the live store with their summaries (empty when there is no store)."""
    try:
        store = open_store(store_dir)
    except StoreError:
        return {}
    return {name: (r, _Summary.from_json(r.summary)) for name, r in store.files().items()}


def build(paths: Iterable[str | os.PathLike[str]], store_dir: str | os.PathLike[str],
          max_bytes: int | None = None, jobs: int | None = None,
          progress: Callable[[int, int, str], None] | None = None) -> BuildReport:
    """Build (or update) the store from files and folders; see the module docstring.

    `max_bytes` caps the size of one input file (default loaders.formats.DEFAULT_MAX_BYTES);
    `jobs` is the number of processes that parse files (default: every usable core; 1 parses in
    this process); `progress(done, total, file name)` is called as each input file is dealt with.
    """
    store_path = Path(store_dir)
    inputs, reports = find_inputs(list(paths))
    fingerprint = builder_fingerprint()
    previous = _previous(store_path)
    outcome: dict[str, tuple[Path, str, str]] = {}  # name -> (path, status, error)
    summaries: dict[str, _Summary] = {}
    owners: dict[str, str] = {}  # document id -> source file
    first: dict[str, Path] = {}  # file name -> the first input with that name

    plan: list[tuple[Path, str, bool]] = []  # (path, sha256, unchanged) in input order
    for path in inputs:
        name = path.name
        if name in first:
            reports.append(FileReport(name, str(path), "error", error=f"same file name as {first[name]}; rename one"))
            continue
        first[name] = path
        try:
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as e:
            reports.append(FileReport(name, str(path), "error", error=e.strerror or str(e)))
            continue
        old, old_summary = previous.get(name, (None, None))
        plan.append((path, sha, bool(old and old_summary and old.sha256 == sha and old.builder == fingerprint)))
    # when most files change (new code changes every file), loading everything afresh beats changing it
    redo = sum(1 for p, _, same in plan if not same and p.name in previous)
    fresh = redo > max(_POOL_MIN_FILES, len(plan) // 2)
    if fresh:
        plan = [(p, sha, False) for p, sha, _ in plan]

    with StoreWriter(store_path, fresh=fresh) as writer:
        ontology = b"".join(p.read_bytes() + b"\n" for p in ontology_files())
        writer.replace_graph(ONTOLOGY_GRAPH, ontology, fmt="ttl")
        held = writer.files

        def job(path: Path, sha: str) -> _Job:
            return _Job(str(path), sha, fingerprint, max_bytes, path.name not in held)

        todo = [job(p, sha) for p, sha, same in plan if not same]
        workers = usable_cores() if jobs is None else jobs
        with closing(_parse_all(todo, workers)) as results:
            for k, (path, sha, same) in enumerate(plan, 1):
                name = path.name
                if same:
                    summary = previous[name][1]
                    assert summary is not None
                    if not any(d in owners for d in summary.document_ids):
                        owners.update((d, name) for d in summary.document_ids)
                        outcome[name], summaries[name] = (path, "unchanged", ""), summary
                        if progress is not None:
                            progress(k, len(plan), name)
                        continue
                    parsed = _parse(job(path, sha))  # to report the clash as a one-process build would
                else:
                    parsed = next(results)
                if progress is not None:
                    progress(k, len(plan), name)
                if parsed.summary is None:
                    outcome[name] = (path, "error", parsed.error)
                    continue
                clash = sorted(d for d in parsed.summary.document_ids if d in owners)
                if clash:
                    outcome[name] = (path, "error", f"document {clash[0]} is already read from {owners[clash[0]]}")
                    continue
                owners.update((d, name) for d in parsed.summary.document_ids)
                assert parsed.record is not None
                if name in held:
                    writer.replace_file(parsed.record, parsed.owned, parsed.shared)
                else:
                    writer.add_new_file(parsed.record, parsed.data)
                outcome[name], summaries[name] = (path, "built", ""), parsed.summary
        for name, record in sorted(writer.files.items()):
            if outcome.get(name, (None, "error"))[1] == "error":
                writer.forget_file(record)
        reports += [FileReport(name, "", "removed") for name in sorted(set(previous) - set(outcome))]
        writer.commit()
    for name, (path, status, error) in outcome.items():
        if status == "error":
            reports.append(FileReport(name, str(path), status, error=error))
            continue
        s = summaries[name]
        reports.append(FileReport(name, str(path), status, s.documents, s.sections, s.tasks,
                                  sum(span.end - span.start for span in s.unplaced), s.unplaced, warnings=s.warnings))
    order = {"error": 0, "removed": 1}
    return BuildReport(str(store_path), tuple(sorted(reports, key=lambda r: (r.source_file, order.get(r.status, 2)))))
