"""`kg diff` through the real CLI: exit codes, one-line errors, formats, -o."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cli import app

A = "corpus/004_a7219557abfc38f4.txt"
B = "corpus/000_52a272d02e943534.txt"


def _run(*args):
    return CliRunner().invoke(app, ["diff", *args])


def test_table_to_stdout(corpus_dir, monkeypatch):
    monkeypatch.chdir(corpus_dir.parent)
    r = _run(A, B)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("A: 临政发〔2020〕1号 关于做好2020年安全生产工作的通知\nB: 临政发〔2024〕1号")
    assert "by sector" in r.output and "removed tasks (A only)" in r.output


def test_json_with_document_selector(corpus_dir, monkeypatch):
    monkeypatch.chdir(corpus_dir.parent)
    r = _run(A, f"{B}::临政发〔2024〕1号", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert (data["document_a"], data["document_b"]) == ("临政发〔2020〕1号", "临政发〔2024〕1号")
    assert data["headline"]["kept"] + data["headline"]["added"] == data["headline"]["tasks_b"]


def test_html_to_file(corpus_dir, monkeypatch, tmp_path):
    monkeypatch.chdir(corpus_dir.parent)
    out = tmp_path / "diff.html"
    r = _run(A, B, "--format", "html", "-o", str(out))
    assert r.exit_code == 0 and r.output == f"wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "临政发〔2020〕1号 → 临政发〔2024〕1号" in page


def test_unknown_document_is_one_line_exit_2(corpus_dir, monkeypatch):
    monkeypatch.chdir(corpus_dir.parent)
    r = _run(A, f"{B}::临政函〔2099〕1号")
    assert r.exit_code == 2
    assert r.output.count("\n") == 1 and "no document '临政函〔2099〕1号'" in r.output
    assert "Traceback" not in r.output


def test_missing_file_is_one_line_exit_2(tmp_path):
    r = _run(str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt"), "--store", str(tmp_path))
    assert r.exit_code == 2 and r.output.count("\n") == 1 and "nope.txt" in r.output


def test_unwritable_output_exit_2(corpus_dir, monkeypatch, tmp_path):
    monkeypatch.chdir(corpus_dir.parent)
    r = _run(A, B, "-o", str(tmp_path / "no" / "such" / "dir.txt"))
    assert r.exit_code == 2 and "cannot write" in r.output and r.output.count("\n") == 1


def test_bad_format_rejected(corpus_dir, monkeypatch):
    monkeypatch.chdir(corpus_dir.parent)
    r = _run(A, B, "--format", "xml")
    assert r.exit_code == 2


def test_store_gives_the_same_diff_as_the_files(corpus_dir, corpus_store_dir, monkeypatch):
    """Documents read back from the built store diff byte-for-byte like the files they came from."""
    monkeypatch.chdir(corpus_dir.parent)
    from_store = _run("临政发〔2020〕1号", "临政发〔2024〕1号", "--store", str(corpus_store_dir), "--format", "json")
    from_files = _run(A, B, "--format", "json")
    assert from_store.exit_code == 0, from_store.output
    assert from_store.output == from_files.output


def test_unknown_number_in_store_is_one_line(corpus_store_dir):
    r = _run("临政发〔2099〕1号", "临政发〔2024〕1号", "--store", str(corpus_store_dir))
    assert r.exit_code == 2 and r.output.count("\n") == 1
    assert "临政发〔2099〕1号: no such file, and no document with this 文号 or id in the store" in r.output


def test_missing_store_is_one_line(tmp_path):
    r = _run("临政发〔2020〕1号", "临政发〔2024〕1号", "--store", str(tmp_path / "none"))
    assert r.exit_code == 2 and r.output.count("\n") == 1
    assert r.output.startswith("kg: 临政发〔2020〕1号: no such file") and "no built store here" in r.output
