"""Every reader of a report sees the same lines (issue 10, findings 6 and 7): page-break characters are white
space, CRLF and a BOM are nothing, control characters are refused with their line, numbers never crash."""

from __future__ import annotations

import pytest
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.report import load_report, parse_report
from tiltaksgraf.loaders.text import source_text

from tests.conftest import MINI

ANCHOR = "Et forum skal opprettes."


@pytest.mark.parametrize("char", ["\f", "\v", "\x85", "\u2028", "\u2029"])
def test_a_page_break_character_is_a_space(char):
    text = MINI.read_text(encoding="utf-8").replace(ANCHOR, f"Et forum skal{char}opprettes.", 1)
    report = parse_report(text, "ff.md")
    assert report.measures[4].description == "Et forum skal opprettes."
    assert report.line_count == parse_report(MINI.read_text(encoding="utf-8"), "mini.md").line_count


def test_crlf_and_a_bom_change_nothing():
    text = MINI.read_text(encoding="utf-8")
    crlf = parse_report("\ufeff" + text.replace("\n", "\r\n"), "mini.md")
    plain = parse_report(text, "mini.md")
    assert [(m.number, m.title, m.span) for m in crlf.measures] == [(m.number, m.title, m.span) for m in plain.measures]


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\x9f"])
def test_a_control_character_is_refused_with_its_line_and_column(char):
    text = MINI.read_text(encoding="utf-8").replace(ANCHOR, f"Et forum{char} skal opprettes.", 1)
    line = text[: text.index(char)].count("\n") + 1
    with pytest.raises(SourceError, match=rf":{line}: control character U\+00{ord(char):02X} at column 9"):
        parse_report(text, "ctl.md")


def test_a_byte_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    data = MINI.read_bytes().replace(ANCHOR.encode(), b"Et forum \xff skal opprettes.", 1)
    (tmp_path / "latin.md").write_bytes(data)
    line = data[: data.index(b"\xff")].count(b"\n") + 1
    with pytest.raises(SourceError, match=rf"latin.md:{line}: is not UTF-8 text \(byte 0xFF at column 10\)"):
        load_report(tmp_path / "latin.md")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("| 3 | Evaluere", "| ² | Evaluere"),  # a superscript in the number column
        ("| 3 | Evaluere", "| " + "3" * 5000 + " | Evaluere"),
        ("Tiltak 4: Vurdere", "Tiltak " + "4" * 5000 + ": Vurdere"),  # a heading with a 5,000-digit number
        ("Innsatsområde 2:", "Innsatsområde " + "2" * 5000 + ":"),
        ("jf. tiltak 1.", "jf. tiltak " + "1" * 5000 + "."),
        ("Veilederen ble lansert", "¹" * 5000 + " Veilederen ble lansert"),
        ("| 3 | Evaluere", "| ٣ | Evaluere"),  # Arabic-Indic digits are digits
    ],
)
def test_numbers_in_the_source_never_crash(old, new):
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    try:
        parse_report(text.replace(old, new, 1), "n.md")
    except SourceError as exc:
        assert exc.line  # refused, naming the line


def test_source_text_is_idempotent():
    text = "\ufeffa\r\nb\fc\rd"
    assert source_text(source_text(text)) == source_text(text) == "a\nb c\nd"


def test_the_missing_successor_plan_names_its_line():
    text = MINI.read_text(encoding="utf-8").replace("Prop. 36 S", "Prop. S", 1)
    with pytest.raises(SourceError, match=r"nosucc.md:\d+: no reference to the successor plan"):
        parse_report(text, "nosucc.md")


def test_a_heading_with_an_absurd_number_is_refused_not_read_as_prose():
    text = MINI.read_text(encoding="utf-8").replace("Tiltak 4: Vurdere", "Tiltak " + "4" * 5000 + ": Vurdere", 1)
    line = text.split("\n").index("Tiltak " + "4" * 5000 + ": Vurdere en ny lov") + 1
    with pytest.raises(SourceError, match=rf"n.md:{line}: «Tiltak 444444444444…:» has a number of 5000 digits"):
        parse_report(text, "n.md")
