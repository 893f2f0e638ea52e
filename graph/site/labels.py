"""Labels for the resources of the site, by language, from the graph: concepts, organisations, measures, plans.

A label is a dict ``{"nb": …, "en": …}``; a resource the graph labels in one language only has that one, and
:func:`in_language` falls back to Bokmål.

>>> in_language({"nb": "pågår"}, "en")
'pågår'
"""

from __future__ import annotations

from tiltaksgraf.graph.site.data import SiteData

Label = dict[str, str]


def in_language(label: Label, lang: str) -> str:
    """The label in ``lang``, else in Bokmål, else any."""
    return label.get(lang) or label.get("nb") or next(iter(label.values()), "")


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``…/vocab/status/in_progress`` → ``in_progress``."""
    return iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Labels:
    """Looks up the label of any IRI the site shows."""

    def __init__(self, data: SiteData) -> None:
        self.data = data

    def __call__(self, iri: str) -> Label:
        d = self.data
        if iri in d.focus_areas:
            area = d.focus_areas[iri]
            return {"nb": f"{area.number}: {area.name}"}
        if iri in d.concepts:
            return dict(d.concepts[iri].labels)
        if iri in d.organisations:
            o = d.organisations[iri]
            return dict(o.names) or {"nb": o.label}
        if iri in d.measures:
            return {"nb": f"Tiltak {d.measures[iri].number}", "en": f"Measure {d.measures[iri].number}"}
        if iri in d.programmes:
            return {"nb": d.programmes[iri].name}
        if iri in d.documents:
            return d.documents[iri].label()
        if iri in d.plans:
            return {"nb": d.plans[iri].title}
        if iri in d.terms:
            return dict(d.terms[iri].labels)
        if iri in d.scheme_labels:
            return dict(d.scheme_labels[iri].labels)
        return {"nb": local_name(iri)}

    def short(self, iri: str) -> Label:
        """A short label: an organisation's acronym where it has one, else the label."""
        org = self.data.organisations.get(iri)
        if org is not None and org.acronym:
            return {"nb": org.acronym}
        doc = self.data.documents.get(iri)
        if doc is not None and (doc.designation or doc.short):
            return {"nb": doc.designation or doc.short}
        return self(iri)

    def definition(self, iri: str) -> Label:
        d = self.data
        described = d.concepts.get(iri) or d.terms.get(iri) or d.scheme_labels.get(iri)
        return dict(described.definitions) if described else {}
