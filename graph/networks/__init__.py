"""Collaboration networks from the graph: who works with whom, built through SPARQL and measured with networkx.

>>> from tiltaksgraf.graph.networks import KINDS
>>> KINDS
('organisations', 'flows', 'ministries', 'bipartite', 'cross-references', 'ego')
"""

from tiltaksgraf.graph.networks.builders import (
    bipartite_network,
    co_involvement_network,
    cross_reference_network,
    ego_network,
    find_organisation,
    ministry_network,
)
from tiltaksgraf.graph.networks.data import MENTIONED, NetworkData, load_network_data
from tiltaksgraf.graph.networks.filters import Filters, NetworkError
from tiltaksgraf.graph.networks.flows import flow_network
from tiltaksgraf.graph.networks.kinds import KINDS, build_network
from tiltaksgraf.graph.networks.metrics import add_node_metrics, network_metrics, node_metrics

__all__ = [
    "KINDS",
    "MENTIONED",
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
    "flow_network",
    "load_network_data",
    "ministry_network",
    "network_metrics",
    "node_metrics",
]
