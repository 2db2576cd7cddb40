"""Run the canned Cypher questions (queries/*.cypher) on FalkorDB or Neo4j, rows shaped like SPARQL's.

Each file starts with a header of ``//`` comment lines, the same fields as the SPARQL twins:
``// title: …``, ``// description: …``, ``// param: name (type, default …) — meaning``. Parameters
are bound, never formatted into the text. Rows come back as tuples of plain values (str, int,
float, bool or None; lists joined) with the file's column names, so they compare with the rows
of the SPARQL runner.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.cypher_client import CypherClient
from kg.cypher_text import QUERIES_DIR, strip_comments
from kg.errors import QueryError

__all__ = [
    "LIST_SEPARATOR",
    "Param",
    "CypherQuery",
    "QueryRows",
    "parse_query",
    "list_queries",
    "load_query",
    "bind_params",
    "plain_value",
    "run_query",
]

LIST_SEPARATOR = "；"  # how a list value is joined into one cell (the SPARQL twins use GROUP_CONCAT)

_TYPES = {"string": str, "integer": int, "iri": str, "boolean": bool}  # as the SPARQL twins (kg/queries.py)
_UNBOUND = ("", "all", "none")  # `default all`: the parameter is null and matches everything


@dataclass(frozen=True)
class Param:
    """One declared parameter: ``name (type, default value) — meaning``."""

    name: str
    type: str = "string"
    default: str | None = None  # None: unbound (null, matches everything) unless required
    meaning: str = ""
    required: bool = False  # declared `(type, required)`: must be given


@dataclass(frozen=True)
class CypherQuery:
    """A canned question: name (file stem), header fields and the statement."""

    name: str
    path: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str


@dataclass(frozen=True)
class QueryRows:
    """Column names and rows of plain values."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _parse_param(spec: str, path: Path) -> Param:
    name, _, rest = spec.strip().partition("(")
    name = name.strip()
    if not name:
        raise QueryError(f"{path}: a '// param:' line has no name")
    inside, _, meaning = rest.partition(")")
    kind, _, default_part = inside.partition(",")
    kind = kind.strip() or "string"
    if kind not in _TYPES:
        raise QueryError(f"{path}: param {name}: unknown type {kind!r} (use {', '.join(sorted(_TYPES))})")
    default_part = default_part.strip()
    default = default_part[len("default") :].strip() if default_part.startswith("default") else None
    meaning = meaning.strip().lstrip("—-–").strip()
    return Param(
        name=name,
        type=kind,
        default=None if default in _UNBOUND else default,
        meaning=meaning,
        required=default_part == "required",
    )


def parse_query(path: Path) -> CypherQuery:
    """Read one .cypher file with its header; QueryError naming the file if malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read ({exc.strerror})") from exc
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            continue
        key, sep, value = stripped[2:].strip().partition(":")
        if not sep:
            continue
        key = key.strip().lower()
        if key == "param":
            params.append(_parse_param(value, path))
        elif key in ("title", "description"):
            fields[key] = (fields.get(key, "") + " " + value.strip()).strip()
    if "title" not in fields:
        raise QueryError(f"{path}: no '// title:' line in the header")
    statement = strip_comments(text)
    if not statement:
        raise QueryError(f"{path}: no Cypher statement in the file")
    return CypherQuery(
        name=path.stem,
        path=str(path),
        title=fields["title"],
        description=fields.get("description", ""),
        params=tuple(params),
        text=statement,
    )


def list_queries(folder: Path = QUERIES_DIR) -> tuple[CypherQuery, ...]:
    """Every canned Cypher question in `folder`, by name."""
    return tuple(parse_query(path) for path in sorted(Path(folder).glob("*.cypher")))


def load_query(name: str, folder: Path = QUERIES_DIR) -> CypherQuery:
    """The canned question `name` (file stem); QueryError listing the known names if unknown."""
    path = Path(folder) / f"{name}.cypher"
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries(folder))
        raise QueryError(f"unknown Cypher query {name!r} (known: {known})")
    return parse_query(path)


def bind_params(query: CypherQuery, given: Mapping[str, str]) -> dict[str, Any]:
    """Typed values for every declared parameter: given (as text), else its default, else null
    (an unbound parameter matches everything, as in the SPARQL twins); QueryError on bad input."""
    declared = {param.name: param for param in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise QueryError(f"query {query.name}: unknown parameter {unknown[0]!r} (parameters: {', '.join(declared) or 'none'})")
    values: dict[str, Any] = {}
    for name, param in declared.items():
        raw = given.get(name, param.default)
        if raw is None and param.required:
            raise QueryError(f"query {query.name}: parameter {name} is required (--param {name}=…)")
        if raw is None:
            values[name] = None
        elif param.type == "integer":
            try:
                values[name] = int(raw)
            except ValueError:
                raise QueryError(f"query {query.name}: parameter {name} wants an integer, got {raw!r}") from None
        elif param.type == "boolean":
            if raw.lower() not in ("true", "false"):
                raise QueryError(f"query {query.name}: parameter {name} wants true or false, got {raw!r}")
            values[name] = raw.lower() == "true"
        else:
            values[name] = raw
    return values


def plain_value(value: Any) -> Any:
    """A cell as a plain value: lists joined with LIST_SEPARATOR (sorted)."""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(sorted(str(plain_value(item)) for item in value if item is not None))
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise QueryError(f"a canned query returned a {type(value).__name__}; return properties, not nodes or paths")


def run_query(client: CypherClient, name: str, params: Mapping[str, str] | None = None, folder: Path = QUERIES_DIR) -> QueryRows:
    """Run the canned question `name` with bound parameters; rows of plain values."""
    query = load_query(name, folder)
    result = client.run(query.text, bind_params(query, params or {}))
    return QueryRows(columns=result.columns, rows=tuple(tuple(plain_value(v) for v in row) for row in result.rows))
