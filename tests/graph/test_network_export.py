"""Exports read back by networkx (GraphML, GEXF) and by a CSV reader (Gephi's spreadsheet import)."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from tiltaksgraf.graph.networks import add_node_metrics, build_network, load_network_data
from tiltaksgraf.graph.networks.export import csv_paths, export_network


@pytest.fixture(scope="module")
def networks(built) -> dict[str, nx.Graph]:
    data = load_network_data(built.graph)
    return {
        kind: add_node_metrics(build_network(data, kind, org="BFD"))
        for kind in ("organisations", "ministries", "bipartite", "cross-references", "ego")
    }


def same_edge_data(original: dict, back: dict) -> bool:
    back = {k: v for k, v in back.items() if k != "id"}  # GEXF gives every edge an id
    return back.keys() == original.keys() and all(
        back[k] == pytest.approx(v) if k == "weight" else back[k] == v for k, v in original.items()
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("kind", ["ministries", "bipartite", "cross-references", "ego"])
def test_read_back_with_the_same_nodes_edges_and_attributes(networks, kind, fmt, tmp_path):
    g = networks[kind]
    path = tmp_path / f"{kind}.{fmt}"
    assert export_network(g, fmt, path) == [path]
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.is_directed() == g.is_directed()
    assert set(back.nodes) == set(g.nodes) and set(back.edges) == set(g.edges)
    for n, data in g.nodes(data=True):
        assert back.nodes[n] == data, n
    for a, b, data in g.edges(data=True):
        assert same_edge_data(data, back.edges[a, b]), (a, b)


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_pair_for_gephi_has_every_node_with_label_and_type(networks, tmp_path):
    g = networks["cross-references"]  # 60 of its 82 measures are isolates
    nodes_file, edges_file = export_network(g, "csv", tmp_path / "refs.csv")
    assert (nodes_file.name, edges_file.name) == ("refs-nodes.csv", "refs-edges.csv")
    nodes, edges = read_csv(nodes_file), read_csv(edges_file)
    assert list(nodes[0])[:4] == ["Id", "Label", "name", "type"]
    assert {r["Id"] for r in nodes} == set(g.nodes) and len(nodes) == 82
    assert {r["Label"] for r in nodes} == {d["label"] for _, d in g.nodes(data=True)}
    assert {r["type"] for r in nodes} == {"measure"}
    assert list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"]
    assert {(r["Source"], r["Target"]) for r in edges} == set(g.edges) and {r["Type"] for r in edges} == {"Directed"}


def test_csv_edges_carry_weights_and_shared_measures(networks, tmp_path):
    g = networks["ministries"]
    _, edges_file = export_network(g, "csv", tmp_path)  # a folder: nodes.csv and edges.csv in it
    rows = {(r["Source"], r["Target"]): r for r in read_csv(edges_file)}
    for a, b, d in g.edges(data=True):
        row = rows.get((a, b)) or rows[(b, a)]
        assert int(row["Weight"]) == d["weight"] and row["measures"] == d["measures"] and row["Type"] == "Undirected"


def test_csv_paths():
    from pathlib import Path

    assert csv_paths(Path("out/jd")) == (Path("out/jd-nodes.csv"), Path("out/jd-edges.csv"))
    assert csv_paths(Path("out/jd.csv")) == (Path("out/jd-nodes.csv"), Path("out/jd-edges.csv"))


def test_a_failed_export_leaves_nothing_behind(networks, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        export_network(networks["ministries"], "graphml", blocker / "x.graphml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
