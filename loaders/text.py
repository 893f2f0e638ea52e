"""Clean markdown lines from a PDF conversion and split prose into sentences that remember their lines.

Everything here takes time linear in the length of its input: patterns cannot rescan a line from every
position (a link text stops at the next ``[``, the word before a full stop is looked for in a short
window), and a block finds the line of an offset by bisection. tests/loaders/test_linear.py holds them to it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from tiltaksgraf.loaders.model import Span

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_INT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")

# Neither part may hold the bracket that opens the next link, so a line of «[[[[…» is read in one pass.
_LINK = re.compile(r"\[((?:\\.|[^\[\]\\])*)\]\(([^()\[\]\s]*)\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_HTML_TAG = re.compile(r"</?(?:i|em|b|strong|p|br)\s*/?>", re.IGNORECASE)
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}([^*\n]+?)\*{1,2}(?![\w*])")
_ESCAPE = re.compile(r"\\([()\[\]*_#.\-!])")
_SPACES = re.compile(r"[ \t\u00a0]+")
#: Link texts that only point somewhere ("kan lastes ned [her](#)") and carry no meaning of their own.
_EMPTY_LINK_TEXTS = {"her", "", "lenke"}


#: A footnote number has at most this many digits; a longer run of superscripts is read by its first ones.
MAX_MARK_DIGITS = 6


def superscript_to_int(run: str) -> int:
    """``"¹³"`` → ``13`` (a run of thousands of superscripts is no footnote number, and no crash either).

    >>> superscript_to_int("¹³"), superscript_to_int("¹" * 5000)
    (13, 111111)
    """
    return int(run[:MAX_MARK_DIGITS].translate(_SUPER_TO_INT))


@dataclass(frozen=True)
class Mark:
    """A footnote mark found in a line: its number and its offset in the cleaned text."""

    number: int
    offset: int


def clean_line(raw: str) -> tuple[str, list[Mark]]:
    """Remove markdown residue from one line and pull out its footnote marks.

    >>> clean_line("Rapporten kan lastes ned [her](#).³")
    ('Rapporten kan lastes ned.', [Mark(number=3, offset=25)])
    >>> clean_line("Se [Plikt.no](#) og *Trygghet for alle*")[0]
    'Se Plikt.no og Trygghet for alle'
    """

    def link(match: re.Match[str]) -> str:
        text = match.group(1)
        return "\x00" if text.strip().lower() in _EMPTY_LINK_TEXTS else text

    text = _LINK.sub(link, raw)
    text = re.sub(r"\s*\x00", "", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip()
    marks: list[Mark] = []
    out: list[str] = []
    pos = 0
    for m in SUPERSCRIPT_RUN.finditer(text):
        out.append(text[pos : m.start()])
        marks.append(Mark(superscript_to_int(m.group()), sum(len(p) for p in out)))
        pos = m.end()
    out.append(text[pos:])
    cleaned = "".join(out)
    # A removed mark can leave "ord ." or a double space behind.
    cleaned = re.sub(r" +([.,;:])", r"\1", cleaned)
    cleaned = _SPACES.sub(" ", cleaned).strip()
    return cleaned, _remap_marks(marks, "".join(out), cleaned)


def _remap_marks(marks: list[Mark], before: str, after: str) -> list[Mark]:
    """Move mark offsets from ``before`` to ``after`` (which only lost spaces)."""
    if before == after or not marks:
        return marks
    mapping: list[int] = []
    j = 0
    for ch in before:
        mapping.append(j)
        if j < len(after) and after[j] == ch:
            j += 1
    mapping.append(j)
    return [Mark(m.number, min(mapping[min(m.offset, len(before))], len(after))) for m in marks]


@dataclass
class Block:
    """A paragraph of cleaned text, which may join several source lines (page breaks)."""

    text: str
    start: int
    end: int
    #: (offset in text, source line) for each joined line, in order.
    pieces: list[tuple[int, int]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def line_at(self, offset: int) -> int:
        """The source line holding the character at ``offset`` (by bisection: a block may join many lines)."""
        at = bisect.bisect_right(self.pieces, offset, key=lambda piece: piece[0]) - 1
        return self.pieces[max(at, 0)][1]

    def slice(self, start: int, end: int | None = None) -> Block:
        """The part of this block from ``start`` to ``end`` (offsets in ``text``), lines and marks kept."""
        end = len(self.text) if end is None else end
        first = bisect.bisect_right(self.pieces, start, key=lambda piece: piece[0])
        last = bisect.bisect_left(self.pieces, end, key=lambda piece: piece[0])
        pieces = [(0, self.line_at(start))] + [(o - start, ln) for o, ln in self.pieces[first:last]]
        marks = [Mark(m.number, m.offset - start) for m in self.marks if start <= m.offset <= end]
        return Block(self.text[start:end], self.line_at(start), self.line_at(max(start, end - 1)), pieces, marks)

    def join(self, other: Block) -> None:
        """Append ``other`` to this block with one space between (a paragraph split by a page break)."""
        shift = len(self.text) + 1
        self.text = f"{self.text} {other.text}"
        self.pieces.extend((off + shift, ln) for off, ln in other.pieces)
        self.marks.extend(Mark(m.number, m.offset + shift) for m in other.marks)
        self.end = other.end


def line_block(raw: str, line: int) -> Block:
    """A one-line block."""
    text, marks = clean_line(raw)
    return Block(text=text, start=line, end=line, pieces=[(0, line)], marks=marks)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a block, with its offsets in the block text and its source lines."""

    text: str
    start: int
    end: int
    span: Span


#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "jf",
    "nr",
    "mv",
    "bl.a",
    "f.eks",
    "ca",
    "kap",
    "st",
    "prop",
    "meld",
    "nok",
    "ph.d",
    "dvs",
    "pkt",
    "jfr",
    "evt",
    "ev",
    "osv",
    "inkl",
    "avd",
    "s",
    "m.fl",
    "mfl",
    "etc",
    "vs",
    "dr",
    "prof",
    "tlf",
    "ref",
}
_WORD_WINDOW = 64
_WORD_BEFORE_STOP = re.compile(r"([\wæøåÆØÅ.]+)\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[»”\"')]*\s+(?=[«\"(]?[A-ZÆØÅ0-9§])")


def split_sentences(block: Block) -> list[Sentence]:
    """Split a block into sentences, keeping each sentence's source lines.

    >>> b = line_block("Tiltaket er ikke igangsatt. Se også tiltak 16, jf. tiltak 15.", 7)
    >>> [s.text for s in split_sentences(b)]
    ['Tiltaket er ikke igangsatt.', 'Se også tiltak 16, jf. tiltak 15.']
    """
    text = block.text
    cuts = [0]
    for m in _SENTENCE_END.finditer(text):
        # The word before the stop, from a short window: an abbreviation or a run of initials is short.
        before = text[max(cuts[-1], m.start() - _WORD_WINDOW) : m.start()].rstrip("»”\"')")
        word = _WORD_BEFORE_STOP.search(before)
        if word and (word.group(1).lower() in ABBREVIATIONS or _is_initial(word.group(1))):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    cuts = _bounded(text, cuts)
    out: list[Sentence] = []
    for start, end in itertools.pairwise(cuts):
        piece = text[start:end].strip()
        if not piece:
            continue
        s = text.index(piece, start)
        e = s + len(piece)
        out.append(Sentence(piece, s, e, Span(block.line_at(s), block.line_at(max(s, e - 1)))))
    return out


#: The longest sentence: the report's longest is under 400 characters; a longer run without a stop is no
#: sentence of prose (a flattened table, a conversion gone wrong) and is cut at a space, so that every rule
#: that reads a sentence as a whole takes time linear in the text.
MAX_SENTENCE = 1000


def _bounded(text: str, cuts: list[int]) -> list[int]:
    """``cuts`` with more cuts, at a space where there is one, so that no piece is longer than MAX_SENTENCE."""
    out = [cuts[0]]
    for end in cuts[1:]:
        while end - out[-1] > MAX_SENTENCE:
            space = text.rfind(" ", out[-1] + 1, out[-1] + MAX_SENTENCE)
            out.append(space + 1 if space > out[-1] else out[-1] + MAX_SENTENCE)
        out.append(end)
    return out


def _is_initial(word: str) -> bool:
    """A single capital letter ("J." in an author list) or a run of initials with stops ("B.S.")."""
    return bool(re.fullmatch(r"[A-ZÆØÅ]|(?:[A-ZÆØÅ]\.)+[A-ZÆØÅ]", word))


def normalise_space(text: str) -> str:
    """Collapse runs of white space to one space."""
    return _SPACES.sub(" ", text).strip()


#: The largest report tiltaksgraf reads (documented in the README): 24 times the final report's 170 KB.
MAX_SOURCE_BYTES = 4 * 1024 * 1024
#: Characters that str.splitlines() takes for line ends but a report's lines do not end at: a form feed at
#: each page break of a PDF conversion, vertical tab, NEL, and the Unicode line and paragraph separators.
#: They are white space inside a line, so line numbers are those of an editor.
_INLINE_BREAKS = str.maketrans(dict.fromkeys("\f\v\x85\u2028\u2029", " "))
#: Control characters that no text holds: C0 but tab and line ends (form feed and VT above), DEL, C1 but NEL.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


def source_text(text: str, path: str = "<text>") -> str:
    """The text of a report as the loader reads it: LF line ends (CRLF and a lone CR are ends too), no BOM,
    page-break characters as spaces; control characters, and more than :data:`MAX_SOURCE_BYTES`, refused.

    >>> source_text("\\ufeffTiltak 1: a\\r\\nb\\fc")
    'Tiltak 1: a\\nb c'
    """
    from tiltaksgraf.loaders.errors import SourceError

    if len(text) > MAX_SOURCE_BYTES:
        raise SourceError(
            path,
            f"is larger than {MAX_SOURCE_BYTES // 2**20} MB, the most tiltaksgraf reads",
            hint="split it, or give the final report itself",
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").translate(_INLINE_BREAKS)
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise SourceError(
            path,
            f"control character U+{ord(bad.group()):04X} at column {column}: the file is not plain text",
            line=line,
            hint="remove it, or convert the PDF again",
        )
    return text
