"""Canned SPARQL queries: headers, parameters, formatting, answers checked against the model computed
independently, and reviewed snapshots of every answer on the corpus.

Snapshots live in tests/snapshots/queries/*.csv. After reviewing a changed answer, regenerate with
    KG_UPDATE_SNAPSHOTS=1 pytest tests/test_queries.py
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.queries import (
    Param,
    answer,
    bind_params,
    bound_text,
    format_rows,
    list_queries,
    load_query,
    parse_query,
    run_query,
    run_sparql,
    text_width,
)
from kg.store import Rows
from loaders import load_file

SNAPSHOTS = Path(__file__).parent / "snapshots" / "queries"
UPDATE = os.environ.get("KG_UPDATE_SNAPSHOTS") == "1"

# (snapshot name, query, params): every canned query at least once
CASES = [
    ("co_responsibility_pairs", "co_responsibility_pairs", {}),
    ("document_overview", "document_overview", {}),
    ("inherited_duties", "inherited_duties", {}),
    ("multiple_leads", "multiple_leads", {}),
    ("open_lists", "open_lists", {}),
    ("overlaps_no_lead", "overlaps_no_lead", {}),
    ("regulations", "regulations", {}),
    ("sector_unit_matrix", "sector_unit_matrix", {}),
    ("sector_unit_matrix.coal_mine", "sector_unit_matrix", {"sector": "coal_mine"}),
    ("unit_portfolio.应急局", "unit_portfolio", {"unit": "应急局"}),
    ("unit_workload", "unit_workload", {}),
    ("unit_workload.襄政发〔2025〕1号", "unit_workload", {"document": "襄政发〔2025〕1号"}),
    ("unowned_by_sector", "unowned_by_sector", {}),
    ("unowned_duties", "unowned_duties", {}),
    ("unowned_duties.临政发〔2020〕1号", "unowned_duties", {"document": "临政发〔2020〕1号"}),
]


def test_every_canned_query_has_a_snapshot_case():
    assert {q.name for q in list_queries()} <= {c[1] for c in CASES}


@pytest.mark.parametrize(("snapshot", "name", "params"), CASES, ids=[c[0] for c in CASES])
def test_snapshot(corpus_store, snapshot, name, params):
    got = format_rows(run_query(corpus_store, name, params), "csv")
    path = SNAPSHOTS / f"{snapshot}.csv"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"new snapshot written to {path}: review it and commit")
    want = path.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "reviewed", "now"))
        pytest.fail(f"answer of {name} {params} changed (KG_UPDATE_SNAPSHOTS=1 after review):\n{diff}")


# ------------------------------------------------------------------ headers


def test_every_canned_query_has_a_title_description_and_projected_params():
    queries = list_queries()
    assert len(queries) >= 11
    for q in queries:
        assert q.title and q.description, q.name
        select = q.text[q.text.index("SELECT"):q.text.index("WHERE")]
        for p in q.params:
            assert f"?{p.name}" in select, f"{q.name}: parameter {p.name} is not projected"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# param: document (string, default all) — only this document",
         Param("document", "string", None, "only this document")),
        ("# param: unit (string, required) — a unit name", Param("unit", "string", None, "a unit name", True)),
        ("# param: top (integer, default 10) -- how many", Param("top", "integer", "10", "how many")),
        ("# param: flag (boolean, default false) — yes or no", Param("flag", "boolean", "false", "yes or no")),
        ("# param: x", Param("x")),
    ],
)
def test_param_header(line, expected):
    q = parse_query("q", Path("q.rq"), f"# title: T\n# description: D\n{line}\nSELECT ?x WHERE {{}}")
    assert q.params == (expected,)


def test_description_continues_over_bare_comment_lines():
    q = parse_query("q", Path("q.rq"), "# title: T\n# description: one\n#   two\n# param: a\nSELECT ?a WHERE {}")
    assert (q.title, q.description) == ("T", "one two")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# description: no title\nSELECT ?x WHERE {}", "has no '# title:' line"),
        ("# title: T\n# param: x (float) — bad type\nSELECT ?x WHERE {}", "unknown type 'float'"),
        ("# title: T\n# param: a b (string)\nSELECT ?x WHERE {}", "bad parameter declaration"),
    ],
)
def test_bad_headers_are_query_errors(text, message):
    with pytest.raises(QueryError, match=message):
        parse_query("q", Path("q.rq"), text)


# ------------------------------------------------------------------ running


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("no_such_query", {}, "unknown query 'no_such_query'"),
        ("../pyproject", {}, "unknown query"),
        ("unowned_duties", {"colour": "red"}, "unknown parameter 'colour'"),
        ("unit_portfolio", {}, "parameter unit is required"),
    ],
)
def test_query_errors(corpus_store, name, params, message):
    with pytest.raises(QueryError, match=message):
        run_query(corpus_store, name, params)


def test_document_parameter_filters_to_one_document(corpus_store):
    everything = run_query(corpus_store, "unowned_duties").dicts()
    one = run_query(corpus_store, "unowned_duties", {"document": "临政发〔2020〕1号"}).dicts()
    assert one and len(one) < len(everything)
    assert {r["document"] for r in one} == {"临政发〔2020〕1号"}
    assert one == [r for r in everything if r["document"] == "临政发〔2020〕1号"]


DOCUMENT_QUERIES = sorted(q.name for q in list_queries() if "document" in {p.name for p in q.params})


@pytest.mark.parametrize("name", DOCUMENT_QUERIES)
def test_each_document_answer_is_its_rows_of_the_whole_answer(corpus_store, name):
    everything = run_query(corpus_store, name).dicts()
    documents = [r["document"] for r in run_query(corpus_store, "document_overview").dicts()]
    assert len(documents) == 9
    for doc in documents:
        assert run_query(corpus_store, name, {"document": doc}).dicts() == [r for r in everything if r["document"] == doc]


SECTOR_QUERIES = sorted(q.name for q in list_queries() if "sector" in {p.name for p in q.params})


@pytest.mark.parametrize("name", SECTOR_QUERIES)
def test_each_sector_answer_is_its_rows_of_the_whole_answer(corpus_store, name):
    everything = run_query(corpus_store, name).dicts()
    sectors = sorted({r["sector"] for r in everything})
    assert len(sectors) >= 3
    for sector in sectors + ["no_such_sector"]:
        assert run_query(corpus_store, name, {"sector": sector}).dicts() == [r for r in everything if r["sector"] == sector]


@pytest.mark.parametrize("name", DOCUMENT_QUERIES + SECTOR_QUERIES + ["unit_portfolio", "internal/unit_tasks"])
def test_parameters_that_restrict_the_work_have_a_slot(name):
    # without a slot Oxigraph plans as if the parameter were unbound (one notice costs a whole store)
    query = load_query(name)
    assert query.slots and query.slots <= {p.name for p in query.params}


SLOT_QUERY = """# title: t
# param: document (string, default all) — d
SELECT ?document ?x WHERE {
  VALUES ?document { UNDEF }
  ?x <urn:p> ?document .
}
"""


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, "SELECT ?document ?x WHERE {\n  \n  ?x <urn:p> ?document .\n}\n"),
        ({"document": "临政发〔2020〕1号"}, 'SELECT ?document ?x WHERE {\n  VALUES ?document { "临政发〔2020〕1号" }\n  ?x <urn:p> ?document .\n}\n'),
        ({"document": 'a" } ?s ?p ?o { "'}, 'SELECT ?document ?x WHERE {\n  VALUES ?document { "a\\" } ?s ?p ?o { \\"" }\n  ?x <urn:p> ?document .\n}\n'),
    ],
)
def test_bound_text_fills_or_drops_the_slots(params, expected):
    query = parse_query("t", Path("t.rq"), SLOT_QUERY)
    assert bound_text(query, bind_params(query, params)).split("\n", 2)[2] == expected


def test_a_slot_for_no_parameter_is_an_error():
    with pytest.raises(QueryError, match=r"t.rq: VALUES \?colour \{ UNDEF \} is a slot for no declared parameter"):
        parse_query("t", Path("t.rq"), SLOT_QUERY.replace("?document { UNDEF }", "?colour { UNDEF }"))


def test_parameter_values_are_data_not_query_text(corpus_store):
    hostile = '临政发〔2020〕1号" } UNION { ?t ?p ?o } #'
    assert run_query(corpus_store, "unowned_duties", {"document": hostile}).rows == ()


def test_free_sparql_and_syntax_errors(corpus_store):
    rows = run_sparql(corpus_store, "PREFIX sd: <https://w3id.org/safety-duty/ontology#> SELECT (COUNT(?d) AS ?n) WHERE { ?d a sd:Document }")
    assert rows.rows == ((9,),)
    with pytest.raises(QueryError) as err:
        run_sparql(corpus_store, "SELECT WHERE {", source="bad.rq")
    assert str(err.value).startswith("bad.rq: ") and "\n" not in str(err.value)


def test_answer_needs_exactly_one_of_name_or_sparql(corpus_store_dir):
    with pytest.raises(QueryError, match="give a query NAME or --sparql"):
        answer(corpus_store_dir, None, None)
    assert json.loads(answer(corpus_store_dir, "multiple_leads", fmt="json")) == []


# ----------------------------------------- answers checked against the model, computed independently


@pytest.fixture(scope="module")
def model_tasks(corpus_files):
    return [(d, t) for f in corpus_files for d in load_file(f).documents for t in d.tasks]


def _concrete(task) -> set[str]:
    return {a.canonical for a in task.assignments if not a.inherited and a.kind != "vague"}


def test_overlaps_match_the_definition(corpus_store, model_tasks):
    want = sorted(t.id for _, t in model_tasks if len(_concrete(t)) >= 2 and not any(a.role == "lead" for a in t.assignments))
    got = sorted(r["task_id"] for r in run_query(corpus_store, "overlaps_no_lead").dicts())
    assert got == want and got


def test_unowned_match_the_definition(corpus_store, model_tasks):
    want = sorted(t.id for _, t in model_tasks if not _concrete(t))
    got = sorted(r["task_id"] for r in run_query(corpus_store, "unowned_duties").dicts())
    assert got == want and got


def test_open_lists_match_the_model(corpus_store, model_tasks):
    want = sorted(t.id for _, t in model_tasks if t.open_list)
    assert sorted(r["task_id"] for r in run_query(corpus_store, "open_lists").dicts()) == want


def test_workload_totals_match_the_model(corpus_store, model_tasks):
    want: dict[tuple[str, str], set[str]] = {}
    for d, t in model_tasks:
        for a in t.assignments:
            want.setdefault((d.id, a.canonical), set()).add(t.id)
    got = {(r["document"], r["unit"]): r["tasks"] for r in run_query(corpus_store, "unit_workload").dicts()}
    assert got == {k: len(v) for k, v in want.items()}


def test_document_overview_counts_match_the_model(corpus_store, corpus_files):
    docs = [d for f in corpus_files for d in load_file(f).documents]
    got = {r["document"]: (r["sections"], r["tasks"]) for r in run_query(corpus_store, "document_overview").dicts()}
    assert got == {d.id: (len(d.sections), len(d.tasks)) for d in docs}


# ------------------------------------------------------------------ formatting


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("应急局", 6), ("（一）", 6), ("A局1", 4), ("", 0)])
def test_text_width(text, width):
    assert text_width(text) == width


def test_table_columns_line_up_in_display_width():
    rows = Rows(("unit", "tasks"), (("临汾市应急管理局", 12), ("市委", 3), ("ABC", 100)))
    lines = format_rows(rows, "table").splitlines()
    assert lines[-1] == "(3 rows)"
    assert lines[2:5] == ["临汾市应急管理局     12", "市委                  3", "ABC                 100"]
    assert {text_width(line) for line in lines[:5]} == {text_width("临汾市应急管理局") + 2 + len("tasks")}


def test_long_cells_are_cut_with_an_ellipsis():
    out = format_rows(Rows(("text",), (("安" * 100,),)), "table", max_width=20).splitlines()
    assert out[2].endswith("…") and text_width(out[2]) <= 20


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("csv", "unit,tasks,lead\n临汾市应急管理局,12,true\n\"a,b\",,false\n"),
        ("json", '[\n {\n  "unit": "临汾市应急管理局",\n  "tasks": 12,\n  "lead": true\n },\n {\n  "unit": "a,b",\n  "tasks": null,\n  "lead": false\n }\n]\n'),
    ],
)
def test_csv_and_json(fmt, expected):
    rows = Rows(("unit", "tasks", "lead"), (("临汾市应急管理局", 12, True), ("a,b", None, False)))
    assert format_rows(rows, fmt) == expected


def test_unknown_format():
    with pytest.raises(QueryError, match="unknown format 'xml'"):
        format_rows(Rows((), ()), "xml")


def test_load_query_by_internal_path():
    assert load_query("internal/export_tasks").title == "Tasks for export"
