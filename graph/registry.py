"""The registry of organisations (``data/organisations.ttl``): load it and look organisations up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from graph.vocab import ORG, ORG_TYPE, SKOS, TG
from loaders.errors import SourceError
from tiltaksgraf.paths import ORGANISATIONS_FILE


@dataclass(frozen=True)
class Registry:
    """The registry graph and the ministries by acronym."""

    graph: Graph
    ministries: dict[str, URIRef]

    def ministry(self, acronym: str) -> URIRef | None:
        """The ministry with this acronym («JD»), or None if the registry does not know it."""
        return self.ministries.get(acronym)


def load_registry(path: Path = ORGANISATIONS_FILE) -> Registry:
    """Parse the registry; a broken file is a :class:`SourceError` naming it."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise SourceError(
            path, "the registry of organisations is missing", hint="restore data/organisations.ttl"
        ) from exc
    except Exception as exc:  # rdflib raises several parser exception types
        raise SourceError(path, f"the registry of organisations does not parse: {exc}", hint="fix the Turtle") from exc
    ministries = {
        str(acronym): org
        for org in graph.subjects(ORG.classification, ORG_TYPE.ministry)
        if isinstance(org, URIRef)
        for acronym in graph.objects(org, TG.acronym)
    }
    return Registry(graph, ministries)


def misspellings(graph: Graph) -> dict[str, str]:
    """Known misspellings of organisation names (``skos:hiddenLabel``) → the name they stand for.

    The name is the organisation's Bokmål ``skos:prefLabel``, with its acronym where it has one:
    «Buudir» → «Barne-, ungdoms- og familiedirektoratet (Bufdir)».
    """
    out: dict[str, str] = {}
    for org, wrong in sorted(graph.subject_objects(SKOS.hiddenLabel)):
        labels = sorted(graph.objects(org, SKOS.prefLabel), key=lambda v: (getattr(v, "language", "") != "nb", v))
        name = str(labels[0]) if labels else str(org).rsplit("/", 1)[-1]
        acronym = graph.value(org, TG.acronym)
        out[str(wrong)] = f"{name} ({acronym})" if acronym else name
    return out
