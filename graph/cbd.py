"""The concise bounded description (CBD) of a resource, as Turtle or JSON-LD: what a linked-data client gets.

The CBD of a resource is every triple about it and, recursively, about the resources that belong to it:
the nodes reachable from it by outgoing links whose IRI is minted under its own (``…/17/status``,
``…/17/status/evidence``, ``…/17/status/evidence/quote``; :func:`graph.iris.part`). The graph has no blank
nodes (decision 0001), so these parts play the role blank nodes play in Stickler's CBD. One SPARQL query
gives it, ``queries/site/describe.rq``; the static site writes it beside each page, and the server answers
``Accept: text/turtle``, ``application/ld+json`` and ``application/n-triples`` with the same bytes
(:mod:`graph.linked_data`: the query runs on a backend, whose N-Triples are sorted and written here).

A resource the graph only points at (the ontology's version IRI ``…/ontology/0.1.0``) has no triples of its
own; its description is then the triples that point at it (:func:`inbound_query`), so that every IRI of
the graph has one.

Oxigraph stores the integer types derived from xsd:integer as xsd:integer, so the line numbers
(``xsd:positiveInteger`` in ``build/graph.ttl``) come out typed ``xsd:integer``, with the same values.

>>> from tiltaksgraf.graph.store import store_from_graph
>>> from rdflib import Graph
>>> g = Graph().parse(data='''
...   @prefix tg: <https://w3id.org/tiltaksgraf/ontology#> .
...   <https://w3id.org/tiltaksgraf/id/measure/p/1> tg:number "1" ;
...       tg:hasStatusAssessment <https://w3id.org/tiltaksgraf/id/measure/p/1/status> ;
...       tg:refersTo <https://w3id.org/tiltaksgraf/id/measure/p/2> .
...   <https://w3id.org/tiltaksgraf/id/measure/p/1/status> tg:decidedByRule "done" .
...   <https://w3id.org/tiltaksgraf/id/measure/p/2> tg:number "2" .
... ''', format="turtle")
>>> len(describe(store_from_graph(g), "https://w3id.org/tiltaksgraf/id/measure/p/1"))
4
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox
from rdflib import URIRef
from tiltaksgraf.graph.binding import with_values
from tiltaksgraf.graph.queries import parse_header
from tiltaksgraf.graph.results import QueryError
from tiltaksgraf.graph.serialize import TURTLE_PREFIXES

from tiltaksgraf.paths import QUERIES_DIR

DESCRIBE_QUERY = QUERIES_DIR / "site" / "describe.rq"

#: Media types of the serialisations, with their file suffixes.
MEDIA_TYPES = {"text/turtle": ".ttl", "application/ld+json": ".jsonld", "application/n-triples": ".nt"}


@cache
def describe_query() -> str:
    """The text of ``queries/site/describe.rq`` (its ``?resource`` still unbound)."""
    path = DESCRIBE_QUERY
    return parse_header("describe", path, path.read_text(encoding="utf-8")).text


def bound_query(iri: str) -> str:
    """The query that gives the CBD of ``iri``: ``describe.rq`` with ``?resource`` bound as an IRI term.

    The ``VALUES`` row goes into the WHERE group (which starts a line), not into the CONSTRUCT template.
    """
    text = describe_query()
    where = text.index("\nWHERE") + 1
    return text[:where] + with_values(text[where:], {"resource": URIRef(iri)})


#: The description of a resource with no triples of its own: the triples whose object it is.
INBOUND = "CONSTRUCT { ?s ?p ?resource }\nWHERE { ?s ?p ?resource }"


def inbound_query(iri: str) -> str:
    """The query for the triples that point at ``iri`` (``?resource`` bound as an IRI term)."""
    where = INBOUND.index("\nWHERE") + 1
    return INBOUND[:where] + with_values(INBOUND[where:], {"resource": URIRef(iri)})


def _construct(store: ox.Store, text: str, iri: str) -> list[ox.Triple]:
    try:
        result = store.query(text)
    except (SyntaxError, OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the description of {iri} does not run: {exc}") from exc
    if not isinstance(result, ox.QueryTriples):
        raise QueryError(f"{DESCRIBE_QUERY.name} must be a CONSTRUCT query")
    return _sorted(result)


def describe(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The CBD of ``iri`` in ``store`` (or the triples that point at it, if it has none of its own), sorted
    (subject, predicate, object) so the output is stable. An IRI the graph does not hold has an empty one."""
    return _construct(store, bound_query(iri), iri) or _construct(store, inbound_query(iri), iri)


def _sorted(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def from_ntriples(data: bytes) -> list[ox.Triple]:
    """The description a SPARQL server gave as N-Triples (the answer to :func:`bound_query`), sorted."""
    return _sorted(q.triple for q in ox.parse(data, ox.RdfFormat.N_TRIPLES))


def to_turtle(triples: list[ox.Triple]) -> bytes:
    """The triples as Turtle with the project's prefixes (those of ``build/graph.ttl``)."""
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)


def to_jsonld(triples: list[ox.Triple]) -> bytes:
    """The triples as JSON-LD (expanded form: one node object per subject, full IRIs)."""
    return (ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"[]") + b"\n"


def serialise(triples: list[ox.Triple], media_type: str) -> bytes:
    """The triples in one of :data:`MEDIA_TYPES`."""
    if media_type == "text/turtle":
        return to_turtle(triples)
    if media_type == "application/ld+json":
        return to_jsonld(triples)
    if media_type == "application/n-triples":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    raise ValueError(f"no serialisation for {media_type!r}; one of {', '.join(MEDIA_TYPES)}")
