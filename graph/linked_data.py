"""Linked data under ``tiltaksgraf serve``: every IRI of the graph answers, by content negotiation, with its
description (Turtle, JSON-LD, N-Triples) or its page of the site, as Pubby and LodView do.

The IRIs are ``https://w3id.org/tiltaksgraf/…``; the server answers the same paths locally
(``/id/measure/frihet-fra-vold/19``, ``/vocab/status/completed``, ``/ontology``), and a public deployment
sends ``w3id.org/tiltaksgraf/…`` there (``docs/deployment.md``). What a request gets (decision 0016):

- ``Accept`` chooses between the page and the three RDF forms (q-values and wildcards as HTTP says; the
  server's order, page first, breaks ties; no ``Accept`` is ``*/*``). The answer carries ``Vary: Accept``.
- The page: ``303 See Other`` to the site's page of the resource (``…/19.html``). A resource without a page
  of its own is shown on another page (a footnote on its measure's, a finding on its kind's:
  ``locations.json`` of the site), or belongs to one (``…/19/status/2025-04`` to ``19``): the 303 goes there.
- The description: ``200`` with the resource's concise bounded description (:mod:`graph.cbd`, the bytes the
  site's ``19.ttl`` and ``19.jsonld`` hold), ``Content-Location`` naming the file form (``19.ttl``), which
  is answered too, without negotiation.
- ``406`` when nothing acceptable can be given (``Accept: text/html`` for an IRI with no page), listing
  what can; ``404`` for an IRI the graph says nothing about.

>>> negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", OFFERS)
'text/html'
>>> negotiate("application/ld+json", OFFERS), negotiate("text/*;q=0.5, text/turtle", OFFERS)
('application/ld+json', 'text/turtle')
>>> negotiate("image/png", OFFERS) is None, negotiate(None, OFFERS)
(True, 'text/html')
>>> iri_of("/id/measure/frihet-fra-vold/19")
'https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/19'
"""

from __future__ import annotations

import http.client
import json
import mimetypes
import time
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tiltaksgraf.graph import cbd
from tiltaksgraf.graph.namespaces import BASE
from tiltaksgraf.graph.routes import Refused, Route
from tiltaksgraf.graph.server import HOST

#: What a resource can be given as, in the order that breaks ties: the page first, as browsers expect.
HTML = "text/html"
RDF_TYPES = ("text/turtle", "application/ld+json", "application/n-triples")
OFFERS = (HTML, *RDF_TYPES)
#: The file forms of a description, by suffix (answered without negotiation).
SUFFIXES = {".ttl": "text/turtle", ".jsonld": "application/ld+json", ".nt": "application/n-triples"}
#: Other names clients use for the same types.
ALIASES = {
    "application/xhtml+xml": HTML,
    "application/x-turtle": "text/turtle",
    "application/json": "application/ld+json",
    "text/plain": "application/n-triples",
}
#: The largest description the front takes from a backend (a CBD is kilobytes; this is a guard).
MAX_DESCRIPTION = 64 * 2**20
#: The file the site writes to say where resources without a page of their own are shown.
LOCATIONS = "locations.json"
#: Content types of the site's files that the standard library does not know, or knows otherwise.
FILE_TYPES = {
    ".js": "text/javascript",
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".rq": "application/sparql-query",
    ".txt": "text/plain",
}


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    out = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q))
    return out


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q the Accept header gives ``offer``: the most specific range that matches it wins."""
    best, specificity = 0.0, -1
    kind = offer.split("/")[0]
    for media, q in ranges:
        media = ALIASES.get(media, media)
        if media == offer:
            level = 2
        elif media == f"{kind}/*":
            level = 1
        elif media == "*/*":
            level = 0
        else:
            continue
        if level > specificity:
            best, specificity = q, level
    return best


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the ``Accept`` header prefers (ties: the first offer), or None if it accepts none."""
    ranges = _media_ranges(accept) if accept and accept.strip() else [("*/*", 1.0)]
    scored = [(_quality(o, ranges), -i, o) for i, o in enumerate(offers)]
    q, _, offer = max(scored)
    return offer if q > 0 else None


def iri_of(path: str) -> str:
    """The IRI a local path stands for: the path under the project's base (``/id/org/jd`` → ``…/id/org/jd``)."""
    return BASE + urllib.parse.unquote(path).lstrip("/")


def suffix_of(path: str) -> tuple[str, str]:
    """(the path without a description suffix, that suffix) for ``/id/org/jd.ttl``; (path, "") otherwise."""
    for suffix in SUFFIXES:
        if path.endswith(suffix) and len(path) > len(suffix) + 1:
            return path[: -len(suffix)], suffix
    return path, ""


class Site:
    """A folder written by ``tiltaksgraf site``: its files, and where each resource's page is."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        index = self.root / LOCATIONS
        self.locations: dict[str, str] = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else {}

    def file(self, path: str) -> Path | None:
        """The site's file at a request path (``/`` is ``index.html``), or None; never one outside the folder."""
        parts = [p for p in urllib.parse.unquote(path).split("/") if p]
        if any(p in (".", "..") or p.startswith(".") or "\\" in p or "\0" in p for p in parts):
            return None
        target = self.root.joinpath(*parts) if parts else self.root / "index.html"
        if target.is_dir():
            target = target / "index.html"
        try:
            resolved = target.resolve()
        except (OSError, RuntimeError):
            return None
        if self.root not in resolved.parents or not resolved.is_file():
            return None
        return resolved

    def page_of(self, iri: str) -> tuple[str, bool] | None:
        """The site path of ``iri``'s page (with a #fragment where it is shown on another's), and whether the
        site knows ``iri`` itself (its own page, or where it is shown) rather than only a resource it is part
        of; None if the site shows it nowhere."""
        if not iri.startswith(BASE):
            return None
        if "#" in iri:  # a client asks for the document part (…/ontology), its page has the term's row
            document, _, term = iri.partition("#")
            found = self.page_of(document)
            return (f"{found[0].split('#')[0]}#{term}", found[1]) if found else None
        own = True
        tail = iri[len(BASE) :]
        while tail:
            if self.file(f"/{tail}.html"):
                return f"{tail}.html", own
            if BASE + tail in self.locations:
                return self.locations[BASE + tail], own
            tail = tail.rsplit("/", 1)[0] if "/" in tail else ""
            own = False
        return None


def content_type(path: Path) -> str:
    """The Content-Type of a file of the site (text types in UTF-8)."""
    kind = FILE_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    textual = kind.startswith("text/") or kind in ("application/json", "application/ld+json", "image/svg+xml")
    textual = textual or kind in ("application/sparql-query", "application/n-triples")
    return f"{kind}; charset=utf-8" if textual else kind


class LinkedDataHandlers:
    """The front's handlers for the site's files and the graph's IRIs (a mixin of :class:`graph.front.Handler`,
    named in :mod:`graph.routes`). Read-only: GET and HEAD."""

    server: Any
    command: str
    path: str
    headers: Any
    wfile: Any

    # --- the site's files -------------------------------------------------------------------------

    def handle_site(self, route: Route) -> None:
        path = urllib.parse.urlsplit(self.path).path
        site: Site | None = self.server.site
        if site is None:
            raise Refused(404, f"nothing at {path}: this server has no site (the SPARQL endpoint is /query)")
        found = site.file(path)
        if found is None:
            raise Refused(404, f"nothing at {path}: the site has no such page (its home is /)")
        self._answer(200, content_type(found), found.read_bytes(), {"Cache-Control": "no-cache"})

    # --- the graph's IRIs -------------------------------------------------------------------------

    def handle_resource(self, route: Route) -> None:
        path = urllib.parse.urlsplit(self.path).path
        site: Site | None = self.server.site
        stem, suffix = suffix_of(path)
        if suffix:  # a description's file form, …/19.ttl: what it says, no negotiation
            self._description_answer(iri_of(stem), SUFFIXES[suffix], stem, negotiated=False)
            return
        found = site.file(path) if site else None
        if found is not None:  # a page or another file of the site under the IRI's path (…/19.html, …/19.rq)
            self._answer(200, content_type(found), found.read_bytes(), {"Cache-Control": "no-cache"})
            return
        iri = iri_of(path)
        page = site.page_of(iri) if site else None
        offers = ([HTML] if page else []) + list(RDF_TYPES)
        choice = negotiate(self.headers.get("Accept"), offers)
        if choice == HTML and page is not None:
            where, own = page
            if not own and not self._describe(iri):
                raise Refused(404, f"the graph says nothing about <{iri}>")
            target = "/" + where
            headers = {"Location": target, "Vary": "Accept", "Link": self._alternates(path, target)}
            self._answer(303, "text/plain; charset=utf-8", f"See {target}\n".encode(), headers)
            return
        if choice is None:
            if not self._describe(iri):
                raise Refused(404, f"the graph says nothing about <{iri}>")
            said = f"<{iri}> is available as {', '.join(offers)}\n".encode()
            self._answer(406, "text/plain; charset=utf-8", said, {"Vary": "Accept"})
            return
        self._description_answer(iri, choice, path, negotiated=True, page=page)

    def _alternates(self, path: str, page: str | None) -> str:
        links = [f'<{path}{s}>; rel="alternate"; type="{t}"' for s, t in SUFFIXES.items()]
        if page:
            links.insert(0, f'<{page}>; rel="alternate"; type="{HTML}"')
        return ", ".join(links)

    def _description_answer(
        self, iri: str, media: str, stem: str, negotiated: bool, page: tuple[str, bool] | None = None
    ) -> None:
        triples = self._describe(iri)
        if not triples:
            raise Refused(404, f"the graph says nothing about <{iri}>")
        suffix = next(s for s, t in SUFFIXES.items() if t == media)
        if page is None and self.server.site is not None:
            page = self.server.site.page_of(iri)
        headers = {
            "Access-Control-Allow-Origin": "*",
            "Link": self._alternates(stem, "/" + page[0] if page else None),
        }
        if negotiated:
            headers |= {"Vary": "Accept", "Content-Location": stem + suffix}
        kind = media + ("; charset=utf-8" if media != "application/ld+json" else "")
        self._answer(200, kind, cbd.serialise(triples, media), headers)

    def _describe(self, iri: str) -> list:
        """The description of ``iri`` (:func:`graph.cbd.describe`), asked of a backend, so that it is what the
        SPARQL endpoint sees."""
        return self._construct(cbd.bound_query(iri), iri) or self._construct(cbd.inbound_query(iri), iri)

    def _construct(self, query: str, iri: str) -> list:
        server = self.server
        deadline = time.monotonic() + server.timeout
        backend = server.pool.acquire(server.timeout)
        if backend is None:
            raise Refused(503, f"every worker is busy (the time limit of {server.timeout:g} s passed waiting)")
        healthy = False
        try:
            conn = backend.connect(max(deadline - time.monotonic(), 0.01))
            body = urllib.parse.urlencode({"query": query})
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/n-triples",
                "Host": f"{HOST}:{backend.port}",
            }
            conn.request("POST", "/query", body=body, headers=headers)
            response = conn.getresponse()
            data = response.read(MAX_DESCRIPTION + 1)
            if response.status != 200 or len(data) > MAX_DESCRIPTION:
                raise Refused(502, f"the store did not give the description of <{iri}> (HTTP {response.status})")
            backend.drop_connection()
            healthy = True
        except TimeoutError as exc:
            raise Refused(503, f"the description of <{iri}> took longer than {server.timeout:g} s") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise Refused(503, "the store process failed on this request and was restarted: try again") from exc
        finally:
            if healthy:
                server.pool.release(backend)
            else:
                server.pool.discard(backend)
        return cbd.from_ntriples(data)

    def _answer(self, status: int, kind: str, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except OSError:
                self.close_connection = True

    # provided by http.server.BaseHTTPRequestHandler
    send_response: Any
    send_header: Any
    end_headers: Any
    close_connection: bool
