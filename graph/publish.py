"""Publish a built graph into any SPARQL 1.1 store as a named graph, replacing the previous version atomically.

1. Upload the triples into a new temporary named graph ``<target>-upload-<random>``: one Graph Store
   Protocol ``PUT`` (when the store's GSP URL is given) or SPARQL Update ``INSERT DATA`` requests of a
   few thousand triples each.
2. ``MOVE <temporary> TO <target>`` in one update request: the store drops the old version and puts the
   new one in its place in one operation (one transaction on Oxigraph).

Until step 2 the target graph is untouched, so a failed or interrupted upload leaves the previous version
answering queries; the temporary graph is dropped on the way out (a killed process can leave one behind,
named ``…-upload-…``; `DROP GRAPH` removes it and no query of the target sees it).
"""

from __future__ import annotations

import contextlib
import http.client
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
from tiltaksgraf.graph.binding import sparql_term
from tiltaksgraf.graph.endpoint import USER_AGENT, describe_failure
from tiltaksgraf.graph.results import QueryError
from tiltaksgraf.graph.store import FORMATS

#: Triples per ``INSERT DATA`` request or per streamed chunk of a Graph Store Protocol upload.
CHUNK = 5000
_BLANK = re.compile(r"(^|\s)_:")


class PublishError(Exception):
    """The graph was not published; the message says why and that the previous version is unchanged."""


@dataclass(frozen=True)
class Published:
    graph_iri: str
    triples: int
    via: str  # "graph store protocol" or "sparql update"


def ntriples(path: Path) -> list[str]:
    """The graph file's triples as N-Triples lines (Turtle is converted with Oxigraph's parser)."""
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise PublishError(f"{path}: give a .ttl or .nt file")
    if not path.is_file():
        raise PublishError(f"no graph at {path} (run `tiltaksgraf build` first, or give --graph)")
    try:
        data = ox.serialize(ox.parse(path=str(path), format=fmt), format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise PublishError(f"{path} does not parse: {str(exc).splitlines()[0]}") from exc
    return [line for line in data.decode("utf-8").splitlines() if line.strip()]


def _update(url: str, text: str, timeout: float) -> None:
    client = SPARQLWrapper(url, agent=USER_AGENT)
    client.setMethod(POST)
    client.setTimeout(timeout)
    client.setQuery(text)
    try:
        client.query().response.read()
    except (SPARQLWrapperException, urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise QueryError(describe_failure(exc, url, timeout)) from exc


def _put(store_url: str, graph: str, chunks: Iterator[bytes], timeout: float) -> None:
    url = f"{store_url}{'&' if '?' in store_url else '?'}{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(
        url, data=chunks, method="PUT", headers={"Content-Type": "application/n-triples", "User-Agent": USER_AGENT}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise QueryError(describe_failure(exc, store_url, timeout)) from exc


def publish(
    graph_file: Path,
    update_url: str,
    graph_iri: str,
    store_url: str | None = None,
    timeout: float = 60.0,
    progress: Callable[[int, int], None] | None = None,
    chunk: int = CHUNK,
) -> Published:
    """Put ``graph_file`` into the named graph ``graph_iri`` of the store behind ``update_url``."""
    try:
        target = sparql_term(URIRef(graph_iri))
    except QueryError as exc:
        raise PublishError(f"--graph-iri must be an absolute IRI: {exc}") from exc
    lines = ntriples(graph_file)
    temporary = f"{graph_iri}-upload-{uuid.uuid4().hex[:12]}"
    tmp = sparql_term(URIRef(temporary))
    if any(_BLANK.search(line) for line in lines):
        chunk = len(lines)  # blank node labels hold only within one request
    batches = [lines[i : i + chunk] for i in range(0, len(lines), chunk)]
    sent = 0

    def stream() -> Iterator[bytes]:
        nonlocal sent
        for batch in batches:
            yield ("\n".join(batch) + "\n").encode("utf-8")
            sent += len(batch)
            if progress:
                progress(sent, len(lines))

    try:
        if store_url:
            _put(store_url, temporary, stream(), timeout)
        else:
            for batch in batches:
                _update(update_url, f"INSERT DATA {{ GRAPH {tmp} {{\n" + "\n".join(batch) + "\n} }", timeout)
                sent += len(batch)
                if progress:
                    progress(sent, len(lines))
    except BaseException as exc:
        _drop_quietly(update_url, tmp, timeout)
        reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc)
        raise PublishError(
            f"the upload stopped after {sent} of {len(lines)} triples ({reason}); "
            f"the previous version of <{graph_iri}> is unchanged"
        ) from exc
    try:
        _update(update_url, f"MOVE {tmp} TO {target}", timeout)
    except (QueryError, KeyboardInterrupt) as exc:
        _drop_quietly(update_url, tmp, timeout)
        raise PublishError(f"replacing <{graph_iri}> failed ({exc}); the previous version is unchanged") from exc
    return Published(graph_iri, len(lines), "graph store protocol" if store_url else "sparql update")


def _drop_quietly(update_url: str, tmp: str, timeout: float) -> None:
    # The temporary graph is not the target: leaving it behind breaks nothing.
    with contextlib.suppress(QueryError, KeyboardInterrupt):
        _update(update_url, f"DROP SILENT GRAPH {tmp}", min(timeout, 10.0))
