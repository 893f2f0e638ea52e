"""Read the overview table («Oversikt over tiltakene»): number, title, sub-measures and ministries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tiltaksgraf.loaders.text import clean_line, normalise_space

#: A ministry acronym as the table writes it: two to four capitals (JD, AID, KDD, HOD …).
ACRONYM = re.compile(r"\b[A-ZÆØÅ]{2,4}\b")
_LETTERED = re.compile(r"(?:^|\s)([a-d])\)\s")


@dataclass
class OverviewRow:
    """One row of the overview table."""

    number: int
    title: str
    line: int
    cell: str  # the ministries cell as printed (cleaned)
    subtitles: dict[str, str] = field(default_factory=dict)
    #: Ministries per sub-measure letter, or under "" for the whole measure.
    ministries: dict[str, list[str]] = field(default_factory=dict)
    #: How the ministries cell was read: "single", "lettered" or "grouped" (repeated lists, one per letter).
    reading: str = "single"


def split_lettered(text: str) -> tuple[str, dict[str, str]]:
    """Split "Lead text: a) one b) two" into the lead and its lettered parts, a–d in order.

    >>> split_lettered("Styrke X gjennom å: a) Gjøre A b) Gjøre B")
    ('Styrke X gjennom å:', {'a': 'Gjøre A', 'b': 'Gjøre B'})
    """
    markers = []
    expected = "a"
    for m in _LETTERED.finditer(text):
        if m.group(1) == expected:
            markers.append(m)
            expected = chr(ord(expected) + 1)
    if not markers:
        return normalise_space(text), {}
    lead = normalise_space(text[: markers[0].start()])
    parts: dict[str, str] = {}
    for m, nxt in zip(markers, [*markers[1:], None], strict=False):
        end = nxt.start() if nxt else len(text)
        parts[m.group(1)] = normalise_space(text[m.end() : end])
    return lead, parts


def _cells(raw: str) -> list[str]:
    inner = raw.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


def _acronym_groups(cell: str) -> list[list[str]]:
    """Acronyms in reading order, starting a new group whenever an acronym repeats.

    >>> _acronym_groups("JD, KDD, LMD JD, KDD, LMD")
    [['JD', 'KDD', 'LMD'], ['JD', 'KDD', 'LMD']]
    """
    groups: list[list[str]] = [[]]
    for acr in ACRONYM.findall(cell):
        if acr in groups[-1]:
            groups.append([])
        groups[-1].append(acr)
    return [g for g in groups if g]


def _is_number(cell: str) -> bool:
    """A measure number: decimal digits, at most four («²» or a 5,000-digit cell is not one)."""
    return cell.isdecimal() and len(cell) <= 4


def parse_overview(lines: list[str]) -> list[OverviewRow]:
    """Every row of a table whose header reads «Nr. | Tiltak | Ansvarlig departement»."""
    rows: list[OverviewRow] = []
    in_table = False
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if not stripped.startswith("|"):
            in_table = False
            continue
        cells = _cells(stripped)
        if len(cells) >= 3 and cells[0].rstrip(".").lower() == "nr" and "tiltak" in cells[1].lower():
            in_table = True
            continue
        if not in_table or not _is_number(cells[0]) or len(cells) < 3:
            continue
        title_text, _ = clean_line(cells[1])
        cell, _ = clean_line(cells[2])
        title, subtitles = split_lettered(title_text)
        row = OverviewRow(number=int(cells[0]), title=title, line=number, cell=cell, subtitles=subtitles)
        _read_ministries(row)
        rows.append(row)
    return rows


def _read_ministries(row: OverviewRow) -> None:
    """Fill ``row.ministries`` by the three explicit readings of the ministries cell."""
    lead, parts = split_lettered(row.cell)
    if parts:
        row.reading = "lettered"
        row.ministries = {letter: ACRONYM.findall(text) for letter, text in parts.items()}
        if lead:
            row.ministries[""] = ACRONYM.findall(lead)
        return
    groups = _acronym_groups(row.cell)
    if len(groups) > 1 and len(groups) == len(row.subtitles):
        row.reading = "grouped"
        row.ministries = dict(zip(sorted(row.subtitles), groups, strict=True))
        return
    seen: list[str] = []
    for acr in ACRONYM.findall(row.cell):
        if acr not in seen:
            seen.append(acr)
    row.ministries = {"": seen}
