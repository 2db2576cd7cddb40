"""Latency of every canned SPARQL query (queries/*.rq) on the embedded store and on rdflib's engine."""

from __future__ import annotations

from pathlib import Path

from .measure import NotBuilt

__all__ = ["query_latencies"]


def query_latencies(store: Path, rdflib_timeout: float) -> dict:
    raise NotBuilt("kg.store / kg.queries")
