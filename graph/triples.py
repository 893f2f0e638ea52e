"""The build's graph without rdflib's memory store: a sink for triples, and the sorted N-Triples it gives.

``add_report`` and ``add_actors`` write rdflib terms with ``graph.add((s, p, o))``. A :class:`Triples`
takes each triple as one N-Triples line, written exactly as rdflib's N-Triples serializer writes it, so
the sorted lines are byte for byte what the rdflib path wrote (``tests/graph/test_triples.py``). It
remembers which subject–predicate pairs it holds, for the emitters' ``(s, p, None) in graph``, and
answers the rest of the rdflib questions (``value``, ``objects``, ``triples`` …) by reading its lines back:
correct, but meant for the odd question, not for loops. Reference Turtle goes in through Oxigraph's parser.

:meth:`Triples.freeze` gives an :class:`NTriplesGraph`: the sorted bytes the build writes, the embedded
store loaded from them, and an rdflib Graph only when someone asks (pySHACL, users' own code).
See docs/decisions/0014-build-without-rdflib-store.md.

>>> from rdflib import Literal, URIRef
>>> g = Triples()
>>> m = URIRef("https://w3id.org/tiltaksgraf/id/measure/p/17")
>>> g.add((m, URIRef("https://w3id.org/tiltaksgraf/ontology#number"), Literal("17")))  # doctest: +ELLIPSIS
<...Triples object at ...>
>>> (m, URIRef("https://w3id.org/tiltaksgraf/ontology#number"), None) in g, len(g)
(True, 1)
>>> g.freeze().ntriples
b'<https://w3id.org/tiltaksgraf/id/measure/p/17> <https://w3id.org/tiltaksgraf/ontology#number> "17" .\\n'
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Literal
from rdflib.plugins.serializers.nt import _quoteLiteral
from tiltaksgraf.graph.store import to_rdflib

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

Triple = tuple["Node", "Node", "Node"]
Pattern = tuple["Node | None", "Node | None", "Node | None"]


def nt_line(triple: Triple) -> str:
    """One triple as rdflib's N-Triples serializer writes it (``_nt_row``), without the line break."""
    s, p, o = triple
    return f"{s.n3()} {p.n3()} {_quoteLiteral(o) if isinstance(o, Literal) else o.n3()} ."


def read_rdf(path: Path | str, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> Iterator[Triple]:
    """The triples of an RDF file as rdflib terms, read by Oxigraph's parser (several times faster than
    rdflib's Turtle parser). Raises :class:`FileNotFoundError`, or :class:`SyntaxError` naming the line."""
    for t in ox.parse(path=str(path), format=fmt):
        yield to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)  # type: ignore[misc]


def _parse_lines(lines: Iterable[str]) -> Iterator[Triple]:
    data = "\n".join(lines).encode("utf-8")
    for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        yield to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)  # type: ignore[misc]


class PatternReads:
    """rdflib ``Graph``'s reading methods, all from one ``triples(pattern)`` that a subclass gives."""

    def triples(self, pattern: Pattern) -> Iterator[Triple]:
        raise NotImplementedError

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        return (o for _, _, o in self.triples((subject, predicate, None)))

    def subjects(self, predicate: Node | None = None, object: Node | None = None) -> Iterator[Node]:
        return (s for s, _, _ in self.triples((None, predicate, object)))

    def value(self, subject: Node | None = None, predicate: Node | None = None) -> Node | None:
        return next(self.objects(subject, predicate), None)

    def __contains__(self, pattern: Pattern) -> bool:
        return next(self.triples(pattern), None) is not None


class Triples(PatternReads):
    """A set of triples as N-Triples lines, with the part of rdflib's ``Graph`` API the build's writers use."""

    def __init__(self) -> None:
        self._lines: set[str] = set()
        self._pairs: set[str] = set()  # "<s> <p>" of every line, for (s, p, None) in graph
        self._subjects: set[str] = set()  # "<s>" of every line, for (s, None, None) in graph
        self._frozen: NTriplesGraph | None = None
        self._predicates: dict[Node, str] = {}  # a predicate's N-Triples form, by the predicate
        self._last_subject: Node | None = None  # the subject of the last add, and its N-Triples form
        self._last_n3 = ""

    def add(self, triple: Triple) -> Triples:
        if self._frozen is not None:
            raise RuntimeError("the triples are frozen: add before freeze()")
        s, p, o = triple
        if s == self._last_subject:  # writers give a node's triples one after another
            subject = self._last_n3
        else:
            subject = self._last_n3 = s.n3()
            self._last_subject = s
        predicate = self._predicates.get(p)
        if predicate is None:  # a few dozen predicates, each written thousands of times
            predicate = self._predicates[p] = p.n3()
        head = f"{subject} {predicate}"
        self._lines.add(f"{head} {_quoteLiteral(o) if isinstance(o, Literal) else o.n3()} .")
        self._pairs.add(head)
        self._subjects.add(subject)
        return self

    def __iadd__(self, triples: Iterable[Triple]) -> Triples:
        for triple in triples:
            self.add(triple)
        return self

    def __len__(self) -> int:
        return len(self._frozen) if self._frozen is not None else len(self._lines)

    def _all_lines(self, start: str = "") -> list[str]:
        """The lines (that begin with ``start``), sorted."""
        if self._frozen is not None:
            return [line for line in self._frozen.ntriples.decode("utf-8").split("\n")[:-1] if line.startswith(start)]
        return sorted(line for line in self._lines if line.startswith(start))

    def __iter__(self) -> Iterator[Triple]:
        return _parse_lines(self._all_lines())

    def __contains__(self, pattern: Pattern) -> bool:
        s, p, o = pattern
        if s is not None and p is None and o is None and self._frozen is None:
            return s.n3() in self._subjects
        if s is not None and p is not None and self._frozen is None:
            head = f"{s.n3()} {p.n3()}"
            if o is None:
                return head in self._pairs
            return f"{head} {_quoteLiteral(o) if isinstance(o, Literal) else o.n3()} ." in self._lines
        return next(self.triples(pattern), None) is not None

    def triples(self, pattern: Pattern) -> Iterator[Triple]:
        """The triples that match ``(s, p, o)``, ``None`` matching anything (a scan of every line)."""
        s, p, o = pattern
        start = f"{s.n3()} " if s is not None else ""
        for triple in _parse_lines(self._all_lines(start)):
            if (p is None or triple[1] == p) and (o is None or triple[2] == o):
                yield triple

    def parse(self, source: Path | str, format: str = "turtle") -> Triples:
        """Add the triples of an RDF file, read by Oxigraph's parser (Turtle or N-Triples)."""
        return self.__iadd__(read_rdf(source, ox.RdfFormat.N_TRIPLES if format == "nt" else ox.RdfFormat.TURTLE))

    def freeze(self) -> NTriplesGraph:
        """The triples as sorted N-Triples (one line each): the canonical form the build writes.

        The sink is done then: its sets are let go (a corpus's lines are hundreds of megabytes) and ``add``
        refuses; it still answers questions, from the frozen lines.
        """
        if self._frozen is None:
            lines = sorted(self._lines)
            self._lines, self._pairs, self._subjects = set(), set(), set()
            self._frozen = NTriplesGraph(("\n".join(lines) + "\n").encode("utf-8"), len(lines))
        return self._frozen


class NTriplesGraph:
    """A finished graph: its N-Triples, the embedded store loaded from them, an rdflib Graph on request.

    The store is for SPARQL: Oxigraph keeps values, not spellings, so a ``xsd:positiveInteger`` comes back
    from it as ``xsd:integer``. SHACL therefore reads :attr:`ntriples`, never the store.
    """

    def __init__(self, ntriples: bytes, triples: int | None = None) -> None:
        self.ntriples = ntriples
        self._len = triples if triples is not None else sum(1 for line in ntriples.split(b"\n") if line.strip())
        self._store: ox.Store | None = None
        self._store_lock = threading.Lock()

    @classmethod
    def from_file(cls, path: Path) -> NTriplesGraph:
        """Read an N-Triples (``.nt``) or Turtle (any other name) file through Oxigraph's parser.

        Raises :class:`FileNotFoundError`, or :class:`SyntaxError` (with the line) when the file does not parse.
        """
        fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
        if not path.is_file():
            raise FileNotFoundError(path)
        triples = list(ox.parse(path=str(path), format=fmt))
        return cls(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", len(set(triples)))

    @classmethod
    def from_rdflib(cls, graph: Graph) -> NTriplesGraph:
        from tiltaksgraf.graph.serialize import to_sorted_ntriples

        return cls(to_sorted_ntriples(graph), len(graph))

    def __len__(self) -> int:
        return self._len

    @property
    def store(self) -> ox.Store:
        """The triples in the embedded store (Oxigraph in memory), loaded once, also when two threads ask at
        once (the build's validation and its rendering of the files do; ``cached_property`` has no lock from
        Python 3.12 on)."""
        with self._store_lock:
            if self._store is None:
                store = ox.Store()
                store.bulk_load(self.ntriples, ox.RdfFormat.N_TRIPLES)
                self._store = store
            return self._store

    def rdflib(self) -> Graph:
        """A new rdflib Graph with these triples (rdflib's own N-Triples parser: terms as the rdflib path made)."""
        from rdflib import Graph
        from tiltaksgraf.graph.serialize import bind_prefixes

        return bind_prefixes(Graph()).parse(data=self.ntriples, format="nt")
