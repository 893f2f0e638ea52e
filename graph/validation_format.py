"""Render a :class:`~graph.validation.ValidationResult`: text for people, JSON, or the standard report graph."""

from __future__ import annotations

import json
import textwrap

from tiltaksgraf.graph.serialize import bind_prefixes
from tiltaksgraf.graph.validation import Issue, ValidationResult

FORMATS = ("text", "turtle", "json", "jsonld")


def headline(result: ValidationResult, source: str = "") -> str:
    """One line: does it conform, how many violations and warnings, how it was checked."""
    verdict = "conforms" if result.conforms else "does NOT conform"
    where = f"{source}: " if source else ""
    return (
        f"{where}{verdict}: {len(result.violations)} violation(s), {len(result.warnings)} warning(s) "
        f"({result.triples} triples; SHACL shapes with {result.engine} and {len(result.checks)} SPARQL checks, "
        f"{result.seconds:.1f} s)"
    )


def issue_lines(issue: Issue, lang: str = "en", width: int = 110) -> list[str]:
    """Two or more lines: severity, node, property and value; then the message, wrapped."""
    where = issue.node + (f" · {issue.path}" if issue.path else "")
    value = f" = {issue.value}" if issue.value else ""
    first = f"  {issue.severity.lower():<9} {where}{value}"
    message = textwrap.wrap(issue.text(lang), width=width - 12) or [""]
    return [first, *(" " * 12 + line for line in message)]


def format_text(
    result: ValidationResult,
    lang: str = "en",
    source: str = "",
    limit: int | None = None,
    issues: list[Issue] | None = None,
) -> str:
    """The report for people, grouped by measure and organisation; at most ``limit`` issues listed."""
    chosen = result.issues if issues is None else issues
    lines = [headline(result, source)]
    shown = 0
    for group, members in result.by_group(chosen).items():
        if limit is not None and shown >= limit:
            break
        lines += ["", result.captions.get(group, group)]
        for issue in members:
            if limit is not None and shown >= limit:
                break
            lines += issue_lines(issue, lang)
            shown += 1
    if shown < len(chosen):
        lines += ["", f"… and {len(chosen) - shown} more (`tiltaksgraf validate` lists them all)"]
    return "\n".join(lines) + "\n"


def format_json(result: ValidationResult) -> str:
    """The result as a JSON document: verdict, counts and every issue with its group and messages."""
    doc = {
        "conforms": result.conforms,
        "violations": len(result.violations),
        "warnings": len(result.warnings),
        "triples": result.triples,
        "engine": result.engine,
        "checks": result.checks,
        "issues": [dict(i.as_dict(), caption=result.captions.get(i.group, i.group)) for i in result.issues],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_report(result: ValidationResult, fmt: str) -> str:
    """The standard SHACL validation report graph as Turtle or JSON-LD."""
    graph = bind_prefixes(result.report)
    graph.bind("sh", "http://www.w3.org/ns/shacl#")
    graph.bind("tgsh", "https://w3id.org/tiltaksgraf/shapes#")
    return graph.serialize(format="json-ld" if fmt == "jsonld" else "turtle")


def render(result: ValidationResult, fmt: str, lang: str = "en", source: str = "") -> str:
    """The result in one of :data:`FORMATS`."""
    if fmt == "text":
        return format_text(result, lang, source)
    if fmt == "json":
        return format_json(result)
    if fmt in ("turtle", "jsonld"):
        return format_report(result, fmt)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
