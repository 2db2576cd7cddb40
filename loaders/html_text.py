"""Text of an HTML page saved from a government site: the article body only.

* Encoding: a byte order mark, else the page's ``<meta charset>`` (GB2312/GBK read as their
  superset GB18030) if the bytes fit it, else UTF-8, else GB18030 (loaders.formats.decode_bytes:
  a rare broken byte becomes U+FFFD).
* Dropped: scripts, styles, forms, hidden elements, ``<nav>``/``<header>``/``<footer>``/``<aside>``,
  and blocks whose class or id names a menu, breadcrumb, share bar, footer … unless they hold most
  of the page's text.
* The body: a block whose class or id is a known article container (TRS_Editor, zoom,
  article-content …) holding most of the text, else the element reached by walking down from
  ``<body>`` while one child holds most of the text that is not link text (into a layout table
  only when one cell holds the text; a data table is kept whole).
* Kept as well, first: the site's document-information block (索引号 / 发文机关 / 发文字号 / 成文日期
  / 标题 …), one "label：value" pair after another, wherever it sits on the page.
* Layout: one line per block (p, div, h1–h6, li …) and per ``<br>``; a table becomes one
  tab-indented line per cell and a blank line after each row, a cell covered by a rowspan from
  the row above prints blank (as corpus/001 flattens a table).
"""

from __future__ import annotations

import codecs
import re

from kg.errors import InputError
from loaders import patterns as P
from loaders.formats import decode_bytes, normalise_newlines

__all__ = ["html_text", "html_encoding"]

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
BOILERPLATE_NAME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|submenu|footer|foot|header|topbar|breadcrumbs?|crumbs?|position|location|"
    r"sidebar|side|share|bdshare|print|toolbar|login|search|friendlinks?|links|copyright|banner|ads?|related|"
    r"pager|pagination|dqwz|wzdh|bottom|skip|gotop|fontsize|tools)(?:[-_\s]|$)",
    re.IGNORECASE,
)
ARTICLE_NAME = re.compile(
    r"TRS_Editor|TRS_UEDITOR|Custom_UnionStyle|(?:^|[-_\s])zoom(?:[-_\s]|$)|article[-_]?(?:content|body|con|text)|"
    r"content[-_]?(?:text|body|main)|con[-_]?text|pages?_content|news[-_]?(?:content|text|body)|"
    r"detail[-_]?(?:content|text|body)|main[-_]?text|text[-_]?content|xxgk[-_]?content|wzcon|bt_content",
    re.IGNORECASE,
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")

_GB_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
               "cp936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030"}
_KEY_LABELS = frozenset({"发文机关", "发布机构", "发文单位", "发文字号", "文号", "成文日期", "发文日期", "索引号"})
_LABEL_WORDS = frozenset(P.SITE_LABEL_WORDS)
_MAX_METADATA = 600  # characters: a document-information block is short
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr"})
_SINGLE_BYTE = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                        "iframe", "select", "button", "input", "textarea", "svg", "canvas", "object", "embed",
                        "map", "link", "meta", "title", "head", "audio", "video"})
_BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
                         "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "address", "figure",
                         "figcaption", "hr", "caption", "body", "html", "tr"})
_MOST = 0.5  # a boilerplate-looking block holding more of the page's text than this is kept
_DESCEND = 0.75  # walk into a child holding more of its parent's text than this


def html_encoding(data: bytes) -> list[str]:
    """Encodings to try, best first: a BOM's, else the <meta charset>'s, then UTF-8 and GB18030."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return [name]
    names = ["utf-8", "gb18030"]
    m = META_CHARSET.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        name = _GB_ALIASES.get(name, name)
        try:
            name = codecs.lookup(name).name
        except LookupError:
            return names
        if name in _SINGLE_BYTE:  # decodes anything: often a wrong declaration on a Chinese page
            return [*names, name]
        if name not in names:
            return [name, *names]
        return [name, *(n for n in names if n != name)]
    return names


def html_text(data: bytes, path: str) -> str:
    """The article body of a saved page as text; InputError when it is not readable HTML."""
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, "binary file (contains NUL bytes), not an HTML page")
    found = decode_bytes(data, html_encoding(data))
    if found is None:
        raise InputError(path, "cannot decode the page: not UTF-8 or GB18030/GBK and no usable <meta charset>")
    markup = found[0]
    try:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(markup, "html.parser")
        root = soup.body or soup
        lines: list[str] = _site_metadata(root)
        if not any(ln.startswith(_TITLE_LABELS) for ln in lines):
            lines += _page_title(soup)
        _strip(root)
        body = _article(root)
        writer = _Writer(lines)
        writer.block(body)
        writer.flush()
    except RecursionError:
        raise InputError(path, "HTML nested too deeply to read") from None
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    if not text.strip():
        raise InputError(path, "no article text found in the HTML page")
    return normalise_newlines(text) + "\n"


_TITLE_LABELS = ("标题", "名称")
_TITLE_SEPARATORS = re.compile(r"\s*[_|｜—-]\s*")


def _page_title(soup) -> list[str]:
    """The page's <title> before the site's name ("…关于做好汛期安全生产工作的通知_政府文件_南宁市…") as a 标题
    line, a last resort for a document's title when the article prints it apart from the body; [] when the
    <title> names no document."""
    raw = soup.title.get_text() if soup.title else ""
    first = _TITLE_SEPARATORS.split(raw.strip(), maxsplit=1)[0] if raw.strip() else ""
    return [f"标题：{first}"] if "关于" in first and len(first) <= 120 else []


def _site_metadata(root) -> list[str]:
    """Lines of the site's document-information block (发文机关：… 发文字号：…), taken out of the tree.

    Government sites print the issuer, 文号 and dates in such a block above the article, often the
    only place a web copy carries them. A block is the smallest element whose text carries at least two different labels, one of them
    naming the issuer, number, date or index; table rows become "label：value  label：value" lines
    and a bare label is joined to the value after it.
    """
    blocks = []
    for tag in root.find_all(["table", "div", "ul", "dl", "section", "p"]):
        if len(_SPACES.sub("", tag.get_text())) > _MAX_METADATA:
            continue
        labels = _labels_in(tag)
        if len(labels) >= 2 and labels & _KEY_LABELS:
            blocks.append(tag)
    innermost = [b for b in blocks if not any(o is not b and any(p is b for p in o.parents) for o in blocks)]
    out: list[str] = []
    for block in innermost:
        if block.parent is None:
            continue
        out.extend(_metadata_lines(block))
        block.extract()
    return out


def _labels_in(tag) -> set[str]:
    """Site labels in a block: "发文机关：" in its text, or a cell / label element holding just the word."""
    found = {_SPACES.sub("", m.group("label")) for m in P.SITE_LABEL.finditer(tag.get_text(" "))}
    for cell in tag.find_all(["td", "th", "dt", "label", "span", "b", "strong"]):
        word = _SPACES.sub("", cell.get_text()).rstrip("：:")
        if word in _LABEL_WORDS:
            found.add(word)
    return found


def _metadata_lines(block) -> list[str]:
    raw: list[str] = []
    rows = block.find_all("tr")
    if rows:
        for tr in rows:
            line = ""
            for td in tr.find_all(["td", "th"], recursive=False):
                cell = _cell_text(td)
                if cell in _LABEL_WORDS:
                    cell += "："
                if not cell:
                    continue
                sep = "" if not line or line.endswith(("：", ":")) else "  "
                line += sep + cell
            raw.append(line)
    else:
        writer = _Writer(raw)
        writer.block(block)
        writer.flush()
    out: list[str] = []
    for line in (ln.replace("\xa0", " ").strip() for ln in raw):
        if not line:
            continue
        if out and out[-1].rstrip("：: ") in _LABEL_WORDS:  # a bare label: its value is on the next line
            out[-1] = out[-1].rstrip("：: ") + "：" + line
        else:
            out.append(line)
    return out


def _names(tag) -> str:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, tag.get("id") or ""])


def _weight(tag) -> int:
    """Characters of text under a tag, link text excluded."""
    total = len(_SPACES.sub("", tag.get_text()))
    links = sum(len(_SPACES.sub("", a.get_text())) for a in tag.find_all("a"))
    return max(total - links, 0)


def _strip(root) -> None:
    """Remove non-content elements in place."""
    from bs4 import Comment, Declaration, Doctype, ProcessingInstruction

    for node in root.find_all(string=lambda s: isinstance(s, (Comment, Declaration, Doctype,
                                                              ProcessingInstruction))):
        node.extract()
    for tag in root.find_all(list(_DROP_TAGS)):
        if tag.parent is not None:
            tag.decompose()
    for tag in root.find_all(True):
        if tag.parent is None or tag.attrs is None:
            continue
        if tag.has_attr("hidden") or HIDDEN_STYLE.search(tag.get("style") or ""):
            tag.decompose()
    total = _weight(root) or 1
    for tag in root.find_all(True):
        if tag.parent is None or tag.attrs is None:
            continue
        names = _names(tag)
        if names.strip() and BOILERPLATE_NAME.search(names) and not ARTICLE_NAME.search(names):
            if _weight(tag) <= _MOST * total:
                tag.decompose()


def _article(root):
    """The element that holds the article body."""
    total = _weight(root) or 1
    known = [t for t in root.find_all(True) if ARTICLE_NAME.search(_names(t)) and _weight(t) > _MOST * total]
    if known:
        return known[0]  # outermost (document order)
    node = root
    while True:
        best = _dominant(node)
        if best is None:
            return node
        if best.name == "table":  # a layout table: enter it only when one cell holds the text
            inner = best
            while inner is not None and inner.name in _TABLE_PARTS:
                inner = _dominant(inner)
            if inner is None or inner.name not in ("td", "th"):
                return node
            best = inner
        node = best


def _dominant(node):
    """The child element holding most of a node's text, if one does."""
    here = _weight(node) or 1
    best = max(node.find_all(True, recursive=False), key=_weight, default=None)
    if best is not None and _weight(best) > _DESCEND * here:
        return best
    return None


class _Writer:
    """Lay out a tag tree as lines: blocks and <br> end lines, tables as tab-cell rows."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.buf: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buf).replace("\xa0", " ").strip()
        self.buf = []
        if text:
            self.lines.append(text)

    def block(self, tag) -> None:
        from bs4 import NavigableString, Tag

        for child in tag.children:
            if isinstance(child, Tag):
                name = child.name
                if name == "br":
                    self.flush()
                elif name == "table":
                    self.flush()
                    self.table(child)
                elif name in _BLOCK_TAGS:
                    self.flush()
                    self.block(child)
                    self.flush()
                else:
                    self.block(child)
            elif isinstance(child, NavigableString):
                s = str(child)
                self.buf.append(s if _inside_pre(child) else _SPACES.sub(" ", s))

    def table(self, table) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
        for tr in _rows(table):
            cells: list[str] = []
            col = 0
            for td in tr.find_all(["td", "th"], recursive=False):
                while pending.get(col, 0) > 0:
                    cells.append("")
                    pending[col] -= 1
                    col += 1
                cells.append(_cell_text(td))
                span = _int(td.get("colspan"))
                rows = _int(td.get("rowspan"))
                if rows > 1:
                    pending[col] = rows - 1
                col += span
            for c in sorted(k for k, v in pending.items() if k >= col and v > 0):
                cells.append("")
                pending[c] -= 1
            if any(cells):
                self.lines.extend("\t" + c for c in cells)
                self.lines.append("")


def _rows(table):
    for child in table.find_all(["thead", "tbody", "tfoot", "tr"], recursive=False):
        if child.name == "tr":
            yield child
        else:
            yield from child.find_all("tr", recursive=False)


def _cell_text(td) -> str:
    """A cell's text on one line; a <br> inside it is a space ("市交通运输局<br>市公安局": two names)."""
    from bs4 import NavigableString

    parts = []
    for node in td.descendants:
        if isinstance(node, NavigableString):
            parts.append(_SPACES.sub(" ", str(node)).replace("\xa0", " ").strip())
        elif getattr(node, "name", None) == "br":
            parts.append(" ")
    return re.sub(" +", " ", "".join(p for p in parts if p)).strip().replace("\t", " ")


def _int(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def _inside_pre(node) -> bool:
    return any(p.name == "pre" for p in node.parents)
