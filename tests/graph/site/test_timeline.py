"""The timeline: the loader's dates in the texts the graph holds, each with its sentence and measure."""

from __future__ import annotations

from tiltaksgraf.graph.site.data import load_site_data
from tiltaksgraf.graph.site.timeline import dated_events, timeline

M = "https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/"


def test_a_date_without_a_year_takes_the_year_of_its_paragraph():
    events = dated_events("m", "Stortinget behandlet saken 4. mars og vedtok loven 18. mars 2025.")
    assert [(e.date, e.text) for e in events] == [("2025-03-04", "4. mars"), ("2025-03-18", "18. mars 2025")]


def test_planned_events_are_told_from_done_ones():
    done, planned = dated_events(
        "m", "Veilederen ble lansert i mars 2022.\n\nRapporten skal ferdigstilles i oktober 2025."
    )
    assert (done.date, done.done) == ("2022-03", True)
    assert (planned.date, planned.done) == ("2025-10", False)


def test_the_reports_timeline(store):
    data = load_site_data(store)
    events = timeline(list(data.measures.values()))
    assert events == sorted(events, key=lambda e: e.key)
    assert all(e.measure in data.measures for e in events)
    vo_line = [e for e in events if e.measure == M + "33" and e.date == "2019-10-01"]
    assert vo_line and vo_line[0].sentence.startswith("Vold- og overgrepslinjen (VO-linjen) åpnet 1. oktober 2019")
    assert vo_line[0].done
    # the date the quality report flags as after the report's own date is in the timeline as the report gives it
    assert any(e.measure == M + "16" and e.date == "2025-11" and e.done for e in events)
