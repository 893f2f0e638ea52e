"""The data-quality report on a source: every finding with its measure, lines, text and explanation.

The findings are the ones the build puts into the graph (``tg:SourceFinding``); this module only orders
and renders them, as Markdown grouped by kind (with the kind's label and definition from
``ontology/schemes/finding.ttl``), or as a flat CSV or JSON table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph.formats import render
from tiltaksgraf.graph.queries import Table
from tiltaksgraf.graph.vocab import FINDING, SKOS
from tiltaksgraf.loaders.model import Finding

FORMATS = ("md", "csv", "json")
FINDING_SCHEME = URIRef(str(FINDING).rstrip("/"))
COLUMNS = ["measure", "kind", "lines", "text", "explanation"]
#: The order of kinds in the report: what the source says twice and differently, then what is missing or
#: misplaced, then wrong dates and names, then what the rules could not decide.
KIND_ORDER = (
    "responsibility-differs",
    "responsibility-missing-body-line",
    "title-differs",
    "title-differs-trivially",
    "missing-in-overview",
    "missing-in-body",
    "unknown-ministry",
    "publication-cited-twice",
    "repeated-footnote-off-topic",
    "footnote-mark-without-text",
    "footnote-text-without-mark",
    "footnote-text-in-prose",
    "stray-number-in-prose",
    "date-after-report",
    "impossible-date-order",
    "successor-plan-wrong-years",
    "misspelt-plan-name",
    "misspelt-organisation-name",
    "status-empty",
    "status-undetermined",
    "status-letter-inferred",
)


@dataclass(frozen=True)
class Kind:
    """A kind of finding as the scheme names and defines it."""

    notation: str
    label: str
    definition: str


def kinds(graph: Graph, lang: str = "en") -> dict[str, Kind]:
    """The finding kinds of the scheme in ``graph``, by notation, labelled in ``lang``."""

    def text(node, prop) -> str:
        values = [v for v in graph.objects(node, prop) if isinstance(v, Literal)]
        chosen = [v for v in values if v.language == lang] or values
        return str(chosen[0]) if chosen else ""

    out = {}
    for concept in graph.subjects(SKOS.inScheme, FINDING_SCHEME):
        notation = text(concept, SKOS.notation)
        out[notation] = Kind(notation, text(concept, SKOS.prefLabel), text(concept, SKOS.definition))
    return out


def _order(f: Finding) -> tuple:
    rank = KIND_ORDER.index(f.kind) if f.kind in KIND_ORDER else len(KIND_ORDER)
    return (rank, f.kind, f.span.start if f.span else 0, f.measure or "")


def ordered(findings: list[Finding]) -> list[Finding]:
    """Findings by kind (in :data:`KIND_ORDER`), then by line."""
    return sorted(findings, key=_order)


def table(findings: list[Finding]) -> Table:
    """One row per finding: measure, kind, lines, text, explanation."""
    return Table(
        list(COLUMNS),
        [[f.measure or "", f.kind, str(f.span) if f.span else "", f.text, f.detail] for f in ordered(findings)],
    )


def _cell(text: str, width: int | None = None) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if width is None or len(text) <= width else text[: width - 1].rstrip() + "…"


def markdown(findings: list[Finding], known: dict[str, Kind], title: str, source: str) -> str:
    """The report in Markdown: a summary table of kinds, then one section per kind."""
    counts = Counter(f.kind for f in findings)
    by_kind: dict[str, list[Finding]] = {}
    for f in ordered(findings):
        by_kind.setdefault(f.kind, []).append(f)
    lines = [
        f"# Data quality of the source: {title}",
        "",
        f"Source: `{source}`. {len(findings)} findings of {len(by_kind)} kinds about the report itself: where it "
        "disagrees with itself, what is missing or misplaced, and wrong dates and names. Each finding is also "
        "in the graph as a `tg:SourceFinding` on its measure (`tiltaksgraf query findings`).",
        "",
        "| kind | findings |",
        "|---|---|",
    ]
    for kind in by_kind:
        label = known[kind].label if kind in known else kind
        lines.append(f"| [{label}](#{kind}) (`{kind}`) | {counts[kind]} |")
    for kind, items in by_kind.items():
        info = known.get(kind, Kind(kind, kind, ""))
        lines += ["", f'<a id="{kind}"></a>', f"## {info.label[:1].upper()}{info.label[1:]} ({len(items)})", ""]
        if info.definition:
            lines += [info.definition, ""]
        lines += ["| measure | lines | text | explanation |", "|---|---|---|---|"]
        for f in items:
            where = str(f.span) if f.span else ""
            lines.append(f"| {f.measure or '—'} | {where} | {_cell(f.text, 240)} | {_cell(f.detail)} |")
    return "\n".join(lines) + "\n"


def render_findings(
    findings: list[Finding], fmt: str, graph: Graph | None = None, title: str = "", source: str = ""
) -> str:
    """The findings in one of :data:`FORMATS` (Markdown needs the graph for the kinds' labels)."""
    if fmt == "md":
        return markdown(findings, kinds(graph) if graph is not None else {}, title, source)
    if fmt in ("csv", "json"):
        return render(table(findings), "records" if fmt == "json" else fmt)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
