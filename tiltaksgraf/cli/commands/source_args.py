"""Where `query`, `queries --values` and `trace` run: the built graph in the embedded store, or an endpoint."""

from __future__ import annotations

import argparse
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, seconds
from tiltaksgraf.graph.endpoint import DEFAULT_TIMEOUT, Endpoint
from tiltaksgraf.graph.results import QueryError
from tiltaksgraf.graph.sources import Source
from tiltaksgraf.graph.store import open_store
from tiltaksgraf.paths import GRAPH_FILE


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """``--graph`` for the embedded store; ``--endpoint``, ``--graph-iri`` and ``--timeout`` for a server."""
    group = parser.add_argument_group("where to query (default: build/graph.ttl in the embedded store)")
    group.add_argument("--graph", type=Path, help="a built graph (.ttl or .nt) to load into the embedded store")
    group.add_argument(
        "--endpoint", metavar="URL", help="query this SPARQL 1.1 endpoint instead (e.g. http://127.0.0.1:7878/query)"
    )
    group.add_argument(
        "--graph-iri", metavar="IRI", help="with --endpoint: query this named graph (as published by `publish`)"
    )
    group.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="with --endpoint: give up when the whole answer has not arrived after this long (default: %(default)g)",
    )


def open_source(args: argparse.Namespace) -> Source:
    """The embedded store with the graph file loaded, or the endpoint; a clear error for what is wrong."""
    if args.endpoint:
        if args.graph:
            raise CommandError("give --graph (a file) or --endpoint (a server), not both")
        try:
            return Endpoint(args.endpoint, args.timeout, args.graph_iri)
        except QueryError as exc:
            raise CommandError(str(exc)) from exc
    if args.graph_iri:
        raise CommandError("--graph-iri goes with --endpoint; a graph file has no named graphs to choose from")
    return load_store(args.graph)


def load_store(path: Path | None):
    """The graph file in the embedded store (default build/graph.ttl)."""
    path = path or GRAPH_FILE
    try:
        return open_store(path)
    except FileNotFoundError as exc:
        hint = "run `tiltaksgraf build` first" if path == GRAPH_FILE else "check the path"
        raise CommandError(f"no graph at {path} ({hint})") from exc
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    except (SyntaxError, OSError) as exc:
        kind = "N-Triples" if path.suffix == ".nt" else "Turtle"
        raise CommandError(f"{path} does not parse as {kind}: {str(exc).splitlines()[0]}") from exc
