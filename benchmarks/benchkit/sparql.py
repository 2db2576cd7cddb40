"""Latency of every canned SPARQL query (queries/*.rq) on the embedded store and on rdflib's own engine
over the same data (the store's default graph: every file graph and the ontology, merged).

Each store query runs in its own process with a time limit (Oxigraph cannot be interrupted from
Python); the rdflib queries run in one process that loads the graph once, each under a timer.
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


def store_query(store_dir: Path, name: str, budget: float = 10.0) -> dict:
    """One canned query on the store: a warm-up, then repeats while within `budget` seconds; median ms."""
    from kg.queries import bind_params, load_query
    from kg.store import open_store

    store = open_store(store_dir)
    q = load_query(name)
    bindings = bind_params(q, _params(q))
    t = time.perf_counter()
    rows = store.select(q.text, bindings, source=q.name)
    runs = [time.perf_counter() - t]
    while sum(runs) < budget and len(runs) < 6:
        t = time.perf_counter()
        store.select(q.text, bindings, source=q.name)
        runs.append(time.perf_counter() - t)
    best = runs[1:] or runs
    return {"ms": statistics.median(best) * 1000, "rows": len(rows.rows)}


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
    from kg.queries import bind_params, load_query
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
        init = {k: _rdflib_term(v) for k, v in bind_params(q, _params(q)).items()}
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            t = time.perf_counter()
            rows = list(graph.query(q.text, initBindings=init))
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

