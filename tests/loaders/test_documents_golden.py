"""The documents and statuses against the independent reader, and the comparison's figures in the README.

`tests/golden/documents_review.py` compares (``python -m tests.golden.documents_review --missed``); the rows where
the rules and the reader differ are reviewed in `tests/golden/documents-review.csv`. A change of rules that
changes a row fails here until it is reviewed: ``TILTAKSGRAF_REGEN=1`` rewrites the table, keeps the review of
every unchanged row and marks the others ``unreviewed``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.golden import documents_review as review

README = Path(__file__).parents[2] / "README.md"


@pytest.fixture(scope="module")
def now(built):
    (docs,) = built.documents
    (report,) = built.reports
    return review.graph_pairs(docs), review.graph_statuses(report)


@pytest.fixture(scope="module")
def reader():
    return review.read_reader_documents(), review.read_reader_statuses()


def _reviewed(path, rows: list[dict], key: tuple[str, ...], columns, reviews) -> list[dict]:
    """The review table at ``path`` holds exactly today's differences (``TILTAKSGRAF_REGEN=1`` writes it), each
    reviewed with a note; its rows."""
    old = review.read_table(path)
    text = review.render_table(review.merge_review(rows, old, key), columns)
    if os.environ.get("TILTAKSGRAF_REGEN"):
        path.write_text(text, encoding="utf-8")
    assert text == review.render_table(old, columns), "regenerate with TILTAKSGRAF_REGEN=1"
    assert all(r["review"] in reviews and r["review"] != "unreviewed" for r in old)
    assert all(len(r["note"]) > 20 for r in old)
    return old


def test_every_difference_is_reviewed(now, reader) -> None:
    pairs, _ = now
    rows, _ = reader
    old = _reviewed(
        review.DOCUMENT_REVIEW,
        review.document_review_rows(rows, pairs),
        ("side", "measure", "document", "line"),
        review.DOCUMENT_REVIEW_COLUMNS,
        review.DOCUMENT_REVIEWS,
    )
    assert {r["review"] for r in old if r["side"] == "graph-only"} <= {"right", "error"}


def test_every_status_difference_is_reviewed(now, reader) -> None:
    _, statuses = now
    _, said = reader
    _reviewed(
        review.STATUS_REVIEW,
        review.status_review_rows(said, statuses),
        ("measure", "reader", "rules", "reader_contested", "rules_contested"),
        review.STATUS_REVIEW_COLUMNS,
        review.STATUS_REVIEWS,
    )


def test_the_baseline_is_what_the_reader_compared() -> None:
    pairs = review.read_pairs(review.BASELINE / "documents.csv")
    rows = review.read_reader_documents()
    figures = review.document_figures(rows, pairs)
    assert (figures.pairs, figures.found_core, figures.core) == (76, 76, 121)


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return " ".join(
        text[text.index("### Documents the measures name") : text.index("## Actors: who does what")].split()
    )


def test_the_readme_gives_the_comparisons_figures(now, reader) -> None:
    rows, statuses = reader
    doc_review = review.document_review_index(review.read_table(review.DOCUMENT_REVIEW))
    before = review.document_figures(rows, review.read_pairs(review.BASELINE / "documents.csv"))
    after = review.document_figures(rows, now[0], doc_review)
    s_before = review.status_figures(statuses, review.read_status_snapshot(review.BASELINE / "statuses.csv"))
    s_review = {r["measure"]: r for r in review.read_table(review.STATUS_REVIEW)}
    s_after = review.status_figures(statuses, now[1], s_review)
    p = review.percent
    section = _section()
    expected = [
        f"the reader's {after.rows} (measure, document) pairs",
        f"{after.core} of them core documents",
        f"core documents found: {p(after.found_core, after.core)} (before: {p(before.found_core, before.core)})",
        f"all the reader's pairs: {p(after.found, after.rows)} (before: {p(before.found, before.rows)})",
        f"of the rules' {after.pairs} pairs {p(after.pairs_listed, after.pairs)} are the reader's"
        f" and {p(after.pairs_right, after.pairs)} right after review (before: {before.pairs} pairs,"
        f" {p(before.pairs_listed, before.pairs)})",
        f"statuses: {s_after.same} of the reader's {s_after.rows} (before: {s_before.same}),"
        f" {s_after.same_or_arguable} counting the differences the review reads as arguable",
    ]
    for phrase in expected:
        assert phrase in section, phrase
