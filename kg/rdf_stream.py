"""The instance data of a store written as N-Triples, Turtle or JSON-LD, a file at a time.

Memory stays at one source file's triples whatever the size of the store. Files come in name order,
each file's triples sorted; a triple two files share (about a unit, a jurisdiction, a regulation) is
written once, with the first file. Same store, same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox

from kg.namespaces import PREFIXES
from kg.store import Store

__all__ = ["RDF_FORMATS", "triples_by_file", "write_rdf"]

RDF_FORMATS = ("ttl", "nt", "jsonld")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LOCAL = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")  # a local name written as prefix:name (the rest as <IRI>)
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))  # longest namespace first


def triples_by_file(store: Store) -> Iterator[list[ox.Triple]]:
    """Each built file's triples (sorted), files in name order; a triple already given is left out."""
    seen_shared: set[str] = set()
    for name, record in sorted(store.files().items()):
        lines: dict[str, ox.Triple] = {}
        node = ox.NamedNode(record.graph)
        for q in store.graph_quads([record.graph]):
            t = ox.Triple(q.subject, q.predicate, q.object)
            key = str(t)
            if q.graph_name == node:  # in the file's named graph: a triple it may share
                if key in seen_shared:
                    continue
                seen_shared.add(key)
            lines[key] = t
        yield [lines[k] for k in sorted(lines)]


def write_rdf(store: Store, out: BinaryIO, fmt: str = "ttl") -> None:
    """Write the store's instance data to a binary stream in `fmt` (one of RDF_FORMATS)."""
    if fmt == "nt":
        for triples in triples_by_file(store):
            out.write("".join(f"{t} .\n" for t in triples).encode("utf-8"))
    elif fmt == "ttl":
        _turtle(store, out)
    elif fmt == "jsonld":
        _jsonld(store, out)
    else:
        raise ValueError(f"unknown RDF format {fmt!r}")


def _curie(iri: str) -> str | None:
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return None


def _ttl_term(term, predicate: bool = False) -> str:
    if isinstance(term, ox.NamedNode):
        if predicate and term.value == _RDF_TYPE:
            return "a"
        return _curie(term.value) or str(term)
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value != _XSD_STRING:
        dt = _curie(term.datatype.value)
        if dt:
            return f"{ox.Literal(term.value)}^^{dt}"
    return str(term)  # N-Triples syntax is Turtle too


def _turtle(store: Store, out: BinaryIO) -> None:
    out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())).encode("utf-8"))
    for triples in triples_by_file(store):
        chunk: list[str] = []
        subject = None
        for t in triples:
            if t.subject != subject:
                if subject is not None:
                    chunk.append(" .\n")
                subject = t.subject
                chunk.append(f"\n{_ttl_term(subject)}\n    {_ttl_term(t.predicate, True)} {_ttl_term(t.object)}")
            else:
                chunk.append(f" ;\n    {_ttl_term(t.predicate, True)} {_ttl_term(t.object)}")
        if subject is not None:
            chunk.append(" .\n")
        out.write("".join(chunk).encode("utf-8"))


def _json_value(term) -> object:
    if isinstance(term, ox.NamedNode):
        return {"@id": term.value}
    if term.language:
        return {"@language": term.language, "@value": term.value}
    if term.datatype.value == _XSD_STRING:
        return term.value
    return {"@type": term.datatype.value, "@value": term.value}


def _jsonld(store: Store, out: BinaryIO) -> None:
    context = json.dumps(dict(sorted(PREFIXES.items())), ensure_ascii=False, sort_keys=True)
    out.write(f'{{"@context": {context},\n "@graph": ['.encode("utf-8"))
    first = True
    for triples in triples_by_file(store):
        nodes: dict[str, dict[str, list]] = {}
        for t in triples:
            props = nodes.setdefault(t.subject.value, {})
            key = "@type" if t.predicate.value == _RDF_TYPE else t.predicate.value
            props.setdefault(key, []).append(t.object.value if key == "@type" else _json_value(t.object))
        chunk = []
        for subject, props in nodes.items():
            node = {"@id": subject, **props}
            chunk.append(("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False, sort_keys=True))
            first = False
        out.write("".join(chunk).encode("utf-8"))
    out.write(b"\n ]}\n")
