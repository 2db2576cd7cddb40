"""Text of a .docx: body paragraphs in order, tables flattened one cell per tab-indented line.

Word's automatic list numbers ("一、", "（一）" kept in numbering.xml, not in the runs) are printed
before their paragraphs (loaders.docx_numbering). Headers, footers (page numbers) and comments
live in other parts of the package and are not read. A table row becomes one line per cell (``"\\t" + cell text``) and a blank line; a cell
continued from the row above by a vertical merge prints blank (the flattened-table convention
"blank cells inherit"), a horizontally merged cell prints once. Paragraphs inside a cell are
joined without a break, so a cell is always one line.
"""

from __future__ import annotations

import io
import zipfile

from kg.errors import InputError

__all__ = ["docx_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, path: str) -> str:
    """Decoded text of a .docx given as bytes; InputError when it is not a readable .docx."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, "not a valid .docx (not a zip package: corrupt or truncated)")
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
        from loaders.docx_numbering import Numbering

        body = document.element.body
        lines: list[str] = []
        _block(body, document, lines, Numbering.of(document))
    except InputError:
        raise
    except Exception as e:  # python-docx / lxml / zipfile raise many types on a damaged package
        raise InputError(path, f"not a valid .docx (corrupt or truncated): {type(e).__name__}") from None
    return "\n".join(lines).replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"


def _block(element, parent, lines: list[str], numbering) -> None:
    """Append the lines of the paragraphs and tables under a body-like element, in order."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            # a leading tab would read as a table cell; indentation carries no meaning here
            lines.append(numbering.label(child) + _paragraph_text(child, parent).lstrip("\t"))
        elif tag == _W + "tbl":
            _table(child, parent, lines, numbering)
        elif tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent")
            _block(content if content is not None else child, parent, lines, numbering)


def _paragraph_text(p, parent) -> str:
    from docx.text.paragraph import Paragraph

    return Paragraph(p, parent).text


def _table(tbl, parent, lines: list[str], numbering) -> None:
    if lines and lines[-1] != "":
        lines.append("")
    for tr in tbl.iterchildren(_W + "tr"):
        cells = []
        for tc in tr.iterchildren(_W + "tc"):
            cells.append("" if _continues_vertical_merge(tc) else _cell_text(tc, parent, numbering))
        if not cells:
            continue
        lines.extend("\t" + c for c in cells)
        lines.append("")


def _continues_vertical_merge(tc) -> bool:
    props = tc.find(_W + "tcPr")
    if props is None:
        return False
    vmerge = props.find(_W + "vMerge")
    return vmerge is not None and vmerge.get(_W + "val", "continue") != "restart"


def _cell_text(tc, parent, numbering) -> str:
    parts: list[str] = []
    inner: list[str] = []
    _block(tc, parent, inner, numbering)
    for line in inner:
        line = line.replace("\t", " ").strip()
        if line:
            parts.append(line)
    return " ".join(parts).replace("\n", "")  # paragraphs of a cell: "市公安局 市交通运输局" are two names
