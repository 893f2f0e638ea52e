"""Read the embedded store through the few rdflib ``Graph`` methods that naming a node needs.

:mod:`graph.describe` and :mod:`graph.quality_report` ask a graph for ``objects``, ``subjects``, ``value``
and ``(s, p, o) in graph``, with rdflib terms. A :class:`StoreView` answers them from an Oxigraph store
with Oxigraph's pattern index, so a validation report names its nodes without an rdflib copy of the graph.

>>> import pyoxigraph as ox
>>> from rdflib import URIRef
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://a/m"), ox.NamedNode("http://a/p"), ox.Literal("17")))
>>> view = StoreView(store)
>>> view.value(URIRef("http://a/m"), URIRef("http://a/p"))
rdflib.term.Literal('17')
>>> (None, URIRef("http://a/p"), None) in view, len(view)
(True, 1)
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node
from tiltaksgraf.graph.store import to_rdflib
from tiltaksgraf.graph.triples import PatternReads

Pattern = tuple[Node | None, Node | None, Node | None]


def to_oxigraph(term: Node | None) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
    """An rdflib term as the Oxigraph term it stands for (None stays None)."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise TypeError(f"not an RDF term: {term!r}")


class StoreView(PatternReads):
    """A read-only rdflib-style view of an Oxigraph store (default graph)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def triples(self, pattern: Pattern) -> Iterator[tuple[Node, Node, Node]]:
        s, p, o = (to_oxigraph(t) for t in pattern)
        if isinstance(s, ox.Literal) or isinstance(p, ox.Literal | ox.BlankNode):
            return
        for q in self.store.quads_for_pattern(s, p, o, ox.DefaultGraph()):
            yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self.store)
