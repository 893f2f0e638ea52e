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


#: Warnings of one kind on at least this many nodes are shown as one entry that lists the nodes.
COLLAPSE_AT = 3


def _kind(issue: Issue) -> tuple[str, str]:
    return (issue.shape, issue.path)


def collapsible(issues: list[Issue]) -> dict[tuple[str, str], list[Issue]]:
    """Warnings that say the same thing about many nodes (organisations of the registry that no role points
    to, say), by shape and property: the housekeeping a report should count, not repeat."""
    kinds: dict[tuple[str, str], list[Issue]] = {}
    for issue in issues:
        if issue.severity == "Warning":
            kinds.setdefault(_kind(issue), []).append(issue)
    return {k: v for k, v in kinds.items() if len(v) >= COLLAPSE_AT}


def _collapsed_lines(members: list[Issue], lang: str, width: int = 110) -> list[str]:
    """One entry for many warnings of one kind: the message once, then the nodes it is about."""
    nodes = [i.node for i in members]
    kind = nodes[0].split(" ", 1)[0]
    if all(n.startswith(kind + " ") for n in nodes):
        nodes = [n[len(kind) + 1 :] for n in nodes]
        caption = f"{len(members)} {kind}s" if not kind.endswith("s") else f"{len(members)} {kind}"
    else:
        caption = f"{len(members)} nodes"
    where = f" · {members[0].path}" if members[0].path else ""
    lines = ["", f"{caption}, one warning each"]
    lines.append(f"  {'warning':<9} each{where}")
    lines += [" " * 12 + line for line in textwrap.wrap(members[0].text(lang), width=width - 12)]
    lines += textwrap.wrap(", ".join(nodes), width=width, initial_indent=" " * 12, subsequent_indent=" " * 12)
    return lines


def warning_summary(result: ValidationResult, lang: str = "en") -> str:
    """The warnings in one line: how many of each kind, with the start of its message.

    «12 warnings: 11 × The organisation is in the registry, but no role …; 1 × No status rule matched …»
    """
    kinds: dict[tuple[str, str], list[Issue]] = {}
    for issue in result.warnings:
        kinds.setdefault(_kind(issue), []).append(issue)
    parts = [
        f"{len(v)} × {textwrap.shorten(v[0].text(lang), 60, placeholder=' …')}"
        for v in sorted(kinds.values(), key=lambda v: -len(v))
    ]
    return f"{len(result.warnings)} warning(s)" + (f": {'; '.join(parts)}" if parts else "")


def format_text(
    result: ValidationResult,
    lang: str = "en",
    source: str = "",
    limit: int | None = None,
    issues: list[Issue] | None = None,
    collapse: bool = True,
) -> str:
    """The report for people, grouped by measure and organisation; at most ``limit`` issues listed.

    With ``collapse``, warnings of one kind on many nodes (:func:`collapsible`) are one entry listing the
    nodes, after the others.
    """
    chosen = result.issues if issues is None else issues
    collapsed = collapsible(chosen) if collapse else {}
    many = {id(i) for members in collapsed.values() for i in members}
    lines = [headline(result, source)]
    shown = 0
    for group, members in result.by_group([i for i in chosen if id(i) not in many]).items():
        if limit is not None and shown >= limit:
            break
        lines += ["", result.captions.get(group, group)]
        for issue in members:
            if limit is not None and shown >= limit:
                break
            lines += issue_lines(issue, lang)
            shown += 1
    for members in collapsed.values():
        lines += _collapsed_lines(members, lang)
        shown += len(members)
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


def render(result: ValidationResult, fmt: str, lang: str = "en", source: str = "", verbose: bool = False) -> str:
    """The result in one of :data:`FORMATS` (``verbose``: in text, every warning on its own)."""
    if fmt == "text":
        return format_text(result, lang, source, collapse=not verbose)
    if fmt == "json":
        return format_json(result)
    if fmt in ("turtle", "jsonld"):
        return format_report(result, fmt)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
