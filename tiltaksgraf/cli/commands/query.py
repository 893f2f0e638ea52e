"""``tiltaksgraf query`` and ``tiltaksgraf queries``: run named or ad-hoc SPARQL on the graph or a server."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command
from tiltaksgraf.cli.commands.source_args import add_source_arguments, open_source
from tiltaksgraf.graph.formats import FORMATS, render
from tiltaksgraf.graph.params import PLAIN_TYPES, choices, lookup_types
from tiltaksgraf.graph.queries import NamedQuery, QueryError, get_query, named_queries, parse_header
from tiltaksgraf.graph.results import Table, Term, plain
from tiltaksgraf.graph.sources import run_sparql

QUERY_EXAMPLES = """\
  tiltaksgraf query measures                           every measure (a table in the terminal)
  tiltaksgraf query measures --format csv > m.csv      the same as CSV
  tiltaksgraf query measures-by-ministry --param ministry=BFD
  tiltaksgraf query measures-by-status -p status=not_started -p status=discontinued
  tiltaksgraf query organisation-pairs -p role=responsible -p focus_area=2 -f records
  tiltaksgraf query measures-by-status --help          the query's parameters, columns and an example
  tiltaksgraf query -e 'SELECT (COUNT(?m) AS ?n) WHERE { ?m a tg:Measure }'
  tiltaksgraf query -e 'ASK { tgorg:nkvts ?p ?o }'
  tiltaksgraf query -e 'DESCRIBE tgorg:nkvts' -f turtle
  tiltaksgraf query --file my-question.rq --graph other/graph.ttl
  tiltaksgraf query measures --endpoint http://127.0.0.1:7878/query
"""

LIST_EXAMPLES = """\
  tiltaksgraf queries                       names, titles and parameters
  tiltaksgraf queries --verbose             with descriptions, columns and what each parameter means
  tiltaksgraf queries measures-by-status    one query: parameters, columns and an example
  tiltaksgraf queries --values ministry     the values a ministry parameter accepts
  tiltaksgraf queries --values role --endpoint http://127.0.0.1:7878/query
"""

FORMAT_HELP = (
    "table (default, for people), csv, tsv, json (W3C SPARQL 1.1 Query Results JSON), records (a JSON array of "
    "objects, numbers as numbers), md (Markdown); for CONSTRUCT and DESCRIBE: turtle (default), ntriples, jsonld"
)


def limit(text: str) -> int:
    """``--limit``: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"takes a whole number, 0 or more, not {text!r}")
    return value


class QueryHelp(argparse.Action):
    """``-h``: the command's help, or with a query NAME before it that query's parameters, columns and example."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        name = getattr(namespace, "name", None)
        if not name:
            parser.print_help()
            parser.exit()
        try:
            query = get_query(name)
        except QueryError as exc:
            parser.exit(2, f"tiltaksgraf query: error: {exc}\n")
        sys.stdout.write(query_help(query))
        parser.exit()


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "query",
        "run a named query, or your own SPARQL",
        "Run a named query from queries/ (see `tiltaksgraf queries`), an inline query (-e) or a query file "
        "(--file) on the built graph (in the embedded store) or on a SPARQL endpoint, and print the answer. "
        "`tiltaksgraf query NAME --help` shows a named query's parameters, columns and an example. "
        "Parameters (--param NAME=VALUE) are bound as RDF terms, never pasted into the query; a repeatable "
        "parameter given several times answers for each value. A query file or -e text declares its own with "
        "`# param:` header lines (queries/README.md). Your own SPARQL may be SELECT, ASK, CONSTRUCT or "
        "DESCRIBE, and may use the project's prefixes (tg:, tgorg:, status:, role: …) and the standard ones "
        "(rdf:, rdfs:, skos:, prov:, dcterms: …) without declaring them.",
        QUERY_EXAMPLES,
        add_help=False,  # -h is QueryHelp
    )
    p.add_argument("-h", "--help", action=QueryHelp, help="show this help; after a NAME: that query's help")
    p.add_argument("name", nargs="?", help="a named query (file name in queries/ without .rq)")
    p.add_argument("-e", "--expression", metavar="SPARQL", help="run this SPARQL query")
    p.add_argument("--file", type=Path, help="run the SPARQL query in this file")
    p.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a query parameter; bound as an RDF term, never pasted into the query; repeat it for several values "
        "where the query's help says «repeatable»",
    )
    p.add_argument("-f", "--format", choices=FORMATS, default="table", metavar="FORMAT", help=FORMAT_HELP)
    p.add_argument("--limit", type=limit, metavar="N", help="print at most N rows (a whole number, 0 or more)")
    add_source_arguments(p)
    p.set_defaults(run=run)

    ls = add_command(
        sub,
        "queries",
        "list the named queries",
        "List the named queries in queries/ with their parameters; with a NAME, one query's parameters, columns "
        "and an example; --values TYPE lists what a parameter of that type accepts (read from the graph).",
        LIST_EXAMPLES,
    )
    ls.add_argument("name", nargs="?", help="show this query's parameters, columns and an example")
    ls.add_argument("-v", "--verbose", action="store_true", help="show descriptions, columns and parameter docs")
    ls.add_argument(
        "--values", metavar="TYPE", help=f"list the values of a parameter type ({', '.join(lookup_types())})"
    )
    add_source_arguments(ls)
    ls.set_defaults(run=run_list)


def params(pairs: list[str]) -> dict[str, list[str]]:
    """``--param NAME=VALUE`` pairs, the values of each name in the order given; a malformed pair is an error."""
    out: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CommandError(f"--param takes NAME=VALUE, not {pair!r}")
        out.setdefault(name.strip(), []).append(value)
    return out


def example(query: NamedQuery) -> str:
    """The command line of the query's example (its ``example:`` header, or its defaults spelt out)."""
    args = query.example or " ".join(f"-p {p.name}={p.default}" for p in query.params if p.default)
    return f"tiltaksgraf query {query.name} {args}".rstrip()


def query_help(query: NamedQuery, width: int = 100) -> str:
    """One named query for people: title, description, parameters, columns and an example."""
    lines = [f"tiltaksgraf query {query.name}: {query.title}", ""]
    lines += [*textwrap.wrap(query.description, width), ""]
    if query.params:
        lines.append("parameters (-p NAME=VALUE):")
        for p in query.params:
            facts = [f"default {p.default}" if p.default else "optional" if p.optional else "required"]
            if p.repeatable:
                facts.append("repeatable: give it several times for several values")
            lines.append(f"  {p.name}={p.type.upper()}  ({'; '.join(facts)})")
            lines += textwrap.wrap(p.doc, width, initial_indent="      ", subsequent_indent="      ")
            if p.type not in PLAIN_TYPES:
                lines.append(f"      the values: tiltaksgraf queries --values {p.type}")
    else:
        lines.append("parameters: none")
    lines += ["", "columns:", *textwrap.wrap(", ".join(query.columns), width, initial_indent="  ")]
    lines += ["", "example:", f"  {example(query)}", ""]
    lines.append("Formats, --limit and where to query: tiltaksgraf query --help")
    return "\n".join(lines) + "\n"


def _query(args: argparse.Namespace) -> NamedQuery:
    if args.name:
        if "=" in args.name:
            raise CommandError(f"{args.name!r} looks like a parameter: give it as -p {args.name} after the query name")
        return get_query(args.name)
    if args.file:
        if not args.file.is_file():
            raise CommandError(f"no query file at {args.file}")
        data = args.file.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise CommandError(f"{args.file}:{line}: is not UTF-8 text: save the query as UTF-8") from exc
        return parse_header(args.file.stem, args.file, text)
    return parse_header("expression", Path("-e"), args.expression)


def run(args: argparse.Namespace) -> int:
    chosen = [x for x in (args.name, args.expression, args.file) if x]
    if len(chosen) != 1:
        raise CommandError("give one of: a query NAME, -e 'SPARQL' or --file FILE (`tiltaksgraf queries` lists names)")
    values = params(args.param)
    try:
        query = _query(args)
        query.check(values)  # before loading the graph: a wrong parameter name is found at once
        source = open_source(args)
        answer = run_sparql(source, query.text, query.bindings(values, source))
        if args.name and not isinstance(answer, Table):
            raise QueryError(f"{query.path} is a named query, and named queries are SELECT queries")
        if args.limit is not None and isinstance(answer, Table):
            answer = answer.head(args.limit)
        text = render(answer, args.format)
    except QueryError as exc:
        raise CommandError(str(exc)) from exc
    sys.stdout.write(text)
    return 0


def run_list(args: argparse.Namespace) -> int:
    if args.values:
        return list_values(args)
    try:
        if args.name:
            sys.stdout.write(query_help(get_query(args.name)))
            return 0
    except QueryError as exc:
        raise CommandError(str(exc)) from exc
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
    rows = [[c.label, "; ".join(sorted(c.names - {c.label, c.term}, key=str.casefold)), c.term] for c in options]
    terms = [[plain(label), plain(names), Term("uri", iri)] for label, names, iri in rows]
    table = Table(["value", "also accepted", "IRI"], rows, terms)
    sys.stdout.write(render(table, "table"))
    return 0

