"""Read everything the site shows from the graph, through the SPARQL queries of ``queries/site/``.

:func:`load_site_data` runs each query once on any query source (the embedded store, an rdflib Graph or an
endpoint) and links the rows into records: a measure knows its statuses, roles, references both ways,
findings and footnotes; an organisation its children. Nothing here knows a role, status or kind by name:
they are IRIs of the graph's SKOS schemes, labelled from the schemes themselves.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from tiltaksgraf.graph.networks.data import measure_key
from tiltaksgraf.graph.queries import NamedQuery, Table, named_queries
from tiltaksgraf.graph.site.records import (
    Association,
    Commitment,
    Concept,
    Continuation,
    CrossReference,
    Document,
    DocumentMention,
    Finding,
    FocusArea,
    Footnote,
    Measure,
    MentionOnly,
    OntologyTerm,
    Organisation,
    Plan,
    Programme,
    Quote,
    Reading,
    Status,
)
from tiltaksgraf.graph.sources import Source, run_query
from tiltaksgraf.graph.trace import continuation_table

from tiltaksgraf.paths import QUERIES_DIR

SITE_QUERIES = QUERIES_DIR / "site"


#: Named queries of ``queries/`` the site reads as they are (the planner's list is one list, wherever it shows).
NAMED = ("loose-ends",)


def site_queries(folder: Path = SITE_QUERIES) -> dict[str, NamedQuery]:
    """The site's queries by name (``describe`` is the CBD's CONSTRUCT query, run by :mod:`graph.cbd`)."""
    return named_queries(folder)


@dataclass
class SiteData:
    """The graph as the site sees it."""

    plans: dict[str, Plan]
    focus_areas: dict[str, FocusArea]
    measures: dict[str, Measure]  # in plan order: 1, 2, …, 27, 27a, …
    organisations: dict[str, Organisation]
    programmes: dict[str, Programme]
    documents: dict[str, Document]
    concepts: dict[str, Concept]
    findings: list[Finding]
    footnotes: list[Footnote]
    loose_ends: list[tuple[str, str, Quote]]  # (measure, status, status sentence)
    continuation_table: Table
    triples: int
    schemes: dict[str, list[str]] = field(default_factory=dict)  # scheme IRI → its concepts
    terms: dict[str, OntologyTerm] = field(default_factory=dict)  # the ontology's classes and properties
    scheme_labels: dict[str, Concept] = field(default_factory=dict)  # scheme IRI → its labels and definitions

    @cached_property
    def by_notation(self) -> dict[tuple[str, str], str]:
        """(the scheme's last path segment, a notation) → the concept: ``("status", "completed")`` → its IRI."""
        return notation_index(self.concepts)

    def numbered(self) -> list[Measure]:
        """The measures that are not parts of another, in plan order."""
        return [m for m in self.measures.values() if not m.parent]

    def plan_of_kind(self, kind: str) -> Plan | None:
        return next((p for p in self.plans.values() if p.kind == kind), None)


def notation_index(concepts: dict[str, Concept]) -> dict[tuple[str, str], str]:
    """(scheme name, notation) → concept IRI, for the named queries that answer with notations."""
    return {(c.scheme.rsplit("/", 1)[-1], c.notation): c.iri for c in concepts.values()}


def _records(source: Source, query: NamedQuery) -> list[dict[str, str]]:
    table = run_query(source, query.text)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def _quote(row: dict[str, str]) -> Quote:
    return Quote(row.get("quote", ""), row.get("start", ""), row.get("end", ""))


def _lines_quote(text: str, lines: str) -> Quote:
    """A quote from a named query's ``evidence`` and ``lines`` («238» or «238-240»)."""
    start, _, end = lines.partition("-")
    return Quote(text, start, end or start)


def _split(value: str) -> list[str]:
    return [v for v in value.split(" | ") if v]


def _concepts(rows: list[dict[str, str]]) -> dict[str, Concept]:
    out: dict[str, Concept] = {}
    for r in rows:
        c = out.setdefault(r["concept"], Concept(r["concept"], r["scheme"], r["notation"], {}, {}))
        c.labels[r["lang"] or "nb"] = r["label"]
        if r["definition"]:
            c.definitions[r["lang"] or "nb"] = r["definition"]
    return out


def _measures(q: dict[str, list[dict[str, str]]]) -> dict[str, Measure]:
    measures = {
        r["measure"]: Measure(
            r["measure"],
            r["number"],
            r["parent"],
            r["title"],
            r["body_title"],
            r["focus_area"],
            r["plan"],
            r["description"],
            r["status_text"],
            r["start"],
            r["end"],
        )
        for r in sorted(q["measures"], key=lambda r: measure_key(r["number"]))
    }
    for m in measures.values():
        if m.parent in measures:
            measures[m.parent].parts.append(m.iri)
    # one row per assessment and per link: an assessment with several readings quotes the first sentence here
    assessments: dict[str, Status] = {}
    for r in q["statuses"]:
        if r["assessment"] not in assessments:
            status = Status(
                r["assessment"],
                r["status"],
                r["date"],
                r["rule"],
                _quote(r),
                current=r["current"] == "yes",
                contested=r["contested"] == "yes",
                reason=r["reason"],
            )
            assessments[r["assessment"]] = status
            measures[r["measure"]].statuses.append(status)
    for r in q["status-readings"]:
        if r["assessment"] in assessments:
            assessments[r["assessment"]].readings.append(
                Reading(r["reading"], r["status"], r["rule"], r["about"] == "yes", r["chosen"] == "yes", _quote(r))
            )
    for r in q["continuations"]:
        if (r["relation"], r["plan"]) not in {(c.relation, c.plan) for c in measures[r["measure"]].continuations}:
            owner_quote = Quote(r["owner_quote"], r["owner_start"], r["owner_start"])
            measures[r["measure"]].continuations.append(
                Continuation(
                    r["relation"],
                    r["plan"],
                    r["rule"],
                    _quote(r),
                    tuple(_split(r["parts"])),
                    r["owner"],
                    r["owner_name"],
                    owner_quote,
                )
            )
    for r in q["commitments"]:
        measures[r["measure"]].commitments.append(
            Commitment(r["commitment"], r["text"], r["quoted"] == "true", r["plan"], _quote(r))
        )
    for r in q["associations"]:
        if r["measure"] in measures:
            measures[r["measure"]].associations.append(
                Association(
                    r["measure"],
                    r["agent"],
                    r["role"],
                    r["responsibility"] == "yes",
                    r["stated_in"],
                    r["rule"],
                    _quote(r),
                )
            )
    for r in q["mentions"]:
        if r["measure"] in measures:
            measures[r["measure"]].mentions[r["agent"]] = int(r["times"] or 0)
    for r in q["mention-only"]:
        if r["measure"] in measures:
            measures[r["measure"]].named.append(MentionOnly(r["measure"], r["org"], r["rule"], _quote(r)))
    for r in q["cross-references"]:
        ref = CrossReference(r["source"], r["target"], r["cue"], _quote(r))
        if ref.source in measures:
            measures[ref.source].refers_to.append(ref)
        if ref.target in measures:
            measures[ref.target].referred_by.append(ref)
    return measures


def _organisations(rows: list[dict[str, str]]) -> dict[str, Organisation]:
    orgs = {
        r["org"]: Organisation(
            r["org"],
            r["acronym"],
            {lang: r[f"name_{lang}"] for lang in ("nb", "en") if r[f"name_{lang}"]},
            _split(r["types"]),
            r["parent"],
            _split(r["former"]),
            _split(r["other"]),
            _split(r["sources"]),
        )
        for r in rows
    }
    for o in orgs.values():
        if o.parent in orgs:
            orgs[o.parent].children.append(o.iri)
    return orgs


def _documents(rows: list[dict[str, str]]) -> dict[str, Document]:
    out = {}
    for r in rows:
        titles = {lang: r[f"title_{lang}"] for lang in ("nb", "en") if r[f"title_{lang}"]}
        if not titles and r["title"]:
            titles[""] = r["title"]
        out[r["document"]] = Document(
            r["document"],
            r["kind"],
            r["designation"],
            titles,
            r["short"],
            r["subtitle"],
            r["authors"],
            r["year"],
            r["date"],
            r["in_force"],
            r["publisher"],
            r["publisher_name"],
            _split(r["creators"]),
            r["series"],
            r["citation"],
            r["part_of"],
            r["replaces"],
            r["subject"],
            _split(r["links"]),
        )
    return out


def _schemes(rows: list[dict[str, str]]) -> dict[str, Concept]:
    out: dict[str, Concept] = {}
    for r in rows:
        c = out.setdefault(r["scheme"], Concept(r["scheme"], "", "", {}, {}))
        c.labels[r["lang"] or "nb"] = r["label"]
        if r["definition"]:
            c.definitions[r["lang"] or "nb"] = r["definition"]
    return out


def _terms(rows: list[dict[str, str]]) -> dict[str, OntologyTerm]:
    out: dict[str, OntologyTerm] = {}
    for r in rows:
        t = out.setdefault(r["term"], OntologyTerm(r["term"], r["kind"], {}, {}, r["domain"], r["range"], r["parent"]))
        t.labels[r["lang"] or "nb"] = r["label"]
        if r["definition"]:
            t.definitions[r["lang"] or "nb"] = r["definition"]
    return out


def load_site_data(source: Source) -> SiteData:
    """Run the site's queries (and the named queries it shows: :data:`NAMED`) on ``source``; link the rows."""
    queries = {name: query for name, query in site_queries().items() if name != "describe"}
    everything = named_queries()
    queries.update({name: everything[name] for name in NAMED})
    q = {name: _records(source, query) for name, query in queries.items()}
    measures = _measures(q)
    findings = [Finding(r["finding"], r["kind"], r["subject"], r["detail"], _quote(r)) for r in q["findings"]]
    for f in findings:
        if f.subject in measures:
            measures[f.subject].findings.append(f)
    footnotes = [
        Footnote(r["footnote"], r["number"], r["text"], r["line"], r["measure"], r["document"], _quote(r))
        for r in q["citations"]
    ]
    documents = _documents(q["documents"])
    for r in q["document-mentions"]:
        mention = DocumentMention(
            r["measure"], r["document"], r["how"], r["named_as"], r["footnote"], r["rule"], _quote(r)
        )
        if mention.measure in measures:
            measures[mention.measure].documents.append(mention)
        if mention.document in documents:
            documents[mention.document].mentions.append(mention)
    for note in footnotes:
        if note.measure in measures:
            measures[note.measure].footnotes.append(note)
        if note.document in documents:
            documents[note.document].footnotes.append(note)
    concepts = _concepts(q["concepts"])
    schemes: dict[str, list[str]] = defaultdict(list)
    for c in concepts.values():
        schemes[c.scheme].append(c.iri)
    by_number = {m.number: m.iri for m in measures.values()}
    status_of = notation_index(concepts)
    loose_ends = [
        (by_number[r["measure"]], status_of.get(("status", r["status"]), ""), _lines_quote(r["evidence"], r["lines"]))
        for r in q["loose-ends"]
        if r["measure"] in by_number
    ]
    return SiteData(
        plans={r["resource"]: Plan(*(r[c] for c in queries["plans"].columns)) for r in q["plans"]},
        focus_areas={r["area"]: FocusArea(*(r[c] for c in queries["focus-areas"].columns)) for r in q["focus-areas"]},
        measures=measures,
        organisations=_organisations(q["organisations"]),
        programmes={
            r["programme"]: Programme(
                r["programme"], r["name"], r["kind"], _split(r["run_by"]), _split(r["funded_by"]), _split(r["sources"])
            )
            for r in q["programmes"]
        },
        documents=documents,
        concepts=concepts,
        findings=findings,
        footnotes=footnotes,
        loose_ends=loose_ends,
        continuation_table=continuation_table(source),
        triples=int(q["counts"][0]["triples"]),
        schemes=dict(schemes),
        terms=_terms(q["ontology"]),
        scheme_labels=_schemes(q["schemes"]),
    )
