"""Canned SPARQL queries: load queries/*.rq with their header, list them, run them with bound
parameters, format the rows as an aligned table (CJK-width aware), CSV or JSON.

Header format (shared with the .cypher twins)::

    # title: Unowned duties
    # description: tasks with no concrete unit ...
    # param: document (string, default all) — only this document (文号 or id)

A parameter is a variable of the query's SELECT projection; the runner binds it by substitution
(SEP-0007). Where the query marks a *slot* for it — a ``VALUES ?name { UNDEF }`` line, a no-op in plain
SPARQL — the bound term also fills the slot, so Oxigraph's planner sees one row and starts its evaluation
there (substitutions alone reach the evaluator only after planning: one notice of a thousand took as long
as the whole store). The term is written by pyoxigraph's own N-Triples serialiser, never from the text the
user typed. An unbound parameter matches everything, and its slots are left out.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.store import Rows, Store

__all__ = [
    "QUERY_DIR",
    "Param",
    "Query",
    "FORMATS",
    "list_queries",
    "load_query",
    "parse_query",
    "run_query",
    "run_sparql",
    "select",
    "bind_params",
    "bound_text",
    "format_rows",
    "text_width",
    "describe_queries",
    "answer",
]

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
FORMATS = ("table", "csv", "json")
_TYPES = ("string", "integer", "iri", "boolean")
_SLOT = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}")


@dataclass(frozen=True)
class Param:
    """One declared parameter."""

    name: str
    type: str = "string"
    default: str | None = None  # None: unbound (matches everything)
    meaning: str = ""
    required: bool = False  # declared `(type, required)`: no default, must be given


@dataclass(frozen=True)
class Query:
    """A query file: name, header fields and text."""

    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    @property
    def slots(self) -> frozenset[str]:
        """Parameters with a `VALUES ?name { UNDEF }` slot in the text."""
        return frozenset(m.group(1) for m in _SLOT.finditer(self.text))


def _parse_param(spec: str, where: str) -> Param:
    """`name (type, default X) — meaning` -> Param."""
    head, _, meaning = spec.replace(" -- ", " — ").partition("—")
    name, _, rest = head.strip().partition("(")
    name = name.strip()
    if not name or not name.replace("_", "").isalnum():
        raise QueryError(f"{where}: bad parameter declaration {spec.strip()!r}")
    ptype, default, required = "string", None, False
    if rest:
        inner = rest.rsplit(")", 1)[0]
        parts = [p.strip() for p in inner.split(",", 1)]
        ptype = parts[0] or "string"
        if len(parts) > 1 and parts[1].startswith("default"):
            value = parts[1][len("default"):].strip()
            default = None if value in ("", "all", "none") else value
        elif len(parts) > 1 and parts[1] == "required":
            required = True
    if ptype not in _TYPES:
        raise QueryError(f"{where}: parameter {name!r} has unknown type {ptype!r} (one of {', '.join(_TYPES)})")
    return Param(name, ptype, default, meaning.strip(), required)


def parse_query(name: str, path: Path, text: str) -> Query:
    """Read the header comment of a query text (`# key: value` lines; bare `#` lines continue the description)."""
    title, description, params = "", [], []
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        key, sep, value = body.partition(":")
        key = key.strip().lower()
        if sep and key in ("title", "description", "param"):
            current = key
            if key == "title":
                title = value.strip()
            elif key == "description":
                description.append(value.strip())
            else:
                params.append(_parse_param(value, str(path)))
        elif current == "description" and body:
            description.append(body)
    if not title:
        raise QueryError(f"{path}: header has no '# title:' line")
    query = Query(name, path, title, " ".join(d for d in description if d), tuple(params), text)
    stray = sorted(query.slots - {p.name for p in query.params})
    if stray:
        raise QueryError(f"{path}: VALUES ?{stray[0]} {{ UNDEF }} is a slot for no declared parameter")
    return query


@lru_cache(maxsize=None)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def list_queries() -> list[Query]:
    """The canned queries (queries/*.rq), sorted by name."""
    return [load_query(p.stem) for p in sorted(QUERY_DIR.glob("*.rq"))]


def load_query(name: str) -> Query:
    """A canned query by name (e.g. `unowned_duties`, or `internal/export_tasks`)."""
    rel = Path(name if name.endswith(".rq") else name + ".rq")
    path = (QUERY_DIR / rel).resolve()
    if rel.is_absolute() or QUERY_DIR.resolve() not in path.parents or not path.is_file():
        known = ", ".join(p.stem for p in sorted(QUERY_DIR.glob("*.rq")))
        raise QueryError(f"unknown query {name!r} (known: {known})")
    return parse_query(rel.with_suffix("").as_posix(), path, _read(path))


def _term(param: Param, value: str, where: str) -> Any:
    if param.type == "integer":
        try:
            return ox.Literal(str(int(value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        except ValueError:
            raise QueryError(f"{where}: parameter {param.name} wants an integer, got {value!r}") from None
    if param.type == "boolean":
        if value.lower() not in ("true", "false"):
            raise QueryError(f"{where}: parameter {param.name} wants true or false, got {value!r}")
        return ox.Literal(value.lower(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if param.type == "iri":
        try:
            return ox.NamedNode(value)
        except ValueError:
            raise QueryError(f"{where}: parameter {param.name} wants an IRI, got {value!r}") from None
    return ox.Literal(value)


def bind_params(query: Query, values: Mapping[str, str]) -> dict[str, Any]:
    """Check `values` against the declared parameters and turn them (and defaults) into terms."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"query {query.name}: unknown parameter {unknown[0]!r} (parameters: {known})")
    out = {}
    for p in query.params:
        value = values.get(p.name, p.default)
        if value is None and p.required:
            raise QueryError(f"query {query.name}: parameter {p.name} is required (--param {p.name}=…)")
        if value is not None:
            out[p.name] = _term(p, value, f"query {query.name}")
    return out


def bound_text(query: Query, bindings: Mapping[str, Any]) -> str:
    """The query text with each slot holding its parameter's bound term, or left out when unbound."""

    def fill(m: re.Match) -> str:
        term = bindings.get(m.group(1))
        return "" if term is None else f"VALUES ?{m.group(1)} {{ {term} }}"

    return _SLOT.sub(fill, query.text)


def select(store: Store, query: Query, bindings: Mapping[str, Any]) -> Rows:
    """Run a loaded canned query with bound terms (bind_params) on the store."""
    return store.select(bound_text(query, bindings), bindings, source=f"query {query.name}")


def run_query(store: Store, name: str, params: Mapping[str, str] | None = None) -> Rows:
    """Run a canned query by name with `params` (name -> text) bound."""
    query = load_query(name)
    return select(store, query, bind_params(query, params or {}))


def run_sparql(store: Store, text: str, source: str = "sparql") -> Rows:
    """Run free-form SPARQL (a SELECT) read from a file or stdin."""
    return store.select(text, source=source)


# ------------------------------------------------------------------ formatting


def text_width(text: str) -> int:
    """Terminal columns taken by `text` (wide and full-width characters count 2)."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return " ".join(str(value).split())


def _table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    for row in cells:
        for i, c in enumerate(row):
            if text_width(c) > max_width:
                cut, w = [], 0
                for ch in c:
                    w += text_width(ch)
                    if w > max_width - 1:
                        break
                    cut.append(ch)
                row[i] = "".join(cut) + "…"
    widths = [max([text_width(c)] + [text_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [bool(rows) and all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool)
                                  for r in rows if r[i] is not None) for i in range(len(columns))]

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, v in enumerate(values):
            pad = " " * (widths[i] - text_width(v))
            parts.append(pad + v if numeric[i] else v + pad)
        return "  ".join(parts).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_rows(result: Rows, fmt: str = "table", max_width: int = 60) -> str:
    """Rows as an aligned table, CSV or JSON (a list of objects, columns in query order)."""
    if fmt == "table":
        return _table(result.columns, result.rows, max_width)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if v is None else _cell(v) if isinstance(v, bool) else v for v in r] for r in result.rows])
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(result.dicts(), ensure_ascii=False, indent=1) + "\n"
    raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def describe_queries() -> str:
    """The canned queries with title, description and parameters (for `kg query --list`)."""
    out = []
    for q in list_queries():
        out.append(f"{q.name} — {q.title}")
        if q.description:
            out.append(f"    {q.description}")
        for p in q.params:
            default = "required" if p.required else f"default {'all' if p.default is None else p.default}"
            out.append(f"    --param {p.name}=… ({p.type}, {default}) {p.meaning}".rstrip())
    return "\n".join(out) + "\n"


def answer(store_dir: str | Path, name: str | None, sparql: str | None = None,
           params: Mapping[str, str] | None = None, fmt: str = "table") -> str:
    """Open the store, run a canned query (or free SPARQL text) and format the rows."""
    from kg.store import open_store

    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if (name is None) == (sparql is None):
        raise QueryError("give a query NAME or --sparql FILE (not both); `kg query --list` shows the names")
    query = load_query(name) if name is not None else None
    if query is not None:
        bindings = bind_params(query, params or {})
    elif params:
        raise QueryError("--param works with canned queries only")
    store = open_store(store_dir)
    if query is not None:
        rows = select(store, query, bindings)
    else:
        rows = run_sparql(store, sparql or "")
    return format_rows(rows, fmt)
