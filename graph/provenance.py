"""Where a fact comes from, as Web Annotation resources: a span of source lines and the quoted sentence."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.vocab import OA, RDF, TG, XSD
from tiltaksgraf.loaders.model import Evidence, Report, Span


def nb(text: str) -> Literal:
    """A Norwegian Bokmål literal."""
    return Literal(text, lang="nb")


def report_key(report: Report) -> str:
    """The key of a report's IRI: ``frihet-fra-vold-sluttrapport-2025``."""
    return f"{iris.key_of(report.plan.title)}-{report.title.split(',')[0].lower()}-{report.date[:4]}"


class Provenance:
    """Writes located parts of one source document into a graph."""

    def __init__(self, graph: Graph, doc: URIRef) -> None:
        self.g = graph
        self.doc = doc

    def span(self, node: URIRef, span: Span, section: str) -> URIRef:
        """A located part of the report: source, first and last line, section label."""
        self.g.add((node, RDF.type, OA.SpecificResource))
        self.g.add((node, OA.hasSource, self.doc))
        self.g.add((node, TG.startLine, Literal(span.start, datatype=XSD.positiveInteger)))
        self.g.add((node, TG.endLine, Literal(span.end, datatype=XSD.positiveInteger)))
        self.g.add((node, TG.sectionLabel, nb(section)))
        return node

    def source_span(self, owner: URIRef, prop: URIRef, span: Span, section: str, name: str = "span") -> None:
        """``owner prop`` a ``tg:SourceSpan``: where the owner stands in the report."""
        node = self.span(iris.part(owner, name), span, section)
        self.g.add((node, RDF.type, TG.SourceSpan))
        self.g.add((owner, prop, node))

    def quote(self, node: URIRef, exact: str, prefix: str = "", suffix: str = "") -> None:
        """``node oa:hasSelector`` a text-quote selector with the exact text and, optionally, its context."""
        selector = iris.part(node, "quote")
        self.g.add((node, OA.hasSelector, selector))
        self.g.add((selector, RDF.type, OA.TextQuoteSelector))
        self.g.add((selector, OA.exact, nb(exact)))
        if prefix:
            self.g.add((selector, OA.prefix, nb(prefix)))
        if suffix:
            self.g.add((selector, OA.suffix, nb(suffix)))

    def evidence(self, subject: URIRef, ev: Evidence) -> None:
        """``subject tg:evidence`` the quoted sentence with its lines."""
        node = self.span(iris.part(subject, "evidence"), ev.span, ev.section)
        self.quote(node, ev.quote)
        self.g.add((subject, TG.evidence, node))
