"""Text processing takes time linear in its input, and a report has a size limit (issue 10, finding 5).

A quadratic step makes a 50,000-character line take minutes (the 100 KB word of the finding ran past 300 s,
a line of «[» took 15 s at 20,000); linear, each line below takes well under a second. The bound is
generous, so that a loaded machine passes, and far below what any quadratic step needs.
"""

from __future__ import annotations

import time

import pytest
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.report import load_report, parse_report
from tiltaksgraf.loaders.text import MAX_SENTENCE, MAX_SOURCE_BYTES, line_block, split_sentences

from tests.conftest import MINI
from tests.fuzz.mutations import TOKENS

ANCHOR = "Et forum skal opprettes."
SIZE = 50_000
BOUND = 10.0


@pytest.mark.parametrize("token", [*TOKENS, "a" * 50 + ". B", "¹²", "https://x.org/"])
def test_a_huge_line_is_read_in_linear_time(token):
    line = ANCHOR + " " + token * (SIZE // len(token))
    text = MINI.read_text(encoding="utf-8").replace(ANCHOR, line, 1)
    started = time.perf_counter()
    try:
        parse_report(text, "huge.md")
    except SourceError as exc:
        assert exc.line  # refused is fine, with its line
    assert time.perf_counter() - started < BOUND


def test_the_100_kb_word_of_the_finding_builds(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace(ANCHOR, "Et forum skal " + "x" * 100_000 + " opprettes.", 1)
    (tmp_path / "word.md").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    assert len(load_report(tmp_path / "word.md").measures) == 5
    assert time.perf_counter() - started < BOUND


def test_a_line_of_stray_numbers_is_checked_in_linear_time():
    """Each of 25,000 bare «2»s reads as the mark of footnote 2, which has text but no mark: the quality rule
    finds each one's sentence by bisection in the block split once (split again for every number, this line
    took about half a minute, and a line of the fuzz run 219 s)."""
    marked = "a) Kartleggingen er gjennomført.²"
    text = MINI.read_text(encoding="utf-8").replace(marked, marked[:-1] + " " + "x 2 " * 25_000, 1)
    started = time.perf_counter()
    report = parse_report(text, "numbers.md")
    assert sum(f.kind == "stray-number-in-prose" for f in report.findings) == 25_000
    assert time.perf_counter() - started < BOUND


def test_a_report_over_the_size_limit_is_refused_at_once(tmp_path):
    big = tmp_path / "big.md"
    with big.open("wb") as out:
        out.write(MINI.read_bytes())
        out.write(b"x" * (MAX_SOURCE_BYTES + 1))
    started = time.perf_counter()
    with pytest.raises(SourceError, match=r"is larger than 4 MB, the most tiltaksgraf reads"):
        load_report(big)
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("token", ["JD. ", "i samarbeid med politiet og NOVA ", "Bufdir, KD og JD "])
def test_a_huge_paragraph_of_names_and_roles_builds_in_linear_time(tmp_path, token):
    """Every mention and role rule over it: a sentence is at most MAX_SENTENCE long, a sentence's mentions
    are found by bisection (the finding's quadratic steps in loaders/roles.py and loaders/role_rules.py)."""
    from tiltaksgraf.graph.build import build_graph

    text = MINI.read_text(encoding="utf-8").replace(ANCHOR, ANCHOR + " " + token * (SIZE // len(token)), 1)
    (tmp_path / "names.md").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    build_graph([tmp_path / "names.md"])
    assert time.perf_counter() - started < BOUND * 2


def test_a_sentence_without_a_stop_is_cut_at_a_space_past_max_sentence():
    block = line_block("ord " * 1000 + "slutt.", 3)
    pieces = split_sentences(block)
    assert all(len(s.text) <= MAX_SENTENCE for s in pieces)
    assert " ".join(s.text for s in pieces) == block.text
