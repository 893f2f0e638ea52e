"""The loader on the real report and on the fixture world."""

import pytest


def by_number(report, n):
    return report.measure(n)


def acronyms(items, source):
    return [r.acronym for r in items if r.source == source]


def test_plans_and_report(report):
    assert (report.plan.title, report.plan.start_year, report.plan.end_year) == ("Frihet fra vold", 2021, 2024)
    assert (report.title, report.date) == ("Sluttrapport, april 2025", "2025-04")
    s = report.successor
    assert (s.title, s.start_year, s.end_year, s.identifier) == (
        "Trygghet for alle",
        2024,
        2028,
        "Prop. 36 S (2023–2024)",
    )
    assert {"Opptrappingsplan", "Opptappingsplan", "opptappingsplan", "Opptappingsplanen"} <= set(s.spellings)


def test_structure(report):
    assert [a.number for a in report.focus_areas] == [1, 2, 3, 4, 5, 6]
    assert report.focus_areas[3].name == "Bedre forebygging og bekjempelse av vold og overgrep i samiske samfunn"
    assert [m.number for m in report.measures] == list(range(1, 83))
    with_subs = [m.number for m in report.measures if m.submeasures]
    assert with_subs == [6, 8, 21, 24, 27, 34, 37, 41, 56]
    assert [s.label for s in by_number(report, 27).submeasures] == ["27a", "27b", "27c"]
    assert [m.focus_area for m in report.measures].count(4) == 20  # measures 54–73


def test_every_measure_is_complete(report):
    for m in report.measures:
        assert m.title and m.focus_area and m.span.start < m.span.end, m.number
        assert acronyms(m.responsibilities, "overview"), m.number
        assert m.status is not None and m.status.evidence.quote, m.number
        assert m.status.evidence.span.start >= m.span.start and m.status.evidence.span.end <= m.span.end, m.number


def test_measure_40_is_jd_and_bfd(report):
    m = by_number(report, 40)
    assert acronyms(m.responsibilities, "overview") == ["JD", "BFD"]
    assert acronyms(m.responsibilities, "body") == ["JD", "BFD"]


def test_measure_26_has_no_body_line_and_the_build_says_so(report):
    assert acronyms(by_number(report, 26).responsibilities, "body") == []
    kinds = {(f.kind, f.measure) for f in report.findings}
    assert ("responsibility-missing-body-line", "26") in kinds
    assert ("responsibility-missing-body-line", "27c") in kinds


@pytest.mark.parametrize(
    ("measure", "detail"),
    [("33", "only in the overview table: BFD"), ("36", "only in the body: AID")],
)
def test_disagreements_between_overview_and_body(report, measure, detail):
    found = [f for f in report.findings if f.kind == "responsibility-differs" and f.measure == measure]
    assert len(found) == 1 and detail in found[0].detail


def test_sub_measures_have_their_own_ministries(report):
    m34 = {s.letter: s for s in by_number(report, 34).submeasures}
    assert acronyms(m34["a"].responsibilities, "overview") == ["BFD", "AID", "HOD", "JD", "KD", "KDD", "KUD"]
    assert acronyms(m34["b"].responsibilities, "body") == ["JD", "AID", "BFD", "HOD", "KD", "KDD", "KUD", "LMD"]
    m8b = by_number(report, 8).submeasures[1]
    assert acronyms(m8b.responsibilities, "body") == ["HOD"]  # an inline line after a page break


@pytest.mark.parametrize(
    ("measure", "value", "quote"),
    [
        (68, "discontinued", "Dette punktet utgår."),
        (42, "not_started", "Tiltaket er ikke igangsatt."),
        (80, "completed", "Tiltaket er gjennomført."),
        (48, "regular_operations", "Tiltaket følges nå opp i ordinær drift."),
        (78, "transferred", "Tiltaket er videreført i opptrappingsplan"),
        (82, "in_progress", "Dette er pågående arbeid."),
        (28, "discontinued", "Det er derfor besluttet å ikke arbeide videre"),
    ],
)
def test_status_with_evidence(report, measure, value, quote):
    status = by_number(report, measure).status
    assert status.value == value
    assert status.evidence.quote.startswith(quote)


def test_status_per_letter(report):
    subs = {s.label: s.status.value for m in report.measures for s in m.submeasures if s.status}
    assert (subs["27a"], subs["27b"], subs["27c"]) == ("completed", "not_started", "not_started")
    assert by_number(report, 27).status.value == "in_progress"
    assert subs["34b"] == "in_progress" and subs["34a"] == "in_progress"  # 34a read by position, and reported
    assert ("status-letter-inferred", "34a") in {(f.kind, f.measure) for f in report.findings}


def test_measure_19_is_continued_with_its_quoted_commitment(report):
    c = by_number(report, 19).continuation
    assert c.relation == "continued"
    (point,) = c.commitments
    assert point.quoted and point.text.startswith("Regjeringen vil etablere en struktur på direktoratsnivå")
    assert point.evidence.span.start == 559


def test_continuation_relations(report):
    relation = {m.number: m.continuation.relation for m in report.measures if m.continuation}
    assert relation[21] == "related" and relation[74] == "related"
    assert relation[9] == relation[29] == relation[44] == relation[52] == "continued"
    assert 6 not in relation  # «opptrappingsplanen for psykisk helse» is another plan
    assert relation[34] == "continued" and by_number(report, 34).submeasures[1].continuation.relation == "continued"


def test_measure_64_refers_to_measure_7(report):
    refs = {(m.number, r.target) for m in report.measures for r in m.cross_references}
    assert (64, 7) in refs and (7, 64) in refs and (3, 40) in refs and (15, 16) in refs
    assert len(refs) == 15


def test_footnotes_are_linked_to_the_measure_that_carries_the_mark(report):
    marks = {f.number: f.measure for m in report.measures for f in m.footnote_marks}
    assert marks[13] == "40" and marks[4] == "11" and marks[7] == "27a" and marks[11] == "37b"
    # footnotes 4–6 and 12 stand in the next measure's section after a page break; the mark decides
    assert {f.number for f in report.footnotes} == set(range(1, 16))


def test_marks_without_text_are_reported(report):
    found = {(f.measure, f.detail) for f in report.findings if f.kind == "footnote-mark-without-text"}
    assert found == {
        ("22", "footnote mark 34 has no footnote text"),
        ("30", "footnote mark 37 has no footnote text"),
        ("41a", "footnote mark 43 has no footnote text"),
    }


def test_wrong_years_of_the_successor_plan_are_reported(report):
    found = {f.measure for f in report.findings if f.kind == "successor-plan-wrong-years"}
    assert found == {"74", "75"}


def test_clean_text(report):
    m2 = by_number(report, 2)
    assert "vurderer dem som gode og relevante" in m2.status_text  # joined across a page break
    m3 = by_number(report, 3)
    assert "Dullum" not in m3.status_text  # footnote lines are not prose
    assert "[her]" not in by_number(report, 9).status_text and "(#)" not in by_number(report, 22).status_text


def test_the_fixture_world(mini):
    assert [m.number for m in mini.measures] == [1, 2, 3, 4, 5]
    assert [(m.number, m.status.value) for m in mini.measures] == [
        (1, "completed"),
        (2, "in_progress"),
        (3, "transferred"),
        (4, "discontinued"),
        (5, "in_progress"),
    ]
    assert (
        mini.measure(3).continuation.commitments[0].text == "Regjeringen vil evaluere ordningen med omvendt voldsalarm."
    )
    kinds = sorted((f.kind, f.measure) for f in mini.findings)
    assert kinds == [
        ("footnote-mark-without-text", "3"),
        ("misspelt-plan-name", "3"),
        ("publication-cited-twice", "1"),
        ("publication-cited-twice", "2a"),
        ("responsibility-differs", "1"),
        ("responsibility-differs", "5"),
        ("responsibility-missing-body-line", "4"),
        ("successor-plan-wrong-years", "3"),
    ]
