"""Read any supported input file into decoded text, and list the inputs of a build.

`read_text(path)` picks a reader by suffix:

* ``.txt`` / ``.md`` — UTF-8 (with or without BOM), UTF-16 / UTF-32 with a BOM, else GB18030
  (a superset of GBK and GB2312); a rare undecodable byte (a file cut mid-character) becomes
  U+FFFD, many of them make the file unreadable; a .md file's front matter, HTML comments and layout
  tags are blanked out (loaders.markdown_text);
* ``.docx`` — paragraphs in order, tables flattened (loaders.docx_text);
* ``.pdf`` with a text layer — page headers, footers and page numbers dropped, lines re-joined
  into paragraphs, ruled tables flattened (loaders.pdf_text);
* ``.html`` / ``.htm`` saved from a government site — the article body only (loaders.html_text).

Tables come out the way corpus/001 prints a flattened table: each cell on its own line after a
tab, a blank line after each row.

Line ends: CRLF and lone CR become LF *before* any offset is taken, so every offset the loaders
produce refers to the decoded, LF-normalised text that `read_text` returns (a U+FEFF byte order
mark is not part of it either).

Every problem — unknown suffix, missing, empty, binary, too large, undecodable, corrupt or
truncated, a PDF without a text layer — raises kg.errors.InputError(path, problem): one line that
names the file and what is wrong.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "read_text",
    "decode_text",
    "decode_bytes",
    "normalise_newlines",
    "iter_inputs",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # 50 MB

_BOMS: tuple[tuple[bytes, str], ...] = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_ODD_CATEGORIES = frozenset(("Cc", "Co", "Cn", "Cs"))
_MAX_ODD_SHARE = 0.02  # more control / private-use / unassigned characters than this: not text
_MAX_BROKEN = 2  # undecodable characters tolerated (as U+FFFD), or one in a thousand if more


def _read_plain(data: bytes, path: str) -> str:
    return decode_text(data, path)


def _read_markdown(data: bytes, path: str) -> str:
    from loaders.markdown_text import markdown_text

    return markdown_text(decode_text(data, path))


def _read_docx(data: bytes, path: str) -> str:
    from loaders.docx_text import docx_text

    return docx_text(data, path)


def _read_pdf(data: bytes, path: str) -> str:
    from loaders.pdf_text import pdf_text

    return pdf_text(data, path)


def _read_html(data: bytes, path: str) -> str:
    from loaders.html_text import html_text

    return html_text(data, path)


_READERS: dict[str, Callable[[bytes, str], str]] = {
    ".txt": _read_plain,
    ".md": _read_markdown,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
    ".html": _read_html,
    ".htm": _read_html,
}
SUFFIXES: tuple[str, ...] = tuple(sorted(_READERS))
_HINTS = {  # formats notices also come in, and how to get a readable one
    ".doc": "; save it as .docx", ".wps": "; save it as .docx", ".rtf": "; save it as .docx",
    ".ofd": "; export it as PDF", ".mht": "; save the page as .html", ".mhtml": "; save the page as .html",
}


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR to LF (offsets are taken after this)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Unicode blocks notices are written in (ASCII, Latin, punctuation, symbols, CJK, full-width forms)
_COMMON_BLOCKS = ((0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x2100, 0x27BF), (0x3000, 0x303F),
                  (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))


@lru_cache(maxsize=None)
def _common_run() -> re.Pattern:
    """Runs of allowed controls and of characters of _COMMON_BLOCKS that unicodedata says are not odd."""
    ranges = []
    for lo, hi in _COMMON_BLOCKS:
        first = None  # start of the current run of characters that are not odd
        for c in range(lo, hi + 2):
            ok = c <= hi and unicodedata.category(chr(c)) not in _ODD_CATEGORIES
            if ok and first is None:
                first = c
            elif not ok and first is not None:
                ranges.append(f"{re.escape(chr(first))}-{re.escape(chr(c - 1))}")
                first = None
    return re.compile(f"[{re.escape(''.join(sorted(_ALLOWED_CONTROLS)))}{''.join(ranges)}]+")


def _odd_share(text: str) -> float:
    """Share of characters no notice contains: controls, private use, unassigned, surrogates."""
    if not text:
        return 0.0
    # only characters outside the common runs need a lookup, each distinct one once
    rest = Counter(_common_run().sub("", text))
    odd = sum(n for ch, n in rest.items() if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in _ODD_CATEGORIES)
    return odd / len(text)


def decode_bytes(data: bytes, encodings: Iterable[str]) -> tuple[str, str] | None:
    """(text, encoding) for the first encoding that decodes `data` strictly, else the one with the
    fewest broken characters if those are rare (a file cut mid-character, a stray bad byte: each
    becomes U+FFFD), else None."""
    names = list(encodings)
    for name in names:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    best = None
    for name in names:
        text = data.decode(name, errors="replace")
        broken = text.count("\ufffd")
        if best is None or broken < best[0]:
            best = (broken, text, name)
    if best is not None and best[0] <= max(_MAX_BROKEN, len(best[1]) // 1000):
        return best[1], best[2]
    return None


def decode_text(data: bytes, path: str) -> str:
    """Decode the bytes of a plain-text file (see module docstring); LF line ends, no BOM."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            found = decode_bytes(data[len(bom):], [name])
            if found is None:
                raise InputError(path, f"not valid {name.upper()} text after its byte order mark")
            break
    else:
        if b"\x00" in data:
            raise InputError(path, "binary file (contains NUL bytes), not text")
        found = decode_bytes(data, ["utf-8", "gb18030"])
        if found is None:
            raise InputError(path, "cannot decode as UTF-8 or GB18030/GBK: binary file or unknown encoding")
    text, encoding = found
    if "\x00" in text or _odd_share(text) > _MAX_ODD_SHARE:
        raise InputError(path, f"binary file or wrong encoding: decoded as {encoding.upper()} it is not text")
    return normalise_newlines(text)


def _check_text(text: str, path: str) -> str:
    if not text.strip():
        raise InputError(path, "no text: the file holds only whitespace")
    return text


def read_text(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded text of one input file; raises InputError naming the file and the problem."""
    p = Path(path)
    name = str(path)
    reader = _READERS.get(p.suffix.lower())
    if reader is None:
        shown = p.suffix or "(no suffix)"
        hint = _HINTS.get(p.suffix.lower(), "")
        raise InputError(name, f"unsupported file type {shown}: expected one of {', '.join(SUFFIXES)}{hint}")
    try:
        if p.is_dir():
            raise InputError(name, "is a folder, not a file")
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as e:
        raise InputError(name, f"cannot read: {e.strerror or e}") from None
    if size == 0:
        raise InputError(name, "empty file (0 bytes)")
    if size > max_bytes:
        limit = _size(max_bytes)
        raise InputError(name, f"file too large: {_size(size)} is over the {limit} limit for one input file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(name, f"cannot read: {e.strerror or e}") from None
    return _check_text(reader(data, name), name)


def _size(n: int) -> str:
    mib = 1024 * 1024
    if n % mib == 0:
        return f"{n // mib} MB"
    return f"{n / mib:.1f} MB ({n:,} bytes)" if n >= mib else f"{n:,} bytes"


_FOLDER_SKIPS = {"readme": "a folder's README, not a notice"}


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to read and (path, reason) pairs skipped, both sorted; folders are walked recursively.

    A file named explicitly is always returned when it exists (read_text judges its type, so an
    unknown suffix becomes a one-line error); inside a folder, files of an unknown type, hidden
    files and a README are listed as skipped, and hidden folders (.git, …) are not entered.
    """
    files: dict[str, Path] = {}
    skipped: dict[str, tuple[Path, str]] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            _walk(p, files, skipped)
        elif p.is_file():
            files.setdefault(str(p.resolve()), p)
        elif p.exists() or p.is_symlink():
            skipped.setdefault(str(p), (p, "not a regular file or folder (or a broken link)"))
        else:
            skipped.setdefault(str(p), (p, "no such file or folder"))
    return (sorted(files.values(), key=_sort_key),
            sorted(skipped.values(), key=lambda item: _sort_key(item[0])))


def _sort_key(p: Path) -> tuple[str, ...]:
    return p.parts


def _walk(root: Path, files: dict[str, Path], skipped: dict[str, tuple[Path, str]]) -> None:
    def unreadable(e: OSError) -> None:
        where = Path(e.filename) if e.filename else root
        skipped.setdefault(str(where), (where, f"cannot read folder: {e.strerror or e}"))

    for folder, dirs, names in os.walk(root, followlinks=False, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in sorted(names):
            p = Path(folder) / n
            reason = _skip_reason(p)
            if reason:
                skipped.setdefault(str(p), (p, reason))
            elif p.is_file():
                files.setdefault(str(p.resolve()), p)
            else:
                skipped.setdefault(str(p), (p, "not a regular file (or a broken link)"))


def _skip_reason(p: Path) -> str | None:
    if p.name.startswith("."):
        return "hidden file"
    suffix = p.suffix.lower()
    if suffix not in _READERS:
        return f"unsupported file type {suffix or '(no suffix)'}"
    if p.stem.lower() in _FOLDER_SKIPS:
        return _FOLDER_SKIPS[p.stem.lower()]
    return None
