"""Who asks whom: a directed network from the organisations that commission, fund or coordinate a measure to
the ones that administer or execute it, weighted by measures.

The steps of the chain are data, ``flow-roles.toml`` beside this module: an arrow runs from an organisation
with a role of an earlier step to one with a role of a later step in the same measure (never to itself).
Each arrow carries ``weight`` (measures), ``measures``, ``titles`` and ordered ``role_pairs``
(``commissioning→executing ×3``). Every organisation with a role of some step in a kept measure is a node.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx
from tiltaksgraf.graph.networks.builders import (
    NO_FILTERS,
    add_organisation,
    add_pair_edges,
    involvement,
    organisation,
)
from tiltaksgraf.graph.networks.data import NetworkData
from tiltaksgraf.graph.networks.filters import Filters, NetworkError
from tiltaksgraf.graph.networks.pairs import PairCounter

FLOW_ROLES_FILE = Path(__file__).with_name("flow-roles.toml")


@dataclass(frozen=True)
class Step:
    """One step of the chain: its name, what it means, and the role notations at it."""

    name: str
    description: str
    roles: tuple[str, ...]


@cache
def flow_steps() -> tuple[Step, ...]:
    """The steps of ``flow-roles.toml``, first (asks) to last (does)."""
    raw = tomllib.loads(FLOW_ROLES_FILE.read_text(encoding="utf-8"))
    return tuple(Step(s["name"], s["description"], tuple(s["roles"])) for s in raw["steps"])


def step_of(known_roles: set[str]) -> dict[str, int]:
    """Role notation → its step's index, for the roles of the steps that ``known_roles`` (the graph's) has."""
    return {role: i for i, step in enumerate(flow_steps()) for role in step.roles if role in known_roles}


def flow_title(steps: dict[str, int]) -> str:
    """``"Who asks whom: commissioning, funding, coordinating → executing"`` for the roles in use."""
    chain = [", ".join(r for r in step.roles if r in steps) for step in flow_steps()]
    return "Who asks whom: " + " → ".join(c for c in chain if c)


def flow_network(data: NetworkData, filters: Filters = NO_FILTERS) -> nx.DiGraph:
    """Arrows from each organisation with a role of an earlier step to each with a role of a later step in
    the same measure; ``weight`` = the number of such measures."""
    if filters.co_mention:
        raise NetworkError("the flows network joins roles that pass work on: leave out --co-mention")
    steps = step_of(data.vocabulary.get("role", set()))
    kept = {
        org: {m: roles & steps.keys() for m, roles in measures.items() if roles & steps.keys()}
        for org, measures in involvement(data, filters).items()
    }
    kept = {org: measures for org, measures in kept.items() if measures}
    g = nx.DiGraph(kind="flows", title=flow_title(steps), filters=filters.describe())
    for org, measures in sorted(kept.items()):
        add_organisation(g, organisation(data, org), measures, data)
    by_measure: dict[str, set[str]] = {}
    for org, measures in kept.items():
        for m in measures:
            by_measure.setdefault(m, set()).add(org)
    pairs = PairCounter(directed=True)
    for m, orgs in sorted(by_measure.items()):
        for a in sorted(orgs):
            for b in sorted(orgs - {a}):
                passed = [(ra, rb) for ra in kept[a][m] for rb in kept[b][m] if steps[ra] < steps[rb]]
                pairs.add(a, b, m, passed)
    add_pair_edges(g, data, pairs)
    return g
