"""Build every input format of a corpus notice from its .txt, for the format tests.

Run as a script to write the copies of one corpus file into a folder, to look at them:
    python tests/data/make_fixtures.py corpus/001_21558e30cd176ac4.txt /tmp/out
The tests call the same functions into a temporary folder; nothing here is committed output.

* .docx — python-docx: one paragraph per line (blank lines too); each run of tab-indented lines is
  a table, one row per group of cells between blank lines (rows keep their own number of cells).
* .pdf — reportlab with the Adobe CID font STSong-Light (Chinese PDFs made by office software
  often use it without embedding; its text layer maps to Unicode through the standard
  UniGB-UCS2-H CMap): A4, 公文-like layout — every paragraph indented two characters and wrapped
  at the text column, a running header on every page but the first, "- N -" page numbers at the
  foot, ruled tables (header row repeated on each page).
* .html — a government-site page: <head>, a nav menu, breadcrumb, title block with date and
  share links, the article in div.TRS_Editor (one <p> per line, tables as <table> with the
  blank-inheriting cells merged by rowspan), related links, a footer.
* encodings — GB18030/GBK, UTF-16 LE and BE with BOM, UTF-8 with BOM, CRLF.
"""

from __future__ import annotations

import html
from datetime import datetime
import sys
from pathlib import Path

__all__ = ["blocks", "write_docx", "write_pdf", "write_html", "write_encoded", "write_all"]

FONT = "STSong-Light"


def blocks(text: str) -> list[tuple[str, object]]:
    """("line", str) for each non-table line, ("table", rows) for each run of tab-indented rows."""
    out: list[tuple[str, object]] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            rows: list[list[str]] = []
            cur: list[str] = []
            while i < len(lines) and (lines[i].startswith("\t") or lines[i] == ""):
                if lines[i].startswith("\t"):
                    cur.append(lines[i][1:])
                elif cur:
                    rows.append(cur)
                    cur = []
                i += 1
            if cur:
                rows.append(cur)
            out.append(("table", rows))
            continue
        out.append(("line", lines[i]))
        i += 1
    return out


def _runs(rows: list[list[str]]) -> list[list[list[str]]]:
    """Consecutive rows with the same number of cells (one drawn table each)."""
    runs: list[list[list[str]]] = []
    for r in rows:
        if runs and len(runs[-1][0]) == len(r):
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def write_docx(text: str, out: Path) -> Path:
    import docx

    d = docx.Document()
    for kind, value in blocks(text):
        if kind == "line":
            d.add_paragraph(value)
            continue
        rows = value
        width = max(len(r) for r in rows)
        table = d.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, cells in zip(table.rows, rows):
            for c, cell_text in zip(r.cells, cells):
                c.text = cell_text
            for extra in r._tr.tc_lst[len(cells):]:  # a row with fewer cells than the widest
                r._tr.remove(extra)
    d.core_properties.created = datetime(2024, 1, 29)  # fixed: same bytes every run
    d.save(out)
    return out


def _wrap(s: str, width: float, first_indent: float, size: float, font: str) -> list[tuple[float, str]]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[tuple[float, str]] = []
    cur, indent = "", first_indent
    for ch in s:
        if cur and stringWidth(cur + ch, font, size) > width - indent:
            lines.append((indent, cur))
            cur, indent = "", 0.0
        cur += ch
    lines.append((indent, cur))
    return lines


def _markup(s: str) -> str:
    """Paragraph markup; U+00B7 (·, as in “11·16”) is not in the CID font's CMap: set it in Times."""
    return "".join('<font name="Times-Roman">&#183;</font>' if ch == "\u00b7" else html.escape(ch) for ch in s)


def write_pdf(text: str, out: Path, header: str = "临汾市人民政府文件", size: float = 14.0) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    page_w, page_h = A4
    margin = 72.0
    width = page_w - 2 * margin
    style = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.6, firstLineIndent=2 * size,
                           wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName=FONT, fontSize=size * 0.6, leading=size * 0.75,
                                wordWrap="CJK")
    story = []
    for kind, value in blocks(text):
        if kind == "line":
            if value.strip():
                story.append(Paragraph(_markup(value.strip()), style))
            else:
                story.append(Spacer(1, size * 0.4))
            continue
        for rows in _runs(value):
            n = len(rows[0])
            data = [[Paragraph(_markup(c), cell_style) for c in r] for r in rows]
            shares = [1.0] * (n - 2) + [3.2, 1.4]  # the task column wide, the unit column wider than the rest
            t = Table(data, colWidths=[width * x / sum(shares) for x in shares], repeatRows=0)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(t)
            story.append(Spacer(1, size))

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, size * 0.75)
        if doc.page > 1:
            canvas.drawCentredString(page_w / 2, page_h - margin / 2, header)
        canvas.setFont(FONT, size)
        canvas.drawCentredString(page_w / 2, margin / 2, f"- {doc.page} -")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, invariant=1, title="", author="", creator="", producer="")
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out


_NAV = """<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwdt/">政务动态</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府文件</div>"""
_FOOT = """<div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">关于开展安全生产大检查的通知</a></li>
<li><a href="/b.html">安全生产月活动方案</a></li></ul></div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a> <a href="javascript:window.print()">打印本页</a></div>
<div class="footer"><p>主办单位：人民政府办公室　承办：大数据中心</p><p>网站标识码：1410000001　备案号：晋ICP备00000000号</p>
<p>联系电话：0357-0000000</p></div><script>var _hmt = _hmt || []; document.write("统计代码");</script>"""


def write_html(text: str, out: Path, encoding: str = "utf-8", title: str = "政府文件") -> Path:
    body: list[str] = []
    for kind, value in blocks(text):
        if kind == "line":
            if value.strip():
                body.append(f"<p style=\"text-indent:2em\">{html.escape(value)}</p>")
            continue
        body.append('<table border="1" cellspacing="0">')
        rows = value
        covered: set[tuple[int, int]] = set()  # blank cells inheriting from above: merged by rowspan
        for k, r in enumerate(rows):
            tds = []
            for c, cell in enumerate(r):
                if (k, c) in covered:
                    continue
                span = 1
                while (cell and k + span < len(rows) and len(rows[k + span]) == len(r)
                       and rows[k + span][c] == ""):
                    covered.add((k + span, c))
                    span += 1
                attr = f' rowspan="{span}"' if span > 1 else ""
                tds.append(f"<td{attr}>{html.escape(cell)}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        body.append("</table>")
    charset = {"gb18030": "gb2312"}.get(encoding, encoding)
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}</title><style>p {{ line-height: 2 }}</style>
<script src="/js/jquery.js"></script></head>
<body><div class="wrapper">{_NAV}
<div class="main"><div class="article-title"><h1>{html.escape(title)}</h1>
<div class="info">发布时间：2024-01-29　来源：政府办公室　浏览次数：<span id="views">1024</span>
<span class="fontsize">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div></div>
<div id="zoom" class="article-content"><div class="TRS_Editor">
{chr(10).join(body)}
</div></div>
<div class="hidden-qr" style="display:none">扫一扫在手机打开当前页</div></div>
{_FOOT}</div></body></html>
"""
    out.write_bytes(page.encode(encoding))
    return out


def write_encoded(text: str, out: Path, encoding: str, crlf: bool = False) -> Path:
    """The text in another encoding (a BOM for UTF-16 / utf-8-sig), optionally with CRLF line ends."""
    if crlf:
        text = text.replace("\n", "\r\n")
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    out.write_bytes((bom + text).encode(encoding))
    return out


def write_all(txt: Path, folder: Path) -> dict[str, Path]:
    """Every format of one corpus file in `folder`; returns {label: path}."""
    text = txt.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    stem = txt.stem
    return {
        "docx": write_docx(text, folder / f"{stem}.docx"),
        "pdf": write_pdf(text, folder / f"{stem}.pdf"),
        "html": write_html(text, folder / f"{stem}.html"),
        "html-gbk": write_html(text, folder / f"{stem}-gbk.htm", encoding="gb18030"),
        "gbk": write_encoded(text, folder / f"{stem}-gbk.txt", "gb18030"),
        "utf-16-le": write_encoded(text, folder / f"{stem}-utf16le.txt", "utf-16-le"),
        "utf-16-be": write_encoded(text, folder / f"{stem}-utf16be.txt", "utf-16-be"),
        "utf-8-bom-crlf": write_encoded(text, folder / f"{stem}-bom-crlf.md", "utf-8-sig", crlf=True),
    }


if __name__ == "__main__":
    for label, p in write_all(Path(sys.argv[1]), Path(sys.argv[2])).items():
        print(label, p)
