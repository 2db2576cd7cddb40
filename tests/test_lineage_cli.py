"""`kg lineage` over the built corpus: 003 interprets 临政发〔2024〕1号 and its tasks align to the notice's."""

import json

from typer.testing import CliRunner

from cli import app


def test_lineage_json_links_and_alignments(corpus_store_dir):
    result = CliRunner().invoke(app, ["lineage", "--store", str(corpus_store_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    links = {(lk["citing"], lk["cited"], lk["via"], lk["resolved"]) for lk in data["links"]}
    assert ("003_910978ec7eaa2ee3#1", "临政发〔2024〕1号", "number", True) in links
    assert ("003_910978ec7eaa2ee3#1", "临政发〔2024〕1号", "title", True) in links
    assert ("003_910978ec7eaa2ee3#1", "晋政发〔2024〕1号", "number", False) in links
    [pair] = data["documents"]
    assert (pair["child"], pair["parent"]) == ("003_910978ec7eaa2ee3#1", "临政发〔2024〕1号")
    assert all(0 < a["score"] <= 1 for a in pair["alignments"])
    assert len(pair["alignments"]) + len(pair["unaligned_child_tasks"]) == 35  # 003 has 35 tasks


def test_lineage_table_and_bad_format(corpus_store_dir):
    runner = CliRunner()
    table = runner.invoke(app, ["lineage", "--store", str(corpus_store_dir)])
    assert table.exit_code == 0
    assert "003_910978ec7eaa2ee3#1 implements 临政发〔2024〕1号" in table.output
    missing = runner.invoke(app, ["lineage", "--store", "/nonexistent/store"])
    assert missing.exit_code == 2 and len(missing.output.strip().splitlines()) == 1
