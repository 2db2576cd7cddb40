"""Year-over-year diff of two documents: tasks added, removed and kept; owner and role changes; by sector.

Tasks are matched one to one by text similarity (kg.lineage.TextIndex, best pairs first, score kept).
Owners are compared by canonical name; owners attached by a blanket default (inherited) are compared
once for the whole document, not per task. Output as a dict (JSON), a text table, or an HTML page.
"""

from __future__ import annotations

import html
import json
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.lineage import task_scores
from kg.model import Assignment, Document, Task

__all__ = [
    "MATCH_THRESHOLD",
    "FORMATS",
    "OwnerChange",
    "KeptTask",
    "SectorSummary",
    "DocumentDiff",
    "match_tasks",
    "diff_documents",
    "to_dict",
    "render_json",
    "render_table",
    "render_html",
    "render",
    "pick_document",
    "run_diff",
    "documents_from_store",
]

# below this score two tasks are not the same duty (kg.lineage.task_scores; tuned on corpus/004 vs 000)
MATCH_THRESHOLD = 0.15
FORMATS = ("table", "json", "html")


@dataclass(frozen=True)
class OwnerChange:
    """One owner of a kept task whose presence or roles changed."""

    canonical: str
    name: str  # as printed (in the newer document when present there)
    kind: str
    roles_before: tuple[str, ...]
    roles_after: tuple[str, ...]


@dataclass(frozen=True)
class KeptTask:
    """A task of A matched to a task of B."""

    task_a: str
    task_b: str
    score: float
    sector: str
    text_a: str
    text_b: str
    owners_added: tuple[OwnerChange, ...] = ()
    owners_removed: tuple[OwnerChange, ...] = ()
    role_changes: tuple[OwnerChange, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.owners_added or self.owners_removed or self.role_changes)


@dataclass(frozen=True)
class SectorSummary:
    sector: str
    tasks_a: int
    tasks_b: int
    added: int
    removed: int
    kept: int
    kept_with_owner_changes: int


@dataclass(frozen=True)
class DocumentDiff:
    """Everything that changed from document A (older) to document B (newer)."""

    document_a: str
    document_b: str
    title_a: str
    title_b: str
    tasks_a: int
    tasks_b: int
    kept: tuple[KeptTask, ...]
    added: tuple[tuple[str, str, str], ...]  # (task id, sector, text) of B with no match in A
    removed: tuple[tuple[str, str, str], ...]  # (task id, sector, text) of A with no match in B
    by_sector: tuple[SectorSummary, ...]
    defaults_added: tuple[str, ...] = ()  # units B makes answerable for every later task and A did not
    defaults_removed: tuple[str, ...] = ()
    threshold: float = MATCH_THRESHOLD
    headline: dict = field(default_factory=dict)


def match_tasks(a: list[Task], b: list[Task], threshold: float = MATCH_THRESHOLD) -> list[tuple[int, int, float]]:
    """One-to-one matching (index in a, index in b, score): best-scoring pairs first, score ≥ threshold.

    The score is kg.lineage.task_scores: character-bigram TF-IDF cosine, plus a bonus for the same sector.
    """
    scores = task_scores(a, b)
    pairs = []
    for i in range(len(a)):
        for j in range(len(b)):
            s = scores[i][j]
            if s >= threshold:
                pairs.append((round(s, 6), i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for s, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, round(s, 4)))
    return sorted(out)


def _owners(assignments: tuple[Assignment, ...]) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """canonical -> (name, kind, roles) of the explicit (not inherited) owners."""
    out: dict[str, tuple[str, str, set[str]]] = {}
    for u in assignments:
        if u.inherited:
            continue
        key = u.canonical or u.name
        name, kind, roles = out.get(key, (u.name, u.kind, set()))
        roles.add(u.role)
        out[key] = (name, kind, roles)
    return {k: (n, kd, tuple(sorted(r))) for k, (n, kd, r) in out.items()}


def _owner_changes(ta: Task, tb: Task):
    oa, ob = _owners(ta.assignments), _owners(tb.assignments)
    added = tuple(OwnerChange(k, ob[k][0], ob[k][1], (), ob[k][2]) for k in sorted(set(ob) - set(oa)))
    removed = tuple(OwnerChange(k, oa[k][0], oa[k][1], oa[k][2], ()) for k in sorted(set(oa) - set(ob)))
    changed = tuple(OwnerChange(k, ob[k][0], ob[k][1], oa[k][2], ob[k][2])
                    for k in sorted(set(oa) & set(ob)) if oa[k][2] != ob[k][2])
    return added, removed, changed


def _sector(t: Task) -> str:
    return t.sector or "general"


def _defaults(d: Document) -> set[str]:
    """Units a blanket default makes answerable: from the clauses, or (read back from a store) the tasks."""
    units = {u.canonical or u.name for c in d.defaults for u in c.units}
    return units | {u.canonical or u.name for t in d.tasks for u in t.assignments if u.inherited}


def diff_documents(a: Document, b: Document, threshold: float = MATCH_THRESHOLD) -> DocumentDiff:
    """Diff of document A (older) against document B (newer)."""
    matches = match_tasks(list(a.tasks), list(b.tasks), threshold)
    kept = []
    for i, j, s in matches:
        ta, tb = a.tasks[i], b.tasks[j]
        added, removed, changed = _owner_changes(ta, tb)
        kept.append(KeptTask(ta.id, tb.id, s, _sector(tb), ta.text, tb.text, added, removed, changed))
    ma, mb = {i for i, _, _ in matches}, {j for _, j, _ in matches}
    removed_tasks = tuple((t.id, _sector(t), t.text) for i, t in enumerate(a.tasks) if i not in ma)
    added_tasks = tuple((t.id, _sector(t), t.text) for j, t in enumerate(b.tasks) if j not in mb)
    sectors = sorted({_sector(t) for t in a.tasks} | {_sector(t) for t in b.tasks})
    by_sector = tuple(
        SectorSummary(
            sector=s,
            tasks_a=sum(_sector(t) == s for t in a.tasks),
            tasks_b=sum(_sector(t) == s for t in b.tasks),
            added=sum(x[1] == s for x in added_tasks),
            removed=sum(x[1] == s for x in removed_tasks),
            kept=sum(k.sector == s for k in kept),
            kept_with_owner_changes=sum(k.sector == s and k.changed for k in kept),
        )
        for s in sectors
    )
    da, db = _defaults(a), _defaults(b)
    headline = {
        "tasks_a": len(a.tasks), "tasks_b": len(b.tasks), "kept": len(kept), "added": len(added_tasks),
        "removed": len(removed_tasks), "kept_with_owner_changes": sum(k.changed for k in kept),
        "owners_added": sum(len(k.owners_added) for k in kept),
        "owners_removed": sum(len(k.owners_removed) for k in kept),
        "role_changes": sum(len(k.role_changes) for k in kept),
    }
    return DocumentDiff(
        document_a=a.id, document_b=b.id, title_a=a.title or "", title_b=b.title or "",
        tasks_a=len(a.tasks), tasks_b=len(b.tasks), kept=tuple(kept), added=added_tasks, removed=removed_tasks,
        by_sector=by_sector, defaults_added=tuple(sorted(db - da)), defaults_removed=tuple(sorted(da - db)),
        threshold=threshold, headline=headline,
    )


def to_dict(d: DocumentDiff) -> dict:
    """A JSON-ready dict with stable key order: documents, headline, sectors, then the task lists."""
    raw = asdict(d)
    out = {k: raw[k] for k in ("document_a", "document_b", "title_a", "title_b", "threshold", "headline",
                               "defaults_added", "defaults_removed", "by_sector")}
    out["kept"] = [dict(asdict(k), changed=k.changed) for k in d.kept]
    out["added"] = [{"task": t, "sector": s, "text": x} for t, s, x in d.added]
    out["removed"] = [{"task": t, "sector": s, "text": x} for t, s, x in d.removed]
    return out


def render_json(d: DocumentDiff) -> str:
    return json.dumps(to_dict(d), ensure_ascii=False, indent=2) + "\n"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _clip(s: str, n: int) -> str:
    out, w = "", 0
    for c in s:
        cw = _width(c)
        if w + cw > n - 1:
            return out + "…"
        out, w = out + c, w + cw
    return out


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max([_width(h)] + [_width(r[k]) for r in rows]) for k, h in enumerate(header)]

    def line(cells):
        return "  ".join(c + " " * (widths[k] - _width(c)) for k, c in enumerate(cells)).rstrip()

    return [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def _roles(r: tuple[str, ...]) -> str:
    return "+".join(r) or "-"


def render_table(d: DocumentDiff, width: int = 60) -> str:
    """A plain-text report: headline, sectors, kept tasks with owner changes, added and removed tasks."""
    h = d.headline
    out = [f"A: {d.document_a} {d.title_a}", f"B: {d.document_b} {d.title_b}", ""]
    out += _table(["", "count"], [[k, str(h[k])] for k in
                                   ("tasks_a", "tasks_b", "kept", "added", "removed", "kept_with_owner_changes",
                                    "owners_added", "owners_removed", "role_changes")])
    if d.defaults_added or d.defaults_removed:
        out += ["", "blanket defaults added: " + ("、".join(d.defaults_added) or "-"),
                "blanket defaults removed: " + ("、".join(d.defaults_removed) or "-")]
    out += ["", "by sector"]
    out += _table(["sector", "A", "B", "kept", "added", "removed", "owners changed"],
                  [[s.sector, str(s.tasks_a), str(s.tasks_b), str(s.kept), str(s.added), str(s.removed),
                    str(s.kept_with_owner_changes)] for s in d.by_sector])
    out += ["", "kept tasks"]
    rows = []
    for k in d.kept:
        changes = [f"+{c.name}({_roles(c.roles_after)})" for c in k.owners_added]
        changes += [f"-{c.name}({_roles(c.roles_before)})" for c in k.owners_removed]
        changes += [f"{c.name}:{_roles(c.roles_before)}→{_roles(c.roles_after)}" for c in k.role_changes]
        rows.append([k.task_a, k.task_b, f"{k.score:.2f}", k.sector, _clip(k.text_b, width), " ".join(changes) or "-"])
    out += _table(["task A", "task B", "score", "sector", "text B", "owner changes"], rows)
    for label, items in (("added tasks (B only)", d.added), ("removed tasks (A only)", d.removed)):
        out += ["", label]
        out += _table(["task", "sector", "text"], [[t, s, _clip(x, width)] for t, s, x in items])
    return "\n".join(out) + "\n"


_CSS = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}"
        ".add{color:#070}.del{color:#a00}.chg{color:#850}")


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    """Header and cells are already-escaped HTML fragments."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(d: DocumentDiff) -> str:
    """A self-contained HTML page; every text from the documents is escaped."""
    h = d.headline
    parts = [
        "<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{_e(d.document_a)} → {_e(d.document_b)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(d.document_a)} → {_e(d.document_b)}</h1>",
        f"<p>A: {_e(d.title_a)}<br>B: {_e(d.title_b)}</p>",
        _html_table(["", "count"], [[_e(k), _e(v)] for k, v in h.items()]),
    ]
    if d.defaults_added or d.defaults_removed:
        parts.append("<p>blanket defaults added: " + _e("、".join(d.defaults_added) or "-")
                     + "<br>blanket defaults removed: " + _e("、".join(d.defaults_removed) or "-") + "</p>")
    parts.append("<h2>by sector</h2>")
    parts.append(_html_table(
        ["sector", "A", "B", "kept", "added", "removed", "owners changed"],
        [[_e(s.sector), _e(s.tasks_a), _e(s.tasks_b), _e(s.kept), _e(s.added), _e(s.removed),
          _e(s.kept_with_owner_changes)] for s in d.by_sector]))
    parts.append("<h2>kept tasks</h2>")
    rows = []
    for k in d.kept:
        changes = [f'<span class="add">+{_e(c.name)} ({_e(_roles(c.roles_after))})</span>' for c in k.owners_added]
        changes += [f'<span class="del">−{_e(c.name)} ({_e(_roles(c.roles_before))})</span>' for c in k.owners_removed]
        changes += [f'<span class="chg">{_e(c.name)}: {_e(_roles(c.roles_before))} → {_e(_roles(c.roles_after))}'
                    "</span>" for c in k.role_changes]
        rows.append([_e(k.task_a), _e(k.task_b), _e(f"{k.score:.2f}"), _e(k.sector), _e(k.text_a), _e(k.text_b),
                     "<br>".join(changes) or "-"])
    parts.append(_html_table(["task A", "task B", "score", "sector", "text A", "text B", "owner changes"], rows))
    for label, items in (("added tasks (B only)", d.added), ("removed tasks (A only)", d.removed)):
        parts.append(f"<h2>{_e(label)}</h2>")
        parts.append(_html_table(["task", "sector", "text"], [[_e(t), _e(s), _e(x)] for t, s, x in items]))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render(d: DocumentDiff, fmt: str) -> str:
    """The diff in one of FORMATS."""
    if fmt == "json":
        return render_json(d)
    if fmt == "html":
        return render_html(d)
    if fmt == "table":
        return render_table(d)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def pick_document(docs: list[Document], which: str | None, where: str) -> Document:
    """The document named `which` (文号 or id) among `docs`; without a name, the one with most tasks."""
    if which:
        for d in docs:
            if which in (d.number, d.id):
                return d
        known = ", ".join(sorted(d.number or d.id for d in docs)) or "none"
        raise InputError(where, f"no document {which!r} (documents: {known})")
    if not docs:
        raise InputError(where, "holds no document")
    return max(docs, key=lambda d: (len(d.tasks), -d.start))


def _load(spec: str) -> Document:
    """A document from 'FILE' (its main document) or 'FILE::文号'."""
    from loaders import load_file

    path, _, which = spec.partition("::")
    return pick_document(list(load_file(path).documents), which or None, path)


def documents_from_store(store_dir: Path, which: list[str]) -> list[Document]:
    """Documents read back from a built store (kg.export rows), by 文号 or id; tasks and owners only.

    Blanket defaults come back as the inherited owners of the tasks; offsets of units are not kept.
    """
    from kg.export import documents, duties
    from kg.store import open_store

    store = open_store(store_dir)
    wanted = set(which)
    heads = [r for r in documents(store) if r["number"] in wanted or r["id"] in wanted]
    ids = {r["id"] for r in heads}
    tasks: dict[str, list[Task]] = {}
    for row in duties(store):
        if row["document_id"] not in ids:
            continue
        units = tuple(
            Assignment(name=u["name"], canonical=u["canonical"] or u["name"], role=u["role"], kind=u["kind"],
                       function=u.get("function", ""), inherited=u["inherited"], source=u.get("source") or "none")
            for u in row["units"]
        )
        section_id = "/".join([row["document_id"], *row["section"]])
        own = tasks.setdefault(row["document_id"], [])
        own.append(Task(id=row["task_id"], section_id=section_id, ordinal=len(own) + 1, text=row["text"],
                        start=row["start"], end=row["end"], quote="", assignments=units,
                        source=row["attribution_source"] or "none", open_list=row["open_list"],
                        sector=row["sector"], sectors=(row["sector"],) if row["sector"] else ()))
    return [
        Document(id=r["id"], source_file=r["source_file"], number=r["number"], issuer=r["issuer"], title=r["title"],
                 date=r["date"], jurisdiction=r["jurisdiction"], level=r["level"], kind=r["kind"],
                 start=r["start"], end=r["end"], addressees=tuple(r["addressees"]), cc=tuple(r["cc"]),
                 cited_regulations=tuple(r["cited_regulations"]),
                 cited_document_numbers=tuple(r["cited_document_numbers"]), tasks=tuple(tasks.get(r["id"], ())))
        for r in heads
    ]


def _from_store(store: Path, which: str) -> Document:
    """A document read back from a built store, by 文号 or id."""
    from kg.errors import StoreError

    try:
        docs = documents_from_store(store, [which])
    except StoreError as e:
        raise InputError(which, f"no such file, and no document to read as a 文号: {e}") from None
    if not docs:
        raise InputError(which, f"no such file, and no document with this 文号 or id in the store {store}")
    return pick_document(docs, which, str(store))


def _resolve(spec: str, store: Path) -> Document:
    """'FILE' or 'FILE::文号' when FILE exists, else a 文号 (or document id) in `store`."""
    if Path(spec.partition("::")[0]).is_file():
        return _load(spec)
    return _from_store(store, spec)


def run_diff(doc_a: str, doc_b: str, fmt: str = "table", store: Path = Path("kg-data"),
             threshold: float = MATCH_THRESHOLD) -> str:
    """`kg diff`: each of DOC_A, DOC_B is a file ('FILE' or 'FILE::文号') or a 文号 in `store`."""
    if fmt not in FORMATS:
        raise InputError(fmt, f"unknown format; expected one of {', '.join(FORMATS)}")
    return render(diff_documents(_resolve(doc_a, store), _resolve(doc_b, store), threshold), fmt)
