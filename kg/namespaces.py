"""The vocabularies the graph uses, as rdflib namespaces that fail on a misspelt term.

Our own terms (SD, ROLE, KIND, OWNER) are defined in ontology/*.ttl; ELI and OA list only the terms we
reuse. PROV, ORG, SKOS, DCTERMS come from rdflib itself.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "BASE",
    "ID",
    "SD",
    "ELI",
    "OA",
    "ROLE",
    "KIND",
    "OWNER",
    "SECTOR",
    "ROLE_SCHEME",
    "KIND_SCHEME",
    "OWNER_SCHEME",
    "SECTOR_SCHEME",
    "PREFIXES",
    "DCTERMS",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "XSD",
]

BASE = "https://w3id.org/safety-duty/"
ID = Namespace(BASE + "id/")
SECTOR = Namespace(BASE + "sector/")  # concepts written by ontology/sectors.ttl (codes from loaders)
ROLE_SCHEME = URIRef(BASE + "role")
KIND_SCHEME = URIRef(BASE + "unit-kind")
OWNER_SCHEME = URIRef(BASE + "ownership")
SECTOR_SCHEME = URIRef(BASE + "sector")


class SD(DefinedNamespace):
    """The safety-duty vocabulary (ontology/safety.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    SourceFile: URIRef
    Document: URIRef
    Section: URIRef
    Task: URIRef
    Unit: URIRef
    Assignment: URIRef
    DefaultClause: URIRef
    Role: URIRef
    UnitKind: URIRef
    Ownership: URIRef
    Sector: URIRef
    Regulation: URIRef
    Jurisdiction: URIRef
    Citation: URIRef
    Term: URIRef
    ListItem: URIRef
    Anchor: URIRef
    UnplacedSpan: URIRef
    # object properties
    document: URIRef
    sourceFile: URIRef
    anchor: URIRef
    primarySector: URIRef
    sector: URIRef
    citation: URIRef
    regulation: URIRef
    usesTerm: URIRef
    glossaryTerm: URIRef
    defaultClause: URIRef
    declaredIn: URIRef
    addressee: URIRef
    copyTo: URIRef
    citedRegulation: URIRef
    citedDocumentNumber: URIRef
    unplaced: URIRef
    ownership: URIRef
    concreteOwner: URIRef
    # datatype properties
    text: URIRef
    shortTitle: URIRef
    depth: URIRef
    ordinal: URIRef
    index: URIRef
    unitName: URIRef
    inherited: URIRef
    attributionSource: URIRef
    openList: URIRef
    start: URIRef
    end: URIRef
    namedUnitCount: URIRef
    concreteUnitCount: URIRef
    leadUnitCount: URIRef
    sectionCount: URIRef
    taskCount: URIRef
    concreteTaskCount: URIRef
    vagueTaskCount: URIRef
    inheritedTaskCount: URIRef
    function: URIRef
    documentKind: URIRef
    level: URIRef
    issuerName: URIRef
    documentNumber: URIRef
    printedNumber: URIRef
    fileName: URIRef
    sha256: URIRef
    length: URIRef
    warning: URIRef
    builder: URIRef
    buildSummary: URIRef
    ownedSubjects: URIRef
    storeLayout: URIRef
    # annotation properties (ontology/sectors.ttl)
    headingCue: URIRef


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology (the terms we reuse)."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    has_part: URIRef
    is_part_of: URIRef
    id_local: URIRef
    number: URIRef
    title: URIRef
    date_document: URIRef
    passed_by: URIRef
    jurisdiction: URIRef
    cites: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (the terms we reuse)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef


class ROLE(DefinedNamespace):
    """Role concepts (ontology/roles.ttl), one per kg.model.ROLES entry."""

    _NS = Namespace(BASE + "role/")
    _fail = True

    lead: URIRef
    responsible: URIRef
    shared: URIRef
    support: URIRef
    oversee: URIRef


class KIND(DefinedNamespace):
    """Unit-kind concepts (ontology/unit-kinds.ttl), one per kg.model.UNIT_KINDS entry."""

    _NS = Namespace(BASE + "unit-kind/")
    _fail = True

    department: URIRef
    government: URIRef
    committee: URIRef
    party: URIRef
    enterprise: URIRef
    vague: URIRef
    other: URIRef


class OWNER(DefinedNamespace):
    """Owner-status concepts (ontology/ownership.ttl), one per kg.model.OWNERSHIPS entry."""

    _NS = Namespace(BASE + "ownership/")
    _fail = True

    concrete: URIRef
    vague: URIRef
    none: URIRef


PREFIXES: dict[str, str] = {
    "dcterms": str(DCTERMS),
    "eli": str(ELI._NS),
    "id": str(ID),
    "kind": str(KIND._NS),
    "oa": str(OA._NS),
    "org": str(ORG),
    "owl": str(OWL),
    "owner": str(OWNER._NS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "role": str(ROLE._NS),
    "sd": str(SD._NS),
    "sector": str(SECTOR),
    "skos": str(SKOS),
    "xsd": str(XSD),
}
