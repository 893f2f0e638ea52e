"""The query library for analysts, researchers and planners: every query's rows on the real graph.

Expected rows are computed here from the loader's model (the parsed report, its ministries and the roles
read from its sentences), independently of SPARQL, or written out by hand where the report was read to
check them.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest
from rdflib import URIRef
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.queries import named_queries, run_named
from tiltaksgraf.graph.vocab import TG
from tiltaksgraf.loaders.model import Report

#: Every named query and the test that checks its rows (a test below fails if one is missing).
COVERED = {
    "evidence-of-measure",
    "measures",
    "submeasures",
    "responsibility",
    "continuation",
    "cross-references",
    "citations",  # the six above: tests/graph/test_named_queries.py
    "findings",
    "measures-by-ministry",
    "status-by-ministry",
    "status-by-focus-area",
    "measures-by-status",
    "responsibility-differences",
    "organisations-of-measure",
    "measures-of-organisation",
    "measures-by-organisation-type",
    "publications",
    "evaluations",
    "organisation-pairs",
    "co-responsible-ministries",
    "continuation-table",
    "ministry-outcomes",
    "measure-story",
    "measures-mentioning",
    "actors",
    "organisations-by-type",  # the two above: tests/graph/test_actors_rdf.py
    "status-readings",
    "loose-ends",  # the two above: tests/graph/test_status_readings.py
    "documents",  # tests/graph/test_documents_rdf.py
}

MINISTRY_NAMES = {
    "JD": "Justis- og beredskapsdepartementet",
    "BFD": "Barne- og familiedepartementet",
}


#: The plan of the real report: the plan column of every row on its graph.
PLAN = str(iris.plan("frihet-fra-vold"))


def rows(src, name: str, **values: str | list[str]) -> list[tuple[str, ...]]:
    """The rows; where the query has a plan column (first), each row's plan is checked and the column left out."""
    table = run_named(src, name, values)
    if table.columns[:1] == ["plan"]:
        assert {r[0] for r in table.rows} <= {PLAN}, f"{name}: a row of another plan"
        return [tuple(r[1:]) for r in table.rows]
    return [tuple(r) for r in table.rows]


# --- the model, read independently ------------------------------------------------------------


def nodes(report: Report):
    """Every measure and sub-measure, in report order."""
    for m in report.measures:
        yield m
        yield from m.submeasures


def status_of(node) -> str:
    return (node.status.value or "undetermined") if node.status else ""


def responsible(report: Report, source: str | None = None) -> dict[int, set[str]]:
    """Ministries responsible per measure, a sub-measure's counting for its measure."""
    out: dict[int, set[str]] = {}
    for m in report.measures:
        stated = [r for n in (m, *m.submeasures) for r in n.responsibilities]
        out[m.number] = {r.acronym for r in stated if source in (None, r.source)}
    return out


def involvements(report: Report, roles, registry) -> list[tuple[str, str, str, str]]:
    """(measure or sub-measure, role, organisation IRI, source) for every association the graph should hold."""
    out = [
        (n.label, "responsible", str(registry.ministry(r.acronym)), r.source)
        for n in nodes(report)
        for r in n.responsibilities
    ]
    return out + [(r.measure, r.role, r.actor, "") for r in roles if r.role != "responsible"]


def label_of(registry, iri: str) -> str:
    """An organisation as the queries name it: its acronym, else its Norwegian name."""
    acronym = registry.graph.value(URIRef(iri), TG.acronym)
    return str(acronym) if acronym is not None else registry.label(iri)


def number_of(label: str) -> int:
    return int(label.rstrip("abcd"))


def lines(span) -> str:
    return str(span.start) if span.start == span.end else f"{span.start}-{span.end}"


# --- coverage ---------------------------------------------------------------------------------


def test_every_named_query_is_covered_by_a_test():
    assert set(named_queries()) == COVERED
    assert len(named_queries()) == 29


# --- analysts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ministry", ["JD", "LMD", "Barne- og familiedepartementet", "kdd"])
def test_measures_by_ministry(store, report, ministry):
    acronym = {"Barne- og familiedepartementet": "BFD", "kdd": "KDD"}.get(ministry, ministry)
    expected = []
    for n in nodes(report):
        said = {r.source for r in n.responsibilities if r.acronym == acronym}
        if said:
            sources = ", ".join(s for s in ("overview", "body") if s in said)
            expected.append((n.label, n.title, sources, status_of(n)))
    assert rows(store, "measures-by-ministry", ministry=ministry) == expected
    if acronym == "LMD":
        assert expected[0] == ("10", expected[0][1], "overview, body", "transferred")


@pytest.mark.parametrize("source", [None, "overview", "body"])
def test_status_by_ministry(store, report, source):
    counts = Counter(
        (ministry, report.measure(number).status.value or "undetermined")
        for number, ministries in responsible(report, source).items()
        for ministry in ministries
    )
    expected = sorted((m, s, str(n)) for (m, s), n in counts.items())
    got = rows(store, "status-by-ministry", **({"source": source} if source else {}))
    assert got == expected
    if source is None:
        assert ("LMD", "completed", "5") in got and ("LMD", "undetermined", "1") in got


def test_status_by_focus_area(store, report):
    names = {a.number: a.name for a in report.focus_areas}
    counts = Counter((m.focus_area, m.status.value or "undetermined") for m in report.measures)
    expected = [(str(a), names[a], s, str(n)) for (a, s), n in sorted(counts.items())]
    got = rows(store, "status-by-focus-area")
    assert got == expected
    assert sum(int(r[3]) for r in got) == 82


@pytest.mark.parametrize("status", ["not_started", "discontinued", "in_progress", "Gjennomført"])
def test_measures_by_status(store, report, status):
    value = "completed" if status == "Gjennomført" else status
    expected = [
        (n.label, n.title, value, n.status.evidence.quote, lines(n.status.evidence.span))
        for n in nodes(report)
        if n.status and n.status.value == value
    ]
    assert rows(store, "measures-by-status", status=status) == expected
    if status == "not_started":
        assert [r[0] for r in expected] == ["27b", "27c", "38", "42", "63", "74"]


def test_a_repeated_parameter_answers_for_each_value(store):
    """-p status=not_started -p status=discontinued: the rows of both, in the query's own order."""
    both = rows(store, "measures-by-status", status=["not_started", "discontinued"])
    each = [r for s in ("not_started", "discontinued") for r in rows(store, "measures-by-status", status=s)]
    assert sorted(both) == sorted(each) and len(both) == 9
    assert [r[0] for r in both] == ["27b", "27c", "28", "38", "42", "63", "68", "74", "77"]


def test_responsibility_differences(store, report):
    overview, body = responsible(report, "overview"), responsible(report, "body")
    expected = [
        (str(n), ministry, "yes" if ministry in overview[n] else "no", "yes" if ministry in body[n] else "no")
        for n in sorted(overview)
        for ministry in sorted(overview[n] ^ body[n])
    ]
    got = rows(store, "responsibility-differences")
    assert got == expected
    assert got == [("26", "JD", "yes", "no"), ("33", "BFD", "yes", "no"), ("36", "AID", "no", "yes")]


def test_organisations_of_measure(store, report, roles, registry):
    def expected(number: int) -> list[tuple[str, ...]]:
        return sorted(
            (n, role, label_of(registry, iri), registry.label(iri), registry.org_type(iri) or "", source)
            for n, role, iri, source in involvements(report, roles, registry)
            if number_of(n) == number
        )

    got_40 = rows(store, "organisations-of-measure")  # default: measure 40
    assert sorted(got_40) == expected(40) and got_40 == sorted(got_40, key=lambda r: (r[0], r[1], r[2]))
    assert ("40", "evaluating", "NOVA", "Velferdsforskningsinstituttet NOVA", "research-institute", "") in got_40
    assert sorted(rows(store, "organisations-of-measure", measure="27")) == expected(27)
    got_33 = rows(store, "organisations-of-measure", measure="tiltak 33")
    assert sorted(got_33) == expected(33)
    assert ("33", "evaluating", "Nordlandsforskning", "Nordlandsforskning", "research-institute", "") in got_33


def test_measures_of_organisation(store, report, roles, registry):
    by_label = {n.label: n for n in nodes(report)}
    jd = str(registry.ministry("JD"))
    expected = sorted(
        (n, by_label[n].title, role, source, status_of(by_label[n]))
        for n, role, iri, source in involvements(report, roles, registry)
        if iri == jd
    )
    got = rows(store, "measures-of-organisation")  # default: JD
    assert sorted(got) == expected
    assert [r[2:4] for r in got if r[0] == "11"] == [
        ("funding", ""),
        ("responsible", "overview"),
        ("responsible", "body"),
    ]
    assert ("11", "Videreutvikle kampanjen om avvergeplikten", "executing", "", "in_progress") in rows(
        store, "measures-of-organisation", organisation="NKVTS"
    )


@pytest.mark.parametrize("org_type", ["ministry", "research-institute", "competence-centre"])
def test_measures_by_organisation_type(store, report, roles, registry, org_type):
    by_label = {n.label: n for n in nodes(report)}
    expected = {
        (n, by_label[n].title, label_of(registry, iri), role)
        for n, role, iri, _ in involvements(report, roles, registry)
        if registry.org_type(iri) == org_type
    }
    got = rows(store, "measures-by-organisation-type", type=org_type)
    assert len(got) == len(set(got)) and set(got) == expected
    if org_type == "research-institute":
        assert ("40", by_label["40"].title, "NOVA", "evaluating") in got
        assert rows(store, "measures-by-organisation-type") == got  # the default


def test_publications(store, report):
    marks = {mark.number: mark.measure for m in report.measures for mark in m.footnote_marks}
    kinds = {"report": "report", "article": "article", "document": "document"}
    seen, expected = set(), []
    for note in report.footnotes:
        p = note.publication
        if not p or note.number not in marks or (marks[note.number], p.key) in seen:
            continue
        seen.add((marks[note.number], p.key))
        series = f"{p.series or p.container} {p.series_number}" if p.series_number else p.series or ""
        evaluation = "evaluering" in f"{p.title} {p.subtitle or ''}".lower()
        expected.append(
            (
                marks[note.number],
                str(iris.publication(p.key)),
                kinds[p.kind],
                p.title,
                p.authors,
                p.publisher or "",
                str(p.year or ""),
                series,
                "yes" if evaluation else "no",
            )
        )
    expected.sort(key=lambda r: (int(r[0].rstrip("abcd")), r[0], r[3]))
    got = rows(store, "publications")
    assert got == expected
    assert next(r for r in got if r[0] == "40")[5:] == ("NOVA", "2024", "NOVA-rapport 7/24", "yes")


def test_evaluations(store, roles, registry):
    got = rows(store, "evaluations")
    evaluating = {(r.measure, label_of(registry, r.actor)) for r in roles if r.role == "evaluating"}
    assert {r[:2] for r in got} == evaluating and len(got) == len(evaluating)
    assert ("33", "Nordlandsforskning") in evaluating and ("40", "NOVA") in evaluating
    with_publication = [r[:5] for r in got if r[2] == "role+publication"]
    assert with_publication == [
        ("32", "NOVA", "role+publication", "2017", "Sentrene mot incest og seksuelle overgrep"),
        ("40", "NOVA", "role+publication", "2024", "Adressesperre (kode 6 og 7)"),
    ]
    role_33 = next(r for r in got if r[:2] == ("33", "Nordlandsforskning"))
    assert role_33[2:5] == ("role", "", "") and role_33[5].startswith("Evalueringen ble gjort av Nordlandsforskning")


def test_evaluations_agree_with_the_measures_of_each_evaluator(store):
    """`evaluations` and `measures-of-organisation -p in_role=evaluating` name the same evaluators."""
    got = rows(store, "evaluations")
    for evaluator in sorted({r[1] for r in got}):
        theirs = {r[0] for r in rows(store, "measures-of-organisation", organisation=evaluator, in_role="evaluating")}
        assert theirs == {r[0] for r in got if r[1] == evaluator}, evaluator
    assert "33" not in {r[0] for r in got if r[1] == "NOVA"}  # footnote 9 repeats footnote 8 off-topic


def test_evaluations_never_cite_an_off_topic_footnote(built):
    """Were NOVA evaluating in measure 33, footnote 9 (its 2017 report, flagged off-topic by `quality`) would
    still not be its evaluation: a patched graph shows the row without the publication."""
    from rdflib import Literal, URIRef
    from tiltaksgraf.graph.queries import get_query, run_query
    from tiltaksgraf.graph.vocab import OA, PROV, RDF, ROLE, TG

    g = built.graph
    patched = type(g)()
    for triple in g:
        patched.add(triple)
    m33 = URIRef("https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/33")
    node, ev, quote = (URIRef(f"{m33}/role/evaluating/nova{x}") for x in ("", "/evidence", "/evidence/quote"))
    patched.add((m33, PROV.qualifiedAssociation, node))
    for p, o in (
        (RDF.type, PROV.Association),
        (PROV.agent, URIRef("https://w3id.org/tiltaksgraf/id/org/nova")),
        (PROV.hadRole, ROLE.evaluating),
        (TG.evidence, ev),
    ):
        patched.add((node, p, o))
    patched.add((ev, OA.hasSelector, quote))
    patched.add(
        (quote, OA.exact, Literal("Evalueringen ble gjort av Nordlandsforskning, i samarbeid med Fafo og NOVA"))
    )
    table = run_query(patched, get_query("evaluations").text)
    nova_33 = [r for r in table.records() if r["measure"] == "33" and r["evaluator"] == "NOVA"]
    assert [(r["via"], r["title"]) for r in nova_33] == [("role", "")]
    # without the finding the footnote would be taken: the filter, not chance, keeps it out
    finding = URIRef(
        "https://w3id.org/tiltaksgraf/id/finding/frihet-fra-vold-sluttrapport-2025/repeated-footnote-off-topic/33-792"
    )
    patched.remove((finding, TG.findingKind, None))
    table = run_query(patched, get_query("evaluations").text)
    assert {r["title"] for r in table.records() if r["measure"] == "33" and r["evaluator"] == "NOVA"} == {
        "Sentrene mot incest og seksuelle overgrep"
    }


# --- researchers ------------------------------------------------------------------------------


def pair_counts(sets: dict[int, set[str]]) -> list[tuple[str, str, str]]:
    counts = Counter(pair for members in sets.values() for pair in combinations(sorted(members), 2))
    return sorted(((a, b, str(n)) for (a, b), n in counts.items()), key=lambda r: (-int(r[2]), r[0], r[1]))


def by_iri_order(table: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Pairs of ministries put in the order of their IRIs (…/org/aid < …/org/bfd …), as the query does."""
    out = [(a, b, n) if a.lower() < b.lower() else (b, a, n) for a, b, n in table]
    return sorted(out, key=lambda r: (-int(r[2]), r[0], r[1]))


@pytest.mark.parametrize("source", [None, "overview", "body"])
def test_co_responsible_ministries(store, report, source):
    expected = pair_counts(responsible(report, source))
    got = rows(store, "co-responsible-ministries", **({"source": source} if source else {}))
    assert got == expected
    if source == "overview":
        both = sum(1 for ministries in responsible(report, "overview").values() if {"JD", "BFD"} <= ministries)
        assert ("BFD", "JD", str(both)) in got


def organisation_pairs(report, roles, registry, role=None, focus_area=None) -> list[tuple[str, str, str]]:
    """Pairs of organisations (in IRI order) with the number of measures they share, by the loader's reading."""
    area = {str(m.number): m.focus_area for m in report.measures}
    members: dict[int, set[str]] = {}
    for n, r, iri, _ in involvements(report, roles, registry):
        wanted = r != "mentioned" if role is None else r == role  # only named is no association
        if wanted and (focus_area is None or area[str(number_of(n))] == focus_area):
            members.setdefault(number_of(n), set()).add(iri)
    counts = Counter(pair for iris in members.values() for pair in combinations(sorted(iris), 2))
    labelled = [(label_of(registry, a), label_of(registry, b), str(n)) for (a, b), n in counts.items()]
    return sorted(labelled, key=lambda r: (-int(r[2]), r[0], r[1]))


def test_organisation_pairs(store, report, roles, registry):
    everything = rows(store, "organisation-pairs")
    assert everything == organisation_pairs(report, roles, registry)
    assert everything[0][:2] == ("BFD", "JD")  # the two ministries that share the most measures
    responsible = rows(store, "organisation-pairs", role="responsible")
    assert responsible == organisation_pairs(report, roles, registry, role="responsible")
    assert responsible == by_iri_order(pair_counts(globals()["responsible"](report)))
    for role in ("collaborating", "mentioned"):
        assert rows(store, "organisation-pairs", role=role) == organisation_pairs(report, roles, registry, role=role)
    assert rows(store, "organisation-pairs", focus_area="1") == organisation_pairs(
        report, roles, registry, focus_area=1
    )


# --- planners ---------------------------------------------------------------------------------


def test_continuation_table(store, report):
    expected = [
        (
            n.label,
            n.title,
            status_of(n),
            n.continuation.relation,
            ",".join(n.continuation.parts),
            n.continuation.owner or "",
            n.continuation.evidence.quote,
            " | ".join(c.text for c in n.continuation.commitments),
        )
        for n in nodes(report)
        if n.continuation
    ]
    expected.sort(key=lambda r: (int(r[0].rstrip("abcd")), r[0]))
    got = rows(store, "continuation-table")
    assert got == expected
    assert [(r[0], r[3], r[6]) for r in got] == rows(store, "continuation")
    row_19 = next(r for r in got if r[0] == "19")
    assert row_19[2:4] == ("completed", "continued")
    assert row_19[7].startswith("Regjeringen vil etablere en struktur på direktoratsnivå")
    assert next(r for r in got if r[0] == "34")[4] == "34b" and next(r for r in got if r[0] == "46")[5] == "JD"


@pytest.mark.parametrize("source", [None, "overview"])
def test_ministry_outcomes(store, report, source):
    per_ministry: dict[str, list] = {}
    for number, ministries in responsible(report, source).items():
        for ministry in ministries:
            per_ministry.setdefault(ministry, []).append(report.measure(number))
    expected = []
    for ministry, measures in sorted(per_ministry.items()):
        done = {m.number for m in measures if m.status.value == "completed"}
        carried = {m.number for m in measures if m.continuation and m.continuation.relation == "continued"}
        neither = {m.number for m in measures} - done - carried
        expected.append((ministry, str(len(measures)), str(len(done)), str(len(carried)), str(len(neither))))
    got = rows(store, "ministry-outcomes", **({"source": source} if source else {}))
    assert got == expected


def test_measure_story_of_19(store):
    got = rows(store, "measure-story")  # default: measure 19
    aspects = [(r[1], r[2]) for r in got]
    assert aspects[:5] == [
        ("title", "Styrke samarbeidet mellom direktoratene i arbeidet mot vold i nære relasjoner"),
        ("focus area", "2: Likeverdig og sammenhengende bistand"),
        ("status", "completed"),
        ("successor plan", "continued: Trygghet for alle"),
        (
            "commitment",
            "Regjeringen vil etablere en struktur på direktoratsnivå for bedre tverrsektorielt samarbeid og "
            "samordning av innsatsen mot vold og overgrep.",
        ),
    ]
    ministries = ["AID", "BFD", "HOD", "JD", "KD", "KDD", "KUD", "LMD"]
    assert aspects[5:21] == [("responsible (overview)", m) for m in ministries] + [
        ("responsible (body)", m) for m in ministries
    ]
    assert aspects[21:24] == [("executing", "Regjeringen"), ("coordinating", "Bufdir"), ("collaborating", "SfK")]
    assert aspects[24:] == [
        (
            "referred to by",
            "10: Legge til rette for bedre koordinering av kampanjer og annet holdningsskapende arbeid for å "
            "forebygge vold i nære relasjoner",
        ),
        ("finding", "misspelt-plan-name: «Opptappingsplan» for «Opptrappingsplan» (seen 12×)"),
    ]
    by_aspect = {r[1]: r for r in got}
    assert by_aspect["title"][4] == "549-565"
    assert by_aspect["status"][3:] == (
        "Direktoratsgruppen mot vold i nære relasjoner og vold og overgrep mot barn ble etablert i 2023, "
        "med deltakelse fra ti direktorater.",
        "561",
    )
    assert by_aspect["commitment"][3].startswith("«Regjeringen vil etablere") and by_aspect["commitment"][4] == "559"
    assert by_aspect["responsible (overview)"][4] == "104" and by_aspect["responsible (body)"][4] == "553"


def test_measure_story_agrees_with_the_model_for_every_measure(store, report):
    for m in report.measures:
        got = rows(store, "measure-story", measure=str(m.number))
        own = [r for r in got if r[0] == m.label]
        value = m.status.value or "undetermined"
        assert ("status", f"{value} (contested)" if m.status.contested else value) in [(r[1], r[2]) for r in own]
        relation = [r[2].split(":")[0].split(" (")[0] for r in own if r[1] == "successor plan"]
        assert relation == ([m.continuation.relation] if m.continuation else ["not mentioned"])
        assert {r[0] for r in got} == {m.label, *(s.label for s in m.submeasures)}


def test_measure_story_shows_executing_and_funding_organisations(store):
    got = [(r[1], r[2], r[4]) for r in rows(store, "measure-story", measure="11")]
    assert ("executing", "NKVTS", "416-418") in got and ("funding", "JD", "418") in got
    roles = [r[0] for r in got if r[0].startswith(("responsible", "executing", "funding"))]
    assert roles.index("executing") > max(i for i, r in enumerate(roles) if r.startswith("responsible"))


@pytest.mark.parametrize("text", ["samisk", "Tidlig Inn", "SAMISK", "ø"])
def test_measures_mentioning(store, report, text):
    def says(n) -> bool:
        texts = [n.title, n.body_title or "", n.description, n.status_text]
        return any(text.lower() in t.lower() for t in texts)

    expected = [(n.label, n.title) for n in nodes(report) if says(n)]
    expected.sort(key=lambda r: (int(r[0].rstrip("abcd")), r[0]))
    assert rows(store, "measures-mentioning", text=text) == expected
    assert expected


def test_findings(store, built):
    got = rows(store, "findings")
    assert len(got) == len(built.findings)
    assert Counter(r[1] for r in got) == Counter(f.kind for f in built.findings)
    assert ("26", "responsibility-missing-body-line", "665-685") in [r[:3] for r in got]


def test_evidence_of_measure_cites_each_quote_to_the_report_with_its_lines(store, report):
    measure = next(m for m in report.measures if m.number == 19)
    table = run_named(store, "evidence-of-measure", {"measure": "19"})
    got = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
    status = [(r["lines"], r["quote"], r["section"]) for r in got if r["statement"] == "StatusAssessment"]
    ev = measure.status.evidence
    assert status == [(str(ev.span), ev.quote, ev.section)]
    responsible = sorted((r["lines"], r["quote"]) for r in got if r["statement"] == "Responsibility")
    assert responsible == sorted((str(r.evidence.span), r.evidence.quote) for r in measure.responsibilities)
    assert {r["report"] for r in got} == {"Sluttrapport, april 2025 – Frihet fra vold"}
    assert {r["publisher"] for r in got} == {"Regjeringen"}
    assert {r["text"] for r in got} == {"frihet-fra-vold-sluttrapport-2025.md"}
