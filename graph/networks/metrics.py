"""Centrality, communities and size of a network: numbers only, nothing drawn.

Per node: ``degree``, ``weighted_degree`` (sum of edge weights: shared measures), ``betweenness``
(normalised, on unweighted hops: a broker between groups scores high), ``pagerank`` (weighted), and
``community`` (Louvain on the weighted, undirected graph with a fixed seed, so a rerun gives the same
groups; numbered 1… from the largest). Directed networks add ``in_degree`` and ``out_degree`` (arrows in and
out) and ``weighted_in_degree`` and ``weighted_out_degree`` (their weights: in the flows network, how many
measures' worth of work an organisation is asked to do, and asks others to do).
Per network: nodes, edges, density, connected components (weakly, for directed networks), the largest
component, isolates, communities and their modularity.
"""

from __future__ import annotations

import networkx as nx

#: Louvain is randomised; a fixed seed makes every run give the same communities.
SEED = 42


def communities(g: nx.Graph) -> list[set]:
    """Louvain communities, largest first (ties: by the smallest node id), each a set of node ids."""
    if g.number_of_nodes() == 0:
        return []
    undirected = g.to_undirected() if g.is_directed() else g
    found = nx.community.louvain_communities(undirected, weight="weight", seed=SEED)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def node_metrics(g: nx.Graph) -> dict[str, dict[str, float | int]]:
    """Each node's metrics (see the module docstring), by node id."""
    if g.number_of_nodes() == 0:
        return {}
    betweenness = nx.betweenness_centrality(g, normalized=True)
    pagerank = nx.pagerank(g, weight="weight")
    community = {n: i for i, c in enumerate(communities(g), start=1) for n in c}
    out: dict[str, dict[str, float | int]] = {}
    for n in g:
        row: dict[str, float | int] = {
            "degree": g.degree(n),
            "weighted_degree": g.degree(n, weight="weight"),
            "betweenness": round(betweenness[n], 6),
            "pagerank": round(pagerank[n], 6),
            "community": community[n],
        }
        if g.is_directed():
            row["in_degree"] = g.in_degree(n)
            row["out_degree"] = g.out_degree(n)
            row["weighted_in_degree"] = g.in_degree(n, weight="weight")
            row["weighted_out_degree"] = g.out_degree(n, weight="weight")
        out[n] = row
    return out


def add_node_metrics(g: nx.Graph) -> nx.Graph:
    """Store :func:`node_metrics` as node attributes (so exports carry them) and return ``g``."""
    for n, row in node_metrics(g).items():
        g.nodes[n].update(row)
    return g


def network_metrics(g: nx.Graph) -> dict[str, float | int]:
    """Size, density, components and communities of the whole network."""
    components = list(nx.weakly_connected_components(g) if g.is_directed() else nx.connected_components(g))
    found = communities(g)
    undirected = g.to_undirected() if g.is_directed() else g
    modularity = nx.community.modularity(undirected, found, weight="weight") if g.number_of_edges() else 0.0
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "density": round(nx.density(g), 6) if g.number_of_nodes() > 1 else 0.0,
        "components": len(components),
        "largest_component": max((len(c) for c in components), default=0),
        "isolates": nx.number_of_isolates(g),
        "communities": len(found),
        "modularity": round(modularity, 6),
    }
