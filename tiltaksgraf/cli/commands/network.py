"""``tiltaksgraf network``: build a collaboration network, print its edges or metrics, export it for Gephi."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import networkx as nx

from tiltaksgraf.cli.commands.common import add_command, say
from tiltaksgraf.cli.commands.network_options import add_network_arguments, network_from
from tiltaksgraf.graph.formats import render
from tiltaksgraf.graph.networks import KINDS, add_node_metrics, network_metrics
from tiltaksgraf.graph.networks.export import FORMATS as EXPORT_FORMATS
from tiltaksgraf.graph.networks.export import export_network
from tiltaksgraf.graph.queries import Table
from tiltaksgraf.paths import BUILD_DIR

EXAMPLES = """\
  tiltaksgraf network ministries                       who shares responsibility with whom (overview table)
  tiltaksgraf network ministries --source body --metrics
  tiltaksgraf network organisations --role executing,collaborating --focus-area 2 --metrics
  tiltaksgraf network organisations --org-type competence-centre,directorate --format csv
  tiltaksgraf network ego JD --depth 2 --metrics --format json
  tiltaksgraf network cross-references --drop-isolates
  tiltaksgraf network bipartite --export gexf -o build/bipartite.gexf       open in Gephi: File → Open
  tiltaksgraf network organisations --export csv -o build/orgs   build/orgs-nodes.csv, build/orgs-edges.csv
"""

DESCRIPTION = """\
Build a network from the graph and print it. Kinds:
  organisations      organisations joined when both are involved in the same measure (weight: shared measures)
  ministries         ministries joined when both are responsible for the same measure
  bipartite          organisations and the measures they are involved in
  cross-references   measures, with an arrow where one's text points at another («jf. tiltak 64»)
  ego ORG            one organisation, its measures and its partners (--depth 2: and theirs)
A sub-measure (27a) counts for its measure (27). Without --metrics the edges are printed; with --metrics
the network's size, density, components and communities and each node's degree, weighted degree,
betweenness, PageRank and community. --export writes GraphML, GEXF or a nodes and an edges CSV file
for Gephi, metrics included.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "network", "collaboration networks: metrics and Gephi exports", DESCRIPTION, EXAMPLES)
    add_network_arguments(p, KINDS)
    p.add_argument("--metrics", action="store_true", help="print node and network metrics instead of edges")
    p.add_argument(
        "-f", "--format", choices=("table", "csv", "json"), default="table", help="output format (default: %(default)s)"
    )
    p.add_argument("--export", choices=EXPORT_FORMATS, help="write the network to a file for Gephi")
    p.add_argument(
        "-o",
        "--out",
        type=Path,
        help="where --export writes (default: build/networks/KIND.FORMAT; for csv a prefix or folder)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    g = add_node_metrics(network_from(args))
    if args.export:
        path = args.out or BUILD_DIR / "networks" / (
            args.kind if args.export == "csv" else f"{args.kind}.{args.export}"
        )
        written = export_network(g, args.export, path)
        say("written: " + ", ".join(str(p) for p in written))
        if not args.metrics:
            return 0
    sys.stdout.write(describe(g, args.format, args.metrics))
    return 0


def edge_table(g: nx.Graph, with_id: bool) -> Table:
    """Edges, heaviest first: the two ends' labels (and ids), weight and the measures behind the edge."""
    order = sorted(g.edges(data=True), key=lambda e: (-e[2].get("weight", 1), g.nodes[e[0]]["label"], e[1]))
    rows = [
        [
            *([a, b] if with_id else []),
            g.nodes[a]["label"],
            g.nodes[b]["label"],
            str(d.get("weight", 1)),
            d.get("measures", ""),
        ]
        for a, b, d in order
    ]
    return Table([*(["source_id", "target_id"] if with_id else []), "source", "target", "weight", "measures"], rows)


def node_table(g: nx.Graph, with_id: bool) -> Table:
    metrics = ["degree", "weighted_degree", "betweenness", "pagerank", "community"]
    if g.is_directed():
        metrics[1:1] = ["in_degree", "out_degree"]
    columns = [*(["id"] if with_id else []), "label", "name", "type", *metrics]
    order = sorted(g.nodes(data=True), key=lambda nd: (-nd[1]["pagerank"], str(nd[1]["label"])))
    rows = [
        [*([n] if with_id else []), str(d["label"]), d["name"], d["type"], *(str(d[m]) for m in metrics)]
        for n, d in order
    ]
    return Table(columns, rows)


def describe(g: nx.Graph, fmt: str, metrics: bool) -> str:
    """The network as text: its edges, or its metrics, as a table, CSV or JSON."""
    summary = {
        "kind": g.graph.get("kind"),
        "title": g.graph.get("title"),
        "filters": g.graph.get("filters"),
        **network_metrics(g),
    }
    if fmt == "json":
        nodes = (
            node_table(g, True)
            if metrics
            else Table(
                ["id", "label", "name", "type"],
                [[n, str(d["label"]), d["name"], d["type"]] for n, d in g.nodes(data=True)],
            )
        )
        doc = {"network": summary, "nodes": _records(nodes, numeric=metrics), "edges": _records(edge_table(g, True))}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    table = node_table(g, fmt == "csv") if metrics else edge_table(g, fmt == "csv")
    if fmt == "csv":
        return render(table, "csv")
    head = f"{summary['title']} · {summary['filters']}\n"
    head += "   ".join(f"{k.replace('_', ' ')}: {v}" for k, v in list(summary.items())[3:]) + "\n\n"
    return head + render(table, "table")


def _records(table: Table, numeric: bool = True) -> list[dict[str, object]]:
    def value(column: str, text: str) -> object:
        if numeric and column in {"weight", "degree", "weighted_degree", "in_degree", "out_degree", "community"}:
            return int(float(text))
        if numeric and column in {"betweenness", "pagerank"}:
            return float(text)
        return text

    return [{c: value(c, v) for c, v in zip(table.columns, row, strict=True)} for row in table.rows]
