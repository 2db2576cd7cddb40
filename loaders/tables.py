"""Task-division tables (重点任务分工) flattened to one tab-indented cell per line (or printed as markdown
pipe rows, as one row a line with the cells between tabs or spaces — Word's or a PDF's text — or with a bar
after each cell, or as one cell a line under a header of column names a line each, as text copied from a web
page).

Rows are separated by blank lines; blank cells inherit from the row above (of the unit columns only the
owner's, 牵头单位/责任单位: a blank 配合单位 names no one); the header row
(主要内容 / 具体事项 / 工作任务 / 责任单位 …) may repeat. Rows can carry an extra cell (a
merged sub-item such as "2.落实部门监管责任"), so columns are aligned from the right.

Most rows restate a body task word for word or with small edits; `restatements` finds where.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from loaders.lexicon import cues
from loaders.patterns import SENTENCE_END_CHARS, UNIT_SUFFIX, alt

__all__ = ["Cell", "TableRow", "Table", "find_tables", "restatements"]

_COLUMNS = cues()["table_columns"]
UNIT_COLUMNS: dict[str, str] = dict(_COLUMNS["units"])
TASK_COLUMNS = tuple(_COLUMNS["task"])
_HEADER_NAMES = (*TASK_COLUMNS, *UNIT_COLUMNS, *_COLUMNS["other"])
_HEADER_WORDS = re.compile(rf"^(?:{alt(_HEADER_NAMES)})$")
_TITLE = re.compile(r"^\s*(?:附件\s*\d*\s*[:：]?\s*)?(?:重点)?(?:工作)?任务(?:分工|清单|分解)(?:表|方案)?\s*$|^\s*责任分工(?:表)?\s*$")


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
    line_end: int = -1  # a row printed on one line: where its last cell ends (the row as read, task to owners)


@dataclass(frozen=True)
class Table:
    start: int  # raw offsets of the whole table (title to last cell)
    end: int
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]


_LINE = re.compile(r"[^\n]*(?:\n|$)")


def _lines_from(raw: str, pos: int) -> Iterator[tuple[int, str]]:
    """(raw offset, text without its newline) of each line from `pos` on."""
    for m in _LINE.finditer(raw, pos):
        if not m.group(0):
            return
        yield m.start(), m.group(0).rstrip("\n")


def _raw_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Groups of consecutive tab-indented lines from `pos`; returns rows and the end offset."""
    rows: list[list[Cell]] = []
    cur: list[Cell] = []
    end = pos
    for s, body in _lines_from(raw, pos):
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


# "… | 完成时限 || --- | --- |", "… | 2026年3月底前 || 3 | 居民小区…": a web page glued the next row (the separator row
# or one opening with its number) to the row before
_GLUED_ROW = re.compile(r"\|(?=\|\s*(?::?-{3}|\d{1,3}\s*\|))")
_SEPARATOR_ROW = re.compile(r"\s*\|?[\s:|-]+\|?\s*")


def _pipe_lines(raw: str, pos: int) -> Iterator[tuple[int, str]]:
    """The rows of a pipe table from `pos` as (raw offset, text): a row whose last cell wrapped onto the next line
    (no bar at its end, the next line none at its start) is one row with the newline in it, and rows glued
    together are as many rows."""
    lines = list(_lines_from(raw, pos))
    k = 0
    while k < len(lines):
        s, line = lines[k]
        while line.lstrip().startswith("|") and not line.rstrip().endswith("|") and k + 1 < len(lines) \
                and lines[k + 1][1].strip() and not lines[k + 1][1].lstrip().startswith("|") \
                and "|" in lines[k + 1][1]:
            k += 1
            line = raw[s:lines[k][0] + len(lines[k][1])]
        at = 0
        for m in _GLUED_ROW.finditer(line):
            yield s + at, line[at:m.end()]
            at = m.end()
        yield s + at, line[at:]
        k += 1


def _pipe_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Rows of a markdown pipe table ("| 序号 | 工作任务 | 责任单位 |") starting at `pos`."""
    rows: list[list[Cell]] = []
    end = pos
    for s, line in _pipe_lines(raw, pos):
        if not line.strip():
            if rows:
                break
            continue
        if not line.lstrip().startswith("|"):
            break
        end = s + len(line)
        if _SEPARATOR_ROW.fullmatch(line):
            continue  # separator row
        cells = []
        for c in re.finditer(r"(?<=\|)([^|]*)(?=\|)", line):
            text = c.group(1).strip()
            lead = len(c.group(1)) - len(c.group(1).lstrip())
            cells.append(Cell(text, s + c.start() + lead, s + c.start() + lead + len(text)))
        rows.append(cells)
    return rows, end


def _bar_cells(line: str, s: int) -> list[Cell]:
    """The cells of a row copied from a web page with a bar after each cell: "烟花爆竹 | 1月份 | 安监站 |"."""
    cells, pos = [], 0
    for part in line.split("|"):
        text = part.strip()
        lead = len(part) - len(part.lstrip())
        cells.append(Cell(text, s + pos + lead, s + pos + lead + len(text)))
        pos += len(part) + 1
    return cells[:-1] if cells and not cells[-1].text else cells


def _bar_header(line: str) -> bool:
    """A header row with bars between its cells and none before the first (a web copy): "行业 | 时间 | 责任单位 |",
    at least one of them a unit column."""
    cells = [c.text for c in _bar_cells(line, 0)]
    return len(cells) >= 2 and all(cells) and any(_unit_role(c) for c in cells)


def _bar_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Rows of a table copied with a bar after each cell, one row a line, from the header at `pos`; the table
    ends at the first line without a bar (a blank line is skipped)."""
    rows: list[list[Cell]] = []
    end = pos
    for s, line in _lines_from(raw, pos):
        if not line.strip():
            continue
        if "|" not in line:
            break
        rows.append(_bar_cells(line, s))
        end = s + len(line)
    return (rows if len(rows) > 1 else []), end


def _bar_line_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Rows of a table copied one cell a line, each cell after a row's first behind a bar ("第一组" / "| 市安监局"
    / "| 雁塔区" / "|"), from the header's first cell at `pos`: a line without a bar begins a row, a bar alone is
    an empty cell; the table ends at a line without a bar that no bar line follows."""
    rows: list[list[Cell]] = []
    end = pos
    lines = [(s, line) for s, line in _lines_from(raw, pos) if line.strip()]
    for k, (s, line) in enumerate(lines):
        barred = line.lstrip().startswith("|")
        if not barred and (k + 1 >= len(lines) or not lines[k + 1][1].lstrip().startswith("|")):
            break
        text = line.strip().lstrip("|").strip()
        lead = line.index(text) if text else len(line)
        cell = Cell(text, s + lead, s + lead + len(text))
        if barred and rows:
            rows[-1].append(cell)
        else:
            rows.append([cell])
        end = s + len(line)
    if rows:  # the bars after the last cell are no cells: every row as wide as the header's named cells
        width = max(k + 1 for k, c in enumerate(rows[0]) if c.text)
        rows = [row[:max(width, max((k + 1 for k, c in enumerate(row) if c.text), default=1))] for row in rows]
    return (rows if len(rows) > 1 else []), end


def _bar_line_header(lines: list[str], k: int) -> bool:
    """Whether lines[k] (no bar) and the bar lines after it are a header row holding a unit column."""
    if lines[k].lstrip().startswith("|") or not lines[k].strip() or len(lines[k].strip()) > 20:
        return False
    cells = []
    for line in lines[k + 1:k + 12]:
        if not line.lstrip().startswith("|"):
            break
        cells.append(line.strip().lstrip("|").strip())
    return len(cells) >= 2 and any(_unit_role(re.sub(r"\s+", "", c)) for c in cells)


def _tab_header(line: str) -> bool:
    """A header row with its cells between tabs (Word's "save as text"): "序号\t工作任务\t牵头单位\t配合单位"."""
    cells = [c.strip() for c in line.strip().split("\t")]
    if len(cells) < 2 or not all(_HEADER_WORDS.match(c) for c in cells if c):
        return False
    task, _ = _columns(tuple(c for c in cells if c))
    return task is not None


def _tab_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Rows of a table with its cells between tabs, one row a line, from the header at `pos`; the table ends at
    the first line without a tab (a blank line is skipped)."""
    rows: list[list[Cell]] = []
    end = pos
    for s, line in _lines_from(raw, pos):
        if not line.strip():
            continue
        if "\t" not in line.strip(" \u3000\r"):  # (a category row keeps the tabs of its empty cells, or none)
            if not (rows and _CATEGORY_ROW.match(line.strip())):
                break
            lead = len(line) - len(line.lstrip())
            cells = [Cell(line.strip(), s + lead, s + lead + len(line.strip()))]
        else:
            cells, at = [], s
            for part in line.split("\t"):
                text = part.strip()
                lead = len(part) - len(part.lstrip())
                cells.append(Cell(text, at + lead, at + lead + len(text)))
                at += len(part) + 1
        if rows and len(cells) < len(rows[0]):  # a short row: the missing cells were blank on the right
            cells += [Cell("", cells[-1].end, cells[-1].end)] * (len(rows[0]) - len(cells))
        rows.append(cells)
        end = s + len(line)
    return (rows if len(rows) > 1 else []), end


def _space_header(line: str) -> bool:
    """A header row printed as words between spaces (text extracted from a PDF table): "序号 工作任务 牵头单位 …"."""
    words = line.split()
    if len(words) < 3 or not all(_HEADER_WORDS.match(w) for w in words):
        return False
    task, _ = _columns(tuple(words))
    return task is not None


def _space_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Rows of a table whose cells are separated by spaces, one row a line, from the header at `pos`; the
    table ends at the first line with another number of cells than the header (a blank line is skipped)."""
    rows: list[list[Cell]] = []
    end = pos
    width = None
    for s, line in _lines_from(raw, pos):
        cells = [Cell(c.group(0), s + c.start(), s + c.end()) for c in re.finditer(r"\S+", line)]
        if not cells:
            continue
        if width is None:
            width = len(cells)
        elif len(cells) != width:
            if _PAGE_NUMBER.match(line.strip()):
                continue  # a page break inside the table
            if len(rows) > 1 and len(cells) < width and _continues(rows[-1], cells):
                rows[-1] = _wrapped(rows[-1], cells, [c.text for c in rows[0]])
                end = s + len(line)
                continue
            break
        rows.append(cells)
        end = s + len(line)
    return (rows if len(rows) > 1 else []), end


_PAGE_NUMBER = re.compile(r"^[-－—–]\s*\d{1,4}\s*[-－—–]$")
_OPEN_CELL_END = ("、", "，", ",")  # a unit list that goes on on the next line


def _continues(row: list[Cell], cells: list[Cell]) -> bool:
    """Whether a shorter line under a row holds the rest of its wrapped cells (no new row number, no sentence)."""
    first = cells[0].text
    return not (first.isdigit() and row[0].text.isdigit()) and not any(
        c in cell.text for cell in cells for c in "。：:") and not any(_FULL_DATE.fullmatch(c.text) for c in cells) \
        and not (len(cells) == 1 and _ISSUER_END.search(first))  # the signature below the table


_ISSUER_END = re.compile("(?:人民政府|办公厅|办公室|委员会)$")
_FULL_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")  # a signature's date below the table, not a wrapped cell


def _wrapped(row: list[Cell], cells: list[Cell], header: Sequence[str] = ()) -> list[Cell]:
    """`row` with the lines wrapped out of it appended to its cells: one piece to the cell that ends in a list
    separator, else the pieces to the cells they complete (a unit cell cut inside a name, a deadline cut before
    前), in order — failing that, to the last cells, one each. The joined text keeps a line break (its units'
    offsets are then the cell's)."""
    from itertools import combinations

    row = list(row)
    open_cells = [k for k, c in enumerate(row) if c.text.endswith(_OPEN_CELL_END)]
    if len(cells) == 1 and open_cells:
        targets = [open_cells[-1]]
    else:
        default = tuple(range(len(row) - len(cells), len(row)))
        targets = list(default if len(row) > _MAX_FIT_COLUMNS else max(
            combinations(range(len(row)), len(cells)), key=lambda ks: (_fit(row, cells, ks, header), ks == default, ks)))
    for k, piece in zip(targets, cells):
        row[k] = Cell(row[k].text + "\n" + piece.text, row[k].start, piece.end)
    return row


_MAX_FIT_COLUMNS = 8  # wider rows take the last cells (the column choices grow too fast to weigh)
_DEADLINE_DONE = re.compile(r"(?:前|坚持|推进|完成|开展|落实|常态化|长期|持续|[年月]内|日)$")


def _fit(row: list[Cell], cells: list[Cell], targets: tuple[int, ...], header: Sequence[str]) -> int:
    """How well the wrapped `cells` continue the columns `targets` of `row`: unit cells cut inside a name that
    the piece completes count for, unit cells left cut and pieces added to complete cells count against."""
    from loaders.attribution import parse_attribution

    def whole(text: str) -> bool:
        return parse_attribution(text.replace("\n", ""), table=True) is not None

    pieces = dict(zip(targets, (c.text for c in cells)))
    score = 0
    for k, cell in enumerate(row):
        name = header[k] if k < len(header) else ""
        before = cell.text
        if name in UNIT_COLUMNS:
            if k in pieces:
                score += (2 if whole(before + pieces[k]) else -1) if not whole(before) else -1
            elif not whole(before):
                score -= 2
        elif name in TASK_COLUMNS:
            continue
        elif name == "序号":
            score -= 5 if k in pieces else 0
        elif name:  # a deadline or another short column
            done = bool(_DEADLINE_DONE.search(before))
            score += (-1 if done else 1) if k in pieces else (0 if done else -1)
    return score


def _line_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Rows of a table printed one cell a line (text taken from a web or PDF table): a header of column names
    one a line ("序号\n重点任务\n牵头单位\n配合单位"), then the rows — each opening with its number when the
    header has 序号, else as many lines as the header. A row with more lines than columns has wrapped cells
    (_split_row finds where each ends); page numbers, the header a new page repeats and category rows
    (一、压紧压实安全生产责任) between the rows are skipped; the table ends at the first row whose unit cells do
    not read as units."""
    from loaders.attribution import parse_attribution

    lines = ((s, line.strip(), s + len(line) - len(line.lstrip())) for s, line in _lines_from(raw, pos) if line.strip())
    header: list[Cell] = []
    body: list[Cell] = []
    for _, text, at in lines:
        if not body and _HEADER_WORDS.match(text):
            header.append(Cell(text, at, at + len(text)))
            continue
        if header and (_PAGE_NUMBER.match(text) or _HEADER_WORDS.match(text) or _CATEGORY_ROW.match(text)):
            continue  # furniture between the rows, or a category row
        body.append(Cell(text, at, at + len(text)))
        if len(body) > 4000:
            break
    names = tuple(c.text for c in header)
    task, units = _columns(names)
    if len(header) < 3 or task is None:
        return [], pos
    width = len(header)
    numbered = names[0] == "序号"
    rows: list[list[Cell]] = [header]
    k = 0
    while k < len(body):
        if numbered:
            if body[k].text != str(len(rows)):
                break
            j = k + 1
            while j < len(body) and j - k < 40 and body[j].text != str(len(rows) + 1):
                j += 1
            if j == len(body) or j - k >= 40:  # the last row: up to its last cell
                j = _last_row_end(body, k, width, names)
        else:
            j = min(len(body), k + width)
        cells = body[k:j]
        if len(cells) > width:  # wrapped cells
            cells = _split_row(raw, cells, names, task)
        if len(cells) <= max([task] + [u for u, _ in units]) or not all(
                parse_attribution(cells[u].text.replace("\n", ""), table=True) or cells[u].text == ""
                for u, _ in units if u < len(cells)) or not any(cells[u].text for u, _ in units if u < len(cells)):
            break
        rows.append(cells + [Cell("", cells[-1].end, cells[-1].end)] * (width - len(cells)))
        k = j
    if len(rows) < 2:
        return [], pos
    return rows, rows[-1][-1].end


_EMPTY_CELL = ("/", "／", "—", "-", "无")  # a cell printed as a mark: no one


def _last_row_end(body: list[Cell], k: int, width: int, names: tuple[str, ...]) -> int:
    """Where the last row of a numbered one-cell-a-line table ends: at its deadline when the last column is one
    (a line that reads as a time), else after as many lines as columns."""
    if names[-1] not in UNIT_COLUMNS and names[-1] not in TASK_COLUMNS:
        for j in range(k + width - 1, min(len(body), k + 40)):
            if _DEADLINE_DONE.search(body[j].text) and len(body[j].text) <= _LONGEST_COLUMN:
                return j + 1
    return min(len(body), k + width)


def _split_row(raw: str, cells: list[Cell], names: tuple[str, ...], task: int) -> list[Cell]:
    """The cells of a row whose lines outnumber its columns: the columns before the task one line each, the
    task up to the last line that ends a sentence (when enough lines are left), and the lines after it grouped
    into the remaining columns where cells most likely end (_cell_groups)."""
    right = len(names) - task - 1
    lines = cells[task:]
    end = 1
    for e in range(1, len(lines) - right + 1):
        if lines[e - 1].text[-1:] in SENTENCE_END_CHARS:
            end = e
    if end == 1 and len(lines) - right > 1:  # no sentence end: the task takes what the other columns leave
        end = len(lines) - right
    rest = lines[end:]
    groups = _cell_groups([c.text for c in rest], names[task + 1:]) if len(rest) > right else \
        [[k] for k in range(len(rest))]
    out = cells[:task] + [_joined(raw, lines[:end])]
    for g in groups:
        out.append(_joined(raw, [rest[k] for k in g]))
    return out


def _joined(raw: str, lines: list[Cell]) -> Cell:
    """One cell of wrapped lines: their text with the line breaks kept (offsets are the raw span's)."""
    if len(lines) == 1 and lines[0].text in _EMPTY_CELL:
        return Cell("", lines[0].start, lines[0].start)
    return Cell("\n".join(c.text for c in lines), lines[0].start, lines[-1].end)


_UNIT_START = re.compile(r"^(?:各|省|市|县|区|州|旗|乡|镇|街道|有关|相关|负有|国网|中国)")


def _cell_groups(lines: list[str], names: tuple[str, ...]) -> list[list[int]]:
    """Lines (the cells after the task, wrapped) grouped into one run per column of `names`: the grouping whose
    cuts fall where lines end short or after a whole name, and whose unit cells read as units and deadline
    cells as times."""
    from itertools import combinations

    from loaders.attribution import parse_attribution

    n = len(names)
    if len(lines) <= n:
        return [[k] for k in range(len(lines))]
    full = max(len(t) for t in lines)

    def gap(k: int) -> int:  # a cut after line k
        a, b = lines[k], lines[k + 1]
        if a in _EMPTY_CELL or b in _EMPTY_CELL:
            return 3
        if a.endswith(_OPEN_CELL_END):
            return -3
        if len(a) < full - 1:
            return 2
        return 1 if UNIT_SUFFIX.search(a) and _UNIT_START.search(b) else -2

    def cell(text: str, name: str) -> int:
        if name in UNIT_COLUMNS:
            return 3 if text in _EMPTY_CELL or parse_attribution(text, table=True) is not None else -3
        if name in TASK_COLUMNS:
            return 0
        return 2 if _DEADLINE_DONE.search(text) or text in _EMPTY_CELL else -1

    best, best_score = None, None
    for cuts in combinations(range(len(lines) - 1), n - 1):
        bounds = [0, *(c + 1 for c in cuts), len(lines)]
        score = sum(gap(c) for c in cuts) + sum(
            cell("".join(lines[a:b]), name) for (a, b), name in zip(zip(bounds, bounds[1:]), names))
        if best_score is None or score > best_score:
            best, best_score = bounds, score
    return [list(range(a, b)) for a, b in zip(best, best[1:])]


_BAR_END = re.compile(r"^(?P<text>[^|\n]*?)\s*\|\s*$")  # "省安全监管局 |", or "|" alone: an empty cell


def _bar_end_header(lines: list[str], k: int) -> bool:
    """Whether lines[k:] open with a header of column names one a line, each followed by a bar ("序号 |" /
    "工作内容 |" / "牵头部门 |"), holding a unit column."""
    names = []
    for line in lines[k:k + 12]:
        m = _BAR_END.match(line.strip())
        if m is None or not _HEADER_WORDS.match(m.group("text")):
            break
        names.append(m.group("text"))
    return len(names) >= 2 and any(_unit_role(n) for n in names)


def _bar_end_rows(raw: str, pos: int) -> tuple[list[list[Cell]], int]:
    """Rows of a table copied one cell a line, each cell followed by a bar and an empty cell a bar alone: the
    header's names, then rows as wide as the header; the table ends at the first line without its bar."""
    cells: list[Cell] = []
    end = pos
    for s, line in _lines_from(raw, pos):
        if not line.strip():
            if line.strip("\n"):  # a bar a web copy's head blanked (loaders.web_text): still an empty cell
                cells.append(Cell("", s, s))
            continue
        m = _BAR_END.match(line.strip())
        width = next((k for k, c in enumerate(cells) if not _HEADER_WORDS.match(c.text)), len(cells))
        if m is None and 0 < width < len(cells) and (len(cells) - width) % width:  # a row's cell the copy cut
            text = line.strip()  # before its bar: the table ends with it
            cells.append(Cell(text, s + line.index(text), s + line.index(text) + len(text)))
            end = s + len(line.rstrip("\n"))
            break
        if m is None:
            break
        text = m.group("text")
        at = s + line.index(text) if text else s + line.index("|")
        cells.append(Cell(text, at, at + len(text)))
        end = s + len(line.rstrip("\n"))
    width = next((k for k, c in enumerate(cells) if not _HEADER_WORDS.match(c.text)), len(cells))
    if width < 2:
        return [], pos
    rows = [cells[k:k + width] for k in range(0, len(cells), width)]
    rows[-1] += [Cell("", end, end)] * (width - len(rows[-1]))  # a row the copy cut: its last cells are blank
    return (rows if len(rows) > 1 else []), end


_UNIT_COLUMN_END = re.compile(rf"(?:{alt(sorted(UNIT_COLUMNS, key=len, reverse=True))})$")


def _unit_role(column: str) -> str | None:
    """The role a unit column gives: by its name, or by the name it ends with ("督查组牵头单位": lead)."""
    m = _UNIT_COLUMN_END.search(column)
    return UNIT_COLUMNS[m.group(0)] if m else None


_LONGEST_COLUMN = 16  # characters: a longer cell is no column name (most cells are: no regex for them)


def _is_column(text: str) -> bool:
    """A column name: one of the lists', or a unit column's by its ending; spaces inside do not count (备 注)."""
    if " " in text or "\u3000" in text:
        text = re.sub(r"\s+", "", text)
    return 0 < len(text) <= _LONGEST_COLUMN and (_HEADER_WORDS.match(text) is not None or _unit_role(text) is not None)


def _columns(header: tuple[str, ...]) -> tuple[int | None, list[tuple[int, str]]]:
    """Index of the task column and (index, role) of the unit columns in `header`."""
    # of several task columns the rightmost is the task itself, the ones before it its category
    # ("重点任务 | 具体内容 | 牵头单位": the 具体内容 cell is the duty)
    header = tuple(re.sub(r"\s+", "", h) for h in header)
    found = [k for k, h in enumerate(header) if h in TASK_COLUMNS]
    units = [(k, role) for k, h in enumerate(header) if (role := _unit_role(h)) is not None]
    if not found and units:  # a column no list names before the units: the task ("专项整治行业名称 | 时间 | 责任单位")
        found = [k for k, h in enumerate(header[: units[0][0]]) if not _is_column(h)][:1]
    return (found[-1] if found else None), units


def _maybe_title(line: str) -> bool:
    """Whether `line` holds the words every _TITLE needs (most lines do not: skip the regex)."""
    return "任务" in line or "责任分工" in line


def find_tables(raw: str) -> list[Table]:
    """Task-division tables in the raw text: tab-cell tables after a 任务分工 title, pipe tables, and tables
    whose cells are separated by spaces under a header row of column names."""
    tables = []
    starts = []
    prev_tab = prev_header = False
    line_start = 0
    longest = max(map(len, _HEADER_NAMES))
    lines = raw.split("\n")
    for k, line in enumerate(lines):
        at, line_start = line_start, line_start + len(line) + 1
        after = lines[k + 1] if k + 1 < len(lines) else ""
        if line.rstrip().endswith("|") and _bar_end_header(lines, k) and (not starts or at >= starts[-1][1]):
            starts.append((at, at, _bar_end_rows))  # "序号 |" / "工作内容 |" / "牵头部门 |": a cell a line
            continue
        if after.lstrip().startswith("|") and _bar_line_header(lines, k) and (not starts or at >= starts[-1][1]):
            starts.append((at, at, _bar_line_rows))  # "分组" / "| 牵头单位" / "| 督查单位": a cell a line
            continue
        text = line.strip()
        header = len(text) <= longest and _HEADER_WORDS.match(text) is not None  # most lines are longer
        if _maybe_title(line) and _TITLE.match(line):
            starts.append((at, at + len(line) + 1, _raw_rows))
        elif line.lstrip().startswith("|") and (not starts or at >= starts[-1][1]):
            starts.append((at, at, _pipe_rows))
        elif line.startswith("\t") and not prev_tab and header:
            starts.append((at, at, _raw_rows))  # a tab table with no title line
        elif not line.startswith("\t") and header and not prev_header and (not starts or at >= starts[-1][1]):
            starts.append((at, at, _line_rows))
        elif "\t" in text and _tab_header(line) and (not starts or at >= starts[-1][1]):
            starts.append((at, at, _tab_rows))
        elif " " in text and _space_header(line) and (not starts or at >= starts[-1][1]):
            starts.append((at, at, _space_rows))
        elif "|" in text and _bar_header(line) and (not starts or at >= starts[-1][1]):
            starts.append((at, at, _bar_rows))
        if text:
            prev_tab = line.startswith("\t")
            prev_header = header
    last_end = -1
    for title_start, pos, reader in starts:
        if pos <= last_end:
            continue
        rows, end = reader(raw, pos)
        if not rows or (title_start == pos and reader is _raw_rows and not any(
                sum(1 for c in r if _HEADER_WORDS.match(c.text)) >= 2 for r in rows[:3])):
            continue
        table = _read_rows(raw, rows, _title_above(raw, title_start, last_end), end, reader is _bar_line_rows)
        if table is not None:
            tables.append(table)
            last_end = end
    return tables


# a line above a table that belongs to it: "附件1", "附件：", "2025年安全生产重点任务分工表"
_TITLE_ABOVE = re.compile(r"\s*(?:附件\s*\d*\s*[:：]?\s*)?(?:[^。；;\n]{0,30}(?:任务分工|分工表|分工方案|任务清单|责任清单|"
                          r"任务分解|责任分工)[^。；;\n]{0,10}|[^。；;\n|]{2,30}表)?\s*")  # …or any title ending in 表


def _title_above(raw: str, start: int, floor: int) -> int:
    """Where a table that begins at `start` really begins: up to three title lines above it (blank lines
    between them skipped) are part of it."""
    taken = 0
    pos = start
    while taken < 3 and pos > max(floor, 0):
        line_start = raw.rfind("\n", 0, pos - 1) + 1
        line = raw[line_start:pos].strip()
        if line_start <= floor:
            break
        if line:
            if not _TITLE_ABOVE.fullmatch(line):
                break
            start = line_start
            taken += 1
        pos = line_start
    return start


_INHERITING_ROLES = ("lead", "responsible")  # the columns whose blank cells inherit; a blank 配合单位 names no one


# a row of one numbered title inside a table ("一、城镇燃气", merged across the row): it heads the rows below
_HEADING_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]?|[（(][一二三四五六七八九十]{1,3}[）)]")
_CATEGORY_ROW = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)])[\u4e00-\u9fff、和及]{2,20}$")


def _read_rows(raw: str, rows: list[list[Cell]], start: int, end: int, whole_rows: bool = False) -> Table | None:
    """The table of `rows` (cells by reader); with `whole_rows` each row is one block of the text (a cell a line
    behind bars), so a row's task reads to its last cell."""
    header: tuple[str, ...] = ()
    out: list[TableRow] = []
    context: list[str] = []
    owners: dict[int, Cell] = {}  # unit column -> the last owner cell printed in it
    top = ""  # the title of the last top-level heading row ("一 | 主要任务 | |")
    for cells in rows:
        texts = tuple(c.text for c in cells)
        if sum(1 for t in texts if _is_column(t)) >= 2:
            header = tuple(t for t in texts if t)
            continue
        if not header:
            header = ("工作任务", "责任单位")  # no header seen: the last two cells
        task_col, unit_cols = _columns(header)  # no unit column: a list of one unit's duties (职责清单)
        if task_col is None:
            continue
        filled = [t for t in texts if t]
        if len(filled) == 1 and len(header) > 1 and _CATEGORY_ROW.match(filled[0]):
            context = [filled[0]]  # "一、城镇燃气" merged across the row: the heading of the rows below
            continue
        if len(filled) == 2 and texts[0] and _HEADING_NUMBER.fullmatch(texts[0]) and len(cells) == len(header) \
                and not any(texts[k] for k, _ in _columns(header)[1]):  # "(一) | 构建更加严密的责任体系 | | |"
            sub = texts[0].startswith(("(", "（"))  # (一) under 一
            top = top if sub else filled[1]
            context = [top, filled[1]] if sub and top else [filled[1]]
            owners.clear()  # a new heading: its rows' blank owner cells do not reach back past it
            continue
        shift = len(cells) - len(header)  # extra cells on the left are sub-headings; missing ones were blank
        def cell(k: int) -> Cell | None:
            j = k + shift
            return cells[j] if 0 <= j < len(cells) else None
        task = cell(task_col)
        if task is None or not task.text or re.fullmatch(r"\d+", task.text):
            continue
        ctx = [c.text for c in cells[: task_col + shift]] if task_col + shift > 0 else []
        for k, t in enumerate(ctx):
            if t and not re.fullmatch(r"\d+", t):
                context = context[:k] + [t]
        units = []
        for k, role in unit_cols:
            c = cell(k)
            if c is not None and not c.text and role in _INHERITING_ROLES:
                c = owners.get(k)  # a blank 牵头/责任单位 cell was merged with the one above: every task has an owner
            if c is not None and c.text:
                units.append((role, c))
                if role in _INHERITING_ROLES:
                    owners[k] = c
        last = max((c.end for c in cells if c.text or whole_rows), default=task.end)
        eol = raw.find("\n", task.start)
        eol = len(raw) if eol < 0 else eol
        if whole_rows:
            eol = raw.find("\n", last)
            eol = len(raw) if eol < 0 else eol
        one_line = whole_rows or eol >= last  # the row reads to its last line's end (its last bar too)
        out.append(TableRow(tuple(context), task, tuple(units), len(raw[:eol].rstrip()) if one_line else -1))
    return Table(start, end, header, tuple(out)) if out else None


# A row restated with edits is found by a probe of its text; the probe may start a little way in, past
# a lead the body lacks ("雷击火预警：…"), but the match must then reach back to that lead's end.
_PROBE = 12  # characters of the row looked up in the body
_MIN_PROBE = 8  # a shorter probe (near the end of a short row) is not looked up
_PROBE_OFFSETS = (0, 6, 12, 20, 30)  # where in the row a probe starts
_MIN_SHARE = 0.5  # an edited restatement keeps at least this share of the row's characters


def restatements(body: str, keys: Sequence[str]) -> list[tuple[int, int] | None]:
    """Where `body` restates each row text in `keys`: (start, end) offsets in body, or None.

    Verbatim restatements are placed first, then those with small edits, best kept share first;
    no two rows share body text, so a row's span ends where its own restated text ends."""
    cands = []  # (verbatim 0 / edited 1, minus characters matched, row, start, end)
    for n, key in enumerate(keys):
        found = [(0, -len(key), n, k, k + len(key)) for k in _occurrences(body, key)] if key else []
        cands += found or [(1, -kept, n, s, e) for s, e, kept in _edited(body, key)]
    out: list[tuple[int, int] | None] = [None] * len(keys)
    taken: list[tuple[int, int]] = []
    for _, _, n, s, e in sorted(cands):
        if out[n] is None and not any(s < te and ts < e for ts, te in taken):
            out[n] = (s, e)
            taken.append((s, e))
    return out


def _occurrences(body: str, probe: str) -> Iterator[int]:
    """Every start of `probe` in `body` (overlapping ones too)."""
    k = body.find(probe)
    while k >= 0:
        yield k
        k = body.find(probe, k + 1)


def _edited(body: str, key: str) -> list[tuple[int, int, int]]:
    """(start, end, characters kept) of each place `body` restates `key` with small edits."""
    out = {}
    for off in _PROBE_OFFSETS:
        probe = key[off:off + _PROBE]
        if len(probe) < _MIN_PROBE:
            break
        for k in _occurrences(body, probe):
            i, j = off, k
            while i > 0 and j > 0 and key[i - 1] == body[j - 1]:
                i, j = i - 1, j - 1
            if i > 0 and not (key[i - 1] in SENTENCE_END_CHARS and (j == 0 or body[j - 1] in SENTENCE_END_CHARS)):
                continue  # the row's opening words differ: another sentence that ends alike
            if j not in out:
                end, kept = _aligned_end(body, j, key[i:])
                if kept >= _MIN_SHARE * len(key[i:]):
                    out[j] = (j, end, kept)
    return list(out.values())


def _aligned_end(body: str, start: int, key: str) -> tuple[int, int]:
    """End of `key` restated in body from `start` (snapped to its sentence end), and characters kept."""
    window = body[start:start + len(key) + len(key) // 4 + 8]
    blocks = [b for b in SequenceMatcher(None, key, window, autojunk=False).get_matching_blocks() if b.size]
    end = start + max(b.b + b.size for b in blocks if b.size >= 3 or b.b == 0)  # not a stray 。 further on
    if key[-1:] in SENTENCE_END_CHARS and body[end - 1:end] != key[-1]:
        nxt = body.find(key[-1], end)
        end = nxt + 1 if 0 <= nxt < start + len(window) else end
    return end, sum(b.size for b in blocks)
