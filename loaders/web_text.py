"""Text copied from a government web page: the page around the document, made harmless.

`web_text(text)` returns a text of the same length, line for line where it can (every offset into the
result is an offset into the input), in which

* the page's furniture is blanked: breadcrumbs (当前位置：首页 > …), tool rows (【字体：大 中 小】 打印 关闭),
  column names above the title (通知公告), footers (主办：… 版权所有 … ICP备…);
* the site's document-information block becomes ``label：value`` lines, whichever way the copy printed it —
  a table row ``发布机构 | 夏县人民政府 | 文号 | 夏政发〔2023〕5号 |``, one cell a line (``文号 |`` then the
  value), spaces between label and value (``组配分类 常务会议 发布机构 苍南县人民政府``), bullets (``• 来源：…``).

Paragraphs a copy collapsed onto one line are found again by loaders.collapsed.

The labels and words are data (``[site]`` in data/cues.toml; the labels are loaders.patterns.SITE_LABEL).
"""

from __future__ import annotations

import re

from loaders import patterns as P
from loaders.lexicon import cues
from loaders.normalize import widen

__all__ = ["web_text"]

_SPACE = P.PAGE_SPACE
_site = cues()["site"]
# …and a label as a copy may print it: the value after a bar, or after spaces only
_FIELD = re.compile(rf"(?P<label>{P.SITE_LABEL_ALT})(?P<sep>{_SPACE}*[：:|｜]|{_SPACE}+(?=\S))")
_BULLET = re.compile(rf"^{_SPACE}*[•·●■◆▪►]{_SPACE}*")
_PIPES_ONLY = re.compile(rf"^[|｜{P.PAGE_SPACE_CHARS}]+$")
_BREADCRUMB = re.compile(rf"^{_SPACE}*(?:{P.alt(_site['breadcrumb_starts'])})|首页{_SPACE}*[>＞»›/]"
                         rf"|^{_SPACE}*[\u4e00-\u9fff]{{2,16}}?(?:{P.alt(_site['site_name_ends'])}){_SPACE}+\S")
_FOOTER = re.compile(P.alt(_site["footer_words"]))
_WIDGET = re.compile(P.alt(_site["widget_words"]))
_TOOL = re.compile(P.alt(_site["tool_marks"]))  # words a page's tools print, a notice's text never
_LINE_FIELD = re.compile(rf"(?:^|\n){_SPACE}*(?:[•·●■◆▪►]{_SPACE}*)?(?:{P.SITE_LABEL_ALT})")  # a label opening a line
_WIDGET_REST = re.compile(rf"[\d{P.PAGE_SPACE_CHARS}:：\-/.|｜【】\[\]（）()<>《》，,、•·●■◆▪►]|次|年|月|日")
_CELL_START = re.compile(rf"{_SPACE}|[|｜]")  # what comes before a label that opens a cell
_COLUMNS = frozenset(_site["column_names"])
_PAGE_TITLE_TAIL = re.compile(rf"(?:{_SPACE}*[-_｜|]{_SPACE}*[^-_｜|\n]{{2,20}}?){{0,2}}{_SPACE}*[-_｜|]{_SPACE}*"
                              rf"[\u4e00-\u9fff]{{2,16}}?(?:{P.alt(_site['site_name_ends'])}){_SPACE}*$")
_FILE_LINKS = tuple(_site["file_links"])
_HEAD_LINES = 60  # the information block and the column name sit above the document


def web_text(text: str) -> str:
    """`text` with the web page's furniture blanked and its information block as label：value lines."""
    if not _looks_copied(text):
        return text
    chars = list(text)
    lines = _line_spans(text)
    head = _head_end(text, lines)
    k = 0
    while k < len(lines):
        a, b = lines[k]
        line = text[a:b]
        if k < head and _site_line(chars, text, lines, k):
            k += 2 if _joined_cell(chars, text, lines, k) else 1
            continue
        if _furniture(line) or (k < head and line.strip(" \t\u3000") in _COLUMNS):
            _blank(chars, a, b)
        elif k < head and (tail := _PAGE_TITLE_TAIL.search(line)):  # "X - 政策解读 - 宁乡市政府门户网站": the
            _blank(chars, a + tail.start(), b)                        # browser's title names the column and site
        k += 1
    return "".join(chars)


def _looks_copied(text: str) -> bool:
    """Cheap test before the line-by-line work: a page's words, a site label or a table bar."""
    return ("|" in text or "｜" in text or _LINE_FIELD.search(text, 0, 3000) is not None
            or _BREADCRUMB.search(text, 0, 3000) is not None or _FOOTER.search(text) is not None
            or _TOOL.search(text) is not None)


def _line_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _head_end(text: str, lines: list[tuple[int, int]]) -> int:
    """Index of the first line that begins a numbered item (the body has begun), at most _HEAD_LINES."""
    for k, (a, b) in enumerate(lines[:_HEAD_LINES]):
        line = widen(text[a:b]).lstrip(" \t\u3000")
        if P.LINE_START_MARKER.match(line) and not P.SITE_LABEL.match(line):
            return k
    return min(len(lines), _HEAD_LINES)


def _blank(chars: list[str], a: int, b: int) -> None:
    for i in range(a, b):
        chars[i] = " "


def _site_line(chars: list[str], text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Rewrite line k as label：value pairs if it starts with a site label; False if it does not."""
    a, b = lines[k]
    line = text[a:b]
    if _PIPES_ONLY.match(line) and line.strip():
        _blank(chars, a, b)
        return True
    bullet = _BULLET.match(line)
    start = bullet.end() if bullet else 0
    if _FIELD.match(line, start) is None:
        field = _FIELD.search(line, start)  # "放大字体 缩小字体 2024-02-08 11:12:15 来源:…": page tools before the fields
        if field is None or not _furniture(line[start:field.start()]):
            return False
        start = field.start()
    if start:
        _blank(chars, a, a + start)
    for m in _FIELD.finditer(line, start):
        before = line[m.start() - 1] if m.start() > start else " "
        if m.start() != start and not _CELL_START.match(before):
            continue  # inside a value ("…文号" is no label there)
        sep = m.group("sep")
        if "：" not in sep and ":" not in sep:
            bar = max(sep.find("|"), sep.find("｜"))
            chars[a + m.start("sep") + max(bar, 0)] = "："
    for i in range(a + start, b):
        if text[i] in "|｜" and chars[i] != "：":
            chars[i] = " "
    return True


def _joined_cell(chars: list[str], text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """A label alone in its cell ("文号 |") takes the next line's cell as its value: the line break goes."""
    a, b = lines[k]
    if k + 1 >= len(lines) or not "".join(chars[a:b]).rstrip().endswith("："):
        return False
    na, nb = lines[k + 1]
    nxt = text[na:nb]
    if not nxt.strip() or P.SITE_LABEL.match(nxt.lstrip()) or not nxt.rstrip().endswith(("|", "｜")):
        return False
    chars[b] = " "  # the line break
    for i in range(na, nb):
        if text[i] in "|｜":
            chars[i] = " "
    return True


def _furniture(line: str) -> bool:
    """A breadcrumb, a footer line, or a row of page tools (字体 大 中 小 打印 关闭) and nothing else."""
    if not line.strip():
        return False
    if _BREADCRUMB.search(line) or (len(line) <= 160 and "。" not in line and _FOOTER.search(line)):
        return True
    if len(line) <= 80 and line.rstrip().lower().endswith(_FILE_LINKS):  # "沪安委会〔2019〕4号.pdf"
        return True
    if len(line) > 80 or not any(len(w) > 1 for w in _WIDGET.findall(line)):
        return False
    return not _WIDGET_REST.sub("", _WIDGET.sub("", line)).strip()
