"""Helpers shared by the sub-commands: help formatting, loading a built graph, messages on stderr."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tiltaksgraf.paths import GRAPH_FILE

if TYPE_CHECKING:
    from tiltaksgraf.graph.triples import NTriplesGraph


class CommandError(Exception):
    """A usage or input problem; the CLI prints it as one line and exits with 2."""


def add_command(
    sub: argparse._SubParsersAction, name: str, summary: str, description: str, examples: str, **options
):
    """Register a sub-command whose help shows a description and examples (``options`` go to argparse)."""
    p = sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"examples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **options,
    )
    # `tiltaksgraf build --debug` as well as `tiltaksgraf --debug build`; not given here, the top-level value stands.
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


#: The longest time limit an option takes (11.6 days): longer is a typo, and overflows socket time-outs.
MAX_SECONDS = 1e6


def seconds(text: str) -> float:
    """An argparse type for a time limit: a finite number of seconds above 0 (``0``, ``-1``, ``nan`` are refused).

    >>> seconds("2.5")
    2.5
    >>> seconds("nan")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: takes a number of seconds above 0 (at most 1000000), not 'nan'
    """
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= MAX_SECONDS):
        raise argparse.ArgumentTypeError(f"takes a number of seconds above 0 (at most {MAX_SECONDS:.0f}), not {text!r}")
    return value


def say(message: str) -> None:
    """Progress and notes for people: stderr, so stdout stays clean for results."""
    print(message, file=sys.stderr, flush=True)


def read_graph(path: Path | None) -> NTriplesGraph:
    """Read a built graph (Turtle or N-Triples by extension) with Oxigraph; a clear error if it is missing or broken."""
    from tiltaksgraf.graph.triples import NTriplesGraph

    path = path or GRAPH_FILE
    fmt = "nt" if path.suffix == ".nt" else "turtle"
    if path.is_dir():
        raise CommandError(f"{path} is a folder: give a graph file (.ttl or .nt)")
    try:
        graph = NTriplesGraph.from_file(path)
    except FileNotFoundError as exc:
        hint = "run `tiltaksgraf build` first" if path == GRAPH_FILE else "check the path"
        raise CommandError(f"no graph at {path} ({hint})") from exc
    except SyntaxError as exc:
        raise CommandError(f"{path} does not parse as {fmt}: {str(exc).splitlines()[0]}") from exc
    # any other OSError (permission denied …): the CLI says why
    if not len(graph):
        raise CommandError(f"{path} holds no triples: build a graph first (tiltaksgraf build)")
    return graph
