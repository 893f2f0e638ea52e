"""Render a networkx graph as one self-contained HTML page: vis-network through pyvis, with the library's
JavaScript and CSS inlined so the page opens offline (no CDN, no ``lib/`` folder beside it).

Drawing only: node sizes come from a metric already on the nodes (:func:`graph.networks.add_node_metrics`),
colours and shapes from ``viz/style.toml``.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from tiltaksgraf.graph.serialize import write_atomic
from tiltaksgraf.viz.style import node_colour, node_shape, style

#: Node attributes a drawing can size nodes by (``none``: all the same size).
SIZE_BY = ("pagerank", "betweenness", "degree", "weighted_degree", "measure_count", "none")

#: The vis-network build that pyvis ships (``pyvis/lib/vis-9.1.2``).
VIS_DIR = "lib/vis-9.1.2"

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=jinja2.select_autoescape(["html"]),
    keep_trailing_newline=True,
)


class DrawingError(ValueError):
    """A graph that cannot be drawn as asked (e.g. sized by a metric its nodes lack)."""


def vis_assets() -> tuple[str, str]:
    """The vis-network JavaScript and CSS shipped inside pyvis, as text to inline."""
    folder = files("pyvis") / VIS_DIR
    return (
        (folder / "vis-network.min.js").read_text(encoding="utf-8"),
        (folder / "vis-network.css").read_text(encoding="utf-8"),
    )


def _listing(numbers: str, limit: int = 40) -> str:
    items = [n for n in numbers.split(",") if n]
    shown = ", ".join(items[:limit])
    return shown + (f", … ({len(items) - limit} more)" if len(items) > limit else "")


def node_title(data: dict[str, Any], size_by: str) -> str:
    """A node's tooltip (plain text, one fact a line): full name, type, measures, the sizing metric."""
    if data.get("type") == "measure":
        lines = [
            data.get("name", data.get("label", "")),
            f"focus area {data.get('focus_area', '?')} · status {data.get('status', '?')} · "
            f"successor plan: {data.get('continuation', '?')}",
        ]
    else:
        name, label = data.get("name", ""), data.get("label", "")
        lines = [f"{name} ({label})" if label and label != name else name or label, data.get("type_label", "")]
        if data.get("measures"):
            lines.append(f"measures ({len(data['measures'].split(','))}): {_listing(data['measures'])}")
    if size_by != "none" and size_by in data:
        lines.append(f"{size_by.replace('_', ' ')}: {data[size_by]}")
    return "\n".join(line for line in lines if line)


def edge_title(g: nx.Graph, a: str, b: str, data: dict[str, Any]) -> str:
    """An edge's tooltip: who, and the measures they share (or the reference, for a directed edge)."""
    la, lb = g.nodes[a].get("label", a), g.nodes[b].get("label", b)
    if g.is_directed():
        return f"measure {la} refers to measure {lb}"
    if data.get("roles"):
        return f"{la} in measure {lb}: {data['roles'].replace(',', ', ')}"
    weight = data.get("weight", 1)
    shared = "1 shared measure" if weight == 1 else f"{weight} shared measures"
    return f"{la} – {lb}: {shared}\n{_listing(data.get('measures', ''))}"


def vis_network(g: nx.Graph, size_by: str = "pagerank") -> Network:
    """The pyvis network for ``g``: one vis node per node, one vis edge per edge, styled from the style file."""
    if size_by not in SIZE_BY:
        raise DrawingError(f"--size-by takes one of {', '.join(SIZE_BY)}, not {size_by!r}")
    missing = [n for n, d in g.nodes(data=True) if size_by != "none" and size_by not in d]
    if missing and size_by != "measure_count":
        raise DrawingError(f"the nodes have no {size_by!r}: compute the metrics before drawing")
    colours = style()["colours"]
    net = Network(directed=g.is_directed(), cdn_resources="in_line")
    ego = g.graph.get("ego")
    for n, data in g.nodes(data=True):
        kind = data.get("type", "unclassified")
        fill = node_colour(kind)
        border = colours["ego_border"] if n == ego else colours["measure_border" if kind == "measure" else "border"]
        value = data.get(size_by, 0) if size_by != "none" else 1
        net.add_node(
            n,
            label=str(data.get("label", n)),
            shape=node_shape(kind),
            color={"background": fill, "border": border, "highlight": {"background": fill, "border": "#000000"}},
            borderWidth=4 if n == ego else 1.5,
            title=node_title(data, size_by),
            value=float(value or 0),
            nodeType=kind,  # for the legend's filter (pyvis drops `color` when `group` is given)
        )
    for a, b, data in g.edges(data=True):
        # networkx already holds each edge once, so skip pyvis's quadratic duplicate check (add_edge).
        edge = Edge(a, b, g.is_directed(), value=float(data.get("weight", 1)), title=edge_title(g, a, b, data))
        net.edges.append(edge.options)
    net.options = _vis_options(g)
    return net


def _vis_options(g: nx.Graph) -> dict[str, Any]:
    opts = json.loads(json.dumps(style()["vis"]))  # a deep copy
    size, width, colours = style()["node_size"], style()["edge_width"], style()["colours"]
    opts["nodes"]["scaling"] = {**opts["nodes"].get("scaling", {}), "min": size["min"], "max": size["max"]}
    opts["edges"]["scaling"] = {"min": width["min"], "max": width["max"]}
    opts["edges"]["color"] = {"color": colours["edge"], "highlight": colours["edge_highlight"], "opacity": 0.7}
    if g.is_directed():
        opts["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.6}}
    # vis's improved layout (Kamada-Kawai per cluster) is slow on large networks; a seeded layout is stable.
    opts["layout"] = {"improvedLayout": g.number_of_nodes() <= 100, "randomSeed": 7}
    return opts


def _script_json(value: Any) -> str:
    """JSON safe to put inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def edge_width_meaning(g: nx.Graph) -> str:
    """What an edge's width stands for, in the page's caption."""
    if g.is_directed():
        return "one per reference"
    if any("roles" in data for *_, data in g.edges(data=True)):
        return "one per organisation in a measure"
    return "number of shared measures"


def legend(g: nx.Graph) -> list[dict[str, Any]]:
    """One entry per node type present: type, label, colour, shape and count, most frequent first."""
    counts: dict[str, list[Any]] = {}
    for _, data in g.nodes(data=True):
        kind = data.get("type", "unclassified")
        entry = counts.setdefault(kind, [data.get("type_label", kind), 0])
        entry[1] += 1
    return [
        {"type": kind, "label": label, "count": count, "colour": node_colour(kind), "shape": node_shape(kind)}
        for kind, (label, count) in sorted(counts.items(), key=lambda item: (-item[1][1], item[0]))
    ]


def render_html(g: nx.Graph, size_by: str = "pagerank", title: str | None = None) -> str:
    """The whole page as text."""
    net = vis_network(g, size_by)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    script, css = vis_assets()
    heading = title or g.graph.get("title", "Network")
    return _TEMPLATES.get_template("network.html").render(
        title=heading,
        subtitle=g.graph.get("filters", ""),
        node_count=g.number_of_nodes(),
        edge_count=g.number_of_edges(),
        size_by=size_by.replace("_", " "),
        edge_width=edge_width_meaning(g),
        directed=g.is_directed(),
        legend=legend(g),
        vis_js=script,
        vis_css=css,
        nodes_json=_script_json(nodes),
        edges_json=_script_json(edges),
        options_json=_script_json(json.loads(options)),
    )


def write_html(g: nx.Graph, path: Path, size_by: str = "pagerank", title: str | None = None) -> Path:
    """Write the page to ``path`` atomically."""
    write_atomic(path, render_html(g, size_by, title).encode("utf-8"))
    return path
