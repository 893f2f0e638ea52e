"""``tiltaksgraf trace``: one measure's story, or the whole continuation table, for planners."""

from __future__ import annotations

import argparse
import shutil
import sys

from tiltaksgraf.cli.commands.common import CommandError, add_command
from tiltaksgraf.cli.commands.source_args import add_source_arguments, open_source
from tiltaksgraf.graph.formats import render
from tiltaksgraf.graph.queries import QueryError
from tiltaksgraf.graph.trace import continuation_table, measure_story, story_text

EXAMPLES = """\
  tiltaksgraf trace 19                   measure 19: status, successor plan, the quoted commitment, …
  tiltaksgraf trace 27a --format md      one sub-measure, as Markdown
  tiltaksgraf trace                      every measure linked to the successor plan
  tiltaksgraf trace --format csv > continuation.csv
  tiltaksgraf trace 19 --endpoint http://127.0.0.1:7878/query
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "trace",
        "trace a measure (or all of them) into the successor plan",
        "With MEASURE: the measure's story — status and the sentence that says so, the link to the successor "
        "plan «Trygghet for alle» and the «Regjeringen vil …» commitment it quotes, the organisations by role, "
        "citations, cross-references and findings, each with its lines in the report. Without: the continuation "
        "table (measure,title,status,relation,evidence,commitment) of every measure linked to the successor "
        "plan. Both are SPARQL (the named queries measure-story and continuation-table).",
        EXAMPLES,
    )
    p.add_argument("measure", nargs="?", help="a measure's number as printed (19, or 27a for a sub-measure)")
    p.add_argument("-f", "--format", choices=("table", "csv", "md"), default="table", help="(default: %(default)s)")
    add_source_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        source = open_source(args)
        if args.measure is None:
            sys.stdout.write(render(continuation_table(source), args.format))
            return 0
        story = measure_story(source, args.measure)
    except QueryError as exc:
        raise CommandError(str(exc)) from exc
    if args.format == "table":
        sys.stdout.write(story_text(story, shutil.get_terminal_size((100, 24)).columns))
    else:
        sys.stdout.write(render(story, args.format))
    return 0
