"""Citations: 《…》 titles, 文号 (document numbers) and regulations normalised to one key each.

Aliases, type cues and generic titles are data (loaders/data/regulations.toml).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import DATA

__all__ = [
    "Regulation",
    "find_citations",
    "find_document_numbers",
    "number_after",
    "normalise_regulation",
    "regulation_type",
]

TITLE_OPEN = "《"
TITLE_CLOSE = "》"
# an open 《 that meets one of these (or runs longer than MAX_TITLE non-space characters) was never closed
TITLE_BREAKERS = "。！？"
MAX_TITLE = 160

_WS = re.compile(r"\s+")
# 文号: issuer abbreviation + bracketed year + sequence + 号, spaces and line breaks allowed anywhere
_S = r"\s*"
NUMBER_CORE = re.compile(
    rf"(?P<open>[〔［\[（(【﹝〖]){_S}(?P<year>(?:\d{_S}){{3}}\d){_S}(?P<close>[〕］\]）)】﹞〗]){_S}"
    rf"(?:第{_S})?(?P<seq>(?:\d{_S}){{0,4}}\d){_S}号"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
MAX_PREFIX = 10
# words that stand before a 文号 but are not part of it ("根据临政发〔2024〕1号")
PREFIX_STOP = ("根据", "依据", "按照", "参照", "对照", "贯彻", "落实", "执行", "印发", "转发", "详见", "见", "和",
               "及", "与", "或", "的", "即", "年", "月", "日", "号")
# the prefix must end in a document-type character
PREFIX_LAST = set("发函字令电规文办告报通复呈")


@dataclass(frozen=True)
class Regulation:
    """One regulation, however it is cited: a stable key, a display label, a type and its 文号."""

    key: str
    label: str
    type: str
    number: str = ""


def _squash(s: str) -> str:
    return _WS.sub("", s)


def find_citations(text: str) -> list[tuple[str, int, int]]:
    """Every 《…》 in `text`: (inner text without whitespace, start, end of the whole 《…》).

    Nested 《…》, <…> and 〈…〉 are kept as printed inside the outer title. An 《 that is never
    closed (a sentence end or an over-long run comes first) is skipped and scanning resumes
    after it; a stray 》 is ignored. Never raises.
    """
    out: list[tuple[str, int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        a = text.find(TITLE_OPEN, i)
        if a < 0:
            break
        depth, j, chars, end = 0, a, 0, -1
        while j < n:
            c = text[j]
            if c == TITLE_OPEN:
                depth += 1
            elif c == TITLE_CLOSE:
                depth -= 1
                if depth == 0:
                    end = j + 1
                    break
            elif c in TITLE_BREAKERS or (not c.isspace() and chars > MAX_TITLE):
                break
            if not c.isspace():
                chars += 1
            j += 1
        if end < 0:
            i = a + 1
            continue
        inner = _squash(text[a + 1:end - 1])
        if inner:
            out.append((inner, a, end))
        i = end
    return out


def _prefix_start(text: str, bracket: int) -> int:
    """Start of the issuer abbreviation before the bracket at `bracket` (-1 if there is none)."""
    k = bracket
    han: list[int] = []
    while k > 0 and len(han) < MAX_PREFIX:
        c = text[k - 1]
        if c.isspace():
            if c == "\n" and len(han) >= 2:
                break  # a line break ends the prefix unless it splits a short one ("临应急\n字〔2024〕")
            k -= 1
            continue
        if not _HAN.match(c):
            break
        han.append(k - 1)
        k -= 1
    if not han:
        return -1
    han.reverse()
    chars = "".join(text[p] for p in han)
    if chars[-1] not in PREFIX_LAST:
        return -1
    # cut after the last stop word that leaves at least two characters ("根据临政发" -> 临政发)
    cut = 0
    for w in PREFIX_STOP:
        at = chars.rfind(w, 0, len(chars) - 2)
        while at >= 0:
            if at + len(w) <= len(chars) - 2:
                cut = max(cut, at + len(w))
                break
            at = chars.rfind(w, 0, at)
    return han[cut]


def find_document_numbers(text: str) -> list[tuple[str, int, int]]:
    """Every 文号 in `text`: (number without whitespace, brackets as 〔〕, start, end).

    "国办函〔2023〕115号", "晋政发〔2024〕1 号", "临应急\\n字〔2024〕19 号", "临发(2018)1号" -> 临发〔2018〕1号.
    """
    out = []
    for m in NUMBER_CORE.finditer(text):
        start = _prefix_start(text, m.start())
        if start < 0:
            continue
        prefix = _squash(text[start:m.start()])
        number = f"{prefix}〔{_squash(m.group('year'))}〕{_squash(m.group('seq'))}号"
        out.append((number, start, m.end()))
    return out


def number_after(text: str, end: int, window: int = 4) -> str:
    """The 文号 printed in brackets right after position `end` (a cited title's end), or ""."""
    for number, start, _ in find_document_numbers(text[end:end + 40]):
        gap = _squash(text[end:end + start])
        if len(gap) <= window and gap in ("", "(", "（", "[", "［", "【"):
            return number
    return ""


@lru_cache(maxsize=None)
def _data() -> dict:
    with open(DATA / "regulations.toml", "rb") as f:
        return tomllib.load(f)


_NESTED = re.compile(r"<[^<>]*>|〈[^〈〉]*〉|《[^《》]*》")


def regulation_type(title: str) -> str:
    """law | regulation | rules | measures | opinion | notice | standard | local_measure | plan |
    request | report | reply | other — from the suffix of the title outside nested titles."""
    d = _data()
    outer = _NESTED.sub("", _squash(title)).rstrip("”\"'’")
    for suffix in sorted(d["types"], key=len, reverse=True):
        if outer.endswith(suffix):
            kind = d["types"][suffix]
            if kind == "law" and any(outer.endswith(s) for s in d["national_law"]["not_law_suffixes"]):
                continue
            return kind
    return "local_measure" if _is_local(outer) else "other"


def _is_local(title: str) -> bool:
    markers = _data()["national_law"]["place_markers"]
    head = title[:8]
    return any(0 < head.find(m) <= 6 for m in markers) and not title.startswith(("国务院", "中共中央"))


def _full_title(title: str) -> str:
    d = _data()
    if title in d["aliases"]:
        return d["aliases"][title]
    nl = d["national_law"]
    if (title.endswith(nl["suffix"]) and not title.startswith(nl["prefix"]) and len(title) <= 16
            and not any(title.endswith(s) for s in nl["not_law_suffixes"]) and not _is_local(title)
            and not _NESTED.search(title)):
        return nl["prefix"] + title
    return title


def normalise_regulation(title: str, jurisdiction: str | None, number: str = "") -> Regulation:
    """One key per regulation: 《安全生产法》 ≡ 《中华人民共和国安全生产法》.

    A generic title such as 《实施细则》 names the citing jurisdiction's own rules: its key and
    label carry that jurisdiction ("临汾市实施细则").
    """
    flat = _squash(title)
    label = _full_title(flat)
    if flat in _data()["generic"]["titles"] and jurisdiction:
        label = f"{jurisdiction}{flat}"
    return Regulation(key=label, label=label, type=regulation_type(label), number=_squash(number))
