"""Exports read from the built store: documents and duties as JSON Lines, the graph as RDF.

Everything comes from the store via queries/internal/export_*.rq, so an export shows what the
graph holds. Output is deterministic: rows are ordered by file, document and offset, keys in a
fixed order, RDF a file at a time (kg.rdf_stream). Written as it is read (write_export), so an export
of a large store does not wait for, or hold, the whole text.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from rdflib import Graph, Literal, URIRef

from kg.errors import KgError, QueryError
from kg.namespaces import ID
from kg.queries import run_query
from kg.rdf_stream import RDF_FORMATS, write_rdf
from kg.store import Store
from kg.triples import bind_prefixes

__all__ = ["RDF_FORMATS", "documents", "duties", "iter_documents", "iter_duties", "to_jsonl", "export_rdf",
           "export_text", "export_file", "write_export", "write_export_of", "rdf_graph"]

_FILE_GRAPH_PREFIX = str(ID["file/"])
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _by_key(rows: Iterable[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row[key], []).append(row)
    return out


def documents(store: Store) -> list[dict[str, Any]]:
    """One dict per document (issue 2's fields), in file order."""
    return list(iter_documents(store))


def iter_documents(store: Store) -> Iterator[dict[str, Any]]:
    """documents(), one at a time."""
    lists: dict[str, dict[str, list[str]]] = {}
    for row in run_query(store, "internal/export_document_lists").dicts():
        lists.setdefault(row["document_id"], {}).setdefault(row["list"], []).append(row["value"])
    for row in run_query(store, "internal/export_documents").dicts():
        lst = lists.get(row["document_id"], {})
        yield (
            {
                "source_file": row["source_file"],
                "id": row["document_id"],
                "number": row["printed_number"] or row["number"],  # as printed; number_normalised links
                "number_normalised": row["number"],
                "issuer": row["issuer"],
                "title": row["title"],
                "date": row["date"],
                "jurisdiction": row["jurisdiction"],
                "level": row["level"],
                "kind": row["kind"],
                "addressees": lst.get("addressees", []),
                "cc": lst.get("cc", []),
                "cited_regulations": lst.get("cited_regulations", []),
                "cited_document_numbers": lst.get("cited_document_numbers", []),
                "start": row["start"],
                "end": row["end"],
            }
        )


def _units(store: Store) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    last: tuple[str, int] | None = None
    for row in run_query(store, "internal/export_task_units").dicts():
        key = (row["task_id"], row["index"])
        if key == last:  # a unit classified twice (by two files): keep the first kind
            continue
        last = key
        out.setdefault(row["task_id"], []).append(
            {
                "name": row["name"],
                "canonical": row["canonical"],
                "role": row["role"],
                "kind": row["kind"] or "other",
                "inherited": bool(row["inherited"]),
                "source": row["source"],
                "function": row["function"] or "",
            }
        )
    return out


def duties(store: Store) -> list[dict[str, Any]]:
    """One dict per task (issue 2's fields), in file and text order."""
    return list(iter_duties(store))


def iter_duties(store: Store) -> Iterator[dict[str, Any]]:
    """duties(), one at a time."""
    paths = _section_paths(store)
    units = _units(store)
    for row in run_query(store, "internal/export_tasks").dicts():
        yield (
            {
                "source_file": row["source_file"],
                "document": row["document"],
                "document_id": row["document_id"],
                "task_id": row["task_id"],
                "section": paths.get(row["section_id"], []) if row["section_id"] else [],
                "section_title": row["section_title"] or "",
                "text": row["text"],
                "start": row["start"],
                "end": row["end"],
                "units": units.get(row["task_id"], []),
                "open_list": bool(row["open_list"]),
                "sector": row["sector"],
                "attribution_source": row["attribution_source"],
            }
        )


def _section_paths(store: Store) -> dict[str, list[str]]:
    """Section id -> the numbers of the sections from the top down to it (its parents walked here: an
    `eli:is_part_of*` path per section in SPARQL took twice as long)."""
    rows = {r["section_id"]: r for r in run_query(store, "internal/export_section_paths").dicts()}
    paths: dict[str, list[str]] = {}
    for section_id in rows:
        levels, seen, at = [], set(), section_id
        while at is not None and at in rows and at not in seen:
            seen.add(at)
            levels.append((rows[at]["depth"], rows[at]["number"]))
            at = rows[at]["parent_id"]
        paths[section_id] = [number for _, number in sorted(levels, key=lambda level: level[0])]
    return paths


def to_jsonl(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """JSON Lines (UTF-8 text, no ASCII escaping), one record per line."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def _to_rdflib(term: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # RDF 1.1: a plain literal is an xsd:string
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise QueryError(f"unexpected blank node or triple term in the store: {term}")


def rdf_graph(store: Store) -> Graph:
    """The instance data of every built file, merged into one rdflib graph (prefixes bound)."""
    g = bind_prefixes(Graph())
    graphs = [name for name in store.named_graphs() if name.startswith(_FILE_GRAPH_PREFIX)]
    for q in store.graph_quads(graphs):
        g.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
    return g


def export_rdf(store: Store, fmt: str = "ttl") -> bytes:
    """The instance data as Turtle, N-Triples or JSON-LD (kg.rdf_stream; with our prefixes)."""
    buffer = io.BytesIO()
    write_export_of(store, "rdf", buffer, fmt)
    return buffer.getvalue()


def write_export_of(store: Store, what: str, out: BinaryIO, fmt: str = "ttl") -> None:
    """Write documents or duties as JSON Lines, or rdf in `fmt`, to a binary stream as they are read."""
    if what not in ("documents", "duties", "rdf"):
        raise QueryError(f"unknown export {what!r} (documents, duties or rdf)")
    if what == "rdf":
        if fmt not in RDF_FORMATS:
            raise QueryError(f"unknown RDF format {fmt!r} (one of {', '.join(RDF_FORMATS)})")
        write_rdf(store, out, fmt)
        return
    records = iter_documents(store) if what == "documents" else iter_duties(store)
    batch: list[str] = []
    for line in to_jsonl(records):
        batch.append(line)
        if len(batch) >= 1000:
            out.write("".join(batch).encode("utf-8"))
            batch = []
    out.write("".join(batch).encode("utf-8"))


def write_export(what: str, store_dir: str | Path, out: BinaryIO, fmt: str = "ttl") -> None:
    """`kg export WHAT`: write_export_of on the store in `store_dir`."""
    from kg.store import open_store

    write_export_of(open_store(store_dir), what, out, fmt)


def export_file(what: str, store_dir: str | Path, output: Path, fmt: str = "ttl") -> None:
    """write_export into a file, which appears only when the export is complete."""
    import os

    from kg.store import open_store

    store = open_store(store_dir)
    tmp = output.with_name(f".{output.name}.part")
    try:
        with open(tmp, "wb") as out:
            write_export_of(store, what, out, fmt)
        os.replace(tmp, output)
    except OSError as exc:
        raise KgError(f"{output}: cannot write ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)


def export_text(what: str, store_dir: str | Path, fmt: str = "ttl") -> bytes:
    """write_export into bytes."""
    buffer = io.BytesIO()
    write_export(what, store_dir, buffer, fmt)
    return buffer.getvalue()
