"""The one table run.py prints: a row per measure, a column per corpus size, and the target."""

from __future__ import annotations

from .measure import StageResult

__all__ = ["Table"]


def _mb(b: float) -> str:
    return f"{b / 1e6:.1f} MB"


class Table:
    def __init__(self, sizes: list[int]):
        self.sizes = sizes
        self.rows: list[tuple[str, dict[int, str], str]] = []
        self._index: dict[str, int] = {}

    def put(self, measure: str, n: int, value: str, target: str = "") -> None:
        if measure not in self._index:
            self._index[measure] = len(self.rows)
            self.rows.append((measure, {}, target))
        row = self.rows[self._index[measure]]
        row[1][n] = value
        if target and not row[2]:
            self.rows[self._index[measure]] = (row[0], row[1], target)

    def corpus(self, n: int, m: dict) -> None:
        self.put("generated corpus", n, f"{m['files']} files, {_mb(m['bytes'])}, {m['duties']} tasks, {m['assignments']} units")

    def add(self, stage: str, n: int, r: StageResult) -> None:
        getattr(self, f"_{stage}")(n, r)

    # one method per stage ---------------------------------------------------------------------
    def _na(self, names: list[str], n: int, r: StageResult) -> bool:
        if r.ok:
            return False
        for name in names:
            self.put(name, n, r.error or "n/a")
        return True

    def _load(self, n: int, r: StageResult) -> None:
        names = ["parse with loaders (all files)", "planted-attribution F1 (loaders)"]
        if self._na(names, n, r):
            return
        d = r.data
        mbs = d["bytes"] / 1e6 / d["seconds"]
        self.put(names[0], n, f"{mbs:.2f} MB/s, {d['tasks'] / d['seconds']:.0f} tasks/s, {d['seconds']:.1f} s, "
                              f"peak {r.peak_mb:.0f} MB")
        if "f1" in d:
            self.put(names[1], n, f"{d['f1']:.3f} ({d['summary'].split(' ', 1)[1]})", "≥ 0.99")
        else:
            self.put(names[1], n, d.get("error", "n/a"), "≥ 0.99")

    def _build(self, n: int, r: StageResult) -> None:
        name, target = "build end to end (kg.build)", "≥ 2 MB/s per core; 1,000 notices ≤ 60 s"
        if not r.ok:
            self.put(name, n, r.error, target)
            return
        d = r.data
        tasks = f", {d['tasks'] / d['seconds']:.0f} tasks/s" if d.get("tasks") else ""
        mbs = d["bytes"] / 1e6 / d["seconds"]
        per_core = f" ({mbs / d['cores']:.2f} per core)" if d.get("cores") else ""
        self.put(name, n, f"{mbs:.2f} MB/s{per_core}{tasks}, {d['seconds']:.1f} s, peak {r.peak_mb:.0f} MB", target)

    def _rebuild(self, n: int, r: StageResult) -> None:
        name = "re-build, one file changed"
        self.put(name, n, f"{r.data['seconds']:.2f} s" if r.ok else r.error, "≤ 2 s")

    def _export_score(self, n: int, r: StageResult) -> None:
        name = "planted-attribution F1 (kg export duties)"
        if self._na([name], n, r):
            return
        if "f1" not in r.data:
            self.put(name, n, r.data.get("error", "n/a"), "≥ 0.99")
            return
        self.put(name, n, f"{r.data['f1']:.3f} ({r.data['summary'].split(' ', 1)[1]})", "≥ 0.99")

    def _sparql(self, n: int, r: StageResult) -> None:
        if not r.ok:
            self.put("SPARQL canned queries", n, r.error, "≤ 0.5 s at 100k tasks; ≥ 20× rdflib")
            return
        if r.data.get("triples") and r.data.get("rdflib_load_s") is not None:
            self.put("SPARQL data (store default graph)", n, f"{r.data['triples']:,} triples "
                     f"(loaded into rdflib in {r.data['rdflib_load_s']:.1f} s)")
        for q in r.data["queries"]:
            store_ms, rd = q.get("store_ms"), q.get("rdflib_ms")
            own = f"{store_ms:,.1f} ms, {q['rows']} rows" if store_ms is not None else q.get("store_note", "n/a")
            if q.get("doc_ms") is not None:
                own += f"; one notice {q['doc_ms']:,.1f} ms (max {q['doc_max_ms']:,.1f})"
            if rd is not None and store_ms:
                other = f"rdflib {rd:,.0f} ms ({rd / store_ms:,.1f}×)"
            else:
                other = f"rdflib {rd:,.0f} ms" if rd is not None else f"rdflib {q.get('rdflib_note', 'n/a')}"
            self.put(f"SPARQL {q['name']}", n, f"{own}; {other}", "≤ 500 ms; ≥ 20× rdflib")

    def _falkor(self, n: int, r: StageResult) -> None:
        name = "FalkorDB write (native protocol, indexes)"
        if self._na([name], n, r):
            return
        d = r.data
        self.put(name, n, f"{d['rate']:,.0f} rel/s ({d['relationships']:,} rels, {d['nodes']:,} nodes, {d['seconds']:.1f} s; "
                          f"graph from {d['graph']})", "≥ 10,000 rel/s")

    def _bolt(self, n: int, r: StageResult) -> None:
        name = "Neo4j write over Bolt"
        if self._na([name], n, r):
            return
        d = r.data
        self.put(name, n, f"{d['rate']:,.0f} rel/s ({d['relationships']:,} rels, {d['seconds']:.1f} s)")

    def _views(self, n: int, r: StageResult) -> None:
        name = "views (HTML generation)"
        if self._na([name], n, r):
            return
        for v in r.data["views"]:
            if "error" in v:
                self.put(f"view {v['name']}", n, f"failed: {v['error']}")
            else:
                self.put(f"view {v['name']}", n, f"{v['seconds']:.1f} s, {v['kb']:,.0f} KB, "
                                                  f"{v['nodes']:,} nodes, {v['edges']:,} edges")

    # -------------------------------------------------------------------------------------------
    def render(self, machine: str) -> str:
        """One line per measure and size: | measure | notices | result | target |."""
        head = ["measure", "notices", "result", "target"]
        body = []
        for measure, vals, target in self.rows:
            for n in self.sizes:
                if n in vals:
                    body.append([measure, f"{n:,}", vals[n], target])
        widths = [max(_width(r[i]) for r in [head] + body) for i in range(len(head))]
        lines = [f"machine: {machine}", _line(head, widths), _line(["-" * w for w in widths], widths)]
        lines += [_line(r, widths) for r in body]
        return "\n".join(lines)


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _line(cells: list[str], widths: list[int]) -> str:
    return "| " + " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)) + " |"
