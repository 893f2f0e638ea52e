"""The text of each measure, in parts that keep their source lines: title, description, status, footnotes.

The loader's model keeps a measure's text as strings; names and roles need the paragraphs with their
line mapping. This module rebuilds them from the source text and the model: the paragraphs
(:func:`loaders.blocks.split_blocks`) that fall in the measure's span are sorted into parts by the spans
and status texts the loader decided, so a paragraph belongs to the same (sub-)measure here as there.

- **title**: the «Tiltak N: …» heading, or a sub-measure's «a) …» heading;
- **description**: the prose before «Status:»;
- **status**: the paragraphs after «Status:»; a paragraph the loader gave to sub-measures (by its letter,
  «b) og c) …», or by position) belongs to each of them, any other to the measure;
- **footnote**: the text of each footnote whose mark stands in the measure's text.

The «Ansvarlig(e) departement(er): …» lines are left out: the responsible ministries come from the model.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tiltaksgraf.loaders.actors import Mention
from tiltaksgraf.loaders.blocks import source_blocks
from tiltaksgraf.loaders.mentions import LabelIndex, find_mentions
from tiltaksgraf.loaders.model import Measure, Report
from tiltaksgraf.loaders.sections import MINISTRIES, STATUS
from tiltaksgraf.loaders.text import Block

SECTIONS = ("title", "description", "status", "footnote")


@dataclass(frozen=True)
class TextPart:
    """A paragraph of a measure's text, the (sub-)measure it belongs to and its section."""

    owner: str  # "27" or "27a"
    section: str  # one of SECTIONS
    block: Block

    @property
    def section_label(self) -> str:
        """The section as the loader names evidence sections: «Tiltak 27 a), status»."""
        number = "".join(ch for ch in self.owner if ch.isdigit())
        letter = self.owner[len(number) :]
        label = f"Tiltak {number} {letter})" if letter else f"Tiltak {number}"
        return label if self.section in ("title", "description") else f"{label}, {self.section}"


def measure_parts(report: Report, source_text: str) -> dict[int, list[TextPart]]:
    """Every measure's parts, by measure number, in source order (footnotes last)."""
    blocks, _ = source_blocks(source_text)
    return {m.number: _parts(m, blocks, report) for m in report.measures}


def measure_mentions(parts: dict[int, list[TextPart]], index: LabelIndex) -> list[Mention]:
    """Every organisation and programme each measure names, tagged with its (sub-)measure and section."""
    out: list[Mention] = []
    for number in sorted(parts):
        for part in parts[number]:
            out += [replace(m, measure=part.owner, section=part.section) for m in find_mentions(part.block, index)]
    return out


def _parts(measure: Measure, blocks: list[Block], report: Report) -> list[TextPart]:
    out: list[TextPart] = []
    status_start = measure.status_span.start if measure.status_span else measure.span.end + 1
    for block in blocks:
        if not measure.span.start <= block.start <= measure.span.end:
            continue
        prose = _without_ministries(block)
        if prose is None:
            continue
        if block.start < status_start:
            out.append(_description_part(measure, prose))
        else:
            out.extend(_status_parts(measure, prose))
    notes = {f.number: f for f in report.footnotes}
    seen: set[int] = set()
    for mark in measure.footnote_marks:
        note = notes.get(mark.number)
        if note is None or mark.number in seen:
            continue  # a stray mark with no footnote text
        seen.add(mark.number)
        out.append(TextPart(mark.measure, "footnote", Block(note.text, note.line, note.line, [(0, note.line)])))
    return out


def _without_ministries(block: Block) -> Block | None:
    """The block without a trailing «Ansvarlig departement: …» line (None when nothing else is left)."""
    m = MINISTRIES.search(block.text)
    if not m:
        return block
    if m.start() == 0:
        return None
    head = block.slice(0, m.start())
    head.text = head.text.rstrip()
    return head


def _description_part(measure: Measure, block: Block) -> TextPart:
    for sub in measure.submeasures:
        if sub.span.start <= block.start <= sub.span.end:
            return TextPart(sub.label, "title" if block.start == sub.span.start else "description", block)
    return TextPart(measure.label, "title" if block.start == measure.span.start else "description", block)


def _status_parts(measure: Measure, block: Block) -> list[TextPart]:
    heading = STATUS.match(block.text)
    if heading:  # «Status:» alone, or «Status: text» on one line
        if not heading.group(1):
            return []
        block = block.slice(heading.start(1))
    owners = [s.label for s in measure.submeasures if block.text in s.status_text.split("\n\n")]
    return [TextPart(owner, "status", block) for owner in owners or [measure.label]]
