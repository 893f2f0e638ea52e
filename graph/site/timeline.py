"""The dated events the report gives, each linked to its measure: the dates the loader reads, in order.

The texts come from the graph (each measure's description and status text); the dates are found by the
loader's own rules (:func:`loaders.dates.find_dates`, the rules `quality` uses), sentence by sentence
(:func:`loaders.text.split_sentences`), and each event is told done or planned by
:func:`loaders.dates.is_past_statement`.

>>> text = "Loven ble vedtatt 18. mars 2025. Den skal evalueres i 2026."
>>> [(e.date, e.precision, e.done) for e in dated_events("m", text)]
[('2025-03-18', 'day', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiltaksgraf.graph.site.records import Measure
from tiltaksgraf.loaders.dates import DateMention, find_dates, is_past_statement
from tiltaksgraf.loaders.text import Block, split_sentences


@dataclass(frozen=True)
class Event:
    """A date in a sentence of a measure's text."""

    measure: str  # the measure's IRI
    date: str  # 2025-03-18, or 2025-03 where the report gives only a month (or a season)
    precision: str  # day or month
    text: str  # the date as written
    sentence: str
    done: bool  # a statement in the past tense; False: planned, or the tense is unclear
    year: int
    source: str  # description or status

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.date, self.measure, self.sentence)


def _event(measure: str, source: str, sentence: str, offset: int, d: DateMention) -> Event:
    local = DateMention(d.text, d.start - offset, d.end - offset, d.year, d.month, d.day)
    date = f"{d.year:04d}-{d.month:02d}" + (f"-{d.day:02d}" if d.day else "")
    return Event(
        measure, date, "day" if d.day else "month", d.text, sentence, is_past_statement(sentence, local), d.year, source
    )


def dated_events(measure: str, text: str, source: str = "status") -> list[Event]:
    """Every date in ``text`` with the sentence it stands in (years carried over within a paragraph)."""
    out = []
    for paragraph in (p.strip() for p in re.split(r"\n\s*\n", text)):
        if not paragraph:
            continue
        block = Block(paragraph, 0, 0, [(0, 0)])
        dates = find_dates(paragraph)
        for s in split_sentences(block):
            out.extend(_event(measure, source, s.text, s.start, d) for d in dates if s.start <= d.start < s.end)
    return out


def timeline(measures: list[Measure]) -> list[Event]:
    """The events of every measure's description and status text, by date, each sentence and date once."""
    events: dict[tuple[str, str, str, str], Event] = {}
    for m in measures:
        for source, text in (("description", m.description), ("status", m.status_text)):
            for e in dated_events(m.iri, text, source):
                events.setdefault((e.measure, e.date, e.text, e.sentence), e)
    return sorted(events.values(), key=lambda e: e.key)
