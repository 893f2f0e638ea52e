"""``tiltaksgraf query`` and ``tiltaksgraf queries``: run named or ad-hoc SPARQL on the graph or a server."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command
from tiltaksgraf.cli.commands.source_args import add_source_arguments, open_source
from tiltaksgraf.graph.formats import FORMATS, render
from tiltaksgraf.graph.params import choices, lookup_types
from tiltaksgraf.graph.queries import QueryError, get_query, named_queries, parse_header, run_named
from tiltaksgraf.graph.results import Table

QUERY_EXAMPLES = """\
  tiltaksgraf query measures                           every measure (a table in the terminal)
  tiltaksgraf query measures --format csv > m.csv      the same as CSV
  tiltaksgraf query measures-by-ministry --param ministry=BFD
  tiltaksgraf query organisation-pairs -p role=responsible -p focus_area=2
  tiltaksgraf query continuation-table --format md     Markdown for a report or an issue
  tiltaksgraf query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
  tiltaksgraf query --file my-question.rq --graph other/graph.ttl
  tiltaksgraf query measures --endpoint http://127.0.0.1:7878/query
"""

LIST_EXAMPLES = """\
  tiltaksgraf queries                       names, titles and parameters
  tiltaksgraf queries --verbose             with descriptions, columns and what each parameter means
  tiltaksgraf queries --values ministry     the values a ministry parameter accepts
  tiltaksgraf queries --values role --endpoint http://127.0.0.1:7878/query
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "query",
        "run a named query, or your own SPARQL",
        "Run a named query from queries/ (see `tiltaksgraf queries`), an inline query (-e) or a query file "
        "(--file) on the built graph (in the embedded store) or on a SPARQL endpoint, and print the rows. "
        "Parameters (--param NAME=VALUE) are bound as RDF terms, never pasted into the query; a query file "
        "or -e text declares its own with `# param:` header lines (queries/README.md).",
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
    p.add_argument("-f", "--format", choices=FORMATS, default="table", help="output format (default: %(default)s)")
    p.add_argument("--limit", type=int, help="print at most this many rows")
    add_source_arguments(p)
    p.set_defaults(run=run)

    ls = add_command(
        sub,
        "queries",
        "list the named queries",
        "List the named queries in queries/ with their parameters; --values TYPE lists what a parameter of "
        "that type accepts (read from the graph).",
        LIST_EXAMPLES,
    )
    ls.add_argument("-v", "--verbose", action="store_true", help="show descriptions, columns and parameter docs")
    ls.add_argument(
        "--values", metavar="TYPE", help=f"list the values of a parameter type ({', '.join(lookup_types())})"
    )
    add_source_arguments(ls)
    ls.set_defaults(run=run_list)


def params(pairs: list[str]) -> dict[str, str]:
    """``--param NAME=VALUE`` pairs as a dict; a malformed pair is an error."""
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
    values = params(args.param)
    try:
        if args.name:
            query = get_query(args.name)
        elif args.file:
            if not args.file.is_file():
                raise CommandError(f"no query file at {args.file}")
            data = args.file.read_bytes()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                raise CommandError(f"{args.file}:{line}: is not UTF-8 text: save the query as UTF-8") from exc
            query = parse_header(args.file.stem, args.file, text)
        else:
            query = parse_header("expression", Path("-e"), args.expression)
        query.check(values)  # before loading the graph: a wrong parameter name is found at once
        table = run_named(open_source(args), query, values)
    except QueryError as exc:
        raise CommandError(str(exc)) from exc
    if args.limit is not None:
        table.rows = table.rows[: args.limit]
    sys.stdout.write(render(table, args.format))
    return 0


def run_list(args: argparse.Namespace) -> int:
    if args.values:
        return list_values(args)
    for name, q in named_queries().items():
        print(f"{name:<30} {q.title}")
        for p in q.params:
            print(f"{'':<32}{p.usage()}" + (f": {p.doc}" if args.verbose else ""))
        if args.verbose:
            for line in textwrap.wrap(q.description, 100):
                print(f"{'':<32}{line}")
            print(f"{'':<32}columns: {', '.join(q.columns)}")
            print()
    return 0


def list_values(args: argparse.Namespace) -> int:
    try:
        options = choices(open_source(args), args.values)
    except QueryError as exc:
        raise CommandError(str(exc)) from exc
    table = Table(
        ["value", "also accepted", "IRI"],
        [[c.label, "; ".join(sorted(c.names - {c.label, c.term}, key=str.casefold)), c.term] for c in options],
    )
    sys.stdout.write(render(table, "table"))
    return 0
