"""``tiltaksgraf network``: build a collaboration network, print its edges, metrics or communities, export it."""

from __future__ import annotations

import argparse
import json
import sys

import networkx as nx

from tiltaksgraf.cli.commands.common import CommandError, add_command, say
from tiltaksgraf.cli.commands.network_options import add_network_arguments, network_from
from tiltaksgraf.graph.formats import render
from tiltaksgraf.graph.networks import KINDS, add_node_metrics, network_metrics
from tiltaksgraf.graph.networks.communities import community_table
from tiltaksgraf.graph.networks.export import FORMATS as EXPORT_FORMATS
from tiltaksgraf.graph.networks.export import ExportError, export_network, export_paths
from tiltaksgraf.graph.networks.pairs import parse_counted
from tiltaksgraf.graph.queries import Table
from tiltaksgraf.paths import BUILD_DIR
from tiltaksgraf.viz.look import SIZE_BY, with_viz_attributes

EXAMPLES = """\
  tiltaksgraf network organisations                    who takes part in the same measures, with the roles
  tiltaksgraf network organisations --co-mention       also the organisations a measure only names
  tiltaksgraf network organisations --communities      what each community is: members, types, focus areas
  tiltaksgraf network flows --metrics                  who asks whom: in/out degree of every organisation
  tiltaksgraf network ministries --source body --metrics
  tiltaksgraf network organisations --role executing,collaborating --focus-area 2 --metrics
  tiltaksgraf network ego JD --depth 2 --metrics --format json
  tiltaksgraf network cross-references --drop-isolates
  tiltaksgraf network organisations -o build/orgs.gexf           GEXF with the page's colours, sizes, layout
  tiltaksgraf network flows --export csv -o build/flows/          build/flows/flows-nodes.csv, …-edges.csv
"""

DESCRIPTION = """\
Build a network from the graph and print it. Kinds:
  organisations      organisations joined when both take part in the same measure, in any role but
                     mentioned (weight: shared measures; role_pairs: the roles they had there);
                     --co-mention: also when a measure only names them
  flows              who asks whom: arrows from commissioning, funding and coordinating organisations to
                     the ones that administer or execute the same measure (weight: measures)
  ministries         ministries joined when both are responsible for the same measure
  bipartite          organisations and the measures they take part in
  cross-references   measures, with an arrow where one's text points at another («jf. tiltak 64»)
  ego ORG            one organisation, its measures and its partners (--depth 2: and theirs)
A sub-measure (27a) counts for its measure (27). Without --metrics the edges are printed, with the role
pairs behind each (undirected: `collaborating+executing ×2`, unordered; flows: `funding→executing ×3`);
with --metrics the network's size, density, components and communities and each node's degree, weighted
degree, betweenness, PageRank and community (directed: in and out degree, weighted too); --communities
describes each community. --export (or -o with a suffix) writes GraphML, GEXF (with the HTML page's
colours, sizes and layout) or a nodes and an edges CSV file for Gephi, metrics included; -o a folder
(ending in /) writes KIND.FORMAT or KIND-nodes.csv and KIND-edges.csv inside it.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "network", "collaboration networks: metrics and Gephi exports", DESCRIPTION, EXAMPLES)
    add_network_arguments(p, KINDS)
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--metrics", action="store_true", help="print node and network metrics instead of edges")
    shown.add_argument(
        "--communities", action="store_true", help="print each community: size, most central members, types"
    )
    p.add_argument(
        "-f",
        "--format",
        choices=("table", "csv", "json", "md"),
        default="table",
        help="output format (default: %(default)s; json: typed, with role pairs and measures as objects)",
    )
    p.add_argument("--export", choices=EXPORT_FORMATS, help="write the network to a file for Gephi")
    p.add_argument(
        "-o",
        "--out",
        metavar="PATH",
        help="where the export goes: FILE.graphml, FILE.gexf, PREFIX or PREFIX.csv (csv), or a folder ending in / "
        "(default: build/networks/); its suffix names the format when --export is left out",
    )
    p.add_argument(
        "--size-by",
        default="pagerank",
        choices=SIZE_BY,
        help="GEXF: the metric behind viz:size, as `viz --size-by` (default: %(default)s)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    exporting = bool(args.export or args.out)
    if exporting:  # a bad -o fails before anything is built
        try:
            fmt, paths = export_paths(args.export, args.out, args.kind, BUILD_DIR / "networks")
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
    g, data = network_from(args)
    add_node_metrics(g)
    if exporting:
        written = export_network(with_viz_attributes(g, args.size_by) if fmt == "gexf" else g, fmt, paths)
        say("written: " + ", ".join(str(p) for p in written))
        if not (args.metrics or args.communities):
            return 0
    if args.communities:
        sys.stdout.write(render(community_table(g, data), args.format))
        return 0
    sys.stdout.write(describe(g, args.format, args.metrics))
    return 0


def edge_table(g: nx.Graph, with_id: bool, with_titles: bool = False) -> Table:
    """Edges, heaviest first: the two ends' labels (and ids), weight, the role pairs behind the edge where it
    joins organisations, and the measures behind it (with ``with_titles``: their titles too)."""
    order = sorted(g.edges(data=True), key=lambda e: (-e[2].get("weight", 1), g.nodes[e[0]]["label"], e[1]))
    extra = [c for c in ("role_pairs", "roles") if any(c in d for *_, d in g.edges(data=True))]
    extra += ["measures"] + (["titles"] if with_titles else [])
    rows = [
        [
            *([a, b] if with_id else []),
            str(g.nodes[a]["label"]),
            str(g.nodes[b]["label"]),
            str(d.get("weight", 1)),
            *(str(d.get(c, "")) for c in extra),
        ]
        for a, b, d in order
    ]
    return Table([*(["source_id", "target_id"] if with_id else []), "source", "target", "weight", *extra], rows)


def node_table(g: nx.Graph, with_id: bool) -> Table:
    metrics = ["degree", "weighted_degree", "betweenness", "pagerank", "community"]
    if g.is_directed():
        metrics[1:1] = ["in_degree", "out_degree", "weighted_in_degree", "weighted_out_degree"]
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
        "directed": g.is_directed(),
        **network_metrics(g),
    }
    if fmt == "json":
        nodes = (
            node_table(g, True)
            if metrics
            else Table(
                ["id", "label", "name", "type", "roles"],
                [[n, str(d["label"]), d["name"], d["type"], d.get("roles", "")] for n, d in g.nodes(data=True)],
            )
        )
        doc = {"network": summary, "nodes": _records(nodes), "edges": _edge_records(g)}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    table = node_table(g, fmt == "csv") if metrics else edge_table(g, fmt == "csv", with_titles=fmt == "csv")
    if fmt in ("csv", "md"):
        return render(table, fmt)
    head = f"{summary['title']} · {summary['filters']}\n"
    head += "   ".join(f"{k.replace('_', ' ')}: {v}" for k, v in list(summary.items())[4:]) + "\n\n"
    return head + render(table, "table")


INTEGERS = {"weight", "degree", "weighted_degree", "in_degree", "out_degree", "weighted_in_degree"}
INTEGERS |= {"weighted_out_degree", "community"}


def _records(table: Table) -> list[dict[str, object]]:
    """Rows as JSON objects with numbers as numbers and role counts as objects (``{"executing": 5}``)."""

    def value(column: str, text: str) -> object:
        if column in INTEGERS:
            return int(float(text))
        if column in {"betweenness", "pagerank"}:
            return float(text)
        if column == "roles":
            return parse_counted(text)
        return text

    return [{c: value(c, v) for c, v in zip(table.columns, row, strict=True)} for row in table.rows]


def _edge_records(g: nx.Graph) -> list[dict[str, object]]:
    """Each edge as a JSON object: ends (ids and labels), weight, role pairs (pair → measures) and the measures
    behind it, each with its number and title."""
    out = []
    for row in _edge_dicts(g):
        numbers = [n for n in row.pop("measures").split(",") if n]
        titles = [t.split(": ", 1)[-1] for t in row.pop("titles").split(" | ") if t]
        record: dict[str, object] = {k: v for k, v in row.items() if k not in ("role_pairs", "roles")}
        record["weight"] = int(float(row["weight"]))
        if "role_pairs" in row:
            record["role_pairs"] = parse_counted(row["role_pairs"])
        if "roles" in row:
            record["roles"] = [r for r in row["roles"].split(",") if r]
        record["measures"] = [
            {"number": n, "title": t} for n, t in zip(numbers, titles or [""] * len(numbers), strict=False)
        ]
        out.append(record)
    return out


def _edge_dicts(g: nx.Graph) -> list[dict[str, str]]:
    return edge_table(g, True, with_titles=True).records()
