"""The registry of organisations (``data/organisations.ttl``): load it and look organisations up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from graph.vocab import ORG, ORG_TYPE, TG
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
