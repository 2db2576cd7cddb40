"""Tasks from task-division tables: where a row restates a body task, its units, and rows of their own.

A row restated word for word or with edits cuts the body where its text begins (`match_rows`); one restated in
other words gives its units to the unowned body task it resembles most (`paraphrased_rows`); the other rows
become tasks of their own (`table_only_tasks`), those of one unit's list of duties (职责清单) with that unit.
`d` is the document being assembled (loaders.pipeline): its clean text, offsets and unit assignments.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.model import Assignment, Section, Task
from loaders import patterns as P
from loaders.actors import joint_partners, sentence_actors
from loaders.attribution import parse_attribution
from loaders.normalize import clean, spaced_unit_list, squash
from loaders.tables import Table, TableRow, restatements
from loaders.tasks import Piece, deadline_only, skip_space
from loaders.units import canonical_name, is_unit_like, unit_kind

if TYPE_CHECKING:
    from loaders.pipeline import _Doc as Doc

__all__ = ["match_rows", "row_for", "row_units", "paraphrased_rows", "table_only_tasks", "inline_row"]


_FULL_STOPS = "。！？；"  # a restated text ending in one of these may be followed by a task of its own


_KEY_WIDEN = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})


def _match_key(s: str) -> str:
    s = squash(s).translate(_KEY_WIDEN)
    return P.LINE_START_MARKER.sub("", s, count=1) if P.LINE_START_MARKER.match(s) else s


# at most four characters between a boundary and where a row's restated text begins: they begin the body task
_ROW_LEAD = re.compile(r"(?<=[\n。；．、）：])[\u4e00-\u9fff]{1,4}$")


def match_rows(d: Doc, doc_tables, start: int, end: int) -> tuple[dict[int, TableRow], list[int]]:
    """Where each table row's restated text begins in the body (clean offset -> the row), and where
    the text after such a restatement begins (clean offsets: the row's task ends there)."""
    if not doc_tables:
        return {}, []
    text = d.text
    flat = text[start:end].replace("\n", "")
    flat_idx: list[int] = []  # clean offset of each character of flat
    pos = start
    for line in text[start:end].split("\n"):
        flat_idx.extend(range(pos, pos + len(line)))
        pos += len(line) + 1
    rows = [row for _, _, table in doc_tables for row in table.rows]
    cuts: dict[int, TableRow] = {}
    ends: list[int] = []
    for row, span in zip(rows, restatements(flat, [_match_key(row.task.text) for row in rows])):
        if span is not None:
            k = flat_idx[span[0]]
            lead = _ROW_LEAD.search(text, max(start, k - 5), k)  # "持续" of 持续开展…: the row leaves out a word
            cuts[lead.start() if lead else k] = row
            e = flat_idx[span[1] - 1] + 1
            nxt = skip_space(text, e, end)
            if text[e - 1] in _FULL_STOPS and P.TEXT_CHAR.match(text, nxt):
                ends.append(nxt)
    return cuts, ends


def row_for(p: Piece, row_cuts: dict[int, TableRow], text: str) -> TableRow | None:
    for pos, row in row_cuts.items():
        if p.start <= pos < p.end and (pos == p.start or not P.TEXT_CHAR.search(text, p.start, pos)
                                       or pos - p.start <= 40 and "。" not in text[p.start:pos][:-1]):
            return row
    return None


_BR = re.compile(r"<br\s*/?>", re.I)


@lru_cache(maxsize=4096)  # unit cells repeat from row to row
def _cell_content(text: str) -> str:
    # "市经信局<br>市交通运输局" (a markdown cell), "市交通运输局 市公安局"
    return _BR.sub("、", clean(spaced_unit_list(text)).text.replace("\n", ""))


def row_units(d: Doc, row: TableRow) -> tuple[list[Assignment], bool]:
    units: list[Assignment] = []
    open_list = False
    for role, cell in row.units:
        content = _cell_content(cell.text)
        a = parse_attribution(content, table=True)
        if a is None:
            continue
        open_list |= a.open_list
        for r in a.units:
            name = squash(cell.text[r.start:r.end]) if len(cell.text) == len(content) else r.name
            rs = cell.start + r.start if len(cell.text) == len(content) else cell.start
            re_ = cell.start + r.end if len(cell.text) == len(content) else cell.end
            role_ = r.role if role == "responsible" else role
            canonical, function = canonical_name(name, d.fr.jurisdiction)
            units.append(Assignment(name=name, canonical=canonical, role=role_, kind=unit_kind(name),
                                    function=function, source="table", start=rs, end=re_))
    return units, open_list


_PARAPHRASE_SHARE = 0.7  # of a row's characters found, in order, in the start of a body task that names no one


def paraphrased_rows(d: Doc, doc_tables, row_cuts, tasks: list[Task]) -> tuple[list[Task], set[int]]:
    """Rows that restate a body task in other words ("露天矿山边坡和排土场专项治理" for "开展露天矿山边坡稳定性和排土场安全
    专项治理…") give their units to the task that names no one and resembles them most; ids of the rows used."""
    matched = {id(r) for r in row_cuts.values()}
    rows = [row for _, _, table in doc_tables for row in table.rows if id(row) not in matched]
    free = [k for k, t in enumerate(tasks) if t.source == "none" and not any(not a.inherited for a in t.assignments)]
    used: set[int] = set()
    if not rows or not free:
        return tasks, used
    tasks = list(tasks)
    for row in rows:
        key = _match_key(row.task.text)
        if len(key) < 6:
            continue
        best, best_k = 0.0, None
        for k in free:
            body = _match_key(tasks[k].text)[: 2 * len(key)]
            blocks = SequenceMatcher(None, key, body, autojunk=False).get_matching_blocks()
            share = sum(b.size for b in blocks if b.size >= 2) / len(key)
            if share > best:
                best, best_k = share, k
        if best_k is None or best < _PARAPHRASE_SHARE:
            continue
        units, open_list = row_units(d, row)
        t = tasks[best_k]
        tasks[best_k] = replace(t, assignments=tuple(units) + t.assignments, source="table", open_list=open_list)
        free.remove(best_k)
        used.add(id(row))
        if not free:
            break
    return tasks, used


def _owner_row_units(d: Doc, row: TableRow, owner: Assignment) -> list[Assignment]:
    """The units of a row in one unit's list of duties: the unit (lead when the row opens with 牵头), then the units
    the row's own text names ("牵头开展…，市自然资源和规划局配合")."""
    first = replace(owner, role="lead") if P.JOINT.match(row.task.text) is None and row.task.text.startswith(
        _LEAD_OPENING) else owner
    cb, ce = d.ct.clean_index(row.task.start), d.ct.clean_index(row.task.end)
    roles = [*sentence_actors(d.text[cb:ce]), *joint_partners(d.text[cb:ce])]
    more = [u for u in d.assignments(roles, cb, "in_sentence") if u.name != owner.name]
    return [first] + more


_LEAD_OPENING = "牵头"


def _title_owner(d: Doc, sections: list[Section], table: Table) -> Assignment | None:
    """The unit a table without unit columns belongs to: the title of the heading above it when that is a unit's
    name ("一、市应急管理局" over 序号 | 类别 | 具体内容, one department's list of duties), responsible; else None."""
    above = [s for s in sections if s.start <= table.start]
    if not above:
        return None
    sec = max(above, key=lambda s: s.start)
    name = sec.title
    if not (is_unit_like(name) and P.UNIT_SUFFIX.search(name)):
        return None
    at = d.raw.find(name, sec.start, table.start)
    rs, re_ = (at, at + len(name)) if at >= 0 else (sec.start, sec.start)
    canonical, function = canonical_name(name, d.fr.jurisdiction)
    return Assignment(name=name, canonical=canonical, role="responsible", kind=unit_kind(name), function=function,
                      source="table", start=rs, end=re_)


def table_only_tasks(d: Doc, doc_tables, row_cuts, sections, paraphrased: set[int] = frozenset()) -> list[Task]:
    """Rows that restate no body task become tasks of their own."""
    matched = {id(r) for r in row_cuts.values()} | paraphrased
    out = []
    k = 0
    for _, _, table in doc_tables:
        owner = None if any(r.units for r in table.rows) else _title_owner(d, sections, table)
        for row in table.rows:
            if id(row) in matched:
                continue
            k += 1
            units, open_list = row_units(d, row)
            if not units and owner is not None:
                units = _owner_row_units(d, row, owner)
            sid = f"{d.id}/table"
            sectors = d.sectors(list(row.context), squash(row.task.text))
            end = row.line_end if row.line_end > row.task.end else row.task.end  # a one-line row: task to owners
            out.append(Task(
                id=f"{sid}/t{k}", section_id=sid, ordinal=k, text=squash(d.raw[row.task.start:end]),
                start=row.task.start, end=end, quote=d.raw[row.task.start:end], assignments=tuple(units),
                source="table", open_list=open_list, sector=sectors[0] if sectors else None,
                sectors=tuple(sectors),
            ))
    return out


def inline_row(text: str, a: int, b: int):
    """A table row a copy ran into its task's paragraph, cells behind bars ("1.制定…清单。|市安委办（工作专班办公室）|
    1月20日前||"): the attribution of its first cell after the task's that reads as units, and where that cell
    begins (clean offset); None when the piece holds no bar or no such cell."""
    if "|" not in text[a:b]:
        return None
    pos = text.index("|", a, b) + 1
    while pos < b:
        end = text.find("|", pos, b)
        end = b if end < 0 else end
        cell = text[pos:end].strip()
        if cell and not deadline_only(cell):
            found = parse_attribution(cell, table=True)
            if found is not None and found.units and all(is_unit_like(r.name) for r in found.units):
                return found, pos + (len(text[pos:end]) - len(text[pos:end].lstrip()))
            return None  # the first cell after the task's names no unit: no row of a task table
        pos = end + 1
    return None
