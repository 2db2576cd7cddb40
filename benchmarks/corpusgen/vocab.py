"""Word lists of the generator, read once from benchmarks/data/."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["DATA", "Jurisdiction", "Department", "Actor", "Vocab", "vocab"]

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Jurisdiction:
    name: str  # 临汾市
    level: str  # province | city | county
    parent: str  # 山西省 ("" for a province)
    short: str  # 临汾
    docno: str  # 临 (临政发〔2024〕1号)
    prefix: str  # 市: printed before unit names (市应急局)
    zone: str  # 临汾经济开发区 ("" if none)

    @property
    def level_word(self) -> str:
        """省 / 市 / 县 (区, 市 for districts and county-level cities): 全县, 我市, 县直各单位."""
        return "省" if self.level == "province" else self.prefix


@dataclass(frozen=True)
class Department:
    function: str
    sectors: tuple[str, ...]  # ("*",) = any
    city: tuple[str, ...]  # forms: full name first, then abbreviations
    province: tuple[str, ...]
    county: tuple[str, ...]

    def forms(self, level: str) -> tuple[str, ...]:
        return {"city": self.city, "province": self.province, "county": self.county or self.city}[level]


@dataclass(frozen=True)
class Actor:
    template: str  # {p}安委办
    kind: str
    use: str  # list | sentence | both
    sectors: tuple[str, ...]


@dataclass(frozen=True)
class Vocab:
    jurisdictions: tuple[Jurisdiction, ...]
    departments: tuple[Department, ...]
    actors: tuple[Actor, ...]
    sentences: dict[str, tuple[str, ...]]  # sector -> filler sentences
    content: dict

    def jurisdiction(self, name: str) -> Jurisdiction:
        return next(j for j in self.jurisdictions if j.name == name)


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x for x in cell.split("|") if x)


@lru_cache(maxsize=None)
def vocab() -> Vocab:
    """All generator data, parsed."""
    juris = tuple(Jurisdiction(*(r + [""] * 7)[:7]) for r in _rows("jurisdictions.tsv"))
    deps = []
    for r in _rows("units.tsv"):
        r = (r + [""] * 5)[:5]
        deps.append(Department(r[0], _split(r[1]), _split(r[2]), _split(r[3]), _split(r[4])))
    actors = tuple(Actor(r[0], r[1], r[2], _split(r[3])) for r in _rows("actors.tsv"))
    sentences: dict[str, list[str]] = {}
    for sector, text in _rows("sentences.tsv"):
        sentences.setdefault(sector, []).append(text)
    with open(DATA / "content.toml", "rb") as f:
        content = tomllib.load(f)
    return Vocab(juris, tuple(deps), actors, {k: tuple(v) for k, v in sentences.items()}, content)
