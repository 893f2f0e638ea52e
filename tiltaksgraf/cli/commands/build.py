"""``tiltaksgraf build``: report files → checked graph in ``build/`` and a summary."""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from tiltaksgraf.cli.commands.common import CommandError, add_command, say
from tiltaksgraf.paths import BUILD_DIR, DEFAULT_SOURCE

if TYPE_CHECKING:
    from tiltaksgraf.graph.build import BuildResult
    from tiltaksgraf.loaders.model import Finding

#: How many violations (build refused) the build lists on stderr.
VIOLATIONS_SHOWN = 20

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
        "`tiltaksgraf validate`), and write build/graph.ttl (Turtle), build/graph.nt (sorted N-Triples), "
        "build/graph.jsonld (JSON-LD) and build/catalog.ttl (the dataset's DCAT-AP-NO description). "
        "Two builds of the same input are byte-identical. Nothing is written when a source is unusable "
        "or the graph built from it has violations (exit 2, naming the source line); a previous build stays as "
        "it was. The summary counts what was read, lists where the source disagrees with itself (differences "
        "of form only — «Sørg» for «Sørge», punctuation, case — in one line) and counts the warnings; -v shows "
        "everything.",
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
    quiet = p.add_mutually_exclusive_group()
    quiet.add_argument("-q", "--quiet", action="store_true", help="print only the one-line result")
    quiet.add_argument(
        "-v", "--verbose", action="store_true", help="show progress, every finding and every validation warning"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from concurrent.futures import ThreadPoolExecutor

    from tiltaksgraf.graph.build import build_graph, commit_outputs, render_outputs, source_line
    from tiltaksgraf.graph.validation import ValidationError, validate_graph
    from tiltaksgraf.graph.validation_format import format_text, warning_summary

    started = time.perf_counter()
    sources = args.sources or [DEFAULT_SOURCE]
    result = build_graph(sources, progress=say if args.verbose else None)
    if args.verbose:
        say("validating the graph")
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The files are rendered while the shapes are checked (in Rust, without the GIL), written only if the
        # graph conforms.
        rendered = pool.submit(render_outputs, result)
        try:
            validation = validate_graph(result.data)  # the N-Triples and the embedded store: no rdflib copy
        except ValidationError as exc:
            raise CommandError(str(exc)) from exc
        data = rendered.result()
    if not validation.conforms:
        # Everything in the graph came from the sources (and the shipped ontology): a violation is a problem of
        # the input, said with the source line it comes from.
        say(format_text(validation, limit=VIOLATIONS_SHOWN, issues=validation.violations).rstrip())
        where = sources[0] if len(sources) == 1 else "one of the sources"
        first = validation.violations[0]
        line = source_line(result.graph, first.focus)
        raise CommandError(
            f"{where}{f':{line}' if line else ''}: {first.node}: {first.text()} "
            f"({len(validation.violations)} violation(s) in all; nothing written, {args.out} is unchanged)"
        )
    if validation.warnings and args.verbose:
        say(format_text(validation, issues=validation.warnings, collapse=False).rstrip())
    written = commit_outputs(data, args.out)
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
    print(format_summary(summary, result, args.verbose))
    print(f"validation: 0 violations, {warning_summary(validation)}")
    if validation.warnings and not args.verbose:
        print("  (`tiltaksgraf validate` lists them)")
    print(f"written: {written['turtle']} and {written['ntriples']} in {elapsed:.1f} s")
    return 0


def _finding_line(f: Finding) -> str:
    where = f"line{'s' if '-' in str(f.span) else ''} {f.span}"
    what = f"measure {f.measure:>4} " if f.measure else ""
    return f"  {what}({where}): {f.kind}: {f.detail}"


def format_summary(summary: dict, result: BuildResult, verbose: bool = False) -> str:
    """The build summary as text for people; ``verbose`` lists every finding."""
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
        f"documents named: {sum(summary['documents'].values())} ("
        + ", ".join(f"{k} {v}" for k, v in summary["documents"].items())
        + ")",
        f"actors: {summary['organisations_named']} organisations and {summary['programmes_named']} programmes named "
        f"({summary['mentions']} mentions); roles: " + ", ".join(f"{k} {v}" for k, v in summary["roles"].items()),
    ]
    unresolved = result.unresolved
    if unresolved:
        lines.append(f"names the registry does not know ({len(unresolved)}; add them to data/organisations.ttl):")
        lines += [f"  line {u.line}: {u.text} («{u.context}»)" for u in unresolved]
    else:
        lines.append("unresolved names: none (every organisation-like name is in the registry)")
    disagreements, trivial = result.disagreements(), result.trivial_disagreements()
    if disagreements:
        lines.append(f"the source disagrees with itself ({len(disagreements)}):")
        lines += [_finding_line(f) for f in disagreements]
    if trivial:
        measures = ", ".join(str(f.measure) for f in trivial)
        lines.append(
            f"titles that differ only in form («Sørg» for «Sørge», punctuation, case): {len(trivial)} "
            f"(measures {measures})" + ("" if verbose else "; -v lists them")
        )
        if verbose:
            lines += [_finding_line(f) for f in trivial]
    listed = {id(f) for f in disagreements + trivial}
    others = [f for f in result.findings if id(f) not in listed]
    if others:
        counts = Counter(f.kind for f in others)
        lines.append("other findings about the source: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        if verbose:
            lines += [_finding_line(f) for f in others]
        else:
            lines.append("  (details: `tiltaksgraf quality`, or `tiltaksgraf build -v`)")
    return "\n".join(lines)
