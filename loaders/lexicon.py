"""Word lists and tables kept as data in loaders/data/, loaded once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["DATA", "cues", "UnitEntry", "unit_lexicon", "Jurisdiction", "jurisdictions"]

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def cues() -> dict:
    """The cue-word tables of data/cues.toml."""
    with open(DATA / "cues.toml", "rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class UnitEntry:
    core: str  # canonical core name, e.g. 应急管理局
    function: str  # e.g. emergency_management


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=None)
def unit_lexicon() -> dict[str, UnitEntry]:
    """Alias or core (without jurisdiction prefix) -> entry; both directions resolve to the core."""
    table: dict[str, UnitEntry] = {}
    for row in _rows("units.tsv"):
        core, function = row[0], row[1]
        entry = UnitEntry(core, function)
        table[core] = entry
        for alias in (row[2].split("|") if len(row) > 2 and row[2] else []):
            table.setdefault(alias, entry)
    return table


@dataclass(frozen=True)
class Jurisdiction:
    name: str  # 临汾市
    level: str  # province | city | county
    parent: str | None
    short: str  # 临汾


@lru_cache(maxsize=None)
def jurisdictions() -> dict[str, Jurisdiction]:
    """Known jurisdictions by full name: every division of the country (divisions.tsv), with the curated
    entries of jurisdictions.tsv (their short names) over them."""
    out = {}
    for name in ("divisions.tsv", "jurisdictions.tsv"):
        for row in _rows(name):
            row = row + [""] * (4 - len(row))
            out[row[0]] = Jurisdiction(row[0], row[1], row[2] or None, row[3] or row[0])
    return out


@lru_cache(maxsize=None)
def by_length() -> tuple[str, ...]:
    """The names of jurisdictions(), longest first (ties in name order)."""
    return tuple(sorted(jurisdictions(), key=lambda n: (-len(n), n)))


@lru_cache(maxsize=None)
def _longest_name() -> int:
    return max(map(len, jurisdictions()))


def place_prefix(s: str, names: frozenset[str] | dict | None = None) -> str | None:
    """The longest of `names` (default: the jurisdictions) that `s` begins with, or None."""
    names = jurisdictions() if names is None else names
    for k in range(min(len(s), _longest_name() if names is jurisdictions() else len(s)), 1, -1):
        if s[:k] in names:
            return s[:k]
    return None
