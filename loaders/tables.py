"""Task-division tables (重点任务分工) flattened to one tab-indented cell per line.

Rows are separated by blank lines; blank cells inherit from the row above; the header row
(主要内容 / 具体事项 / 工作任务 / 责任单位 …) may repeat. Rows can carry an extra cell (a
merged sub-item such as "2.落实部门监管责任"), so columns are aligned from the right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cell", "TableRow", "Table", "find_tables"]

_HEADER_WORDS = re.compile(r"^(?:序号|主要内容|具体事项|工作任务|重点任务|任务内容|具体任务|工作内容|主要任务|工作措施|"
                           r"责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|完成时限|时间节点|完成时间|备注)$")
_TITLE = re.compile(r"^\s*(?:附件\s*\d*\s*[:：]?\s*)?(?:重点)?(?:工作)?任务(?:分工|清单|分解)(?:表|方案)?\s*$|^\s*责任分工(?:表)?\s*$")
UNIT_COLUMNS = {"责任单位": "responsible", "责任部门": "responsible", "牵头单位": "lead", "牵头部门": "lead",
                "配合单位": "support", "配合部门": "support"}
TASK_COLUMNS = ("工作任务", "重点任务", "任务内容", "具体任务", "工作内容", "主要任务", "工作措施", "具体事项")


@dataclass(frozen=True)
class Cell:
    text: str  # raw cell text, stripped
    start: int  # raw offsets
    end: int


@dataclass(frozen=True)
class TableRow:
    context: tuple[str, ...]  # headings the row sits under (inherited when blank)
    task: Cell
    units: tuple[tuple[str, Cell], ...]  # (role column, cell)


@dataclass(frozen=True)
class Table:
    start: int  # raw offsets of the whole table (title to last cell)
    end: int
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]


def _raw_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Groups of consecutive tab-indented lines from `pos`; returns rows and the end offset."""
    rows: list[list[Cell]] = []
    cur: list[Cell] = []
    end = pos
    for m in re.finditer(r"[^\n]*(?:\n|$)", raw[pos:]):
        line = m.group(0)
        s = pos + m.start()
        if not line:
            break
        body = line.rstrip("\n")
        if body.startswith("\t"):
            text = body.strip()
            lead = len(body) - len(body.lstrip())
            cur.append(Cell(text, s + lead, s + lead + len(text)))
            end = s + len(body)
        elif body.strip() == "":
            if cur:
                rows.append(cur)
                cur = []
        else:
            break
    if cur:
        rows.append(cur)
    return rows, end


def find_tables(raw: str) -> list[Table]:
    """Task-division tables in the raw text."""
    tables = []
    for m in re.finditer(r"^[^\n]*$", raw, re.M):
        if not _TITLE.match(m.group(0)):
            continue
        rows, end = _raw_rows(raw, m.end() + 1)
        if not rows:
            continue
        header: tuple[str, ...] = ()
        out: list[TableRow] = []
        context: list[str] = []
        for cells in rows:
            texts = tuple(c.text for c in cells)
            if sum(1 for t in texts if _HEADER_WORDS.match(t)) >= 2:
                header = tuple(t for t in texts if t)
                continue
            unit_cols = [h for h in header if h in UNIT_COLUMNS] or ["责任单位"]
            n_units = len(unit_cols)
            if len(cells) < n_units + 1:
                continue
            unit_cells = cells[-n_units:]
            task = cells[-n_units - 1]
            ctx = [c.text for c in cells[: -n_units - 1]]
            for k, t in enumerate(ctx):
                if t:
                    context = context[:k] + [t]
            if not task.text:
                continue
            out.append(TableRow(tuple(context), task,
                                tuple((UNIT_COLUMNS.get(h, "responsible"), c) for h, c in zip(unit_cols, unit_cells))))
        if out:
            tables.append(Table(m.start(), end, header, tuple(out)))
    return tables
