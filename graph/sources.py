"""Where a query runs: an rdflib Graph, the embedded Oxigraph store, or a SPARQL endpoint over HTTP.

:func:`run_sparql` is the one entry point; every source gives the same answers (a
:class:`~graph.results.Table`, a :class:`~graph.results.Boolean` or :class:`~graph.results.Triples`), with
the prefixes of :mod:`graph.sparql_text` predeclared, and a syntax error shown at its place in the
query. :func:`run_query` is the same for SELECT queries only. Parameters are RDF terms: rdflib binds them
itself (``initBindings``), Oxigraph and remote endpoints get them as a ``VALUES`` block of serialised
terms (:mod:`graph.binding`); a parameter with several values gives one row per value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TypeAlias

import pyoxigraph as ox
from tiltaksgraf.graph import store as embedded
from tiltaksgraf.graph.binding import with_values
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.results import Answer, Boolean, QueryError, Table, Term, Triples, first_line
from tiltaksgraf.graph.sparql_text import PREFIXES, prologue_lines, syntax_error

if TYPE_CHECKING:  # rdflib is imported only when an rdflib Graph is queried: `query` starts faster without it
    from rdflib import Graph
    from rdflib.term import Identifier

#: Anything :func:`run_sparql` can query.
Source: TypeAlias = "Graph | ox.Store | Endpoint"
#: Parameter values by variable name: one RDF term, or several (one row of the VALUES block each).
Bindings: TypeAlias = "Mapping[str, Identifier | Sequence[Identifier]]"


def run_query(source: Source, text: str, bindings: Bindings | None = None) -> Table:
    """Run a SELECT query on ``source`` with ``bindings`` (variable name → RDF term or terms)."""
    answer = run_sparql(source, text, bindings)
    if not isinstance(answer, Table):
        raise QueryError("only SELECT queries give a table; use a SELECT query")
    return answer


def run_sparql(source: Source, text: str, bindings: Bindings | None = None) -> Answer:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query on ``source`` with ``bindings``."""
    bindings = dict(bindings or {})
    if isinstance(source, Endpoint):
        return _endpoint(source, text, bindings)
    if isinstance(source, ox.Store):
        try:
            return embedded.query(source, with_values(text, bindings), PREFIXES)
        except SyntaxError as exc:
            raise QueryError(_embedded_syntax_error(text, exc)) from exc
    from rdflib import Graph

    if isinstance(source, Graph):
        return _rdflib(source, text, bindings)
    raise TypeError(f"cannot query a {type(source).__name__}: give an rdflib Graph, a pyoxigraph Store or an Endpoint")


def _embedded_syntax_error(text: str, exc: SyntaxError) -> str:
    """The syntax error at its place in ``text`` as written (parsed again without the bound parameters)."""
    try:
        ox.Store().query(text, prefixes=PREFIXES)
    except SyntaxError as unbound:
        return syntax_error(first_line(unbound), text)
    return syntax_error(first_line(exc), text)


def _endpoint(endpoint: Endpoint, text: str, bindings: dict) -> Answer:
    """The query with the predeclared prefixes on one line before it, so the server's line numbers are off
    by exactly one."""
    prologue = " ".join(prologue_lines(text))
    try:
        return endpoint.query(f"{prologue}\n{text}", bindings)
    except QueryError as exc:
        message = str(exc)
        if "malformed" in message or "parse" in message.lower():
            detail = message.split(": ", 1)[1] if ": " in message else message
            raise QueryError(f"{endpoint.url}: {syntax_error(detail, text, line_offset=1)}") from exc
        raise


def _rdflib_term(value: object) -> Term | None:
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    if value is None:
        return None
    if isinstance(value, URIRef):
        return Term("uri", str(value))
    if isinstance(value, BNode):
        return Term("bnode", str(value))
    if isinstance(value, Literal):
        datatype = None if value.datatype in (None, XSD.string) else str(value.datatype)
        return Term("literal", str(value), None if value.language else datatype, value.language)
    return Term("literal", str(value))


def _rdflib(graph: Graph, text: str, bindings: dict) -> Answer:
    several = any(isinstance(v, list | tuple | set | frozenset) for v in bindings.values())
    try:
        if several:
            result = graph.query(with_values(text, bindings), initNs=PREFIXES)
        else:
            result = graph.query(text, initNs=PREFIXES, initBindings=bindings)
        if result.type == "ASK":
            return Boolean(bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            data = result.graph.serialize(format="nt", encoding="utf-8")
            return Triples([q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)])
        columns = [str(v) for v in result.vars or []]
        terms = [[_rdflib_term(value) for value in row] for row in result]
    except QueryError:
        raise
    except Exception as exc:  # pyparsing and rdflib raise several types for bad SPARQL, some while iterating
        message = first_line(exc)
        if "line:" in message:
            raise QueryError(syntax_error(message, text)) from exc
        raise QueryError(f"the query does not run: {message}") from exc
    rows = [["" if t is None else t.value for t in row] for row in terms]
    return Table(columns, rows, terms)
