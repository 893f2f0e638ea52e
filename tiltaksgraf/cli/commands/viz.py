"""``tiltaksgraf viz``: draw a network as an interactive HTML page that works offline, or status charts."""

from __future__ import annotations

import argparse
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command, say
from tiltaksgraf.cli.commands.network_options import add_network_arguments, network_from
from tiltaksgraf.cli.commands.source_args import load_store
from tiltaksgraf.graph.networks import KINDS, add_node_metrics
from tiltaksgraf.graph.tallies import status_by_focus_area, status_by_ministry
from tiltaksgraf.viz.look import SIZE_BY, DrawingError
from tiltaksgraf.viz.network_html import write_html

EXAMPLES = """\
  tiltaksgraf viz ministries -o build/ministries.html         open the file in a browser, no network needed
  tiltaksgraf viz organisations --size-by betweenness -o build/organisations.html
  tiltaksgraf viz organisations -o build/organisations.svg    the same drawing for a paper (.svg or .png)
  tiltaksgraf viz flows --drop-isolates -o build/flows.html   who asks whom, with arrows
  tiltaksgraf viz organisations --co-mention -o build/co-mention.html
  tiltaksgraf viz bipartite --focus-area 4 -o build/sami.html
  tiltaksgraf viz ego BFD --depth 2 -o build/bfd.html
  tiltaksgraf viz status -o build/status.png                  status by focus area and by ministry (or .svg)
"""

DESCRIPTION = """\
Draw a network (the kinds of `tiltaksgraf network`) as one self-contained HTML page: the vis-network
library is inlined, so the page opens offline. Node colour shows the organisation type (the legend's boxes
show or hide a type), node size a centrality (--size-by), edge width the number of shared measures; hover
a node for its full name, roles and measures, an edge for the role pairs and the measures it stands for;
the search box finds a node. The layout is computed once (ForceAtlas2, fixed seed) and is the same in the
page, in `network --export gexf` and in a PNG or SVG drawing (-o FILE.png or FILE.svg: the same colours,
sizes and legend, for a paper). `viz status` draws the measures' status by focus area and by responsible
ministry as bar charts (PNG or SVG, by the file's suffix).
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "viz", "draw a network as offline HTML, or status charts", DESCRIPTION, EXAMPLES)
    add_network_arguments(p, (*KINDS, "status"))
    p.add_argument(
        "-o", "--out", type=Path, required=True, help="the file to write: .html, .png or .svg (networks), .png or .svg"
    )
    p.add_argument("--size-by", choices=SIZE_BY, default="pagerank", help="node size (default: %(default)s)")
    p.add_argument("--title", help="the page's heading (default: the network's title)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if args.kind == "status":
        if suffix not in (".png", ".svg"):
            raise CommandError(f"status charts are written as .png or .svg, not {args.out.name!r}")
        from tiltaksgraf.viz.status_chart import (
            write_status_chart,  # matplotlib takes a second to import: only when drawing
        )

        graph = load_store(args.graph)
        write_status_chart([status_by_focus_area(graph), status_by_ministry(graph)], args.out)
        say(f"written: {args.out}")
        return 0
    if suffix not in (".html", ".htm", ".png", ".svg"):
        raise CommandError(f"a network is drawn as .html, .png or .svg, not {args.out.name!r} (give -o FILE.html)")
    g, _ = network_from(args)
    add_node_metrics(g)
    try:
        if suffix in (".png", ".svg"):
            from tiltaksgraf.viz.network_drawing import write_network_drawing  # matplotlib: only when drawing

            write_network_drawing(g, args.out, size_by=args.size_by, title=args.title)
        else:
            write_html(g, args.out, size_by=args.size_by, title=args.title)
    except DrawingError as exc:
        raise CommandError(str(exc)) from exc
    opened = "open it in a browser" if suffix in (".html", ".htm") else "a static drawing"
    say(f"written: {args.out} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges); {opened}")
    return 0
