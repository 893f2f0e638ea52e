"""Write a network as GraphML, GEXF or a pair of CSV files (nodes, edges) that Gephi opens; atomically.

The CSV pair follows Gephi's spreadsheet import: the nodes file has ``Id`` and ``Label`` columns and one row
per node (isolated nodes too), the edges file ``Source``, ``Target``, ``Type`` (Undirected/Directed) and
``Weight``; every other node or edge attribute is a further column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
from tiltaksgraf.graph.serialize import write_atomic

FORMATS = ("graphml", "gexf", "csv")

#: Node attributes first in the CSV, in this order; others follow sorted by name.
NODE_COLUMNS = ("name", "type", "type_label", "measures", "measure_count", "bipartite")


def graphml_bytes(g: nx.Graph) -> bytes:
    return ("\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n").encode("utf-8")


def gexf_bytes(g: nx.Graph) -> bytes:
    return ("\n".join(nx.generate_gexf(g, prettyprint=True)) + "\n").encode("utf-8")


def _columns(rows: list[dict], first: tuple[str, ...]) -> list[str]:
    keys = {k for row in rows for k in row}
    return [k for k in first if k in keys] + sorted(keys - set(first))


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def nodes_csv(g: nx.Graph) -> bytes:
    """One row per node: Id, Label, then the node's attributes."""
    attrs = [{k: v for k, v in data.items() if k != "label"} for _, data in g.nodes(data=True)]
    columns = _columns(attrs, NODE_COLUMNS)
    rows = [[n, data.get("label", n), *(data.get(c, "") for c in columns)] for (n, data) in g.nodes(data=True)]
    return _csv(["Id", "Label", *columns], rows)


def edges_csv(g: nx.Graph) -> bytes:
    """One row per edge: Source, Target, Type, Weight, then the edge's attributes."""
    kind = "Directed" if g.is_directed() else "Undirected"
    attrs = [{k: v for k, v in data.items() if k != "weight"} for *_, data in g.edges(data=True)]
    columns = _columns(attrs, ("measures",))
    rows = [
        [a, b, kind, data.get("weight", 1), *(data.get(c, "") for c in columns)] for a, b, data in g.edges(data=True)
    ]
    return _csv(["Source", "Target", "Type", "Weight", *columns], rows)


def csv_paths(path: Path) -> tuple[Path, Path]:
    """Where the CSV pair goes: ``DIR/`` → ``DIR/nodes.csv`` and ``DIR/edges.csv``; ``out/jd`` or
    ``out/jd.csv`` → ``out/jd-nodes.csv`` and ``out/jd-edges.csv``."""
    if path.is_dir():
        return path / "nodes.csv", path / "edges.csv"
    stem = path.with_suffix("") if path.suffix == ".csv" else path
    return stem.with_name(f"{stem.name}-nodes.csv"), stem.with_name(f"{stem.name}-edges.csv")


def export_network(g: nx.Graph, fmt: str, path: Path) -> list[Path]:
    """Write ``g`` in ``fmt`` (one of :data:`FORMATS`) to ``path``; returns the files written. Each file is
    written whole or not at all, and nothing is written until every file's content is ready."""
    if fmt == "graphml":
        files = {path: graphml_bytes(g)}
    elif fmt == "gexf":
        files = {path: gexf_bytes(g)}
    elif fmt == "csv":
        nodes, edges = csv_paths(path)
        files = {nodes: nodes_csv(g), edges: edges_csv(g)}
    else:
        raise ValueError(f"no export format {fmt!r}; choose from: {', '.join(FORMATS)}")
    for target, data in files.items():
        write_atomic(target, data)
    return list(files)
