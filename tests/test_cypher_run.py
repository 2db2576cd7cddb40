"""Canned Cypher files: header parsing, parameter binding, plain rows — against a real FalkorDB."""

from __future__ import annotations

import pytest

from kg.cypher_client import FalkorClient
from kg.cypher_run import Param, bind_params, list_queries, load_query, parse_query, plain_value, run_query
from kg.cypher_writer import write_graph
from kg.errors import QueryError
from kg.falkor_server import connect

from propgraph_sample import small_graph

UNIT_TASKS = """\
// title: Tasks of one unit
// description: every task a unit answers for,
// description: with its role.
// param: unit (string, default 临汾市应急管理局) — unit name
// param: limit (integer, required) — at most this many rows
MATCH (t:Task)-[a:ASSIGNED]->(u:Unit {name: $unit})
RETURN t.id AS task, a.role AS role
ORDER BY task, role
LIMIT $limit
"""


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "unit_tasks.cypher").write_text(UNIT_TASKS, encoding="utf-8")
    return tmp_path


def test_header_is_parsed(folder):
    query = parse_query(folder / "unit_tasks.cypher")
    assert query.name == "unit_tasks"
    assert query.title == "Tasks of one unit"
    assert query.description == "every task a unit answers for, with its role."
    assert query.params == (
        Param("unit", "string", "临汾市应急管理局", "unit name"),
        Param("limit", "integer", None, "at most this many rows", required=True),
    )
    assert query.text.startswith("MATCH (t:Task)") and "//" not in query.text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"limit": "5"}, {"unit": "临汾市应急管理局", "limit": 5}),
        ({"limit": "2", "unit": "襄汾县应急管理局"}, {"unit": "襄汾县应急管理局", "limit": 2}),
    ],
)
def test_params_bind_with_types_and_defaults(folder, given, expected):
    assert bind_params(load_query("unit_tasks", folder), given) == expected


def test_default_all_is_an_unbound_null(tmp_path):
    path = tmp_path / "q.cypher"
    path.write_text("// title: t\n// param: document (string, default all) — one document\nRETURN $document AS d\n", encoding="utf-8")
    query = parse_query(path)
    assert query.params == (Param("document", "string", None, "one document"),)
    assert bind_params(query, {}) == {"document": None}


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({}, "parameter limit is required"),
        ({"limit": "many"}, "parameter limit wants an integer, got 'many'"),
        ({"limit": "1", "year": "2024"}, "unknown parameter 'year'"),
    ],
)
def test_bad_params_are_query_errors(folder, given, message):
    with pytest.raises(QueryError, match=message):
        bind_params(load_query("unit_tasks", folder), given)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MATCH (n) RETURN n\n", "no '// title:' line"),
        ("// title: t\n", "no Cypher statement"),
        ("// title: t\n// param: x (date) — d\nRETURN 1\n", "param x: unknown type 'date'"),
    ],
)
def test_malformed_files_name_the_file(tmp_path, text, message):
    path = tmp_path / "bad.cypher"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QueryError, match=f"bad.cypher: {message}"):
        parse_query(path)


def test_unknown_query_lists_the_known_ones(folder):
    with pytest.raises(QueryError, match=r"unknown Cypher query 'nope' \(known: unit_tasks\)"):
        load_query("nope", folder)
    assert [q.name for q in list_queries(folder)] == ["unit_tasks"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(["乙", "甲"], "乙；甲"), ([2, 1, None], "1；2"), (3.0, 3), (0.25, 0.25), ("x", "x"), (None, None), (True, True)],
)
def test_plain_value(value, expected):
    assert plain_value(value) == expected


def test_run_query_binds_and_returns_plain_rows(falkordb_server, folder):
    client = FalkorClient(connect(falkordb_server, "cypher_run"), falkordb_server.address)
    write_graph(client, small_graph())
    rows = run_query(client, "unit_tasks", {"limit": "5"}, folder)
    assert rows.columns == ("task", "role")
    assert rows.rows == (
        ("doc:临政发〔2024〕1号/t/一/1", "lead"),
        ("doc:临政发〔2024〕1号/t/一/2", "responsible"),
    )
    assert run_query(client, "unit_tasks", {"limit": "1"}, folder).rows == rows.rows[:1]
