"""Metrics on small networks whose answers are known by hand, and on the real co-responsibility network."""

from __future__ import annotations

import networkx as nx
import pytest
from tiltaksgraf.graph.networks import (
    add_node_metrics,
    load_network_data,
    ministry_network,
    network_metrics,
    node_metrics,
)
from tiltaksgraf.graph.networks.metrics import communities


def two_triangles_and_a_bridge() -> nx.Graph:
    """a-b-c and x-y-z, each a triangle of weight 2, joined by c–x (weight 1); plus the isolate i."""
    g = nx.Graph()
    for u, v in [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")]:
        g.add_edge(u, v, weight=2)
    g.add_edge("c", "x", weight=1)
    g.add_node("i")
    return g


def test_node_metrics_by_hand():
    m = node_metrics(two_triangles_and_a_bridge())
    assert m["c"]["degree"] == 3 and m["c"]["weighted_degree"] == 5 and m["a"]["weighted_degree"] == 4
    # c lies on the shortest paths of the 2 × 3 pairs {a, b} × {x, y, z}; normalised by (7-1)(7-2)/2 = 15
    assert m["c"]["betweenness"] == pytest.approx(6 / 15)
    assert m["a"]["betweenness"] == 0 and m["i"]["betweenness"] == 0
    assert m["c"]["pagerank"] > m["a"]["pagerank"] > m["i"]["pagerank"]
    assert sum(row["pagerank"] for row in m.values()) == pytest.approx(1, abs=1e-5)


def test_communities_are_the_two_triangles_every_time():
    g = two_triangles_and_a_bridge()
    first = communities(g)
    assert first[:2] in ([{"a", "b", "c"}, {"x", "y", "z"}], [{"x", "y", "z"}, {"a", "b", "c"}])
    assert first == communities(g) == communities(nx.Graph(g))  # a fixed seed: the same on every run
    ids = node_metrics(g)
    assert ids["a"]["community"] == ids["b"]["community"] != ids["x"]["community"]


def test_network_metrics_by_hand():
    assert network_metrics(two_triangles_and_a_bridge()) == {
        "nodes": 7,
        "edges": 7,
        "density": round(7 / 21, 6),
        "components": 2,
        "largest_component": 6,
        "isolates": 1,
        "communities": 3,
        # total weight 13; each triangle: inner weight 6, degree sum 13 → 2 × (6/13 − (13/26)²)
        "modularity": pytest.approx(2 * (6 / 13 - (13 / 26) ** 2), abs=1e-6),
    }


def test_directed_networks_have_in_and_out_degree():
    g = nx.DiGraph([("a", "b"), ("c", "b")])
    m = node_metrics(g)
    assert m["b"]["in_degree"] == 2 and m["b"]["out_degree"] == 0 and m["a"]["out_degree"] == 1
    assert network_metrics(g)["components"] == 1


def test_an_empty_network_has_zero_metrics():
    assert node_metrics(nx.Graph()) == {}
    assert network_metrics(nx.Graph())["nodes"] == 0


def test_weighted_degree_of_a_ministry_is_the_sum_of_its_shared_measures(store):
    g = add_node_metrics(ministry_network(load_network_data(store)))
    jd = "https://w3id.org/tiltaksgraf/id/org/jd"
    assert g.nodes[jd]["weighted_degree"] == sum(len(d["measures"].split(",")) for *_, d in g.edges(jd, data=True))
    assert g.nodes[jd]["degree"] == 7  # every other ministry shares a measure with JD
