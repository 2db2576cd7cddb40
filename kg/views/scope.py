"""The command-line filters of a view (--document, --sector, --unit): resolve them against the store's
data and keep the tasks they select."""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import QueryError
from kg.view_data import ViewData, ViewTask

__all__ = ["Scope", "resolve_document", "resolve_sector", "resolve_units", "apply_scope"]


@dataclass(frozen=True)
class Scope:
    """What the command line asked for (None: no filter)."""

    document: str | None = None
    sector: str | None = None
    unit: str | None = None

    def describe(self) -> str:
        """e.g. `--document 临政发〔2024〕1号 --sector coal_mine` ("" when nothing is filtered)."""
        parts = [f"--{name} {value}" for name, value in (("document", self.document), ("sector", self.sector),
                                                           ("unit", self.unit)) if value]
        return " ".join(parts)


def _squash(text: str) -> str:
    return "".join(text.split())


def _known(values: list[str], limit: int = 12) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f", … ({len(values)} in all)" if len(values) > limit else "")


def resolve_document(data: ViewData, text: str) -> str:
    """The IRI of the document named by 文号, identifier, title or IRI."""
    wanted = _squash(text)
    for doc in sorted(data.documents.values(), key=lambda d: d.iri):
        if wanted in (doc.iri, _squash(doc.identifier), _squash(doc.number)):
            return doc.iri
    titles = [d.iri for d in data.documents.values() if d.title and _squash(d.title) == wanted]
    if len(titles) == 1:
        return titles[0]
    known = sorted(d.number or d.identifier for d in data.documents.values())
    raise QueryError(f"--document {text!r}: no such document in the store (known: {_known(known)})")


def resolve_sector(data: ViewData, text: str) -> str:
    """A sector code, given its code or its Chinese or English label."""
    wanted = _squash(text).lower()
    for code, (zh, en) in sorted(data.labels.sectors.items()):
        if wanted in (code.lower(), _squash(zh).lower(), _squash(en).lower()):
            return code
    raise QueryError(f"--sector {text!r}: unknown sector (known: {_known(sorted(data.labels.sectors))})")


def resolve_units(data: ViewData, text: str) -> tuple[str, ...]:
    """Unit IRIs named by `text`: canonical name or alias (as printed); else names containing it."""
    wanted = _squash(text)
    if not wanted:
        raise QueryError("--unit: give a unit name or alias")
    exact = sorted(u.iri for u in data.units.values() if wanted == u.name or wanted in u.aliases)
    if exact:
        return tuple(exact)
    partial = sorted(
        u.iri for u in data.units.values() if wanted in u.name or any(wanted in alias for alias in u.aliases)
    )
    if partial:
        return tuple(partial)
    raise QueryError(f"--unit {text!r}: no unit of that name or alias in the store")


def apply_scope(data: ViewData, scope: Scope, units: tuple[str, ...] = ()) -> ViewData:
    """The tasks of the document and sector asked for, and (with `units`) only tasks those units hold."""
    document = resolve_document(data, scope.document) if scope.document else None
    sector = resolve_sector(data, scope.sector) if scope.sector else None
    held = {a.task for a in data.assignments if a.unit in units} if units else None

    def keep(task: ViewTask) -> bool:
        return (
            (document is None or task.document == document)
            and (sector is None or task.sector == sector)
            and (held is None or task.iri in held)
        )

    return data.restrict(keep)
