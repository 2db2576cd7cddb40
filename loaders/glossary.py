"""Glossary: defined terms of a 专业术语注释 / 名词解释 section, and which terms a text uses."""

from __future__ import annotations

import re

__all__ = ["find_terms", "terms_used", "term_variants"]

# an entry starts at a line that begins with a number: "1. ", "2、", "（3）", "(4)", "①", "一、", "（五）"
_CN = "[一二三四五六七八九十]{1,3}"
ENTRY_START = re.compile(
    rf"(?m)^[ \t\u3000*]*(?:\d{{1,3}}[.．、]|[（(]\d{{1,3}}[)）]|[①-⑳]|{_CN}、|[（(]{_CN}[)）])[ \t\u3000]*"
)
# the label ends at the first colon of the entry
COLON = re.compile(r"[：:]")
QUOTED = re.compile(r"[“\"「『]([^”\"」』]{1,30})[”\"」』]")
# a quoted label may carry a generic word after it ("“四不放过”原则"); a text often uses the term without it
GENERIC_TAILS = ("原则", "行为", "要求", "机制", "制度", "工作法", "活动")
_WS = re.compile(r"\s+")
_MD = re.compile(r"\*+")


def _flat(s: str) -> str:
    return _MD.sub("", _WS.sub("", s))


def _label(head: str) -> str:
    """The term of an entry's head: the quoted words if any, else the whole head."""
    flat = _flat(head)
    q = QUOTED.search(flat)
    return q.group(1) if q else flat.strip("“”\"")


def find_terms(text: str) -> list[tuple[str, str, int, int]]:
    """(label, definition, start, end) of every numbered "label：definition" entry in `text`.

    An entry runs to the next numbered line (its definition may span several paragraphs);
    whitespace and markdown emphasis are removed from label and definition. Entries without a
    colon are skipped. Offsets are those of the whole entry in `text`.
    """
    starts = [m for m in ENTRY_START.finditer(text)]
    out = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        body = text[m.end():end]
        colon = COLON.search(body)
        if colon is None:
            continue
        label = _label(body[:colon.start()])
        definition = _flat(body[colon.end():])
        if not label or not definition:
            continue
        stop = end
        while stop > m.start() and text[stop - 1].isspace():
            stop -= 1
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        out.append((label, definition, start, stop))
    return out


def term_variants(label: str) -> tuple[str, ...]:
    """Forms of a term to look for in a text: the label and the label without a generic tail."""
    flat = _flat(label)
    out = [flat]
    for tail in GENERIC_TAILS:
        if flat.endswith(tail) and len(flat) - len(tail) >= 2:
            out.append(flat[: -len(tail)])
    return tuple(out)


def terms_used(text: str, labels: list[str]) -> list[str]:
    """The labels whose term occurs in `text`, in order of first occurrence, each once."""
    flat = _flat(text)
    found = []
    for label in dict.fromkeys(labels):
        positions = [flat.find(v) for v in term_variants(label)]
        positions = [p for p in positions if p >= 0]
        if positions:
            found.append((min(positions), label))
    return [label for _, label in sorted(found, key=lambda x: (x[0], x[1]))]
