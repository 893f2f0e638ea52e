"""Render a networkx graph as one self-contained HTML page: vis-network through pyvis, with the library's
JavaScript and CSS inlined so the page opens offline (no CDN, no ``lib/`` folder beside it).

Drawing only: positions, sizes, colours and widths come from :mod:`viz.look` (the same for the GEXF export and
the PNG/SVG drawings), so the page shows a fixed layout at once, with physics off; node sizes follow a metric
already on the nodes (:func:`graph.networks.add_node_metrics`).
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
from tiltaksgraf.graph.networks.pairs import parse_counted
from tiltaksgraf.graph.serialize import write_atomic
from tiltaksgraf.viz.look import SIZE_BY, DrawingError, edge_width_meaning, legend, look
from tiltaksgraf.viz.style import style

__all__ = ["SIZE_BY", "DrawingError", "render_html", "vis_network", "write_html"]

#: The vis-network build that pyvis ships (``pyvis/lib/vis-9.1.2``).
VIS_DIR = "lib/vis-9.1.2"

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=jinja2.select_autoescape(["html"]),
    keep_trailing_newline=True,
)


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
        if data.get("roles"):
            lines.append(f"roles: {data['roles']}")
    if size_by != "none" and size_by in data:
        lines.append(f"{size_by.replace('_', ' ')}: {data[size_by]}")
    return "\n".join(line for line in lines if line)


def _titles(text: str, limit: int = 12) -> list[str]:
    items = [t for t in text.split(" | ") if t]
    shown = [f"  {t}" for t in items[:limit]]
    return shown + ([f"  … and {len(items) - limit} more"] if len(items) > limit else [])


def edge_title(g: nx.Graph, a: str, b: str, data: dict[str, Any]) -> str:
    """An edge's tooltip: who, how many measures, the role pairs behind it, and the measures by number and
    title (or, for a cross-reference, which measure refers to which)."""
    la, lb = g.nodes[a].get("label", a), g.nodes[b].get("label", b)
    if g.graph.get("kind") == "cross-references":
        return f"measure {la} refers to measure {lb}"
    if data.get("roles"):
        return f"{la} in measure {lb}: {data['roles'].replace(',', ', ')}"
    weight = data.get("weight", 1)
    shared = "1 measure" if weight == 1 else f"{weight} measures"
    lines = [f"{la} → {lb}: {shared}" if g.is_directed() else f"{la} – {lb}: {shared}"]
    pairs = parse_counted(data.get("role_pairs", ""))
    if pairs:
        lines.append("roles: " + ", ".join(f"{pair} ×{n}" for pair, n in pairs.items()))
    lines += _titles(data["titles"]) if data.get("titles") else [_listing(data.get("measures", ""))]
    return "\n".join(lines)


def vis_network(g: nx.Graph, size_by: str = "pagerank") -> Network:
    """The pyvis network for ``g``: one vis node per node at its place in the shared layout, one vis edge per
    edge, with the sizes, colours and widths of :func:`viz.look.look`."""
    lk = look(g, size_by)
    net = Network(directed=g.is_directed(), cdn_resources="in_line")
    font = style()["vis"]["nodes"]["font"]
    for n, data in g.nodes(data=True):
        node = lk.nodes[n]
        net.add_node(
            n,
            label=node.label,
            shape=node.shape,
            x=node.x,
            y=node.y,
            size=node.size,
            font={**font, "size": node.font_size},
            color={
                "background": node.fill,
                "border": node.border,
                "highlight": {"background": node.fill, "border": "#000000"},
            },
            borderWidth=node.border_width,
            title=node_title(data, size_by),
            nodeType=data.get("type", "unclassified"),  # for the legend's filter (pyvis drops `color` with `group`)
        )
    for a, b, data in g.edges(data=True):
        # networkx already holds each edge once, so skip pyvis's quadratic duplicate check (add_edge).
        edge = Edge(a, b, g.is_directed(), width=lk.edge_widths[(a, b)], title=edge_title(g, a, b, data))
        net.edges.append(edge.options)
    net.options = _vis_options(g)
    return net


def _vis_options(g: nx.Graph) -> dict[str, Any]:
    opts = json.loads(json.dumps(style()["vis"]))  # a deep copy
    colours = style()["colours"]
    opts["edges"]["color"] = {"color": colours["edge"], "highlight": colours["edge_highlight"], "opacity": 0.7}
    if g.is_directed():
        opts["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.6}}
    opts["layout"] = {"improvedLayout": False, "randomSeed": 7}  # positions are given
    return opts


def _script_json(value: Any) -> str:
    """JSON safe to put inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


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
