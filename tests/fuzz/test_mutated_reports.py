"""Mutated reports through the loader, the whole build and the command line: a graph, or the project's own
error naming file and line; never another exception, never a build refused without its line.

``make test`` runs a few dozen cases of each (the same every run); ``make fuzz`` runs tests/fuzz/run.py,
tens of thousands, and prints the figures the README quotes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings

from tests.conftest import MINI
from tests.fuzz.mutations import mutated_reports
from tests.fuzz.outcomes import ALLOWED, build_outcome, cli_outcome, load_outcome
from tiltaksgraf.cli import main
from tiltaksgraf.paths import DEFAULT_SOURCE

MINI_TEXT = MINI.read_text(encoding="utf-8")
REPORT_TEXT = DEFAULT_SOURCE.read_text(encoding="utf-8")


@given(mutated_reports(MINI_TEXT))
def test_a_mutated_fixture_world_loads_or_is_refused_with_its_line(data):
    with tempfile.TemporaryDirectory() as folder:
        assert load_outcome(data, Path(folder)) in ALLOWED


@settings(max_examples=5)
@given(mutated_reports(REPORT_TEXT))
def test_a_mutated_report_loads_or_is_refused_with_its_line(data):
    with tempfile.TemporaryDirectory() as folder:
        assert load_outcome(data, Path(folder)) in ALLOWED


@settings(max_examples=10)
@given(mutated_reports(MINI_TEXT))
def test_a_mutated_fixture_world_builds_or_is_refused_with_its_line(data):
    with tempfile.TemporaryDirectory() as folder:
        assert build_outcome(data, Path(folder)) in ALLOWED


@settings(max_examples=4)
@given(data=mutated_reports(MINI_TEXT))
def test_tiltaksgraf_build_of_a_mutated_report_exits_0_or_2_with_its_line(data, capsys):
    with tempfile.TemporaryDirectory() as folder:
        assert cli_outcome(data, Path(folder), main, capsys) in ALLOWED
