"""Relationships per second written into a fresh local FalkorDB (native protocol) with indexes,
and through Bolt into a Neo4j when a URI is given."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from .measure import NotBuilt
from .pgraph import graph_for

__all__ = ["falkor_rate", "bolt_rate"]


def _write(client, graph) -> dict:
    from kg.cypher_writer import write_graph

    t0 = time.perf_counter()
    report = write_graph(client, graph)
    seconds = time.perf_counter() - t0
    return {"relationships": report.relationships, "nodes": report.nodes, "seconds": seconds,
            "rate": report.relationships / seconds if seconds else 0.0, "batches": report.batches}


def falkor_rate(corpus: Path, store: Path | None) -> dict:
    try:
        from kg.cypher_client import FalkorClient
        from kg.falkor_server import connect, start_server, stop_server
    except ImportError as e:
        raise NotBuilt(f"kg FalkorDB code ({e.name})") from None
    graph, origin = graph_for(corpus, store)
    with tempfile.TemporaryDirectory(prefix="kg-bench-falkor-") as tmp:
        info = start_server(Path(tmp))
        try:
            client = FalkorClient(connect(info, "bench"), "local FalkorDB")
            out = _write(client, graph)
        finally:
            stop_server(info, save=False)
    return out | {"graph": origin}


def bolt_rate(corpus: Path, store: Path | None, uri: str, user: str, password: str) -> dict:
    try:
        from kg.cypher_client import open_bolt
    except ImportError as e:
        raise NotBuilt(f"kg Bolt client ({e.name})") from None
    graph, origin = graph_for(corpus, store)
    client = open_bolt(uri, user, password)
    try:
        return _write(client, graph) | {"graph": origin}
    finally:
        close = getattr(client, "close", None)
        if close:
            close()
