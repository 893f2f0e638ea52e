"""`tiltaksgraf quality`: the data-quality report on the source, as Markdown, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json

from rdflib import Graph

from tests.conftest import FIXTURES, MINI_REGISTRY
from tiltaksgraf.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_markdown_report_of_the_embedded_report(capsys):
    code, out, _ = run(capsys, "quality")
    assert code == 0
    assert out.startswith("# Data quality of the source: «Frihet fra vold», Sluttrapport, april 2025\n")
    for heading in (
        "## Responsibility differs between overview and body (2)",
        "## Responsibility line missing in body (2)",
        "## Publication cited twice (6)",
        "## Repeated footnote does not fit its sentence (1)",
        "## Footnote mark without text (3)",
        "## Footnote text in the prose (1)",
        "## Stray number in the prose (1)",
        "## Date after the report's date (1)",
        "## Impossible order of dates (2)",
        "## Successor plan with wrong years (2)",
    ):
        assert f"\n{heading}\n" in out, heading
    section = out.split("## Date after the report's date (1)")[1].split("\n## ")[0]
    assert "| 16 | 504 | JD femmet i november 2025 en proposisjon" in section
    assert "The report says" not in section and "A sentence in the past tense" in section  # the kind's definition


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_finding_with_lines_and_text(capsys):
    code, out, _ = run(capsys, "quality", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "measure,kind,lines,text,explanation"
    table = rows(out)
    picked = {(r["measure"], r["kind"], r["lines"]) for r in table}
    for expected in [
        ("26", "responsibility-missing-body-line", "665-685"),
        ("33", "responsibility-differs", "780-798"),
        ("36", "responsibility-differs", "836-864"),
        ("22", "footnote-mark-without-text", "605"),
        ("30", "footnote-mark-without-text", "740"),
        ("41a", "footnote-mark-without-text", "993"),
        ("74", "successor-plan-wrong-years", "1459"),
        ("75", "successor-plan-wrong-years", "1469"),
        ("16", "date-after-report", "504"),
        ("15", "impossible-date-order", "476"),
        ("51", "stray-number-in-prose", "1141"),
        ("24a", "footnote-text-in-prose", "635"),
        ("33", "repeated-footnote-off-topic", "792"),
    ]:
        assert expected in picked, expected
    pairs = {(r["measure"], r["lines"]) for r in table if r["kind"] == "publication-cited-twice"}
    assert pairs == {("3", "252"), ("40", "987"), ("13", "456"), ("37b", "927"), ("32", "778"), ("33", "798")}
    assert next(r for r in table if r["kind"] == "stray-number-in-prose")["text"].startswith("Gjennom å plassere")


def test_json_to_a_file_with_another_registry(tmp_path, capsys):
    registry = tmp_path / "organisations.ttl"
    merged = Graph().parse(MINI_REGISTRY).parse(FIXTURES / "misspellings.ttl")
    merged.serialize(registry, format="turtle", encoding="utf-8")
    target = tmp_path / "quality.json"
    code, out, err = run(capsys, "quality", "--format", "json", "-o", str(target), "--registry", str(registry))
    assert code == 0 and out == "" and f"findings written to {target}" in err
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert set(doc[0]) == {"measure", "kind", "lines", "text", "explanation"}
    misspelt = [d for d in doc if d["kind"] == "misspelt-organisation-name"]
    assert len(misspelt) == 8 and misspelt[0]["explanation"].startswith("«Buudir» for «Barne-, ungdoms- og")


def test_another_source_and_a_missing_one(tmp_path, capsys):
    code, out, _ = run(capsys, "quality", str(FIXTURES / "mini-report.md"), "-f", "csv")
    assert code == 0
    assert {r["kind"] for r in rows(out)} == {
        "footnote-mark-without-text",
        "misspelt-plan-name",
        "publication-cited-twice",
        "responsibility-differs",
        "responsibility-missing-body-line",
        "successor-plan-wrong-years",
    }
    code, out, err = run(capsys, "quality", str(tmp_path / "nope.md"))
    assert code == 2 and out == "" and "nope.md: no such file" in err


def test_the_contested_statuses_are_listed_for_a_person_to_read(capsys):
    _, out, _ = run(capsys, "quality")
    section = out.split("## Contested status (11)")[1].split("\n## ")[0]
    assert "| 14 | 454-460 |" in section
    assert "completed (explicit/done-passive" not in section  # readings are listed by rule id
    assert "regular_operations (standing-task, line 464)" in section and "«completed» stands" in section
    _, out, _ = run(capsys, "quality", "--format", "csv")
    contested = [r["measure"] for r in rows(out) if r["kind"] == "status-contested"]
    assert contested == ["6d", "14", "21", "25", "28", "36", "37a", "38", "48", "49", "50"]
