"""kg.rdf_stream and streamed exports: a file at a time, each triple once, complete files only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from kg.errors import KgError
from kg.export import export_file
from kg.rdf_stream import triples_by_file, write_rdf
from kg.store import ONTOLOGY_GRAPH


class _CountingSink(io.BytesIO):
    def __init__(self):
        super().__init__()
        self.writes = 0

    def write(self, data):
        self.writes += 1
        return super().write(data)


def test_every_triple_of_every_file_once(corpus_store):
    files = list(triples_by_file(corpus_store))
    assert len(files) == len(corpus_store.files())
    lines = [str(t) for triples in files for t in triples]
    assert len(lines) == len(set(lines))
    merged = {str(t) for name in corpus_store.files().values()
              for t in (q.triple for q in corpus_store.graph_quads([name.graph]))}
    assert set(lines) == merged
    assert all([str(t) for t in triples] == sorted(str(t) for t in triples) for triples in files)


def test_a_shared_triple_goes_with_the_first_file(corpus_store):
    jurisdiction = "https://w3id.org/safety-duty/id/jurisdiction/临汾市"
    holders = [k for k, triples in enumerate(triples_by_file(corpus_store))
               if any(t.subject.value == jurisdiction for t in triples)]
    assert holders == [0]  # 000 and 004 are both 临汾市's notices


@pytest.mark.parametrize("fmt", ["nt", "ttl", "jsonld"])
def test_written_a_file_at_a_time(corpus_store, fmt):
    sink = _CountingSink()
    write_rdf(corpus_store, sink, fmt)
    assert sink.writes >= len(corpus_store.files())


def test_ontology_triples_are_not_exported(corpus_store):
    sink = io.BytesIO()
    write_rdf(corpus_store, sink, "nt")
    lines = set(sink.getvalue().decode("utf-8").splitlines())
    ontology = {f"{q.triple} ." for q in corpus_store.graph_quads([ONTOLOGY_GRAPH])}
    assert len(ontology) > 100 and not lines & ontology


def test_an_export_file_appears_only_when_complete(corpus_store_dir, tmp_path, monkeypatch):
    import kg.export

    out = tmp_path / "duties.jsonl"

    def broken(*args, **kwargs):
        yield {"task_id": "x"}
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.export, "iter_duties", broken)
    with pytest.raises(KgError) as err:
        export_file("duties", corpus_store_dir, out)
    assert str(err.value) == f"{out}: cannot write (No space left on device)"
    assert list(tmp_path.iterdir()) == []


def test_an_export_into_a_missing_folder_is_one_line(corpus_store_dir, tmp_path):
    out = tmp_path / "no" / "such" / "folder" / "graph.ttl"
    with pytest.raises(KgError) as err:
        export_file("rdf", corpus_store_dir, out)
    assert str(err.value) == f"{out}: cannot write (No such file or directory)"
    assert not Path(tmp_path / "no").exists()
