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
from collections.abc import Sequence
from dataclasses import dataclass

from loaders import patterns as P
from loaders.collapsed import paragraphs
from loaders.pdf_text import is_page_number

__all__ = ["CleanText", "clean", "squash", "spaced_unit_list", "widen"]

# half-width -> full-width, one character for one (offsets stay 1:1). Applied to the whole raw text
# before lines are cut into tokens: none of these is a space, "*", "#" or an ASCII word character, so
# widening first changes no token and no kept space (whitespace is dropped or becomes a plain " ").
_WIDEN = {
    "(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "!": "！", "?": "？",
    "[": "［", "]": "］",
    "∶": "：", "﹕": "：", "︰": "：",  # colon lookalikes web copies print (河津市應急管理局∶)
}
_SPACES = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9.%+\-/]")
# a markdown heading mark, list bullet or quote mark before a line's text ("## 一、", "- 1、", "> （一）"); a
# bullet only before a Chinese character, a bracket or a numbered item, so "- 3 -" stays a page number
_MD_HEADING = re.compile(r"[ \t]*(?:#{1,6}|>|[-*+](?=[ \t]+(?:[\u4e00-\u9fff（【〔]|\d{1,3}[、．.）])))[ \t]+")


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
    return _SPACES.sub("", s).replace("*", "")


def widen(s: str) -> str:
    """s with _WIDEN applied (no target is itself a key, so replacing one pair after another is
    str.translate; it is several times faster on Chinese text, where translate looks up every character)."""
    for half, full in _WIDEN.items():
        if half in s:
            s = s.replace(half, full)
    return _STOP.sub("。", s) if "." in s else s


# a half-width full stop between Chinese words ends a sentence ("具有重要作用.各地…"); not after a numeral (三.加强)
_STOP = re.compile(r"(?<=[\u4e00-\u9fff”）])(?<![一二三四五六七八九十〇零])\.(?=[\u4e00-\u9fff“（])")


# a run of three or more stars between two ideographs is a name a web copy masked ("学习***总书记…"), not emphasis
_TOKEN = re.compile(r"(?<=[\u4e00-\u9fff])\*{3,}(?=[\u4e00-\u9fff])|\*\*|[\s\u3000]+|[^\s\u3000*]+|\*")
_SPACE_RUN = re.compile(r"[\s\u3000]+")
_SPACE_OR_STAR = re.compile(r"[\s\u3000*]")  # a line without these is one plain token
# what a paragraph's bracket depth counts: not 〔〕, which hold a 文号's year and never wrap a line (a web copy that
# lost the 〕 of "浦政办发〔2020〕12号" must not glue the rest of the page to it)
_DEPTH_OPEN = "《" + P.OPEN.replace("〔", "")
_DEPTH_CHARS = re.compile(f"[{re.escape(_DEPTH_OPEN + '》' + P.CLOSE.replace('〕', ''))}]")


def _clean_line(line: str, base: int) -> tuple[str, Sequence[int], bool, Sequence[int]]:
    """Clean text and raw offsets of one (widened) raw line starting at offset `base`; the line began
    with a tab (table cell); bold starts (indices into the clean text)."""
    if _SPACE_OR_STAR.search(line) is None:
        return line, range(base, base + len(line)), False, ()
    tab = line.startswith("\t")
    m = _MD_HEADING.match(line)
    pos = m.end() if m else 0
    if "*" in line:
        return _clean_tokens(line, base, pos, tab)
    # no emphasis: the tokens are the runs of spaces and the text between them
    pieces: list[str] = []
    offs: list[int] = []
    last = ""  # the last character kept
    for sp in _SPACE_RUN.finditer(line, pos):
        a, b = sp.span()
        if a > pos:
            pieces.append(line[pos:a])
            offs.extend(range(base + pos, base + a))
            last = line[a - 1]
        if last and b < len(line) and _keeps_space(last, line[b]):
            pieces.append(" ")
            offs.append(base + a)
            last = " "
        pos = b
    if pos < len(line):
        pieces.append(line[pos:])
        offs.extend(range(base + pos, base + len(line)))
    return "".join(pieces), offs, tab, ()


def _clean_noted(line: str, base: int) -> tuple[str, Sequence[int], bool, Sequence[int]]:
    """_clean_line, a mirror site's pinyin notes dropped ("縣安監（jiān）局" reads 縣安監局; loaders.script
    gives them back in what is reported)."""
    if "（" not in line or P.PINYIN_NOTE.search(line) is None:
        return _clean_line(line, base)
    texts: list[str] = []
    offs: list[int] = []
    bold: list[int] = []
    tab = False
    pos = 0
    for m in [*P.PINYIN_NOTE.finditer(line), None]:
        end = m.start() if m else len(line)
        t, o, tb, b = _clean_line(line[pos:end], base + pos)
        tab = tab or (tb and pos == 0)
        bold += [len(offs) + x for x in b]
        texts.append(t)
        offs.extend(o)
        pos = m.end() if m else end
    return "".join(texts), offs, tab, bold


def _keeps_space(prev: str, nxt: str) -> bool:
    """Keep one space only between two ASCII word characters ("Neo4j Browser")."""
    return _ASCII_WORD.match(prev) is not None and _ASCII_WORD.match(nxt) is not None and not prev.isdigit()


def _clean_tokens(line: str, base: int, pos: int, tab: bool) -> tuple[str, list[int], bool, list[int]]:
    """_clean_line for a line with ``**`` emphasis (or a lone ``*``), token by token from `pos`."""
    pieces: list[str] = []
    offs: list[int] = []
    bold: list[int] = []
    inside = False
    last = ""
    for tok in _TOKEN.finditer(line, pos):
        t = tok.group(0)
        if t == "**":
            if not inside:
                bold.append(len(offs))
            inside = not inside
        elif t[0].isspace() or t[0] == "\u3000":
            if last and tok.end() < len(line) and _keeps_space(last, line[tok.end()]):
                pieces.append(" ")
                offs.append(base + tok.start())
                last = " "
        else:
            pieces.append(t)
            offs.extend(range(base + tok.start(), base + tok.end()))
            last = t[-1]
    return "".join(pieces), offs, tab, bold


def clean(raw: str) -> CleanText:
    """Normalise `raw` into one paragraph per line, with an offset map back to `raw`."""
    lines = []  # (text, offs, tab, indented)
    bold_offsets: set[int] = set()
    base = 0
    after_page = False  # the last line kept or skipped was a page number: a running header may follow it
    for raw_line in widen(raw).split("\n"):
        for at, line in paragraphs(raw_line):
            header = after_page and line.strip() and _RUNNING_HEADER.fullmatch(_SPACES.sub("", line))
            if header and lines and (lines[-1][0][-1] not in P.SENTENCE_END_CHARS  # inside a paragraph, or a
                                     or _MASTHEAD.search(header.group(0))):  # masthead, never a signature
                after_page = False  # "— 2 —" then "某某县人民政府" inside a paragraph the page break cut: furniture
                continue
            if "：" in line and " " in line:
                line = _listed_units(line)
            elif line.startswith("\t") and " " in line:  # a table cell
                line = "\t" + spaced_unit_list(line[1:])
            text, offs, tab, bold = _clean_noted(line, base + at) if line else ("", (), False, ())
            if not text or _page_number(text):
                after_page = after_page or bool(text)
                continue
            after_page = False
            if bold:
                bold_offsets.update(offs[b] for b in bold if b < len(offs))
            lines.append((text, offs, tab, _INDENT.match(line) is not None))
        base += len(raw_line) + 1
    merged = _merge_vertical_headers(lines)
    lengths = sorted(len(ln[0]) for ln in merged if not ln[2])
    width = lengths[int(len(lengths) * 0.8)] if lengths else 0
    out_text: list[str] = []
    out_offs: list[int] = []
    depth = 0  # open 《 and brackets in the current paragraph
    prev = None
    for k, (text, offs, tab, indented, header) in enumerate(merged):
        if header and prev is not None and prev[0][-1] not in P.SENTENCE_END_CHARS and k + 1 < len(merged) \
                and not _line_kind(merged[k + 1][0])[0]:
            continue  # a running page header (临 / 汾 / 市 …) inside a paragraph cut by the page break: furniture
        # a signature line: short, names an issuer, and a date line follows
        signature = k + 1 < len(merged) and len(text) <= 25 and P.SIGNATURE_DATE.match(merged[k + 1][0]) is not None
        kind = _line_kind(text)
        if prev is not None:
            if signature or _hard_break(prev, text, kind, tab or indented, width, depth):
                out_text.append("\n")
                out_offs.append(prev[2])
                depth = 0
        out_text.append(text)
        out_offs.extend(offs)
        for c in _DEPTH_CHARS.findall(text):
            if c in _DEPTH_OPEN:
                depth += 1
            elif depth > 0:
                depth -= 1
        prev = (text, tab or header or signature, offs[-1] + 1, kind)
    clean_text = "".join(out_text)
    return CleanText(clean_text, tuple(out_offs), len(raw), _bold_starts(clean_text, out_offs, bold_offsets))


_INDENT = re.compile(f"{P.PAGE_SPACE}{{2}}(?=\\S)")  # a paragraph's first line indented (a web copy, a .docx)


_GAZETTE = r"公报(?:\d{4}年第\d{1,3}期)?"  # "淇县人民政府公报 2024年第2期": never a red head nor a signature
_MASTHEAD = re.compile(_GAZETTE + "$")
# a page's running header: an issuer's name or its red head, printed again at the top of each page
_RUNNING_HEADER = re.compile(rf"[\u4e00-\u9fff（）]{{2,25}}(?:人民政府|人民政府办公室|人民政府办公厅|办公室|办公厅|委员会|文件"
                             rf"|{_GAZETTE})")
_SPACED_NAME = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")  # "省安委办 省委组织部"


def _listed_units(line: str) -> str:
    """In a labelled unit list the names may be separated by spaces only ("责任单位：省安委办 省委组织部"): the
    first space after a name's suffix becomes 、 (one character for one), unless 等… or another label follows."""
    labels = list(P.LABEL.finditer(line))
    if not labels:
        return line
    out = list(line)
    for m in _SPACED_NAME.finditer(line, labels[0].end()):
        nxt = line[m.end():m.end() + 1]
        if nxt != "等" and P.UNIT_SUFFIX.search(line, 0, m.start()) and not P.LABEL.match(line, m.end()):
            out[m.start()] = "、"
    return "".join(out)


def spaced_unit_list(text: str) -> str:
    """Unit names separated by spaces only, as a table cell may print them ("市交通运输局 市公安局"): each run
    of spaces becomes 、 and spaces (length kept) when every name ends in a unit suffix; other text is returned
    as it is."""
    names = text.split()
    if len(names) < 2 or not all(P.UNIT_SUFFIX.search(n) or P.OPEN_LIST_SUFFIX.search(n) for n in names):
        return text
    return _SPACED_NAME.sub(lambda m: "、" + " " * (len(m.group(0)) - 1), text)


def _page_number(text: str) -> bool:
    """A page number line left in extracted text ("— 3 —", "- 3 -", "第3页 共10页", "3/10"); a bare "3" is not
    one here (it may be a table's row number)."""
    return not text.isdigit() and len(text) <= 16 and is_page_number(text)


def _merge_vertical_headers(lines: list[tuple]) -> list[tuple]:
    """Collapse vertical page headers: runs of >= 3 single-character lines ("临\n汾\n市…"); each
    line gains a flag, True for such a header."""
    if sum(1 for ln in lines if len(ln[0]) == 1) < 3:
        return [(*ln, False) for ln in lines]  # no run of three single characters: nothing to collapse
    merged = []
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and len(lines[j][0]) == 1 and "\u4e00" <= lines[j][0] <= "\u9fff":
            j += 1
        if j - k >= 3:
            text = "".join(ln[0] for ln in lines[k:j])
            offs = [o for ln in lines[k:j] for o in ln[1]]
            merged.append((text, offs, False, False, True))
            k = j
        else:
            merged.append((*lines[k], False))
            k += 1
    return merged


def _bold_starts(text: str, offs: list[int], bold_offsets: set[int]) -> tuple[int, ...]:
    """Clean indices whose raw offset began a bold run (`offs` rises strictly, so bisect finds them)."""
    out = []
    for o in bold_offsets:
        k = bisect_left(offs, o)
        if k < len(offs) and offs[k] == o and text[k] != "\n":
            out.append(k)
    return tuple(sorted(out))


def _ends_inside_name(line: str) -> bool:
    """The line ends with a name's own short bracket ("…各县（市、区）", the name goes on with 人民政府),
    not with an attribution ("…（市应急局负责）")."""
    m = P.NAME_QUALIFIER_END.search(line) if line[-1] in P.CLOSE else None
    return m is not None and P.ROLE_PHRASE.search(m.group("inner")) is None


def _line_kind(text: str) -> tuple[bool, bool, bool]:
    """What _hard_break asks of a line, as the line and then as the previous one (so each regex
    runs once a line): starts with a marker, is a closing line, is a 文号, a label line or a page's site row."""
    return (P.LINE_START_MARKER.match(text) is not None, P.CLOSING_LINE.match(text) is not None,
            P.NUMBER_LINE.match(text) is not None or P.LABEL_LINE.match(text) is not None
            or ("www." in text and _SITE_ADDRESS.search(text) is not None))


_SITE_ADDRESS = re.compile(r"www\.[a-z0-9-]+\.[a-z.]+")  # a page's row naming its site ("交口县政府 www.jiaokou.gov.cn …")


_ADDRESSEE_STARTS = ("各", "市", "县", "区", "省")
_NUMBER_AFTER = re.compile(rf"[（(]{P.DOC_NUMBER.pattern}[）)]$")  # a title's 文号 printed after it
_TITLE_GOES_ON = ("的", "》", "〉", "”")  # "关于转发…的通知" + "的通知": a title that quotes a title


def _ends_title(ptext: str, text: str) -> bool:
    """A title line ("X关于…的通知") ends its paragraph: what follows is the title again (a page prints its own,
    then the document's), the issuer, the addressees or the page's information, never more of the title."""
    bare = _NUMBER_AFTER.sub("", ptext)  # "…的通知（皖安〔2024〕1号）"
    return ("关于" in bare and "，" not in bare and "。" not in bare and len(bare) <= 150
            and P.TITLE_END.search(bare) is not None and not text.startswith(_TITLE_GOES_ON))


def _wrapped_item(ptext: str, width: int) -> bool:
    """A numbered line as wide as the page with a comma in it is an item's sentence cut by the page's width
    ("五、你局要牵头建立健全应急预案演练制度，县消防救援大" + "队、…"), not a heading; so is an article's line
    ("第八条  市安委会各成员单位应当按照“管行业必须管安全、" + "管业务…"): an article is a sentence."""
    wide = bool(width) and len(ptext) >= width - _WIDTH_SLACK
    return wide and (("，" in ptext and len(ptext) >= _LONGEST_HEADING) or _ARTICLE.match(ptext) is not None)


_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇]{1,4}条")


_WIDTH_SLACK = 3  # characters a full line may fall short of the page's width (an indented first line)
_LONGEST_HEADING = 26  # a numbered line this long is seldom a heading ("四、加强自然灾害防治，筑牢防灾减灾救灾防线" is one)


def _hard_break(prev: tuple[str, bool, int, tuple[bool, bool, bool]], text: str, kind: tuple[bool, bool, bool],
                opens: bool, width: int, depth: int) -> bool:
    """Whether `text` begins a new paragraph after `prev` (`opens`: a table cell, or an indented first line)."""
    ptext, pspecial, _, pkind = prev
    marker, closing, number_or_label = kind
    pmarker, pclosing, pnumber_or_label = pkind
    if opens or pspecial or ptext.endswith("|") or text.startswith("|"):  # a table row copied with its bars
        return True
    if marker or closing:
        return True
    if number_or_label or pnumber_or_label:
        return True
    if depth > 0 and len(ptext) >= 4:
        return False
    if _ends_title(ptext, text):
        return True
    if P.TITLE_END.search(ptext) and (
            (len(text) <= 60 and P.ADDRESSEE_LINE.match(text))
            or (("关于" in ptext or len(ptext) <= 20) and text.startswith(_ADDRESSEE_STARTS) and "。" not in text)):
        return True  # a title, then the addressees (perhaps wrapped): "…的通知" / "各县（市、区）人民政府："
    if ptext[-1] in P.SENTENCE_END_CHARS and not _ends_inside_name(ptext):
        return True
    if pclosing or (pmarker and len(ptext) < 40 and "。" not in ptext and not _wrapped_item(ptext, width)):
        return True
    if width and len(ptext) < 0.6 * width and len(ptext) < 30 and depth == 0:
        return True
    return False
