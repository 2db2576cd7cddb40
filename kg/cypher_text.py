"""Cypher statements kept as files under queries/: locate, read, split scripts.

Python never holds Cypher text: the writer, the pusher and the canned-query runner read it from
here. Full-line ``//`` comments (the header) are removed before a statement is sent.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.errors import QueryError

__all__ = ["QUERIES_DIR", "INTERNAL_DIR", "read_statement", "read_script", "strip_comments"]

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
INTERNAL_DIR = QUERIES_DIR / "internal" / "pg"


def strip_comments(text: str) -> str:
    """The statement without full-line ``//`` comments and blank lines."""
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line.strip() and not line.lstrip().startswith("//"))


@lru_cache(maxsize=None)
def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read Cypher file ({exc.strerror})") from exc


def read_statement(name: str, folder: Path = INTERNAL_DIR) -> str:
    """The one statement in ``folder/NAME.cypher``, comments removed."""
    path = folder / f"{name}.cypher"
    statement = strip_comments(_read(path))
    if not statement:
        raise QueryError(f"{path}: no Cypher statement in the file")
    return statement


def read_script(name: str, folder: Path = INTERNAL_DIR) -> tuple[str, ...]:
    """The statements of ``folder/NAME.cypher``, split at a ``;`` ending a line."""
    path = folder / f"{name}.cypher"
    statements, current = [], []
    for line in strip_comments(_read(path)).splitlines():
        if line.endswith(";"):
            current.append(line[:-1])
            statements.append("\n".join(current).strip())
            current = []
        else:
            current.append(line)
    if "\n".join(current).strip():
        statements.append("\n".join(current).strip())
    return tuple(s for s in statements if s)
