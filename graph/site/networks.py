"""The networks the site draws: each measure's and each organisation's ego network, and each organisation's
partners, all from the collaboration networks of :mod:`graph.networks` (so the site and ``tiltaksgraf
network`` agree; sub-measures count for their measure, decision 0007)."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from tiltaksgraf.graph.networks import NetworkData, build_network, load_network_data
from tiltaksgraf.graph.sources import Source


@dataclass(frozen=True)
class Partner:
    """An organisation that shares measures with another: how many, and which."""

    org: str
    weight: int
    measures: str  # the numbers, «3,17,34»


class SiteNetworks:
    """The networks read once from the graph, and the parts of them each page draws."""

    def __init__(self, source: Source) -> None:
        self.data: NetworkData = load_network_data(source)
        self.bipartite = build_network(self.data, "bipartite")
        self.organisations = build_network(self.data, "organisations")

    def measure_ego(self, unit: str) -> nx.Graph | None:
        """The measure (a numbered measure's IRI) and the organisations involved in it, or None if none are."""
        if unit not in self.bipartite:
            return None
        g = nx.Graph(nx.ego_graph(self.bipartite, unit, radius=1))
        g.graph.update(kind="ego", ego=unit, title=f"Ego network of measure {self.data.measures[unit].number}")
        return g

    def organisation_ego(self, org: str) -> nx.Graph | None:
        """The organisation, its measures and its partners in them (``network ego ORG``), or None if it has no
        measure."""
        if org not in self.bipartite:
            return None
        # ego_network(self.data, org) at depth 1, cut from the bipartite network built once for every page
        g = nx.Graph(nx.ego_graph(self.bipartite, org, radius=2))
        label = self.bipartite.nodes[org].get("label", org)
        g.graph.update(kind="ego", title=f"Ego network of {label} (depth 1)", ego=org, depth=1)
        return g

    def partners(self, org: str) -> list[Partner]:
        """The organisations that share a measure with ``org``, most shared measures first."""
        if org not in self.organisations:
            return []
        edges = self.organisations[org]
        found = [Partner(other, int(d.get("weight", 1)), d.get("measures", "")) for other, d in edges.items()]
        return sorted(found, key=lambda p: (-p.weight, self.organisations.nodes[p.org].get("label", p.org)))
