"""Any SPARQL 1.1 endpoint over HTTP: SELECT, ASK, CONSTRUCT and DESCRIBE with a deadline, a bounded answer
and one-line errors.

Parameters are bound by a ``VALUES`` block of RDF terms written by Oxigraph (:mod:`graph.binding`).
SPARQLWrapper makes the protocol request (form fields, graph parameters, the query's type); it is sent
through :mod:`graph.http_client`, because SPARQLWrapper's own transport has a time-out per read and keeps
any answer whole in memory: ``timeout`` limits the whole request (not each read), and
an answer past :data:`~graph.http_client.MAX_ANSWER_BYTES` is refused. Failures become a
:class:`~graph.results.QueryError` that says what to do: the endpoint is down, did not answer in time,
rejected the query, or answered with something that is not a SPARQL results document (an HTML page, a
document cut off). Oxigraph answers a query that hits its own time limit with HTTP 200 and JSON that stops
in the middle (followed by «The SPARQL operation has been cancelled»); that is reported as the server's
timeout, never as an empty or partial table.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox
from tiltaksgraf.graph.binding import with_values, without_comments
from tiltaksgraf.graph.http_client import MAX_ANSWER_BYTES, USER_AGENT, request
from tiltaksgraf.graph.http_client import Answer as HttpAnswer
from tiltaksgraf.graph.results import Answer, Boolean, QueryError, Table, Term, Triples, first_line

if TYPE_CHECKING:  # rdflib and SPARQLWrapper are imported when needed, not by every command
    from rdflib.term import Identifier

__all__ = ["DEFAULT_TIMEOUT", "USER_AGENT", "Endpoint", "parse_json_results", "parse_triples"]

#: Seconds to wait for an endpoint's whole answer unless told otherwise.
DEFAULT_TIMEOUT = 30.0
_TERM_TYPES = {"uri", "literal", "bnode", "typed-literal", "triple"}
_QUERY_KINDS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL query endpoint: its URL, how long to wait, and optionally the graph to query.

    ``graph_iri`` is sent as the protocol's ``default-graph-uri``: the named graph becomes the query's
    default graph (how to query a graph put there by ``tiltaksgraf publish``).
    """

    url: str
    timeout: float = DEFAULT_TIMEOUT
    graph_iri: str | None = None
    max_bytes: int = MAX_ANSWER_BYTES

    def __post_init__(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            raise QueryError(f"an endpoint is an http:// or https:// URL, not {self.url!r}")

    def post_query(self, text: str, kinds: tuple[str, ...] = _QUERY_KINDS) -> HttpAnswer:
        """Send a query (already bound) by POST, as the SPARQL 1.1 protocol says, and return the whole answer.

        The query's type (read by SPARQLWrapper) must be one of ``kinds``.
        """
        return self._send(text, kinds)[1]

    def _send(self, text: str, kinds: tuple[str, ...]) -> tuple[str, HttpAnswer]:
        kind, method, url, body, headers = protocol_request(self.url, without_comments(text), self.graph_iri)
        if kind not in kinds:
            raise QueryError(f"only {' or '.join(kinds)} queries can run here, not {kind or 'this text'}")
        return kind, request(method, url, body, headers, self.timeout, self.max_bytes)

    def query(self, text: str, bindings: Mapping[str, Identifier | Sequence[Identifier]] | None = None) -> Answer:
        """Run any query with ``bindings``: a table (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""
        bound = with_values(text, bindings or {})
        try:
            kind, answer = self._send(bound, _QUERY_KINDS)
        except QueryError as exc:
            if str(exc).startswith("only SELECT"):
                raise QueryError(
                    "give a SELECT, ASK, CONSTRUCT or DESCRIBE query (an update goes to an update endpoint)"
                ) from exc
            raise
        if kind in ("CONSTRUCT", "DESCRIBE"):
            return parse_triples(answer.body, answer.content_type, self.url)
        return parse_json_results(answer.body, answer.content_type, self.url)

    def select(self, text: str, bindings: Mapping[str, Identifier | Sequence[Identifier]] | None = None) -> Table:
        """Run a SELECT query with ``bindings`` and return its table."""
        bound = with_values(text, bindings or {})
        try:
            answer = self.post_query(bound, ("SELECT",))
        except QueryError as exc:
            if str(exc).startswith("only SELECT"):
                raise QueryError("only SELECT queries give a table; use a SELECT query") from exc
            raise
        table = parse_json_results(answer.body, answer.content_type, self.url)
        if not isinstance(table, Table):
            raise QueryError("only SELECT queries give a table; use a SELECT query")
        return table


def protocol_request(
    url: str, text: str, default_graph: str | None = None
) -> tuple[str, str, str, bytes, dict[str, str]]:
    """(the query's type, method, URL, body, headers) of a SPARQL 1.1 protocol request, made by SPARQLWrapper.

    An update (``INSERT``, ``DROP`` …) goes as the form field ``update``, a query as ``query``; CONSTRUCT and
    DESCRIBE ask for Turtle, the others for SPARQL JSON results.
    """
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(url, agent=USER_AGENT)
    client.setMethod(POST)
    if default_graph:
        client.addDefaultGraph(default_graph)
    client.setQuery(text)
    client.setReturnFormat(TURTLE if client.queryType in ("CONSTRUCT", "DESCRIBE") else JSON)
    try:
        made = client._createRequest()  # the request SPARQLWrapper would send, sent here with a deadline
    except UnicodeError as exc:
        raise QueryError("the query holds text that is not valid UTF-8: give it in UTF-8") from exc
    return client.queryType, made.get_method(), made.full_url, made.data or b"", dict(made.header_items())


def parse_triples(body: bytes, content_type: str, url: str) -> Triples:
    """The RDF a CONSTRUCT or DESCRIBE query answered with, in whatever RDF syntax the server chose."""
    fmt = ox.RdfFormat.from_media_type(content_type.split(";")[0].strip()) if content_type else None
    if fmt is None:
        raise QueryError(f"{url} answered with {content_type or 'no content type'}, not RDF")
    try:
        return Triples([q.triple for q in ox.parse(body, format=fmt)])
    except SyntaxError as exc:
        raise QueryError(f"the answer from {url} was cut off or is not valid RDF ({first_line(exc)})") from exc


def parse_json_results(body: bytes, content_type: str, url: str) -> Table | Boolean:
    """A SPARQL JSON results document as a table (or the boolean of ASK); a cut-off, foreign or malformed
    answer is an error."""
    if "json" not in content_type:
        kind = content_type.split(";")[0] or "no content type"
        raise QueryError(f"{url} answered with {kind}, not SPARQL JSON results: is it the query endpoint?")
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        tail = body[-200:]
        if b"cancelled" in tail or b"timeout" in tail.lower():
            raise QueryError(
                f"{url} stopped the query at its time limit and cut off the answer: narrow the query, "
                "or raise the server's limit (tiltaksgraf serve --timeout)"
            ) from exc
        raise QueryError(f"the answer from {url} was cut off or is not valid JSON ({first_line(exc)})") from exc
    if isinstance(data, dict) and "boolean" in data:
        if not isinstance(data["boolean"], bool):
            raise QueryError(f"the answer from {url} is not a SPARQL results document (boolean is not true/false)")
        return Boolean(data["boolean"])
    columns, terms = _table(data, url)
    return Table(columns, [["" if t is None else t.value for t in row] for row in terms], terms)


def _table(data: object, url: str) -> tuple[list[str], list[list[Term | None]]]:
    """Columns and rows (as terms) of a SPARQL JSON results document, every part checked."""

    def refuse(what: str) -> QueryError:
        return QueryError(f"the answer from {url} is not a SPARQL results document ({what})")

    if not isinstance(data, dict) or not isinstance(data.get("head"), dict):
        raise refuse("no head")
    columns = data["head"].get("vars")
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise refuse("head.vars is not a list of names")
    results = data.get("results")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        raise refuse("no results.bindings list")
    known = set(columns)
    seen: dict[tuple, Term] = {}
    rows = []
    for solution in bindings:
        if not isinstance(solution, dict) or not set(solution) <= known:
            raise refuse("a solution binds a variable that is not in head.vars")
        row = []
        for column in columns:
            term = solution.get(column)
            if term is None:
                row.append(None)
                continue
            if not isinstance(term, dict) or term.get("type") not in _TERM_TYPES:
                raise refuse(f"?{column} is not an RDF term")
            value = _quoted_triple(term["value"]) if term["type"] == "triple" else term.get("value")
            if not isinstance(value, str):
                raise refuse(f"?{column} has no text value")
            key = (term["type"], value, term.get("datatype"), term.get("xml:lang"))
            converted = seen.get(key)
            if converted is None:  # results repeat their organisations, roles and plans: each made once
                converted = seen[key] = _term(term, value)
            row.append(converted)
        rows.append(row)
    return columns, rows


def _quoted_triple(value: object) -> str | None:
    """An RDF-star quoted triple as ``<< s p o >>`` (its parts' values), None if it is not one."""
    if not isinstance(value, dict):
        return None
    parts = [value.get(k) for k in ("subject", "predicate", "object")]
    if not all(isinstance(p, dict) and isinstance(p.get("value"), str) for p in parts):
        return None
    return "<< " + " ".join(p["value"] for p in parts) + " >>"  # type: ignore[index]


def _term(binding: dict, value: str) -> Term:
    """A term of the SPARQL JSON results format (``typed-literal`` is the old name of a typed literal)."""
    kind = {"typed-literal": "literal"}.get(binding["type"], binding["type"])
    datatype = binding.get("datatype")
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = None
    return Term(kind, value, datatype, binding.get("xml:lang"))
