"""Helpers shared by the sub-commands: help formatting, loading a built graph, messages on stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph

from tiltaksgraf.paths import GRAPH_FILE


class CommandError(Exception):
    """A usage or input problem; the CLI prints it as one line and exits with 2."""


def add_command(
    sub: argparse._SubParsersAction, name: str, summary: str, description: str, examples: str, **options
):
    """Register a sub-command whose help shows a description and examples (``options`` go to argparse)."""
    return sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"examples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **options,
    )


def say(message: str) -> None:
    """Progress and notes for people: stderr, so stdout stays clean for results."""
    print(message, file=sys.stderr, flush=True)


def load_graph(path: Path | None) -> Graph:
    """Parse a built graph (Turtle or N-Triples by extension); a clear error if it is missing or broken."""
    path = path or GRAPH_FILE
    if not path.exists():
        hint = "run `tiltaksgraf build` first" if path == GRAPH_FILE else "check the path"
        raise CommandError(f"no graph at {path} ({hint})")
    fmt = "nt" if path.suffix == ".nt" else "turtle"
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises several parser exception types
        raise CommandError(f"{path} does not parse as {fmt}: {str(exc).splitlines()[0]}") from exc
    return graph
