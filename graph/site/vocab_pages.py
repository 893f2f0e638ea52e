"""The pages of the vocabulary: a page per concept scheme, per concept, and one for the ontology.

Every IRI of the graph should resolve to a page (``tiltaksgraf serve`` answers ``text/html`` with it), so the
concepts of the SKOS schemes (statuses, roles, organisation types, document kinds …) get pages too: their
labels and definitions in nb and en, their scheme, and the resources of the site that have them. What a
concept is used by is read from the records' fields that hold concepts (a measure's status, an association's
role, an organisation's types …), so a new concept or scheme needs no change here. The ontology's classes
and properties are one page, ``ontology.html``, with an anchor per term (``ontology.html#Measure``), as the
terms are ``…/ontology#Measure``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from tiltaksgraf.graph.site.data import SiteData
from tiltaksgraf.graph.site.facets import facet_values
from tiltaksgraf.graph.site.labels import local_name


@dataclass(frozen=True)
class Use:
    """A resource of the site that has the concept, and how many times (roles: in how many measures)."""

    iri: str
    times: int = 1


def concept_uses(data: SiteData) -> dict[str, list[Use]]:
    """Concept IRI → the resources that have it, each once, most uses first."""
    counts: dict[str, Counter[str]] = {}

    def add(concept: str, iri: str) -> None:
        counts.setdefault(concept, Counter())[iri] += 1

    for m in data.measures.values():
        if m.status:
            add(m.status.value, m.iri)
        for c in m.continuations:
            add(c.relation, m.iri)
        for a in m.associations:
            add(a.role, a.agent)
            if a.stated_in:
                add(a.stated_in, m.iri)
        for d in m.documents:
            add(d.how, d.document)
        for f in m.findings:
            add(f.kind, m.iri)
    for o in data.organisations.values():
        for t in o.types:
            add(t, o.iri)
    for p in data.programmes.values():
        if p.kind:
            add(p.kind, p.iri)
    for d in data.documents.values():
        add(d.kind, d.iri)
    return {c: [Use(i, n) for i, n in found.most_common()] for c, found in counts.items()}


def concept_facets(data: SiteData) -> dict[str, str]:
    """Concept IRI → the home page's facet it is a value of, for the concepts some measure has."""
    out: dict[str, str] = {}
    for m in data.numbered():
        for facet, values in facet_values(data, m).items():
            for v in values:
                if v in data.concepts:
                    out.setdefault(v, facet)
    return out


def scheme_page(data: SiteData, scheme: str, uses: dict[str, list[Use]]) -> dict[str, Any]:
    """A scheme's page: its concepts in the order of their notations, each with how often it is used."""
    concepts = sorted(data.schemes.get(scheme, []), key=lambda c: (data.concepts[c].notation, c))
    return {"scheme": scheme, "concepts": [(c, len(uses.get(c, []))) for c in concepts]}


def concept_page(data: SiteData, concept: str, uses: dict[str, list[Use]], facets: dict[str, str]) -> dict[str, Any]:
    """A concept's page: its notation, scheme, the resources that have it and the home page's facet for it
    (``facets``: :func:`concept_facets`; empty when no measure has it)."""
    return {"concept": data.concepts[concept], "uses": uses.get(concept, []), "facet": facets.get(concept, "")}


def ontology_page(data: SiteData) -> dict[str, Any]:
    """The ontology's terms by kind (classes first), each by its local name, the anchor of its row."""
    kinds: dict[str, list[Any]] = {}
    for term in sorted(data.terms.values(), key=lambda t: local_name(t.iri).casefold()):
        kinds.setdefault(term.kind, []).append(term)
    order = ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty")
    return {
        "kinds": sorted(kinds.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 9, kv[0])),
        "schemes": sorted(data.scheme_labels, key=lambda s: local_name(s)),
    }
