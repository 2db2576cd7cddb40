"""The README's first screen is a test: the two commands are there, CI runs the same test command, the output
shown is what the tool prints on the bundled corpus, and every command of `kg` is documented."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def _shown(command: str) -> list[str]:
    """Lines printed after `$ command` in the README's first text block, up to the next `$`."""
    block = _blocks("text")[0]
    part = block.split(f"$ {command}\n", 1)[1]
    return part.split("\n$ ", 1)[0].rstrip("\n").splitlines()


def test_first_screen_has_the_two_commands_and_ci_runs_the_same_test_command():
    install, tests = _blocks("bash")[:2]
    assert "pip install -e ." in install and "kg build corpus/" in install and "kg stats" in install
    test_command = next(line for line in tests.splitlines() if "pytest" in line).split("&&")[-1].strip()
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    assert README.index(install) < 1600  # on the first screen


def test_build_and_stats_print_what_the_readme_shows(tmp_path, corpus_dir, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").symlink_to(corpus_dir)
    runner = CliRunner()
    built = runner.invoke(app, ["build", "corpus/"])
    assert built.exit_code == 0, built.output
    assert built.output.rstrip("\n").splitlines() == _shown("kg build corpus/")
    stats = runner.invoke(app, ["stats"])
    assert stats.exit_code == 0, stats.output
    assert stats.output.rstrip("\n").splitlines() == _shown("kg stats")


def _command_names(t: typer.Typer, prefix: str = "kg") -> list[str]:
    names = [f"{prefix} {c.name or c.callback.__name__.replace('_', '-')}" for c in t.registered_commands]
    for group in t.registered_groups:
        names += _command_names(group.typer_instance, f"{prefix} {group.name}")
    return names


def test_every_command_is_documented():
    missing = [n for n in _command_names(app) if n not in README]
    assert not missing, f"commands not shown in README.md: {missing}"
