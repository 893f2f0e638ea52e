"""``tiltaksgraf build``: report files → checked graph in ``build/`` and a summary."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command, say
from tiltaksgraf.paths import BUILD_DIR, DEFAULT_SOURCE

#: How many violations (build refused) and warnings (build written) the build lists on stderr.
VIOLATIONS_SHOWN = 20
WARNINGS_SHOWN = 5

EXAMPLES = """\
  tiltaksgraf build                                  the embedded report → build/graph.ttl
  tiltaksgraf build my-report.md -o out/             another report of the same genre
  tiltaksgraf build --summary-json build/summary.json
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "build",
        "build the graph from report files",
        "Parse final reports into the knowledge graph, validate it (the SHACL shapes and SPARQL checks of "
        "`tiltaksgraf validate`), and write build/graph.ttl (Turtle) and build/graph.nt (sorted N-Triples). "
        "Two builds of the same input are byte-identical. Nothing is written when a source is unusable "
        "(exit 2) or the graph has violations (exit 1); a previous build stays as it was. Warnings are "
        "counted, the first few listed, and the graph is written.",
        EXAMPLES,
    )
    p.add_argument(
        "sources",
        nargs="*",
        type=Path,
        metavar="SOURCE",
        help=f"report markdown files (default: the embedded {DEFAULT_SOURCE.name})",
    )
    p.add_argument("-o", "--out", type=Path, default=BUILD_DIR, help="output folder (default: %(default)s)")
    p.add_argument("--summary-json", type=Path, help="also write the summary as JSON to this file")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the one-line result")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tiltaksgraf.graph.build import build_graph, write_outputs
    from tiltaksgraf.graph.validation import ValidationError, validate_graph
    from tiltaksgraf.graph.validation_format import format_text

    started = time.perf_counter()
    sources = args.sources or [DEFAULT_SOURCE]
    result = build_graph(sources, progress=None if args.quiet else say)
    if not args.quiet:
        say("validating the graph")
    try:
        validation = validate_graph(result.data)  # the N-Triples and the embedded store: no rdflib copy
    except ValidationError as exc:
        raise CommandError(str(exc)) from exc
    if not validation.conforms:
        say(format_text(validation, limit=VIOLATIONS_SHOWN, issues=validation.violations).rstrip())
        say(f"nothing written: the graph has {len(validation.violations)} violation(s); {args.out} is unchanged")
        return 1
    if validation.warnings and not args.quiet:
        say(format_text(validation, limit=WARNINGS_SHOWN, issues=validation.warnings).rstrip())
    written = write_outputs(result, args.out)
    summary = result.summary()
    if args.summary_json:
        from tiltaksgraf.graph.serialize import write_atomic

        write_atomic(args.summary_json, json.dumps(summary, ensure_ascii=False, indent=2).encode("utf-8"))
    elapsed = time.perf_counter() - started
    if args.quiet:
        print(
            f"{written['turtle']}: {summary['triples']} triples, {summary['measures']} measures, "
            f"{len(validation.warnings)} warning(s) ({elapsed:.1f} s)"
        )
        return 0
    print(format_summary(summary, result.disagreements(), result.findings, result.unresolved))
    print(f"written: {written['turtle']} and {written['ntriples']} in {elapsed:.1f} s")
    return 0


def format_summary(summary: dict, disagreements: list, findings: list, unresolved: list) -> str:
    """The build summary as text for people."""
    lines = [
        f"sources: {', '.join(summary['sources'])}",
        f"focus areas: {summary['focus_areas']}   measures: {summary['measures']}   "
        f"with sub-measures: {summary['measures_with_submeasures']} ({summary['submeasures']} sub-measures, "
        f"{summary['submeasure_statuses']} with their own status)",
        "status: " + ", ".join(f"{k} {v}" for k, v in summary["status"].items()),
        "successor plan: "
        + ", ".join(f"{k} {v}" for k, v in summary["continuation"].items())
        + f"   «regjeringen vil» commitments: {summary['commitments']}",
        f"cross-references: {summary['cross_references']}   footnotes: {summary['footnotes']}   "
        f"publications: {summary['publications']}   triples: {summary['triples']}",
        f"actors: {summary['organisations_named']} organisations and {summary['programmes_named']} programmes named "
        f"({summary['mentions']} mentions); roles: " + ", ".join(f"{k} {v}" for k, v in summary["roles"].items()),
    ]
    if unresolved:
        lines.append(f"names the registry does not know ({len(unresolved)}; add them to data/organisations.ttl):")
        lines += [f"  line {u.line}: {u.text} («{u.context}»)" for u in unresolved]
    else:
        lines.append("unresolved names: none (every organisation-like name is in the registry)")
    if disagreements:
        lines.append(f"the source disagrees with itself ({len(disagreements)}):")
        lines += [f"  measure {f.measure:>4} (line {f.span}): {f.kind}: {f.detail}" for f in disagreements]
    others = [f for f in findings if f not in disagreements]
    if others:
        lines.append(
            "other findings about the source: "
            + ", ".join(
                f"{k} {v}" for k, v in summary["findings"].items() if not k.startswith(("responsibility", "title"))
            )
        )
        lines.append("  (details: `tiltaksgraf query findings`)")
    return "\n".join(lines)
