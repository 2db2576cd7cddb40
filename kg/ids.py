"""Stable IRIs for everything in the graph, minted from 文号, section path, task number and names.

Non-ASCII characters are kept as they are (IRIs allow them); ASCII characters outside
``A-Z a-z 0-9 - . _ ~ ( )`` and characters IRIs forbid are percent-encoded, so every id in the
model maps to exactly one IRI and back-to-back builds give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import URIRef

from kg.namespaces import ID, KIND, OWNER, ROLE, SECTOR

__all__ = [
    "segment",
    "path_segments",
    "file_iri",
    "document_iri",
    "section_iri",
    "task_iri",
    "unit_iri",
    "assignment_iri",
    "regulation_iri",
    "jurisdiction_iri",
    "term_iri",
    "default_iri",
    "role_iri",
    "kind_iri",
    "ownership_iri",
    "sector_iri",
    "child_iri",
    "owned_prefixes",
]

_ASCII_KEEP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~()")


def _iri_char_ok(cp: int) -> bool:
    """True for a non-ASCII code point RFC 3987 allows in a path (ucschar)."""
    return (
        0xA0 <= cp <= 0xD7FF
        or 0xF900 <= cp <= 0xFDCF
        or 0xFDF0 <= cp <= 0xFFEF
        or (0x10000 <= cp <= 0xEFFFD and (cp & 0xFFFF) < 0xFFFE)
    )


# characters that never need encoding (the common case: a fast path without the loop below)
_PLAIN = re.compile(r"[A-Za-z0-9\-._~()\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]*")


def _encode(text: str, keep: frozenset[str]) -> str:
    if keep is _ASCII_KEEP and _PLAIN.fullmatch(text):
        return text
    out = []
    for ch in text:
        cp = ord(ch)
        if ch in keep or (cp > 0x7F and _iri_char_ok(cp)):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def segment(text: str) -> str:
    """One IRI path segment for `text` ('/' is encoded); empty text becomes '_'."""
    return _encode(text, _ASCII_KEEP) or "_"


def path_segments(model_id: str) -> str:
    """A model id such as 临政发〔2024〕1号/二/(一)/2/t1 as IRI path segments ('/' kept)."""
    return "/".join(segment(part) for part in model_id.split("/"))


def file_iri(source_file: str) -> URIRef:
    """The source file; also the name of the graph holding everything read from it."""
    return ID[f"file/{segment(source_file)}"]


def document_iri(doc_id: str) -> URIRef:
    """A document, by its id (文号 when it has one), so citing a 文号 links to it."""
    return ID[f"doc/{segment(doc_id)}"]


def section_iri(section_id: str) -> URIRef:
    """A section, by its model id (document id + section path)."""
    return ID[f"section/{path_segments(section_id)}"]


def task_iri(task_id: str) -> URIRef:
    """A task, by its model id (section id + task number)."""
    return ID[f"task/{path_segments(task_id)}"]


def unit_iri(canonical: str) -> URIRef:
    """A unit, by its canonical name (e.g. 临汾市应急管理局)."""
    return ID[f"unit/{segment(canonical)}"]


def assignment_iri(owner: URIRef, canonical: str, role: str, repeat: int = 1) -> URIRef:
    """One unit in one role for a task (or default clause); `repeat` > 1 tells apart a second mention."""
    tail = f"/unit/{segment(canonical)}/{segment(role)}"
    if repeat > 1:
        tail += f"/{repeat}"
    return URIRef(str(owner) + tail)


def regulation_iri(title: str) -> URIRef:
    """A cited regulation, by its title (inner text of 《…》)."""
    return ID[f"regulation/{segment(title)}"]


def jurisdiction_iri(name: str) -> URIRef:
    """A jurisdiction, by name (e.g. 临汾市)."""
    return ID[f"jurisdiction/{segment(name)}"]


def term_iri(doc_id: str, label: str) -> URIRef:
    """A glossary term of one document."""
    return ID[f"term/{segment(doc_id)}/{segment(label)}"]


def default_iri(doc_id: str, position: int) -> URIRef:
    """The `position`-th (1-based) default clause of a document."""
    return ID[f"default/{segment(doc_id)}/{position}"]


def role_iri(role: str) -> URIRef:
    """The SKOS concept of a role (ontology/roles.ttl); an unknown role raises AttributeError."""
    return ROLE[role]


def kind_iri(kind: str) -> URIRef:
    """The SKOS concept of a unit kind (ontology/unit-kinds.ttl)."""
    return KIND[kind]


def ownership_iri(ownership: str) -> URIRef:
    """The SKOS concept of a task's owner status (ontology/ownership.ttl)."""
    return OWNER[ownership]


def sector_iri(code: str) -> URIRef:
    """The SKOS concept of a sector code (ontology/sectors.ttl)."""
    return SECTOR[segment(code)]


def child_iri(parent: URIRef, *parts: str | int) -> URIRef:
    """A node that only exists inside `parent` (anchor, list item, citation): parent IRI + /parts."""
    return URIRef(str(parent) + "".join(f"/{segment(str(p))}" for p in parts))


def owned_prefixes(source_file: str, doc_ids: Iterable[str]) -> tuple[bytes, ...]:
    """How the N-Triples lines about nodes only this file mints begin: `<IRI>` or `<IRI/` for the file
    and its documents, and `<IRI/` for their sections, tasks, glossary terms and default clauses.

    Document ids are unique across a store (kg.build refuses a second file with the same one), so a
    triple about such a node comes from this file alone; units, jurisdictions and regulations are shared.
    """
    out: list[bytes] = []
    for iri in (file_iri(source_file), *(document_iri(d) for d in sorted(set(doc_ids)))):
        out += [f"<{iri}>".encode(), f"<{iri}/".encode()]
    for d in sorted(set(doc_ids)):
        for base in (section_iri(d), task_iri(d), ID[f"term/{segment(d)}"], ID[f"default/{segment(d)}"]):
            out.append(f"<{base}/".encode())
    return tuple(out)
