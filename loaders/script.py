"""Traditional-script copies of notices, read with the simplified word lists.

Notices are issued in simplified characters, but copies circulate in traditional ones (mirror sites,
reprints: 各有關部門要…). The cue words are simplified, so `simplified(text)` maps each traditional
character to its simplified form — one character for one, so every offset stays — and `restore`
gives what was read back in the characters the file printed (names and texts as printed). The pinyin
notes some mirror sites print after characters (調(diào)查) are dropped from the reading (loaders.normalize) and
given back the same way.
The character table is OpenCC's TSCharacters (Apache-2.0, from the opencc-python-reimplemented package).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache
from importlib.resources import files

from loaders import patterns as P

__all__ = ["simplified", "restore"]

_MIN_SHARE = 0.01  # of a text's Chinese characters printed in traditional forms before it is converted
_MIN_COUNT = 10
_SAMPLE = 6000  # characters read to tell the script
_NOTED_SHARE = 0.5  # of a character's occurrences noted for a title's character to get the note back


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional code point -> its first simplified form, for characters whose forms differ."""
    out = {}
    text = files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0] if simp else ""
        if len(trad) == 1 and len(first) == 1 and first != trad:
            out[ord(trad)] = first
    return out


def simplified(text: str) -> str:
    """`text` in simplified characters, same length; `text` itself when few of its characters are
    traditional (a simplified notice stays as printed, its rare variant characters included)."""
    table = _table()
    sample = text[:_SAMPLE]  # a copy is printed in one script throughout: its opening tells
    changed = sum(1 for c in sample if ord(c) in table)
    if changed < _MIN_COUNT:
        return text
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    return text.translate(table) if changed >= _MIN_SHARE * cjk else text


def restore(value, original: str, read: str):
    """`value` (a model object, tuple or string built from `read`, the simplified copy of `original`)
    with every character the conversion changed given back in the form `original` printed it."""
    notes = _notes(original)
    if read is original and not notes:
        return value
    seen: dict[str, Counter] = {}
    for o, r in zip(original, read):
        if o != r:
            seen.setdefault(r, Counter())[o] += 1
    chars = {ord(r): c.most_common(1)[0][0] for r, c in seen.items()}
    back = dict(chars)
    for ch, note in notes.items():  # a document's title read without its notes: most noted characters get
        back[ord(read[original.index(ch)])] = ch + note  # their note back (task texts and names have theirs)
    return _walk(value, back, chars)


def _notes(original: str) -> dict[str, str]:
    """The pinyin note a mirror site prints after a character ("監(jiān)"), for each character noted
    wherever it is printed (a character noted only here and there keeps no note)."""
    found: dict[str, Counter] = {}
    for m in P.PINYIN_NOTE.finditer(original):
        found.setdefault(original[m.start() - 1], Counter())[m.group(0)] += 1
    return {ch: c.most_common(1)[0][0] for ch, c in found.items()
            if c.total() >= _NOTED_SHARE * original.count(ch)}


def _walk(value, back: dict[int, str], chars: dict[int, str], noted: bool = False):
    """`value` with `chars` applied to its strings (`back`, notes too, to those of the fields _noted_fields names)."""
    if isinstance(value, str):
        return value.translate(back if noted else chars)
    if isinstance(value, tuple):
        return tuple(_walk(v, back, chars, noted) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = _noted_fields(type(value).__name__)
        return dataclasses.replace(value, **{f.name: _walk(getattr(value, f.name), back, chars, f.name in fields)
                                             for f in dataclasses.fields(value) if f.init})
    return value


def _noted_fields(kind: str) -> frozenset[str]:
    """The fields read without a mirror site's notes that get them back by character (the others hold them
    as printed already — a task's text, a unit's name, a quote — or are names and ids, better without)."""
    return _NOTED.get(kind, frozenset())


_NOTED = {"Document": frozenset({"number", "issuer", "title", "cited_regulations"}), "Section": frozenset({"title"}),
          "Citation": frozenset({"title"})}
