"""Numbered headings and their hierarchy.

Styles: 第一部分 / 第一章 / 第一条 / 一、 / （一） / 1. 1、 / （1） / 1） / ① / ⑴ / 一是. A marker is taken as a heading
only when it continues a sequence (the next ordinal of a level already open) or opens a
new level at ordinal 1 — so "（市、区）" or a stray "2、" in running text is not a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import patterns as P
from loaders.documents import line_spans

__all__ = ["Heading", "find_headings", "number_label"]

_STYLE_ORDER = ("part", "chapter", "article", "cn_di", "cn_paren", "ar_paren", "cn_dun", "ar_dot", "ar_half", "circled",
                "paren_sign", "cn_shi")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_SIGNS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"


@dataclass(frozen=True)
class Heading:
    start: int  # clean offset of the marker
    body_start: int  # clean offset just after the marker
    title_end: int  # clean offset after the title (and its 。/：), == body_start if no title
    style: str
    ordinal: int
    number: str  # as printed, brackets ASCII: 一, (一), 1, (1), 一是, 第一部分
    title: str
    depth: int


def number_label(style: str, n: str) -> str:
    """How a number is exported: brackets as ASCII, no trailing 、 or ."""
    if style in ("cn_paren", "ar_paren"):
        return f"({n})"
    if style == "ar_half":
        return f"{n})"
    if style == "article":
        return f"第{n}条"
    if style == "cn_shi":
        return n  # with its word as printed: 一是, 一要
    if style == "part":
        return f"第{n}部分"
    if style == "chapter":
        return f"第{n}章"
    if style == "cn_di":
        return f"第{n}"
    if style == "paren_sign":
        return f"({_PAREN_SIGNS.index(n) + 1})"
    return n


def _ordinal(style: str, n: str) -> int:
    if style == "circled":
        return _CIRCLED.index(n) + 1
    if style == "paren_sign":
        return _PAREN_SIGNS.index(n) + 1
    if style == "cn_shi":
        return P.cn_to_int(n[:-1])
    return P.cn_to_int(n)


_SHI_TITLE_END = re.compile("[，。：；]")
_TITLE_MARKS = re.compile("[（［【）］】。：]")  # the characters _title's bracket count looks at


def _title(text: str, style: str, pos: int, line_end: int) -> tuple[str, int]:
    rest = text[pos:line_end]
    if style == "cn_shi":
        m = _SHI_TITLE_END.search(rest, 0, 17)
        if m:
            return rest[:m.start()], pos + m.start() + 1
        return "", pos
    depth = 0
    for m in _TITLE_MARKS.finditer(rest, 0, 61):
        k, c = m.start(), m.group()
        if c in "（［【":
            depth += 1
        elif c in "）］】" and depth:
            depth -= 1
        elif c in "。：" and not depth and k <= 40:
            return rest[:k], pos + k + 1
    if "。" not in rest and len(rest) <= 50:
        return rest, line_end
    return "", pos


def find_headings(text: str, start: int, end: int) -> list[Heading]:
    """Headings in clean text[start:end], in order, with depths from the sequence rules."""
    candidates = []
    for ln_start, ln_end in line_spans(text, start, end):
        # LINE_START_MARKER matches where any of MARKERS does: most lines are skipped with one match
        for style in _STYLE_ORDER if P.LINE_START_MARKER.match(text, ln_start, ln_end) else ():
            m = P.MARKERS[style].match(text, ln_start, ln_end)
            if m:
                n = m.group("n") + (text[m.end("n")] if style == "cn_shi" else "")
                candidates.append((ln_start, m.end(), style, n, ln_end))
                break
        for m in P.INLINE_MARKER.finditer(text, ln_start, ln_end):
            if m.group("shi"):
                candidates.append((m.start(), m.end(), "cn_shi", m.group("shi") + text[m.end("shi")], ln_end))
            elif m.group("ad"):
                candidates.append((m.start(), m.end(), "ar_dot", m.group("ad"), ln_end))
            elif m.group("cp"):
                candidates.append((m.start(), m.end(), "cn_paren", m.group("cp"), ln_end))
            else:
                candidates.append((m.start(), m.end(), "ar_paren", m.group("ap"), ln_end))
    candidates.sort()
    stack: list[tuple[str, int]] = []
    last: dict[str, int] = {}  # numbering may run on across parents: 一、(一)(二) 二、(三)(四)
    fragment = False  # the first heading opened a list the text began inside of
    out: list[Heading] = []
    for i, (pos, mend, style, n, line_end) in enumerate(candidates):
        ordinal = _ordinal(style, n)
        styles = [s for s, _ in stack]
        if style in styles:
            k = styles.index(style)
            if ordinal != stack[k][1] + 1:
                continue
            stack = stack[:k] + [(style, ordinal)]
        elif ordinal == 1 or (ordinal == last.get(style, -9) + 1 and stack):
            stack.append((style, ordinal))
        elif not out and _run_from(candidates, i):  # a text that begins inside a numbered list
            stack.append((style, ordinal))
            fragment = True
        elif fragment and _restarts_under(candidates, i, styles):  # …then "六、要求" over (一)(二)…: a new top
            stack = [(style, ordinal)]
        else:
            continue
        last[style] = ordinal
        title, tend = _title(text, style, mend, line_end)
        for c in candidates[i + 1:]:  # "1.负责宣传部署；2.指导…": the title ends where the next item begins
            if c[0] >= tend:
                break
            if c[2] == style and _ordinal(style, c[3]) == ordinal + 1:
                title, tend = text[mend:c[0]].rstrip("；;，,。 "), c[0]
                break
        out.append(Heading(pos, mend, tend, style, ordinal, number_label(style, n), title, len(stack)))
    return out


_RUN = 3  # items counting on from the first that open a text cut before its 一/1 (page 2 of a copied article)


def _run_from(candidates: list, i: int) -> bool:
    """Whether the candidate at i, each at a line's start, is followed by the next ordinals of its style
    (（五）…（六）…（七）): a text that begins inside a numbered list."""
    pos, _, style, n, _ = candidates[i]
    want = _ordinal(style, n)
    seen = 0
    for p, _, st, m, _ in candidates[i:]:
        if st != style:
            continue
        if _ordinal(st, m) != want:
            return False
        seen += 1
        want += 1
        if seen >= _RUN:
            return True
    return False


def _restarts_under(candidates: list, i: int, styles: list[str]) -> bool:
    """Whether the next candidate after i is a level already open, counting again from 1 ("六、要求" / "（一）…"
    after "（三）（四）"): the candidate at i is a higher level the text began inside of."""
    if i + 1 >= len(candidates):
        return False
    _, _, st, m, _ = candidates[i + 1]
    return st in styles and st != candidates[i][2] and _ordinal(st, m) == 1
