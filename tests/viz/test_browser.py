"""The network pages in a real headless Chromium with no network: no fetch, no JavaScript error, the network
drawn, a tooltip with the node's name, an edge's tooltip with its role pairs, the layout standing still, search
and the type filter working; the flows network with its arrows; the page laid out as the GEXF export says."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from tiltaksgraf.graph.networks import add_node_metrics, build_network, load_network_data
from tiltaksgraf.graph.networks.export import export_network
from tiltaksgraf.viz.look import rgb, with_viz_attributes
from tiltaksgraf.viz.network_html import write_html

JD = "https://w3id.org/tiltaksgraf/id/org/jd"
KUD = "https://w3id.org/tiltaksgraf/id/org/kud"


@pytest.fixture(scope="module")
def pages(store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    data = load_network_data(store)
    out = {}
    for kind in ("ministries", "organisations", "flows", "bipartite", "cross-references"):
        g = add_node_metrics(build_network(data, kind))
        out[kind] = (g, write_html(g, folder / f"{kind}.html"))
    g = add_node_metrics(synthetic(150))
    out["synthetic"] = (g, write_html(g, folder / "synthetic.html", title="150 organisations (synthetic)"))
    return out


def synthetic(n: int) -> nx.Graph:
    """A made-up co-involvement network of ``n`` organisations of six types: the size the actors will bring."""
    rng = random.Random(6)
    types = ["ministry", "directorate", "competence-centre", "research-institute", "civil-society", "municipality"]
    g = nx.Graph(title="synthetic")
    for i in range(n):
        kind = types[i % len(types)]
        g.add_node(f"o{i}", label=f"ORG{i}", name=f"Organisation {i}", type=kind, type_label=kind, measures="1")
    for _ in range(3 * n):
        a, b = rng.sample(range(n), 2)
        g.add_edge(f"o{a}", f"o{b}", weight=rng.randint(1, 6), measures="1,2")
    return g


def assert_offline_and_clean(v) -> None:
    assert v.blocked == [], f"the page tried to fetch: {v.blocked}"
    assert all(u.startswith(("file:", "data:", "blob:")) for u in v.requests), v.requests
    assert v.errors == []


def drawn_pixels(page) -> int:
    """How many pixels of the network's canvas are not blank."""
    return page.evaluate(
        """() => {
            const c = document.querySelector('#network canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }
            return n;
        }"""
    )


@pytest.mark.parametrize("kind", ["ministries", "organisations", "flows", "bipartite", "cross-references", "synthetic"])
def test_loads_offline_without_errors_and_draws_every_node(pages, visit, kind):
    g, path = pages[kind]
    v = visit(path)
    assert_offline_and_clean(v)
    assert v.page.locator("#network canvas").count() == 1
    assert v.page.evaluate("tiltaksgraf.network.body.data.nodes.length") == g.number_of_nodes()
    assert v.page.evaluate("tiltaksgraf.network.body.data.edges.length") == g.number_of_edges()
    assert v.page.evaluate("Object.keys(tiltaksgraf.network.getPositions()).length") == g.number_of_nodes()
    assert drawn_pixels(v.page) > 2000


def test_physics_settles_and_then_stops(pages, visit):
    v = visit(pages["bipartite"][1])
    before = v.page.evaluate("tiltaksgraf.network.getPositions()")
    v.page.wait_for_timeout(700)
    assert v.page.evaluate("tiltaksgraf.network.getPositions()") == before
    assert v.page.evaluate("tiltaksgraf.network.physics.physicsEnabled") is False


def on_screen(page, node: str) -> tuple[float, float]:
    """Where a node's centre is in the page, in CSS pixels."""
    return page.evaluate(
        """(id) => {
            const net = tiltaksgraf.network;
            const p = net.canvasToDOM(net.getPosition(id));
            const r = document.querySelector('#network canvas').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        node,
    )


def hover(page, node: str | None = None, at: tuple[float, float] | None = None) -> str:
    """Move the mouse onto a node (or a point) and return the tooltip's text."""
    x, y = at or on_screen(page, node)
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=5)
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.innerText.length > 0; }",
        timeout=10_000,
    )
    return page.inner_text("div.vis-tooltip")


def test_a_node_tooltip_shows_its_name_and_measures(pages, visit):
    g, path = pages["ministries"]
    v = visit(path)
    text = hover(v.page, JD)
    assert text.startswith("Justis- og beredskapsdepartementet (JD)")
    assert f"measures ({g.nodes[JD]['measure_count']}): " in text
    assert_offline_and_clean(v)


def test_search_selects_and_the_legend_filters(pages, visit):
    g, path = pages["bipartite"]
    v = visit(path)
    v.page.fill("#search", "kud")
    v.page.press("#search", "Enter")
    assert v.page.evaluate("tiltaksgraf.network.getSelectedNodes()") == [KUD]
    v.page.uncheck("#legend input[data-type=measure]")
    hidden = v.page.evaluate("tiltaksgraf.nodes.get({filter: n => n.hidden}).length")
    assert hidden == sum(1 for _, d in g.nodes(data=True) if d["type"] == "measure")
    v.page.click("#reset")
    assert v.page.evaluate("tiltaksgraf.nodes.get({filter: n => n.hidden}).length") == 0
    v.page.fill("#search", "no such thing")
    v.page.press("#search", "Enter")
    assert v.page.inner_text("#search-status") == "not found"
    assert_offline_and_clean(v)


def test_a_page_that_fetches_or_fails_is_caught(visit, tmp_path):
    """The offline check itself: a remote image is refused and recorded, a script error is recorded."""
    page = tmp_path / "fetching.html"
    page.write_text(
        '<html><body data-state="stable"><img src="https://cdn.example.invalid/x.png">'
        "<script>undefinedFunction();</script></body></html>",
        encoding="utf-8",
    )
    v = visit(page)
    v.page.wait_for_timeout(200)
    assert v.blocked == ["https://cdn.example.invalid/x.png"]
    assert any("undefinedFunction" in e for e in v.errors)


def test_an_edge_tooltip_shows_its_role_pairs_and_measures(pages, visit):
    """Hover an arrow of the flows network where no node covers it: who asks whom, the role pairs, the measures."""
    g, path = pages["flows"]
    v = visit(path)
    found = v.page.evaluate(
        """() => {
            const net = tiltaksgraf.network, r = document.querySelector('#network canvas').getBoundingClientRect();
            for (const e of tiltaksgraf.edges.get()) {
                const a = net.body.nodes[e.from], b = net.body.nodes[e.to];
                const d = Math.hypot(b.x - a.x, b.y - a.y), gap = d - a.options.size - b.options.size;
                if (gap < 20) { continue; }
                const t = (a.options.size + gap / 2) / d;  // the middle of the stretch between the two discs
                const p = net.canvasToDOM({x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)});
                if (net.getNodeAt(p) === undefined && net.getEdgeAt(p) === e.id) {
                    return [e.from, e.to, r.left + p.x, r.top + p.y];
                }
            }
            return null;
        }"""
    )
    assert found, "no arrow of the flows page can be hovered on its own"
    a, b, x, y = found
    d = g.edges[a, b]
    text = hover(v.page, at=(x, y))
    la, lb = g.nodes[a]["label"], g.nodes[b]["label"]
    assert text.startswith(f"{la} → {lb}: {d['weight']} measure")
    assert "roles: " + ", ".join(d["role_pairs"].split("; ")) in text
    assert d["titles"].split(" | ")[0] in text
    assert_offline_and_clean(v)


def test_the_flows_page_draws_arrows(pages, visit):
    g, path = pages["flows"]
    v = visit(path)
    arrows = v.page.evaluate(
        "Object.values(tiltaksgraf.network.body.edges).filter(e => e.options.arrows.to.enabled).length"
    )
    assert arrows == g.number_of_edges() > 0
    assert "arrows" in v.page.inner_text("header")
    assert_offline_and_clean(v)


@pytest.mark.parametrize("kind", ["organisations", "flows"])
def test_the_page_looks_as_the_gexf_says(pages, visit, kind, tmp_path):
    """Gephi opens the GEXF with the page's layout, sizes and colours: compare the browser's nodes with it."""
    g, path = pages[kind]
    gexf = export_network(with_viz_attributes(g), "gexf", [tmp_path / f"{kind}.gexf"])[0]
    viz = "{http://gexf.net/1.3/viz}"
    expected = {}
    for node in ET.parse(gexf).getroot().iter("{http://gexf.net/1.3}node"):
        position, colour = node.find(f"{viz}position"), node.find(f"{viz}color")
        expected[node.get("id")] = (
            float(position.get("x")),
            -float(position.get("y")),  # GEXF's y points up, the page's down
            float(node.find(f"{viz}size").get("value")),
            tuple(int(colour.get(c)) for c in "rgb"),
        )
    v = visit(path)
    drawn = v.page.evaluate(
        """() => Object.fromEntries(Object.entries(tiltaksgraf.network.body.nodes)
            .filter(([id]) => !id.startsWith('edgeId:'))
            .map(([id, n]) => [id, [n.x, n.y, n.options.size, n.options.color.background]]))"""
    )
    assert set(drawn) == set(expected) == set(g.nodes)
    for n, (x, y, size, fill) in drawn.items():
        ex, ey, esize, ecolour = expected[n]
        assert (x, y, size) == pytest.approx((ex, ey, esize), abs=0.05), n
        assert rgb(fill) == ecolour, n
