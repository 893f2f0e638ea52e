"""Find the report's structure in its paragraphs: focus areas, measures, sub-measures, ministries, status."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tiltaksgraf.loaders.blocks import LETTER_MARKER
from tiltaksgraf.loaders.text import Block

FOCUS_AREA = re.compile(r"^Innsatsområde (\d{1,3}):\s*(.+?)\s*$")
MEASURE = re.compile(r"^Tiltak (\d{1,4}):\s*(.+?)\s*$")
STATUS = re.compile(r"^Status:\s*(.*)$")
MINISTRIES = re.compile(r"(?:^|(?<=[.!?] ))(Ansvarlige? departement(?:er)?):\s*(.+)$")
#: A status paragraph's letters: "a) …", "- a) …", "b) og c) …".
STATUS_LETTERS = re.compile(r"^(?:-\s*)?((?:[a-d]\)(?:\s*(?:og|,)\s*)?)+)\s*")


@dataclass
class MinistryLine:
    """A body line «Ansvarlig(e) departement(er): …»."""

    label: str
    text: str
    block: Block


@dataclass
class RawSub:
    """A lettered sub-measure as it stands in the body, before any rule runs."""

    letter: str
    heading: Block
    description: list[Block] = field(default_factory=list)
    ministry_lines: list[MinistryLine] = field(default_factory=list)
    status: list[Block] = field(default_factory=list)
    status_inferred: bool = False  # its status paragraph carried no letter and was placed by position


@dataclass
class RawMeasure:
    """A «Tiltak N» section as it stands in the body."""

    number: int
    heading: Block
    focus_area: int
    description: list[Block] = field(default_factory=list)
    ministry_lines: list[MinistryLine] = field(default_factory=list)
    subs: list[RawSub] = field(default_factory=list)
    status_heading: Block | None = None
    status: list[Block] = field(default_factory=list)  # the whole status, lettered paragraphs included
    status_lead: list[Block] = field(default_factory=list)  # unlettered status paragraphs before any letter
    status_letters: list[str] = field(default_factory=list)  # the letters of the last lettered paragraph
    end: int = 0

    @property
    def title(self) -> str:
        m = MEASURE.match(self.heading.text)
        return m.group(2) if m else self.heading.text


@dataclass
class RawFocusArea:
    number: int
    name: str
    heading: Block
    description: list[Block] = field(default_factory=list)
    end: int = 0


def _split_ministry_line(block: Block) -> tuple[Block | None, MinistryLine | None]:
    """Split a block into its prose and a trailing ministries line, if it has one."""
    m = MINISTRIES.search(block.text)
    if not m:
        return block, None
    if m.start() == 0:
        return None, MinistryLine(m.group(1), m.group(2), block)
    head = block.slice(0, m.start())
    head.text = head.text.rstrip()
    tail = block.slice(m.start())
    return head, MinistryLine(m.group(1), m.group(2), tail)


def find_sections(blocks: list[Block], lines: list[str]) -> tuple[list[RawFocusArea], list[RawMeasure]]:
    """Focus areas and measures, each with its paragraphs, in source order.

    Everything before the first «Innsatsområde N:» heading (title page, contents, acronyms,
    introduction) is front matter and is skipped here. A section runs from its heading to the last
    non-blank line before the next heading of its level or above (footnote lines included).
    """
    areas: list[RawFocusArea] = []
    measures: list[RawMeasure] = []
    area: RawFocusArea | None = None
    measure: RawMeasure | None = None
    sub: RawSub | None = None
    in_status = False
    for block in blocks:
        fa = FOCUS_AREA.match(block.text)
        if fa:
            area = RawFocusArea(int(fa.group(1)), fa.group(2), block)
            areas.append(area)
            measure, sub, in_status = None, None, False
            continue
        if area is None:
            continue
        me = MEASURE.match(block.text)
        if me:
            measure = RawMeasure(int(me.group(1)), block, area.number)
            measures.append(measure)
            sub, in_status = None, False
            continue
        if measure is None:
            area.description.append(block)
            continue
        st = STATUS.match(block.text)
        if st and not in_status:
            in_status = True
            measure.status_heading = block
            sub = None
            if st.group(1):
                rest = Block(st.group(1), block.start, block.end, [(0, block.start)])
                _add_status(measure, rest)
            continue
        if in_status:
            _add_status(measure, block)
            continue
        prose, ministries = _split_ministry_line(block)
        if prose is not None:
            letter = LETTER_MARKER.match(prose.text)
            if letter:
                sub = RawSub(letter.group(1), prose)
                measure.subs.append(sub)
            elif sub is not None:
                sub.description.append(prose)
            else:
                measure.description.append(prose)
        if ministries is not None:
            (sub.ministry_lines if sub is not None else measure.ministry_lines).append(ministries)
    _set_ends(areas, measures, lines)
    return areas, measures


def _set_ends(areas: list[RawFocusArea], measures: list[RawMeasure], lines: list[str]) -> None:
    """End each section at the last non-blank line before the next heading of its level or above."""

    def last_text_line(before: int) -> int:
        line = before - 1
        while line > 1 and not lines[line - 1].strip():
            line -= 1
        return line

    area_starts = [a.heading.start for a in areas] + [len(lines) + 1]
    for area, nxt in zip(areas, area_starts[1:], strict=True):
        area.end = last_text_line(nxt)
    starts = sorted([*area_starts, *(m.heading.start for m in measures)])
    for m in measures:
        m.end = last_text_line(next(s for s in starts if s > m.heading.start))


def _add_status(measure: RawMeasure, block: Block) -> None:
    """Add a status paragraph, routing lettered paragraphs (and what follows them) to sub-measures."""
    measure.status.append(block)
    m = STATUS_LETTERS.match(block.text)
    letters = re.findall(r"([a-d])\)", m.group(1)) if m else []
    subs = {s.letter: s for s in measure.subs}
    if m and letters and all(letter in subs for letter in letters):
        for letter in letters:
            subs[letter].status.append(block)
        measure.status_letters = letters
        return
    for letter in measure.status_letters:
        subs[letter].status.append(block)
    if not measure.status_letters:
        measure.status_lead.append(block)
