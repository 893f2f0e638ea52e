"""Status readings a person can check, sub-measures' own status spans, and the planner's loose ends."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from tiltaksgraf.graph.queries import get_query, run_named, run_query

READINGS = ["measure", "value", "rule", "evidence", "chosen"]


@pytest.fixture(scope="module")
def readings(store):
    return run_named(store, "status-readings")


def test_status_readings_has_exactly_its_columns(readings):
    assert readings.columns == READINGS and list(get_query("status-readings").columns) == READINGS


def test_every_status_has_exactly_one_chosen_reading(readings, report):
    chosen = Counter(r["measure"] for r in readings.records() if r["chosen"] == "yes")
    units = [u.label for m in report.measures for u in (m, *m.submeasures) if u.status]
    assert sorted(chosen) == sorted(units) and set(chosen.values()) == {1}
    # one row per rule that fired in the loader, so nothing is lost on the way to the graph
    assert len(readings.rows) == sum(
        max(len(u.status.readings), 1) for m in report.measures for u in (m, *m.submeasures) if u.status
    )


def test_a_measure_no_rule_decided_is_one_undetermined_row(readings):
    rows = [r for r in readings.records() if r["measure"] == "71"]
    assert [(r["value"], r["rule"], r["chosen"]) for r in rows] == [("undetermined", "", "yes")]


def test_a_status_that_only_says_carried_on_is_one_transferred_row(readings):
    rows = [r for r in readings.records() if r["measure"] == "10"]
    assert [(r["value"], r["rule"], r["chosen"]) for r in rows] == [("transferred", "only-carried-on", "yes")]


def test_the_competing_readings_of_14_are_both_there(readings):
    rows = {(r["value"], r["rule"], r["chosen"]): r["evidence"] for r in readings.records() if r["measure"] == "14"}
    assert rows[("completed", "done-passive", "yes")].endswith(
        "ble opprettet i de seks siste politidistriktene høsten 2021."
    )
    assert (
        rows[("regular_operations", "standing-task", "no")]
        == "I 2024 fikk Mattilsynet i sitt tildelingsbrev følgende oppdrag:"
    )


def test_a_measure_with_parts_reads_its_parts(readings):
    rows = [(r["value"], r["rule"].split("/")[1], r["chosen"]) for r in readings.records() if r["measure"] == "27"]
    assert rows == [("completed", "27a", "no"), ("not_started", "27b", "yes"), ("not_started", "27c", "no")]


def test_the_graph_marks_the_contested_assessments(store, report):
    text = """PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#>
SELECT ?n WHERE { ?m tg:number ?n ; tg:currentStatusAssessment/tg:contested true } ORDER BY ?n"""
    marked = {r[0] for r in run_query(store, text).rows}
    assert marked == {u.label for m in report.measures for u in (m, *m.submeasures) if u.status and u.status.contested}
    assert len(marked) == 11


# --- sub-measures' own status spans -----------------------------------------------------------

PREFIXES = """PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX source: <https://w3id.org/tiltaksgraf/vocab/statement-source/>
"""
#: Every statement about a sub-measure that is not from the overview table, with the lines of its evidence.
STATEMENTS = (
    PREFIXES
    + """SELECT ?m ?start ?end WHERE {
  ?m a tg:SubMeasure .
  { ?m (tg:hasStatusAssessment|tg:hasContinuation|tg:hasCrossReference|prov:qualifiedAssociation) ?f .
    ?f tg:evidence ?ev . FILTER NOT EXISTS { ?f tg:statedIn source:overview } }
  UNION { ?m tg:hasMention ?ev }
  UNION { ?m tg:hasStatusAssessment/tg:hasReading/tg:evidence ?ev }
  ?ev tg:startLine ?start ; tg:endLine ?end .
}"""
)
#: The spans of each sub-measure, by kind: its section, its own status paragraphs, the footnotes it cites.
SPANS = (
    PREFIXES
    + """SELECT ?m ?kind ?first ?last WHERE {
  ?m a tg:SubMeasure .
  { ?m tg:sourceSpan ?span BIND ("section" AS ?kind) } UNION { ?m tg:statusSpan ?span BIND ("status" AS ?kind) }
  UNION { ?note cito:hasCitingEntity ?m ; tg:sourceSpan ?span BIND ("footnote" AS ?kind) }
  ?span tg:startLine ?first ; tg:endLine ?last .
}"""
)


def outside(store, kinds: set[str]) -> list[tuple[str, int, int]]:
    """The statements about sub-measures whose lines lie outside every span of the given kinds."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m, kind, first, last in run_query(store, SPANS).rows:
        if kind in kinds:
            spans.setdefault(m, []).append((int(first), int(last)))
    return [
        (m, int(start), int(end))
        for m, start, end in run_query(store, STATEMENTS).rows
        if not any(a <= int(start) and int(end) <= b for a, b in spans.get(m, []))
    ]


def test_every_statement_about_a_sub_measure_stands_in_its_spans(store):
    # its own section, its own status paragraphs (run by run), and the footnotes it cites
    assert outside(store, {"section", "status", "footnote"}) == []
    # without the status spans, the statements read from the sub-measures' status paragraphs fall outside
    assert len(outside(store, {"section", "footnote"})) > 150


def test_sub_measures_sharing_a_status_paragraph_share_its_span(report):
    parts = {s.label: [str(x) for x in s.status_spans] for s in report.measure(27).submeasures}
    assert parts == {"27a": ["707"], "27b": ["708"], "27c": ["708"]}  # «b) og c) …»


# --- loose ends --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loose(store):
    return run_named(store, "loose-ends")


def test_loose_ends_columns(loose):
    assert loose.columns == ["plan", "measure", "title", "status", "evidence", "lines"]


def test_loose_ends_are_the_unfinished_units_without_a_link(loose, report):
    """The same list computed from the loader's model: units in progress or not started, with no link."""
    expected = []
    for m in report.measures:
        parts = [s for s in m.submeasures if s.status]
        whole = m.continuation is not None and not m.continuation.parts
        units = [(s, whole) for s in parts] if parts else [(m, False)]
        for unit, linked in units:
            if unit.status.value in ("in_progress", "not_started") and unit.continuation is None and not linked:
                expected.append(unit.label)
    assert [r["measure"] for r in loose.records()] == expected
    assert len(expected) == 25


def test_loose_ends_of_the_report(loose):
    table = {r["measure"]: r for r in loose.records()}
    assert "34a" in table and "34b" not in table and "34" not in table  # 34 is continued in part: 34b
    assert "28" not in table  # discontinued: nothing is left hanging
    assert "21" not in table  # related: the report links it to the plan
    assert table["42"]["status"] == "not_started" and table["42"]["lines"]
    assert table["65"]["evidence"].startswith("Arbeidet har resultert i at Karasjok kommune")
    assert Counter(r["status"] for r in table.values()) == {"in_progress": 21, "not_started": 4}


def test_the_readme_tour_shows_the_builds_status_and_documents(built):
    """The status line of the README's tour is the build's summary."""
    readme = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
    summary = built.summary()
    status = "status: " + ", ".join(f"{k} {v}" for k, v in summary["status"].items())
    assert f"\n{status}\n" in readme
    assert f"documents named: {sum(summary['documents'].values())} (" in readme
