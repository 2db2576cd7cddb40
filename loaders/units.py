"""Unit lists: split, grade (kind) and name canonically within the issuing jurisdiction."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from loaders import patterns as P
from loaders.lexicon import cues, jurisdictions, place_prefix, unit_lexicon

__all__ = ["top_level_split", "split_list", "split_list_spans", "UnitMention", "split_units", "unit_kind", "canonical_name", "is_unit_like", "strip_open_suffix", "area_of"]


@dataclass(frozen=True)
class UnitMention:
    name: str  # clean text of the name
    start: int  # offsets relative to the string that was split
    end: int


@lru_cache(maxsize=None)
def _split_marks(seps: str) -> re.Pattern:
    """The characters top_level_split looks at: brackets, 《》 and the separators."""
    return re.compile(f"[{re.escape(P.OPEN + P.CLOSE + '《》' + seps)}]")


def top_level_split(s: str, seps: str) -> list[tuple[int, int]]:
    """Split on any char of `seps` outside brackets; returns (start, end) pieces."""
    out, depth, start = [], 0, 0
    for m in _split_marks(seps).finditer(s):
        i, c = m.start(), m.group()
        if c in P.OPEN or c == "《":
            depth += 1
        elif (c in P.CLOSE or c == "》") and depth > 0:
            depth -= 1
        elif depth == 0 and c in seps:
            out.append((start, i))
            start = i + 1
    out.append((start, len(s)))
    return [(a, b) for a, b in out if b > a]


@lru_cache(maxsize=8192)
def _complete(name: str) -> bool:
    """A fragment that is a unit on its own (not a bare sector word such as 公路)."""
    if len(name) < 2:
        return False
    core = name
    for pre in cues()["units"]["prefixes"]:
        if core.startswith(pre) and core[1:] in unit_lexicon():
            return True
    if core in unit_lexicon() or core in P.ENTERPRISE_NAMES or core in _SHORT_NAMES:
        return True
    if name.endswith("）") and "（" in name and _complete(name[:name.rfind("（")]):
        return True  # "派出所（交通中队）": a unit and what it includes
    if P.UNIT_SUFFIX.search(name) or (P.VAGUE.search(name) and len(name) >= 3):
        return True
    return len(name) >= 3 and any(rx.search(name) for kind, rx in P.KIND_RULES
                                  if kind in ("government", "committee", "party"))


_BARE_HEADS = frozenset(cues()["units"]["bare_heads"])  # "各县区党委、政府": one unit
_PERSON_TAILS = tuple(cues()["units"]["person_tails"])
_ENUMERATION_TAIL = re.compile(cues()["units"]["enumeration_tail"])
_ENUMERATION_HEAD = re.compile(cues()["units"]["enumeration_head"])
_ENUMERATION_END = re.compile("(?:人民政府|政府)$")
_AREA_FIRST = re.compile(r"[省市州县区旗盟乡镇][（(]")  # the next area, its qualifier, then the head: 县（市）卫生健康局
_NEVER_WITHIN = re.compile(P.alt(cues()["units"]["never_within"]))
_NEVER_ENDS = tuple(cues()["units"]["never_ends"])


def is_unit_like(name: str) -> bool:
    """True when `name` reads as a unit (used to accept or reject a bracket as an attribution)."""
    return (_complete(name) or _complete(strip_open_suffix(name)[0]) or P.SECTOR_WORD.match(name) is not None) \
        and len(name) <= 50 and not _NEVER_WITHIN.search(name) and not name.endswith(_NEVER_ENDS)


_MANNER = re.compile(P.alt(cues()["connectors"]["manner_openers"]))


def end_before_object(s: str, a: int, b: int) -> int:
    """Where the units in s[a:b] end when 对 or how they act follows them ("各乡镇人民政府对本辖区…负总责",
    "各街道办事处按照属地管理原则抓好落实" -> before 对, 按照); else b."""
    k = s.find("对", a, b)
    if k > a and is_unit_like(s[a:k]):
        return k
    m = _MANNER.search(s, a, b)
    return m.start() if m and m.start() > a and is_unit_like(s[a:m.start()]) else b


def strip_open_suffix(name: str) -> tuple[str, bool]:
    """'市应急局等部门' -> ('市应急局', True); names that are only the suffix are kept."""
    m = P.OPEN_LIST_SUFFIX.search(name)
    if m and m.start() > 0:
        return name[: m.start()], True
    return name, False


def _split_conjunctions(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split s[a:b] on 和/及/与 only between two complete unit names."""
    conj = sorted(cues()["connectors"]["list_conjunctions"], key=len, reverse=True)
    pieces = [(a, b)]
    changed = True
    while changed:
        changed = False
        out = []
        for x, y in pieces:
            text = s[x:y]
            done = False
            depth = 0
            for i in range(1, len(text) - 1):
                c = text[i]
                if c in P.OPEN:
                    depth += 1
                elif c in P.CLOSE and depth > 0:
                    depth -= 1
                if depth:
                    continue
                for w in conj:
                    if text.startswith(w, i):
                        left, right = text[:i], text[i + len(w):]
                        if _complete(left) and len(right) >= 2 and right not in cues()["units"]["not_alone"] \
                                and not right.startswith(tuple(cues()["units"]["possessive_starts"])):
                            out += [(x, x + i), (x + i + len(w), y)]
                            done = changed = True
                        break
                if done:
                    break
            if not done:
                out.append((x, y))
        pieces = out
    return pieces


_GENERIC_HEAD = re.compile(r"(?:等有关|等相关|等)?(?:行业监管|行业主管|监管|主管|职能)?(?:部门|单位)$")


def _short_name(name: str) -> bool:
    """A department's short name among sector words: 应急办, 交警队 (not 通信等专业建设工程主管部门)."""
    return P.SECTOR_WORD.match(name) is not None or (len(name) <= 4 and "等" not in name and _complete(name))


_QUALIFIER = re.compile(r"（[\u4e00-\u9fff]{1,6}）(?=等|$)|（[\u4e00-\u9fff]{1,6}）$")


def _sector_words(s: str, a: int, b: int) -> tuple[list[list[int]], bool]:
    """A list of departments named by their sector words, sharing one head ("公安、应急、市场监管等部门",
    "交通运输、公安交警、应急管理部门", "气象、水务、应急办"): each word is a unit of its own, the last keeping its
    head unless that is only 等部门 (then the list is open); any other group is itself ([[a, b]], False)."""
    pieces, pos = [], a
    for part in s[a:b].split("、"):
        pieces.append([pos, pos + len(part)])
        pos += len(part) + 1
    plain = [_QUALIFIER.sub("", s[x:y]) for x, y in pieces]  # "农业（农机）": the sector word and what it covers
    last = plain[-1]
    head = _GENERIC_HEAD.search(last)
    bare = head is not None and P.SECTOR_WORD.match(last[:head.start()]) is not None  # "供销等部门"
    words = [P.SECTOR_WORD.match(w) is not None for w in plain[:-1]]
    if any(c in w for w in plain for c in P.OPEN) or not (bare or (len(pieces) > 1 and _short_name(last))) \
            or not all(w or _short_name(s[x:y]) for w, (x, y) in zip(words, pieces)) \
            or not (bare or any(words)):  # areas are no sector words: 各市、县政府 is one unit
        return [[a, b]], False
    opened = bare and head.group(0).startswith("等")
    if opened:
        pieces[-1][1] -= len(head.group(0))
    return pieces, opened


def split_units(s: str) -> tuple[list[UnitMention], bool]:
    """Split a printed unit list; returns the mentions and whether the list is open (ends in 等…)."""
    mentions, open_list = _split_units(s)
    return list(mentions), open_list


@lru_cache(maxsize=8192)
def _split_units(s: str) -> tuple[tuple[UnitMention, ...], bool]:
    """split_units, memoised: the same unit lists recur in every notice."""
    seps = "".join(cues()["connectors"]["list_separators"])
    frags: list[tuple[int, int]] = []
    for a, b in top_level_split(s, seps):
        frags += _split_conjunctions(s, a, b)
    # strip stray punctuation / leading 由
    cleaned = []
    for a, b in frags:
        while a < b and s[a] in "由和及与并：:。，、 \n":
            a += 1
        while b > a and s[b - 1] in "。，、：: \n":
            b -= 1
        if b > a:
            cleaned.append((a, b))
    # merge incomplete fragments (bare sector words, 委/局 of 室、委、局) with their neighbours
    merged: list[list[int]] = []
    pending: list[int] | None = None
    for a, b in cleaned:
        name = s[a:b]
        if pending is not None:
            pending[1] = b
            if _complete(strip_open_suffix(s[pending[0]:pending[1]].split("、")[-1])[0]):
                merged.append(pending)
                pending = None
            continue
        if merged and (len(name) == 1 or name in _BARE_HEADS or (_ENUMERATION_TAIL.match(name)  # 各市、州人民政府
                                          and _ENUMERATION_HEAD.match(s[merged[-1][0]:merged[-1][1]].split("、")[-1]))):
            merged[-1][1] = b
            continue
        if _complete(strip_open_suffix(name)[0]) or "等" in name:
            merged.append([a, b])
        else:
            pending = [a, b]
    if pending is not None:
        if merged and pending[1] - pending[0] <= 2:
            merged[-1][1] = pending[1]
        else:
            merged.append(pending)
    # "各市、州、直管市、神农架林区人民政府": areas named alone before the one that carries the head are one unit
    k = 1
    while k < len(merged):
        before = s[merged[k - 1][0]:merged[k - 1][1]].split("、")
        if (_ENUMERATION_END.search(s, merged[k][0], merged[k][1]) or _AREA_FIRST.match(s, merged[k][0])) \
                and all(_ENUMERATION_HEAD.match(x) for x in before):  # …and "各区、县（市）卫生健康局"
            merged[k - 1][1] = merged[k][1]
            del merged[k]
        else:
            k += 1
    words = [_sector_words(s, *group) for group in merged]
    merged = [span for spans, _ in words for span in spans]
    mentions = []
    open_list = any(opened for _, opened in words)
    for k, (a, b) in enumerate(merged):
        name = s[a:b]
        if k == len(merged) - 1:
            stripped, is_open = strip_open_suffix(name)
            if is_open:
                open_list = True
                if _complete(stripped.split("、")[-1]):
                    b = a + len(stripped)
                    name = stripped
                # else a collective: "发展改革、行政审批等部门" stays one unit
            elif "等" in name and "、" in name:
                open_list = True
        tail = next((t for t in _PERSON_TAILS if name.endswith(t) and _complete(name[:-len(t)])), "")
        if tail:  # "盘龙区政府主要领导": the unit, not its leader
            b -= len(tail)
            name = name[:-len(tail)]
        host = _HOST.fullmatch(name)  # "市安委办（市应急管理局）": the office, not where it sits; "县林业局（县林长办）":
        if host and _complete(host.group(2)) and P.UNIT_SUFFIX.search(host.group(2)) \
                and (unit_kind(host.group(1)) == "committee"  # the bureau, not the office it hosts
                     or (_complete(host.group(1)) and P.UNIT_SUFFIX.search(host.group(1))
                         and host.group(1)[0] == host.group(2)[0] and host.group(1)[0] in _LEVELS)):  # (both named by
            # level: not 各镇人民政府（街道办事处）, 派出所（交通中队）, where the bracket widens or narrows the name)
            b = a + len(host.group(1))
            name = host.group(1)
        mentions.append(UnitMention(name, a, b))
    return tuple(mentions), open_list


_LEVELS = "省市州盟县区旗乡镇"
_HOST = re.compile(r"([^（）]{3,})（((?!各)[^（）]{3,})）")


_FOLD_BRACKETS = str.maketrans(P.OPEN + P.CLOSE, "（" * len(P.OPEN) + "）" * len(P.CLOSE))


def _folded(name: str) -> str:
    """`name` as looked up: NFKC, and every bracket pair as （） (各县(市、区) = 各县〔市、区〕 = 各县（市、区）)."""
    return unicodedata.normalize("NFKC", name).translate(_FOLD_BRACKETS)


_GOVERNMENT_LIST = re.compile(r"^各(?:相关|有关)?[县乡市区镇].{0,8}(?:人民政府|政府|管委会)$")


_SHORT_NAMES = frozenset(cues()["units"]["short_names"])
_LEADING_SOME = re.compile(r"^(?:各|有关|相关)+")  # 相关生产经营单位 / 有关企业 are enterprises, not vague bodies


@lru_cache(maxsize=8192)
def unit_kind(name: str) -> str:
    """department | government | committee | party | enterprise | vague | other."""
    n = _folded(name)
    if n in P.ENTERPRISE_NAMES:
        return "enterprise"
    for kind, rx in P.KIND_RULES:
        if kind == "enterprise" and rx.search(n) and not P.VAGUE.search(_LEADING_SOME.sub("", n)):
            return "enterprise"
    if P.VAGUE.search(n) and not _GOVERNMENT_LIST.search(n):
        return "vague"
    for kind, rx in P.KIND_RULES:
        if kind != "enterprise" and rx.search(n):
            return kind
    return "department" if P.SECTOR_WORD.match(n) else "other"


def _jurisdiction_for(prefix: str, jurisdiction: str | None) -> str | None:
    """Which government a 市/县/省 prefix refers to, seen from the issuing jurisdiction."""
    table = jurisdictions()
    j = table.get(jurisdiction or "")
    if j is None:
        return jurisdiction
    if j.name.endswith(prefix):  # 市应急局 in a notice of 醴陵市 (a county-level city) is 醴陵市's own
        return j.name
    chain = [j]
    while chain[-1].parent and chain[-1].parent in table:
        chain.append(table[chain[-1].parent])
    want = {"省": "province", "市": "city", "县": "county", "区": "county"}[prefix]
    for k in chain:
        if k.level == want:
            return k.name
    return jurisdiction


@lru_cache(maxsize=None)
def _places() -> frozenset[str]:
    """Names that carry their own place: short and full jurisdiction names, 国家 …"""
    return frozenset({j.short for j in jurisdictions().values()} | set(jurisdictions()) | {"国家", "中国", "中共", "国务院"})


@lru_cache(maxsize=8192)
def canonical_name(name: str, jurisdiction: str | None) -> tuple[str, str]:
    """Canonical name scoped to the issuing jurisdiction, and the unit's function.

    市应急局 in a 临汾市 document -> (临汾市应急管理局, emergency_management).
    """
    n = _folded(name)
    lex = unit_lexicon()
    full = place_prefix(n)
    if full is not None:
        rest = n[len(full):]
        e = lex.get(rest)
        return (full + e.core if e else n), (e.function if e else "")
    for pre in cues()["units"]["prefixes"]:
        if n.startswith(pre) and len(n) > 1:
            rest = n[1:]
            for lead in ("直", "级"):
                if rest.startswith(lead) and rest[1:] not in lex:
                    rest = rest[1:]
                    break
            e = lex.get(rest)
            where = _jurisdiction_for(pre, jurisdiction) or ""
            if e is not None:
                return where + e.core, e.function
            if pre == "市" and rest in lex:
                continue
            return (where + rest if where else n), ""
    e = lex.get(n)
    if e is not None:
        return (jurisdiction or "") + e.core, e.function
    # names that carry their own place ("临汾经济开发区管委会", "国家矿山安监局山西局…") are not re-scoped
    if not jurisdiction or place_prefix(n, _places()) or n.startswith(jurisdiction[:2]):
        return n, ""
    return jurisdiction + n, ""


def split_list_spans(s: str) -> list[tuple[str, int, int]]:
    """Split an addressee or 抄送 list: on ， at top level, and on 、 only between complete names
    ("各县、市、区人民政府" and "市直各室、委、局" stay whole)."""
    out = []
    for a, b in top_level_split(s, "，,；;"):
        parts = top_level_split(s[a:b], "、")
        if len(parts) > 1 and all(_complete(s[a + x:a + y]) for x, y in parts) \
                and not (_ENUMERATION_TAIL.match(s[a + parts[-1][0]:a + parts[-1][1]])
                         and _ENUMERATION_HEAD.match(s[a + parts[-2][0]:a + parts[-2][1]])):
            out += [(s[a + x:a + y], a + x, a + y) for x, y in parts]
        else:
            out.append((s[a:b], a, b))
    return [(n.strip("。 "), x, y) for n, x, y in out if n.strip("。 ")]


def split_list(s: str) -> list[str]:
    """Names of split_list_spans(s)."""
    return [n for n, _, _ in split_list_spans(s)]


_AREA = re.compile(r"^[\u4e00-\u9fff]+?[省市县区镇乡旗州盟]")


def area_of(name: str) -> str | None:
    """The area a unit's name begins with ("英德市人民政府" -> 英德市, "洪梅镇安委会" -> 洪梅镇), None when it names
    none of two characters or more."""
    m = _AREA.match(name)
    return m.group(0) if m and len(m.group(0)) >= 2 else None
