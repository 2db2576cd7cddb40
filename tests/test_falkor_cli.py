"""`kg query NAME --engine cypher`: the local FalkorDB of the store, started on demand, kept fresh."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from cli import app
from kg.falkor_server import find_server, free_port, server_folder

from test_cypher_parity import EXTRA_NOTICE


@pytest.fixture()
def store(corpus_store_dir, tmp_path):
    folder = tmp_path / "kg-data"
    shutil.copytree(corpus_store_dir, folder)
    return folder


def _kg(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize(
    "question",
    [
        ["overlaps_no_lead"],
        ["unowned_duties", "--param", "sector=general"],
        ["unit_portfolio", "--param", "unit=市应急局"],
        ["document_overview"],
    ],
)
def test_cypher_answer_prints_like_sparql(store, question):
    for fmt in ("table", "json"):
        sparql = _kg("query", *question, "--store", str(store), "--format", fmt)
        cypher = _kg("query", *question, "--store", str(store), "--format", fmt, "--engine", "cypher")
        assert (sparql.exit_code, cypher.exit_code) == (0, 0), cypher.stderr
        assert cypher.stdout == sparql.stdout
    assert find_server(store) is None  # started for the command, stopped after it
    assert (server_folder(store) / "graph.rdb").is_file()


def test_rebuilt_store_is_reloaded(store, corpus_dir, tmp_path):
    from kg.build import build

    before = _kg("query", "multiple_leads", "--store", str(store), "--engine", "cypher", "--format", "json")
    assert json.loads(before.stdout) == []
    notice = tmp_path / "extra.txt"
    notice.write_text(EXTRA_NOTICE, encoding="utf-8")
    build([corpus_dir, notice], store)
    after = _kg("query", "multiple_leads", "--store", str(store), "--engine", "cypher", "--format", "json")
    assert [row["task_id"] for row in json.loads(after.stdout)] == ["临政发〔2099〕9号/一/(一)/t1", "临政发〔2099〕9号/一/(二)/t1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "no_such_question", "--engine", "cypher"], "kg: unknown Cypher query 'no_such_question'"),
        (["query", "--sparql", "-", "--engine", "cypher"], "kg: --engine cypher answers a canned question"),
        (["query", "unit_portfolio", "--engine", "cypher"], "kg: query unit_portfolio: parameter unit is required"),
    ],
)
def test_bad_cypher_requests_are_one_line(store, args, message):
    result = _kg(*args, "--store", str(store))
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_missing_store_is_one_line(tmp_path):
    result = _kg("query", "overlaps_no_lead", "--engine", "cypher", "--store", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert result.stderr == f"kg: {tmp_path / 'none'}: no store folder (run `kg build` first)\n"


def test_unreachable_uri_is_one_line(store):
    port = free_port()
    result = _kg("query", "overlaps_no_lead", "--engine", "cypher", "--uri", f"bolt://127.0.0.1:{port}", "--store", str(store))
    assert result.exit_code == 2
    assert result.stderr == f"kg: cannot connect to bolt://127.0.0.1:{port}: [Errno 111] Connection refused\n"
