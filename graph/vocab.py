"""Namespaces: tiltaksgraf's own terms (a typed DefinedNamespace that fails on a misspelt term) and reused ones.

Every term of ``TG`` is declared, labelled and defined (nb and en) in ``ontology/tiltaksgraf.ttl``;
a test checks the two agree.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/tiltaksgraf/"
ID = Namespace(f"{BASE}id/")
VOCAB = Namespace(f"{BASE}vocab/")

ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
FABIO = Namespace("http://purl.org/spar/fabio/")
CITO = Namespace("http://purl.org/spar/cito/")
SH = Namespace("http://www.w3.org/ns/shacl#")

STATUS = Namespace(f"{BASE}vocab/status/")
CONTINUATION = Namespace(f"{BASE}vocab/continuation/")
ROLE = Namespace(f"{BASE}vocab/role/")
STATEMENT_SOURCE = Namespace(f"{BASE}vocab/statement-source/")
ORG_TYPE = Namespace(f"{BASE}vocab/organisation-type/")
PROGRAMME_KIND = Namespace(f"{BASE}vocab/programme-kind/")
FINDING = Namespace(f"{BASE}vocab/finding/")
DOCUMENT_KIND = Namespace(f"{BASE}vocab/document-kind/")
CITED_AS = Namespace(f"{BASE}vocab/cited-as/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")


class TG(DefinedNamespace):
    """The tiltaksgraf ontology: ``https://w3id.org/tiltaksgraf/ontology#``."""

    _NS = Namespace(f"{BASE}ontology#")
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

#: Prefixes bound in every graph tiltaksgraf writes.
PREFIXES = {
    "tg": TG._NS,
    "tgid": ID,
    "status": STATUS,
    "continuation": CONTINUATION,
    "role": ROLE,
    "source": STATEMENT_SOURCE,
    "orgtype": ORG_TYPE,
    "progkind": PROGRAMME_KIND,
    "finding": FINDING,
    "kind": DOCUMENT_KIND,
    "citedas": CITED_AS,
    "eli": ELI,
    "org": ORG,
    "oa": OA,
    "fabio": FABIO,
    "cito": CITO,
    "prov": PROV,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "owl": OWL,
    "rdfs": RDFS,
    "xsd": XSD,
}
