"""Model -> RDF: the triples of one source file, as N-Triples or as an rdflib Graph named by the
file's IRI.

Every node has an IRI (kg.ids); no blank nodes. Instance literals are plain strings, integers,
booleans and xsd:date. The field-to-predicate table is in ontology/README.md. The N-Triples are
written directly (rdflib's Graph.add is ~10x slower at corpus scale); the Graph is parsed from them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import XSD

from kg import ids
from kg.model import Assignment, Citation, DefaultClause, Document, Section, SourceFile, Span, Task, Term
from kg import namespaces as _ns
from kg.namespaces import PREFIXES

__all__ = ["file_graph", "file_ntriples", "bind_prefixes"]


def _plain(ns):
    """The terms of a DefinedNamespace as plain attributes already in N-Triples form, `<IRI>` (its
    checked lookup costs ~1 µs a use, some 400,000 uses per 100 notices)."""
    from types import SimpleNamespace

    names = {n for klass in type.mro(ns) for n in getattr(klass, "__annotations__", {})}
    return SimpleNamespace(**{n: f"<{ns[n]}>" for n in names if not n.startswith("_")})


DCTERMS, ELI, OA, ORG, PROV, RDF, SD, SKOS = map(
    _plain, (_ns.DCTERMS, _ns.ELI, _ns.OA, _ns.ORG, _ns.PROV, _ns.RDF, _ns.SD, _ns.SKOS))


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every prefix of kg.namespaces.PREFIXES explicitly (and nothing else)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def file_ntriples(source: SourceFile) -> bytes:
    """All triples read from one source file as N-Triples (UTF-8), each once, in the order the model
    is walked (the same for the same model)."""
    writer = _Writer(ids.file_iri(source.source_file))
    writer.source_file(source)
    return "".join(dict.fromkeys(writer.lines)).encode("utf-8")


def file_graph(source: SourceFile) -> Graph:
    """All triples read from one source file, in an rdflib graph named by the file's IRI."""
    g = bind_prefixes(Graph(identifier=ids.file_iri(source.source_file)))
    return g.parse(data=file_ntriples(source), format="nt")


class _Lit(str):
    """A literal already in N-Triples form."""


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _literal(value: str, datatype: URIRef | None = None) -> _Lit:
    """A string (plain, or typed with `datatype`) as an N-Triples literal."""
    text = '"' + str(value).translate(_ESCAPES) + '"'
    return _Lit(text if datatype is None else f"{text}^^<{datatype}>")


_INTEGER = f"^^<{XSD.integer}>"
_TRUE, _FALSE = _Lit(f'"true"^^<{XSD.boolean}>'), _Lit(f'"false"^^<{XSD.boolean}>')


def _int(value: int) -> _Lit:
    return _Lit(f'"{int(value)}"{_INTEGER}')


def _bool(value: bool) -> _Lit:
    return _TRUE if value else _FALSE


_FORMED = ('"', "<")  # how a literal and a namespace term (already in N-Triples form) begin


class _Writer:
    """Adds the triples of one source file to a graph."""

    def __init__(self, file_node: URIRef):
        self.lines: list[str] = []  # in the order written; repeats dropped at the end
        self.file = file_node
        self.jurisdiction: str | None = None  # of the document being written (scopes generic titles)

    def add(self, s: URIRef, p: str, o: URIRef | str) -> None:
        """One triple: `p` a term of the namespaces above (`<IRI>`), `o` an IRI (an id or such a term) or
        a literal in N-Triples form."""
        self.lines.append(f"<{s}> {p} {o} .\n" if o[0] in _FORMED else f"<{s}> {p} <{o}> .\n")

    def text(self, s: URIRef, p: URIRef, value: str | None) -> None:
        if value:
            self.add(s, p, _literal(value))

    def anchor(self, subject: URIRef, start: int, end: int, quote: str | None = None) -> None:
        """Where `subject` is printed: sd:start and sd:end; with a quote (tasks, unplaced spans) also as a
        Web Annotation oa:SpecificResource with position and quote selectors. (Every node with its own
        annotation node was some 40% of the store.)"""
        if start < 0 or end < 0:
            return
        self.add(subject, SD.start, _int(start))
        self.add(subject, SD.end, _int(end))
        if quote is None:
            return
        a = f"{subject}/anchor"  # ids.child_iri(subject, "anchor"), spelled out: ~7,000 uses per 100 notices
        pos = f"{a}/position"
        self.add(subject, SD.anchor, a)
        self.add(a, RDF.type, SD.Anchor)
        self.add(a, RDF.type, OA.SpecificResource)
        self.add(a, OA.hasSource, self.file)
        self.add(a, OA.hasSelector, pos)
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, _int(start))
        self.add(pos, OA.end, _int(end))
        q = f"{a}/quote"
        self.add(a, OA.hasSelector, q)
        self.add(q, RDF.type, OA.TextQuoteSelector)
        self.add(q, OA.exact, _literal(quote))

    def list_items(self, owner: URIRef, prop: URIRef, name: str, values: Iterable[str]) -> list[URIRef]:
        """An ordered list of strings as sd:ListItem nodes (rdf:value, sd:index)."""
        items = []
        for k, value in enumerate(values, 1):
            item = ids.child_iri(owner, name, k)
            self.add(owner, prop, item)
            self.add(item, RDF.type, SD.ListItem)
            self.add(item, SD.index, _int(k))
            self.add(item, RDF.value, _literal(value))
            items.append(item)
        return items

    def unplaced(self, owner: URIRef, spans: Iterable[Span]) -> None:
        for k, span in enumerate(spans, 1):
            node = ids.child_iri(owner, "unplaced", k)
            self.add(owner, SD.unplaced, node)
            self.add(node, RDF.type, SD.UnplacedSpan)
            self.anchor(node, span.start, span.end, span.text)

    # ------------------------------------------------------------------ nodes

    def source_file(self, source: SourceFile) -> None:
        f = self.file
        self.add(f, RDF.type, SD.SourceFile)
        self.add(f, RDF.type, PROV.Entity)
        self.add(f, SD.fileName, _literal(source.source_file))
        self.add(f, SD.sha256, _literal(source.sha256))
        self.add(f, SD.length, _int(source.length))
        for w in sorted(set(source.warnings)):
            self.add(f, SD.warning, _literal(w))
        self.unplaced(f, source.unplaced)
        for k, doc in enumerate(source.documents, 1):
            self.document(doc, k)

    def unit(self, name: str, canonical: str, kind: str | None = None, function: str = "") -> URIRef:
        u = ids.unit_iri(canonical)
        self.add(u, RDF.type, SD.Unit)
        self.add(u, RDF.type, ORG.Organization)
        self.add(u, SKOS.prefLabel, _literal(canonical))
        if name and name != canonical:
            self.add(u, SKOS.altLabel, _literal(name))
        if kind:
            self.add(u, ORG.classification, ids.kind_iri(kind))
        self.text(u, SD.function, function)
        return u

    def document(self, doc: Document, position: int) -> None:
        d = ids.document_iri(doc.id)
        add = self.add
        self.jurisdiction = doc.jurisdiction
        add(d, RDF.type, SD.Document)
        add(d, RDF.type, ELI.LegalResource)
        add(d, DCTERMS.identifier, _literal(doc.id))
        add(d, SD.sourceFile, self.file)
        add(d, SD.ordinal, _int(position))
        add(d, SD.documentKind, _literal(doc.kind))
        self.text(d, ELI.id_local, doc.number)
        self.text(d, SD.printedNumber, doc.printed_number)
        self.text(d, ELI.title, doc.title)
        self.text(d, SD.level, doc.level)
        ownership = Counter(task.ownership for task in doc.tasks)  # derived counts: document_overview
        add(d, SD.sectionCount, _int(len(doc.sections)))
        add(d, SD.taskCount, _int(len(doc.tasks)))
        add(d, SD.concreteTaskCount, _int(ownership["concrete"]))
        add(d, SD.vagueTaskCount, _int(ownership["vague"]))
        if doc.date:
            add(d, ELI.date_document, _literal(doc.date, datatype=XSD.date))
        if doc.issuer:
            add(d, SD.issuerName, _literal(doc.issuer))
            add(d, ELI.passed_by, self.unit("", doc.issuer))
        if doc.jurisdiction:
            j = ids.jurisdiction_iri(doc.jurisdiction)
            add(d, ELI.jurisdiction, j)
            add(j, RDF.type, SD.Jurisdiction)
            add(j, RDF.type, SKOS.Concept)
            add(j, SKOS.prefLabel, _literal(doc.jurisdiction))
            self.text(j, SD.level, doc.level)
        self.anchor(d, doc.start, doc.end)
        self.list_items(d, SD.addressee, "addressee", doc.addressees)
        self.list_items(d, SD.copyTo, "cc", doc.cc)
        for item, title in zip(self.list_items(d, SD.citedRegulation, "regulation", doc.cited_regulations),
                               doc.cited_regulations):
            reg = self.regulation(title)
            add(item, SD.regulation, reg)
            add(d, ELI.cites, reg)
        for number in doc.cited_document_numbers:
            add(d, ELI.cites, ids.document_iri(number))
        self.list_items(d, SD.citedDocumentNumber, "number", doc.cited_document_numbers)
        terms = {}
        for term in doc.glossary:
            terms[term.label] = self.term(d, doc.id, term)
        section_nodes = {}
        for section in doc.sections:
            section_nodes[section.id] = self.section(d, section, section_nodes)
        for task in doc.tasks:
            self.task(d, task, section_nodes.get(task.section_id, d), terms, doc.id)
        inherited = Counter(key for task in doc.tasks  # tasks holding each (unit, role) only by a default
                            for key in {(a.canonical, a.role) for a in task.assignments if a.inherited})
        for k, clause in enumerate(doc.defaults, 1):
            self.default_clause(d, doc.id, clause, k, inherited)
        self.unplaced(d, doc.unplaced)

    def regulation(self, title: str, number: str = "") -> URIRef:
        """One node per regulation however it is cited (《安全生产法》 ≡ 《中华人民共和国安全生产法》): the IRI
        and eli:title come from the normalised title, the printed forms are skos:altLabel."""
        from loaders.citations import normalise_regulation

        norm = normalise_regulation(title, self.jurisdiction, number)
        reg = ids.regulation_iri(norm.key)
        self.add(reg, RDF.type, SD.Regulation)
        self.add(reg, RDF.type, ELI.LegalResource)
        self.add(reg, ELI.title, _literal(norm.label))
        self.add(reg, DCTERMS.type, _literal(norm.type))
        if title != norm.label:
            self.add(reg, SKOS.altLabel, _literal(title))
        if norm.number:
            self.add(reg, ELI.id_local, _literal(norm.number))
        return reg

    def term(self, d: URIRef, doc_id: str, term: Term) -> URIRef:
        t = ids.term_iri(doc_id, term.label)
        self.add(d, SD.glossaryTerm, t)
        self.add(t, RDF.type, SD.Term)
        self.add(t, RDF.type, SKOS.Concept)
        self.add(t, SKOS.prefLabel, _literal(term.label))
        self.text(t, SKOS.definition, term.definition)
        self.anchor(t, term.start, term.end)
        return t

    def section(self, d: URIRef, section: Section, known: dict[str, URIRef]) -> URIRef:
        s = ids.section_iri(section.id)
        parent = known.get(section.parent_id, d) if section.parent_id else d
        add = self.add
        add(s, RDF.type, SD.Section)
        add(s, RDF.type, ELI.LegalResourceSubdivision)
        add(s, DCTERMS.identifier, _literal(section.id))
        add(s, ELI.number, _literal(section.number))
        self.text(s, SD.shortTitle, section.title)
        add(s, SD.depth, _int(section.depth))
        add(s, ELI.is_part_of, parent)
        add(parent, ELI.has_part, s)
        add(s, SD.document, d)
        self.anchor(s, section.start, section.end)
        return s

    def task(self, d: URIRef, task: Task, parent: URIRef, terms: dict[str, URIRef], doc_id: str) -> None:
        t = ids.task_iri(task.id)
        add = self.add
        add(t, RDF.type, SD.Task)
        add(t, RDF.type, ELI.LegalResourceSubdivision)
        add(t, RDF.type, PROV.Activity)
        add(t, DCTERMS.identifier, _literal(task.id))
        add(t, SD.ordinal, _int(task.ordinal))
        add(t, SD.text, _literal(task.text))
        add(t, ELI.is_part_of, parent)
        add(parent, ELI.has_part, t)
        add(t, SD.document, d)
        add(t, SD.attributionSource, _literal(task.source))
        add(t, SD.openList, _bool(task.open_list))
        add(t, SD.ownership, ids.ownership_iri(task.ownership))  # derived summaries: one lookup for the queries
        add(t, SD.namedUnitCount, _int(len(task.named_units)))
        add(t, SD.concreteUnitCount, _int(len(task.concrete_units)))
        add(t, SD.leadUnitCount, _int(len(task.lead_units)))
        for canonical in sorted(task.concrete_units):
            add(t, SD.concreteOwner, ids.unit_iri(canonical))
        self.anchor(t, task.start, task.end, task.quote)
        if task.sector:
            add(t, SD.primarySector, ids.sector_iri(task.sector))
        for code in dict.fromkeys(((task.sector,) if task.sector else ()) + tuple(task.sectors)):
            add(t, SD.sector, ids.sector_iri(code))
        self.assignments(t, task.assignments)
        for k, citation in enumerate(task.citations, 1):
            self.citation(t, citation, k)
        for label in task.terms:
            add(t, SD.usesTerm, terms.get(label) or ids.term_iri(doc_id, label))

    def assignments(self, owner: URIRef, assignments: Iterable[Assignment]) -> list[str]:
        """The assignment nodes of a task or default clause, in order."""
        seen: Counter[tuple[str, str]] = Counter()
        nodes = []
        for k, a in enumerate(assignments, 1):
            seen[(a.canonical, a.role)] += 1
            node = ids.assignment_iri(owner, a.canonical, a.role, seen[(a.canonical, a.role)])
            add = self.add
            add(owner, PROV.qualifiedAssociation, node)
            add(node, RDF.type, SD.Assignment)
            add(node, RDF.type, PROV.Association)
            add(node, PROV.agent, self.unit(a.name, a.canonical, a.kind, a.function))
            add(node, PROV.hadRole, ids.role_iri(a.role))
            add(node, SD.unitName, _literal(a.name))
            add(node, SD.inherited, _bool(a.inherited))
            add(node, SD.attributionSource, _literal(a.source))
            add(node, SD.index, _int(k))
            self.anchor(node, a.start, a.end)
            nodes.append(node)
        return nodes

    def citation(self, t: URIRef, citation: Citation, k: int) -> None:
        c = ids.child_iri(t, "citation", k)
        reg = self.regulation(citation.title, citation.number)
        self.add(t, SD.citation, c)
        self.add(t, ELI.cites, reg)
        self.add(c, RDF.type, SD.Citation)
        self.add(c, SD.index, _int(k))
        self.add(c, RDF.value, _literal(citation.title))
        self.add(c, SD.regulation, reg)
        self.text(c, SD.documentNumber, citation.number)
        self.anchor(c, citation.start, citation.end)

    def default_clause(self, d: URIRef, doc_id: str, clause: DefaultClause, k: int,
                       inherited: Counter[tuple[str, str]]) -> None:
        c = ids.default_iri(doc_id, k)
        self.add(d, SD.defaultClause, c)
        self.add(c, RDF.type, SD.DefaultClause)
        self.add(c, SD.declaredIn, ids.task_iri(clause.task_id))
        for node, a in zip(self.assignments(c, clause.units), clause.units):
            self.add(node, SD.inheritedTaskCount, _int(inherited[(a.canonical, a.role)]))
        self.anchor(c, clause.start, clause.end)
