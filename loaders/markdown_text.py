"""Markdown furniture that is not text: front matter, HTML comments and layout tags.

`markdown_text(text)` blanks them out character for character (line breaks kept), so every offset into the
result is an offset into the file as well: a YAML front matter block (``---`` … ``---`` at the top), HTML
comments (``<!-- … -->``, not rendered, perhaps holding a deleted task) and layout tags such as
``<div align="right">`` or ``<span>`` (``<br>`` stays: a table cell's line break). A backslash escape such as
pandoc writes (``1\\. 全面摸清底数``, ``\\[2024\\]``) loses its backslash: a number's escaped dot moves onto the
number (``1. ``), any other escaped mark keeps its place behind a space.
"""

from __future__ import annotations

import re

__all__ = ["markdown_text"]

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_NUMBER_DOT = re.compile(r"(?<=\d)\\\.")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|<>~])")
_LAYOUT_TAG = re.compile(r"</?(?:div|span|font|p|center|b|strong|i|em|u|a|small|big|sup|sub)\b[^<>\n]*>", re.I)


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def markdown_text(text: str) -> str:
    """`text` with its front matter, comments and layout tags turned into spaces (same length, same lines)."""
    text = _FRONT_MATTER.sub(_blank, text, count=1)
    text = _COMMENT.sub(_blank, text)
    text = _NUMBER_DOT.sub(". ", text)
    text = _ESCAPE.sub(" ", text)
    return _LAYOUT_TAG.sub(_blank, text)
