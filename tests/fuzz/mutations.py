"""Hypothesis strategies that mutate a report the way conversions, editors and careless hands do.

A mutated report is the bytes of a real report after a few of: deleted, duplicated and swapped lines (and
whole runs of lines, such as a measure's section or the overview table), a truncation, control characters
and invalid UTF-8, changed numbers (zero, huge, negative, superscript and Arabic-Indic digits, 5,000
digits), CRLF line ends, a byte order mark, page-break characters, structural lines put in the wrong place,
and huge lines. Sizes scale with :data:`HUGE` so that ``make test`` stays fast and ``make fuzz`` goes far.
"""

from __future__ import annotations

import os
import re

from hypothesis import strategies as st

#: The longest line a mutation inserts (``make fuzz`` sets TILTAKSGRAF_FUZZ_HUGE=200000).
HUGE = int(os.environ.get("TILTAKSGRAF_FUZZ_HUGE", "20000"))

#: Lines that mean something to the loader, to put where they do not belong.
STRUCTURE = [
    "Tiltak 1: Et tiltak som finnes fra før",
    "Tiltak 99: Et nytt tiltak",
    "Tiltak 0:",
    "Innsatsområde 1: Forebygging",
    "Innsatsområde 9:",
    "Status:",
    "Status: Tiltaket er gjennomført.",
    "Ansvarlige departementer: JD, BFD",
    "Ansvarlig departement:",
    "a) Et deltiltak",
    "d) Enda et deltiltak",
    "| Nr. | Tiltak | Ansvarlig departement |",
    "| 3 | Et tiltak | JD |",
    "| ² | Et tiltak | JD |",
    "|||",
    "¹ Hansen, K. (2022). En rapport. NOVA Rapport 3/22.",
    "⁹⁹ En fotnote uten merke.",
    "Sluttrapport, april 2025",
    "jf. tiltak 3, se også tiltak 12345",
    "Dette punktet utgår.",
    "Regjeringen vil etablere en struktur. Trygghet for alle (2024–2028).",
    "[her](#) [[[[ ]]]] *** **",
    "",
]
#: What a number can become.
NUMBERS = ["0", "00", "-1", "99", "2", "²", "¹³", "٣", "１", "9" * 40, "1" * 5000, "1.5", "1e9", ""]
#: Characters that are no plain text, or end lines where the loader does not.
ODD_CHARACTERS = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9f", "\f", "\v", "\u2028", "\u2029", "\ufeff", "\r"]
#: Tokens that a huge line repeats: letters, sentence ends, link and emphasis marks, headings, numbers.
TOKENS = ["a", "[", "*", ". A", "[a](", "¹", "Tiltak 1 ", "1 ", "jf. tiltak 3 ", "|", "«", "A.", "(", "\\", "æ "]

_NUMBER = re.compile(r"\d+")


@st.composite
def _mutation(draw: st.DrawFn, lines: list[str]) -> tuple:
    kind = draw(
        st.sampled_from(
            ["delete", "delete-run", "duplicate", "duplicate-run", "swap", "structure", "number", "odd", "huge", "text"]
        )
    )
    at = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind in ("delete-run", "duplicate-run"):
        return kind, at, draw(st.integers(2, 40))
    if kind == "swap":
        return kind, at, draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "structure":
        return kind, at, draw(st.sampled_from(STRUCTURE))
    if kind == "number":
        return kind, at, draw(st.sampled_from(NUMBERS))
    if kind == "odd":
        return kind, at, draw(st.sampled_from(ODD_CHARACTERS)), draw(st.integers(0, 200))
    if kind == "huge":
        return kind, at, draw(st.sampled_from(TOKENS)), draw(st.integers(1, HUGE))
    if kind == "text":
        return kind, at, draw(st.text(max_size=40)), draw(st.integers(0, 200))
    return kind, at


def _apply(lines: list[str], mutation: tuple) -> list[str]:
    kind, at, *rest = mutation
    lines = list(lines)
    if not lines:
        return lines
    at = min(at, len(lines) - 1)
    if kind == "delete":
        del lines[at]
    elif kind == "delete-run":
        del lines[at : at + rest[0]]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "duplicate-run":
        lines[at:at] = lines[at : at + rest[0]]
    elif kind == "swap":
        other = min(rest[0], len(lines) - 1)
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == "structure":
        lines.insert(at, rest[0])
    elif kind == "number":
        lines[at] = _NUMBER.sub(rest[0], lines[at], count=1)
    elif kind in ("odd", "text"):
        pos = min(rest[1], len(lines[at]))
        lines[at] = lines[at][:pos] + rest[0] + lines[at][pos:]
    elif kind == "huge":
        token, size = rest
        lines[at] = lines[at] + " " + token * max(1, size // len(token))
    return lines


@st.composite
def mutated_reports(draw: st.DrawFn, text: str, max_mutations: int = 6) -> bytes:
    """The bytes of ``text`` after a few mutations."""
    lines = text.split("\n")
    for mutation in draw(st.lists(_mutation(lines), min_size=1, max_size=max_mutations)):
        lines = _apply(lines, mutation)
    out = "\n".join(lines)
    if draw(st.booleans()) and draw(st.booleans()):
        out = out.replace("\n", "\r\n")
    if draw(st.integers(0, 9)) == 0:
        out = "\ufeff" + out
    data = out.encode("utf-8")
    if draw(st.integers(0, 5)) == 0:  # invalid UTF-8: a stray byte, or a character cut in half
        pos = draw(st.integers(0, len(data)))
        data = data[:pos] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80"])) + data[pos:]
    if draw(st.integers(0, 7)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data
