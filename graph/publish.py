"""Publish a built graph into any SPARQL 1.1 store as a named graph, replacing the previous version atomically.

1. **Claim** the target: a claim goes into the state graph ``<target>-publish-state``, then the claims are
   read back; with another live claim there, this publish withdraws and says so (nothing was touched). Two
   publishes at once therefore never interleave: at most one goes on (if both see each other, both stop).
   A claim whose process is gone (same host, no such process) or older than ``lease`` seconds is an
   abandoned one (a killed publish) and is removed, with the upload graphs such a publish leaves behind
   (``<target>-upload-…``).
2. **Upload** the triples into a new temporary named graph ``<target>-upload-<random>``: one Graph Store
   Protocol ``PUT`` (when the store's GSP URL is given) or SPARQL Update ``INSERT DATA`` requests of a
   few thousand triples each; then **count** them on the query endpoint: what arrived must be every triple
   (so an update URL that answers 200 without being one is found out).
3. **Move** in one update request: ``MOVE <temporary> TO <target>`` and the version record in the state
   graph (``dcterms:identifier``, ``void:triples``, ``dcterms:modified``), one transaction on Oxigraph.
4. **Check** what is there: the target must hold exactly the triples sent, under this publish's version.
   Where the move did not answer (a slow server, a dropped connection), the state graph tells whether the
   new version is in place or the previous one still is, and the message says which; never a guess.

Until step 3 the target graph is untouched, so a failed or interrupted upload leaves the previous version
answering queries; the temporary graph is dropped on the way out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import socket
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Literal, URIRef
from tiltaksgraf.graph.binding import sparql_term
from tiltaksgraf.graph.endpoint import Endpoint, protocol_request
from tiltaksgraf.graph.http_client import request
from tiltaksgraf.graph.results import QueryError
from tiltaksgraf.graph.store import FORMATS

#: Triples per ``INSERT DATA`` request or per streamed chunk of a Graph Store Protocol upload.
CHUNK = 5000
#: How much longer than one request publish waits to learn what a move that did not answer did.
SETTLE_FACTOR = 3.0
#: Seconds after which another publish's claim is taken as abandoned (its process was killed).
LEASE = 600.0
_BLANK = re.compile(r"(^|\s)_:")
_DCT = "http://purl.org/dc/terms/"
_PROV_STARTED = "<http://www.w3.org/ns/prov#startedAtTime>"
_SUBJECT = f"<{_DCT}subject>"
_CREATOR = f"<{_DCT}creator>"  # "host pid" of the publishing process
_IDENTIFIER = f"<{_DCT}identifier>"
_MODIFIED = f"<{_DCT}modified>"
_TRIPLES = "<http://rdfs.org/ns/void#triples>"
_XSD_DATETIME = "<http://www.w3.org/2001/XMLSchema#dateTime>"


class PublishError(Exception):
    """The graph was not published; the message says why and in what state the target graph is."""


@dataclass(frozen=True)
class Published:
    graph_iri: str
    triples: int
    via: str  # "graph store protocol" or "sparql update"
    notes: tuple[str, ...] = field(default=())  # what else was done (abandoned uploads removed, a late answer)


def ntriples(path: Path) -> list[str]:
    """The graph file's distinct triples as N-Triples lines (Turtle is converted with Oxigraph's parser)."""
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise PublishError(f"{path}: give a .ttl or .nt file")
    if not path.is_file():
        raise PublishError(f"no graph at {path} (run `tiltaksgraf build` first, or give --graph)")
    try:
        data = ox.serialize(ox.parse(path=str(path), format=fmt), format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise PublishError(f"{path} does not parse: {str(exc).splitlines()[0]}") from exc
    # LF only: a literal may hold U+2028 or a form feed, on which splitlines() would cut a triple in two.
    lines = list(dict.fromkeys(line for line in data.decode("utf-8").split("\n") if line.strip()))
    if not lines:
        raise PublishError(f"{path} holds no triples: nothing to publish")
    return lines


def default_query_url(update_url: str) -> str:
    """The query endpoint beside an update endpoint: ``…/update`` → ``…/query`` (Oxigraph, Fuseki), else the same."""
    return update_url[: -len("/update")] + "/query" if update_url.endswith("/update") else update_url


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _literal_time(moment: dt.datetime) -> str:
    return f'"{moment.isoformat().replace("+00:00", "Z")}"^^{_XSD_DATETIME}'


class _Store:
    """The store's update and query endpoints, and the questions publish asks them."""

    def __init__(self, update_url: str, query_url: str, graph_iri: str, timeout: float) -> None:
        self.update_url, self.timeout = update_url, timeout
        self.query = Endpoint(query_url, timeout)
        self.target = sparql_term(URIRef(graph_iri))
        self.state = sparql_term(URIRef(f"{graph_iri}-publish-state"))

    def update(self, text: str, timeout: float | None = None) -> None:
        _, method, url, body, headers = protocol_request(self.update_url, text)
        request(method, url, body, headers, timeout or self.timeout)

    def select(self, text: str) -> list[list[str]]:
        return self.query.select(text).rows

    def count(self, graph: str) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        return int(rows[0][0]) if rows and rows[0][0].isdigit() else -1

    def version(self) -> tuple[str, int]:
        """The version recorded for the target ("" if none) and the number of triples it holds now."""
        rows = self.select(f"SELECT ?version WHERE {{ GRAPH {self.state} {{ {self.target} {_IDENTIFIER} ?version }} }}")
        return (rows[0][0] if rows else ""), self.count(self.target)


def publish(
    graph_file: Path,
    update_url: str,
    graph_iri: str,
    store_url: str | None = None,
    timeout: float = 60.0,
    progress: Callable[[int, int], None] | None = None,
    chunk: int = CHUNK,
    query_url: str | None = None,
    lease: float = LEASE,
) -> Published:
    """Put ``graph_file`` into the named graph ``graph_iri`` of the store behind ``update_url``."""
    try:
        store = _Store(update_url, query_url or default_query_url(update_url), graph_iri, timeout)
    except QueryError as exc:
        raise PublishError(f"--graph-iri must be an absolute IRI: {exc}") from exc
    lines = ntriples(graph_file)
    me = uuid.uuid4().hex[:16]
    claim = sparql_term(URIRef(f"urn:tiltaksgraf:publish:{me}"))
    notes = _claim(store, claim, graph_iri, lease)
    try:
        before = _ask(store.version, "reading the state of the target")
        notes += _drop_abandoned_uploads(store, graph_iri)
        temporary = sparql_term(URIRef(f"{graph_iri}-upload-{me}"))
        via = _upload(store, lines, temporary, store_url, progress, chunk)
        arrived = _ask(lambda: store.count(temporary), "counting what arrived")
        if arrived != len(lines):
            _drop_quietly(store, temporary)
            raise PublishError(
                f"the upload did not arrive whole: {arrived} of {len(lines)} triples are in the store "
                f"(is {update_url} the update endpoint of the store behind {store.query.url}?); "
                f"the previous version of <{graph_iri}> is unchanged"
            )
        notes += _move(store, temporary, me, len(lines), before, graph_iri)
    finally:
        with contextlib.suppress(QueryError, KeyboardInterrupt):
            store.update(f"DELETE WHERE {{ GRAPH {store.state} {{ {claim} ?p ?o }} }}", min(timeout, 10.0))
    return Published(graph_iri, len(lines), via, tuple(notes))


def _ask(question: Callable, what: str):
    try:
        return question()
    except QueryError as exc:
        raise PublishError(f"{what} failed ({exc}); nothing was changed") from exc


def _claim(store: _Store, claim: str, graph_iri: str, lease: float) -> list[str]:
    """Claim the target for this publish; refuse if another live publish has claimed it."""
    started = _now()
    try:
        store.update(
            f"INSERT DATA {{ GRAPH {store.state} {{ {claim} {_SUBJECT} {store.target} ; "
            f"{_CREATOR} {sparql_term(Literal(_process()))} ; {_PROV_STARTED} {_literal_time(started)} }} }}"
        )
    except QueryError as exc:
        raise PublishError(f"{exc}; nothing was changed") from exc
    rows = _ask(
        lambda: store.select(
            f"SELECT ?claim ?started ?by WHERE {{ GRAPH {store.state} {{ ?claim {_PROV_STARTED} ?started "
            f"OPTIONAL {{ ?claim {_CREATOR} ?by }} }} }}"
        ),
        "reading the claims on the target",
    )
    mine, others, stale = False, [], []
    for other, when, by in rows:
        if f"<{other}>" == claim:
            mine = True
            continue
        try:
            moment = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
        except ValueError:
            moment = started
        old = (started - moment).total_seconds() > lease
        (stale if old or _gone(by) else others).append((other, when))
    if not mine:
        raise PublishError(
            f"the claim on <{graph_iri}> did not arrive in the store behind {store.query.url} "
            f"(is {store.update_url} its update endpoint?); nothing was changed"
        )
    if others:
        with contextlib.suppress(QueryError):
            store.update(f"DELETE WHERE {{ GRAPH {store.state} {{ {claim} ?p ?o }} }}")
        raise PublishError(
            f"another publish of <{graph_iri}> is under way (since {others[0][1]}); this one gave way and "
            "changed nothing: run it again when the other has finished"
        )
    for other, _ in stale:
        with contextlib.suppress(QueryError):
            store.update(f"DELETE WHERE {{ GRAPH {store.state} {{ <{other}> ?p ?o }} }}")
    return [f"removed {len(stale)} claim(s) of publishes that no longer run"] if stale else []


def _process() -> str:
    """Who publishes: this host and process, so that a claim left by a killed process here is known for one at once."""
    return f"{socket.gethostname()} {os.getpid()}"


def _gone(by: str) -> bool:
    """Whether the claim ``by`` ("host pid") was made by a process of this host that no longer runs."""
    host, _, pid = by.rpartition(" ")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _drop_abandoned_uploads(store: _Store, graph_iri: str) -> list[str]:
    """Drop the upload graphs of publishes that were killed (this publish holds the claim: none is live)."""
    prefix = sparql_term(Literal(f"{graph_iri}-upload-"))
    rows = _ask(
        lambda: store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER (STRSTARTS(STR(?g), {prefix})) }}"),
        "looking for abandoned uploads",
    )
    graphs = [sparql_term(URIRef(g)) for (g,) in rows]
    if not graphs:
        return []
    try:
        store.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in graphs))
    except QueryError as exc:
        raise PublishError(f"removing abandoned uploads failed ({exc}); nothing was changed") from exc
    return [f"removed {len(graphs)} upload graph(s) left by an interrupted publish"]


def _upload(
    store: _Store,
    lines: list[str],
    temporary: str,
    store_url: str | None,
    progress: Callable[[int, int], None] | None,
    chunk: int,
) -> str:
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
            url = f"{store_url}{'&' if '?' in store_url else '?'}graph={quote(temporary.strip('<>'), safe='')}"
            request("PUT", url, stream(), {"Content-Type": "application/n-triples"}, store.timeout)
        else:
            for batch in batches:
                store.update(f"INSERT DATA {{ GRAPH {temporary} {{\n" + "\n".join(batch) + "\n} }")
                sent += len(batch)
                if progress:
                    progress(sent, len(lines))
    except BaseException as exc:
        _drop_quietly(store, temporary)
        reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc)
        raise PublishError(
            f"the upload stopped after {sent} of {len(lines)} triples ({reason}); "
            f"the previous version of <{store.target.strip('<>')}> is unchanged"
        ) from exc
    return "graph store protocol" if store_url else "sparql update"


def _move(store: _Store, temporary: str, me: str, triples: int, before: tuple[str, int], graph_iri: str) -> list[str]:
    """Put the upload in place with its version record, and check that it is there."""
    record = f'{store.target} {_IDENTIFIER} "{me}" ; {_TRIPLES} {triples} ; {_MODIFIED} {_literal_time(_now())}'
    move = (
        f"MOVE {temporary} TO {store.target} ;\n"
        f"DELETE WHERE {{ GRAPH {store.state} {{ {store.target} ?p ?o }} }} ;\n"
        f"INSERT DATA {{ GRAPH {store.state} {{ {record} }} }}"
    )
    try:
        store.update(move)
    except (QueryError, KeyboardInterrupt) as exc:
        reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc)
        return _settle(store, temporary, me, triples, before, graph_iri, reason)
    version, holds = _ask(store.version, "checking what was published")
    if version != me or holds != triples:
        raise PublishError(
            f"after the move <{graph_iri}> holds {holds} triples of version {version or 'none'}, not the "
            f"{triples} sent as version {me}: another client wrote to it at the same time; publish again"
        )
    return []


def _settle(
    store: _Store, temporary: str, me: str, triples: int, before: tuple[str, int], graph_iri: str, reason: str
) -> list[str]:
    """After a move that did not answer: find out, and say, which version is in place.

    The store may still be moving, so this waits longer than one request (:data:`SETTLE_FACTOR` times, at least
    30 s): the drop of the upload graph, on a store that orders its writes, runs after the move.
    """
    patience = max(store.timeout * SETTLE_FACTOR, 30.0)
    try:
        store.update(f"DROP SILENT GRAPH {temporary}", patience)
        store.query = Endpoint(store.query.url, patience)
        version, holds = store.version()
    except QueryError as exc:
        raise PublishError(
            f"replacing <{graph_iri}> did not answer ({reason}), and the store cannot say what it holds now "
            f"({exc}): the new version may or may not be in place; check, and publish again"
        ) from exc
    if version == me and holds == triples:
        return [f"the move did not answer in time, but the new version is in place ({reason})"]
    if (version, holds) == before:
        raise PublishError(f"replacing <{graph_iri}> failed ({reason}); the previous version is unchanged")
    raise PublishError(
        f"replacing <{graph_iri}> did not answer ({reason}); it now holds {holds} triples of version "
        f"{version or 'none'} (neither this one nor the previous one): publish again"
    )


def _drop_quietly(store: _Store, temporary: str) -> None:
    # The temporary graph is not the target: leaving it behind breaks nothing (the next publish removes it).
    with contextlib.suppress(QueryError, KeyboardInterrupt):
        store.update(f"DROP SILENT GRAPH {temporary}", min(store.timeout, 10.0))
