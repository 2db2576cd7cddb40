"""`kg stats`: per-document and corpus summary — tasks, units, unowned and overlapping duties, top units.

Definitions are those of the canned queries (queries/*.rq headers): a concrete owner is a unit named
for the task itself (not inherited) whose kind is not vague; unowned = no concrete owner; overlap =
two or more concrete units and no lead.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

from kg.analytics import unit_task_links
from kg.queries import format_rows, run_query
from kg.store import Rows, Store

__all__ = ["DocumentStats", "UnitCount", "CorpusStats", "corpus_stats", "stats_text", "stats_summary"]


@dataclass(frozen=True)
class DocumentStats:
    """Summary of one document."""

    document: str
    source_file: str
    kind: str
    sections: int
    tasks: int
    units: int  # distinct concrete units
    unowned: int
    overlaps: int
    multiple_leads: int
    open_lists: int

    @property
    def unowned_share(self) -> float:
        return round(self.unowned / self.tasks, 3) if self.tasks else 0.0

    @property
    def overlap_share(self) -> float:
        return round(self.overlaps / self.tasks, 3) if self.tasks else 0.0


@dataclass(frozen=True)
class UnitCount:
    """A unit and the tasks it answers for concretely (and how many of them it leads)."""

    unit: str
    kind: str
    tasks: int
    lead: int
    documents: int


@dataclass(frozen=True)
class CorpusStats:
    """Summary of everything in the store."""

    documents: tuple[DocumentStats, ...]
    top_units: tuple[UnitCount, ...]
    units: int

    @property
    def tasks(self) -> int:
        return sum(d.tasks for d in self.documents)

    @property
    def unowned(self) -> int:
        return sum(d.unowned for d in self.documents)

    @property
    def overlaps(self) -> int:
        return sum(d.overlaps for d in self.documents)


def _per_document(store: Store, name: str) -> Counter[str]:
    return Counter(r["document"] for r in run_query(store, name).dicts())


def corpus_stats(store: Store, top: int = 10) -> CorpusStats:
    """Count everything the summary shows."""
    unowned = _per_document(store, "unowned_duties")
    overlaps = _per_document(store, "overlaps_no_lead")
    leads = _per_document(store, "multiple_leads")
    open_lists = _per_document(store, "open_lists")
    links = unit_task_links(store)
    units_by_doc: dict[str, set[str]] = {}
    tasks_by_unit: dict[str, set[str]] = {}
    lead_by_unit: dict[str, set[str]] = {}
    docs_by_unit: dict[str, set[str]] = {}
    kind: dict[str, str] = {}
    for r in links:
        units_by_doc.setdefault(r["document"], set()).add(r["unit"])
        tasks_by_unit.setdefault(r["unit"], set()).add(r["task_id"])
        docs_by_unit.setdefault(r["unit"], set()).add(r["document"])
        kind.setdefault(r["unit"], r["kind"])
        if r["role"] == "lead":
            lead_by_unit.setdefault(r["unit"], set()).add(r["task_id"])
    docs = tuple(
        DocumentStats(
            r["document"], r["source_file"], r["kind"], r["sections"], r["tasks"],
            len(units_by_doc.get(r["document"], ())), unowned[r["document"]], overlaps[r["document"]],
            leads[r["document"]], open_lists[r["document"]],
        )
        for r in run_query(store, "document_overview").dicts()
    )
    ranked = sorted(tasks_by_unit, key=lambda u: (-len(tasks_by_unit[u]), u))[: max(top, 0)]
    top_units = tuple(
        UnitCount(u, kind[u], len(tasks_by_unit[u]), len(lead_by_unit.get(u, ())), len(docs_by_unit[u])) for u in ranked
    )
    return CorpusStats(docs, top_units, len(tasks_by_unit))


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def stats_text(stats: CorpusStats, fmt: str = "table") -> str:
    """The summary as aligned tables, or as JSON."""
    if fmt == "json":
        data = {
            "documents": [asdict(d) | {"unowned_share": d.unowned_share, "overlap_share": d.overlap_share} for d in stats.documents],
            "corpus": {"documents": len(stats.documents), "tasks": stats.tasks, "units": stats.units,
                       "unowned": stats.unowned, "overlaps": stats.overlaps},
            "top_units": [asdict(u) for u in stats.top_units],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    docs = Rows(
        ("document", "kind", "tasks", "units", "unowned", "overlaps", "multi-lead", "open list"),
        tuple(
            (d.document, d.kind, d.tasks, d.units, f"{d.unowned} ({_pct(d.unowned, d.tasks)})",
             f"{d.overlaps} ({_pct(d.overlaps, d.tasks)})", d.multiple_leads, d.open_lists)
            for d in stats.documents
        ),
    )
    units = Rows(("unit", "kind", "tasks", "lead", "documents"),
                 tuple((u.unit, u.kind, u.tasks, u.lead, u.documents) for u in stats.top_units))
    head = (
        f"{len(stats.documents)} documents, {stats.tasks} tasks, {stats.units} concrete units; "
        f"unowned {stats.unowned} ({_pct(stats.unowned, stats.tasks)}), "
        f"overlaps with no lead {stats.overlaps} ({_pct(stats.overlaps, stats.tasks)})\n"
    )
    return head + "\n" + format_rows(docs) + "\nTop units (tasks as a concrete owner)\n" + format_rows(units)


def stats_summary(store_dir, top: int = 10, fmt: str = "table") -> str:
    """`kg stats`: open the store and summarise it."""
    from kg.store import open_store

    return stats_text(corpus_stats(open_store(store_dir), top), fmt)
