"""Exports read back by networkx (GraphML, GEXF) and by a CSV reader (Gephi's spreadsheet import); where -o puts
them; GEXF's viz attributes checked against the GEXF 1.3 viz rules and against the drawing's look."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from tiltaksgraf.graph.networks import add_node_metrics, build_network, load_network_data
from tiltaksgraf.graph.networks.export import XSI, ExportError, export_network, export_paths
from tiltaksgraf.viz.look import look, rgb, with_viz_attributes
from tiltaksgraf.viz.style import node_colour

KINDS = ("organisations", "flows", "ministries", "bipartite", "cross-references", "ego")
GEXF, VIZ = "http://gexf.net/1.3", "http://gexf.net/1.3/viz"


@pytest.fixture(scope="module")
def networks(store) -> dict[str, nx.Graph]:
    data = load_network_data(store)
    return {kind: add_node_metrics(build_network(data, kind, org="BFD")) for kind in KINDS}


def same_edge_data(original: dict, back: dict) -> bool:
    back = {k: v for k, v in back.items() if k != "id"}  # GEXF gives every edge an id
    return back.keys() == original.keys() and all(
        back[k] == pytest.approx(v) if k == "weight" else back[k] == v for k, v in original.items()
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("kind", KINDS)
def test_read_back_with_the_same_nodes_edges_and_attributes(networks, kind, fmt, tmp_path):
    g = networks[kind]
    path = tmp_path / f"{kind}.{fmt}"
    assert export_network(g, fmt, [path]) == [path]
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path, version="1.3")
    assert back.is_directed() == g.is_directed()
    assert set(back.nodes) == set(g.nodes) and set(back.edges) == set(g.edges)
    for n, data in g.nodes(data=True):
        assert back.nodes[n] == data, n
    for a, b, data in g.edges(data=True):
        assert same_edge_data(data, back.edges[a, b]), (a, b)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_role_pairs_and_titles_are_edge_attributes(networks, fmt, tmp_path):
    for kind in ("organisations", "flows"):
        path = tmp_path / f"{kind}.{fmt}"
        export_network(networks[kind], fmt, [path])
        back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path, version="1.3")
        assert back.number_of_edges() > 0
        for *_, d in back.edges(data=True):
            assert d["role_pairs"] and d["titles"].count(": ") >= len(d["measures"].split(","))
        arrow = "→" if kind == "flows" else "+"
        assert all(arrow in d["role_pairs"] for *_, d in back.edges(data=True))


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_pair_for_gephi_has_every_node_with_label_and_type(networks, tmp_path):
    g = networks["cross-references"]  # 60 of its 82 measures are isolates
    _, paths = export_paths("csv", str(tmp_path / "refs.csv"), "cross-references", tmp_path)
    nodes_file, edges_file = export_network(g, "csv", paths)
    assert (nodes_file.name, edges_file.name) == ("refs-nodes.csv", "refs-edges.csv")
    nodes, edges = read_csv(nodes_file), read_csv(edges_file)
    assert list(nodes[0])[:4] == ["Id", "Label", "name", "type"]
    assert {r["Id"] for r in nodes} == set(g.nodes) and len(nodes) == 82
    assert {r["Label"] for r in nodes} == {d["label"] for _, d in g.nodes(data=True)}
    assert {r["type"] for r in nodes} == {"measure"}
    assert list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"]
    assert {(r["Source"], r["Target"]) for r in edges} == set(g.edges) and {r["Type"] for r in edges} == {"Directed"}


def test_csv_edges_carry_weights_role_pairs_and_shared_measures(networks, tmp_path):
    g = networks["organisations"]
    fmt, paths = export_paths("csv", f"{tmp_path}/new/", "organisations", tmp_path)
    _, edges_file = export_network(g, fmt, paths)
    assert edges_file == tmp_path / "new" / "organisations-edges.csv"  # a folder: the files go inside it
    rows = {(r["Source"], r["Target"]): r for r in read_csv(edges_file)}
    assert list(next(iter(rows.values())))[:7] == [
        "Source",
        "Target",
        "Type",
        "Weight",
        "measures",
        "role_pairs",
        "titles",
    ]
    for a, b, d in g.edges(data=True):
        row = rows.get((a, b)) or rows[(b, a)]
        assert int(row["Weight"]) == d["weight"] and row["measures"] == d["measures"] and row["Type"] == "Undirected"
        assert row["role_pairs"] == d["role_pairs"] and row["titles"] == d["titles"]


@pytest.mark.parametrize(
    ("fmt", "out", "expected"),
    [
        ("csv", "out/orgs", ("csv", ["out/orgs-nodes.csv", "out/orgs-edges.csv"])),
        ("csv", "out/orgs.csv", ("csv", ["out/orgs-nodes.csv", "out/orgs-edges.csv"])),
        ("csv", "newdir/", ("csv", ["newdir/flows-nodes.csv", "newdir/flows-edges.csv"])),
        ("gexf", "newdir/", ("gexf", ["newdir/flows.gexf"])),
        ("graphml", "x.graphml", ("graphml", ["x.graphml"])),
        (None, "x.gexf", ("gexf", ["x.gexf"])),
        (None, "x.GraphML", ("graphml", ["x.GraphML"])),
        (None, "x.csv", ("csv", ["x-nodes.csv", "x-edges.csv"])),
        ("gexf", None, ("gexf", ["build/networks/flows.gexf"])),
        ("csv", None, ("csv", ["build/networks/flows-nodes.csv", "build/networks/flows-edges.csv"])),
    ],
)
def test_where_an_export_goes(fmt, out, expected):
    got_fmt, paths = export_paths(fmt, out, "flows", Path("build/networks"))
    assert (got_fmt, [str(p) for p in paths]) == expected


def test_an_existing_folder_takes_the_files_inside(tmp_path):
    assert export_paths("graphml", str(tmp_path), "ego", tmp_path / "x")[1] == [tmp_path / "ego.graphml"]


@pytest.mark.parametrize(
    ("fmt", "out", "message"),
    [
        ("graphml", "x.gexf", r"--export graphml writes GRAPHML, not 'x.gexf': give -o x.graphml, or --export gexf"),
        ("gexf", "x.csv", r"give -o x.gexf, or --export csv"),
        ("csv", "x.gexf", r"--export csv writes CSV, not 'x.gexf'"),
        ("gexf", "out/orgs", r"give -o orgs.gexf, or a folder ending in /"),
        (None, "x.png", r"say which format to write: --export graphml\|gexf\|csv"),
        (None, "newdir/", r"say which format to write"),
    ],
)
def test_a_file_name_that_says_another_format_is_refused(fmt, out, message):
    with pytest.raises(ExportError, match=message):
        export_paths(fmt, out, "organisations", Path("build/networks"))


def test_a_failed_export_leaves_nothing_behind(networks, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        export_network(networks["ministries"], "graphml", [blocker / "x.graphml"])
    nodes_ok, edges_blocked = tmp_path / "n.csv", blocker / "e.csv"
    with pytest.raises(OSError):
        export_network(networks["ministries"], "csv", [nodes_ok, edges_blocked])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # neither file of the pair is written
    assert not list(tmp_path.glob(".*.tmp"))


# --- GEXF viz attributes ---------------------------------------------------------------------------------


def _number(text: str) -> float:
    value = float(text)
    assert value == value and abs(value) < 1e9  # a finite float, as xs:float wants
    return value


@pytest.mark.parametrize("kind", ["organisations", "flows", "bipartite"])
def test_gexf_has_viz_colour_size_and_position_from_the_layout(networks, kind, tmp_path):
    """Every node has one viz:color (r, g, b integers 0–255, a in [0, 1]), viz:size, viz:shape and viz:position
    (x, y, z floats), as GEXF 1.3's viz schema has them, equal to the drawing's look (y turned up)."""
    g = networks[kind]
    path = export_network(with_viz_attributes(g), "gexf", [tmp_path / f"{kind}.gexf"])[0]
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{GEXF}}}gexf" and root.get("version") == "1.3"
    assert root.get(f"{{{XSI}}}schemaLocation") == f"{GEXF} {GEXF}/gexf.xsd"
    lk = look(g)
    nodes = root.findall(f".//{{{GEXF}}}node")
    assert len(nodes) == g.number_of_nodes()
    for node in nodes:
        n = node.get("id")
        colour, size, shape, position = (
            node.findall(f"{{{VIZ}}}{tag}") for tag in ("color", "size", "shape", "position")
        )
        assert len(colour) == len(size) == len(shape) == len(position) == 1, n
        r, gr, b = (int(colour[0].get(c)) for c in "rgb")
        assert all(0 <= v <= 255 for v in (r, gr, b)) and 0 <= _number(colour[0].get("a")) <= 1
        assert (r, gr, b) == rgb(node_colour(g.nodes[n]["type"])) == rgb(lk.nodes[n].fill)
        assert _number(size[0].get("value")) == pytest.approx(lk.nodes[n].size) and lk.nodes[n].size > 0
        assert shape[0].get("value") in {"disc", "square"}
        x, y, z = (_number(position[0].get(c)) for c in "xyz")
        assert (x, -y, z) == pytest.approx((lk.nodes[n].x, lk.nodes[n].y, 0.0))
    edges = root.findall(f".//{{{GEXF}}}edge")
    assert len(edges) == g.number_of_edges()
    for edge in edges:
        thickness = edge.findall(f"{{{VIZ}}}thickness")
        assert len(thickness) == 1 and _number(thickness[0].get("value")) > 0
        assert len(edge.findall(f"{{{VIZ}}}color")) == 1
    back = nx.read_gexf(path, version="1.3")  # and networkx reads the viz attributes back
    some = next(iter(g))
    assert back.nodes[some]["viz"]["position"]["x"] == pytest.approx(lk.nodes[some].x)
    assert back.nodes[some]["viz"]["color"]["r"] == rgb(lk.nodes[some].fill)[0]


def test_the_layout_is_the_same_on_every_run(networks):
    g = networks["organisations"]
    first, again = look(g), look(nx.Graph(g))
    assert {n: (v.x, v.y) for n, v in first.nodes.items()} == {n: (v.x, v.y) for n, v in again.nodes.items()}
    positions = [(v.x, v.y) for v in first.nodes.values()]
    assert len(set(positions)) == len(positions)  # no two nodes on one spot
