"""Any SPARQL 1.1 endpoint over HTTP, through SPARQLWrapper: queries with a timeout and one-line errors.

Parameters are bound by a ``VALUES`` block of serialised RDF terms (:mod:`graph.binding`). Failures
become a :class:`~graph.results.QueryError` that says what to do: the endpoint is down, did not answer
in time, rejected the query, or cut its answer off. Oxigraph answers a query that hits its own time
limit with HTTP 200 and JSON that stops in the middle (followed by «The SPARQL operation has been
cancelled»); that is reported as the server's timeout, never as an empty or partial table.
"""

from __future__ import annotations

import ast
import http.client
import json
import math
import socket
import urllib.error
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib.term import Identifier
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
from tiltaksgraf.graph.binding import with_values, without_comments
from tiltaksgraf.graph.results import Answer, Boolean, QueryError, Table, Term, Triples, first_line

#: Seconds to wait for an endpoint's answer unless told otherwise.
DEFAULT_TIMEOUT = 30.0
USER_AGENT = "tiltaksgraf (SPARQLWrapper)"


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL query endpoint: its URL, how long to wait, and optionally the graph to query.

    ``graph_iri`` is sent as the protocol's ``default-graph-uri``: the named graph becomes the query's
    default graph (how to query a graph put there by ``tiltaksgraf publish``).
    """

    url: str
    timeout: float = DEFAULT_TIMEOUT
    graph_iri: str | None = None

    def __post_init__(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            raise QueryError(f"an endpoint is an http:// or https:// URL, not {self.url!r}")

    def query(self, text: str, bindings: Mapping[str, Identifier | Sequence[Identifier]] | None = None) -> Answer:
        """Run any query with ``bindings``: a table (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""
        client = SPARQLWrapper(self.url, agent=USER_AGENT)
        client.setMethod(POST)
        client.setTimeout(max(1, math.ceil(self.timeout)))  # SPARQLWrapper keeps whole seconds only
        if self.graph_iri:
            client.addDefaultGraph(self.graph_iri)
        client.setQuery(without_comments(with_values(text, bindings or {})))
        if client.queryType not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            raise QueryError("give a SELECT, ASK, CONSTRUCT or DESCRIBE query (an update goes to an update endpoint)")
        graph_result = client.queryType in ("CONSTRUCT", "DESCRIBE")
        client.setReturnFormat(TURTLE if graph_result else JSON)
        try:
            response = client.query().response
            content_type = response.headers.get("Content-Type", "")
            body = response.read()
        except (SPARQLWrapperException, urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise QueryError(describe_failure(exc, self.url, self.timeout)) from exc
        if graph_result:
            return parse_triples(body, content_type, self.url)
        return parse_json_results(body, content_type, self.url)

    def select(self, text: str, bindings: Mapping[str, Identifier | Sequence[Identifier]] | None = None) -> Table:
        """Run a SELECT query with ``bindings`` and return its table."""
        answer = self.query(text, bindings)
        if not isinstance(answer, Table):
            raise QueryError("only SELECT queries give a table; use a SELECT query")
        return answer


def parse_triples(body: bytes, content_type: str, url: str) -> Triples:
    """The RDF a CONSTRUCT or DESCRIBE query answered with, in whatever RDF syntax the server chose."""
    fmt = ox.RdfFormat.from_media_type(content_type.split(";")[0].strip()) if content_type else None
    if fmt is None:
        raise QueryError(f"{url} answered with {content_type or 'no content type'}, not RDF")
    try:
        return Triples([q.triple for q in ox.parse(body, format=fmt)])
    except SyntaxError as exc:
        raise QueryError(f"the answer from {url} was cut off or is not valid RDF ({first_line(exc)})") from exc


def _term(binding: dict) -> Term:
    """A term of the SPARQL JSON results format (``typed-literal`` is the old name of a typed literal)."""
    kind = {"typed-literal": "literal"}.get(binding.get("type", "literal"), binding.get("type", "literal"))
    datatype = binding.get("datatype")
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = None
    return Term(kind, binding.get("value", ""), datatype, binding.get("xml:lang"))


def parse_json_results(body: bytes, content_type: str, url: str) -> Table | Boolean:
    """A SPARQL JSON results document as a table (or the boolean of ASK); a cut-off or foreign answer is
    an error."""
    if "json" not in content_type:
        kind = content_type.split(";")[0] or "no content type"
        raise QueryError(f"{url} answered with {kind}, not SPARQL JSON results: is it the query endpoint?")
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        if b"cancelled" in body[-200:] or b"timeout" in body[-200:].lower():
            raise QueryError(
                f"{url} stopped the query at its time limit and cut off the answer: narrow the query, "
                "or raise the server's limit (tiltaksgraf serve --timeout)"
            ) from exc
        raise QueryError(f"the answer from {url} was cut off or is not valid JSON ({first_line(exc)})") from exc
    if isinstance(data, dict) and isinstance(data.get("boolean"), bool):
        return Boolean(data["boolean"])
    try:
        columns = list(data["head"]["vars"])
        terms = [[_term(b[v]) if v in b else None for v in columns] for b in data["results"]["bindings"]]
    except (KeyError, TypeError, AttributeError) as exc:
        raise QueryError(f"the answer from {url} is not a SPARQL results document (missing {exc})") from exc
    return Table(columns, [["" if t is None else t.value for t in row] for row in terms], terms)


#: At most this much of what a server says goes into an error message.
SERVER_TEXT_LIMIT = 2000


def _server_text(exc: BaseException) -> str:
    """What the server said, from a SPARQLWrapper exception (which keeps it only in its message), on one line:
    whole, so a syntax error is not cut off, up to :data:`SERVER_TEXT_LIMIT` characters."""
    message = str(exc)
    if "Response:\n" not in message:
        return ""
    raw = message.split("Response:\n", 1)[1]
    try:
        text = ast.literal_eval(raw).decode("utf-8", "replace")
    except (ValueError, SyntaxError, AttributeError):
        text = raw
    said = " ".join(text.split())
    return said if len(said) <= SERVER_TEXT_LIMIT else said[: SERVER_TEXT_LIMIT - 1] + "…"


def describe_failure(exc: BaseException, url: str, timeout: float) -> str:
    """One line saying why a request to ``url`` failed and what to do about it."""
    if isinstance(exc, SPARQLWrapperException):
        said = _server_text(exc)
        kind = type(exc).__name__
        hints = {
            "QueryBadFormed": "the endpoint rejects the request as malformed",
            "EndPointNotFound": f"there is no SPARQL endpoint at {url} (HTTP 404): check the URL",
            "Unauthorized": f"{url} asks for credentials (HTTP 401)",
            "EndPointInternalError": f"{url} failed with an internal error (HTTP 500)",
            "URITooLong": f"{url} refuses the request as too long (HTTP 414)",
        }
        return hints.get(kind, f"{url} failed: {kind}") + (f": {said}" if said else "")
    if isinstance(exc, urllib.error.HTTPError):
        said = exc.read().decode("utf-8", "replace").strip().splitlines()
        detail = f": {said[0]}" if said else ""
        if exc.code == 403:
            return (
                f"{url} refuses this (HTTP 403 Forbidden{detail}): a read-only server? (tiltaksgraf serve --writable)"
            )
        return f"{url} answered HTTP {exc.code} {exc.reason}{detail}"
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, TimeoutError | socket.timeout) or isinstance(exc, TimeoutError | socket.timeout):
        return f"{url} did not answer within {timeout:g} s: is the server busy or stuck? (raise --timeout)"
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot reach {url}: connection refused; is the server running? (tiltaksgraf serve starts one)"
    if isinstance(exc, http.client.IncompleteRead | http.client.RemoteDisconnected | ConnectionResetError):
        return f"{url} closed the connection before the answer was complete: check the server's log"
    return f"cannot reach {url}: {first_line(reason if isinstance(reason, BaseException) else exc)}"
