"""Any SPARQL 1.1 endpoint over HTTP, through SPARQLWrapper: queries with a timeout and one-line errors.

Parameters are bound by a ``VALUES`` block of serialised RDF terms (:mod:`graph.binding`). Failures
become a :class:`~graph.results.QueryError` that says what to do: the endpoint is down, did not answer
in time, rejected the query, or cut its answer off. Oxigraph answers a query that hits its own time
limit with HTTP 200 and JSON that stops in the middle (followed by «The SPARQL operation has been
cancelled»); that is reported as the server's timeout, never as an empty or partial table.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tiltaksgraf.graph.binding import with_values, without_comments
from tiltaksgraf.graph.results import QueryError, Table, first_line

if TYPE_CHECKING:  # SPARQLWrapper and http.client are imported when a request is made, not by every command
    from rdflib.term import Identifier

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

    def select(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> Table:
        """Run a SELECT query with ``bindings`` and return its table."""
        import http.client
        import urllib.error

        from SPARQLWrapper import JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        client = SPARQLWrapper(self.url, agent=USER_AGENT)
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.setTimeout(max(1, math.ceil(self.timeout)))  # SPARQLWrapper keeps whole seconds only
        if self.graph_iri:
            client.addDefaultGraph(self.graph_iri)
        client.setQuery(without_comments(with_values(text, bindings or {})))
        if client.queryType != "SELECT":
            raise QueryError("only SELECT queries give a table; use a SELECT query")
        try:
            response = client.query().response
            content_type = response.headers.get("Content-Type", "")
            body = response.read()
        except (SPARQLWrapperException, urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise QueryError(describe_failure(exc, self.url, self.timeout)) from exc
        return parse_json_results(body, content_type, self.url)


def parse_json_results(body: bytes, content_type: str, url: str) -> Table:
    """A SPARQL JSON results document as a table; a cut-off or foreign answer is an error."""
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
    if "boolean" in data:
        raise QueryError("only SELECT queries give a table; use a SELECT query")
    try:
        columns = list(data["head"]["vars"])
        rows = [[b.get(v, {}).get("value", "") for v in columns] for b in data["results"]["bindings"]]
    except (KeyError, TypeError, AttributeError) as exc:
        raise QueryError(f"the answer from {url} is not a SPARQL results document (missing {exc})") from exc
    return Table(columns, rows)


def _server_text(exc: BaseException) -> str:
    """What the server said, from a SPARQLWrapper exception (which keeps it only in its message)."""
    import ast

    message = str(exc)
    if "Response:\n" not in message:
        return ""
    raw = message.split("Response:\n", 1)[1]
    try:
        text = ast.literal_eval(raw).decode("utf-8", "replace")
    except (ValueError, SyntaxError, AttributeError):
        text = raw
    return first_line(Exception(text)) if text.strip() else ""


def describe_failure(exc: BaseException, url: str, timeout: float) -> str:
    """One line saying why a request to ``url`` failed and what to do about it."""
    import http.client
    import socket
    import urllib.error

    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

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
