"""Reading several sources in worker processes changes nothing in what the build writes, errors included."""

from __future__ import annotations

import os

import pytest
from tiltaksgraf.graph.build import build_graph
from tiltaksgraf.graph.reading import default_jobs
from tiltaksgraf.loaders.errors import SourceError

from bench.corpus import write_corpus
from tests.conftest import MINI


def test_two_processes_write_the_bytes_one_process_writes(tmp_path):
    paths = write_corpus(3, tmp_path)[1:]
    one, two = build_graph(paths, jobs=1), build_graph(paths, jobs=2)
    assert one.data.ntriples == two.data.ntriples
    assert [r.plan.title for r in one.reports] == [r.plan.title for r in two.reports]
    assert one.findings == two.findings and one.summary() == two.summary()


def test_a_bad_source_read_by_a_worker_is_the_same_one_line_error(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text(MINI.read_text(encoding="utf-8").replace("«Frihet fra vold»", "Frihet fra vold"), encoding="utf-8")
    with pytest.raises(SourceError) as serial:
        build_graph([MINI, bad], jobs=1)
    with pytest.raises(SourceError) as parallel:
        build_graph([MINI, bad], jobs=2)
    assert str(parallel.value) == str(serial.value) and "no title page" in str(parallel.value)


def test_one_source_is_read_in_the_calling_process_and_a_corpus_by_one_process_per_core():
    assert default_jobs(1) == 1 and default_jobs(0) == 1
    assert default_jobs(50) == min(50, os.cpu_count() or 1) and default_jobs(2) == min(2, os.cpu_count() or 1)
