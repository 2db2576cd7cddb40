"""Text of a PDF with a text layer: body lines re-joined into paragraphs, page furniture dropped.

* Page numbers ("- 3 -", "—3—", "第3页", "3/10") printed as the first or last line of a page are
  dropped, and so is a running header or footer: a first/last line that (digits aside) recurs at
  the same height at the edge of at least half of the pages, on two pages or more.
* Lines are re-joined: a line that reaches the right edge of the text column (where most long
  lines end; punctuation may hang past it) continues on the next line unless that one is indented
  (公文 indent every paragraph and heading by two characters), so each paragraph comes out as one
  line. A layout without that convention (no indented first lines, or no wrapped lines) is left
  line by line: the loaders' normalisation re-joins PDF line breaks itself.
* A ruled table (found by pdfplumber) is flattened like corpus/001: each cell on its own line after
  a tab, a blank line after each row; a cell that spans several lines is joined into one.

A PDF whose pages carry no text at all (a scan) is refused: it needs OCR first; so is one whose
fonts have no Unicode map (pdfminer prints "(cid:N)" for each glyph); a few such glyphs are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from kg.errors import InputError

__all__ = ["pdf_text", "is_page_number"]

PAGE_NUMBER = re.compile(
    r"^[-－—–~～·•\s]*\d{1,4}[-－—–~～·•\s]*$"  # 3, - 3 -, —3—
    r"|^[-－—–~～]\s*[一二三四五六七八九十百零〇]+\s*[-－—–~～]$"  # - 三 -
    r"|^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$"  # 第3页 / 第3页 共10页
    r"|^(?:共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页$"
    r"|^\d{1,4}\s*[/／]\s*\d{1,4}$"  # 3/10
    r"|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")  # pdfminer's stand-in for a glyph it cannot map to Unicode
_MAX_UNMAPPED = 0.05  # more unmapped glyphs than this share of the characters: the text is unusable
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_ASCII_END = re.compile(r"[A-Za-z0-9]$")
_ASCII_START = re.compile(r"^[A-Za-z0-9]")
_EOF_WINDOW = 2048  # %%EOF must appear within the last bytes of a complete file
_EDGE_LINES = 2  # lines looked at for furniture at each end of a page


def is_page_number(line: str) -> bool:
    """True for a line that is only a page number, e.g. "- 3 -", "第3页", "3/10"."""
    return bool(PAGE_NUMBER.match(line.strip()))


@dataclass
class _Line:
    text: str
    top: float
    x0: float
    x1: float


@dataclass
class _Table:
    top: float
    rows: list[list[str]]


def pdf_text(data: bytes, path: str) -> str:
    """Decoded text of a PDF given as bytes; InputError when it cannot be read or has no text layer."""
    head = data[:1024]
    if b"%PDF-" not in head:
        raise InputError(path, "not a PDF (no %PDF- header): corrupt, or another file type renamed")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise InputError(path, "truncated PDF (no %%EOF end marker): the file is incomplete")
    pages, sizes = _read_pages(data, path)
    if not any(items for items in pages):
        raise InputError(path, "no text layer (a scanned PDF?): run OCR on it first")
    _drop_furniture(pages)
    cw = median(sizes) if sizes else 10.0
    text = _compose(pages, cw)
    glyphs = len(UNMAPPED_GLYPH.findall(text))
    if glyphs:
        visible = len(_SPACE.sub("", UNMAPPED_GLYPH.sub("", text)))
        if glyphs > _MAX_UNMAPPED * (visible + glyphs):
            raise InputError(path, "text layer without a Unicode map (only glyph codes such as (cid:3898)): "
                                   "run OCR on it first")
        text = UNMAPPED_GLYPH.sub("", text)
    return text


def _read_pages(data: bytes, path: str) -> tuple[list[list[_Line | _Table]], list[float]]:
    import logging

    import pdfplumber

    # pdfminer logs every oddity of a damaged file; with no handler Python would print them
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    pages: list[list[_Line | _Table]] = []
    sizes: list[float] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                pages.append(_page_items(page, sizes))
    except InputError:
        raise
    except Exception as e:  # pdfminer raises many types on damaged files
        if _encrypted(e):
            raise InputError(path, "encrypted PDF: cannot read it without the password") from None
        raise InputError(path, f"not a valid PDF (corrupt or truncated): {_cause_name(e)}") from None
    return pages, sizes


def _chain(e: BaseException):
    seen = 0
    while e is not None and seen < 10:
        yield e
        yield from (a for a in getattr(e, "args", ()) if isinstance(a, BaseException))
        e, seen = e.__cause__ or e.__context__, seen + 1


def _encrypted(e: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return any(isinstance(x, (PDFPasswordIncorrect, PDFEncryptionError)) for x in _chain(e))


def _cause_name(e: BaseException) -> str:
    inner = [x for x in _chain(e) if x is not e]
    return type(inner[0] if inner else e).__name__


def _page_items(page, sizes: list[float]) -> list[_Line | _Table]:
    sizes.extend(c["size"] for c in page.chars[:2000] if c.get("text", "").strip())
    tables = page.find_tables() if page.chars else []
    boxes = [t.bbox for t in tables]
    items: list[_Line | _Table] = []
    for t in tables:
        rows = [[_cell(c) for c in row] for row in t.extract()]
        rows = [r for r in rows if any(r)]
        if rows:
            items.append(_Table(top=t.bbox[1], rows=rows))
    for ln in page.extract_text_lines(return_chars=False):
        text = ln["text"].strip()
        if not text:
            continue
        cx, cy = (ln["x0"] + ln["x1"]) / 2, (ln["top"] + ln["bottom"]) / 2
        if any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes):
            continue
        items.append(_Line(text=text, top=ln["top"], x0=ln["x0"], x1=ln["x1"]))
    items.sort(key=lambda it: it.top)
    return items


def _cell(text: str | None) -> str:
    if not text:
        return ""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    out = ""
    for p in parts:
        out = _join(out, p)
    return out.replace("\t", " ")


def _join(a: str, b: str) -> str:
    if a and _ASCII_END.search(a) and _ASCII_START.search(b):
        return a + " " + b
    return a + b


def _furniture_key(ln: _Line) -> tuple[str, int]:
    """Text with digits masked, and height on the page: a running header recurs at the same place."""
    return _DIGITS.sub("#", _SPACE.sub("", ln.text)), round(ln.top / 6)


def _edge_lines(items: list[_Line | _Table]) -> list[_Line]:
    """The first and last few lines of a page (where headers, footers and page numbers sit)."""
    out: list[_Line] = []
    for it in items[:_EDGE_LINES] + items[-_EDGE_LINES:]:
        if isinstance(it, _Line) and all(it is not o for o in out):
            out.append(it)
    return out


def _drop_furniture(pages: list[list[_Line | _Table]]) -> None:
    """Remove page numbers and running headers/footers from the page edges, in place."""
    counts: dict[tuple[str, int], int] = {}
    for items in pages:
        for key in {_furniture_key(ln) for ln in _edge_lines(items)}:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    for items in pages:
        for _ in range(2):  # a header line can hide a page number behind it, and vice versa
            drop = [ln for ln in _edge_lines(items)
                    if is_page_number(ln.text) or (counts.get(_furniture_key(ln), 0) >= need
                                                   and len(ln.text) <= 60)]
            items[:] = [it for it in items if all(it is not d for d in drop)]
            if not drop:
                break


def _right_edge(lines: list[_Line], left: float) -> float:
    """Where full lines end: the most common line end in the right half (punctuation may hang past it)."""
    widest = max((ln.x1 for ln in lines), default=0.0)
    ends = Counter(round(ln.x1) for ln in lines if ln.x1 >= left + (widest - left) / 2)
    if ends:
        x, n = max(ends.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= 3:
            return float(x)
    return widest


def _compose(pages: list[list[_Line | _Table]], cw: float) -> str:
    lines = [it for items in pages for it in items if isinstance(it, _Line)]
    left = min((ln.x0 for ln in lines), default=0.0)
    right = _right_edge(lines, left)
    out: list[str] = []
    prev: _Line | None = None
    # join only where the layout shows its convention: paragraph starts indented, continuations not
    starts = sum(1 for ln in lines if left + 1.2 * cw <= ln.x0 <= left + 2.8 * cw)
    continuations = sum(1 for ln in lines if ln.x0 < left + 0.5 * cw)
    rejoin = starts >= 3 and continuations >= 3
    for items in pages:
        for it in items:
            if isinstance(it, _Table):
                if out and out[-1] != "":
                    out.append("")
                for row in it.rows:
                    out.extend("\t" + c for c in row)
                    out.append("")
                prev = None
                continue
            full = prev is not None and prev.x1 >= right - 1.5 * cw
            indented = it.x0 >= left + 0.8 * cw
            if rejoin and full and not indented and out:
                out[-1] = _join(out[-1], it.text)
            else:
                out.append(it.text)
            prev = it
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
