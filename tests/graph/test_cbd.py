"""The concise bounded description of a resource: its triples and its parts', nothing of others', the same
graph as Turtle and as JSON-LD."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD
from tiltaksgraf.graph.cbd import bound_query, describe, to_jsonld, to_turtle
from tiltaksgraf.graph.results import QueryError

M19 = "https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/19"


def test_a_measure_with_its_status_evidence_and_quote(store):
    triples = describe(store, M19)
    subjects = {t.subject.value for t in triples}
    assert {M19, f"{M19}/status", f"{M19}/status/evidence", f"{M19}/status/evidence/quote"} <= subjects
    assert all(s == M19 or s.startswith(M19 + "/") for s in subjects)  # nothing about 19's neighbours
    assert triples == sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def test_every_part_minted_under_a_resource_is_in_its_description(built, store):
    """A part the description would miss (unlinked, or linked from elsewhere only) fails here."""
    number = URIRef("https://w3id.org/tiltaksgraf/ontology#number")
    subjects = sorted({str(s) for s in built.graph.subjects()})
    for m in sorted({str(s) for s in built.graph.subjects(predicate=number)}):
        parts = {s for s in subjects if s.startswith(m + "/")}
        described = {t.subject.value for t in describe(store, m)}
        assert parts and parts <= described, f"{m}: {sorted(parts - described)[:3]}"


def _as_oxigraph_stores(o):
    """Oxigraph keeps the value of an xsd:positiveInteger but types it xsd:integer (its storage encodes the
    derived integer types as xsd:integer), so the description says xsd:integer for the line numbers."""
    return Literal(str(o), datatype=XSD.integer) if isinstance(o, Literal) and o.datatype == XSD.positiveInteger else o


def test_turtle_and_jsonld_hold_the_same_graph(built, store):
    triples = describe(store, M19)
    expected = Graph()
    for s, p, o in built.graph.triples((None, None, None)):
        if str(s) == M19 or str(s).startswith(M19 + "/"):
            expected.add((s, p, _as_oxigraph_stores(o)))
    turtle = Graph().parse(data=to_turtle(triples), format="turtle")
    jsonld = Graph().parse(data=to_jsonld(triples), format="json-ld")
    assert isomorphic(turtle, expected)
    assert isomorphic(jsonld, expected)


def test_an_iri_the_graph_does_not_know_has_an_empty_description(store):
    assert describe(store, "https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/999") == []


def test_the_iri_is_bound_as_a_term_never_pasted(store):
    with pytest.raises(QueryError):
        bound_query('https://w3id.org/tiltaksgraf/id/x> } . ?s ?p ?o . FILTER("1')
    assert "VALUES (?resource) { (<https://w3id.org/tiltaksgraf/id/org/jd>) }" in bound_query(
        "https://w3id.org/tiltaksgraf/id/org/jd"
    )
