"""The registry of legislation: every entry complete, sourced, named in the report where it says so."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from tiltaksgraf.graph.documents_rdf import DOCUMENT_CLASS, legal_names, load_legislation
from tiltaksgraf.graph.vocab import DOCUMENT_KIND, ELI, RDF, XSD
from tiltaksgraf.loaders.citations import slug

from tiltaksgraf.paths import ONTOLOGY_DIR

BASE = "https://w3id.org/tiltaksgraf/id/document/"
REPORT_LINE = re.compile(r"^report line (\d+)$")


@pytest.fixture(scope="module")
def legislation() -> Graph:
    return load_legislation()


def entries(g: Graph) -> list[URIRef]:
    return sorted(s for s in g.subjects(DCTERMS.type, None) if isinstance(s, URIRef))


def test_the_registry_holds_the_laws_regulations_conventions_and_platform(legislation):
    kinds = sorted(str(legislation.value(e, DCTERMS.type)).rsplit("/", 1)[-1] for e in entries(legislation))
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "law": 12,
        "regulation": 3,
        "convention": 4,
        "political-platform": 1,
    }


def test_every_entry_is_complete(legislation):
    scheme = Graph().parse(ONTOLOGY_DIR / "schemes" / "document-kind.ttl")
    for e in entries(legislation):
        kind = legislation.value(e, DCTERMS.type)
        assert str(e).startswith(BASE) and (kind, SKOS.inScheme, None) in scheme, e
        assert (e, RDF.type, DOCUMENT_CLASS[str(kind).rsplit("/", 1)[-1]]) in legislation, e
        titles = [t for t in legislation.objects(e, DCTERMS.title) if isinstance(t, Literal)]
        assert any(t.language == "nb" for t in titles), e
        assert [p for p in legislation.objects(e, SKOS.prefLabel) if p.language == "nb"], e
        for date in legislation.objects(e, ELI.date_document):
            assert date.datatype == XSD.date, e


def test_an_iri_is_minted_from_the_designation_where_there_is_one(legislation):
    for e in entries(legislation):
        local = legislation.value(e, ELI.id_local)
        if local is not None:
            assert str(e) == BASE + slug(str(local), 10), e
            assert legislation.value(e, DCTERMS.identifier) == local, e


def test_every_entry_is_sourced_and_named_in_the_report_at_the_lines_it_gives(legislation, source_text):
    lines = source_text.split("\n")
    names = legal_names(legislation)
    for e in entries(legislation):
        sources = [str(s) for s in legislation.objects(e, DCTERMS.source)]
        cited = [int(m.group(1)) for s in sources if (m := REPORT_LINE.match(s))]
        assert cited, f"{e}: no «report line N» source"
        labels = [n.label.lower() for n in names if n.key == str(e).rsplit("/", 1)[-1]]
        for line in cited:
            text = lines[line - 1].lower().replace("*", "")
            assert any(label in text for label in labels), f"{e}: line {line} names none of {labels}"


def test_no_two_entries_share_a_name(legislation):
    names = legal_names(legislation)
    by_label = {}
    for n in names:
        assert by_label.setdefault(n.label.lower(), n.key) == n.key, n.label


def test_kinds_are_concepts_of_the_scheme():
    scheme = Graph().parse(ONTOLOGY_DIR / "schemes" / "document-kind.ttl")
    assert set(DOCUMENT_CLASS) == {str(c).rsplit("/", 1)[-1] for c in scheme.subjects(SKOS.inScheme, None)}
    assert all(str(c).startswith(str(DOCUMENT_KIND)) for c in scheme.subjects(SKOS.inScheme, None))
