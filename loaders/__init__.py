"""Turn notice text into documents, sections, tasks and assignments (kg.model).

Public API:
    load_text(text, source_file) -> SourceFile
    load_file(path) -> SourceFile   (txt, md, docx, pdf, html; any common encoding)
"""

from __future__ import annotations

from pathlib import Path

from kg.model import SourceFile

__all__ = ["load_text", "load_file"]


def load_text(text: str, source_file: str, path: str = "") -> SourceFile:
    """Parse decoded notice text (see loaders.pipeline.load_text)."""
    from loaders.pipeline import load_text as _load

    return _load(text, source_file, path)


def load_file(path, max_bytes: int | None = None) -> SourceFile:
    """Read and parse one file; raises kg.errors.InputError naming the file on bad input
    (including a file larger than `max_bytes`, default loaders.formats.DEFAULT_MAX_BYTES)."""
    from loaders.formats import DEFAULT_MAX_BYTES, read_text

    p = Path(path)
    return load_text(read_text(p, max_bytes or DEFAULT_MAX_BYTES), p.name, str(p))
