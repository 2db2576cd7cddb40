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


def _readme_commands() -> list[list[str]]:
    """The `kg …` lines of the README's Neo4j section, split into arguments."""
    import shlex
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Neo4j\n", 1)[1].split("\n## ", 1)[0]
    return [shlex.split(line)[1:] for line in section.splitlines() if line.startswith("kg ")]


def test_readme_neo4j_section_commands_run(corpus_store_dir, tmp_path, monkeypatch):
    """Every `kg` command of the README's Neo4j section, run from a folder holding kg-data/."""
    import shutil

    shutil.copytree(corpus_store_dir, tmp_path / "kg-data")
    monkeypatch.chdir(tmp_path)
    port = free_port()  # no Neo4j here: the push and the --uri query must fail in one line
    env = {"NEO4J_URI": f"bolt://localhost:{port}", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "x"}
    commands = _readme_commands()
    assert [c[:2] for c in commands] == [
        ["query", "overlaps_no_lead"], ["neo4j", "push"], ["query", "overlaps_no_lead"], ["export", "neo4j-csv"]
    ]
    runner = CliRunner()
    for args in commands:
        args = [a.replace("$NEO4J_URI", env["NEO4J_URI"]) for a in args]
        result = runner.invoke(app, args, env=env)
        if "--uri" in args or args[:2] == ["neo4j", "push"]:
            assert result.exit_code == 2
            assert result.stderr == f"kg: cannot connect to bolt://localhost:{port}: [Errno 111] Connection refused\n"
        else:
            assert result.exit_code == 0, (args, result.stderr)
    assert (tmp_path / "neo4j-import" / "import.sh").is_file()
    assert (tmp_path / "kg-data" / "falkordb" / "graph.rdb").is_file()
