"""The ontology files (ontology/*.ttl) as rdflib graphs: vocabulary, concept schemes, SHACL shapes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.triples import bind_prefixes

__all__ = ["ONTOLOGY_DIR", "SHAPES_FILE", "ontology_files", "ontology_graph", "shapes_graph"]

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def ontology_files() -> list[Path]:
    """The vocabulary and concept-scheme files (every ontology/*.ttl except the shapes), sorted."""
    return sorted(p for p in ONTOLOGY_DIR.glob("*.ttl") if p != SHAPES_FILE)


def ontology_graph() -> Graph:
    """Classes, properties and concept schemes in one graph."""
    g = bind_prefixes(Graph())
    for path in ontology_files():
        g.parse(path, format="turtle")
    return g


def shapes_graph() -> Graph:
    """The SHACL shapes (ontology/shapes.ttl)."""
    return Graph().parse(SHAPES_FILE, format="turtle")
