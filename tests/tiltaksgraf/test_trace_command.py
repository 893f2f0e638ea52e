"""`tiltaksgraf trace`: one measure's story for planners, or the continuation table, all through SPARQL."""

from __future__ import annotations

import csv
import io

from tiltaksgraf.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_trace_19_shows_it_continued_with_the_quoted_commitment(graph_file, capsys):
    code, out, _ = run(capsys, "trace", "19", "--graph", str(graph_file))
    assert code == 0
    text = " ".join(out.split())  # the layout wraps long lines
    assert text.startswith("Tiltak 19: Styrke samarbeidet mellom direktoratene i arbeidet mot vold i nære relasjoner")
    assert "successor plan continued: Trygghet for alle" in text
    assert "commitment «Regjeringen vil etablere en struktur på direktoratsnivå for bedre tverrsektorielt" in text
    assert "status completed «Direktoratsgruppen mot vold i nære relasjoner" in text
    assert "responsible (overview) AID, BFD, HOD, JD, KD, KDD, KUD, LMD" in text


def test_trace_19_as_csv_and_markdown(graph_file, capsys):
    _, out, _ = run(capsys, "trace", "19", "--graph", str(graph_file), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["plan", "number", "aspect", "value", "evidence", "lines"]
    commitment = next(r for r in rows if r["aspect"] == "commitment")
    assert commitment["value"].startswith("Regjeringen vil etablere en struktur på direktoratsnivå")
    assert commitment["evidence"].startswith("«Regjeringen vil") and commitment["lines"] == "559"
    _, out, _ = run(capsys, "trace", "19", "--graph", str(graph_file), "-f", "md")
    assert out.splitlines()[0] == "| plan | number | aspect | value | evidence | lines |"
    assert "| 19 | successor plan | continued: Trygghet for alle |" in out


def test_trace_of_all_measures_is_the_continuation_query(graph_file, capsys):
    _, traced, _ = run(capsys, "trace", "--graph", str(graph_file), "-f", "csv")
    _, table, _ = run(capsys, "query", "continuation-table", "--graph", str(graph_file), "-f", "csv")
    _, contract, _ = run(capsys, "query", "continuation", "--graph", str(graph_file), "-f", "csv")
    assert traced == table
    rows = list(csv.DictReader(io.StringIO(traced)))
    assert list(rows[0]) == [
        "plan",
        "measure",
        "title",
        "status",
        "relation",
        "parts",
        "followed_up_by",
        "evidence",
        "commitment",
    ]
    assert [[r["measure"], r["relation"], r["evidence"]] for r in rows] == list(csv.reader(io.StringIO(contract)))[1:]
    assert len(rows) == 24


def test_trace_errors(graph_file, capsys):
    code, out, err = run(capsys, "trace", "99", "--graph", str(graph_file))
    assert code == 2 and out == ""
    assert "no measure '99' in the graph (did you mean '9'" in err and len(err.splitlines()) == 1


def test_trace_28_says_the_successor_plan_is_not_mentioned(graph_file, capsys):
    code, out, _ = run(capsys, "trace", "28", "--graph", str(graph_file))
    text = " ".join(out.split())
    assert code == 0 and "successor plan not mentioned" in text
    assert "status discontinued (contested)" in text  # dropped, yet work is reported: a person should read it
    _, out, _ = run(capsys, "trace", "28", "--graph", str(graph_file), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["number"], r["value"]) for r in rows if r["aspect"] == "successor plan"] == [("28", "not mentioned")]


def test_trace_shows_the_parts_a_continuation_covers_and_who_follows_it_up(graph_file, capsys):
    _, out, _ = run(capsys, "trace", "34", "--graph", str(graph_file), "-f", "csv")
    plan = {r["number"]: r["value"] for r in csv.DictReader(io.StringIO(out)) if r["aspect"] == "successor plan"}
    assert plan == {
        "34": "continued (part: 34b): Trygghet for alle",
        "34a": "not mentioned",
        "34b": "continued: Trygghet for alle",
    }
    _, out, _ = run(capsys, "trace", "56", "--graph", str(graph_file), "-f", "csv")
    plan = {r["number"]: r["value"] for r in csv.DictReader(io.StringIO(out)) if r["aspect"] == "successor plan"}
    assert plan["56a"] == "continued with measure 56"
    _, out, _ = run(capsys, "trace", "46", "--graph", str(graph_file))
    assert "followed up by JD" in " ".join(out.split())


def test_trace_shows_the_other_readings_of_a_contested_status(graph_file, capsys):
    _, out, _ = run(capsys, "trace", "14", "--graph", str(graph_file), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["value"] for r in rows if r["aspect"] == "status"] == ["completed (contested)"]
    also = [r for r in rows if r["aspect"] == "also read"]
    assert [(r["value"], r["lines"]) for r in also] == [("regular_operations (standing-task)", "464")]


def test_trace_open_lists_the_loose_ends_in_three_formats(graph_file, capsys):
    code, out, _ = run(capsys, "trace", "--open", "--graph", str(graph_file), "-f", "csv")
    _, table, _ = run(capsys, "query", "loose-ends", "--graph", str(graph_file), "-f", "csv")
    assert code == 0 and out == table
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["plan", "measure", "title", "status", "evidence", "lines"] and len(rows) == 25
    assert {r["status"] for r in rows} == {"in_progress", "not_started"}
    _, md, _ = run(capsys, "trace", "--open", "--graph", str(graph_file), "-f", "md")
    assert md.splitlines()[0] == "| plan | measure | title | status | evidence | lines |" and "| 34a |" in md
    _, text, _ = run(capsys, "trace", "--open", "--graph", str(graph_file))
    assert text.splitlines()[0].split() == ["plan", "measure", "title", "status", "evidence", "lines"]
    assert "(25 rows)" in text


def test_trace_open_with_a_measure_is_a_usage_error(graph_file, capsys):
    code, out, err = run(capsys, "trace", "3", "--open", "--graph", str(graph_file))
    assert code == 2 and out == "" and "either MEASURE or --open" in err
