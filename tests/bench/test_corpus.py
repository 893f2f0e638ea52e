"""The benchmark's corpus: distinct reports of the embedded report's form, the same for the same seed."""

from __future__ import annotations

import re

import pytest
from tiltaksgraf.graph.build import build_graph
from tiltaksgraf.graph.validation import validate_graph
from tiltaksgraf.loaders.report import parse_report

from bench.corpus import synthetic_report, write_corpus
from tiltaksgraf.paths import DEFAULT_SOURCE


def test_report_0_is_the_embedded_report_and_the_others_are_the_same_for_the_same_seed():
    assert synthetic_report(0) == DEFAULT_SOURCE.read_text(encoding="utf-8")
    assert synthetic_report(3, seed=7) == synthetic_report(3, seed=7)
    assert synthetic_report(3, seed=7) != synthetic_report(3, seed=8)


def test_reports_differ_in_plan_years_date_measures_and_text(tmp_path):
    paths = write_corpus(5, tmp_path)
    reports = [parse_report(p.read_text(encoding="utf-8"), p) for p in paths]
    assert len({r.plan.title for r in reports}) == 5
    assert len({r.successor.title for r in reports}) == 5
    assert len({(r.plan.start_year, r.plan.end_year) for r in reports}) > 1
    assert len({r.date for r in reports}) == 5
    assert len({len(r.measures) for r in reports}) > 1
    titles = [[m.title for m in r.measures] for r in reports]
    assert len({tuple(t) for t in titles}) == 5
    for r in reports:  # renumbered 1…N, and every cross-reference points at a measure of the same report
        assert [m.number for m in r.measures] == list(range(1, len(r.measures) + 1))
        assert {x.target for m in r.measures for x in m.cross_references} <= {m.number for m in r.measures}


@pytest.mark.parametrize("index", [1, 2, 3])
def test_each_synthetic_report_builds_and_conforms(tmp_path, index):
    path = tmp_path / f"{index}.md"
    path.write_text(synthetic_report(index), encoding="utf-8")
    result = build_graph([path])
    assert validate_graph(result.data).conforms
    text = path.read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"^Tiltak (\d+): ", text, re.MULTILINE)]
    assert len(result.reports[0].measures) == len(numbers) == max(numbers)
    marks = {int(n.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))) for n in re.findall("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", text)}
    assert marks == set(range(1, max(marks) + 1))  # footnotes renumbered in reading order
