"""Word's automatic list numbers ("一、", "（一）", "1.") that a .docx keeps out of the paragraph text.

A notice drafted with Word's numbering has no "一、" in its runs: the number lives in
word/numbering.xml (a format and a pattern such as ``%1、`` per list level) and each paragraph
points at it through its own ``<w:numPr>`` or its style's. `Numbering.label(p)` counts like Word
does — per abstract list, deeper levels restart when a shallower one advances, a ``startOverride``
restarts a list — and returns the printed number, or "" for a paragraph without one (or a bullet).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Numbering", "format_number", "chinese_number"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese_number(n: int) -> str:
    """Chinese counting numerals as Word prints them: 1 一, 10 十, 11 十一, 20 二十, 105 一百零五."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _DIGITS[rest] if rest < 10 else
                                     ("一" if rest < 20 else "") + chinese_number(rest))
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _roman(n: int) -> str:
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One counter in a Word number format (decimal, chineseCounting, upperRoman …)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt in ("ideographTraditional", "ideographZodiac"):
        return _TIANGAN[(n - 1) % 10]
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str  # e.g. "%1、", "（%2）"
    restart: int | None  # w:lvlRestart: restart after this (1-based) level advances; None = after any shallower


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(_W + tag) if el is not None else None
    if child is None:
        return default
    return child.get(_W + "val", default)


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


@dataclass
class Numbering:
    """The numbering definitions of one .docx and the running counters of its lists."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> {ilvl: start}
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId -> {ilvl: count}
    started: set[str] = field(default_factory=set)  # numIds whose overrides were applied

    @classmethod
    def of(cls, document) -> Numbering:
        """Read numbering.xml and the styles of a python-docx Document (either may be missing)."""
        self = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for an in root.iterchildren(_W + "abstractNum"):
                levels = {}
                for lvl in an.iterchildren(_W + "lvl"):
                    restart = _val(lvl, "lvlRestart")
                    levels[_int(lvl.get(_W + "ilvl"), 0)] = _Level(
                        start=_int(_val(lvl, "start"), 1), fmt=_val(lvl, "numFmt", "decimal") or "decimal",
                        text=_val(lvl, "lvlText", "") or "", restart=_int(restart, 0) if restart else None)
                self.abstract[an.get(_W + "abstractNumId", "")] = levels
            for num in root.iterchildren(_W + "num"):
                num_id = num.get(_W + "numId", "")
                self.nums[num_id] = _val(num, "abstractNumId", "") or ""
                for ov in num.iterchildren(_W + "lvlOverride"):
                    start = _val(ov, "startOverride")
                    if start is not None:
                        self.overrides.setdefault(num_id, {})[_int(ov.get(_W + "ilvl"), 0)] = _int(start, 1)
        try:
            styles = document.styles.element
        except AttributeError:
            styles = None
        if styles is not None:
            self._read_styles(styles)
        return self

    def _read_styles(self, styles) -> None:
        own: dict[str, tuple[str | None, int | None]] = {}
        based: dict[str, str] = {}
        for st in styles.iterchildren(_W + "style"):
            sid = st.get(_W + "styleId", "")
            ppr = st.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            if numpr is not None:
                own[sid] = (_val(numpr, "numId"), _int(_val(numpr, "ilvl"), 0))
            parent = _val(st, "basedOn")
            if parent:
                based[sid] = parent
        for sid in set(own) | set(based):
            cur, seen = sid, 0
            while cur and cur not in own and seen < 20:
                cur, seen = based.get(cur, ""), seen + 1
            if cur in own and own[cur][0]:
                self.style_num[sid] = (own[cur][0], own[cur][1] or 0)

    def label(self, p) -> str:
        """The automatic number printed before paragraph element `p` ("" if none), counting it."""
        ppr = p.find(_W + "pPr")
        num_id, ilvl = None, None
        if ppr is not None:
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                num_id, ilvl = _val(numpr, "numId"), _val(numpr, "ilvl")
            style = _val(ppr, "pStyle")
            if style in self.style_num:
                s_num, s_lvl = self.style_num[style]
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else str(s_lvl)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        level = _int(ilvl, 0)
        abstract_id = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if level not in levels:
            return ""
        counts = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in self.overrides.get(num_id, {}).items():
                counts[lv] = start - 1
                for deeper in [k for k in counts if k > lv]:
                    del counts[deeper]
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            restart = levels.get(deeper).restart if deeper in levels else None
            if restart is None or (restart != 0 and level + 1 <= restart):
                del counts[deeper]
        fmt = levels[level].fmt
        if fmt == "bullet" or fmt == "none":
            return ""
        text = levels[level].text
        for k in range(9, -1, -1):
            token = f"%{k + 1}"
            if token in text:
                lv = levels.get(k)
                n = counts.get(k, lv.start if lv else 1)
                text = text.replace(token, format_number(n, lv.fmt if lv else "decimal"))
        return text
