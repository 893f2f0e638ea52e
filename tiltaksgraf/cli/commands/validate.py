"""``tiltaksgraf validate``: check a built graph against the SHACL shapes and the SPARQL checks."""

from __future__ import annotations

import argparse
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command, read_graph, say
from tiltaksgraf.graph.serialize import write_atomic
from tiltaksgraf.graph.validation import ENGINES, ValidationError, validate_graph
from tiltaksgraf.graph.validation_format import FORMATS, headline, render
from tiltaksgraf.paths import GRAPH_FILE

EXAMPLES = """\
  tiltaksgraf validate                               build/graph.ttl, a report for people (exit 1 on violations)
  tiltaksgraf validate --lang nb                     the messages in Norwegian (bokmål)
  tiltaksgraf validate other/graph.nt -f turtle -o report.ttl   the standard SHACL report as Turtle
  tiltaksgraf validate -f json | jq '.issues[] | select(.severity == "Violation")'
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "validate",
        "check a graph against the SHACL shapes and SPARQL checks",
        "Validate a built graph against the shapes in ontology/shapes.ttl and the checks in "
        "queries/checks/*-violation.rq. The text report groups the problems by measure and organisation: "
        "which node, which property, what is wrong. Violations break the model; warnings are doubtful facts "
        "(a status no rule decided, an organisation nothing mentions). Exit codes: 0 the graph conforms "
        "(warnings allowed), 1 it has violations, 2 the graph is missing or does not parse.",
        EXAMPLES,
    )
    p.add_argument("graph", nargs="?", type=Path, metavar="GRAPH", help=f"Turtle or N-Triples (default: {GRAPH_FILE})")
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people, json (the issues), or the standard SHACL report as turtle or jsonld "
        "(default: %(default)s)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--lang", choices=("en", "nb"), default="en", help="language of the messages (default: %(default)s)")
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every warning on its own (by default warnings of one kind on many nodes are one entry)",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default=ENGINES[0],
        help="SHACL engine: pyshacl-turbo (fast) or pyshacl (the reference); both give the same report "
        "(default: %(default)s)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = args.graph or GRAPH_FILE
    graph = read_graph(path)  # through Oxigraph: no rdflib copy unless --engine pyshacl asks for one
    try:
        result = validate_graph(graph, engine=args.engine)
    except ValidationError as exc:
        raise CommandError(str(exc)) from exc
    text = render(result, args.format, args.lang, str(path), args.verbose)
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
        say(headline(result, str(path)))
        say(f"report written to {args.output}")
    else:
        print(text, end="")
    return 0 if result.conforms else 1
