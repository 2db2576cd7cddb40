"""kg build on a process pool: the same store and report as a one-process build."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import ids
from kg.build import _POOL_MIN_FILES, build
from kg.store import open_store


@pytest.fixture(scope="module")
def many(tmp_path_factory, corpus_files) -> Path:
    """Enough files for the pool: renumbered copies of the corpus, a file repeating another's documents
    and a file that cannot be read."""
    folder = tmp_path_factory.mktemp("many")
    k = 0
    while k < _POOL_MIN_FILES + 2:
        for f in corpus_files:
            text = f.read_text(encoding="utf-8")
            for n, year in enumerate(("2020", "2024", "2025")):
                text = text.replace(f"〔{year}〕", f"〔{2030 + 20 * n + k}〕")
            (folder / f"{k:02d}_{f.name}").write_text(text, encoding="utf-8")
            k += 1
    (folder / "zy_clash.txt").write_bytes((folder / f"00_{corpus_files[0].name}").read_bytes())  # same documents
    (folder / "zz_broken.txt").write_bytes(b"\xff\xfe\x00\x00not text at all\x00\x00")
    return folder


def _everything(store_dir: Path) -> dict[str, bytes]:
    store = open_store(store_dir)
    return {g: store.graph_ntriples(g) for g in store.named_graphs()}


def _lines(report) -> list[str]:
    return [line.replace(report.store, "STORE") for line in report.lines(verbose=True)]


def test_two_processes_build_the_same_store_as_one(tmp_path, many):
    one = build([many], tmp_path / "one", jobs=1)
    two = build([many], tmp_path / "two", jobs=2)
    assert _lines(one) == _lines(two)
    assert [(e.source_file, e.error.split()[0]) for e in one.errors] == [("zy_clash.txt", "document"),
                                                                         ("zz_broken.txt", "not")]
    assert _everything(tmp_path / "one") == _everything(tmp_path / "two")


def test_progress_is_called_once_per_file_in_order(tmp_path, many):
    seen: list[tuple[int, int, str]] = []
    build([many], tmp_path / "store", jobs=2, progress=lambda done, total, name: seen.append((done, total, name)))
    names = sorted(p.name for p in many.iterdir())
    assert seen == [(k, len(names), name) for k, name in enumerate(names, 1)]


def test_rebuild_after_a_parallel_build_parses_only_the_changed_file(tmp_path, many):
    store = tmp_path / "store"
    build([many], store, jobs=2)
    before = _everything(store)
    changed = sorted(many.glob("0*.txt"))[3]
    original = changed.read_text(encoding="utf-8")
    try:
        changed.write_text(original.replace("。", "。\n", 1), encoding="utf-8")
        report = build([many], store, jobs=2)
    finally:
        changed.write_text(original, encoding="utf-8")
    status = {f.source_file: f.status for f in report.files}
    assert status.pop(changed.name) == "built" and status.pop("zz_broken.txt") == status.pop("zy_clash.txt") == "error"
    assert set(status.values()) == {"unchanged"}
    after = _everything(store)
    differing = sorted(g for g in before if before[g] != after[g] and "/id/build" not in g)
    assert differing == [str(ids.file_iri(changed.name))]
