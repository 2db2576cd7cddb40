"""The generated benchmark corpus (benchmarks/make_corpus.py): deterministic, realistic, and honest about what it plants."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import statistics
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from kg.model import ATTRIBUTION_SOURCES, DOCUMENT_KINDS, LEVELS, ROLES, UNIT_KINDS

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
sys.path.insert(0, str(BENCH))

from corpusgen import generate, generate_file  # noqa: E402

SECTORS = {"coal_mine", "non_coal_mine", "hazardous_chemicals", "metallurgy_industry_trade", "road_transport",
           "construction", "self_built_housing", "gas", "fire", "special_equipment", "forest_grassland_fire",
           "flood_drought", "geological_disaster", "earthquake", "meteorological_disaster", "emergency_rescue",
           "education_training", "general"}


def norm(s: str) -> str:
    """The scorer's comparison form (../shared/eval/score.py): NFKC, no whitespace, no asterisks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)).replace("*", "")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """40 generated files (seed 1): enough to see every shape at least once."""
    out = tmp_path_factory.mktemp("gen40")
    generate(40, "1", out)
    return out


@pytest.fixture(scope="module")
def texts(corpus) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))}


@pytest.fixture(scope="module")
def normed(texts) -> dict[str, str]:
    return {name: norm(t) for name, t in texts.items()}


@pytest.fixture(scope="module")
def truth(corpus) -> list[dict]:
    return [json.loads(line) for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def golds(corpus) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "gold").glob("*.json"))]


def _load_scorer():
    if not SCORER.exists():
        pytest.skip(f"the shared scorer is absent ({SCORER})")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(duties: list[dict], golds: list[dict]) -> tuple[float, str]:
    scorer = _load_scorer()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        f1 = scorer.score(duties, [], golds, verbose=True)
    return f1, out.getvalue()


# -- determinism ------------------------------------------------------------------------------

def test_same_n_and_seed_give_byte_identical_output(tmp_path):
    generate(6, "7", tmp_path / "a")
    generate(6, "7", tmp_path / "b")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len([n for n in a if n.endswith(".txt")]) == 6
    assert a == b


def test_another_seed_gives_other_notices(tmp_path):
    assert generate_file("7", 0).text != generate_file("8", 0).text


def test_a_small_corpus_is_a_prefix_of_a_larger_one(tmp_path):
    generate(2, "7", tmp_path / "small")
    generate(4, "7", tmp_path / "large")
    small = _files(tmp_path / "small")
    large = _files(tmp_path / "large")
    assert {n: v for n, v in small.items() if n.endswith(".txt")}.items() <= large.items()


def test_rerun_into_the_same_folder_leaves_no_stale_files(tmp_path):
    generate(5, "7", tmp_path)
    generate(3, "9", tmp_path)
    assert len(list(tmp_path.glob("*.txt"))) == 3
    assert len(list((tmp_path / "gold").glob("*.json"))) == 3


# -- what is planted --------------------------------------------------------------------------

def test_every_anchor_occurs_once_in_its_file_or_twice_when_a_table_restates_it(truth, normed):
    for t in truth:
        text = normed[t["source_file"]]
        want = 2 if t["restated_in_table"] else 1
        assert 18 <= len(norm(t["anchor"])) <= 20, t
        assert text.count(norm(t["anchor"])) == want, (t["id"], t["anchor"])


def test_anchors_are_unique_within_each_file(truth):
    seen: dict[str, set[str]] = {}
    for t in truth:
        key = norm(t["anchor"])
        assert key not in seen.setdefault(t["source_file"], set()), t["id"]
        seen[t["source_file"]].add(key)


def test_truth_lines_match_the_gold_files_and_the_manifest(corpus, truth, golds):
    gold_ids = [d["id"] for g in golds for doc in g["documents"] for d in doc["duties"]]
    assert [t["id"] for t in truth] == gold_ids
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["files"], manifest["duties"]) == (40, len(truth))
    assert manifest["documents"] == sum(len(g["documents"]) for g in golds)
    assert manifest["assignments"] == sum(len(t["units"]) for t in truth)


def test_gold_files_follow_the_gold_schema(golds, texts):
    assert {g["file"] for g in golds} == set(texts)
    for g in golds:
        for doc in g["documents"]:
            assert doc["kind"] in DOCUMENT_KINDS and doc["level"] in LEVELS
            assert doc["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["date"])
            for duty in doc["duties"]:
                assert duty["source"] in ATTRIBUTION_SOURCES and duty["sector"] in SECTORS
                assert all(re.fullmatch(r"[一二三四五六七八九十\d]+|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+部分", s)
                           for s in duty["section"]), duty["section"]
                for u in duty["units"]:
                    assert u["role"] in ROLES and u["kind"] in UNIT_KINDS and u["name"] == re.sub(r"\s", "", u["name"])
            for d in doc["defaults"]:
                assert d["after_anchor"] in {x["anchor"] for x in doc["duties"]}


def test_every_unit_name_is_printed_in_its_file(truth, normed):
    for t in truth:
        text = normed[t["source_file"]]
        for u in t["units"]:
            assert norm(u["name"]) in text, (t["id"], u["name"])


def test_a_perfect_extraction_scores_one(truth, golds):
    """The gold is self-consistent: tasks carrying exactly the planted units (defaults inherited) score F1 = 1."""
    duties = [{"source_file": t["source_file"], "text": t["anchor"] + "……", "open_list": t["open_list"], "sector": t["sector"],
               "units": [dict(u, inherited=False) for u in t["units"]] + [dict(u, inherited=True) for u in t["inherited"]]}
              for t in truth]
    f1, report = _score(duties, golds)
    assert f1 == 1.0, report[-2000:]


def test_dropping_a_unit_lowers_the_score(truth, golds):
    duties = [{"source_file": t["source_file"], "text": t["anchor"], "units": t["units"][1:] + t["inherited"]} for t in truth]
    f1, _ = _score(duties, golds)
    assert f1 < 0.95


# -- realism: sizes and shapes -----------------------------------------------------------------

def test_sizes_are_those_of_real_notices(corpus):
    sizes = [p.stat().st_size for p in corpus.glob("*.txt")]
    assert 12_000 <= statistics.median(sizes) <= 40_000
    assert sum(8_000 <= s <= 60_000 for s in sizes) >= 0.85 * len(sizes)


@pytest.mark.parametrize(
    ("shape", "pattern"),
    [
        ("PDF line breaks with blank lines between", r"\n\n[^\n]{15,24}\n\n[^\n]{15,24}\n\n"),
        ("half-width punctuation", r"[\u4e00-\u9fff],[\u4e00-\u9fff]"),
        ("stray spaces around numbers", r"[\u4e00-\u9fff] \d+ [\u4e00-\u9fff]"),
        ("page header of a reply letter", r"\n \n[\u4e00-\u9fff]\n \n"),
        ("markdown heading", r"(?m)^## [一二三四五六七八九十]+、"),
        ("markdown bold item title", r"\*\*（[一二三四五六七八九十]+）[^*]+。\*\*"),
        ("top-level numbering 一、", r"(?m)^[一二三四五六七八九十]+、"),
        ("full-width (一)", r"(?m)^（[一二三四五六七八九十]+）"),
        ("half-width (一)", r"(?m)^\([一二三四五六七八九十]+\)"),
        ("numbering 1.", r"(?m)^\d+\. ?[\u4e00-\u9fff]"),
        ("numbering 一是", r"一是"),
        ("numbering 第一部分", r"第一部分："),
        ("task-division table", r"重点任务分工\n\n\t主要内容\n\t具体事项\n\t工作任务\n\t责任单位"),
        ("blank table cell inheriting from above", r"\n\t\n\t"),
        ("reply letter pronoun", r"你局"),
        ("policy interpretation", r"政策解读"),
    ],
)
def test_layout_shapes_of_the_corpus_appear(texts, shape, pattern):
    assert any(re.search(pattern, t) for t in texts.values()), shape


@pytest.mark.parametrize(
    ("form", "pattern"),
    [
        ("分工负责", r"分工负责[)）\]】]"),
        ("按职责分工负责", r"按职责分工负责"),
        ("牵头 + 分工负责", r"牵头,[^()（）]*分工负责"),
        ("牵头 + 配合", r"牵头,[^()（）]*配合[)）\]】]"),
        ("会同", r"会同[^()（）]*分工负责"),
        ("督促企业落实", r"督促企业落实"),
        ("督促落实 without an enterprise", r"[局委]督促落实"),
        ("负责并督促企业落实", r"负责并督促企业落实"),
        ("责任单位: label", r"[(（\[【]责任单位[:：]"),
        ("牵头单位 + 配合单位 labels", r"牵头单位[:：][^;；]+[;；]配合单位[:：]"),
        ("由X负责，Y配合 opening clause", r"由[^,，。]+(负责|牵头),[^,，。]+配合。"),
        ("open list 等部门", r"等(有关|相关)?部门(分工)?负责"),
        ("square brackets", r"\[[^\]]+负责\]"),
        ("lenticular brackets", r"【[^】]+】"),
        ("blanket default", r"以下均(需|由)[^,，]+负责,不再(一一|逐一)列出"),
        ("in-sentence actor", r"(各级各部门|企业|有关部门|监管部门)(要|必须|应当)"),
        ("unit abbreviation", r"市应急局"),
        ("unit full name", r"市应急管理局"),
        ("unit name with 和 inside", r"(规划和自然资源局|住房和城乡建设局|文化和旅游局|发展和改革)"),
        ("cited regulation", r"《[^》]+》"),
    ],
)
def test_attribution_forms_of_the_genre_appear(normed, form, pattern):
    # as the scorer sees the text: NFKC (half-width brackets and colons), whitespace removed
    assert any(re.search(pattern, t) for t in normed.values()), form


def test_jurisdictions_of_every_level_and_several_provinces(golds):
    docs = [d for g in golds for d in g["documents"]]
    assert {d["level"] for d in docs} == set(LEVELS)
    assert {d["kind"] for d in docs} >= {"notice", "reply", "interpretation"}
    assert len({d["jurisdiction"] for d in docs}) >= 12
    assert len({(d["date"] or "")[:4] for d in docs if d["date"]}) >= 4


def test_document_numbers_are_unique_in_the_corpus(tmp_path):
    """Distinct documents never share a 文号 (ids are minted from it), even past one round of slots."""
    from corpusgen.generate import _slots

    n = len(_slots("3")) + 40
    numbers = [d["number"] for i in range(n) for d in generate_file("3", i).gold["documents"] if d["number"]]
    assert len(numbers) == len(set(numbers))


# -- the command -------------------------------------------------------------------------------

def test_command_writes_the_corpus_and_says_what_it_planted(tmp_path):
    run = subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), "3", "--seed", "5", "-o", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"] == 3 and len(list(tmp_path.glob("*.txt"))) == 3
    assert run.stdout.startswith(f"3 files, {manifest['documents']} documents, {manifest['duties']} tasks")


def test_command_rejects_a_negative_count(tmp_path):
    run = subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), "-1", "-o", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "N must be >= 0" in run.stderr and "Traceback" not in run.stderr


# -- the loaders against what was planted ------------------------------------------------------

def test_loaders_recover_the_planted_attributions(tmp_path):
    """(duty, unit) F1 >= 0.99 over a small generated corpus, scored by the shared scorer."""
    from loaders import load_file

    _load_scorer()
    generate(12, "1", tmp_path)
    duties = []
    for path in sorted(tmp_path.glob("*.txt")):
        sf = load_file(path)
        for doc in sf.documents:
            for task in doc.tasks:
                duties.append({"source_file": sf.source_file, "text": task.text, "open_list": task.open_list,
                               "sector": task.sector,
                               "units": [{"name": a.name, "canonical": a.canonical, "role": a.role, "kind": a.kind,
                                          "inherited": a.inherited} for a in task.assignments]})
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((tmp_path / "gold").glob("*.json"))]
    f1, report = _score(duties, golds)
    misses = "\n".join(line for line in report.splitlines() if line.startswith("  "))
    assert f1 >= 0.99, f"F1 {f1:.3f} < 0.99; mismatches:\n{misses}"
