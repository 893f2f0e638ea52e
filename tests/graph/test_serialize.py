"""to_turtle: Oxigraph's Turtle of the sorted N-Triples, with its prefix lines sorted; the same triples."""

from __future__ import annotations

import pyoxigraph as ox
from tiltaksgraf.graph.serialize import to_turtle

NT = (
    b'<https://w3id.org/tiltaksgraf/id/measure/p/1> <http://purl.org/dc/terms/title> "Et tiltak"@nb .\n'
    b"<https://w3id.org/tiltaksgraf/id/measure/p/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    b"<https://w3id.org/tiltaksgraf/ontology#Measure> .\n"
)


def _triples(data: bytes, fmt: ox.RdfFormat) -> set:
    return {(t.subject, t.predicate, t.object) for t in ox.parse(data, format=fmt)}


def test_the_prefix_lines_come_first_and_sorted_and_the_triples_are_the_same():
    prefixes = {"tg": "https://w3id.org/tiltaksgraf/ontology#", "dcterms": "http://purl.org/dc/terms/", "a": "urn:a:"}
    text = to_turtle(None, NT, prefixes)
    lines = text.split(b"\n")
    head = [line for line in lines if line.startswith(b"@prefix ")]
    assert head == sorted(head) and lines[: len(head)] == head and len(head) == 3
    assert _triples(text, ox.RdfFormat.TURTLE) == _triples(NT, ox.RdfFormat.N_TRIPLES)


def test_a_graph_of_no_triples_is_no_text():  # Oxigraph writes no prefixes for no triples
    assert to_turtle(None, b"", {"b": "urn:b:", "a": "urn:a:"}) == b""
