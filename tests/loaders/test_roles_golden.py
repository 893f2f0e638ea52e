"""Every role statement of the report against the reviewed golden table, and the review's figures in the README.

`tests/golden/roles.csv` is the rules' output with the independent readers' verdict and our review beside each
row (`tests/golden/roles_review.py` says how). A change of rules that changes a row fails here until the row is
reviewed again: ``TILTAKSGRAF_REGEN=1 pytest tests/loaders/test_roles_golden.py`` rewrites the table, keeps the
review of every unchanged row and marks the others ``unreviewed``, which fails ``test_every_row_is_reviewed``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from tiltaksgraf.graph.registry import Registry
from tiltaksgraf.loaders.actors import Role

from tests.golden import roles_review as review

README = Path(__file__).parents[2] / "README.md"


@pytest.fixture(scope="module")
def readers(registry: Registry) -> list[review.ReaderRow]:
    return review.read_readers(registry.index)


@pytest.fixture(scope="module")
def golden() -> list[dict[str, str]]:
    return review.read_golden()


def test_the_rules_give_the_reviewed_table(roles: list[Role], readers, golden) -> None:
    table = review.merge(review.rule_rows(roles), golden, readers)
    text = review.render(table)
    if os.environ.get("TILTAKSGRAF_REGEN"):
        review.GOLDEN.write_text(text, encoding="utf-8")
    assert text == review.render(golden), "the rules changed: regenerate with TILTAKSGRAF_REGEN=1 and review"


def test_every_row_is_reviewed(golden) -> None:
    assert golden and all(r["review"] in review.REVIEWS for r in golden)
    assert [r for r in golden if r["review"] == "unreviewed"] == []
    for r in golden:
        if r["review"] in ("disputed", "error"):
            assert len(r["note"]) > 20, r  # a one-line explanation
        agrees = r["reader"] in ("same", "same-arguable", "n/a")
        assert (r["review"] == "agreed") == agrees, r


def test_the_reader_column_is_what_the_readers_wrote(golden, readers) -> None:
    index = review.by_organisation(readers)
    assert [r["reader"] for r in golden] == [review.verdict(r, index) for r in golden]


def test_the_readers_covered_every_measure_and_only_known_roles(readers) -> None:
    from tiltaksgraf.loaders.actors import ROLES

    numbers = {int("".join(ch for ch in r.measure if ch.isdigit())) for r in readers}
    assert numbers == set(range(1, 83)) - {12, 75}  # 12 and 75 name no organisation but the ministries
    assert {r.role for r in readers} <= set(ROLES) - {"responsible"}
    assert {r.reader for r in readers} == {"roles-reader-1", "roles-reader-2", "roles-reader-3"}


def test_regeneration_keeps_the_review_of_unchanged_rows() -> None:
    row = {"measure": "9", "organisation": "nova", "role": "researching", "rule": "researching/subject-verb"}
    row |= {"line": "392", "section": "status", "reader": "", "review": "", "note": ""}
    reader = review.ReaderRow("9", "nova", "executing", "392", "…", False, "roles-reader-1")
    old = [dict(row, reader="other:executing", review="disputed", note="a study of the service, so researching")]
    assert review.merge([dict(row)], old, [reader]) == old  # unchanged: the review stays
    moved = review.merge([dict(row, line="393")], old, [reader])
    assert moved[0]["review"] == "unreviewed" and moved[0]["note"] == ""  # changed: to be reviewed again
    same = review.ReaderRow("9", "nova", "researching", "392", "…", True, "roles-reader-1")
    assert review.merge([dict(row)], old, [same])[0]["review"] == "agreed"  # the reader agrees: nothing to review


def _readme_actors() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("## Actors: who does what") : text.index("## Layout")]


def test_the_readme_gives_the_figures_the_review_measured(golden, readers) -> None:
    f = review.figures(golden, readers)
    p = review.Figures.percent
    section = " ".join(_readme_actors().split())
    expected = [
        f"{f.statements} role statements",
        f"roles other than `mentioned` ({f.substantive} statements): {p(f.substantive_right, f.substantive)} strict,"
        f" {p(f.substantive_arguable, f.substantive)} counting arguable calls as right",
        f"`mentioned` ({f.mentioned} statements): {p(f.mentioned_right, f.mentioned)} strict,"
        f" {p(f.mentioned_arguable, f.mentioned)} counting arguable calls as right",
        f"of the readers' {f.reader_substantive} statements other than `mentioned` the rules make"
        f" {p(f.reader_found, f.reader_substantive)} ({p(f.reader_found_arguable, f.reader_substantive)}",
        f"their {len(readers)} statements",
        f"{f.disputed} disputed",
        f"{f.errors} errors",
    ]
    for phrase in expected:
        assert phrase in section, phrase


def test_the_readme_counts_the_roles(roles: list[Role]) -> None:
    from collections import Counter

    section = " ".join(_readme_actors().split())
    for role, n in Counter(r.role for r in roles).items():
        assert re.search(rf"`{role}` {n}\b", section), (role, n)
