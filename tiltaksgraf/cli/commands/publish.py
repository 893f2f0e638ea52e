"""``tiltaksgraf publish``: load the built graph into any SPARQL 1.1 store as a named graph, atomically."""

from __future__ import annotations

import argparse
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command, say, seconds
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.publish import PublishError, publish
from tiltaksgraf.paths import GRAPH_FILE

EXAMPLES = """\
  tiltaksgraf publish --endpoint http://127.0.0.1:7878/update
  tiltaksgraf publish --endpoint http://127.0.0.1:7878/update --store http://127.0.0.1:7878/store
  tiltaksgraf publish --endpoint https://example.org/ds/update --graph-iri https://example.org/graph/tiltak
  tiltaksgraf query measures --endpoint http://127.0.0.1:7878/query --graph-iri https://w3id.org/tiltaksgraf/id/graph
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "publish",
        "load the graph into a SPARQL store as a named graph",
        "Load the built graph into any SPARQL 1.1 store as the named graph --graph-iri, replacing the previous "
        "version atomically: the triples go into a temporary named graph first (by the Graph Store Protocol "
        "with --store, else by SPARQL Update), then one `MOVE` puts them in place. A failed or interrupted "
        "upload leaves the previous version as it was. Before it says «published», it counts the triples in the "
        "named graph. A publish refuses to run while another one on the same graph is under way, and removes the "
        "upload graphs that a killed publish left behind.",
        EXAMPLES,
    )
    p.add_argument("--endpoint", required=True, metavar="URL", help="the store's SPARQL Update endpoint")
    p.add_argument("--store", metavar="URL", help="its Graph Store Protocol endpoint: upload in one request")
    p.add_argument(
        "--query-endpoint",
        metavar="URL",
        help="its SPARQL query endpoint, to check what arrived (default: the --endpoint URL with /update → /query, "
        "or the same URL)",
    )
    p.add_argument(
        "--graph-iri",
        default=str(iris.published_graph()),
        metavar="IRI",
        help="the named graph to replace (default: %(default)s)",
    )
    p.add_argument("--graph", type=Path, help="the graph to publish (default: build/graph.ttl)")
    p.add_argument(
        "--timeout",
        type=seconds,
        default=120.0,
        metavar="SECONDS",
        help="limit for each whole request (default: %(default)g)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    for url in filter(None, (args.endpoint, args.store, args.query_endpoint)):
        if not url.startswith(("http://", "https://")):
            raise CommandError(f"an endpoint is an http:// or https:// URL, not {url!r}")
    graph = args.graph or GRAPH_FILE

    def progress(sent: int, total: int) -> None:
        say(f"uploaded {sent} of {total} triples")

    try:
        done = publish(
            graph, args.endpoint, args.graph_iri, args.store, args.timeout, progress, query_url=args.query_endpoint
        )
    except PublishError as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):
            say(f"tiltaksgraf publish: {exc}")
            return 130
        raise CommandError(str(exc)) from exc
    for note in done.notes:
        say(note)
    print(f"published {done.triples} triples to <{done.graph_iri}> ({done.via}, then MOVE; checked: all there)")
    return 0
