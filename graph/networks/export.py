"""Write a network as GraphML, GEXF or a pair of CSV files (nodes, edges) that Gephi opens; atomically.

The CSV pair follows Gephi's spreadsheet import: the nodes file has ``Id`` and ``Label`` columns and one row
per node (isolated nodes too), the edges file ``Source``, ``Target``, ``Type`` (Undirected/Directed) and
``Weight``; every other node or edge attribute is a further column.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import networkx as nx

FORMATS = ("graphml", "gexf", "csv")

#: The suffix that names each format's file (a CSV export writes two files that end so).
SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "csv": ".csv"}

XSI = "http://www.w3.org/2001/XMLSchema-instance"


class ExportError(ValueError):
    """An export asked for in a way that cannot be done (a file name that says another format); says what to do."""


#: Node and edge attributes first in the CSV, in this order; others follow sorted by name.
NODE_COLUMNS = ("name", "type", "type_label", "measures", "measure_count", "roles", "bipartite")
EDGE_COLUMNS = ("measures", "role_pairs", "titles", "roles")


def graphml_bytes(g: nx.Graph) -> bytes:
    return ("\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n").encode("utf-8")


def gexf_bytes(g: nx.Graph) -> bytes:
    """GEXF 1.3; nodes and edges that carry a ``viz`` attribute (:func:`viz.look.with_viz_attributes`) get
    ``viz:color``, ``viz:size``, ``viz:shape``, ``viz:position`` and ``viz:thickness``."""
    text = "\n".join(nx.generate_gexf(g, prettyprint=True, version="1.3")) + "\n"
    # networkx 3.6 declares xsi: as http://w3.org/…, which is no namespace; schema tools expect the W3C's.
    text = text.replace('xmlns:xsi="http://w3.org/2001/XMLSchema-instance"', f'xmlns:xsi="{XSI}"', 1)
    return text.encode("utf-8")


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
    columns = _columns(attrs, EDGE_COLUMNS)
    rows = [
        [a, b, kind, data.get("weight", 1), *(data.get(c, "") for c in columns)] for a, b, data in g.edges(data=True)
    ]
    return _csv(["Source", "Target", "Type", "Weight", *columns], rows)


def export_paths(fmt: str | None, out: str | None, kind: str, default_dir: Path) -> tuple[str, list[Path]]:
    """The format and the files an export writes, from ``--export`` and ``-o`` as given.

    - ``-o`` a folder (it exists, or the text ends in ``/``): the files go inside it, ``DIR/KIND.graphml``,
      ``DIR/KIND.gexf``, or ``DIR/KIND-nodes.csv`` and ``DIR/KIND-edges.csv``; no ``-o``: ``default_dir``.
    - ``-o FILE.graphml`` / ``FILE.gexf``: that file; the suffix must be the format's, and names the format
      when ``--export`` is left out. ``-o out/orgs.csv`` or ``-o out/orgs`` (csv only): ``out/orgs-nodes.csv``
      and ``out/orgs-edges.csv``.

    >>> export_paths(None, "x.gexf", "flows", Path("build"))
    ('gexf', [PosixPath('x.gexf')])
    >>> export_paths("csv", "out/orgs", "organisations", Path("build"))
    ('csv', [PosixPath('out/orgs-nodes.csv'), PosixPath('out/orgs-edges.csv')])
    """
    folder = out is None or out.endswith(("/", os.sep)) or Path(out).is_dir()
    path = default_dir if out is None else Path(out)
    suffix = "" if folder else path.suffix.lower()
    if fmt is None:
        formats = {v: k for k, v in SUFFIXES.items()}
        if suffix not in formats:
            raise ExportError(
                f"say which format to write: --export {'|'.join(FORMATS)}, or -o a file ending in "
                f"{', '.join(SUFFIXES.values())}"
            )
        fmt = formats[suffix]
    if fmt not in FORMATS:
        raise ExportError(f"no export format {fmt!r}; choose from: {', '.join(FORMATS)}")
    if folder:
        stem = path / kind
    elif fmt == "csv" and suffix in ("", ".csv"):
        stem = path.with_suffix("") if suffix else path
    elif suffix == SUFFIXES[fmt]:
        return fmt, [path]
    else:
        wanted = f"-o {path.with_suffix(SUFFIXES[fmt]).name}"
        other = {v: k for k, v in SUFFIXES.items()}.get(suffix)
        hint = f", or --export {other} to write {path.name}" if other else ", or a folder ending in /"
        raise ExportError(f"--export {fmt} writes {fmt.upper()}, not {path.name!r}: give {wanted}{hint}")
    if fmt == "csv":
        return fmt, [stem.with_name(f"{stem.name}-nodes.csv"), stem.with_name(f"{stem.name}-edges.csv")]
    return fmt, [stem.with_name(stem.name + SUFFIXES[fmt])]


def export_network(g: nx.Graph, fmt: str, paths: list[Path]) -> list[Path]:
    """Write ``g`` in ``fmt`` (one of :data:`FORMATS`) to ``paths`` (from :func:`export_paths`: one file, or the
    nodes and the edges CSV); returns them. Each file is written whole or not at all (a temporary file, then
    a rename), and nothing is written until every file's content is ready."""
    if fmt == "graphml":
        files = {paths[0]: graphml_bytes(g)}
    elif fmt == "gexf":
        files = {paths[0]: gexf_bytes(g)}
    elif fmt == "csv":
        nodes, edges = paths
        files = {nodes: nodes_csv(g), edges: edges_csv(g)}
    else:
        raise ExportError(f"no export format {fmt!r}; choose from: {', '.join(FORMATS)}")
    write_all_or_none(files)
    return list(files)


def write_all_or_none(files: dict[Path, bytes]) -> None:
    """Write several files so that none is replaced unless every one could be written: each goes to a
    temporary file beside its target first, then all are renamed into place."""
    umask = os.umask(0)
    os.umask(umask)
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((Path(tmp), target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o666 & ~umask)  # as a plain open() would create it (mkstemp gives 0600)
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
