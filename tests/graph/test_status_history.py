"""Status over time: two reports on one plan give two dated assessments; queries report the latest.

The fixture world's final report (april 2025) and a status report on the same plan (januar 2024,
``tests/fixtures/mini-status-2024.md``): measure 5 went from not started to in progress, 4 from being
considered to dropped, 2a from under way to done.
"""

from __future__ import annotations

import pytest
from rdflib import Literal
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.build import build_graph
from tiltaksgraf.graph.queries import run_named
from tiltaksgraf.graph.serialize import to_sorted_ntriples
from tiltaksgraf.graph.store import store_from_graph
from tiltaksgraf.graph.trace import measure_story
from tiltaksgraf.graph.validation import validate_graph
from tiltaksgraf.graph.vocab import DCTERMS, OA, RDF, STATUS, TG

from tests.conftest import FIXTURES, MINI, MINI_REGISTRY

STATUS_2024 = FIXTURES / "mini-status-2024.md"


def build(*sources):
    return build_graph(list(sources), registry_path=MINI_REGISTRY, programmes_path=None)


@pytest.fixture(scope="module")
def two():
    return build(STATUS_2024, MINI)


@pytest.fixture(scope="module")
def store(two):
    return store_from_graph(two.graph)


def m(label: str):
    return iris.measure("frihet-fra-vold", label)


def test_two_dated_assessments_of_one_measure_and_the_latest_is_current(two):
    g = two.graph
    assessments = sorted(g.objects(m("5"), TG.hasStatusAssessment))
    assert [str(g.value(a, DCTERMS.date)) for a in assessments] == ["2024-01", "2025-04"]
    assert [g.value(a, TG.statusValue) for a in assessments] == [STATUS.not_started, STATUS.in_progress]
    assert list(g.objects(m("5"), TG.currentStatusAssessment)) == [assessments[1]]
    # each is derived from its own report, which is typed by what it is
    reports = [g.value(a, TG.evidence) for a in assessments]
    assert [str(g.value(r, DCTERMS.title)) for r in (g.value(e, OA.hasSource) for e in reports)] == [
        "Statusrapport, januar 2024 – Frihet fra vold",
        "Sluttrapport, april 2025 – Frihet fra vold",
    ]
    assert (iris.report("frihet-fra-vold-statusrapport-2024"), RDF.type, TG.StatusReport) in g
    assert (iris.report("frihet-fra-vold-sluttrapport-2025"), RDF.type, TG.FinalReport) in g


def test_the_latest_report_describes_the_measures(two):
    assert [r.title for r in two.reports] == ["Sluttrapport, april 2025"]
    assert [r.title for r in two.history] == ["Statusrapport, januar 2024"]
    # one title and one span per measure: the earlier report adds its assessments only
    assert len(list(two.graph.objects(m("5"), DCTERMS.title))) == 1
    assert len(list(two.graph.objects(m("5"), TG.sourceSpan))) == 1


def test_the_queries_report_the_latest(store):
    status = {r["measure"]: r["status"] for r in run_named(store, "measures").records()}
    assert status == {"1": "completed", "2": "in_progress", "3": "transferred", "4": "discontinued", "5": "in_progress"}
    subs = {r["submeasure"]: r["status"] for r in run_named(store, "submeasures").records()}
    assert subs["2a"] == "completed"


def test_status_readings_show_the_history(store):
    rows = [r for r in run_named(store, "status-readings").records() if r["measure"] == "5"]
    assert [(r["value"], r["rule"], r["chosen"]) for r in rows] == [
        ("not_started", "not-started", "yes"),  # januar 2024 first
        ("in_progress", "due-later", "no"),  # then april 2025: two readings of one sentence
        ("in_progress", "ongoing", "yes"),
    ]
    assert rows[0]["evidence"] == "Arbeidet er ikke påbegynt."


def test_trace_shows_the_history_with_dates(store):
    story = [r for r in measure_story(store, "5").records() if r["number"] == "5"]
    status = [r["value"] for r in story if r["aspect"] == "status"]
    history = [(r["value"], r["evidence"]) for r in story if r["aspect"] == "status history"]
    assert status == ["in_progress"]
    assert history == [
        ("2024-01: not_started", "Arbeidet er ikke påbegynt."),
        ("2025-04: in_progress", "Arbeidet pågår og forumet planlegges etablert i 2025."),
    ]


def test_a_single_report_has_no_history_rows(mini_world):
    story = measure_story(store_from_graph(mini_world.graph), "5").records()
    assert not [r for r in story if r["aspect"] == "status history"]


def test_the_two_report_graph_conforms(two):
    result = validate_graph(two.graph)
    assert result.conforms and result.violations == []


def test_the_order_of_the_sources_does_not_matter(two):
    assert to_sorted_ntriples(build(MINI, STATUS_2024).graph) == to_sorted_ntriples(two.graph)


def test_an_earlier_report_on_a_measure_the_latest_lacks_is_a_finding(tmp_path):
    text = STATUS_2024.read_text(encoding="utf-8")
    extra = text + "\nTiltak 6: Et tiltak som senere ble slått sammen\n\nTeksten.\n\nStatus:\n\nArbeidet pågår.\n"
    earlier = tmp_path / "statusrapport.md"
    earlier.write_text(extra, encoding="utf-8")
    result = build(earlier, MINI)
    unmatched = [f for f in result.findings if f.kind == "status-history-unmatched"]
    assert [f.text for f in unmatched] == ["Arbeidet pågår."]
    assert "reports on 6, which Sluttrapport, april 2025 does not have" in unmatched[0].detail
    assert (m("6"), None, None) not in result.graph
    assert (None, TG.detail, Literal(unmatched[0].detail, lang="nb")) in result.graph
