"""The HTML page as text: self-contained (no remote reference), every node in it, styled from the style file."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.namespace import SKOS
from tiltaksgraf.graph.networks import add_node_metrics, build_network, load_network_data
from tiltaksgraf.viz.look import look, scaled
from tiltaksgraf.viz.network_html import DrawingError, render_html, vis_network
from tiltaksgraf.viz.style import style

from tiltaksgraf.paths import ONTOLOGY_DIR

#: A reference the browser would fetch: src/href attributes, CSS @import and url(), to anything not inline.
REMOTE = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)""",
    re.IGNORECASE,
)


def remote_references(html: str) -> list[str]:
    return [html[max(m.start() - 40, 0) : m.end() + 60] for m in REMOTE.finditer(html)]


@pytest.fixture(scope="module")
def pages(store) -> dict[str, tuple[nx.Graph, str]]:
    data = load_network_data(store)
    out = {}
    for kind in ("ministries", "organisations", "flows", "bipartite", "cross-references", "ego"):
        g = add_node_metrics(build_network(data, kind, org="JD"))
        out[kind] = (g, render_html(g))
    return out


def test_the_detector_finds_remote_references():
    assert remote_references('<link href="https://cdn.example/x.css">')
    assert remote_references("<script src=//cdn.example/x.js></script>")
    assert remote_references("@import url('http://x/y.css');")
    assert remote_references("background: url( https://x/y.png )")
    assert not remote_references('background: url("data:image/png;base64,AAAA")')
    assert not remote_references('var ns = "http://www.w3.org/2000/svg";')  # a string, not a fetch


@pytest.mark.parametrize("kind", ["ministries", "organisations", "flows", "bipartite", "cross-references", "ego"])
def test_pages_have_no_remote_reference(pages, kind):
    _, html = pages[kind]
    assert remote_references(html) == []
    assert "vis.Network" in html and "<script src" not in html and "<link" not in html


def embedded(html: str, name: str) -> list[dict]:
    match = re.search(rf"var {name} = (\[.*?\]);\n", html)
    assert match, name
    return json.loads(match.group(1))


@pytest.mark.parametrize("kind", ["ministries", "organisations", "flows", "bipartite", "cross-references"])
def test_every_node_and_edge_is_in_the_page(pages, kind):
    g, html = pages[kind]
    nodes, edges = embedded(html, "nodeList"), embedded(html, "edgeList")
    assert {n["id"] for n in nodes} == set(g.nodes)
    assert len(edges) == g.number_of_edges()
    jd = next((n for n in nodes if n["label"] == "JD"), None)
    if jd:
        assert jd["title"].startswith("Justis- og beredskapsdepartementet (JD)\nministry\nmeasures (")
        assert jd["color"]["background"] == style()["node_colours"]["ministry"]


def test_edge_width_and_tooltip_show_the_shared_measures_and_role_pairs(pages):
    g, html = pages["ministries"]
    edges = embedded(html, "edgeList")
    edge = next(e for e in edges if {g.nodes[e["from"]]["label"], g.nodes[e["to"]]["label"]} == {"JD", "BFD"})
    assert edge["width"] == style()["edge_width"]["max"]  # JD–BFD is the heaviest edge (25 measures)
    assert "25 measures" in edge["title"] and "roles: responsible+responsible ×25" in edge["title"]
    assert "\n  10: Legge til rette for bedre koordinering" in edge["title"]  # number and title


@pytest.mark.parametrize("kind", ["organisations", "flows"])
def test_every_edge_tooltip_has_its_role_pairs_and_measures(pages, kind):
    g, html = pages[kind]
    arrow = "→" if kind == "flows" else "+"
    for e in embedded(html, "edgeList"):
        d = g.edges[e["from"], e["to"]]
        assert "roles: " in e["title"] and arrow in e["title"].split("roles: ")[1]
        first = d["titles"].split(" | ")[0]
        assert f"  {first}" in e["title"]
    if kind == "flows":
        assert embedded(html, "edgeList")[0]["title"].split("\n")[0].count(" → ") == 1
        assert '"arrows": {"to": {"enabled": true' in html


def test_node_size_follows_the_chosen_metric(pages):
    g, _ = pages["ministries"]
    net = vis_network(g, size_by="weighted_degree")
    expected = scaled({n: d["weighted_degree"] for n, d in g.nodes(data=True)}, 8, 42)
    assert {n["id"]: n["size"] for n in net.nodes} == expected
    assert {n["id"]: (n["x"], n["y"]) for n in net.nodes} == {
        k: (v.x, v.y) for k, v in look(g, "weighted_degree").nodes.items()
    }
    with pytest.raises(DrawingError, match="compute the metrics before drawing"):
        vis_network(nx.Graph([("a", "b")]), size_by="pagerank")
    with pytest.raises(DrawingError, match="--size-by takes one of"):
        vis_network(g, size_by="charisma")


def test_text_from_the_data_cannot_break_out_of_the_script():
    g = nx.Graph()
    g.add_node("x", label="</script><script>alert(1)</script>", name="n", type="ministry", type_label="ministry")
    html = render_html(g, size_by="none")
    assert "</script><script>alert(1)" not in html and "<\\/script>" in html


def test_every_organisation_type_has_a_colour():
    scheme = Graph().parse(ONTOLOGY_DIR / "schemes" / "organisation-type.ttl")
    notations = {str(n) for n in scheme.objects(None, SKOS.notation)}
    assert notations and notations <= set(style()["node_colours"])
    assert {"measure", "unclassified"} <= set(style()["node_colours"])


def test_every_status_has_a_colour():
    scheme = Graph().parse(ONTOLOGY_DIR / "schemes" / "status.ttl")
    assert {str(n) for n in scheme.objects(None, SKOS.notation)} == set(style()["status_colours"])
