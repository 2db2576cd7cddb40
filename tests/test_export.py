"""Exports from the store: documents and duties JSON Lines equal the model read independently, offsets
point into the raw file, output is byte-identical across builds, and the CLI contract of issue 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from kg.export import documents, duties, export_text
from loaders import load_file

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def model_docs(corpus_files):
    return {f.name: load_file(f) for f in corpus_files}


def test_documents_export_equals_the_model(corpus_store, model_docs):
    got = documents(corpus_store)
    want = []
    for name in sorted(model_docs):
        for d in model_docs[name].documents:
            want.append({
                "source_file": d.source_file, "id": d.id, "number": d.printed_number or d.number,
                "number_normalised": d.number, "issuer": d.issuer, "title": d.title,
                "date": d.date, "jurisdiction": d.jurisdiction, "level": d.level, "kind": d.kind,
                "addressees": list(d.addressees), "cc": list(d.cc), "cited_regulations": list(d.cited_regulations),
                "cited_document_numbers": list(d.cited_document_numbers), "start": d.start, "end": d.end,
            })
    assert got == want
    assert len(got) == 9


def test_duties_export_equals_the_model(corpus_store, model_docs):
    got = {d["task_id"]: d for d in duties(corpus_store)}
    count = 0
    for name, source in model_docs.items():
        for doc in source.documents:
            sections = {s.id: s for s in doc.sections}
            for t in doc.tasks:
                count += 1
                row = got[t.id]
                section = sections.get(t.section_id)
                assert row["source_file"] == name
                assert row["document"] == (doc.number or doc.title or doc.id)
                assert row["section"] == (list(section.path) if section else [])
                assert row["section_title"] == (section.title if section else "")
                assert (row["text"], row["start"], row["end"]) == (t.text, t.start, t.end)
                assert row["open_list"] == t.open_list and row["sector"] == t.sector
                assert [(u["name"], u["canonical"], u["role"], u["kind"], u["inherited"]) for u in row["units"]] == [
                    (a.name, a.canonical, a.role, a.kind, a.inherited) for a in t.assignments
                ]
    assert count == len(got) > 150


def test_duty_offsets_point_into_the_raw_file(corpus_store, corpus_dir, model_docs):
    quotes = {t.id: t.quote for s in model_docs.values() for d in s.documents for t in d.tasks}
    for row in duties(corpus_store):
        raw = (corpus_dir / row["source_file"]).read_text(encoding="utf-8-sig")
        assert raw[row["start"]:row["end"]] == quotes[row["task_id"]]


def test_section_numbers_use_ascii_brackets(corpus_store):
    numbers = {n for row in duties(corpus_store) for n in row["section"]}
    assert "(一)" in numbers and not any(ch in "".join(numbers) for ch in "（）")


def test_export_is_byte_identical_across_builds_and_hash_seeds(tmp_path, corpus_dir):
    """Two fresh builds in separate processes with different hash seeds export the same bytes."""
    outputs = []
    for seed in ("1", "2"):
        store = tmp_path / f"s{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        script = (
            "import sys; from kg.build import build; from kg.export import export_text;"
            f"build([{str(corpus_dir)!r}], {str(store)!r});"
            "sys.stdout.buffer.write(b''.join(export_text(w, "
            f"{str(store)!r}, 'nt') for w in ('documents', 'duties', 'rdf')))"
        )
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True, cwd=ROOT)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and len(outputs[0]) > 10_000


def test_turtle_and_jsonld_exports_are_repeatable(corpus_store_dir):
    for fmt in ("ttl", "jsonld"):
        assert export_text("rdf", corpus_store_dir, fmt) == export_text("rdf", corpus_store_dir, fmt)


# ------------------------------------------------------------------ CLI

runner = CliRunner()


def test_cli_build_and_exports(tmp_path, corpus_dir):
    store = tmp_path / "kg-data"
    result = runner.invoke(app, ["build", str(corpus_dir), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "000_52a272d02e943534.txt: built: 5 documents" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith(f"store {store}: 5 files, 9 documents")
    out = tmp_path / "duties.jsonl"
    result = runner.invoke(app, ["export", "duties", "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert {"source_file", "document", "task_id", "section", "section_title", "text", "start", "end", "units",
            "open_list", "sector"} <= set(json.loads(lines[0]))
    result = runner.invoke(app, ["export", "documents", "--store", str(store)])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 9
    result = runner.invoke(app, ["export", "rdf", "--store", str(store), "--format", "nt"])
    assert result.exit_code == 0 and result.output.startswith("<https://w3id.org/safety-duty/id/")


@pytest.mark.parametrize("args", [["export", "documents"], ["query", "document_overview"]])
def test_dash_output_is_stdout(corpus_store_dir, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    plain = runner.invoke(app, args + ["--store", str(corpus_store_dir)])
    dashed = runner.invoke(app, args + ["--store", str(corpus_store_dir), "-o", "-"])
    assert dashed.exit_code == 0, dashed.output
    assert dashed.stdout == plain.stdout and len(plain.stdout.splitlines()) >= 9
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["export", "duties", "--store", "{tmp}/none"], 2, "kg: {tmp}/none: no built store here"),
        (["build", "{tmp}/missing.txt", "--store", "{tmp}/s"], 2, "{tmp}/missing.txt: error: no such file or folder"),
        (["query", "nope", "--store", "{tmp}/s"], 2, "kg: unknown query 'nope'"),
        (["export", "rdf", "--format", "xml"], 2, "Invalid value for '--format'"),
    ],
)
def test_cli_errors_are_one_line_with_exit_code(tmp_path, args, code, message):
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == code
    assert message.replace("{tmp}", str(tmp_path)) in result.output
    assert "Traceback" not in result.output


def test_cli_query_list_and_run(corpus_store_dir):
    listed = runner.invoke(app, ["query", "--list"])
    assert listed.exit_code == 0 and "unit_portfolio — Unit portfolio" in listed.output
    assert "--param unit=… (string, required)" in listed.output
    result = runner.invoke(app, ["query", "unit_portfolio", "--param", "unit=市应急局", "--format", "json",
                                 "--store", str(corpus_store_dir)])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows and {r["canonical"] for r in rows} >= {"临汾市应急管理局"}
    bad = runner.invoke(app, ["query", "unit_portfolio", "--param", "unit", "--store", str(corpus_store_dir)])
    assert bad.exit_code == 2 and "expected NAME=VALUE" in bad.output


def test_cli_free_sparql_from_stdin(corpus_store_dir):
    text = "PREFIX sd: <https://w3id.org/safety-duty/ontology#> SELECT (COUNT(?t) AS ?tasks) WHERE { ?t a sd:Task }"
    result = runner.invoke(app, ["query", "--sparql", "-", "--format", "csv", "--store", str(corpus_store_dir)], input=text)
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "tasks" and int(result.output.splitlines()[1]) > 150
