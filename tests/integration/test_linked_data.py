"""Linked data against a real server (the front, oxigraph behind it, the site beside it): a measure's IRI
gives Turtle, JSON-LD, N-Triples or its page by the Accept header, each description the resource's concise
bounded description; every internal link of the served site answers."""

from __future__ import annotations

import http.client
import re
import urllib.parse
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest
from tiltaksgraf.graph.cbd import describe
from tiltaksgraf.graph.server import HOST, Server

M19 = "/id/measure/frihet-fra-vold/19"
IRI19 = "https://w3id.org/tiltaksgraf" + M19


@pytest.fixture(scope="module")
def served(served_site: Server) -> Server:
    """A read-only server over the report's graph, with the report's site beside the endpoint."""
    return served_site


def get(server: Server, path: str, accept: str | None = None, method: str = "GET"):
    """(status, headers, body) of one request; redirects are not followed."""
    conn = http.client.HTTPConnection(HOST, server.port, timeout=30)
    try:
        conn.request(method, path, headers={"Accept": accept} if accept is not None else {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def triples(data: bytes, fmt: ox.RdfFormat) -> set[ox.Triple]:
    return {q.triple for q in ox.parse(data, fmt)}


@pytest.mark.parametrize(
    "accept, fmt, suffix",
    [
        ("text/turtle", ox.RdfFormat.TURTLE, ".ttl"),
        ("application/ld+json", ox.RdfFormat.JSON_LD, ".jsonld"),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES, ".nt"),
        ("text/html;q=0.5, text/turtle", ox.RdfFormat.TURTLE, ".ttl"),
        ("application/json", ox.RdfFormat.JSON_LD, ".jsonld"),
    ],
)
def test_a_measures_iri_gives_its_concise_bounded_description(served, store, accept, fmt, suffix):
    status, headers, body = get(served, M19, accept)
    assert status == 200
    assert headers["content-type"].split(";")[0] == fmt.media_type
    assert headers["vary"] == "Accept"
    assert headers["content-location"] == M19 + suffix
    expected = describe(store, IRI19)
    assert triples(body, fmt) == set(expected) and len(expected) > 400


def test_the_description_is_the_bytes_of_the_sites_files(served, site):
    for suffix in (".ttl", ".jsonld"):
        status, headers, body = get(served, M19 + suffix)  # the file form: no negotiation
        assert status == 200 and "vary" not in headers
        assert body == (site / f"{M19[1:]}{suffix}").read_bytes()


@pytest.mark.parametrize("accept", ["text/html", "text/html,application/xhtml+xml,*/*;q=0.8", "*/*", None])
def test_a_browser_is_sent_to_the_page(served, site, accept):
    status, headers, _ = get(served, M19, accept)
    assert status == 303 and headers["location"] == M19 + ".html" and headers["vary"] == "Accept"
    status, headers, body = get(served, headers["location"])
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert body == (site / f"{M19[1:]}.html").read_bytes()


@pytest.mark.parametrize(
    "path, page",
    [
        ("/id/footnote/frihet-fra-vold-sluttrapport-2025/3", "/id/measure/frihet-fra-vold/9.html#footnote-3"),
        ("/id/measure/frihet-fra-vold/19/status/2025-04/reading/1", M19 + ".html"),
        ("/vocab/status/completed", "/vocab/status/completed.html"),
        ("/vocab/role", "/vocab/role.html"),
        ("/ontology", "/ontology.html"),
        ("/ontology/0.1.0", "/ontology.html"),
    ],
)
def test_an_iri_without_a_page_of_its_own_goes_to_the_page_that_shows_it(served, path, page):
    status, headers, _ = get(served, path, "text/html")
    assert status == 303 and headers["location"] == page
    status, _, body = get(served, path, "text/turtle")
    assert status == 200 and triples(body, ox.RdfFormat.TURTLE)


def test_the_ontology_gives_all_its_terms(served):
    _, _, body = get(served, "/ontology", "text/turtle")
    subjects = {str(t.subject.value) for t in triples(body, ox.RdfFormat.TURTLE)}
    assert "https://w3id.org/tiltaksgraf/ontology#Measure" in subjects and len(subjects) > 80


def test_what_cannot_be_given_is_406_and_what_is_not_there_404(served):
    status, headers, body = get(served, M19, "image/png")
    assert status == 406 and headers["vary"] == "Accept" and b"text/turtle" in body
    status, _, _ = get(served, "/vocab/status/completed/nothing", "text/html")
    assert status == 404
    assert get(served, "/id/measure/frihet-fra-vold/999", "text/turtle")[0] == 404
    assert get(served, "/id/measure/frihet-fra-vold/999.ttl")[0] == 404
    assert get(served, M19, "text/turtle", method="HEAD")[2] == b""


def test_the_server_stays_read_only_and_inside_its_site(served):
    conn = http.client.HTTPConnection(HOST, served.port, timeout=30)
    conn.request("POST", M19, body=b"x", headers={"Content-Type": "text/turtle"})
    assert conn.getresponse().status == 405
    conn.close()
    for path in ("/../pyproject.toml", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f.tiltaksgraf-site", "/.x"):
        assert get(served, path)[0] == 404, path
    status, _, body = get(served, "/query?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
    assert status == 200 and b"true" in body  # the endpoint beside the site


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_every_internal_link_of_the_served_site_answers(served):
    """Crawl the site over HTTP from / and request every internal link once: pages, data files, assets."""
    seen: set[str] = set()
    todo = ["/"]
    pages = 0
    conn = http.client.HTTPConnection(HOST, served.port, timeout=30)  # one kept-alive connection
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        page = path == "/" or path.endswith(".html")
        conn.request("GET" if page else "HEAD", path)
        response = conn.getresponse()
        body = response.read()
        assert response.status == 200, path
        if not page:
            continue
        assert response.getheader("Content-Type") == "text/html; charset=utf-8", path
        pages += 1
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or link.startswith("//") or not parts.path:
                continue
            target = urllib.parse.urljoin(path, parts.path)
            if target not in seen:
                todo.append(target)
    conn.close()
    assert pages > 450 and len(seen) > 1500
    assert not [p for p in seen if re.search(r"\.\./|//", p)]
