"""Namespaces: tiltaksgraf's own terms (a typed DefinedNamespace that fails on a misspelt term) and reused ones.

Every term of ``TG`` is declared, labelled and defined (nb and en) in ``ontology/tiltaksgraf.ttl``;
a test checks the two agree.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from tiltaksgraf.graph.namespaces import BASE, NAMESPACES
from tiltaksgraf.graph.namespaces import SH as _SH

ID = Namespace(NAMESPACES["tgid"])
VOCAB = Namespace(f"{BASE}vocab/")

ORG = Namespace(NAMESPACES["org"])
OA = Namespace(NAMESPACES["oa"])
FABIO = Namespace(NAMESPACES["fabio"])
CITO = Namespace(NAMESPACES["cito"])
SH = Namespace(_SH)

STATUS = Namespace(NAMESPACES["status"])
CONTINUATION = Namespace(NAMESPACES["continuation"])
ROLE = Namespace(NAMESPACES["role"])
STATEMENT_SOURCE = Namespace(NAMESPACES["source"])
ORG_TYPE = Namespace(NAMESPACES["orgtype"])
PROGRAMME_KIND = Namespace(NAMESPACES["progkind"])
FINDING = Namespace(NAMESPACES["finding"])
DOCUMENT_KIND = Namespace(NAMESPACES["kind"])
CITED_AS = Namespace(NAMESPACES["citedas"])
ELI = Namespace(NAMESPACES["eli"])


class TG(DefinedNamespace):
    """The tiltaksgraf ontology: ``https://w3id.org/tiltaksgraf/ontology#``."""

    _NS = Namespace(NAMESPACES["tg"])
    _fail = True

    # classes
    ActionPlan: URIRef
    EscalationPlan: URIRef
    PlanReport: URIRef
    StatusReport: URIRef
    FinalReport: URIRef
    FocusArea: URIRef
    Measure: URIRef
    SubMeasure: URIRef
    Responsibility: URIRef
    StatusAssessment: URIRef
    Continuation: URIRef
    Commitment: URIRef
    CrossReference: URIRef
    Footnote: URIRef
    SourceFinding: URIRef
    SourceSpan: URIRef
    Programme: URIRef

    # plans and the report
    successorPlan: URIRef
    reportsOn: URIRef
    startYear: URIRef
    endYear: URIRef
    spelling: URIRef

    # measures
    number: URIRef
    letter: URIRef
    focusArea: URIRef
    bodyTitle: URIRef
    statusText: URIRef
    sourceSpan: URIRef
    statusSpan: URIRef
    startLine: URIRef
    endLine: URIRef
    sectionLabel: URIRef
    evidence: URIRef

    # responsibility, status, continuation
    statedIn: URIRef
    hasStatusAssessment: URIRef
    statusValue: URIRef
    decidedByRule: URIRef
    hasContinuation: URIRef
    continuationRelation: URIRef
    targetPlan: URIRef
    commitment: URIRef
    quotedInReport: URIRef

    # status readings and status over time
    StatusReading: URIRef
    currentStatusAssessment: URIRef
    hasReading: URIRef
    chosenReading: URIRef
    readByRule: URIRef
    aboutTheMeasure: URIRef
    choiceReason: URIRef
    contested: URIRef

    # documents the measures name
    DocumentMention: URIRef
    hasDocumentMention: URIRef
    mentionedDocument: URIRef
    citedAs: URIRef
    namedAs: URIRef
    viaFootnote: URIRef
    evaluatedBy: URIRef

    # continuation: scope and owner
    coversPart: URIRef
    followedUpBy: URIRef
    followedUpByName: URIRef
    followUpEvidence: URIRef

    # cross-references and citations
    refersTo: URIRef
    hasCrossReference: URIRef
    referencedMeasure: URIRef
    cue: URIRef
    footnoteNumber: URIRef
    footnoteText: URIRef
    authorList: URIRef
    subtitle: URIRef
    publisherName: URIRef
    seriesName: URIRef
    seriesNumber: URIRef

    # organisations (the registry in data/organisations.ttl)
    acronym: URIRef
    formerName: URIRef

    # programmes, services, tools, networks and websites (the registry in data/programmes.ttl)
    programmeKind: URIRef
    runBy: URIRef
    fundedBy: URIRef

    # actors in measures: roles beyond responsibility, organisations only named, and every place a name stands
    Involvement: URIRef
    MentionOnly: URIRef
    hasMentionOnly: URIRef
    namedOrganisation: URIRef
    Mention: URIRef
    mentions: URIRef
    hasMention: URIRef
    mentionOf: URIRef

    # findings about the source
    hasFinding: URIRef
    findingKind: URIRef
    detail: URIRef


__all__ = [
    "BASE",
    "CITED_AS",
    "CITO",
    "CONTINUATION",
    "DCTERMS",
    "DOCUMENT_KIND",
    "ELI",
    "FABIO",
    "FINDING",
    "ID",
    "OA",
    "ORG",
    "ORG_TYPE",
    "OWL",
    "PROGRAMME_KIND",
    "PROV",
    "RDF",
    "RDFS",
    "ROLE",
    "SH",
    "SKOS",
    "STATEMENT_SOURCE",
    "STATUS",
    "TG",
    "VOCAB",
    "XSD",
]

#: Prefixes bound in every graph tiltaksgraf writes (the namespaces of graph/namespaces.py).
PREFIXES = {name: Namespace(iri) for name, iri in NAMESPACES.items()}
