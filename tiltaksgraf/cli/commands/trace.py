"""``tiltaksgraf trace``: one measure's story, or the whole continuation table, for planners."""

from __future__ import annotations

import argparse
import shutil
import sys

from tiltaksgraf.cli.commands.common import CommandError, add_command
from tiltaksgraf.cli.commands.source_args import add_source_arguments, open_source
from tiltaksgraf.graph.formats import render
from tiltaksgraf.graph.queries import QueryError
from tiltaksgraf.graph.trace import continuation_table, loose_ends, measure_story, story_text

EXAMPLES = """\
  tiltaksgraf trace 19                   measure 19: status, successor plan, the quoted commitment, …
  tiltaksgraf trace 27a --format md      one sub-measure, as Markdown
  tiltaksgraf trace 28                   «successor plan: not mentioned», said rather than left out
  tiltaksgraf trace                      every measure linked to the successor plan
  tiltaksgraf trace --format csv > continuation.csv
  tiltaksgraf trace --open -f md         the loose ends: unfinished, and no link to the successor plan
  tiltaksgraf trace 19 --endpoint http://127.0.0.1:7878/query
  tiltaksgraf trace 19 --plan frihet-fra-vold --graph corpus/graph.ttl   a graph of several plans
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "trace",
        "trace a measure (or all of them) into the successor plan",
        "With MEASURE: the measure's story — status and the sentence that says so (the other values the rules "
        "read, and the history when several reports give one), the link to the successor plan «Trygghet for "
        "alle» (the parts it covers, who follows it up, or «not mentioned») and the «Regjeringen vil …» "
        "commitment it quotes, the organisations by role, citations, cross-references and findings, each with "
        "its lines in the report. Without: the continuation table "
        "(measure,title,status,relation,parts,followed_up_by,evidence,commitment) of every measure linked to the "
        "successor plan. With --open: the loose ends (measure,title,status,evidence,lines), the measures and "
        "sub-measures in progress or not started with no link to the successor plan. All are SPARQL (the named "
        "queries measure-story, continuation-table and loose-ends).",
        EXAMPLES,
    )
    p.add_argument("measure", nargs="?", help="a measure's number as printed (19, or 27a for a sub-measure)")
    p.add_argument(
        "--open",
        action="store_true",
        help="list the loose ends: unfinished measures with no link to the successor plan, with their status evidence",
    )
    p.add_argument(
        "--plan",
        metavar="PLAN",
        help="in a graph of several plans: this plan only, by key or title (`tiltaksgraf queries --values plan`); "
        "MEASURE may also be written frihet-fra-vold/19",
    )
    p.add_argument("-f", "--format", choices=("table", "csv", "md"), default="table", help="(default: %(default)s)")
    add_source_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.open and args.measure is not None:
        raise CommandError("give either MEASURE or --open, not both (the loose ends are a list of measures)")
    try:
        source = open_source(args)
        if args.open:
            sys.stdout.write(render(loose_ends(source, args.plan), args.format))
            return 0
        if args.measure is None:
            sys.stdout.write(render(continuation_table(source, args.plan), args.format))
            return 0
        story = measure_story(source, args.measure, args.plan)
    except QueryError as exc:
        raise CommandError(str(exc)) from exc
    if args.format == "table":
        sys.stdout.write(story_text(story, shutil.get_terminal_size((100, 24)).columns))
    else:
        sys.stdout.write(render(story, args.format))
    return 0
