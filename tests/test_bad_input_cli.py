"""`kg build` on a folder of good and bad files: one line per bad file, the good ones still build, exit 2."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOOD = CORPUS / "002_2c59d4dd41e2de7b.txt"
OTHER = CORPUS / "004_a7219557abfc38f4.txt"


def _scanned_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.rect(72, 72, 450, 650, fill=1)  # a page that is only a picture
    c.save()
    return buf.getvalue()


def _tasks_of(txt: Path) -> int:
    from loaders import load_text

    return sum(len(d.tasks) for d in load_text(txt.read_text(encoding="utf-8"), txt.name).documents)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory, fixture_maker) -> tuple[Path, dict[str, str]]:
    """A folder of inputs (names with spaces and Chinese characters) and {file: expected problem}."""
    root = tmp_path_factory.mktemp("mixed") / "输入 文件"
    (root / "子 目录").mkdir(parents=True)
    (root / "襄汾 通知.txt").write_bytes(GOOD.read_bytes())
    fixture_maker.write_docx(OTHER.read_text(encoding="utf-8"), root / "子 目录" / "临汾 2020.docx")
    bad = {
        "空文件.txt": (b"", "empty file (0 bytes)"),
        "子 目录/图片 改名.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes), not text"),
        "扫描 件.pdf": (_scanned_pdf(), "no text layer (a scanned PDF?): run OCR on it first"),
        "截断.docx": (None, "not a valid .docx (not a zip package: corrupt or truncated)"),
    }
    expected = {}
    for rel, (data, problem) in bad.items():
        path = root / rel
        if data is None:
            full = fixture_maker.write_docx(GOOD.read_text(encoding="utf-8"), path).read_bytes()
            data = full[: len(full) // 2]
        path.write_bytes(data)
        expected[rel] = problem
    big = root / "巨大.txt"
    with open(big, "wb") as f:  # sparse: costs no disk
        f.truncate(50 * 1024 * 1024 + 1)
    expected["巨大.txt"] = "file too large: 50.0 MB (52,428,801 bytes) is over the 50 MB limit for one input file"
    return root, expected


@pytest.fixture(scope="module")
def built(mixed_folder, tmp_path_factory):
    root, expected = mixed_folder
    store = tmp_path_factory.mktemp("mixed-store") / "kg-data"
    result = CliRunner().invoke(app, ["build", str(root), "--store", str(store)])
    return result, store


def test_each_bad_file_gives_one_line_naming_it_and_the_problem(mixed_folder, built):
    root, expected = mixed_folder
    result, _ = built
    lines = result.output.splitlines()
    for rel, problem in expected.items():
        path = (root / rel).resolve()
        assert f"{path}: error: {problem}" in lines, rel
        assert sum(ln.startswith(f"{path}:") for ln in lines) == 1, rel
    assert "Traceback" not in result.output


def test_the_good_files_still_build_and_the_exit_code_says_something_was_skipped(built):
    result, store = built
    assert result.exit_code == 2
    built_lines = {ln.split(": ")[0]: ln for ln in result.output.splitlines() if ": built: " in ln}
    assert sorted(built_lines) == ["临汾 2020.docx", "襄汾 通知.txt"]
    tasks = {name: _tasks_of(path) for name, path in [("临汾 2020.docx", OTHER), ("襄汾 通知.txt", GOOD)]}
    for name, line in built_lines.items():
        assert f" {tasks[name]} tasks" in line
    export = CliRunner().invoke(app, ["export", "duties", "--store", str(store)])
    assert export.exit_code == 0
    rows = [json.loads(line) for line in export.output.splitlines() if line.strip()]
    by_file = {name: sum(1 for r in rows if r["source_file"] == name) for name in tasks}
    assert by_file == tasks and len(rows) == sum(tasks.values())


@pytest.mark.parametrize("name,data,problem", [
    ("坏 文件.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4, "truncated PDF (no %%EOF end marker): the file is incomplete"),
    ("只有空白.md", " \n\u3000\n".encode("utf-8"), "no text: the file holds only whitespace"),
])
def test_one_bad_file_alone(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["build", str(path), "--store", str(tmp_path / "store")])
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == f"{path.resolve()}: error: {problem}"
    assert "Traceback" not in result.output


# --- an interrupted build leaves the previous store usable ---

ROOT = CORPUS.parent


def _kg(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), *args]


@pytest.fixture(scope="module")
def many_notices(tmp_path_factory) -> Path:
    """Thirty distinct notices (000 with its years renumbered) so a build takes a while."""
    folder = tmp_path_factory.mktemp("many")
    text = (CORPUS / "000_52a272d02e943534.txt").read_text(encoding="utf-8")
    for k in range(30):
        (folder / f"notice {k:02d}.txt").write_text(text.replace("〔2024〕", f"〔{3000 + k}〕"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_interrupted_build_leaves_the_old_store_usable(tmp_path, many_notices, sig):
    store = tmp_path / "kg-data"
    first = subprocess.run(_kg("build", str(GOOD), "--store", str(store)), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    before = subprocess.run(_kg("export", "duties", "--store", str(store)), capture_output=True, timeout=120).stdout
    assert before.count(b"\n") == _tasks_of(GOOD)
    live = sorted(p.name for p in store.glob("db-*"))

    proc = subprocess.Popen(_kg("build", str(many_notices), "--store", str(store)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and sorted(p.name for p in store.glob("db-*")) == live:
        time.sleep(0.05)  # wait for the build's private copy of the database
    time.sleep(1.0)  # well into parsing thirty files
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert b"Traceback" not in proc.stderr.read()

    after = subprocess.run(_kg("export", "duties", "--store", str(store)), capture_output=True, timeout=120)
    assert after.returncode == 0
    assert after.stdout == before  # the old store, unchanged
    again = subprocess.run(_kg("build", str(GOOD), "--store", str(store)), capture_output=True, timeout=120)
    assert again.returncode == 0
    assert len(list(store.glob("db-*"))) == 1  # what the interrupted build left is swept away
