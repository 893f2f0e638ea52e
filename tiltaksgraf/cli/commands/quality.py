"""``tiltaksgraf quality``: the data-quality report on a source — what an analyst should know about the report."""

from __future__ import annotations

import argparse
from pathlib import Path

from tiltaksgraf.cli.commands.common import add_command, say
from tiltaksgraf.graph.build import build_graph
from tiltaksgraf.graph.quality_report import FORMATS, render_findings
from tiltaksgraf.graph.serialize import write_atomic
from tiltaksgraf.paths import DEFAULT_SOURCE, ORGANISATIONS_FILE

EXAMPLES = """\
  tiltaksgraf quality                                the embedded report, Markdown on stdout
  tiltaksgraf quality -o build/quality.md            the same, written to a file
  tiltaksgraf quality --format csv > findings.csv    one row per finding: measure,kind,lines,text,explanation
  tiltaksgraf quality my-report.md --format json
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "quality",
        "report what is inconsistent or wrong in the source itself",
        "List the findings about a final report itself: ministries and titles that differ between the overview "
        "table and the body, misspelt names, the successor plan with wrong years, footnotes cited twice or "
        "repeated out of place, footnote marks without text, numbers and footnote text left in the prose, and "
        "dates that cannot be right. Each item gives the measure, the source lines, the text and a plain "
        "explanation. The same findings are in the graph (`tiltaksgraf query findings`).",
        EXAMPLES,
    )
    p.add_argument(
        "source",
        nargs="?",
        type=Path,
        metavar="SOURCE",
        help=f"a report markdown file (default: {DEFAULT_SOURCE.name})",
    )
    p.add_argument("-f", "--format", choices=FORMATS, default="md", help="output format (default: %(default)s)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument(
        "--registry",
        type=Path,
        default=ORGANISATIONS_FILE,
        help="the registry of organisations whose skos:hiddenLabel misspellings are looked for "
        "(default: data/organisations.ttl)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    source = args.source or DEFAULT_SOURCE
    result = build_graph([source], registry_path=args.registry)
    report = result.reports[0]
    title = f"«{report.plan.title}», {report.title}"
    text = render_findings(result.findings, args.format, result.graph, title, report.source)
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
        say(f"{len(result.findings)} findings written to {args.output}")
    else:
        print(text, end="")
    return 0
