"""Turn notice text into documents, sections, tasks and assignments (kg.model).

Public API:
    load_text(text, source_file) -> SourceFile
    load_file(path) -> SourceFile
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["load_text", "load_file"]


def load_text(text: str, source_file: str, path: str = ""):
    """Parse decoded notice text (see loaders.pipeline.load_text)."""
    from loaders.pipeline import load_text as _load

    return _load(text, source_file, path)


def load_file(path) -> "SourceFile":  # noqa: F821
    """Read and parse one file (txt/md/docx/pdf/html); raises kg.errors.InputError on bad input."""
    p = Path(path)
    try:
        from loaders.formats import read_text
    except ImportError:  # until loaders.formats lands
        from kg.errors import InputError

        def read_text(q):
            try:
                return Path(q).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError) as e:
                raise InputError(str(q), str(e)) from None
    return load_text(read_text(p), p.name, str(p))
