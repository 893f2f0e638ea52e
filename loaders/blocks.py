"""Turn the source lines into paragraphs: footnote lines set apart, page-broken paragraphs joined."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tiltaksgraf.loaders.text import SUPERSCRIPT_DIGITS, Block, clean_line, line_block, superscript_to_int

#: A footnote line: its number in superscript, then text that starts with something else.
FOOTNOTE_LINE = re.compile(f"^([{SUPERSCRIPT_DIGITS}]+)\\s*([^\\s{SUPERSCRIPT_DIGITS}].*)$")
LETTER_MARKER = re.compile(r"^(?:-\s*)?([a-d])\)\s")
BULLET = re.compile(r"^[-*•]\s")
#: Lines that open a new unit and are never the tail of a page-broken paragraph.
HEADING = re.compile(
    r"^(?:Tiltak \d{1,4}:|Innsatsområde \d{1,3}:|Status:|Ansvarlige? departement(?:er)?:|Innledning$|Akronymer$)"
)
#: A paragraph that ends with one of these has ended; anything else may run on after a page break.
_ENDS_PARAGRAPH = re.compile(r"[.!?:;]$")


@dataclass(frozen=True)
class RawFootnote:
    """A footnote line: number, cleaned text and line."""

    number: int
    text: str
    line: int


def is_table_row(raw: str) -> bool:
    return raw.lstrip().startswith("|")


@lru_cache(maxsize=4)
def source_blocks(text: str) -> tuple[tuple[Block, ...], tuple[RawFootnote, ...]]:
    """:func:`split_blocks` of a source's text, split once: the report, its measures' parts, its documents, its
    misspellings and its unresolved names all read the same blocks (shared, so read, never changed)."""
    blocks, footnotes = split_blocks(text.split("\n"))
    return tuple(blocks), tuple(footnotes)


def split_blocks(lines: list[str]) -> tuple[list[Block], list[RawFootnote]]:
    """Paragraph blocks of prose (page breaks joined) and the footnote lines, in source order.

    Table rows are left out: :mod:`loaders.overview` reads them from the lines directly.
    """
    blocks: list[Block] = []
    footnotes: list[RawFootnote] = []
    current: Block | None = None
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if not stripped or is_table_row(stripped):
            current = None
            continue
        note = FOOTNOTE_LINE.match(stripped)
        if note and (text := clean_line(note.group(2))[0]):
            footnotes.append(RawFootnote(superscript_to_int(note.group(1)), text, number))
            current = None
            continue
        block = line_block(stripped, number)
        if not block.text:
            continue
        starts_unit = bool(HEADING.match(block.text) or LETTER_MARKER.match(block.text) or BULLET.match(raw))
        if current is not None and not starts_unit and not BULLET.match(lines[current.end - 1].strip()):
            current.join(block)  # a markdown paragraph over consecutive lines
            continue
        if not starts_unit and blocks and _continues(blocks[-1], block):
            blocks[-1].join(block)
            current = blocks[-1]
            continue
        blocks.append(block)
        current = block
    return blocks, footnotes


def _continues(previous: Block, block: Block) -> bool:
    """True when ``block`` is the rest of ``previous``, cut by a page break.

    The rule: the previous paragraph does not end a sentence, is not a heading, and the next one
    starts with a lower-case letter or an opening parenthesis.
    """
    if HEADING.match(previous.text) or _ENDS_PARAGRAPH.search(previous.text):
        return False
    first = block.text[0]
    return first.islower() or first == "("
