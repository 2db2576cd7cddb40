"""Pick what each file holds, compose, print, check the anchors and write everything out."""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .compose import Doc, compose_interpretation, compose_notice, compose_reply
from .gold import AnchorError, anchors, gold_file, truth_lines
from .render import render
from .vocab import Jurisdiction, vocab

__all__ = ["FileResult", "generate_file", "generate", "generator_sha", "KINDS"]

# (layout, style, weight): 000 pdf+paren (+replies), 004 pdf+sentence, 001 clean+table, 002 markdown+paren, 003 spaced interpretation
KINDS = (("pdf", "paren", 25), ("pdf", "sentence", 13), ("clean", "table", 20), ("clean", "paren", 10),
         ("markdown", "paren", 20), ("markdown", "sentence", 2), ("spaced", "interpretation", 10))


_OURS = re.compile(r"^\d{5}_[0-9a-f]{16}\.(txt|json)$")


@dataclass(frozen=True)
class FileResult:
    name: str
    text: str
    gold: dict
    truth: list[dict]


YEARS = tuple(range(2019, 2026))


@lru_cache(maxsize=None)
def _slots(seed: str) -> tuple[tuple[Jurisdiction, int], ...]:
    """Every (jurisdiction, year) once, in an order fixed by the seed (not by N)."""
    pairs = [(j, y) for j in vocab().jurisdictions for y in YEARS]
    random.Random(f"{seed}:slots").shuffle(pairs)
    return tuple(pairs)


def _compose(rng: random.Random, seed: str, index: int) -> tuple[list[Doc], str]:
    """File `index` is issued by the jurisdiction and in the year of its slot; its 文号 are unique in the corpus."""
    slots = _slots(seed)
    j, year = slots[index % len(slots)]
    round_ = index // len(slots)
    kinds = [k for k in KINDS if k[1] != "interpretation" or j.level == "county"]
    layout, style, _ = rng.choices(kinds, [k[2] for k in kinds])[0]
    budget = rng.randint(4200, 16000)
    if style == "interpretation":
        return [compose_interpretation(rng, j, year, max(4200, min(budget, 7000)))], layout
    replies = rng.choice([0, 0, 1, 2, 3, 4]) if (layout, style) == ("pdf", "paren") and j.level == "city" else 0
    docs = [compose_notice(rng, j, year, style, layout, budget - 600 * replies, round_)]
    month = int(docs[0].meta["date"][5:7])
    seqs = sorted(rng.sample(range(round_ * 100 + 5, round_ * 100 + 100), replies))
    docs += [compose_reply(rng, j, year, month, s) for s in seqs]
    return docs, layout


def generate_file(seed: int | str, index: int) -> FileResult:
    """File number `index` of a corpus: depends only on (seed, index)."""
    for attempt in range(20):
        rng = random.Random(f"{seed}:{index}:{attempt}")
        docs, layout = _compose(rng, str(seed), index)
        text = render(docs, layout, rng)
        try:
            anchor_list = anchors(docs, text, layout)
        except AnchorError:
            continue
        name = f"{index:05d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt"
        gold = gold_file(name, docs, anchor_list, layout)
        return FileResult(name, text, gold, truth_lines(name, gold, docs))
    raise RuntimeError(f"file {index}: no draw with unique anchors")  # pragma: no cover


def generator_sha() -> str:
    """SHA-256 over the generator's code and word lists: a corpus made by other code is made again."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(here.glob("*.py")) + sorted((here.parent / "data").glob("*")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def generate(n: int, seed: int | str, out_dir: Path) -> dict:
    """Write n files and what they plant into out_dir; returns the manifest."""
    out_dir = Path(out_dir)
    (out_dir / "gold").mkdir(parents=True, exist_ok=True)
    for old in sorted(out_dir.glob("*.txt")) + sorted((out_dir / "gold").glob("*.json")):
        if _OURS.match(old.name):  # a previous run's files: their names change with their content
            old.unlink()
    totals = {"files": 0, "documents": 0, "duties": 0, "assignments": 0, "bytes": 0}
    with open(out_dir / "truth.jsonl", "w", encoding="utf-8", newline="\n") as truth:
        for i in range(n):
            r = generate_file(seed, i)
            data = r.text.encode("utf-8")
            (out_dir / r.name).write_bytes(data)
            (out_dir / "gold" / (r.name[:-4] + ".json")).write_text(
                json.dumps(r.gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8", newline="\n")
            for line in r.truth:
                truth.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
            totals["files"] += 1
            totals["documents"] += len(r.gold["documents"])
            totals["duties"] += len(r.truth)
            totals["assignments"] += sum(len(t["units"]) for t in r.truth)
            totals["bytes"] += len(data)
    manifest = {"generator": "benchmarks/make_corpus.py", "generator_sha": generator_sha(), "n": n, "seed": seed, **totals}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                           encoding="utf-8", newline="\n")
    return manifest
