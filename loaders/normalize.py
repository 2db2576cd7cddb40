"""Clean notice text for parsing while keeping a map back to raw offsets.

PDF-extracted notices break lines mid-word ("全\\n面贯彻"), scatter spaces, mix half- and
full-width punctuation and carry markdown markers. `clean()` returns the text the parser
reads — lines re-joined into paragraphs (one per line), spaces between Chinese characters
dropped, punctuation made full-width, ``**`` and heading ``#`` removed — and for every clean
character the offset of the raw character it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from loaders import patterns as P

__all__ = ["CleanText", "clean", "squash"]

# half-width -> full-width, one character for one (offsets stay 1:1)
_WIDEN = str.maketrans({
    "(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "!": "！", "?": "？",
    "[": "［", "]": "］", "\u3000": " ", "\t": "\t",
})
_ASCII_WORD = re.compile(r"[A-Za-z0-9.%+\-/]")
_MD_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+")


@dataclass(frozen=True)
class CleanText:
    """Clean text plus `offsets[i]`, the raw offset of clean character i."""

    text: str
    offsets: tuple[int, ...]
    raw_length: int
    bold_starts: tuple[int, ...] = ()  # clean offsets where a **bold** run began

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        """Raw [start, end) covering clean characters [i, j)."""
        n = len(self.offsets)
        if i >= n:
            return self.raw_length, self.raw_length
        j = min(j, n)
        if j <= i:
            return self.offsets[i], self.offsets[i]
        return self.offsets[i], self.offsets[j - 1] + 1

    def clean_index(self, raw: int) -> int:
        """The first clean index whose raw offset is >= raw."""
        return bisect_left(self.offsets, raw)


def squash(s: str) -> str:
    """Remove all whitespace and markdown emphasis (for comparing and for names as printed)."""
    return re.sub(r"\s+", "", s).replace("*", "")


def _line_items(raw: str):
    """Yield (start, end) of raw lines without their newline."""
    pos = 0
    n = len(raw)
    while pos <= n:
        nl = raw.find("\n", pos)
        if nl < 0:
            yield pos, n
            return
        yield pos, nl
        pos = nl + 1


_TOKEN = re.compile(r"\*\*|[\s\u3000]+|[^\s\u3000*]+|\*")


def _clean_line(raw: str, start: int, end: int) -> tuple[list[str], list[int], bool, list[int]]:
    """Characters and raw offsets of one line; the line began with a tab (table cell); bold starts."""
    chars: list[str] = []
    offs: list[int] = []
    bold: list[int] = []
    inside = False
    tab = raw.startswith("\t", start)
    pos = start
    m = _MD_HEADING.match(raw, start, end)
    if m:
        pos = m.end()
    for tok in _TOKEN.finditer(raw, pos, end):
        t = tok.group(0)
        if t == "**":
            if not inside:
                bold.append(len(chars))
            inside = not inside
        elif t[0].isspace() or t[0] == "\u3000":
            # keep one space only between two ASCII word characters ("Neo4j Browser")
            nxt = raw[tok.end()] if tok.end() < end else ""
            prev = chars[-1] if chars else ""
            if prev and nxt and _ASCII_WORD.match(prev) and _ASCII_WORD.match(nxt) and not prev.isdigit():
                chars.append(" ")
                offs.append(tok.start())
        else:
            chars.extend(t.translate(_WIDEN))
            offs.extend(range(tok.start(), tok.end()))
    return chars, offs, tab, bold


def clean(raw: str) -> CleanText:
    """Normalise `raw` into one paragraph per line, with an offset map back to `raw`."""
    lines = []  # (chars, offs, tab, blank_lines_before)
    bold_offsets: set[int] = set()
    blank = 0
    for s, e in _line_items(raw):
        chars, offs, tab, bold = _clean_line(raw, s, e)
        if not chars:
            blank += 1
            continue
        bold_offsets.update(offs[b] for b in bold if b < len(offs))
        lines.append((chars, offs, tab, blank))
        blank = 0
    # collapse vertical page headers: runs of >= 3 single-character lines ("临\n汾\n市…")
    merged = []
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and len(lines[j][0]) == 1 and "\u4e00" <= lines[j][0][0] <= "\u9fff":
            j += 1
        if j - k >= 3:
            chars = [c for ln in lines[k:j] for c in ln[0]]
            offs = [o for ln in lines[k:j] for o in ln[1]]
            merged.append((chars, offs, False, lines[k][3], True))
            k = j
        else:
            merged.append((*lines[k], False))
            k += 1
    lengths = sorted(len(ln[0]) for ln in merged if not ln[2])
    width = lengths[int(len(lengths) * 0.8)] if lengths else 0
    out_chars: list[str] = []
    out_offs: list[int] = []
    depth = 0  # open 《 and （ in the current paragraph
    prev = None
    texts = ["".join(ln[0]) for ln in merged]
    for k, (chars, offs, tab, _blank, header) in enumerate(merged):
        text = texts[k]
        # a signature line: short, names an issuer, and a date line follows
        signature = k + 1 < len(texts) and len(text) <= 25 and P.SIGNATURE_DATE.match(texts[k + 1]) is not None
        if prev is not None:
            if signature or _hard_break(prev, text, tab, width, depth):
                out_chars.append("\n")
                out_offs.append(prev[2])
                depth = 0
        out_chars.extend(chars)
        out_offs.extend(offs)
        for c in text:
            if c in "《（":
                depth += 1
            elif c in "》）" and depth > 0:
                depth -= 1
        prev = (text, tab or header or signature, offs[-1] + 1)
    bold_starts = tuple(k for k, o in enumerate(out_offs) if o in bold_offsets and out_chars[k] != "\n") \
        if bold_offsets else ()
    return CleanText("".join(out_chars), tuple(out_offs), len(raw), bold_starts)


def _hard_break(prev: tuple[str, bool, int], text: str, tab: bool, width: int, depth: int) -> bool:
    ptext, pspecial, _ = prev
    if tab or pspecial:
        return True
    if P.LINE_START_MARKER.match(text) or P.CLOSING_LINE.match(text):
        return True
    if P.DOC_NUMBER.fullmatch(text) or P.DOC_NUMBER.fullmatch(ptext) or P.LABEL_LINE.match(text) \
            or P.LABEL_LINE.match(ptext):
        return True
    if depth > 0 and len(ptext) >= 4:
        return False
    if ptext[-1] in P.SENTENCE_END_CHARS:
        return True
    if P.CLOSING_LINE.match(ptext) or (P.LINE_START_MARKER.match(ptext) and len(ptext) < 40 and "。" not in ptext):
        return True
    if width and len(ptext) < 0.6 * width and len(ptext) < 30 and depth == 0:
        return True
    return False
