"""Turn notice text into documents, sections, tasks and assignments (kg.model).

Public API:
    read_text(path) -> str            decode a file (txt/md; other formats in loaders.formats)
    load_text(text, source_file) -> SourceFile
    load_file(path) -> SourceFile
"""
