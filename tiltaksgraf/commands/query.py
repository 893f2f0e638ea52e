"""``tiltaksgraf query`` and ``tiltaksgraf queries``: run named or ad-hoc SPARQL on the built graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.formats import FORMATS, render
from graph.queries import QueryError, get_query, named_queries, parse_header, run_query
from tiltaksgraf.commands.common import CommandError, add_command, load_graph

QUERY_EXAMPLES = """\
  tiltaksgraf query measures                           every measure (a table in the terminal)
  tiltaksgraf query measures --format csv > m.csv      the same as CSV
  tiltaksgraf query responsibility --format md         Markdown for a report or an issue
  tiltaksgraf query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
  tiltaksgraf query --file my-question.rq --graph other/graph.ttl
"""

LIST_EXAMPLES = """\
  tiltaksgraf queries              names, titles and parameters
  tiltaksgraf queries --verbose    with descriptions
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "query",
        "run a named query, or your own SPARQL",
        "Run a named query from queries/ (see `tiltaksgraf queries`), an inline query (-e) or a query file "
        "(--file) against the built graph, and print the rows.",
        QUERY_EXAMPLES,
    )
    p.add_argument("name", nargs="?", help="a named query (file name in queries/ without .rq)")
    p.add_argument("-e", "--expression", metavar="SPARQL", help="run this SPARQL SELECT query")
    p.add_argument("--file", type=Path, help="run the SPARQL SELECT query in this file")
    p.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a query parameter (repeatable); bound as an RDF term, never pasted into the query",
    )
    p.add_argument("--graph", type=Path, help="the graph to query (default: build/graph.ttl)")
    p.add_argument("-f", "--format", choices=FORMATS, default="table", help="output format (default: %(default)s)")
    p.add_argument("--limit", type=int, help="print at most this many rows")
    p.set_defaults(run=run)

    ls = add_command(sub, "queries", "list the named queries", "List the named queries in queries/.", LIST_EXAMPLES)
    ls.add_argument("-v", "--verbose", action="store_true", help="show descriptions too")
    ls.set_defaults(run=run_list)


def _params(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CommandError(f"--param takes NAME=VALUE, not {pair!r}")
        out[name.strip()] = value
    return out


def run(args: argparse.Namespace) -> int:
    chosen = [x for x in (args.name, args.expression, args.file) if x]
    if len(chosen) != 1:
        raise CommandError("give one of: a query NAME, -e 'SPARQL' or --file FILE (`tiltaksgraf queries` lists names)")
    try:
        if args.name:
            query = get_query(args.name)
        elif args.file:
            if not args.file.exists():
                raise CommandError(f"no query file at {args.file}")
            query = parse_header(args.file.stem, args.file, args.file.read_text(encoding="utf-8"))
        else:
            query = parse_header("expression", Path("-e"), args.expression)
        bindings = query.bindings(_params(args.param))
        table = run_query(load_graph(args.graph), query.text, bindings)
    except QueryError as exc:
        raise CommandError(str(exc)) from exc
    if args.limit is not None:
        table.rows = table.rows[: args.limit]
    sys.stdout.write(render(table, args.format))
    return 0


def run_list(args: argparse.Namespace) -> int:
    for name, q in named_queries().items():
        params = " ".join(
            f"--param {p.name}=<{p.type}>" + (f" (default {p.default})" if p.default else "") for p in q.params
        )
        print(f"{name:<22} {q.title}" + (f"   {params}" if params else ""))
        if args.verbose and q.description:
            print(f"{'':<22} {q.description}")
            print(f"{'':<22} columns: {', '.join(q.columns)}")
    return 0
