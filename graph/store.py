"""The embedded store: Oxigraph in memory (``pyoxigraph``), loaded from a built graph or an rdflib Graph.

Chosen by measurement over rdflib's memory store and oxrdflib: see docs/decisions/0009-embedded-store.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from tiltaksgraf.graph.results import QueryError, Table, first_line

if TYPE_CHECKING:  # rdflib is imported where terms are converted, not by every query
    from rdflib import Graph
    from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: File extensions the embedded store reads, with their format.
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}


def open_store(path: Path) -> ox.Store:
    """An in-memory store holding the graph in ``path`` (Turtle ``.ttl`` or N-Triples ``.nt``).

    Raises :class:`FileNotFoundError` if there is no file, :class:`ValueError` for another extension and
    :class:`SyntaxError` (with the line) if the file does not parse.
    """
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise ValueError(f"{path}: give a .ttl or .nt file")
    if not path.is_file():
        raise FileNotFoundError(path)
    store = ox.Store()
    store.bulk_load(path=str(path), format=fmt)
    return store


def store_from_graph(graph: Graph) -> ox.Store:
    """An in-memory store holding the triples of an rdflib Graph."""
    store = ox.Store()
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def _text(term: object) -> str:
    return "" if term is None else str(term.value)  # type: ignore[attr-defined]


def select(store: ox.Store, text: str) -> Table:
    """Run a SELECT query (parameters already bound in its text) on the store."""
    try:
        result = store.query(text)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT queries give a table; use a SELECT query")
        columns = [v.value for v in result.variables]
        rows = [[_text(solution[i]) for i in range(len(columns))] for solution in result]
    except QueryError:
        raise
    except (SyntaxError, OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query does not run: {first_line(exc)}") from exc
    return Table(columns, rows)


def to_rdflib(term: object) -> Node | None:
    """An Oxigraph term as the rdflib term it stands for (None stays None)."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")
