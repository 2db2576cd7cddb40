"""The extraction model: what the loaders produce and every back end consumes.

All classes are frozen dataclasses; offsets (`start`, `end`) are character
offsets into the decoded source file (Python ``str`` indices, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ROLES",
    "UNIT_KINDS",
    "ATTRIBUTION_SOURCES",
    "DOCUMENT_KINDS",
    "LEVELS",
    "OWNERSHIPS",
    "is_concrete",
    "Assignment",
    "Citation",
    "DefaultClause",
    "Term",
    "Span",
    "Section",
    "Task",
    "Document",
    "SourceFile",
]

ROLES = ("lead", "responsible", "shared", "support", "oversee")
UNIT_KINDS = ("department", "government", "committee", "party", "enterprise", "vague", "other")
ATTRIBUTION_SOURCES = ("parenthetical", "table", "in_sentence", "addressee", "none")
DOCUMENT_KINDS = ("notice", "reply", "interpretation", "other")
LEVELS = ("province", "city", "county")
OWNERSHIPS = ("concrete", "vague", "none")  # a task's owner status (Task.ownership)


@dataclass(frozen=True)
class Span:
    """A stretch of the raw file, e.g. text the parser could not place."""

    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Assignment:
    """One unit answerable for one task, in one role."""

    name: str  # surface form as printed, whitespace removed
    canonical: str  # full name scoped to the issuing jurisdiction, e.g. 临汾市应急管理局
    role: str  # one of ROLES
    kind: str  # one of UNIT_KINDS
    function: str = ""  # what the unit does, e.g. emergency_management ("" if unknown)
    inherited: bool = False  # attached by a blanket default (以下均需…不再一一列出)
    source: str = "parenthetical"  # one of ATTRIBUTION_SOURCES
    start: int = -1  # raw offsets of the mention (-1 when not located)
    end: int = -1


def is_concrete(a: Assignment) -> bool:
    """A concrete owner: named for the task itself (not inherited from a blanket default) and not vague."""
    return not a.inherited and a.kind != "vague"


@dataclass(frozen=True)
class Citation:
    """A 《…》 title cited in a task or document."""

    title: str  # inner text, whitespace removed, nested <…> kept as printed
    start: int
    end: int
    number: str = ""  # 文号 printed beside the title, if any


@dataclass(frozen=True)
class DefaultClause:
    """A blanket attribution (以下均需X负责，不再一一列出) that applies to later tasks."""

    units: tuple[Assignment, ...]
    task_id: str  # the task whose text declares it; applies to tasks after it
    start: int
    end: int


@dataclass(frozen=True)
class Term:
    """A defined term from a glossary (专业术语注释)."""

    label: str
    definition: str
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A numbered heading and everything under it."""

    id: str
    number: str  # as printed, brackets ASCII: "二", "(一)", "2", "一是", "第一部分"
    path: tuple[str, ...]  # numbers from the top down, e.g. ("二", "(一)", "2")
    title: str  # short title, e.g. "煤矿" ("" when the item has none)
    parent_id: str | None
    depth: int  # 1 for top level
    start: int
    end: int


@dataclass(frozen=True)
class Task:
    """The smallest span that carries (or would carry) its own attribution."""

    id: str
    section_id: str
    ordinal: int  # 1-based position within its section
    text: str  # normalised text (line breaks and stray spaces removed)
    start: int
    end: int
    quote: str  # raw[start:end]
    assignments: tuple[Assignment, ...] = ()
    source: str = "none"  # where the (explicit) attribution came from: ATTRIBUTION_SOURCES
    open_list: bool = False  # the unit list ends in 等 / 等部门 / 等有关部门
    sector: str | None = None  # primary sector code
    sectors: tuple[str, ...] = ()  # all sector codes, primary first
    citations: tuple[Citation, ...] = ()
    terms: tuple[str, ...] = ()  # glossary labels used in the text

    @property
    def named_units(self) -> frozenset[str]:
        """Canonical names of the units named for this task itself (not inherited)."""
        return frozenset(a.canonical for a in self.assignments if not a.inherited)

    @property
    def concrete_units(self) -> frozenset[str]:
        """Canonical names of its concrete owners (is_concrete)."""
        return frozenset(a.canonical for a in self.assignments if is_concrete(a))

    @property
    def lead_units(self) -> frozenset[str]:
        """Canonical names of the units leading it, inherited ones included."""
        return frozenset(a.canonical for a in self.assignments if a.role == "lead")

    @property
    def ownership(self) -> str:
        """One of OWNERSHIPS: a concrete owner; only vague units named (有关部门 …); no unit named."""
        if self.concrete_units:
            return "concrete"
        return "vague" if self.named_units else "none"


@dataclass(frozen=True)
class Document:
    """One official document (a file may hold several)."""

    id: str
    source_file: str  # base name of the file it came from
    number: str | None  # 文号, whitespace removed, brackets 〔〕, e.g. 临政发〔2024〕1号 (ids and links use it)
    issuer: str | None
    title: str | None
    date: str | None  # ISO yyyy-mm-dd
    jurisdiction: str | None  # e.g. 临汾市
    level: str | None  # one of LEVELS
    kind: str  # one of DOCUMENT_KINDS
    start: int
    end: int
    addressees: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    cited_regulations: tuple[str, ...] = ()
    cited_document_numbers: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = ()
    defaults: tuple[DefaultClause, ...] = ()
    glossary: tuple[Term, ...] = ()
    unplaced: tuple[Span, ...] = ()  # body text placed in no section or task
    printed_number: str | None = None  # the 文号 as printed when that differs from number: 杨政发[2024]12号, …第12号


@dataclass(frozen=True)
class SourceFile:
    """What one input file yielded."""

    source_file: str  # base name
    path: str
    sha256: str
    length: int  # characters in the decoded text
    documents: tuple[Document, ...] = ()
    unplaced: tuple[Span, ...] = ()  # text outside every document
    warnings: tuple[str, ...] = field(default=())
