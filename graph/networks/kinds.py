"""Every kind of network by name: what `tiltaksgraf network KIND` builds."""

from __future__ import annotations

import networkx as nx
from tiltaksgraf.graph.networks.builders import (
    NO_FILTERS,
    bipartite_network,
    co_involvement_network,
    cross_reference_network,
    ego_network,
    ministry_network,
)
from tiltaksgraf.graph.networks.data import NetworkData
from tiltaksgraf.graph.networks.filters import Filters, NetworkError
from tiltaksgraf.graph.networks.flows import flow_network

#: The kinds of network, as `tiltaksgraf network KIND` names them.
KINDS = ("organisations", "flows", "ministries", "bipartite", "cross-references", "ego")


def build_network(
    data: NetworkData,
    kind: str,
    filters: Filters = NO_FILTERS,
    *,
    source: str | None = None,
    org: str | None = None,
    depth: int = 1,
) -> nx.Graph:
    """The network of ``kind`` (one of :data:`KINDS`), with the filters checked against the graph's schemes."""
    filters.check(data.vocabulary)
    if kind == "organisations":
        return co_involvement_network(data, filters)
    if kind == "flows":
        return flow_network(data, filters)
    if kind == "ministries":
        if source not in (None, "overview", "body", "any"):
            raise NetworkError(f"the ministries network takes --source overview, body or any, not {source!r}")
        return ministry_network(data, filters, source or "overview")
    if kind == "bipartite":
        return bipartite_network(data, filters)
    if kind == "cross-references":
        return cross_reference_network(data, filters)
    if kind == "ego":
        if not org:
            raise NetworkError("the ego network needs an organisation, e.g. `tiltaksgraf network ego JD`")
        return ego_network(data, org, depth, filters)
    raise NetworkError(f"no network kind {kind!r}; choose from: {', '.join(KINDS)}")
