"""Where a resource's page is in the site: the IRI's path under the base, with ``.html``.

The site mirrors the IRIs, so a server can map ``https://w3id.org/tiltaksgraf/id/org/jd`` to the file
``id/org/jd.html`` (and ``.ttl``, ``.jsonld``, ``.rq`` beside it) with no table. Links between pages are
relative, so the site works from ``file://`` and from any folder of any web server.

>>> page_path("https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/27a")
'id/measure/frihet-fra-vold/27a.html'
>>> relative("id/measure/frihet-fra-vold/27a.html", "id/org/jd.html")
'../../org/jd.html'
>>> relative("index.html", "id/org/jd.html")
'id/org/jd.html'
>>> relative("id/org/jd.html", "index.html#status=completed")
'../../index.html#status=completed'
>>> anchor("https://w3id.org/tiltaksgraf/id/footnote/frihet-fra-vold-sluttrapport-2025/3", "footnote")
'footnote-3'
"""

from __future__ import annotations

import re
from functools import lru_cache

from tiltaksgraf.graph.vocab import BASE

_UNSAFE_IN_ID = re.compile(r"[^A-Za-z0-9_-]+")

#: What an IRI's path may hold to become a file name: letters, digits and - _ . / (the minted IRIs do).
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./-]*")


def has_page(iri: str) -> bool:
    """True for an IRI under the project's base whose path is safe as a file name."""
    tail = iri[len(BASE) :] if iri.startswith(BASE) else ""
    return bool(_SAFE.fullmatch(tail)) and ".." not in tail and not tail.endswith("/")


def resource_path(iri: str, suffix: str) -> str:
    """The site path of a file about ``iri``: its path under the base with ``suffix`` (``.html``, ``.ttl`` …)."""
    if not has_page(iri):
        raise ValueError(f"{iri} is not an IRI of tiltaksgraf that the site can hold")
    return iri[len(BASE) :] + suffix


def page_path(iri: str) -> str:
    """The page of ``iri``."""
    return resource_path(iri, ".html")


@lru_cache(maxsize=65536)
def relative(source: str, target: str) -> str:
    """A link from the page at ``source`` to ``target`` (both site paths; ``target`` may have a #fragment)."""
    path, _, fragment = target.partition("#")
    if not path:
        link = source.rsplit("/", 1)[-1]
    else:
        here, there = source.split("/")[:-1], path.split("/")
        common = 0
        while common < min(len(here), len(there) - 1) and here[common] == there[common]:
            common += 1
        link = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{link}#{fragment}" if fragment else link


def anchor(iri: str, prefix: str) -> str:
    """The id of the element that shows ``iri`` on a page of another resource: ``prefix-<last segment>``."""
    tail = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return f"{prefix}-{_UNSAFE_IN_ID.sub('-', tail)}"
