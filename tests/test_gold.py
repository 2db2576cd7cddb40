"""Extraction against the hand-made gold of corpus/002, and against messy variants of the same text.

A variant re-prints the notice the way other sources do (PDF line breaks every ~20 characters with
half-width punctuation; CRLF with 【】 brackets and no markdown): the duties and units must not change.
"""

import json
import re
import unicodedata
from pathlib import Path

import pytest

from loaders import load_text

GOLD = json.loads((Path(__file__).parent / "data/gold/002_2c59d4dd41e2de7b.json").read_text(encoding="utf-8"))


def _n(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or "")).replace("*", "")


def pdf_like(src: str) -> str:
    t = src.replace("**", "").replace("#", "")
    t = t.translate(str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";"}))
    out = []
    for para in t.split("\n"):
        para = para.strip()
        for i in range(0, len(para), 21):
            out += [para[i:i + 21], ""]
        if para:
            out.append("    ")
    return "\n".join(out)


def crlf_square(src: str) -> str:
    t = src.replace("**", "")
    t = re.sub(r"（(县[^（）]*(?:（[^（）]*）[^（）]*)*(?:负责|落实|列出))）", r"【\1】", t)
    return "\r\n".join(line for line in t.split("\n") if line.strip()).replace("\r\n", "\n")


VARIANTS = {"as-is": lambda s: s, "pdf-like": pdf_like, "crlf-square-brackets": crlf_square}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_gold_duties_units_roles_kinds(corpus_dir, variant):
    src = (corpus_dir / GOLD["file"]).read_text(encoding="utf-8")
    sf = load_text(VARIANTS[variant](src), GOLD["file"])
    tasks = [t for d in sf.documents for t in d.tasks]
    gdoc = GOLD["documents"][0]
    doc = sf.documents[0]
    assert (doc.number, doc.issuer, _n(doc.title), doc.date) == (gdoc["number"], gdoc["issuer"], gdoc["title"], gdoc["date"])
    assert [_n(x) for x in doc.cited_regulations] == [_n(x) for x in gdoc["cited_regulations"]]
    defaults: list[dict] = []
    claimed = set()
    for duty in gdoc["duties"]:
        found = [t for t in tasks if _n(duty["anchor"]) in _n(t.text)]
        assert len(found) == 1, duty["id"]
        t = found[0]
        assert t.id not in claimed, f"{duty['id']} merged"
        claimed.add(t.id)
        expected = {(_n(u["name"]), u["role"], u["kind"]) for u in duty["units"] + defaults}
        got = {(_n(a.name), a.role, a.kind) for a in t.assignments}
        assert got == expected, duty["id"]
        assert t.open_list == duty["open_list"], duty["id"]
        for d in gdoc["defaults"]:
            if _n(d["after_anchor"]) == _n(duty["anchor"]):
                defaults = defaults + d["units"]
