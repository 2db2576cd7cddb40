"""`kg export neo4j-csv`: neo4j-admin bulk-import files that read back to the same graph."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.neo4j_csv import column_type, export_neo4j_csv, import_command
from kg.propgraph import LABELS, REL_TYPES, PropertyGraph, make_graph

from propgraph_sample import small_graph

_PARSE = {"long": int, "double": float, "boolean": lambda v: v == "true", "string": str, "string[]": lambda v: tuple(v.split("|"))}


def _read_back(folder: Path) -> PropertyGraph:
    """Parse the files as neo4j-admin would (typed headers, empty cell = no property)."""
    nodes, rels = [], []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            for row in reader:
                fields = dict(zip(header, row))
                props = {}
                for column, value in fields.items():
                    if column.startswith(":") or column == "id:ID" or value == "":
                        continue
                    name, _, kind = column.partition(":")
                    props[name] = _PARSE[kind or "string"](value)
                if path.name.startswith("nodes_"):
                    labels = fields[":LABEL"].split(";")
                    assert labels[0] == "SafetyKg"
                    nodes.append((labels[1], fields["id:ID"], props))
                else:
                    key = props.pop("key", "")
                    rels.append((fields[":TYPE"], fields[":START_ID"], fields[":END_ID"], key, props))
    return make_graph(nodes, rels)


def tricky_graph() -> PropertyGraph:
    base = small_graph()
    nodes = [(n.label, n.id, dict(n.props)) for n in base.nodes]
    rels = [(r.type, r.src, r.dst, r.key, dict(r.props)) for r in base.relationships]
    nodes.append(("Task", "t:tricky", {"quote": '第一行,带逗号\n第二行"带引号"；分号|竖线', "start": 0, "score": 0.5, "doc": "x"}))
    nodes.append(("Task", "t:int-score", {"score": 2, "doc": "x"}))
    nodes.append(("Unit", "u:aliased", {"name": "临汾市应急管理局", "aliases": ("市应急局", "应急局")}))
    return make_graph(nodes, rels)


def test_files_read_back_to_the_same_graph(tmp_path):
    graph = tricky_graph()
    report = export_neo4j_csv(graph, tmp_path / "out")
    assert report.files == tuple(
        sorted([f"nodes_{l}.csv" for l in LABELS] + [f"rels_{t}.csv" for t in REL_TYPES] + ["import.sh", "schema.cypher"])
    )
    assert (report.nodes, report.relationships) == (len(graph.nodes), len(graph.relationships))
    assert _read_back(tmp_path / "out") == graph


def test_same_graph_same_bytes(tmp_path):
    export_neo4j_csv(tricky_graph(), tmp_path / "a")
    export_neo4j_csv(tricky_graph(), tmp_path / "b")
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_headers_are_typed(tmp_path):
    export_neo4j_csv(tricky_graph(), tmp_path)
    tasks = (tmp_path / "nodes_Task.csv").read_text(encoding="utf-8").splitlines()[0]
    assigned = (tmp_path / "rels_ASSIGNED.csv").read_text(encoding="utf-8").splitlines()[0]
    assert tasks == "id:ID,:LABEL,doc,end:long,open_list:boolean,ordinal:long,quote,score:double,start:long"
    assert assigned == ":START_ID,:END_ID,:TYPE,inherited:boolean,key,name,role"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([True, False], "boolean"),
        ([1, 2], "long"),
        ([1, 2.5], "double"),
        ([1, "a"], "string"),
        ([True, 1], "string"),
        ([], "string"),
        ([("a", "b"), ("c",)], "string[]"),
    ],
)
def test_column_type(values, expected):
    assert column_type(values) == expected


def test_list_property_is_a_string_array(tmp_path):
    export_neo4j_csv(tricky_graph(), tmp_path)
    lines = (tmp_path / "nodes_Unit.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id:ID,:LABEL,aliases:string[],kind,name"
    assert "u:aliased,SafetyKg;Unit,市应急局|应急局,,临汾市应急管理局" in lines


def test_import_script_names_every_file(tmp_path):
    export_neo4j_csv(small_graph(), tmp_path, database="duties")
    script = (tmp_path / "import.sh").read_text(encoding="utf-8")
    assert script == (
        "#!/bin/sh\n"
        "# Load these files into an EMPTY Neo4j database (stop the database first), from this folder:\n"
        "# neo4j-admin resolves the file names relative to the working directory. Then start the\n"
        "# database and run schema.cypher once (cypher-shell -f schema.cypher, or paste it into Browser).\n"
        "set -e\n"
        'cd "$(dirname "$0")"\n'
        + import_command(sorted(p.name for p in tmp_path.glob("*.csv")), "duties")
        + "\n"
    )
    assert "neo4j-admin database import full \\\n  --nodes=nodes_Document.csv" in script
    assert "--nodes=nodes_Task.csv" in script and "--relationships=rels_ASSIGNED.csv" in script
    assert script.rstrip().endswith("duties")
    assert (tmp_path / "import.sh").stat().st_mode & 0o111


def test_unwritable_folder_is_an_input_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    from kg.errors import InputError

    with pytest.raises(InputError, match="cannot create the output folder"):
        export_neo4j_csv(small_graph(), tmp_path / "file" / "out")


def test_schema_file_holds_the_neo4j_constraints(tmp_path):
    export_neo4j_csv(small_graph(), tmp_path)
    schema = (tmp_path / "schema.cypher").read_text(encoding="utf-8")
    assert schema.startswith("CREATE CONSTRAINT safetykg_id IF NOT EXISTS FOR (n:SafetyKg) REQUIRE n.id IS UNIQUE;\n")
    assert schema.count(";\n") == schema.count("CREATE ")


def test_cli_exports_the_store(corpus_store_dir, tmp_path):
    from typer.testing import CliRunner

    from cli import app
    from kg.propgraph import graph_from_store

    result = CliRunner().invoke(app, ["export", "neo4j-csv", "-o", str(tmp_path / "csv"), "--store", str(corpus_store_dir)])
    graph = graph_from_store(corpus_store_dir)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote 17 files to {tmp_path / 'csv'}: {len(graph.nodes)} nodes, {len(graph.relationships)} relationships\n"
    assert _read_back(tmp_path / "csv") == graph


def test_cli_without_store_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from cli import app

    result = CliRunner().invoke(app, ["export", "neo4j-csv", "-o", str(tmp_path / "csv"), "--store", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: {tmp_path / 'none'}: no built store here")
