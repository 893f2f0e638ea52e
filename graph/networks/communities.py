"""What each community of a network is: its members by PageRank, their types, and the focus areas of the
measures its members share with each other. Read from the metrics (:func:`~graph.networks.add_node_metrics`),
so a description of the communities is never picked by hand.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx
from tiltaksgraf.graph.networks.data import MeasureInfo, NetworkData
from tiltaksgraf.graph.networks.pairs import counted
from tiltaksgraf.graph.queries import Table


@dataclass(frozen=True)
class Community:
    """One community: its number (1 the largest), its members (node ids, highest PageRank first), how many
    members of each type, and how many of the measures shared inside it are in each focus area."""

    number: int
    members: tuple[str, ...]
    types: Counter[str]
    focus_areas: Counter[str]
    inner_measures: int


def _area(m: MeasureInfo) -> str:
    return f"{m.focus_area} {m.focus_area_name}".strip()


def communities_of(g: nx.Graph, data: NetworkData) -> list[Community]:
    """The communities of ``g`` (its nodes carry ``community`` and ``pagerank``), largest first."""
    groups: dict[int, list[str]] = {}
    for n, d in g.nodes(data=True):
        groups.setdefault(int(d["community"]), []).append(n)
    by_number = {data.number(iri): m for iri, m in data.measures.items()}  # as the edges name them
    out = []
    for number in sorted(groups):
        members = sorted(groups[number], key=lambda n: (-g.nodes[n]["pagerank"], str(g.nodes[n]["label"])))
        inside = set(members)
        shared = {
            m
            for a, b, d in g.edges(data=True)
            if a in inside and b in inside
            for m in d.get("measures", "").split(",")
            if m in by_number
        }
        areas = Counter(_area(by_number[m]) for m in shared if by_number[m].focus_area)
        types = Counter(g.nodes[n].get("type_label") or g.nodes[n].get("type", "") for n in members)
        out.append(Community(number, tuple(members), types, areas, len(shared)))
    return out


def community_table(g: nx.Graph, data: NetworkData, top: int = 8) -> Table:
    """One row per community: its size, its ``top`` members by PageRank, the types of all its members and the
    focus areas of the measures its members share."""
    rows = []
    for c in communities_of(g, data):
        central = [str(g.nodes[n]["label"]) for n in c.members[:top]]
        more = f", … ({len(c.members) - top} more)" if len(c.members) > top else ""
        rows.append(
            [
                str(c.number),
                str(len(c.members)),
                ", ".join(central) + more,
                counted(c.types),
                str(c.inner_measures),
                counted(c.focus_areas),
            ]
        )
    return Table(["community", "organisations", "most_central", "types", "shared_measures", "focus_areas"], rows)
