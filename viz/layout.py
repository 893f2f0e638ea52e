"""Where each node goes: one seeded layout that the HTML page, the GEXF export and the PNG/SVG drawings share.

ForceAtlas2 (networkx, the algorithm Gephi is known for) on unweighted edges gives the shape; the result is
scaled so that neighbours stand about ``spacing`` pixels apart, and overlapping nodes are pushed apart. Units
are the page's pixels, y pointing down as on a screen. Parameters are in ``viz/style.toml`` (``[layout]``).

>>> import networkx as nx
>>> pos = layout(nx.path_graph(3), {0: 10, 1: 10, 2: 10})
>>> sorted(pos) == [0, 1, 2] and pos == layout(nx.path_graph(3), {0: 10, 1: 10, 2: 10})
True
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
from tiltaksgraf.viz.style import style

Positions = dict[Hashable, tuple[float, float]]


def _force_atlas(g: nx.Graph, radii: dict[Hashable, float]) -> np.ndarray:
    params = style()["layout"]
    undirected = g.to_undirected(as_view=True) if g.is_directed() else g
    pos = nx.forceatlas2_layout(
        undirected,
        seed=params["seed"],
        max_iter=params["iterations"],
        scaling_ratio=params["scaling_ratio"],
        gravity=params["gravity"],
        strong_gravity=params["strong_gravity"],
        node_size={n: radii[n] / params["spacing"] for n in g},
    )
    return np.array([pos[n] for n in g], dtype=float)


def _scale(xy: np.ndarray, spacing: float) -> np.ndarray:
    """Centre ``xy`` and scale it so the median distance to the nearest node is ``spacing``."""
    xy = xy - xy.mean(axis=0)
    distance = np.linalg.norm(xy[:, None, :] - xy[None, :, :], axis=-1)
    np.fill_diagonal(distance, np.inf)
    nearest = float(np.median(distance.min(axis=1)))
    return xy * (spacing / nearest) if nearest > 0 else xy


def _separate(xy: np.ndarray, radii: np.ndarray, gap: float, rounds: int) -> np.ndarray:
    """Push apart nodes whose discs (plus ``gap``) overlap, a few rounds of half the overlap each."""
    n = len(xy)
    need = radii[:, None] + radii[None, :] + gap
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        distance = np.linalg.norm(delta, axis=-1)
        np.fill_diagonal(distance, np.inf)
        overlap = np.clip(need - distance, 0, None)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            break
        safe = np.where(np.isfinite(distance) & (distance > 1e-9), distance, 1.0)
        direction = delta / safe[..., None]
        xy = xy + (direction * (overlap / 2)[..., None]).sum(axis=1) / max(1, min(n - 1, 4))
    return xy


def layout(g: nx.Graph, radii: dict[Hashable, float]) -> Positions:
    """Node → (x, y) in pixels, centred on 0, for nodes drawn as discs of these ``radii``; the same for the same
    graph on every run (a fixed seed)."""
    nodes = list(g)
    if len(nodes) <= 1:
        return {n: (0.0, 0.0) for n in nodes}
    params = style()["layout"]
    r = np.array([radii[n] for n in nodes], dtype=float)
    xy = _scale(_force_atlas(g, radii), params["spacing"])
    xy = _separate(xy, r, params["gap"], params["separation_rounds"])
    # whole pixels: vis-network reads a node's x and y with parseInt, so the page and the exports agree exactly
    return {n: (float(round(x)), float(round(y))) for n, (x, y) in zip(nodes, xy, strict=True)}
