"""The build report: unknown types listed as skipped, non-notices refused, warnings shown, --strict, --max-size."""

from pathlib import Path

from typer.testing import CliRunner

from cli import app

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOOD = CORPUS / "002_2c59d4dd41e2de7b.txt"


def _build(*args):
    return CliRunner().invoke(app, ["build", *map(str, args)])


def test_unknown_types_in_a_folder_are_listed_as_skipped_and_set_the_exit_code(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notice.txt").write_bytes(GOOD.read_bytes())
    (tmp_path / "in" / "notes.xlsx").write_bytes(b"PK\x03\x04")
    r = _build(tmp_path / "in", "--store", tmp_path / "s")
    assert r.exit_code == 2
    lines = r.output.splitlines()
    assert any(ln.startswith(str(tmp_path / "in" / "notes.xlsx") + ": skipped: ") for ln in lines), lines
    assert any(ln.startswith("notice.txt: built: 1 documents") for ln in lines)
    assert lines[-1].endswith("; 0 errors, 1 skipped")


def test_a_file_that_is_not_a_notice_is_refused_in_one_line(tmp_path):
    f = tmp_path / "随笔.txt"
    f.write_text("今天天气很好，我们去公园散步。\n", encoding="utf-8")
    r = _build(f, "--store", tmp_path / "s")
    assert r.exit_code == 2
    assert r.output.splitlines()[0] == f"{f.resolve()}: error: not a notice: no 文号, title, addressees or tasks"


def test_warnings_are_reported_and_strict_fails_on_them(tmp_path):
    f = tmp_path / "n.txt"
    f.write_text(GOOD.read_text(encoding="utf-8").replace("（县安委会有关成员单位负责）", "（县安委会有关成员单位负责", 1),
                 encoding="utf-8")
    r = _build(f, "--store", tmp_path / "s")
    assert r.exit_code == 0
    assert "  warning: unbalanced brackets: " in r.output
    strict = _build(f, "--store", tmp_path / "s", "--strict")
    assert strict.exit_code == 1
    clean = _build(GOOD, "--store", tmp_path / "s2", "--strict")
    assert clean.exit_code == 0 and "  warning: " not in clean.output


def test_max_size(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(GOOD.read_bytes() * 60)  # about 1.3 MB
    r = _build(f, "--store", tmp_path / "s", "--max-size", "1")
    assert r.exit_code == 2
    assert r.output.splitlines()[0].startswith(f"{f.resolve()}: error: file too large")
