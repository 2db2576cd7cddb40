"""Hostile input: every bad file gives one InputError line that names the file and says what is wrong."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest

from kg.errors import InputError
from loaders.formats import DEFAULT_MAX_BYTES, read_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NOTICE = (CORPUS / "002_2c59d4dd41e2de7b.txt").read_text(encoding="utf-8")


def _pdf_bytes(draw, **kw) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, **kw)
    draw(c)
    c.save()
    return buf.getvalue()


def _scanned_pdf(_maker, _tmp) -> bytes:
    """Two pages holding only pictures (filled shapes), as a scanner makes them: no text layer."""

    def draw(c):
        c.rect(72, 72, 450, 650, fill=1)
        c.showPage()
        c.circle(300, 400, 120, fill=1)

    return _pdf_bytes(draw)


def _encrypted_pdf(_maker, _tmp) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return _pdf_bytes(lambda c: c.drawString(72, 800, "notice"), encrypt=StandardEncryption("secret"))


def _hand_written_pdf(content: bytes) -> bytes:
    """A one-page PDF written object by object: a Type0 font with Identity-H codes and no ToUnicode map
    (a SimSun subset as some office software embeds it), so its glyphs cannot be mapped to text."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _pdf_without_unicode_map(_maker, _tmp) -> bytes:
    return _hand_written_pdf(b"".join(b"BT /F1 12 Tf 72 %d Td <0F3A1B2C4D5E6F70> Tj ET\n" % (800 - 20 * k)
                                      for k in range(10)))


def _good_pdf(maker, tmp) -> bytes:
    return maker.write_pdf(NOTICE, tmp / "good.pdf").read_bytes()


def _good_docx(maker, tmp) -> bytes:
    return maker.write_docx(NOTICE, tmp / "good.docx").read_bytes()


def _zip_without_document(_maker, _tmp) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    return buf.getvalue()


def _docx_with_broken_xml(maker, tmp) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(_good_docx(maker, tmp)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for item in src.infolist():
            data = src.read(item)
            z.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return buf.getvalue()


# (case, suffix, bytes or builder(maker, tmp) -> bytes, words the problem must contain)
CASES = [
    ("empty txt", ".txt", b"", "empty file"),
    ("empty md", ".md", b"", "empty file"),
    ("empty docx", ".docx", b"", "empty file"),
    ("empty pdf", ".pdf", b"", "empty file"),
    ("empty html", ".html", b"", "empty file"),
    ("only whitespace", ".txt", " \r\n\t\u3000\n".encode("utf-8"), "only whitespace"),
    ("binary with NUL bytes", ".txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("undecodable bytes", ".txt", bytes((i * 37 + 11) % 255 + 1 for i in range(3000)), "cannot decode"),
    ("control characters", ".md", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50, "binary file"),
    ("not UTF-16 after a UTF-16 BOM", ".txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00" * 50,
     "not valid UTF-16-LE text after its byte order mark"),
    ("scanned PDF", ".pdf", _scanned_pdf, "no text layer"),
    ("encrypted PDF", ".pdf", _encrypted_pdf, "encrypted PDF"),
    ("PDF fonts without a Unicode map", ".pdf", _pdf_without_unicode_map, "text layer without a Unicode map"),
    ("truncated PDF", ".pdf", lambda m, t: _good_pdf(m, t)[: len(_good_pdf(m, t)) // 2], "truncated PDF"),
    ("PDF with a damaged body", ".pdf", b"%PDF-1.4\n" + bytes(range(256)) * 10 + b"\n%%EOF\n", "not a valid PDF"),
    ("text renamed .pdf", ".pdf", "一、总体要求".encode("utf-8"), "not a PDF"),
    ("truncated docx", ".docx", lambda m, t: _good_docx(m, t)[:5000], "not a valid .docx"),
    ("zip that is not a docx", ".docx", _zip_without_document, "not a valid .docx"),
    ("docx with broken XML", ".docx", _docx_with_broken_xml, "not a valid .docx"),
    ("text renamed .docx", ".docx", NOTICE.encode("utf-8"), "not a valid .docx"),
    ("binary renamed .html", ".html", b"\x00\x01\x02<html>", "binary file"),
    ("page with only menus", ".html",
     ('<html><head><title>首页</title></head><body><nav><a href="/">首页</a></nav><div class="menu">'
      '<a href="/zw">政务公开</a><a href="/bs">办事服务</a></div><footer>版权所有</footer></body></html>').encode("utf-8"),
     "no article text"),
    ("Word 97 .doc", ".doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "unsupported file type .doc: expected one of .docx, .htm, .html, .md, .pdf, .txt; save it as .docx"),
    ("OFD e-document", ".ofd", _zip_without_document, "unsupported file type .ofd: expected one of .docx, .htm, "
                                                        ".html, .md, .pdf, .txt; export it as PDF"),
    ("spreadsheet", ".xlsx", _zip_without_document, "unsupported file type .xlsx"),
    ("no suffix", "", NOTICE.encode("utf-8"), "unsupported file type (no suffix)"),
]


@pytest.mark.parametrize("case,suffix,content,problem", CASES, ids=[c[0] for c in CASES])
def test_bad_file_gives_one_line_naming_file_and_problem(tmp_path, fixture_maker, case, suffix, content, problem):
    data = content(fixture_maker, tmp_path) if callable(content) else content
    path = tmp_path / f"坏 文件 {case}{suffix}"  # spaces and Chinese characters in the name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_text(path)
    err = info.value
    message = str(err)
    assert err.path == str(path)
    assert message.startswith(f"{path}: ")
    assert problem in err.problem
    assert "\n" not in message and "Traceback" not in message
    assert err.exit_code == 2


def test_file_over_the_default_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "巨大 文件.txt"
    with open(path, "wb") as f:  # sparse: costs no disk
        f.truncate(DEFAULT_MAX_BYTES + 1)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert info.value.problem == (
        "file too large: 50.0 MB (52,428,801 bytes) is over the 50 MB limit for one input file")


def test_file_exactly_at_the_limit_is_read(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("一、总体要求\n", encoding="utf-8")
    size = path.stat().st_size
    assert read_text(path, max_bytes=size) == "一、总体要求\n"
    with pytest.raises(InputError, match=r"file too large: 19 bytes is over the 18 bytes limit"):
        read_text(path, max_bytes=size - 1)


@pytest.mark.parametrize("make,problem", [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "is a folder, not a file"),
], ids=["missing", "folder named like a file"])
def test_missing_or_folder(tmp_path, make, problem):
    path = tmp_path / "通知 2024.txt"
    make(path)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value) == f"{path}: {problem}"

