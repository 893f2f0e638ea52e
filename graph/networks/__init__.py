"""Collaboration networks from the graph: who works with whom, built through SPARQL and measured with networkx.

>>> from graph.networks import KINDS
>>> KINDS
('organisations', 'ministries', 'bipartite', 'cross-references', 'ego')
"""

from tiltaksgraf.graph.networks.builders import (
    KINDS,
    bipartite_network,
    build_network,
    co_involvement_network,
    cross_reference_network,
    ego_network,
    find_organisation,
    ministry_network,
)
from tiltaksgraf.graph.networks.data import NetworkData, load_network_data
from tiltaksgraf.graph.networks.filters import Filters, NetworkError
from tiltaksgraf.graph.networks.metrics import add_node_metrics, network_metrics, node_metrics

__all__ = [
    "KINDS",
    "Filters",
    "NetworkData",
    "NetworkError",
    "add_node_metrics",
    "bipartite_network",
    "build_network",
    "co_involvement_network",
    "cross_reference_network",
    "ego_network",
    "find_organisation",
    "load_network_data",
    "ministry_network",
    "network_metrics",
    "node_metrics",
]
