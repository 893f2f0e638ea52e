"""The embedded store: Oxigraph in memory (``pyoxigraph``), loaded from a built graph or an rdflib Graph.

Chosen by measurement over rdflib's memory store and oxrdflib: see docs/decisions/0009-embedded-store.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from tiltaksgraf.graph.results import Answer, Boolean, QueryError, Table, Term, Triples, first_line

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


def term(value: object) -> Term | None:
    """An Oxigraph term as a result :class:`Term` (None stays None: unbound)."""
    if value is None:
        return None
    if isinstance(value, ox.NamedNode):
        return Term("uri", value.value)
    if isinstance(value, ox.BlankNode):
        return Term("bnode", value.value)
    if isinstance(value, ox.Literal):
        datatype = value.datatype.value
        if value.language:
            return Term("literal", value.value, lang=value.language)
        return Term("literal", value.value, None if datatype == XSD_STRING else datatype)
    return Term("literal", str(value))  # a quoted triple (RDF-star): its text


def query(store: ox.Store, text: str, prefixes: dict[str, str] | None = None) -> Answer:
    """Run any query (parameters already bound in its text) on the store: a table, a boolean or triples.

    ``prefixes`` are declared for the query unless it declares them itself. Raises :class:`SyntaxError`
    for a query that does not parse (the caller knows the text to point into) and :class:`QueryError` for
    one that fails while it runs.
    """
    try:
        result = store.query(text, prefixes=prefixes)
        if isinstance(result, ox.QueryBoolean):
            return Boolean(bool(result))
        if isinstance(result, ox.QueryTriples):
            return Triples(list(result))
        columns = [v.value for v in result.variables]
        terms = _solution_terms(result)
    except SyntaxError:
        raise
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query does not run: {first_line(exc)}") from exc
    rows = [["" if t is None else t.value for t in row] for row in terms]
    return Table(columns, rows, terms)


def _solution_terms(solutions: ox.QuerySolutions) -> list[list[Term | None]]:
    """The rows of ``solutions`` as result terms, in the order of the variables.

    A value seen before is converted once: results repeat their organisations, roles and plans, and a
    conversion costs more than a lookup (a third of a second for 21k rows of `actors` on 30 reports).
    """
    seen: dict[object, Term] = {}
    rows = []
    for solution in solutions:
        row: list[Term | None] = []
        for value in solution:
            if value is None:
                row.append(None)
                continue
            converted = seen.get(value)
            if converted is None:
                converted = seen[value] = term(value)  # type: ignore[assignment]
            row.append(converted)
        rows.append(row)
    return rows


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
