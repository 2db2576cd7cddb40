"""What a generated file plants, in the gold-annotation shape of ../shared/eval/GOLD_SCHEMA.md."""

from __future__ import annotations

import re
import unicodedata

from .compose import Doc, Duty
from .render import punct

__all__ = ["norm", "AnchorError", "anchors", "gold_file", "truth_lines"]

_WS = re.compile(r"\s+")
_REG = re.compile(r"《([^《》]+)》")
ANCHOR_LEN = (18, 19, 20)


def norm(s: str) -> str:
    """The scorer's comparison form: NFKC, no whitespace, no markdown asterisks."""
    return _WS.sub("", unicodedata.normalize("NFKC", s)).replace("*", "")


def _printed(s: str, layout: str) -> str:
    return _WS.sub("", punct(s, layout))


class AnchorError(ValueError):
    """A duty's first words are not unique in its file (the file is regenerated with another draw)."""


def anchors(docs: list[Doc], raw: str, layout: str) -> list[str]:
    """The anchor of every duty in file order: its first 18-20 characters, found where expected and nowhere else."""
    text = norm(raw)
    out = []
    for d in docs:
        for duty in d.duties:
            own = _printed(duty.own_text, layout)
            want = 2 if duty.restated else 1
            for n in ANCHOR_LEN:
                a = own[:n]
                if text.count(norm(a)) == want:
                    out.append(a)
                    break
            else:
                raise AnchorError(f"anchor {own[:20]!r} occurs {text.count(norm(own[:20]))} times, want {want}")
    return out


def _units(duty: Duty, layout: str) -> list[dict]:
    seen, out = set(), []
    for unit, role in duty.units:
        u = {"name": _printed(unit.name, layout), "role": role, "kind": unit.kind}
        if (u["name"], role) not in seen:
            seen.add((u["name"], role))
            out.append(u)
    return out


def _doc_text(d: Doc) -> str:
    return "".join(b.prefix + b.text + "".join(b.cells) for b in d.blocks)


def gold_file(name: str, docs: list[Doc], anchor_list: list[str], layout: str) -> dict:
    prefix = name.split("_")[0]
    it = iter(anchor_list)
    k = 0
    documents = []
    for d in docs:
        m = d.meta
        regs = []
        for r in _REG.findall(_doc_text(d)):
            r = _printed(r, layout)
            if r not in regs:
                regs.append(r)
        duties, defaults = [], []
        for duty in d.duties:
            k += 1
            anchor = next(it)
            duties.append({"id": f"{prefix}-d{k}", "section": list(duty.section),
                           "section_title": _printed(duty.section_title, layout).rstrip("。"),
                           "anchor": anchor, "sector": duty.sector, "units": _units(duty, layout),
                           "source": duty.source, "open_list": duty.open_list})
            if duty.declares:
                defaults.append({"after_anchor": anchor, "units": [
                    {"name": _printed(u.name, layout), "role": "responsible", "kind": u.kind} for u in duty.declares]})
        documents.append({
            "number": _printed(m["number"], layout) if m["number"] else None,
            "issuer": m["issuer"], "title": _printed(m["title"], layout), "date": m["date"],
            "jurisdiction": m["jurisdiction"], "level": m["level"], "kind": m["kind"],
            "addressees": [_printed(a, layout) for a in m["addressees"]],
            "cited_regulations": regs,
            "cited_document_numbers": [_printed(x, layout) for x in m["cited_document_numbers"]],
            "defaults": defaults, "duties": duties})
    return {"file": name, "documents": documents}


def truth_lines(name: str, gold: dict, docs: list[Doc]) -> list[dict]:
    """One line per planted task: the gold duty plus the defaults in force and whether a table restates it."""
    out = []
    for gd, d in zip(gold["documents"], docs):
        inherited: list[dict] = []
        for g, duty in zip(gd["duties"], d.duties):
            out.append({"source_file": name, "document": gd["number"] or gd["title"], "id": g["id"],
                        "section": g["section"], "section_title": g["section_title"], "anchor": g["anchor"],
                        "units": g["units"], "inherited": inherited, "source": g["source"],
                        "open_list": g["open_list"], "sector": g["sector"], "restated_in_table": duty.restated})
            for dflt in gd["defaults"]:
                if dflt["after_anchor"] == g["anchor"]:
                    inherited = inherited + dflt["units"]
    return out
