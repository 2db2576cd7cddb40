"""The on-disk store and the build: one named graph per file, incremental rebuilds, atomic swap-in,
per-file errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import ids
from kg.build import build, find_inputs
from kg.errors import StoreError
from kg.store import BUILD_GRAPH, open_store
from kg.store_writer import StoreWriter


@pytest.fixture()
def corpus_copy(tmp_path, corpus_files) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in corpus_files:
        shutil.copyfile(f, folder / f.name)
    return folder


def _graphs(store_dir: Path) -> dict[str, bytes]:
    store = open_store(store_dir)
    return {g: store.graph_ntriples(g) for g in store.named_graphs() if "/id/file/" in g}


def test_build_reports_every_corpus_file(corpus_store_dir, corpus_files):
    store = open_store(corpus_store_dir)
    assert sorted(store.files()) == [f.name for f in corpus_files]
    assert sorted(_graphs(corpus_store_dir)) == sorted(str(ids.file_iri(f.name)) for f in corpus_files)


def test_folder_inputs_skip_readme_but_named_files_are_read(corpus_dir):
    files, errors = find_inputs([corpus_dir, corpus_dir / "README.md", corpus_dir / "missing.txt"])
    names = [f.name for f in files]
    assert names.count("README.md") == 1 and len(names) == 6
    assert [(e.source_file, e.error) for e in errors] == [("missing.txt", "no such file or folder")]


def test_rebuilding_one_changed_file_replaces_only_its_graph(tmp_path, corpus_copy):
    store = tmp_path / "store"
    build([corpus_copy], store)
    before = _graphs(store)
    changed = corpus_copy / "002_2c59d4dd41e2de7b.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("襄汾县", "襄汾区", 1), encoding="utf-8")
    report = build([corpus_copy], store)
    status = {f.source_file: f.status for f in report.files}
    assert status.pop(changed.name) == "built"
    assert set(status.values()) == {"unchanged"}
    after = _graphs(store)
    differing = sorted(g for g in before if before[g] != after[g])
    assert differing == [str(ids.file_iri(changed.name))]


def test_unchanged_rebuild_keeps_every_graph_byte_identical(tmp_path, corpus_copy):
    store = tmp_path / "store"
    first = build([corpus_copy], store)
    before = _graphs(store)
    second = build([corpus_copy], store)
    assert {f.status for f in second.files} == {"unchanged"}
    assert _graphs(store) == before
    counts = [(f.source_file, f.documents, f.sections, f.tasks, f.unplaced_chars) for f in first.files]
    assert counts == [(f.source_file, f.documents, f.sections, f.tasks, f.unplaced_chars) for f in second.files]


def test_interrupted_build_leaves_the_old_store_usable(tmp_path, corpus_copy):
    store = tmp_path / "store"
    build([corpus_copy], store)
    before = _graphs(store)
    with pytest.raises(RuntimeError):
        with StoreWriter(store) as writer:
            for record in writer.files.values():
                writer.forget_file(record)
            raise RuntimeError("power cut")
    assert _graphs(store) == before
    assert len(list(store.glob("db-*"))) == 1


def test_leftover_database_of_a_killed_build_is_swept(tmp_path, corpus_copy):
    store = tmp_path / "store"
    build([corpus_copy / "002_2c59d4dd41e2de7b.txt"], store)
    (store / "db-999999").mkdir()  # what a killed build leaves behind
    build([corpus_copy / "002_2c59d4dd41e2de7b.txt"], store)
    assert [p.name for p in store.glob("db-*")] == [open_store(store).path.name]


def test_a_second_writer_is_refused(tmp_path):
    with StoreWriter(tmp_path / "s"):
        with pytest.raises(StoreError, match="another build is writing this store"):
            with StoreWriter(tmp_path / "s"):
                pass


def test_bad_file_is_reported_and_the_rest_still_builds(tmp_path, corpus_copy):
    (corpus_copy / "bad.pdf").write_bytes(b"not a pdf")
    (corpus_copy / "empty.txt").write_bytes(b"")
    report = build([corpus_copy], tmp_path / "store")
    errors = {f.source_file: f.error for f in report.errors}
    assert sorted(errors) == ["bad.pdf", "empty.txt"]
    assert all(e and "\n" not in e and not e.startswith(str(corpus_copy)) for e in errors.values())
    assert len(open_store(tmp_path / "store").files()) == 5


def test_same_document_in_two_files_is_an_error_for_the_later_file(tmp_path, corpus_copy):
    src = corpus_copy / "002_2c59d4dd41e2de7b.txt"
    shutil.copyfile(src, corpus_copy / "010_copy.txt")
    report = build([corpus_copy], tmp_path / "store")
    assert [(f.source_file, f.error) for f in report.errors] == [
        ("010_copy.txt", "document 襄政发〔2025〕1号 is already read from 002_2c59d4dd41e2de7b.txt")
    ]


def test_files_not_named_in_a_build_leave_the_store(tmp_path, corpus_copy):
    store = tmp_path / "store"
    build([corpus_copy], store)
    report = build([corpus_copy / "002_2c59d4dd41e2de7b.txt"], store)
    assert sorted(f.source_file for f in report.files if f.status == "removed") == [
        "000_52a272d02e943534.txt", "001_21558e30cd176ac4.txt", "003_910978ec7eaa2ee3.txt", "004_a7219557abfc38f4.txt"
    ]
    assert list(open_store(store).files()) == ["002_2c59d4dd41e2de7b.txt"]


def test_missing_store_is_one_line_store_error(tmp_path):
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "nothing")
    assert str(err.value) == f"{tmp_path / 'nothing'}: no built store here (run `kg build PATH --store {tmp_path / 'nothing'}` first)"


# --- the layout: the default graph is the merge of what every file holds and the ontology ---


def _default(store_dir: Path) -> set[str]:
    store = open_store(store_dir)
    return {line for chunk in store.default_ntriples() for line in chunk.decode("utf-8").splitlines()}


def _merge(store_dir: Path) -> set[str]:
    store = open_store(store_dir)
    graphs = [g for g in store.named_graphs() if g != BUILD_GRAPH]
    return {line for g in graphs for line in store.graph_ntriples(g).decode("utf-8").splitlines()}


def _linfen_triples(store_dir: Path, name: str) -> set[str]:
    g = str(ids.file_iri(name))
    return {line for line in open_store(store_dir).graph_ntriples(g).decode("utf-8").splitlines()
            if line.startswith(f"<{ids.jurisdiction_iri('临汾市')}>")}


def test_default_graph_is_the_merge_through_changes_and_removals(tmp_path, corpus_copy):
    store = tmp_path / "store"
    build([corpus_copy], store)
    assert _default(store) == _merge(store)
    changed = corpus_copy / "000_52a272d02e943534.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("市应急局", "市消防救援支队", 3), encoding="utf-8")
    build([corpus_copy], store)
    assert _default(store) == _merge(store)
    build([corpus_copy / "002_2c59d4dd41e2de7b.txt", corpus_copy / "004_a7219557abfc38f4.txt"], store)
    assert _default(store) == _merge(store)
    fresh = tmp_path / "fresh"
    build([corpus_copy / "002_2c59d4dd41e2de7b.txt", corpus_copy / "004_a7219557abfc38f4.txt"], fresh)
    assert _default(store) == _default(fresh)


def test_a_node_shared_by_two_files_stays_until_both_leave(tmp_path, corpus_copy):
    store = tmp_path / "store"
    a, b = corpus_copy / "000_52a272d02e943534.txt", corpus_copy / "004_a7219557abfc38f4.txt"
    build([a, b], store)
    shared = _linfen_triples(store, a.name) & _linfen_triples(store, b.name)
    assert len(shared) == 4  # both notices are 临汾市's: the jurisdiction's type, label, level
    build([b], store)
    assert shared <= _default(store)
    build([corpus_copy / "002_2c59d4dd41e2de7b.txt"], store)
    assert not shared & _default(store)


def test_a_store_of_the_older_layout_is_refused_then_rebuilt(tmp_path, corpus_copy):
    import pyoxigraph as ox

    from kg.namespaces import SD

    store = tmp_path / "store"
    one = corpus_copy / "002_2c59d4dd41e2de7b.txt"
    build([one], store)
    db = ox.Store(str(open_store(store).path))
    db.remove_graph(ox.NamedNode(BUILD_GRAPH))  # as layout 1 knew nothing of sd:storeLayout
    assert not any(db.quads_for_pattern(None, ox.NamedNode(str(SD.storeLayout)), None, None))
    del db
    with pytest.raises(StoreError) as err:
        open_store(store)
    assert str(err.value) == f"{store}: the store was written by an older version of kg; run `kg build` again"
    report = build([one], store)
    assert [f.status for f in report.files] == ["built"]
    assert _default(store) == _merge(store)


def test_when_most_files_change_the_store_is_loaded_afresh(tmp_path, corpus_copy, monkeypatch):
    import kg.build

    store = tmp_path / "store"
    build([corpus_copy], store)
    before = _default(store)
    monkeypatch.setattr(kg.build, "builder_fingerprint", lambda: "new code")
    monkeypatch.setattr(kg.build, "_POOL_MIN_FILES", 1)
    report = build([corpus_copy / "000_52a272d02e943534.txt", corpus_copy / "001_21558e30cd176ac4.txt",
                    corpus_copy / "002_2c59d4dd41e2de7b.txt"], store)
    assert [(f.source_file, f.status) for f in report.files] == [
        ("000_52a272d02e943534.txt", "built"), ("001_21558e30cd176ac4.txt", "built"),
        ("002_2c59d4dd41e2de7b.txt", "built"),
        ("003_910978ec7eaa2ee3.txt", "removed"), ("004_a7219557abfc38f4.txt", "removed")]
    assert {r.builder for r in open_store(store).files().values()} == {"new code"}
    assert _default(store) == _merge(store) and _default(store) < before


def _file(name: str, doc_ids: list[str], lines: list[str]):
    """A built file's record and N-Quads as kg.build hands them to the writer."""
    import json

    from kg.store import FileRecord, encode_subjects
    from kg.store_writer import file_nquads, split_owned

    nt = "".join(sorted(f"{line}\n" for line in lines)).encode("utf-8")
    owned, shared, subjects = split_owned(nt, ids.owned_prefixes(name, doc_ids))
    record = FileRecord(name, str(ids.file_iri(name)), "0" * 64, "test", json.dumps({"document_ids": doc_ids}),
                        encode_subjects(subjects))
    return record, file_nquads(record, owned, shared)


def test_a_triple_about_another_files_node_stays_while_that_file_holds_it(tmp_path):
    doc_a = ids.document_iri("甲政发〔2024〕1号")
    own = f'<{doc_a}> <https://w3id.org/safety-duty/ontology#text> "甲" .'
    loose = f'<{ids.document_iri("乙政发〔2024〕2号")}/x> <https://w3id.org/safety-duty/ontology#text> "无主" .'
    a = _file("a.txt", ["甲政发〔2024〕1号"], [own])
    b = _file("b.txt", ["丙政发〔2024〕3号"], [own, loose])  # b also states a's triple, and one nobody owns
    store = tmp_path / "s"
    with StoreWriter(store) as writer:
        writer.add_new_file(*a)
        writer.add_new_file(*b)
        writer.commit()
    assert {own, loose} <= _default(store)
    with StoreWriter(store) as writer:
        writer.forget_file(b[0])
        writer.commit()
    assert own in _default(store)  # a mints doc_a: its triple stays
    assert loose not in _default(store)  # no file holds it any more
