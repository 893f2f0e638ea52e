"""A network as a static picture for a paper, PNG or SVG (vector), drawn with matplotlib.

The same look as the HTML page (:mod:`viz.look`): the layout, node sizes, label sizes, colours, edge widths
and the legend of node types with their counts. Labels too small to read at the page's full view are left
out, as the page leaves them out (``drawThreshold``). The SVG keeps its text as text and carries no date, so
the same network gives the same file.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: files only

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.collections import EllipseCollection, LineCollection, PatchCollection
from matplotlib.patches import FancyArrowPatch, Patch, Rectangle
from tiltaksgraf.graph.serialize import write_atomic
from tiltaksgraf.viz.look import Look, edge_width_meaning, legend, look
from tiltaksgraf.viz.style import style

FORMATS = ("png", "svg")

#: Figure resolution: one pixel of the page is one unit of the drawing; PNGs are saved at ``PNG_DPI``.
DPI, PNG_DPI = 100, 150
#: The widest drawing area, in the page's pixels at full view (wider layouts are scaled down).
MAX_WIDTH = 1600


def _points(pixels: float, scale: float) -> float:
    """A length in page pixels as matplotlib points, at the drawing's ``scale``."""
    return pixels * scale * 72 / DPI


def _extent(lk: Look) -> tuple[float, float, float, float]:
    """The drawing's bounds in page pixels: every node and its label (about 0.3 em either side a character)."""
    half = {k: max(n.size, 0.3 * n.font_size * len(n.label)) for k, n in lk.nodes.items()}
    xs = [n.x - half[k] for k, n in lk.nodes.items()] + [n.x + half[k] for k, n in lk.nodes.items()]
    ys = [n.y - n.size for n in lk.nodes.values()] + [n.y + n.size + n.font_size * 1.4 for n in lk.nodes.values()]
    pad = 24
    return min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad


def _edges(ax, g: nx.Graph, lk: Look, scale: float) -> None:
    colour = style()["colours"]["edge"]
    if not g.is_directed():
        segments = [[(lk.nodes[a].x, lk.nodes[a].y), (lk.nodes[b].x, lk.nodes[b].y)] for a, b in g.edges]
        widths = [_points(lk.edge_widths[e], scale) for e in g.edges]
        ax.add_collection(LineCollection(segments, colors=colour, linewidths=widths, alpha=0.7, zorder=1))
        return
    for a, b in g.edges:
        start, end = lk.nodes[a], lk.nodes[b]
        width = _points(lk.edge_widths[(a, b)], scale)
        ax.add_patch(
            FancyArrowPatch(
                (start.x, start.y),
                (end.x, end.y),
                arrowstyle="-|>",
                mutation_scale=8 + 3 * width,
                shrinkA=_points(start.size, scale),
                shrinkB=_points(end.size + end.border_width, scale),
                color=colour,
                linewidth=width,
                alpha=0.85,
                zorder=1,
            )
        )


def _nodes(ax, lk: Look, scale: float) -> None:
    dots = [n for n in lk.nodes.values() if n.shape != "square"]
    squares = [n for n in lk.nodes.values() if n.shape == "square"]
    if dots:
        ax.add_collection(
            EllipseCollection(
                widths=[2 * n.size for n in dots],
                heights=[2 * n.size for n in dots],
                angles=0,
                units="xy",
                offsets=[(n.x, n.y) for n in dots],
                offset_transform=ax.transData,
                facecolors=[n.fill for n in dots],
                edgecolors=[n.border for n in dots],
                linewidths=[_points(n.border_width, scale) for n in dots],
                zorder=2,
            )
        )
    if squares:
        patches = [Rectangle((n.x - n.size, n.y - n.size), 2 * n.size, 2 * n.size) for n in squares]
        ax.add_collection(
            PatchCollection(
                patches,
                facecolors=[n.fill for n in squares],
                edgecolors=[n.border for n in squares],
                linewidths=[_points(n.border_width, scale) for n in squares],
                zorder=2,
            )
        )
    threshold = style()["vis"]["nodes"]["scaling"]["label"]["drawThreshold"]
    for n in lk.nodes.values():
        if n.font_size * scale < threshold:
            continue
        ax.text(
            n.x,
            n.y + n.size + 2,
            n.label,
            fontsize=_points(n.font_size, scale),
            ha="center",
            va="top",
            color="#222222",
            # a light halo as the page's white outline; a box, not a path effect, so an SVG keeps text as text
            bbox={"facecolor": "white", "alpha": 0.55, "edgecolor": "none", "pad": 0.2},
            zorder=3,
        )


def network_drawing(g: nx.Graph, fmt: str = "png", size_by: str = "pagerank", title: str | None = None) -> bytes:
    """The drawing of ``g`` as PNG or SVG bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"a network is drawn as {' or '.join(FORMATS)} here, not {fmt!r}")
    lk = look(g, size_by)
    x0, x1, y0, y1 = _extent(lk) if lk.nodes else (0, 400, 0, 300)
    scale = min(1.0, MAX_WIDTH / (x1 - x0))
    entries = legend(g)
    columns = max(1, min(4, len(entries)))
    header = 0.75 + 0.28 * -(-len(entries) // columns)  # inches: title, subtitle, legend rows
    width, height = (x1 - x0) * scale / DPI, (y1 - y0) * scale / DPI
    plt.rcParams["svg.hashsalt"] = "tiltaksgraf"
    plt.rcParams["svg.fonttype"] = "none"
    fig = plt.figure(figsize=(max(width, 6.0), height + header), dpi=DPI)
    try:
        ax = fig.add_axes((0, 0, 1, height / (height + header)))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y1, y0)  # y points down, as on the page
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()
        _edges(ax, g, lk, scale)
        _nodes(ax, lk, scale)
        top = 1 - 0.12 / (height + header)
        fig.text(0.012, top, title or g.graph.get("title", "Network"), fontsize=14, weight="bold", va="top")
        subtitle = (
            f"{g.number_of_nodes()} nodes, {g.number_of_edges()} {'arrows' if g.is_directed() else 'edges'} · "
            f"{g.graph.get('filters', '')} · node size: {size_by.replace('_', ' ')} · "
            f"edge width: {edge_width_meaning(g)}"
        )
        fig.text(0.012, top - 0.3 / (height + header), subtitle, fontsize=9, color="#555555", va="top")
        handles = [
            Patch(facecolor=e["colour"], edgecolor=style()["colours"]["border"], label=f"{e['label']} ({e['count']})")
            for e in entries
        ]
        if handles:
            fig.legend(
                handles=handles,
                loc="upper left",
                bbox_to_anchor=(0.005, top - 0.5 / (height + header)),
                ncols=columns,
                frameon=False,
                fontsize=9,
                handlelength=1.0,
                columnspacing=1.2,
            )
        out = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(out, format=fmt, dpi=PNG_DPI if fmt == "png" else DPI, metadata=metadata, facecolor="white")
    finally:
        plt.close(fig)
    return out.getvalue()


def write_network_drawing(g: nx.Graph, path: Path, size_by: str = "pagerank", title: str | None = None) -> Path:
    """Write the drawing to ``path`` (the suffix .png or .svg chooses the format), atomically."""
    write_atomic(path, network_drawing(g, path.suffix.lower().lstrip("."), size_by, title))
    return path
