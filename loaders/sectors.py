"""Sector of a task: from its nearest heading that names one, else from its own text.

The codes, labels and cue words are data (loaders/data/sectors.toml). Cue words are matched
longest first over the text, so "非煤矿山" is never read as "煤矿".
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import DATA

__all__ = ["GENERAL", "SectorInfo", "sector_table", "sector_codes", "classify", "cue_hits", "title_sector"]

GENERAL = "general"
# a sector decides a task from its text alone only with this many cue hits and this share of all hits
BODY_MIN_HITS = 3
BODY_MIN_SHARE = 0.8
# ... spread over this many sentences (a list "钢铁、铝加工、粉尘涉爆企业…" in one sentence is an example)
BODY_MIN_SENTENCES = 2
# ... except in a short task (a table row, a one-line item) whose first words name a sector: that cue decides
# when no other sector has more hits ("开展城镇燃气安全专项整治，重点排查老旧管网")
SHORT_TASK = 60
SHORT_CUE_WITHIN = 8  # characters from the start of the task
_SENTENCE_END = re.compile(r"[。；！？]")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class SectorInfo:
    """One sector of the scheme."""

    code: str
    zh: str
    en: str
    heading: tuple[str, ...]
    body: tuple[str, ...]
    body_primary: bool = True  # False: cross-cutting, only a heading makes it primary


@dataclass(frozen=True)
class _Table:
    sectors: tuple[SectorInfo, ...]
    order: dict[str, int]
    ambiguous: dict[str, tuple[str, ...]]
    heading_of: dict[str, str]
    body_of: dict[str, str]
    heading_re: re.Pattern
    body_re: re.Pattern
    can_lead: frozenset[str]  # sectors whose body cues alone may make them primary


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def _table() -> _Table:
    with open(DATA / "sectors.toml", "rb") as f:
        raw = tomllib.load(f)
    sectors = tuple(
        SectorInfo(code, v["zh"], v["en"], tuple(v.get("heading", ())), tuple(v.get("body", ())),
                   bool(v.get("body_primary", True)))
        for code, v in raw["sector"].items()
    )
    ambiguous = {cue: tuple(codes) for cue, codes in raw.get("ambiguous", {}).items()}
    heading_of = {w: s.code for s in sectors for w in s.heading}
    body_of = {w: s.code for s in sectors for w in s.body}
    heading_re = re.compile(_alt(list(heading_of) + list(ambiguous)))
    body_re = re.compile(_alt(list(body_of) + list(ambiguous)))
    return _Table(sectors, {s.code: i for i, s in enumerate(sectors)}, ambiguous, heading_of, body_of,
                  heading_re, body_re, frozenset(s.code for s in sectors if s.body_primary))


def sector_table() -> tuple[SectorInfo, ...]:
    """All sectors of the scheme, in scheme order (general last)."""
    return _table().sectors


def sector_codes() -> tuple[str, ...]:
    """The sector codes, in scheme order."""
    return tuple(s.code for s in _table().sectors)


def cue_hits(text: str, heading: bool = False) -> list[tuple[str, int]]:
    """(cue word, position) of every sector cue in `text` (heading or body list), longest first."""
    return list(_heading_hits(text)) if heading else _hits(_table().body_re, _WS.sub("", text))


def _hits(rx: re.Pattern, flat: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in rx.finditer(flat)]


@lru_cache(maxsize=4096)
def _heading_hits(title: str) -> tuple[tuple[str, int], ...]:
    """cue_hits(title, heading=True), memoised: every task under a heading looks its title up."""
    return tuple(_hits(_table().heading_re, _WS.sub("", title)))


def _counts(text: str) -> dict[str, tuple[int, int, int]]:
    """sector -> (hits, first position, sentences hit) from body cues; ambiguous cues count for none."""
    t = _table()
    flat = _WS.sub("", text)
    hits = _hits(t.body_re, flat)
    if not hits:
        return {}
    ends = [m.end() for m in _SENTENCE_END.finditer(flat)]
    out: dict[str, tuple[int, int, int]] = {}
    seen: dict[str, set[int]] = {}
    for cue, pos in hits:
        code = t.body_of.get(cue)
        if code is None or code == GENERAL:
            continue
        n, first, _ = out.get(code, (0, pos, 0))
        seen.setdefault(code, set()).add(bisect.bisect_right(ends, pos))
        out[code] = (n + 1, first, len(seen[code]))
    return out


def _resolve(cue: str, counts: dict[str, tuple[int, int, int]], fixed: dict[str, str]) -> str:
    t = _table()
    if cue in fixed:
        return fixed[cue]
    options = t.ambiguous[cue]
    return max(options, key=lambda c: (counts.get(c, (0, 0, 0))[0], -options.index(c)))


def _heading_sectors(title: str, counts: dict[str, tuple[int, int, int]]) -> list[str]:
    t = _table()
    out: list[str] = []
    for cue, _ in _heading_hits(title):
        code = t.heading_of[cue] if cue in t.heading_of else _resolve(cue, counts, {})
        if code not in out:
            out.append(code)
    return out


# a cue followed by one of these is part of a unit's name (临汾市交通运输局), not the topic of a title
_UNIT_AFTER = re.compile(r"局|厅|委|部|办|站|中心|公司|集团|支队|大队")


_ACCIDENT_REPORT = "事故调查"


def title_sector(title: str) -> str | None:
    """The one sector a document's title is about ("关于印发工贸行业安全生产十条措施的通知" -> metallurgy_industry_trade),
    from heading cues outside unit names; None when it names none or several."""
    t = _table()
    flat = _WS.sub("", title)
    if _ACCIDENT_REPORT in flat:  # "…铁路专用线集运站…坍塌事故调查报告的批复": the place, not the topic
        return None
    found = {t.heading_of[m.group()] for m in t.heading_re.finditer(flat)
             if m.group() in t.heading_of and not _UNIT_AFTER.match(flat, m.end())
             and flat[m.end():m.end() + 1] != "等"}  # "城镇燃气等重点领域": one of several
    return found.pop() if len(found) == 1 and GENERAL not in found else None


def _short_task_sector(flat: str, counts: dict[str, tuple[int, int, int]]) -> str | None:
    """The sector a short task's first words name, unless another has more hits or the cue opens a list of
    sectors ("抓好森林草原火灾、水旱灾害、地质灾害等…")."""
    t = _table()
    m = t.body_re.search(flat, 0, SHORT_CUE_WITHIN + 12)
    if m is None or m.start() > SHORT_CUE_WITHIN:
        return None
    code = t.body_of.get(m.group())
    if flat[m.end():m.end() + 1] in ("、", "和", "及", "与"):  # a list: only when it names no other sector
        nxt = t.body_re.match(flat, m.end() + 1)  # ("建筑施工及市政建设" names one)
        if nxt is not None and t.body_of.get(nxt.group()) != code:
            return None
    if code not in t.can_lead or code not in counts or counts[code][0] < max(v[0] for v in counts.values()):
        return None
    return code


def classify(heading_titles: list[str], text: str) -> tuple[str, ...]:
    """Sector codes of a task, primary first; ("general",) when nothing matches.

    heading_titles run from the top heading down to the nearest. The nearest heading that names
    a sector decides the primary sector; the text decides only when no heading names one, and
    only when one sector clearly dominates its cue words. Other sectors named by the headings or
    the text follow the primary.
    """
    t = _table()
    counts = _counts(text)
    primary: str | None = None
    extra: list[str] = []
    for title in reversed(list(heading_titles)):
        found = _heading_sectors(title, counts)
        if primary is None and found:
            primary, found = found[0], found[1:]
        extra += found
    if primary is None and counts and len(_WS.sub("", text)) <= SHORT_TASK:
        primary = _short_task_sector(_WS.sub("", text), counts)
    if primary is None:
        total = sum(v[0] for v in counts.values())
        best = min((c for c in counts if c in t.can_lead), key=lambda c: (-counts[c][0], counts[c][1], t.order[c]), default=None)
        if best is not None and counts[best][0] >= max(BODY_MIN_HITS, BODY_MIN_SHARE * total) \
                and counts[best][2] >= BODY_MIN_SENTENCES:
            primary = best
    by_text = sorted(counts, key=lambda c: (-counts[c][0], counts[c][1], t.order[c]))
    ordered = [primary or GENERAL] + extra + by_text
    return tuple(dict.fromkeys(ordered))
