"""Every canned question gives the same rows in SPARQL (embedded Oxigraph) and Cypher (FalkorDB).

The store is the bundled corpus plus one small notice written here (two tasks with two leads each,
which the corpus lacks, so multiple_leads is not compared on empty answers only). The property graph
is read from that store, written into a real FalkorDB twice (counts unchanged), then every queries/*.rq
is run with its .cypher twin on the same parameters. Rows are compared sorted, with the same columns.
Neo4j runs the same files; only the native FalkorDB protocol is exercised here (see test_bolt_push.py
for the Bolt message-size defect that rules out the corpus over Bolt).
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from kg import queries as sparql
from kg.build import build
from kg.cypher_client import FalkorClient
from kg.cypher_run import list_queries as cypher_queries
from kg.cypher_run import run_query as run_cypher
from kg.cypher_writer import graph_counts, write_graph
from kg.falkor_server import connect
from kg.propgraph import graph_from_store
from kg.store import open_store

EXTRA_NOTICE = """\
临汾市人民政府文件
临政发〔2099〕9号
临汾市人民政府
关于做好2099年安全生产工作的通知
各县（市、区）人民政府，市人民政府各委、局、办：
现就做好2099年安全生产工作通知如下：
一、强化重点行业领域安全监管
（一）煤矿。严格煤矿安全准入，开展隐患排查治理。（市能源局、市应急局牵头，市公安局配合）
（二）道路交通。开展道路交通安全专项整治，严厉打击“三超一疲劳”等违法行为。（市公安局、市交通运输局牵头）
（三）建筑施工。加强建筑施工安全监管，落实《建设工程安全生产管理条例》。（市住建局、市应急局等部门按职责分工负责）
临汾市人民政府
2099年1月5日
"""

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
SPARQL_NAMES = sorted(p.stem for p in QUERY_DIR.glob("*.rq"))

# extra parameter values per parameter name (each query is also run with its defaults)
PARAM_VALUES = {
    "document": ["临政发〔2024〕1号", "003_910978ec7eaa2ee3#1", "临政发〔2099〕9号", "无此文号"],
    "sector": ["coal_mine", "general", "no_such_sector"],
    "unit": ["应急局", "市应急局", "临汾市应急管理局", "人民政府", "无此单位"],
}


def _cases() -> list[tuple[str, dict[str, str]]]:
    cases = []
    for name in SPARQL_NAMES:
        query = sparql.load_query(name)
        if not any(param.required for param in query.params):
            cases.append((name, {}))
        for param in query.params:
            cases += [(name, {param.name: value}) for value in PARAM_VALUES.get(param.name, [])]
    return cases


@pytest.fixture(scope="module")
def store_dir(corpus_store_dir, corpus_dir, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("parity") / "kg-data"
    shutil.copytree(corpus_store_dir, folder)
    notice = folder.parent / "extra_临政发2099_9.txt"
    notice.write_text(EXTRA_NOTICE, encoding="utf-8")
    report = build([corpus_dir, notice], folder)  # the corpus files are unchanged and skipped
    assert not report.errors
    assert len(open_store(folder).files()) == len(list(corpus_dir.glob("*.txt"))) + 1
    return folder


@pytest.fixture(scope="module")
def store(store_dir):
    return open_store(store_dir)


@pytest.fixture(scope="module")
def cypher(falkordb_server, store_dir) -> FalkorClient:
    """The store's property graph in FalkorDB, written twice."""
    graph = graph_from_store(store_dir)
    client = FalkorClient(connect(falkordb_server, "parity"), falkordb_server.address)
    write_graph(client, graph)
    first = graph_counts(client)
    second_report = write_graph(client, graph)
    assert first == graph.counts()
    assert graph_counts(client) == first
    assert (second_report.nodes_created, second_report.relationships_created) == (0, 0)
    return client


def _normal(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, (int, float)):
        assert math.isfinite(value)
        return ("number", round(float(value), 9))
    raise AssertionError(f"unexpected cell {value!r}")


def _rows(rows) -> list[tuple]:
    return sorted((tuple(_normal(v) for v in row) for row in rows), key=repr)


def test_every_sparql_question_has_a_cypher_twin_and_back():
    assert SPARQL_NAMES, "no canned SPARQL queries found"
    assert [q.name for q in cypher_queries()] == SPARQL_NAMES


@pytest.mark.parametrize("name", SPARQL_NAMES)
def test_twin_headers_agree(name):
    rq = sparql.load_query(name)
    cy = next(q for q in cypher_queries() if q.name == name)
    assert cy.title == rq.title
    assert [(p.name, p.type, p.default, p.required) for p in cy.params] == [
        (p.name, p.type, p.default, p.required) for p in rq.params
    ]


@pytest.mark.parametrize(("name", "params"), _cases(), ids=lambda v: str(v) if isinstance(v, str) else ",".join(f"{k}={x}" for k, x in v.items()))
def test_cypher_rows_equal_sparql_rows(store, cypher, name, params):
    expected = sparql.run_query(store, name, params)
    got = run_cypher(cypher, name, params)
    assert got.columns == expected.columns
    assert _rows(got.rows) == _rows(expected.rows)


@pytest.mark.parametrize("name", SPARQL_NAMES)
def test_parity_is_not_only_on_empty_answers(store, name):
    query = sparql.load_query(name)
    answered = [
        params for n, params in _cases()
        if n == name and sparql.run_query(store, name, params).rows
    ]
    assert answered, f"{name}: no case returns rows, so the parity test proves little"
    assert query.title


@pytest.mark.parametrize("construct", ["EXISTS {", "COUNT {", "CALL {", "REQUIRE", "=~", "IF NOT EXISTS"])
def test_canned_cypher_stays_in_the_common_dialect(construct):
    """FalkorDB rejects these (issue 8); Neo4j 5 accepts everything else the twins use."""
    for query in cypher_queries():
        assert construct.lower() not in query.text.lower(), f"{query.name} uses {construct}"
