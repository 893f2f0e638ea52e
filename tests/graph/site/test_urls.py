"""Site paths mirror the IRIs; only the project's own, safe IRIs get a file."""

from __future__ import annotations

import pytest
from tiltaksgraf.graph.site.urls import has_page, page_path, relative


def test_pages_mirror_the_iris():
    assert page_path("https://w3id.org/tiltaksgraf/id/org/jd") == "id/org/jd.html"
    assert page_path("https://w3id.org/tiltaksgraf/vocab/finding/title-differs") == "vocab/finding/title-differs.html"


@pytest.mark.parametrize(
    "iri",
    [
        "http://example.org/x",
        "https://w3id.org/tiltaksgraf/id/../../etc/passwd",
        "https://w3id.org/tiltaksgraf/id/a b",
        "https://w3id.org/tiltaksgraf/id/org/",
        "https://w3id.org/tiltaksgraf/",
    ],
)
def test_no_file_outside_the_site_or_with_an_unsafe_name(iri):
    assert not has_page(iri)
    with pytest.raises(ValueError):
        page_path(iri)


def test_relative_links():
    assert relative("id/measure/p/1.html", "id/measure/p/2.html") == "2.html"
    assert relative("id/measure/p/1.html", "assets/site.css") == "../../../assets/site.css"
    assert relative("index.html", "index.html#status=completed") == "index.html#status=completed"
    assert relative("id/org/jd.html", "#data") == "jd.html#data"
