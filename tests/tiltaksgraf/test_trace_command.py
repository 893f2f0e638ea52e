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
    assert list(rows[0]) == ["number", "aspect", "value", "evidence", "lines"]
    commitment = next(r for r in rows if r["aspect"] == "commitment")
    assert commitment["value"].startswith("Regjeringen vil etablere en struktur på direktoratsnivå")
    assert commitment["evidence"].startswith("«Regjeringen vil") and commitment["lines"] == "559"
    _, out, _ = run(capsys, "trace", "19", "--graph", str(graph_file), "-f", "md")
    assert out.splitlines()[0] == "| number | aspect | value | evidence | lines |"
    assert "| 19 | successor plan | continued: Trygghet for alle |" in out


def test_trace_of_all_measures_is_the_continuation_query(graph_file, capsys):
    _, traced, _ = run(capsys, "trace", "--graph", str(graph_file), "-f", "csv")
    _, table, _ = run(capsys, "query", "continuation-table", "--graph", str(graph_file), "-f", "csv")
    _, contract, _ = run(capsys, "query", "continuation", "--graph", str(graph_file), "-f", "csv")
    assert traced == table
    rows = list(csv.DictReader(io.StringIO(traced)))
    assert list(rows[0]) == ["measure", "title", "status", "relation", "evidence", "commitment"]
    assert [[r["measure"], r["relation"], r["evidence"]] for r in rows] == list(csv.reader(io.StringIO(contract)))[1:]
    assert len(rows) == 24


def test_trace_errors(graph_file, capsys):
    code, out, err = run(capsys, "trace", "99", "--graph", str(graph_file))
    assert code == 2 and out == ""
    assert "no measure '99' in the graph (did you mean '9'" in err and len(err.splitlines()) == 1
