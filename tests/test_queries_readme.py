"""The README's section on the graph is a test: every command it shows runs, and every canned query is listed."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from kg.queries import list_queries

README = Path(__file__).resolve().parent.parent / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## The graph: RDF store, exports, questions", 1)[1].split("\n## ", 1)[0]


def _commands() -> list[list[str]]:
    block = _section().split("```bash", 1)[1].split("```", 1)[0]
    return [shlex.split(line.split("#", 1)[0]) for line in block.splitlines() if line.strip()]


def test_every_canned_query_is_in_the_readme_table():
    rows = {line.split("`")[1] for line in _section().splitlines() if line.startswith("| `")}
    assert rows == {q.name for q in list_queries()}


@pytest.mark.parametrize("argv", _commands(), ids=lambda a: " ".join(a[:3]))
def test_readme_command_runs(tmp_path, corpus_store_dir, argv, monkeypatch):
    assert argv[0] == "kg"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg-data").symlink_to(corpus_store_dir)
    result = CliRunner().invoke(app, argv[1:])
    assert result.exit_code == 0, result.output
    outputs = [argv[i + 1] for i, a in enumerate(argv) if a == "-o"]
    for name in outputs:
        assert (tmp_path / name).stat().st_size > 100
    if not outputs:
        assert len(result.output.splitlines()) > 3
