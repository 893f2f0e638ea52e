"""Add the documents the measures name: one resource per document, every mention with its evidence, the links.

A document is ``…/id/document/<key>`` (``graph/iris.py``), typed by FaBiO or ELI (:data:`DOCUMENT_CLASS`), with
its kind (``dcterms:type``, a concept of ``ontology/schemes/document-kind.ttl``), designation
(``dcterms:identifier``), title, year and publisher. Laws, regulations, conventions and the government platform
come from the registry ``data/legislation.ttl`` (:func:`load_legislation`), which holds their facts.

Each place a measure names a document is a ``tg:DocumentMention`` with ``tg:citedAs`` (footnote, prose or
deliverable), the rule, the words as written and the sentence (``tg:evidence``); the measure also links to
the document directly by how it names it: ``cito:cites`` (footnote), ``dcterms:references`` (prose),
``prov:generated`` (deliverable), ``tg:evaluatedBy``; a new document ``dcterms:replaces`` the one it replaces.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.provenance import Provenance, nb, report_key
from tiltaksgraf.graph.registry import parse_registry
from tiltaksgraf.graph.vocab import CITED_AS, CITO, DCTERMS, DOCUMENT_KIND, ELI, FABIO, PROV, RDF, SKOS, TG, XSD
from tiltaksgraf.loaders.document_rules import LegalName
from tiltaksgraf.loaders.documents import Documents
from tiltaksgraf.loaders.model import Document, Report

from tiltaksgraf.paths import LEGISLATION_FILE

#: The FaBiO or ELI class of each kind of document.
DOCUMENT_CLASS = {
    "nou": FABIO.ReportDocument,
    "proposition-l": FABIO.PolicyDocument,
    "proposition-s": FABIO.PolicyDocument,
    "white-paper": FABIO.WhitePaper,
    "recommendation": FABIO.ReportDocument,
    "parliamentary-resolution": FABIO.Expression,
    "circular": FABIO.PolicyDocument,
    "guideline": FABIO.InstructionManual,
    "report": FABIO.ReportDocument,
    "article": FABIO.JournalArticle,
    "journal": FABIO.Journal,
    "plan": FABIO.PolicyDocument,
    "law": ELI.LegalResource,
    "regulation": ELI.LegalResource,
    "convention": ELI.LegalResource,
    "political-platform": FABIO.PolicyDocument,
    "document": FABIO.Expression,
}
#: How a mention names a document, as the measure's direct link to it.
LINK = {"footnote": CITO.cites, "prose": DCTERMS.references, "deliverable": PROV.generated}


def load_legislation(path: Path = LEGISLATION_FILE) -> Graph:
    """The registry of laws, regulations, conventions and the government platform."""
    return parse_registry(path, "legislation", "restore data/legislation.ttl")


def legal_names(graph: Graph) -> list[LegalName]:
    """Every name of every registry entry (its prefLabels and altLabels), longest first, with key and kind."""
    out: list[LegalName] = []
    for entry, kind in graph.subject_objects(DCTERMS.type):
        if not str(entry).startswith(str(iris.document(""))) or not str(kind).startswith(str(DOCUMENT_KIND)):
            continue
        key = str(entry).rsplit("/", 1)[-1]
        labels = {str(label) for p in (SKOS.prefLabel, SKOS.altLabel) for label in graph.objects(entry, p)}
        out += [LegalName(label, key, str(kind).rsplit("/", 1)[-1]) for label in labels]
    return sorted(out, key=lambda n: (-len(n.label), n.label))


def add_documents(graph: Graph, report: Report, docs: Documents, footnoted: set[str]) -> None:
    """Write the documents and mentions of one report. ``footnoted``: keys of the publications the footnotes
    cite, which the report step has written already (title, authors, series …); here they get their kind."""
    plan_key = iris.key_of(report.plan.title)
    w = Provenance(graph, iris.report(report_key(report)))
    named = {m.document for m in docs.mentions}
    for doc in docs.documents.values():
        if doc.key in named and not doc.registry:
            _document(graph, doc, doc.key in footnoted, report)
    seen: Counter[URIRef] = Counter()
    notes = {n.number for n in report.footnotes}
    for m in docs.mentions:
        measure = iris.measure(plan_key, m.measure)
        doc = iris.document(m.document)
        base = iris.part(measure, "document", m.document, m.cited_as, str(m.evidence.span.start))
        seen[base] += 1
        node = base if seen[base] == 1 else URIRef(f"{base}-{seen[base]}")
        graph.add((measure, TG.hasDocumentMention, node))
        graph.add((node, RDF.type, TG.DocumentMention))
        graph.add((node, TG.mentionedDocument, doc))
        graph.add((node, TG.citedAs, CITED_AS[m.cited_as]))
        graph.add((node, TG.decidedByRule, Literal(m.rule)))
        graph.add((node, TG.namedAs, Literal(m.text)))
        if m.footnote is not None and m.footnote in notes:
            graph.add((node, TG.viaFootnote, iris.footnote(report_key(report), m.footnote)))
        w.evidence(node, m.evidence)
        graph.add((measure, LINK[m.cited_as], doc))
    for measure, key in docs.evaluated_by:
        graph.add((iris.measure(plan_key, measure), TG.evaluatedBy, iris.document(key)))
    for new, old in docs.replaces:
        graph.add((iris.document(new), DCTERMS.replaces, iris.document(old)))


def _document(graph: Graph, doc: Document, footnoted: bool, report: Report) -> None:
    node = iris.document(doc.key)
    graph.add((node, RDF.type, DOCUMENT_CLASS[doc.kind]))
    graph.add((node, DCTERMS.type, DOCUMENT_KIND[doc.kind]))
    if doc.designation:
        graph.add((node, DCTERMS.identifier, Literal(doc.designation)))
    if doc.container:  # a journal article stands in its journal, which is not its publisher
        journal = iris.journal(doc.container)
        graph.add((node, DCTERMS.isPartOf, journal))
        graph.add((journal, RDF.type, DOCUMENT_CLASS["journal"]))
        graph.add((journal, DCTERMS.type, DOCUMENT_KIND.journal))
        graph.add((journal, DCTERMS.title, Literal(doc.container)))
    if report.successor.identifier and doc.designation == report.successor.identifier:
        graph.add((node, DCTERMS.subject, iris.plan(iris.key_of(report.successor.title))))
    if footnoted:
        return  # the footnote's publication: the report step wrote its title, year, authors and publisher
    if doc.title:
        graph.add((node, DCTERMS.title, nb(doc.title)))
    if doc.year:
        graph.add((node, FABIO.hasPublicationYear, Literal(str(doc.year), datatype=XSD.gYear)))
    if doc.publisher:
        graph.add((node, TG.publisherName, Literal(doc.publisher)))
    if doc.publisher_iri:
        graph.add((node, DCTERMS.publisher, URIRef(doc.publisher_iri)))
