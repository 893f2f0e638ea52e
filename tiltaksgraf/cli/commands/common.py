"""Helpers shared by the sub-commands: help formatting, loading a built graph, messages on stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tiltaksgraf.paths import GRAPH_FILE

if TYPE_CHECKING:
    from tiltaksgraf.graph.triples import NTriplesGraph


class CommandError(Exception):
    """A usage or input problem; the CLI prints it as one line and exits with 2."""


def add_command(sub: argparse._SubParsersAction, name: str, summary: str, description: str, examples: str):
    """Register a sub-command whose help shows a description and examples."""
    return sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"examples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def say(message: str) -> None:
    """Progress and notes for people: stderr, so stdout stays clean for results."""
    print(message, file=sys.stderr, flush=True)


def read_graph(path: Path | None) -> NTriplesGraph:
    """Read a built graph (Turtle or N-Triples by extension) with Oxigraph; a clear error if it is missing or broken."""
    from tiltaksgraf.graph.triples import NTriplesGraph

    path = path or GRAPH_FILE
    fmt = "nt" if path.suffix == ".nt" else "turtle"
    try:
        return NTriplesGraph.from_file(path)
    except FileNotFoundError as exc:
        hint = "run `tiltaksgraf build` first" if path == GRAPH_FILE else "check the path"
        raise CommandError(f"no graph at {path} ({hint})") from exc
    except (SyntaxError, OSError) as exc:
        raise CommandError(f"{path} does not parse as {fmt}: {str(exc).splitlines()[0]}") from exc
