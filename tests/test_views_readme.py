"""The README's Views section is a test: every command it shows runs and prints what it says."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from kg.views import VIEWS

README = Path(__file__).resolve().parent.parent / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("\n## Views\n", 1)[1].split("\n## ", 1)[0]


def _commands() -> list[list[str]]:
    block = _section().split("```bash", 1)[1].split("```", 1)[0]
    return [shlex.split(line.split("  #", 1)[0]) for line in block.splitlines() if line.strip()]


def _run(argv: list[str], tmp_path: Path, store: Path, monkeypatch) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg-data").symlink_to(store)
    result = CliRunner().invoke(app, argv[1:])
    assert result.exit_code == 0, result.output
    return result.output


def test_every_view_is_in_the_readme():
    shown = {argv[2] for argv in _commands()}
    table = {line.split("`")[1] for line in _section().splitlines() if line.startswith("| `")}
    assert shown == table == set(VIEWS)


@pytest.mark.parametrize("argv", _commands(), ids=lambda a: " ".join(a[1:3]))
def test_readme_command_writes_a_page(tmp_path, corpus_store_dir, monkeypatch, argv):
    assert argv[:2] == ["kg", "viz"]
    output = _run(argv, tmp_path, corpus_store_dir, monkeypatch)
    name = argv[argv.index("-o") + 1]
    assert output.startswith(f"wrote {name}: {argv[2]} view, ")
    html = (tmp_path / name).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'id="kg-legend"' in html and 'id="kg-search"' in html


def test_readme_output_is_what_the_command_prints(tmp_path, corpus_store_dir, monkeypatch):
    block = _section().split("```text", 1)[1].split("```", 1)[0].strip().splitlines()
    command, printed = block[0], block[1:]
    assert command.startswith("$ kg viz ")
    assert _run(shlex.split(command[2:]), tmp_path, corpus_store_dir, monkeypatch).splitlines() == printed
