"""A measure's text in parts that keep their lines and belong to the same (sub-)measure as in the model."""

from __future__ import annotations

import re

from tiltaksgraf.loaders.measure_text import TextPart, measure_parts
from tiltaksgraf.loaders.model import Report
from tiltaksgraf.loaders.report import parse_report
from tiltaksgraf.loaders.text import line_block


def _layout(parts: list[TextPart]) -> list[tuple[str, str, int]]:
    return [(p.owner, p.section, p.block.start) for p in parts]


def test_a_measure_with_lettered_parts_and_a_shared_status_paragraph(parts: dict[int, list[TextPart]]) -> None:
    assert _layout(parts[27]) == [
        ("27", "title", 687),
        ("27a", "title", 689),
        ("27a", "description", 691),
        ("27b", "title", 695),
        ("27b", "description", 697),
        ("27c", "title", 701),
        ("27c", "description", 703),
        ("27a", "status", 707),
        ("27b", "status", 708),  # «b) og c) er ikke påbegynt.» belongs to both
        ("27c", "status", 708),
        ("27a", "footnote", 722),
    ]


def test_an_unlettered_status_paragraph_goes_where_the_loader_put_it(parts: dict[int, list[TextPart]]) -> None:
    assert _layout(parts[34])[-3:] == [("34a", "status", 816), ("34a", "status", 818), ("34b", "status", 820)]


def test_footnotes_are_parts_of_the_measure_that_carries_the_mark(parts: dict[int, list[TextPart]]) -> None:
    notes = [(p.owner, p.block.start, p.block.text[:22]) for p in parts[40] if p.section == "footnote"]
    assert notes == [("40", 987, "Dullum, J., Lid, S. & ")]
    # footnote 4 stands at line 434, among the text of measure 13, but its mark is in measure 11
    assert [p.block.start for p in parts[11] if p.section == "footnote"] == [434]
    assert all(p.block.start != 434 for p in parts[13])


def test_ministry_lines_are_left_out(parts: dict[int, list[TextPart]]) -> None:
    lines = [p for ps in parts.values() for p in ps if re.search(r"Ansvarlige? departement(?:er)?:", p.block.text)]
    assert lines == []
    [block] = [p.block for p in parts[8] if p.block.start == 356]
    assert block.text.endswith("Helse Vest RHF skal samarbeide med de øvrige RHFene om oppdraget.")
    assert block.line_at(len(block.text) - 1) == 358


def test_every_measure_has_a_title_part(report: Report, parts: dict[int, list[TextPart]]) -> None:
    for m in report.measures:
        titles = [p for p in parts[m.number] if p.owner == m.label and p.section == "title"]
        assert len(titles) == 1 and titles[0].block.text.startswith(f"Tiltak {m.number}:")


def test_section_labels_name_the_part_as_the_loader_does() -> None:
    block = line_block("x", 1)
    assert TextPart("27a", "status", block).section_label == "Tiltak 27 a), status"
    assert TextPart("27", "description", block).section_label == "Tiltak 27"
    assert TextPart("40", "footnote", block).section_label == "Tiltak 40, footnote"


def test_status_on_the_heading_line_keeps_its_text() -> None:
    text = "\n".join(
        [
            "Handlingsplan mot vold i nære relasjoner (2021–2024)",
            "",
            "«Frihet fra vold»",
            "",
            "Sluttrapport, april 2025",
            "",
            "Planen følges opp i Prop. 36 S (2023–2024) Opptrappingsplan mot vold (2024–2028) *Trygghet for alle*.",
            "",
            "Innsatsområde 1: Forebygging",
            "",
            "Tiltak 1: Gjøre noe",
            "",
            "Beskrivelse av tiltaket.",
            "",
            "Ansvarlig departement: JD",
            "",
            "Status: NKVTS har gjennomført arbeidet.",
        ]
    )
    small = parse_report(text)
    [status] = [p for p in measure_parts(small, text)[1] if p.section == "status"]
    assert (status.block.text, status.block.start) == ("NKVTS har gjennomført arbeidet.", 17)
