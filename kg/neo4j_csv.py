"""neo4j-admin bulk-import files of the property graph (``kg export neo4j-csv -o DIR``).

One ``nodes_<Label>.csv`` per label and one ``rels_<TYPE>.csv`` per relationship type, headers in
neo4j-admin's format (``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, typed columns
``name:long|double|boolean|string[]``), ``import.sh`` with the ``neo4j-admin database import full``
command that loads them into an empty database, and ``schema.cypher`` (the constraints and indexes
``kg neo4j push`` would create) to run once afterwards. Same graph, same bytes.
"""

from __future__ import annotations

import csv
import io
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.cypher_text import read_script
from kg.errors import InputError
from kg.propgraph import LABELS, PROJECT_LABEL, REL_TYPES, PropertyGraph, Value

__all__ = ["CsvExport", "column_type", "export_neo4j_csv", "export_store_csv", "import_command"]

_ARRAY_DELIMITER = "|"  # list cells (unit aliases); neo4j-admin's default ';' occurs in Chinese text


@dataclass(frozen=True)
class CsvExport:
    """Files written (relative names, sorted) and how many nodes and relationships they hold."""

    folder: str
    files: tuple[str, ...]
    nodes: int
    relationships: int


def column_type(values: Sequence[Value]) -> str:
    """neo4j-admin column type for the values of one property: boolean, long, double, string or string[]."""
    if values and all(isinstance(v, tuple) for v in values):
        return "string[]"
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _cell(value: Value | None) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return _ARRAY_DELIMITER.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _columns(rows: Sequence[dict[str, Value]]) -> list[tuple[str, str]]:
    names = sorted({name for row in rows for name in row})
    return [(name, column_type([row[name] for row in rows if name in row])) for name in names]


def _header(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _node_file(graph: PropertyGraph, label: str) -> str:
    nodes = [node for node in graph.nodes if node.label == label]
    props = [dict(node.props) for node in nodes]
    columns = _columns(props)
    header = ["id:ID", ":LABEL"] + [_header(name, kind) for name, kind in columns]
    rows = [
        [node.id, f"{PROJECT_LABEL};{label}"] + [_cell(values.get(name)) for name, _ in columns]
        for node, values in zip(nodes, props)
    ]
    return _csv_text(header, rows)


def _rel_file(graph: PropertyGraph, rel_type: str) -> str:
    rels = [rel for rel in graph.relationships if rel.type == rel_type]
    props = [({"key": rel.key} if rel.key else {}) | dict(rel.props) for rel in rels]
    columns = _columns(props)
    header = [":START_ID", ":END_ID", ":TYPE"] + [_header(name, kind) for name, kind in columns]
    rows = [
        [rel.src, rel.dst, rel_type] + [_cell(values.get(name)) for name, _ in columns]
        for rel, values in zip(rels, props)
    ]
    return _csv_text(header, rows)


def import_command(files: Sequence[str], database: str = "neo4j") -> str:
    """The ``neo4j-admin database import full`` command line for the exported files."""
    args = [f"--nodes={name}" for name in files if name.startswith("nodes_")]
    args += [f"--relationships={name}" for name in files if name.startswith("rels_")]
    args += [
        "--multiline-fields=true",  # quotes keep the line breaks of the source
        "--ignore-empty-strings=true",  # an empty cell is a missing property
        f"--array-delimiter={_ARRAY_DELIMITER}",
        "--overwrite-destination=false",
        database,
    ]
    return " \\\n  ".join(["neo4j-admin database import full"] + [shlex.quote(arg) for arg in args])


def export_neo4j_csv(graph: PropertyGraph, folder: Path, database: str = "neo4j") -> CsvExport:
    """Write the CSV files and import.sh into `folder` (created if needed)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(folder), f"cannot create the output folder ({exc.strerror})") from exc
    texts = {f"nodes_{label}.csv": _node_file(graph, label) for label in LABELS}
    texts |= {f"rels_{rel_type}.csv": _rel_file(graph, rel_type) for rel_type in REL_TYPES}
    names = sorted(texts)
    texts["import.sh"] = (
        "#!/bin/sh\n"
        "# Load these files into an EMPTY Neo4j database (stop the database first), from this folder:\n"
        "# neo4j-admin resolves the file names relative to the working directory. Then start the\n"
        "# database and run schema.cypher once (cypher-shell -f schema.cypher, or paste it into Browser).\n"
        "set -e\n"
        f'cd "$(dirname "$0")"\n'
        f"{import_command(names, database)}\n"
    )
    texts["schema.cypher"] = ";\n".join(read_script("schema.neo4j")) + ";\n"
    for name, text in sorted(texts.items()):
        path = folder / name
        try:
            path.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(str(path), f"cannot write ({exc.strerror})") from exc
    (folder / "import.sh").chmod(0o755)
    return CsvExport(
        folder=str(folder),
        files=tuple(sorted(texts)),
        nodes=len(graph.nodes),
        relationships=len(graph.relationships),
    )


def export_store_csv(store: Path, folder: Path, database: str = "neo4j") -> CsvExport:
    """The store's property graph (kg.propgraph.graph_from_store) as bulk-import files in `folder`."""
    from kg.propgraph import graph_from_store

    return export_neo4j_csv(graph_from_store(store), folder, database)
