"""Network analytics of who answers together (networkx): the unit–task bipartite graph, its weighted
projection onto units (co-responsibility), centrality and communities.

Only concrete links count: a unit named for the task itself (not inherited from a blanket default)
whose kind is not vague. Results are sorted so the same store gives the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
from networkx.algorithms import bipartite
from networkx.algorithms.community import greedy_modularity_communities

from kg.queries import run_query
from kg.store import Store

__all__ = [
    "UnitCentrality",
    "unit_task_links",
    "unit_task_graph",
    "co_responsibility_graph",
    "centrality",
    "communities",
]


@dataclass(frozen=True)
class UnitCentrality:
    """How central one unit is in the co-responsibility graph."""

    unit: str
    partners: int  # units it shares at least one task with
    shared_tasks: int  # weighted degree: sum over partners of tasks shared
    betweenness: float  # weighted (distance = 1 / shared tasks), normalised


def unit_task_links(store: Store, document: str | None = None) -> list[dict[str, Any]]:
    """Concrete (task, unit) links: not inherited, not vague; one row per task and unit."""
    params = {"document": document} if document else {}
    seen, out = set(), []
    for row in run_query(store, "internal/unit_tasks", params).dicts():
        if row["inherited"] or row["kind"] == "vague":
            continue
        key = (row["task_id"], row["unit"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def unit_task_graph(links: Iterable[Mapping[str, Any]]) -> nx.Graph:
    """Bipartite graph: unit nodes ("unit", name, bipartite=0) and task nodes ("task", id, bipartite=1)."""
    g = nx.Graph()
    for row in sorted(links, key=lambda r: (r["task_id"], r["unit"])):
        u, t = ("unit", row["unit"]), ("task", row["task_id"])
        g.add_node(u, bipartite=0, kind=row.get("kind", "other"))
        g.add_node(t, bipartite=1, document=row.get("document", ""))
        g.add_edge(u, t)
    return g


def co_responsibility_graph(bipartite_graph: nx.Graph) -> nx.Graph:
    """Units joined by the number of tasks they share (weighted bipartite projection), keyed by name."""
    units = sorted(n for n, d in bipartite_graph.nodes(data=True) if d["bipartite"] == 0)
    if not units:
        return nx.Graph()
    projected = bipartite.weighted_projected_graph(bipartite_graph, units)
    g = nx.Graph()
    for node in units:
        g.add_node(node[1], kind=bipartite_graph.nodes[node].get("kind", "other"))
    for a, b, data in sorted(projected.edges(data=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1]))):
        g.add_edge(a[1], b[1], weight=data["weight"])
    return g


def centrality(graph: nx.Graph) -> list[UnitCentrality]:
    """Partners, shared tasks and weighted betweenness per unit, most shared tasks first."""
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    between = nx.betweenness_centrality(graph, weight="distance", normalized=True) if graph else {}
    out = [
        UnitCentrality(n, graph.degree(n), int(graph.degree(n, weight="weight")), round(between.get(n, 0.0), 6))
        for n in graph.nodes
    ]
    return sorted(out, key=lambda c: (-c.shared_tasks, -c.partners, c.unit))


def communities(graph: nx.Graph) -> list[list[str]]:
    """Groups of units that answer together (greedy modularity, weighted), largest first; isolated units left out."""
    linked = graph.subgraph([n for n in graph.nodes if graph.degree(n) > 0])
    if linked.number_of_edges() == 0:
        return []
    found = greedy_modularity_communities(linked, weight="weight")
    groups = [sorted(c) for c in found]
    return sorted(groups, key=lambda c: (-len(c), c))
