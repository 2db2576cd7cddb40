"""Blanket defaults printed as text of their own: where "以下均需X负责，不再一一列出" and its kin stand.

A default can sit on the line below a heading (`default_line`), before the first item (`preamble_defaults`),
as a paragraph after a task (`default_paragraph`) or as a sentence inside one (`sentence_default`); the
backward "以上工作均需X负责，不再一一列出" names X for the tasks above it (`backward_paragraph`). A default in a
task's own bracket is read with the bracket (loaders.attribution).
"""

from __future__ import annotations

import re

from loaders import patterns as P
from loaders.attribution import parse_attribution
from loaders.lexicon import cues
from loaders.tasks import Piece, bracket_groups

__all__ = ["default_line", "preamble_defaults", "default_paragraph", "sentence_default", "backward_paragraph",
           "split_before_backward"]


def default_line(text: str, start: int, end: int, sid: str, heading_attr: dict[str, Piece]) -> int | None:
    """Where the blanket default that text[start:end] opens with ends, when it holds one and no unit of its own
    (a bracket that is all there is, or a plain line — perhaps followed by the section's unnumbered paragraphs);
    the default becomes the attribution of the heading above (in `heading_attr`). None when there is none."""
    if sid in heading_attr:
        return None
    plain = P.DEFAULT_OPENER.search(text, start, min(end, start + 40))
    if plain and not P.TEXT_CHAR.search(text, start, plain.start()):
        # "一、压实责任\n以下各条均需各县（市、区）人民政府负责落实，不再一一列出。": the same, without brackets
        e = _sentence_end(text, plain.end(), end)
        a = parse_attribution(text[plain.start():e].rstrip("。"))
        if a is None or a.units or not a.defaults:
            return None
        if P.TEXT_CHAR.search(text, e, end) and "\n" not in text[e:_next_text(text, e, end)]:
            return None  # text goes on in the same paragraph: the line is no default of its own
        heading_attr[sid] = Piece(plain.start(), e, a, plain.start())
        return e
    groups = bracket_groups(text, start, end)
    if len(groups) != 1:
        return None
    o, c = groups[0]
    if P.TEXT_CHAR.search(text, start, o) or P.TEXT_CHAR.search(text, c + 1, end):
        return None
    a = parse_attribution(text[o + 1:c])
    if a is None or a.units or not a.defaults:
        return None
    heading_attr[sid] = Piece(o, c + 1, a, o + 1)
    return end


def _sentence_end(text: str, i: int, end: int) -> int:
    """Just after the first 。 from `i` (up to end), else end."""
    e = text.find("。", i, end)
    return end if e < 0 else e + 1


def _next_text(text: str, i: int, end: int) -> int:
    """The first position from `i` that holds more than whitespace or punctuation (end when none)."""
    m = P.TEXT_CHAR.search(text, i, end)
    return m.start() if m else end


_DEFAULT_PARAGRAPH = re.compile(
    rf"(?:{P.alt(cues()['defaults']['line_prefixes'])})?(?:{P.alt(cues()['defaults']['scope_words'])})?"
    rf"(?={P.DEFAULT_OPENER.pattern})")


_BACKWARD = re.compile(rf"(?:{P.alt(cues()['defaults']['backward_openers'])})")


def split_before_backward(text: str, draft) -> list:
    """A piece whose last sentence is "以上工作均需X负责，不再一一列出。" is two: the task, and that sentence."""
    sid, titles, p = draft
    if p.attribution is not None:
        return [draft]
    m = _BACKWARD.search(text, p.start + 1, p.end)
    if m is None or text[m.start() - 1] not in "。；\n":
        return [draft]
    return [(sid, titles, Piece(p.start, m.start())), (sid, titles, Piece(m.start(), p.end))]


def backward_paragraph(text: str, p: Piece) -> Piece | None:
    """A piece that is only "以上工作均需X负责，不再一一列出。": a Piece whose attribution holds X (as units); else
    None."""
    if p.attribution is not None:
        return None
    m = _BACKWARD.match(text, p.start, p.end)
    if m is None:
        return None
    e = _sentence_end(text, m.end(), p.end)
    if P.TEXT_CHAR.search(text, e, p.end):
        return None
    c = P.DEFAULT_CLOSER.search(text, m.end(), e)
    a = parse_attribution(text[m.end():c.start() if c else e].rstrip("，。"))
    if a is None or not a.units or a.defaults:
        return None
    return Piece(p.start, e, a, m.end())


def sentence_default(text: str, p: Piece) -> Piece | None:
    """The first sentence of a task's text that is a blanket default ("以下均需X负责，不再一一列出。", "X对…负总责，
    以下不再列出。"), as a Piece holding it; None when there is none."""
    if "不再" not in text[p.start:p.end]:
        return None
    a = p.start
    for m in _SENTENCE_OR_END.finditer(text, p.start, p.end):
        b = m.start()
        if "不再" in text[a:b]:
            attr = parse_attribution(text[a:b])
            if attr is not None and attr.defaults:
                return Piece(a, b, attr, a)
        a = m.end()
    return None


_SENTENCE_OR_END = re.compile("[。；]|$")


def default_paragraph(text: str, p: Piece) -> Piece | None:
    """A piece that is only a blanket default ("注：本通知以下各项任务均需X负责落实，不再一一列出。"), as a Piece
    holding it; None for any other piece."""
    if p.attribution is not None:
        return None
    m = _DEFAULT_PARAGRAPH.match(text, p.start, p.end)
    if m is None:
        return None
    a0 = m.end()
    e = _sentence_end(text, a0, p.end)
    if P.TEXT_CHAR.search(text, e, p.end):
        return None
    a = parse_attribution(text[a0:e].rstrip("。"))
    if a is None or a.units or not a.defaults:
        return None
    return Piece(p.start, e, a, a0)


def preamble_defaults(text: str, spans: list[tuple[int, int]]) -> list[Piece]:
    """Blanket defaults printed before the first item ("以下各项任务均由各县（市、区）政府负责落实，不再列出。"):
    every task of the document inherits them."""
    out = []
    for a, b in spans:
        for m in P.DEFAULT_OPENER.finditer(text, a, b):
            s = max(text.rfind(c, a, m.start()) for c in "。；\n") + 1
            s = max(s, a)
            e = min([k for k in (text.find(c, m.end(), b) for c in "。\n") if k >= 0] or [b])
            attr = parse_attribution(text[s:e])
            if attr is not None and attr.defaults:
                out.append(Piece(s, e, attr, s))
    return out
