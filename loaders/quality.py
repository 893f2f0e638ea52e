"""Findings about the prose of a report: stray numbers, pasted footnote text, impossible dates, misspelt names.

Pure functions over the paragraphs (:class:`loaders.text.Block`) of a report; each returns
:class:`loaders.model.Finding` objects that the build puts into the graph as ``tg:SourceFinding`` annotations.
The rules are general (no per-measure cases) and are tested for false positives on the whole report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass

from tiltaksgraf.loaders.blocks import source_blocks
from tiltaksgraf.loaders.dates import DateMention, find_dates, is_past_statement
from tiltaksgraf.loaders.frontmatter import MONTHS
from tiltaksgraf.loaders.model import Finding, Footnote, Measure, Span
from tiltaksgraf.loaders.text import Block, Sentence, split_sentences


def line_owners(measures: list[Measure]) -> dict[int, str]:
    """Source line → the label of the most specific (sub-)measure whose section holds it."""
    owner = {ln: m.label for m in measures for ln in range(m.span.start, m.span.end + 1)}
    for m in measures:
        for s in m.submeasures:
            owner.update({ln: s.label for ln in range(s.span.start, s.span.end + 1)})
    return owner


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence:
    """The sentence of a block (its sentences, in order) that holds ``offset``; the last one past them all."""
    at = bisect.bisect_right([s.end + 1 for s in sentences], offset)
    return sentences[at] if at < len(sentences) and sentences[at].start <= offset else sentences[-1]


# --- numbers left in prose -----------------------------------------------------------------------

#: A bare whole number of one to three digits, not part of a decimal, range, date, code or word.
_BARE_NUMBER = re.compile(r"(?<![\w.,/:§–-])(\d{1,3})(?![\w/–-]|[.,:]\d)")
#: Words after which a number is a label, not a quantity: «§ 57», «kapittel 10», «tiltak 40», «kode 6».
LABEL_WORDS = {
    "§",
    "§§",
    "kap",
    "kapittel",
    "post",
    "artikkel",
    "art",
    "del",
    "nr",
    "tiltak",
    "innsatsområde",
    "kode",
    "vedtak",
    "anmodningsvedtak",
    "prop",
    "nou",
    "st",
    "meld",
    "rapport",
    "side",
    "s",
    "punkt",
    "pkt",
    "ledd",
    "paragraf",
    "trinn",
    "versjon",
    "fase",
    "nivå",
    "grunnloven",
}
#: Units and measure words after a number: «25 år», «62 prosent», «16 millioner kroner».
UNIT_WORDS = {
    "år",
    "års",
    "prosent",
    "%",
    "millioner",
    "million",
    "mill",
    "milliarder",
    "mrd",
    "kroner",
    "kr",
    "nok",
    "dager",
    "døgn",
    "uker",
    "måneder",
    "timer",
    "minutter",
    "ganger",
    "sider",
}
#: Words that introduce a count: «i overkant av 30», «rundt 60», «sju direktorater og 20 …», «har 57 …».
COUNT_CUES = {
    "av",
    "og",
    "eller",
    "til",
    "rundt",
    "omkring",
    "ca",
    "cirka",
    "lag",
    "over",
    "under",
    "opptil",
    "inntil",
    "nærmere",
    "drøyt",
    "knapt",
    "snaut",
    "minst",
    "maks",
    "totalt",
    "alt",
    "enn",
    "med",
    "på",
    "i",
    "fra",
    "per",
    "hele",
    "alle",
    "de",
    "disse",
    "har",
    "hadde",
    "er",
    "var",
    "ble",
    "blir",
    "fikk",
    "får",
    "nå",
    "bare",
    "kun",
    "nesten",
}
#: A past participle («etablert», «opprettet», «ansatt»), after which a number counts what was made.
_PARTICIPLE = re.compile(r"^[a-zæøå]{3,}(?:ert|et|tt|dd)$")
#: Footnote text pasted into a sentence: «… hvordan det skal 35 Prop. 100 L (2020-2021). Endringer … . arbeides …».
#: The number and a reference (a bill, an official report, a white paper, an author «Surname, I.») stand in
#: the middle of a sentence, and the sentence resumes in lower case after the reference's full stop.
_PASTED_NOTE = re.compile(
    r"(?<=[a-zæøå,] )(?P<number>\d{1,3}) (?P<note>(?:Prop\. \d+|NOU \d{4}|Meld\. St\.|St\. ?meld\.|Ot\. ?prp\."
    r"|[A-ZÆØÅ][\wæøå-]+, [A-ZÆØÅ]\.)[^«»]*?\.)(?= [a-zæøå])"
)


@dataclass(frozen=True, order=True)
class _Mark:
    position: tuple[int, int]  # (first line of the block, offset in the block)
    number: int


#: How far back a word is looked for: a longer run of letters is no word of a label list (and looking at all of
#: a long line before every number would be quadratic).
_WORD_WINDOW = 80
_LAST_WORD = re.compile(r"(\S+)\s*$")
_NEXT_WORD = re.compile(r"\s*(\S{1,80})")
_GOES_ON = re.compile(r"\s*(?:til|og|[a-zæøå])")


def _raw_word_before(text: str, offset: int) -> re.Match[str] | None:
    return _LAST_WORD.search(text[max(0, offset - _WORD_WINDOW) : offset])


def _word_before(text: str, offset: int) -> str:
    m = _raw_word_before(text, offset)
    return m.group(1).lower().strip("(«»\"'").rstrip(".:,") if m else ""


def _word_after(text: str, offset: int) -> str:
    m = _NEXT_WORD.match(text, offset)
    return m.group(1).lower().strip("(«»\"'").rstrip(".,;:)") if m else ""


def _is_quantity_or_label(text: str, start: int, end: int) -> bool:
    """True when the number at text[start:end] is a count, a measure, a date, an ordinal or a label."""
    before, after = _word_before(text, start), _word_after(text, end)
    raw_before = _raw_word_before(text, start)
    if raw_before and raw_before.group(1).endswith(":"):
        return True  # «NOU 2020: 17», a list heading
    if text[end : end + 1] == "." and (after in MONTHS or _GOES_ON.match(text, end + 1)):
        return True  # «1. januar», «1. til 4. trinn»
    if _PARTICIPLE.match(before):
        return True  # «etablert 12 støttesentre», «bevilget 16 millioner»: a count after a participle
    return before in LABEL_WORDS or after in UNIT_WORDS or before in COUNT_CUES


def pasted_footnote_findings(blocks: list[Block], owners: Mapping[int, str]) -> list[Finding]:
    """Footnote text (number and reference) pasted into the middle of a sentence by the PDF conversion."""
    out = []
    for block in blocks:
        for m in _PASTED_NOTE.finditer(block.text):
            resumes = re.match(r"\s*((?:\S+\s+){0,3}\S+)", block.text[m.end() :])
            excerpt_start = max(0, block.text.rfind(" ", 0, max(0, m.start() - 40)) + 1)
            excerpt = block.text[excerpt_start : m.end() + (resumes.end() if resumes else 0)].strip()
            line = block.line_at(m.start())
            out.append(
                Finding(
                    "footnote-text-in-prose",
                    owners.get(line),
                    Span(block.line_at(excerpt_start), block.line_at(m.end())),
                    excerpt,
                    f"the text of footnote {m.group('number')} («{m.group('note')}») stands in the middle of a "
                    f"sentence, which goes on with «{resumes.group(1) if resumes else ''}»: a footnote pasted "
                    f"into the prose when the report was converted from PDF",
                )
            )
    return out


def stray_number_findings(blocks: list[Block], footnotes: list[Footnote], owners: Mapping[int, str]) -> list[Finding]:
    """Bare numbers in prose that read as footnote marks which lost their superscript.

    A number fires when it is not a count, measure, date, ordinal or label (see :func:`_is_quantity_or_label`)
    and either continues the series of footnote marks that have no footnote text — it lies between the
    numbers of the nearest such marks before and after it (marks left over from the text the report copies) —
    or is the number of a footnote whose text has no mark. Numbers that open pasted footnote text are
    reported by :func:`pasted_footnote_findings` instead.
    """
    with_text = {n.number for n in footnotes}
    marked = {mark.number for b in blocks for mark in b.marks}
    orphans = sorted(
        _Mark((b.start, mark.offset), mark.number) for b in blocks for mark in b.marks if mark.number not in with_text
    )
    unmarked_notes = with_text - marked
    pasted = {(b.start, m.start("number")) for b in blocks for m in _PASTED_NOTE.finditer(b.text)}
    out = []
    positions = [o.position for o in orphans]
    for block in blocks:
        sentences: list[Sentence] | None = None  # split once, when a number first fires
        for m in _BARE_NUMBER.finditer(block.text):
            n, position = int(m.group(1)), (block.start, m.start())
            if position in pasted or _is_quantity_or_label(block.text, m.start(), m.end()):
                continue
            below, above = bisect.bisect_left(positions, position), bisect.bisect_right(positions, position)
            low = orphans[below - 1].number if below else None
            high = orphans[above].number if above < len(orphans) else None
            in_series = (low is not None or high is not None) and (low or 0) < n < (high or 10**6)
            if not (in_series or n in unmarked_notes):
                continue
            sentences = sentences or split_sentences(block)
            sentence = _sentence_at(sentences, m.start())
            context = f"«{_word_before(block.text, m.start())} {n} {_word_after(block.text, m.end())}»"
            why = (
                f"footnote {n} has text but no mark"
                if n in unmarked_notes
                else "it fits the series of footnote marks without footnote text here ("
                + " < ".join(str(x) for x in (low, n, high) if x is not None)
                + ")"
            )
            out.append(
                Finding(
                    "stray-number-in-prose",
                    owners.get(sentence.span.start),
                    sentence.span,
                    sentence.text,
                    f"{context}: the number {n} counts nothing in the sentence and reads as a footnote mark that "
                    f"lost its superscript; {why}",
                )
            )
    return out


# --- dates -----------------------------------------------------------------------------------------

#: Pairs of events whose dates must come in this order, with the words that name each event.
ORDERED_EVENTS = (
    (
        "the sending on public consultation",
        re.compile(r"\bhøring(?:en)?\b|\bhøringsnotat\w*", re.IGNORECASE),
        "the consultation deadline",
        re.compile(r"\bhøringsfrist\w*", re.IGNORECASE),
    ),
    (
        "the bill being put forward",
        re.compile(r"\bproposisjon\w*|\blovforslag\w*|\bfremmet\b|\bfremla\b|\boversendt\b", re.IGNORECASE),
        "its reading or adoption",
        re.compile(r"\bvedtatt\b|\bvedtok\b|\bbehandlet\b|\bsluttet seg til\b|\bsanksjonert\b", re.IGNORECASE),
    ),
)
_MONTH_NAMES = {v: k for k, v in MONTHS.items()}


def _shown(d: DateMention) -> str:
    """The date as written, with the year it was given from elsewhere in the paragraph: «4. mars [2025]»."""
    return d.text if str(d.year) in d.text else f"{d.text} [{d.year}]"


def _dated_sentences(block: Block) -> list[tuple[Sentence, list[DateMention]]]:
    """Each sentence of the block with the dates in it (years carried over within the paragraph)."""
    dates = find_dates(block.text)
    return [(s, [d for d in dates if s.start <= d.start < s.end]) for s in split_sentences(block)]


def late_date_findings(blocks: list[Block], report_date: str, owners: Mapping[int, str]) -> list[Finding]:
    """Dates after the report's own month in statements in the past tense («JD femmet i november 2025 …»)."""
    year, month = (int(x) for x in report_date.split("-"))
    out = []
    for block in blocks:
        for sentence, dates in _dated_sentences(block):
            for d in dates:
                local = DateMention(d.text, d.start - sentence.start, d.end - sentence.start, d.year, d.month, d.day)
                if (d.year, d.month) > (year, month) and is_past_statement(sentence.text, local):
                    out.append(
                        Finding(
                            "date-after-report",
                            owners.get(sentence.span.start),
                            sentence.span,
                            sentence.text,
                            f"«{d.text}» is after the report's own date ({_MONTH_NAMES[month]} {year}), in a "
                            f"statement in the past tense",
                        )
                    )
    return out


def date_order_findings(blocks: list[Block], owners: Mapping[int, str]) -> list[Finding]:
    """Within a paragraph, a later event dated before the earlier one (a deadline before the consultation).

    In a sentence that names the later event, dates after its word belong to it, and dates before it to the
    earlier event if that is named before; in a sentence that names only the earlier event, its dates do.
    """
    out = []
    for block in blocks:
        dated = _dated_sentences(block)
        for first_name, first_cue, then_name, then_cue in ORDERED_EVENTS:
            firsts: list[tuple[DateMention, Sentence]] = []
            thens: list[tuple[DateMention, Sentence]] = []
            for sentence, dates in dated:
                then_at = then_cue.search(sentence.text)
                first_at = first_cue.search(sentence.text)
                for d in dates:
                    offset = d.start - sentence.start
                    if then_at and offset >= then_at.start():
                        thens.append((d, sentence))
                    elif first_at and (not then_at or first_at.start() < then_at.start()):
                        firsts.append((d, sentence))
            if not firsts or not thens:
                continue
            first, first_sentence = max(firsts, key=lambda x: x[0].key)
            then, then_sentence = min(thens, key=lambda x: x[0].key)
            precise = first.day is not None and then.day is not None
            if (then.key if precise else then.key[:2]) < (first.key if precise else first.key[:2]):
                span = Span(
                    min(first_sentence.span.start, then_sentence.span.start),
                    max(first_sentence.span.end, then_sentence.span.end),
                )
                text = " ".join(dict.fromkeys([first_sentence.text, then_sentence.text]))
                out.append(
                    Finding(
                        "impossible-date-order",
                        owners.get(span.start),
                        span,
                        text,
                        f"{then_name} («{_shown(then)}») is dated before {first_name} («{_shown(first)}»)",
                    )
                )
    return out


# --- names -----------------------------------------------------------------------------------------


def misspelt_name_findings(text: str, measures: list[Measure], names: Mapping[str, str]) -> list[Finding]:
    """Each occurrence in the prose of a known misspelling (a ``skos:hiddenLabel`` of the registry), with the
    name it stands for. Matches are case-sensitive and whole words: «Buudir», not «buudirektør»."""
    if not names:
        return []
    owners = line_owners(measures)
    blocks, _ = source_blocks(text)
    patterns = [(wrong, re.compile(rf"(?<!\w){re.escape(wrong)}(?!\w)")) for wrong in sorted(names)]
    found: list[tuple[str, Sentence]] = [
        (wrong, s)
        for block in blocks
        if any(wrong in block.text for wrong in names)  # most blocks have none: skip their sentences
        for s in split_sentences(block)
        for wrong, pattern in patterns
        for _ in pattern.finditer(s.text)
    ]
    seen = {wrong: sum(1 for w, _ in found if w == wrong) for wrong in names}
    return [
        Finding(
            "misspelt-organisation-name",
            owners.get(s.span.start),
            s.span,
            s.text,
            f"«{wrong}» for «{names[wrong]}» (seen {seen[wrong]}×)",
        )
        for wrong, s in found
    ]


def prose_findings(
    blocks: list[Block], measures: list[Measure], footnotes: list[Footnote], report_date: str
) -> list[Finding]:
    """Every finding about the prose that needs no registry: numbers left in it and impossible dates."""
    owners = line_owners(measures)
    return [
        *pasted_footnote_findings(blocks, owners),
        *stray_number_findings(blocks, footnotes, owners),
        *late_date_findings(blocks, report_date, owners),
        *date_order_findings(blocks, owners),
    ]
