"""Mint every instance IRI in one place: deterministic and readable, so a rebuild gives the same IRIs.

>>> str(measure("frihet-fra-vold", "17a"))
'https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/17a'
"""

from __future__ import annotations

from rdflib import URIRef
from tiltaksgraf.graph.vocab import ID
from tiltaksgraf.loaders.citations import slug


def plan(key: str) -> URIRef:
    return ID[f"plan/{key}"]


def report(key: str) -> URIRef:
    return ID[f"report/{key}"]


def focus_area(plan_key: str, number: int) -> URIRef:
    return ID[f"focus-area/{plan_key}/{number}"]


def focus_area_scheme(plan_key: str) -> URIRef:
    return ID[f"focus-area/{plan_key}"]


def measure(plan_key: str, label: str) -> URIRef:
    """A measure ("17") or sub-measure ("17a")."""
    return ID[f"measure/{plan_key}/{label}"]


def part(parent: URIRef, *names: str) -> URIRef:
    """A resource that belongs to another and is named under it: ``…/measure/x/17/status``."""
    return URIRef("/".join([str(parent), *names]))


def status_assessment(activity: URIRef, date: str) -> URIRef:
    """A measure's status assessment by the report of ``date`` ("2025-04"): ``…/measure/x/17/status/2025-04``."""
    return part(activity, "status", date)


def organisation(key: str) -> URIRef:
    return ID[f"org/{key}"]


def commitment(plan_key: str, text: str) -> URIRef:
    return ID[f"commitment/{plan_key}/{slug(text, 9)}"]


def footnote(report_key: str, number: int) -> URIRef:
    return ID[f"footnote/{report_key}/{number}"]


def document(key: str) -> URIRef:
    """A document the report names, keyed by its designation where it has one: ``…/document/nou-2020-17``."""
    return ID[f"document/{key}"]


def journal(title: str) -> URIRef:
    """The journal an article stands in, keyed by its title: ``…/document/journal-of-interpersonal-violence``."""
    return document(slug(title, 8))


def publication(key: str) -> URIRef:
    """A publication a footnote cites: a document like any other (``Publication.key`` is its document key)."""
    return document(key)


def finding(report_key: str, index: int, kind: str) -> URIRef:
    return ID[f"finding/{report_key}/{index:03d}-{kind}"]


def key_of(title: str) -> str:
    """The key of a plan from its title: «Frihet fra vold» → ``frihet-fra-vold``."""
    return slug(title, 12)


def published_graph() -> URIRef:
    """The named graph `tiltaksgraf publish` puts a built graph in, unless told another."""
    return ID["graph"]
