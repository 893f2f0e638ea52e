"""Helpers shared by the sub-commands: help formatting, loading a built graph, messages on stderr."""

from __future__ import annotations

import argparse
import math
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


def load_graph(path: Path | None) -> Graph:
    """Parse a built graph (Turtle or N-Triples by extension); a clear error if it is missing or broken."""
    path = path or GRAPH_FILE
    if not path.exists():
        hint = "run `tiltaksgraf build` first" if path == GRAPH_FILE else "check the path"
        raise CommandError(f"no graph at {path} ({hint})")
    fmt = "nt" if path.suffix == ".nt" else "turtle"
    if path.is_dir():
        raise CommandError(f"{path} is a folder: give a graph file (.ttl or .nt)")
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except OSError:
        raise  # unreadable: the CLI says why (permission denied …)
    except Exception as exc:  # rdflib raises several parser exception types
        first = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        raise CommandError(f"{path} does not parse as {fmt}: {first}") from exc
    if not len(graph):
        raise CommandError(f"{path} holds no triples: build a graph first (tiltaksgraf build)")
    return graph
