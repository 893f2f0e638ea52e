"""How a network looks, computed once for every drawing: the HTML page, the GEXF export, the PNG and SVG.

Each node's position (:mod:`viz.layout`), size, label size, fill, border and shape, and each edge's width,
from the network's metrics and ``viz/style.toml``. Sizes follow vis-network's linear scaling: the chosen
metric's range is mapped onto ``[node_size] min … max`` pixels (the radius of a disc, half the side of a
square) and onto the label sizes, an edge's weight onto ``[edge_width]``; where every value is the same, the
middle. So the page, Gephi and the static drawings show the same sizes at the same places.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import networkx as nx
from tiltaksgraf.viz.layout import layout
from tiltaksgraf.viz.style import node_colour, node_shape, style

#: Node attributes a drawing can size nodes by (``none``: all the same size).
SIZE_BY = ("pagerank", "betweenness", "degree", "weighted_degree", "measure_count", "none")


class DrawingError(ValueError):
    """A graph that cannot be drawn as asked (e.g. sized by a metric its nodes lack)."""


@dataclass(frozen=True)
class NodeLook:
    """One node as drawn: centre in pixels (y down), size (radius or half side), label size, colours, shape."""

    x: float
    y: float
    size: float
    font_size: float
    fill: str
    border: str
    border_width: float
    shape: str  # vis-network's: dot or square
    label: str


@dataclass(frozen=True)
class Look:
    """A whole network as drawn."""

    nodes: dict[Hashable, NodeLook]
    edge_widths: dict[tuple[Hashable, Hashable], float]
    size_by: str


def scaled(values: dict[Any, float], low: float, high: float) -> dict[Any, float]:
    """vis-network's scaling: each value's place in the values' range, mapped linearly onto ``low … high``.

    >>> scaled({"a": 0, "b": 5, "c": 10}, 8, 42)
    {'a': 8.0, 'b': 25.0, 'c': 42.0}
    >>> scaled({"a": 3, "b": 3}, 8, 42)
    {'a': 25.0, 'b': 25.0}
    """
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    return {k: round(low + (0.5 if hi == lo else (v - lo) / (hi - lo)) * (high - low), 3) for k, v in values.items()}


def _size_values(g: nx.Graph, size_by: str) -> dict[Hashable, float]:
    if size_by not in SIZE_BY:
        raise DrawingError(f"--size-by takes one of {', '.join(SIZE_BY)}, not {size_by!r}")
    if size_by == "none":
        return {n: 1.0 for n in g}
    if size_by != "measure_count" and any(size_by not in d for _, d in g.nodes(data=True)):
        raise DrawingError(f"the nodes have no {size_by!r}: compute the metrics before drawing")
    return {n: float(d.get(size_by) or 0) for n, d in g.nodes(data=True)}


def look(g: nx.Graph, size_by: str = "pagerank") -> Look:
    """Positions, sizes, colours and widths of ``g`` drawn with node size ``size_by``."""
    values = _size_values(g, size_by)
    node_size, edge_width, colours = style()["node_size"], style()["edge_width"], style()["colours"]
    label = style()["vis"]["nodes"]["scaling"]["label"]
    sizes = scaled(values, node_size["min"], node_size["max"])
    fonts = scaled(values, label["min"], label["max"])
    positions = layout(g, sizes)
    ego = g.graph.get("ego")
    nodes = {}
    for n, data in g.nodes(data=True):
        kind = data.get("type", "unclassified")
        border = colours["ego_border"] if n == ego else colours["measure_border" if kind == "measure" else "border"]
        x, y = positions[n]
        nodes[n] = NodeLook(
            x=x,
            y=y,
            size=sizes[n],
            font_size=fonts[n],
            fill=node_colour(kind),
            border=border,
            border_width=4.0 if n == ego else float(style()["vis"]["nodes"]["borderWidth"]),
            shape=node_shape(kind),
            label=str(data.get("label", n)),
        )
    weights = {(a, b): float(d.get("weight", 1)) for a, b, d in g.edges(data=True)}
    return Look(nodes, scaled(weights, edge_width["min"], edge_width["max"]), size_by)


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#1f77b4"`` → ``(31, 119, 180)``."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


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


def edge_width_meaning(g: nx.Graph) -> str:
    """What an edge's width stands for, in a drawing's caption."""
    if g.graph.get("kind") == "cross-references":
        return "one per reference"
    if any("roles" in data for *_, data in g.edges(data=True)):
        return "one per organisation in a measure"
    return "number of shared measures"


def with_viz_attributes(g: nx.Graph, size_by: str = "pagerank") -> nx.Graph:
    """A copy of ``g`` whose nodes and edges carry GEXF's ``viz`` attributes from :func:`look`: colour, size,
    shape and position (y turned up, as Gephi draws it), and each edge's colour and thickness, so the GEXF
    opens in Gephi looking like the HTML page."""
    lk = look(g, size_by)
    out = g.copy()
    edge = style()["colours"]["edge"]
    for n, node in lk.nodes.items():
        r, gr, b = rgb(node.fill)
        out.nodes[n]["viz"] = {
            "color": {"r": r, "g": gr, "b": b, "a": 1.0},
            "size": node.size,
            "shape": "square" if node.shape == "square" else "disc",
            "position": {"x": node.x, "y": -node.y, "z": 0.0},
        }
    r, gr, b = rgb(edge)
    for (a, z), width in lk.edge_widths.items():
        out.edges[a, z]["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 0.7}, "thickness": width}
    return out
