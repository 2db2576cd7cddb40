"""Segment a section's text into tasks: the smallest spans that carry their own attribution.

An item is cut after every bracketed attribution ("…(市工信局…督促落实)。 发展改革…(…负责)。"),
before an inline bold title, and where a task-division table row begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import patterns as P
from loaders.attribution import Attribution, Role, parse_attribution
from loaders.lexicon import cues

__all__ = ["Piece", "bracket_groups", "deadline_only", "segment", "skip_space"]

_PAIRS = P.BRACKETS
_CLOSERS = set(_PAIRS.values())
_BRACKET_OR_NEWLINE = re.compile(f"[{re.escape(P.OPEN + P.CLOSE)}\n]")  # all bracket_groups looks at
_TRIVIAL = re.compile(r"[。，；：、！？ \n）］】]*")  # a piece of only these is merged into the one before
_TITLE_BEFORE = re.compile(r"[\u4e00-\u9fff“”、]{2,15}。")  # an item's short title sentence
_LABEL_LINES = re.compile(rf"(?:(?<=[。；\n])|^)(?:{P.LABEL.pattern})[^\n]*(?:\n(?:{P.LABEL.pattern.replace('?P<label>', '')})[^\n]*)*", re.M)


@dataclass
class Piece:
    start: int  # clean offsets
    end: int
    attribution: Attribution | None = None
    attr_start: int = -1  # clean offset of the attribution content
    table_row: object | None = None


def bracket_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Outermost balanced bracket groups (open index, close index) in text[start:end]."""
    out, stack = [], []
    for m in _BRACKET_OR_NEWLINE.finditer(text, start, end):
        i, c = m.start(), m.group()
        if c in _PAIRS:
            stack.append((c, i))
        elif stack and c in _CLOSERS:  # a mismatched pair such as 【…） still closes
            o, oi = stack.pop()
            if not stack:
                out.append((oi, i))
        elif c == "\n" and stack and len(stack) > 0 and i - stack[0][1] > 400:
            stack = []
    return out


def _skip_trailing(text: str, i: int, end: int) -> int:
    while i < end and text[i] in "。；;，. \n":
        i += 1
    return i


def deadline_only(content: str) -> bool:
    """Whether a bracket's content only gives a time limit: "2025年6月底前完成", "长期坚持"."""
    clauses = [x for x in re.split("[，；、]", content) if x.strip()]
    return bool(clauses) and all(P.DEADLINE.search(x) for x in clauses)


def _after_attribution(text: str, i: int, end: int) -> int:
    """Where the piece an attribution closes ends: past punctuation and past any bracket after it that only
    gives a time limit ("（市应急局负责）（2025年6月底前完成）。")."""
    i = _skip_trailing(text, i, end)
    while i < end and text[i] in P.OPEN:
        groups = bracket_groups(text, i, min(end, i + 80))
        if not groups or groups[0][0] != i:
            break
        o, c = groups[0]
        if not deadline_only(text[o + 1:c]):
            break
        i = _skip_trailing(text, c + 1, end)
    return i


_WORD = re.compile(r"[^\s。，；：、！？,.;:（）［］【】()\[\]\d①-⑳]")  # text beyond punctuation and numbering


_BARE = cues()["bare_list"]


def _bare_list(text: str, o: int, c: int, end: int) -> Attribution | None:
    """A bracket of unit names only that ends a sentence — "…水平。（市应急局、市工信局）", "…水平（市应急局）。" —
    read as the units responsible; None for anything else (村（社区）, 李典（市应急局）, （含县级）)."""
    inner = text[o + 1:c]
    if any(w in inner for w in _BARE["not_with"]):
        return None
    k = c + 1
    while k < end and text[k] == " ":
        k += 1
    after = text[k] if k < end else "\n"
    before = text[o - 1] if o > 0 else "\n"
    if not (after in "。；;" or (after == "\n" and before in "。；;！\n")):
        return None
    if P.UNIT_SUFFIX.search(text, max(0, o - 8), o):  # a name in apposition: "报送县安委办（县应急管理局）。"
        return None
    a = parse_attribution(inner, table=True)
    if a is None or a.defaults or not a.units or any(len(u.name) < _BARE["min_name"] for u in a.units):
        return None
    return a


_UNIT_LINE = re.compile(r"(?<=\n)[^\n。；：:！？]{5,150}(?=\n|$)")  # a line with no sentence in it
_UNIT_LINE_MIN = 2  # names on a line of unit names only (one alone may be a signature)


def _unit_line(text: str, a: int, b: int) -> Attribution | None:
    """A line of unit names only under a task's text — a table's owner cell a copy put on a line of its own — read
    as the units responsible; None for any other line."""
    if text[a - 2:a - 1] in "：:" or P.LINE_START_MARKER.match(text, a):
        return None
    att = parse_attribution(text[a:b], table=True)
    if att is None or att.defaults or len(att.units) < _UNIT_LINE_MIN \
            or not all(P.UNIT_SUFFIX.search(u.name) and len(u.name) >= _BARE["min_name"] for u in att.units):
        return None
    return att


def _merged(first: tuple[int, Attribution], second: tuple[int, Attribution]) -> Attribution:
    """The units of two brackets (opening at clean offsets first[0] < second[0]), offsets relative to the
    first's content."""
    shift = second[0] - first[0]
    a, b = first[1], second[1]

    def moved(roles: tuple[Role, ...]) -> tuple[Role, ...]:
        return tuple(Role(r.name, r.role, r.start + shift, r.end + shift) if r.start >= 0 else r for r in roles)

    return Attribution(a.units + moved(b.units), a.open_list or b.open_list, a.defaults + moved(b.defaults))


def _with_leading(p: Piece, leading: tuple[int, Attribution] | None) -> Piece:
    if leading is not None:
        p.attribution, p.attr_start = leading[1], leading[0] + 1
    return p


def segment(text: str, start: int, end: int, cuts: list[int] = ()) -> list[Piece]:
    """Pieces of clean text[start:end]; `cuts` are extra start positions (bold titles, table rows)."""
    attrs = []
    for o, c in bracket_groups(text, start, end):
        a = parse_attribution(text[o + 1:c]) or _bare_list(text, o, c, end)
        if a is not None:
            attrs.append((o, c, a))
    # unbracketed labelled lines: "责任单位：市应急局" / "牵头单位：…\n配合单位：…"
    for m in _LABEL_LINES.finditer(text, start, end):
        if any(o <= m.start() <= c for o, c, _ in attrs):
            continue
        c = min(m.end(), end)
        a = parse_attribution(text[m.start():c].replace("\n", "；"))
        if a is not None:
            attrs.append((m.start() - 1, c, a))
    for m in _UNIT_LINE.finditer(text, start, end):  # "…全覆盖。\n市应急管理局、市消防救援支队": a row's owner cell
        a = _unit_line(text, m.start(), min(m.end(), end))
        if a is not None and not any(o <= m.start() <= c for o, c, _ in attrs):
            attrs.append((m.start() - 1, min(m.end(), end), a))
    attrs.sort(key=lambda x: x[0])
    bounds: list[tuple[int, str, object]] = []
    for o, c, a in attrs:
        bounds.append((min(end, _after_attribution(text, c + 1, end)), "attr", (o, a, c)))  # a label line may end the text
    for k in cuts:
        if start < k < end:
            bounds.append((k, "cut", None))
    bounds.sort(key=lambda b: b[0])
    pieces: list[Piece] = []
    cur = start
    leading: tuple[int, Attribution] | None = None  # "【牵头单位：市应急局】开展…": it names the owner of what follows
    for pos, kind, payload in bounds:
        if pos <= cur and kind == "cut":
            continue
        if kind == "attr":
            o, a, c = payload
            titled = _TITLE_BEFORE.fullmatch(text, cur, o) is not None and "\n" not in text[c:pos]
            if o >= cur and (not _WORD.search(text, cur, o) or titled) and _WORD.search(text, pos, end):
                # "【牵头：县林业局】严格落实…", also after the item's short title: "森林防灭火。【牵头：…】严格…"
                leading = (o, a)
                continue
            if o < cur:  # attribution belongs to the previous piece (cut fell inside it)
                if pieces:
                    pieces[-1].end = max(pieces[-1].end, pos)
                    pieces[-1].attribution = a
                    pieces[-1].attr_start = o + 1
                cur = max(cur, pos)
                continue
            if leading is not None:  # a leading attribution, then a trailing one for a later sentence
                cut = max(text.rfind("。", leading[0], o), text.rfind("；", leading[0], o)) + 1
                if cut > cur and _WORD.search(text, cur, cut) and _WORD.search(text, cut, o):
                    pieces.append(_with_leading(Piece(cur, cut), leading))
                    cur = cut
                else:  # one sentence between two brackets: both name its owners
                    a, o = _merged(leading, (o, a)), leading[0]
                leading = None
            pieces.append(Piece(cur, pos, a, o + 1))
            cur = pos
        else:
            pieces.append(_with_leading(Piece(cur, pos), leading))
            leading = None
            cur = pos
    if cur < end:
        pieces.append(_with_leading(Piece(cur, end), leading))
    out: list[Piece] = []
    for p in pieces:
        if p.end <= p.start or _TRIVIAL.fullmatch(text, p.start, p.end):
            if out:
                out[-1].end = p.end
            continue
        # trim whitespace at both ends
        s, e = p.start, p.end
        while s < e and text[s] in " \n":
            s += 1
        while e > s and text[e - 1] in " \n":
            e -= 1
        p.start, p.end = s, e
        out.append(p)
    return out


def skip_space(text: str, i: int, end: int) -> int:
    """The first position from i (up to end) that is not a space or line break."""
    while i < end and text[i] in " \n":
        i += 1
    return i
