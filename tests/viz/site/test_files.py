"""The written site as files: no broken internal link (the link checker), nothing fetched from elsewhere,
every resource's data beside its page, both languages on every page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from rdflib import Graph
from tiltaksgraf.graph.site.facets import FACETS
from tiltaksgraf.viz.site.render import strings

M19 = "id/measure/frihet-fra-vold/19"


class _Links(HTMLParser):
    """The links (href, src) and the ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for name in ("href", "src"):
            if a.get(name):
                self.links.append(a[name])


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[Path, _Links]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        out[path] = parser
    return out


@pytest.fixture(scope="module")
def facet_values(site: Path) -> dict[str, set[str]]:
    """Facet → the local names of its values, as the home page's hash links name them."""
    text = (site / "assets" / "home-data.js").read_text(encoding="utf-8")
    home = json.loads(text[text.index("=") + 1 :].strip().rstrip(";"))
    return {f["key"]: {v["id"].rstrip("/").rsplit("/", 1)[-1] for v in f["values"]} for f in home["facets"]}


def _fragment_ok(fragment: str, target: _Links, facet_values: dict[str, set[str]]) -> bool:
    """An element id on the target page, or a state of the home page's facets (``status=completed&q=…``)."""
    if "=" not in fragment:
        return fragment in target.ids
    for pair in fragment.split("&"):
        key, _, value = pair.partition("=")
        if key == "q":
            continue
        if key not in FACETS or not all(unquote(v) in facet_values[key] for v in value.split(",")):
            return False
    return True


def test_no_broken_internal_link(site, pages, facet_values):
    """Every relative link and source points at a file of the site, and every #fragment at an element there."""
    broken = []
    checked = 0
    for path, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # an outside address (the registry's web sites): not fetched, not checked here
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            checked += 1
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{path.relative_to(site)}: {link}")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and not _fragment_ok(unquote(parts.fragment), pages[target], facet_values)
            ):
                broken.append(f"{path.relative_to(site)}: {link} (no such place)")
    assert broken == []
    assert checked > 20 * len(pages)  # every page links to its neighbours: a checker that skips them fails here


def test_the_checks_catch_a_broken_link_and_a_fetch(tmp_path, facet_values):
    assert FETCHED.findall('<script src="https://cdn.example/x.js"></script><link rel=stylesheet href="//c/x.css">')
    assert not FETCHED.findall('<a href="https://www.bufdir.no/">Bufdir</a>')
    page = _Links()
    page.feed('<a href="nowhere.html">x</a><a href="#missing">y</a><a href="index.html#status=no-such-status">z</a>')
    assert not (tmp_path / "nowhere.html").is_file()
    assert not _fragment_ok("missing", page, facet_values)
    assert not _fragment_ok("status=no-such-status", page, facet_values)
    assert _fragment_ok("status=completed&q=krisesenter", page, facet_values)


def test_a_page_for_every_measure_organisation_document_and_finding_kind(site):
    assert len(list((site / "id" / "measure" / "frihet-fra-vold").glob("*.html"))) == 105
    assert len(list((site / "id" / "org").glob("*.html"))) == 157
    assert len(list((site / "id" / "document").glob("*.html"))) == 60  # every document, under its own IRI
    assert (site / "vocab" / "finding" / "title-differs.html").is_file()
    for page in (
        "index.html",
        "organisations.html",
        "documents.html",
        "findings.html",
        "continuation.html",
        "timeline.html",
        "vocabulary.html",
        "ontology.html",
        "query.html",
    ):
        assert (site / page).is_file(), page


def test_every_iri_of_the_graph_has_a_page_to_resolve_to(site, store):
    """What `serve` answers `Accept: text/html` with: the IRI's own page, the place another page shows it
    (locations.json), or the page of the resource it belongs to; and each such place exists."""
    from tiltaksgraf.graph.linked_data import Site

    served = Site(site)
    iris = {
        str(term.value)
        for quad in store
        for term in (quad.subject, quad.predicate, quad.object)
        if hasattr(term, "value")
        and str(term.value).startswith("https://w3id.org/tiltaksgraf/")
        and term.__class__.__name__ == "NamedNode"
    }
    assert len(iris) > 7000
    nowhere = [i for i in iris if served.page_of(i) is None]
    assert nowhere == []
    pages: dict[Path, _Links] = {}
    for where in set(served.locations.values()):
        path, _, fragment = where.partition("#")
        if (site / path) not in pages:
            parsed = _Links()
            parsed.feed((site / path).read_text(encoding="utf-8"))
            pages[site / path] = parsed
        assert fragment in pages[site / path].ids, where


def test_a_concept_page_for_every_concept_and_a_page_per_scheme(site, store):
    from tiltaksgraf.graph.site.data import load_site_data

    data = load_site_data(store)
    for iri in data.concepts:
        assert (site / (iri.removeprefix("https://w3id.org/tiltaksgraf/") + ".html")).is_file(), iri
    for iri in data.scheme_labels:
        assert (site / (iri.removeprefix("https://w3id.org/tiltaksgraf/") + ".html")).is_file(), iri
    page = (site / "ontology.html").read_text(encoding="utf-8")
    assert 'id="Measure"' in page and 'id="evaluatedBy"' in page


#: What a browser fetches by itself: a script, image, frame, stylesheet or font from an address with a host.
FETCHED = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\ssrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\shref\s*=\s*["']?(?:https?:)?//|@import|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_nothing_is_fetched_from_elsewhere(site):
    """No page or asset makes the browser fetch from a CDN or any other server: the site opens offline.
    (Links to the organisations' own web sites are links, followed only when clicked.)"""
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        assert FETCHED.findall(path.read_text(encoding="utf-8")) == [], path
    assert (site / "assets" / "vis-network.min.js").stat().st_size > 400_000  # the copy pyvis ships


def test_the_query_page_ships_yasgui_and_its_licence_and_asks_nothing_outside(site):
    script = (site / "yasgui" / "yasgui.min.js").read_bytes()
    assert len(script) > 900_000 and b"sourceMappingURL" not in script  # no map to ask for
    assert "MIT License" in (site / "yasgui" / "LICENSE.txt").read_text(encoding="utf-8")
    page = (site / "query.html").read_text(encoding="utf-8")
    assert 'src="yasgui/yasgui.min.js"' in page and "<title>SPARQL · tiltaksgraf</title>" in page


def test_the_data_beside_a_page_is_its_description(site):
    turtle = Graph().parse(site / f"{M19}.ttl", format="turtle")
    jsonld = Graph().parse(site / f"{M19}.jsonld", format="json-ld")
    assert len(turtle) == len(jsonld) > 400
    query = (site / f"{M19}.rq").read_text(encoding="utf-8")
    assert query.startswith("# title: The concise bounded description of a resource")
    assert f"<https://w3id.org/tiltaksgraf/{M19}>" in query
    page = (site / f"{M19}.html").read_text(encoding="utf-8")
    assert 'href="19.ttl"' in page and 'href="19.jsonld"' in page and 'href="19.rq"' in page


def test_every_interface_string_has_both_languages():
    missing = [k for k, v in strings().items() if set(v) != {"nb", "en"} or not all(v.values())]
    assert missing == []


def test_every_page_speaks_both_languages(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'class="l-nb"' in text and 'class="l-en"' in text, path
        assert re.search(r'id="lang-switch"', text), path


def test_the_readme_quotes_the_site_as_it_is_written(site):
    """The figures of the README's example run: pages of each kind, files and size."""
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    pages, files, megabytes = re.search(
        r"written: build/site/ \((\d+) pages, (\d+) files, ([\d.]+) MB", readme
    ).groups()
    written = [p for p in site.rglob("*") if p.is_file() and p.name != ".tiltaksgraf-site"]
    assert int(files) == len(written) + 1
    assert int(pages) == len([p for p in written if p.suffix == ".html"])
    assert float(megabytes) == round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6, 1)
    measures = int(re.search(r"  (\d+) measure pages", readme).group(1))
    orgs, programmes = map(int, re.search(r"  (\d+) organisation and (\d+) programme pages", readme).groups())
    assert measures == len(list((site / "id/measure").rglob("*.html")))
    assert orgs == len(list((site / "id/org").glob("*.html")))
    assert programmes == len(list((site / "id/programme").glob("*.html")))
