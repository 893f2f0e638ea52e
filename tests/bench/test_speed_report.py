"""The README's speed section is the one drawn from the committed benchmark results, and so is the plot."""

from __future__ import annotations

from bench.plot import README, goals, load, plot, readme_section, section


def test_the_readme_holds_the_tables_of_the_committed_results():
    assert readme_section(README.read_text(encoding="utf-8")) == section(load())


def test_every_goal_of_the_issue_has_a_row_with_its_figure():
    rows = goals(load()).splitlines()[2:]
    assert len(rows) >= 9 and all(row.count("|") == 4 for row in rows)
    assert any("30 reports" in row and "peak memory" in row for row in rows)


def test_the_plot_is_drawn_from_the_results(tmp_path):
    path = plot(load(), tmp_path / "speed.png")
    assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 10_000


def test_validation_is_more_than_half_of_the_corpus_build_as_the_readme_says():
    assert "validation is more\nthan half of 30 reports' build" in README.read_text(encoding="utf-8")
    [size] = [s for s in load()["sizes"] if s["n"] == 30]
    assert size["validate"]["median_s"] > size["build"]["median_s"] / 2
