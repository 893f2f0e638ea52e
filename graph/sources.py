"""Where a query runs: an rdflib Graph, the embedded Oxigraph store, or a SPARQL endpoint over HTTP.

:func:`run_query` is the one entry point; every source gives the same :class:`~graph.results.Table`.
Parameters are RDF terms: rdflib binds them itself (``initBindings``), Oxigraph and remote endpoints
get them as a ``VALUES`` block of serialised terms (:mod:`graph.binding`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeAlias

import pyoxigraph as ox
from tiltaksgraf.graph import store as embedded
from tiltaksgraf.graph.binding import with_values
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.results import QueryError, Table, first_line

if TYPE_CHECKING:  # rdflib is imported only when an rdflib Graph is queried: `query` starts faster without it
    from rdflib import Graph
    from rdflib.term import Identifier

#: Anything :func:`run_query` can query.
Source: TypeAlias = "Graph | ox.Store | Endpoint"


def run_query(source: Source, text: str, bindings: Mapping[str, Identifier] | None = None) -> Table:
    """Run a SELECT query on ``source`` with ``bindings`` (variable name → RDF term)."""
    bindings = dict(bindings or {})
    if isinstance(source, Endpoint):
        return source.select(text, bindings)
    if isinstance(source, ox.Store):
        return embedded.select(source, with_values(text, bindings))
    from rdflib import Graph

    if isinstance(source, Graph):
        return _rdflib_select(source, text, bindings)
    raise TypeError(f"cannot query a {type(source).__name__}: give an rdflib Graph, a pyoxigraph Store or an Endpoint")


def _rdflib_select(graph: Graph, text: str, bindings: dict[str, Identifier]) -> Table:
    try:
        result = graph.query(text, initBindings=bindings)
        if result.type != "SELECT":
            raise QueryError("only SELECT queries give a table; use a SELECT query")
        columns = [str(v) for v in result.vars or []]
        rows = [["" if value is None else str(value) for value in row] for row in result]
    except QueryError:
        raise
    except Exception as exc:  # pyparsing and rdflib raise several types for bad SPARQL, some while iterating
        raise QueryError(f"the query does not run: {first_line(exc)}") from exc
    return Table(columns, rows)
