"""Document lineage: which document cites which (by 文号 or title), and which tasks implement which.

A lower-level document (county) that cites a higher one (city, province) is linked to it; when both
are loaded, each of its tasks is aligned to the parent task it most resembles (character-bigram
TF-IDF cosine, score kept), so a duty can be followed province -> city -> county and parent tasks
that no child task takes up are visible as dropped.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from kg.model import Assignment, Document, Task, is_concrete

__all__ = [
    "run_lineage",
    "ALIGN_THRESHOLD",
    "DocumentLink",
    "TaskAlignment",
    "DocumentLineage",
    "TextIndex",
    "document_links",
    "align_tasks",
    "lineage",
    "owner_functions",
    "task_scores",
]

# below this score a child task implements no parent task (tuned on corpus/003 -> corpus/000)
ALIGN_THRESHOLD = 0.2
# added to the text similarity of two tasks with the same (specific, not general) primary sector
SECTOR_BONUS = 0.1


def _chars(text: str) -> str:
    """Letters and digits only (CJK characters count as letters): no spaces, no punctuation."""
    return "".join(c for c in text if c.isalnum())


def _bigrams(text: str) -> Counter:
    s = _chars(text)
    return Counter(s[i:i + 2] for i in range(len(s) - 1)) if len(s) > 1 else Counter(s)


class TextIndex:
    """TF-IDF vectors of character bigrams over a fixed set of texts; cosine similarity between them."""

    def __init__(self, texts: list[str]):
        grams = [_bigrams(t) for t in texts]
        df: Counter = Counter()
        for g in grams:
            df.update(g.keys())
        n = len(texts)
        self._idf = {k: math.log((1 + n) / (1 + v)) + 1.0 for k, v in df.items()}
        self._vectors = [self._weigh(g) for g in grams]

    def _weigh(self, grams: Counter) -> dict[str, float]:
        vec = {k: (1 + math.log(v)) * self._idf.get(k, 1.0) for k, v in grams.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        return {k: x / norm for k, x in vec.items()}

    def similarity(self, i: int, j: int) -> float:
        """Cosine similarity of texts i and j, in [0, 1]."""
        a, b = self._vectors[i], self._vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(k, 0.0) for k, x in a.items())


def task_scores(a: list[Task], b: list[Task]) -> list[list[float]]:
    """scores[i][j]: text similarity of a[i] and b[j], plus SECTOR_BONUS when both name the same sector."""
    index = TextIndex([t.text for t in a] + [t.text for t in b])
    n = len(a)
    out = []
    for i, ta in enumerate(a):
        row = []
        for j, tb in enumerate(b):
            s = index.similarity(i, n + j)
            if ta.sector and ta.sector == tb.sector and ta.sector != "general":
                s += SECTOR_BONUS
            row.append(s)
        out.append(row)
    return out


@dataclass(frozen=True)
class DocumentLink:
    """`citing` cites `cited` (a document id when loaded, else the 文号 or title as printed)."""

    citing: str
    cited: str
    via: str  # "number" | "title"
    evidence: str  # the 文号 or title that makes the link
    resolved: bool  # True when `cited` is a loaded document's id


@dataclass(frozen=True)
class TaskAlignment:
    """A child task and the parent task it most resembles."""

    child_task: str
    parent_task: str
    score: float
    functions_added: tuple[str, ...] = ()  # unit functions owning the child task but not the parent
    functions_dropped: tuple[str, ...] = ()  # unit functions owning the parent task but not the child


@dataclass(frozen=True)
class DocumentLineage:
    """A child document aligned to one parent document."""

    child: str
    parent: str
    alignments: tuple[TaskAlignment, ...]
    unaligned_child_tasks: tuple[str, ...]  # child tasks resembling no parent task
    dropped_parent_tasks: tuple[str, ...]  # parent tasks no child task takes up


@dataclass(frozen=True)
class Lineage:
    links: tuple[DocumentLink, ...]
    documents: tuple[DocumentLineage, ...] = field(default=())


def _squash(s: str | None) -> str:
    return "".join((s or "").split())


def _title_keys(doc: Document) -> set[str]:
    """How another document may cite `doc` by title: 《issuer + title》 or 《title》."""
    title = _squash(doc.title)
    if not title:
        return set()
    keys = {title}
    if doc.issuer:
        keys.add(_squash(doc.issuer) + title)
    return keys


# issuers whose 《…关于…的通知》 is a government document another notice may implement
GOVERNMENT_ISSUERS = ("人民政府", "人民政府办公室", "人民政府办公厅", "安全生产委员会", "安委会", "委员会", "办公厅")
GOVERNMENT_DOC_ENDS = ("通知", "意见", "决定", "方案", "实施方案")


def _names_government_document(title: str) -> bool:
    """《X人民政府关于…的通知》: a government document (not a law), worth a link even when not loaded."""
    issuer, sep, rest = title.partition("关于")
    return bool(sep) and issuer.endswith(GOVERNMENT_ISSUERS) and rest.endswith(GOVERNMENT_DOC_ENDS)


def document_links(docs: list[Document]) -> list[DocumentLink]:
    """Every citation of one document by another: by 文号 or by title; unresolved ones kept too.

    A 文号 that is not a loaded document's, and a title that names an 通知/意见/决定 of a 人民政府
    but is not loaded, are kept with resolved=False (the parent exists but was not loaded).
    """
    by_number = {d.number: d.id for d in docs if d.number}
    by_title: dict[str, str] = {}
    for d in docs:
        for k in _title_keys(d):
            by_title.setdefault(k, d.id)
    out: set[DocumentLink] = set()
    for d in docs:
        for number in d.cited_document_numbers:
            if number == d.number:
                continue
            target = by_number.get(number)
            out.add(DocumentLink(d.id, target or number, "number", number, target is not None))
        for title in d.cited_regulations:
            key = _squash(title)
            target = by_title.get(key)
            if target is not None and target != d.id:
                out.add(DocumentLink(d.id, target, "title", key, True))
            elif target is None and _names_government_document(key):
                out.add(DocumentLink(d.id, key, "title", key, False))
    return sorted(out, key=lambda x: (x.citing, x.cited, x.via, x.evidence))


def owner_functions(assignments: tuple[Assignment, ...]) -> tuple[str, ...]:
    """Functions (emergency_management, …) of the explicit, concrete owners of a task, sorted."""
    return tuple(sorted({a.function for a in assignments if a.function and is_concrete(a)}))


def align_tasks(child: Document, parent: Document, threshold: float = ALIGN_THRESHOLD) -> DocumentLineage:
    """Align each task of `child` to the most similar task of `parent` (score ≥ threshold)."""
    scores = task_scores(list(child.tasks), list(parent.tasks))
    alignments = []
    unaligned = []
    taken: set[str] = set()
    for i, ct in enumerate(child.tasks):
        best, best_j = 0.0, -1
        for j in range(len(parent.tasks)):
            s = scores[i][j]
            if s > best + 1e-12:
                best, best_j = s, j
        if best_j < 0 or best < threshold:
            unaligned.append(ct.id)
            continue
        pt = parent.tasks[best_j]
        taken.add(pt.id)
        alignments.append(_alignment(ct, pt, best))
    dropped = tuple(t.id for t in parent.tasks if t.id not in taken)
    return DocumentLineage(child.id, parent.id, tuple(alignments), tuple(unaligned), dropped)


def _alignment(ct: Task, pt: Task, score: float) -> TaskAlignment:
    cf, pf = set(owner_functions(ct.assignments)), set(owner_functions(pt.assignments))
    return TaskAlignment(ct.id, pt.id, round(score, 4), tuple(sorted(cf - pf)), tuple(sorted(pf - cf)))


def lineage(docs: list[Document], threshold: float = ALIGN_THRESHOLD) -> Lineage:
    """Links between the given documents, and task alignments for every resolved link."""
    links = document_links(docs)
    by_id = {d.id: d for d in docs}
    pairs = sorted({(lk.citing, lk.cited) for lk in links if lk.resolved})
    aligned = tuple(align_tasks(by_id[c], by_id[p], threshold) for c, p in pairs if by_id[c].tasks and by_id[p].tasks)
    return Lineage(tuple(links), aligned)


def _fmt_table(lin: Lineage) -> str:
    """Links, then for each aligned pair the child task -> parent task with its score."""
    from kg.diff import _table

    out = ["document links (citing -> cited)"]
    out += _table(["citing", "cited", "via", "loaded"],
                  [[lk.citing, lk.cited, lk.via, "yes" if lk.resolved else "no"] for lk in lin.links])
    for dl in lin.documents:
        out += ["", f"{dl.child} implements {dl.parent}: {len(dl.alignments)} tasks aligned, "
                    f"{len(dl.unaligned_child_tasks)} new, {len(dl.dropped_parent_tasks)} of the parent's not taken up"]
        out += _table(["child task", "parent task", "score", "functions added", "functions dropped"],
                      [[a.child_task, a.parent_task, f"{a.score:.2f}", ", ".join(a.functions_added) or "-",
                        ", ".join(a.functions_dropped) or "-"] for a in dl.alignments])
    return "\n".join(out) + "\n"


def run_lineage(store_dir, fmt: str = "table", threshold: float = ALIGN_THRESHOLD) -> str:
    """`kg lineage`: document links and task alignments over every document in the store."""
    import json
    from dataclasses import asdict

    from kg.diff import documents_from_store
    from kg.errors import InputError
    from kg.export import documents
    from kg.store import open_store

    if fmt not in ("table", "json"):
        raise InputError(fmt, "unknown format; expected table or json")
    ids = [r["id"] for r in documents(open_store(store_dir))]
    docs = documents_from_store(store_dir, ids)
    lin = lineage(docs, threshold)
    if fmt == "json":
        return json.dumps(asdict(lin), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return _fmt_table(lin)
