"""Latency of every canned SPARQL query (queries/*.rq) on the embedded store and on rdflib's own engine
over the same data (the store's default graph: every file graph and the ontology, merged).

Each store query runs in its own process with a time limit (Oxigraph cannot be interrupted from
Python); the rdflib queries run in one process that loads the graph once, each under a timer. A query
with a `document` parameter is also timed for single notices (the median over a few documents spread
through the store): that is the question an analyst asks of one notice.
"""

from __future__ import annotations

import signal
import statistics
import time
from pathlib import Path

from .measure import NotBuilt, run_stage

__all__ = ["BENCH_PARAMS", "query_latencies", "store_query", "rdflib_queries"]

# values for parameters a canned query requires (the others keep their defaults)
BENCH_PARAMS = {"unit": "应急管理局"}
SAMPLE_DOCUMENTS = 5  # documents timed one by one for queries with a document parameter


class _Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Timeout()


def _queries():
    try:
        from kg.queries import list_queries
    except ImportError as e:
        raise NotBuilt(e.name or "kg.queries") from None
    queries = list_queries()
    if not queries:
        raise NotBuilt("queries/*.rq")
    return queries


def _params(q) -> dict[str, str]:
    return {p.name: BENCH_PARAMS[p.name] for p in q.params if p.name in BENCH_PARAMS}


def _sample_documents(store) -> list[str]:
    """A few document ids spread evenly through the sorted list of all of them."""
    from kg.queries import run_query

    ids = sorted(r["document_id"] for r in run_query(store, "internal/export_documents").dicts())
    if len(ids) <= SAMPLE_DOCUMENTS:
        return ids
    step = len(ids) / SAMPLE_DOCUMENTS
    return [ids[int(i * step)] for i in range(SAMPLE_DOCUMENTS)]


def _median_ms(run, budget: float) -> tuple[float, object]:
    """Median milliseconds of `run()` (the first run only warms the caches) and the first run's result."""
    t = time.perf_counter()
    result = run()
    runs = [time.perf_counter() - t]
    while sum(runs) < budget and len(runs) < 6:
        t = time.perf_counter()
        run()
        runs.append(time.perf_counter() - t)
    best = runs[1:] or runs
    return statistics.median(best) * 1000, result


def store_query(store_dir: Path, name: str, budget: float = 10.0) -> dict:
    """One canned query on the store: a warm-up, then repeats while within `budget` seconds; median ms.
    With a document parameter, also the median over single documents (`doc_ms`)."""
    from kg.queries import bind_params, load_query, select
    from kg.store import open_store

    store = open_store(store_dir)
    q = load_query(name)
    bindings = bind_params(q, _params(q))
    ms, rows = _median_ms(lambda: select(store, q, bindings), budget)
    out = {"ms": ms, "rows": len(rows.rows)}
    if "document" in {p.name for p in q.params}:
        per_doc = []
        for doc in _sample_documents(store):
            b = bind_params(q, {**_params(q), "document": doc})
            per_doc.append(_median_ms(lambda: select(store, q, b), budget / SAMPLE_DOCUMENTS)[0])
        if per_doc:
            out["doc_ms"] = statistics.median(per_doc)
            out["doc_max_ms"] = max(per_doc)
    return out


def _rdflib_term(term):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(str(term))


def rdflib_queries(store_dir: Path, names: list[str], timeout: float, max_quads: int) -> dict:
    """Load the store's default graph into rdflib once (unless it is too big), then run each query under a timer."""
    from kg.queries import bind_params, bound_text, load_query
    from kg.store import BUILD_GRAPH, open_store
    from rdflib import Graph

    store = open_store(store_dir)
    graphs = [g for g in store.named_graphs() if g != BUILD_GRAPH]
    quads = sum(1 for _ in store.graph_quads(graphs))
    if quads > max_quads:
        note = f"not run ({quads:,} quads > --rdflib-max-quads {max_quads:,})"
        return {"triples": None, "load_s": None, "queries": {n: {"note": note} for n in names}}
    t0 = time.perf_counter()
    graph = Graph()
    for q in store.graph_quads(graphs):
        graph.add((_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)))
    out = {"triples": len(graph), "load_s": time.perf_counter() - t0, "queries": {}}
    for name in names:
        q = load_query(name)
        bindings = bind_params(q, _params(q))
        init = {k: _rdflib_term(v) for k, v in bindings.items()}
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            t = time.perf_counter()
            rows = list(graph.query(bound_text(q, bindings), initBindings=init))
            out["queries"][name] = {"ms": (time.perf_counter() - t) * 1000, "rows": len(rows)}
        except _Timeout:
            out["queries"][name] = {"note": f"> {timeout:.0f} s"}
        except Exception as e:  # rdflib's engine cannot run it: the table says so
            out["queries"][name] = {"note": f"error: {type(e).__name__}"}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    return out


def query_latencies(store_dir: Path, store_timeout: float, rdflib_timeout: float, max_quads: int) -> dict:
    """Every canned query on both engines; a query over its time limit is reported as such."""
    queries = _queries()
    out = []
    for q in queries:
        missing = [p.name for p in q.params if getattr(p, "required", False) and p.name not in BENCH_PARAMS]
        entry: dict = {"name": q.name}
        if missing:
            entry["store_note"] = f"needs {', '.join(missing)}"
            out.append(entry)
            continue
        r = run_stage("sparql_one", {"store": str(store_dir), "name": q.name}, timeout=store_timeout)
        if r.ok:
            entry.update(store_ms=r.data["ms"], rows=r.data["rows"])
            if "doc_ms" in r.data:
                entry.update(doc_ms=r.data["doc_ms"], doc_max_ms=r.data["doc_max_ms"])
        else:
            entry["store_note"] = r.error.replace("timed out after", ">")
        out.append(entry)
    names = [e["name"] for e in out]
    budget = 60.0 + max_quads / 5_000 + rdflib_timeout * (len(names) + 1)  # loading runs at ~7k quads/s
    r = run_stage("sparql_rdflib", {"store": str(store_dir), "names": names, "timeout": rdflib_timeout,
                                    "max_quads": max_quads}, timeout=budget)
    triples, load_s = None, None
    if r.ok:
        triples, load_s = r.data["triples"], r.data["load_s"]
        for e in out:
            got = r.data["queries"].get(e["name"], {})
            if "ms" in got:
                e["rdflib_ms"] = got["ms"]
            else:
                e["rdflib_note"] = got.get("note", "n/a")
    else:
        for e in out:
            e["rdflib_note"] = r.error
    return {"queries": out, "triples": triples, "rdflib_load_s": load_s}

