"""Graph data for the network views, read from the store with queries/internal/view_*.rq.

`load_view_data` runs the view queries once and returns plain frozen records; `ViewData.restrict`
keeps the tasks a command-line filter asks for (and what hangs off them); `task_status` classifies a
task's owners the way the canned queries define them (ontology/README.md, "Definitions").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from kg.namespaces import KIND_SCHEME, ROLE_SCHEME, SECTOR_SCHEME
from kg.queries import run_query
from kg.store import Store

__all__ = [
    "STATUSES",
    "ViewTask",
    "ViewAssignment",
    "ViewUnit",
    "ViewDocument",
    "ViewCitation",
    "Labels",
    "ViewData",
    "load_view_data",
    "task_status",
    "concrete",
    "cited_document",
]

STATUSES = ("unowned", "overlap", "multi_lead", "clear")
_DOC_PREFIX = "/id/doc/"


@dataclass(frozen=True)
class ViewTask:
    """A task with where it is printed."""

    iri: str
    identifier: str
    document: str  # document IRI
    section: str  # section IRI ("" when the task hangs off the document)
    section_path: str  # e.g. 二/(一)/2 ("" when none)
    section_title: str
    ordinal: int
    text: str
    quote: str
    start: int
    end: int
    source_file: str
    sector: str  # primary sector code ("" when none)
    open_list: bool


@dataclass(frozen=True)
class ViewAssignment:
    """One unit in one role for one task."""

    iri: str
    task: str
    unit: str
    role: str
    inherited: bool
    name: str  # as printed
    index: int


@dataclass(frozen=True)
class ViewUnit:
    """A unit: canonical name, kind, other names it is printed as."""

    iri: str
    name: str
    kind: str
    function: str
    aliases: tuple[str, ...]

    @property
    def vague(self) -> bool:
        return self.kind == "vague"


@dataclass(frozen=True)
class ViewDocument:
    """A document: held in the store, or only cited by 文号 (`loaded` False)."""

    iri: str
    identifier: str
    number: str
    title: str
    issuer: str = ""
    date: str = ""
    jurisdiction: str = ""
    level: str = ""
    kind: str = ""
    source_file: str = ""
    loaded: bool = True

    @property
    def label(self) -> str:
        """文号, else title, else identifier."""
        return self.number or self.title or self.identifier


@dataclass(frozen=True)
class ViewCitation:
    """A document citing a regulation or another document, from a task (task set) or its own list."""

    document: str
    target: str
    target_kind: str  # regulation | document
    target_title: str
    task: str = ""
    citation: str = ""
    sector: str = ""


@dataclass(frozen=True)
class Labels:
    """Chinese and English labels of role, unit-kind and sector codes."""

    roles: dict[str, tuple[str, str]] = field(default_factory=dict)
    kinds: dict[str, tuple[str, str]] = field(default_factory=dict)
    sectors: dict[str, tuple[str, str]] = field(default_factory=dict)

    @staticmethod
    def _text(table: dict[str, tuple[str, str]], code: str) -> str:
        zh, en = table.get(code, ("", ""))
        return " ".join(x for x in (zh, en) if x) or code

    def role(self, code: str) -> str:
        return self._text(self.roles, code)

    def kind(self, code: str) -> str:
        return self._text(self.kinds, code)

    def sector(self, code: str) -> str:
        return self._text(self.sectors, code) if code else "未分类 no sector"


@dataclass(frozen=True)
class ViewData:
    """What the views draw from: tasks, their assignments, units, documents, citations, labels."""

    tasks: tuple[ViewTask, ...]
    assignments: tuple[ViewAssignment, ...]
    units: dict[str, ViewUnit]
    documents: dict[str, ViewDocument]  # held in the store
    citations: tuple[ViewCitation, ...]
    labels: Labels

    def assignments_by_task(self) -> dict[str, list[ViewAssignment]]:
        """Assignments grouped by task IRI (in the order of the task's units)."""
        out: dict[str, list[ViewAssignment]] = defaultdict(list)
        for a in self.assignments:
            out[a.task].append(a)
        return out

    def restrict(self, keep: Callable[[ViewTask], bool]) -> ViewData:
        """Only the tasks `keep` accepts, their assignments, and task citations of those tasks.

        Documents and units stay (the views draw only those that something kept refers to);
        document-level citations stay for documents that keep a task.
        """
        tasks = tuple(t for t in self.tasks if keep(t))
        kept = {t.iri for t in tasks}
        documents = {t.document for t in tasks}
        assignments = tuple(a for a in self.assignments if a.task in kept)
        citations = tuple(c for c in self.citations if (c.task in kept if c.task else c.document in documents))
        return ViewData(tasks, assignments, self.units, self.documents, citations, self.labels)


def concrete(a: ViewAssignment, units: dict[str, ViewUnit]) -> bool:
    """Named for the task itself (not inherited) and not a vague unit."""
    unit = units.get(a.unit)
    return not a.inherited and unit is not None and not unit.vague


def task_status(assignments: Iterable[ViewAssignment], units: dict[str, ViewUnit]) -> str:
    """unowned: no concrete owner; multi_lead: two or more distinct lead units; overlap: two or more
    concrete units and no lead; clear: otherwise (one lead, or a single concrete owner)."""
    assignments = list(assignments)
    owners = {a.unit for a in assignments if concrete(a, units)}
    leads = {a.unit for a in assignments if a.role == "lead"}
    if not owners:
        return "unowned"
    if len(leads) >= 2:
        return "multi_lead"
    if len(owners) >= 2 and not leads:
        return "overlap"
    return "clear"


def _section_paths(store: Store) -> dict[str, tuple[str, str]]:
    """Section IRI -> (path of numbers from the top, short title)."""
    rows = run_query(store, "internal/view_sections").dicts()
    sections = {r["section"]: r for r in rows}
    out = {}
    for iri, row in sections.items():
        numbers, seen, current = [], set(), row
        while current is not None and current["section"] not in seen:
            seen.add(current["section"])
            numbers.append(current["number"] or "")
            current = sections.get(current["parent"] or "")
        out[iri] = ("/".join(reversed(numbers)), row["title"] or "")
    return out


def _document_from_iri(iri: str) -> ViewDocument:
    """A document known only because something cites its 文号."""
    number = unquote(iri.split(_DOC_PREFIX, 1)[-1])
    return ViewDocument(iri, number, number, "", loaded=False)


def load_view_data(store: Store) -> ViewData:
    """Run the view queries on a store."""
    paths = _section_paths(store)
    tasks = []
    for r in run_query(store, "internal/view_tasks").dicts():
        path, title = paths.get(r["section"] or "", ("", ""))
        tasks.append(
            ViewTask(
                r["task"], r["identifier"], r["document"], r["section"] or "", path, title,
                r["ordinal"] or 0, r["text"] or "", r["quote"] or "",
                -1 if r["start"] is None else r["start"], -1 if r["end"] is None else r["end"],
                r["source_file"] or "", r["sector"] or "", bool(r["open_list"]),
            )
        )
    assignments = tuple(
        ViewAssignment(r["assignment"], r["task"], r["unit"], r["role"], bool(r["inherited"]), r["name"] or "",
                       r["index"] or 0)
        for r in run_query(store, "internal/view_assignments").dicts()
    )
    unit_rows: dict[str, dict] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in run_query(store, "internal/view_units").dicts():
        unit_rows.setdefault(r["unit"], r)
        if r["alias"]:
            aliases[r["unit"]].add(r["alias"])
    units = {
        iri: ViewUnit(iri, r["name"], r["kind"] or "other", r["function"] or "", tuple(sorted(aliases[iri])))
        for iri, r in sorted(unit_rows.items())
    }
    documents = {
        r["document"]: ViewDocument(
            r["document"], r["identifier"], r["number"] or "", r["title"] or "", r["issuer"] or "", r["date"] or "",
            r["jurisdiction"] or "", r["level"] or "", r["kind"] or "", r["source_file"] or "",
        )
        for r in run_query(store, "internal/view_documents").dicts()
    }
    citations = tuple(
        ViewCitation(r["document"], r["target"], r["target_kind"], r["target_title"] or "", r["task"] or "",
                     r["citation"] or "", r["sector"] or "")
        for r in run_query(store, "internal/view_citations").dicts()
    )
    labels: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for r in run_query(store, "internal/view_labels").dicts():
        labels[r["scheme"]][r["code"]] = (r["zh"] or "", r["en"] or "")
    return ViewData(
        tuple(tasks), assignments, units, documents, citations,
        Labels(labels[str(ROLE_SCHEME)], labels[str(KIND_SCHEME)], labels[str(SECTOR_SCHEME)]),
    )


def cited_document(iri: str, documents: dict[str, ViewDocument]) -> ViewDocument:
    """The document at `iri`: from the store, or a stand-in for one cited but not loaded."""
    return documents.get(iri) or _document_from_iri(iri)
