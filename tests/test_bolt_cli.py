"""`kg neo4j push` from the command line: a user with no reachable Neo4j gets one clear line, exit 2."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cli import app
from kg.falkor_server import free_port


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_unreachable_neo4j_is_one_line(runner, tmp_path):
    port = free_port()  # nothing listens there
    result = runner.invoke(app, ["neo4j", "push", "--uri", f"bolt://127.0.0.1:{port}", "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"kg: cannot connect to bolt://127.0.0.1:{port}: [Errno 111] Connection refused\n"
    assert result.stdout == ""


def test_uri_comes_from_the_environment(runner, tmp_path):
    port = free_port()
    result = runner.invoke(app, ["neo4j", "push", "--store", str(tmp_path)], env={"NEO4J_URI": f"neo4j://127.0.0.1:{port}"})
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: cannot connect to neo4j://127.0.0.1:{port}: ")
    assert result.stderr.count("\n") == 1


def test_missing_uri_says_how_to_give_one(runner):
    result = runner.invoke(app, ["neo4j", "push"], env={"NEO4J_URI": ""})
    assert result.exit_code == 2
    assert result.stderr == "kg: no Neo4j URI: pass --uri bolt://… or set NEO4J_URI\n"


def test_not_a_bolt_uri(runner):
    result = runner.invoke(app, ["neo4j", "push", "--uri", "http://localhost:7474"])
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: cannot connect to http://localhost:7474: not a Bolt URI (use bolt://")
