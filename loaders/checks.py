"""Findings about the source itself: disagreements, gaps and stray marks an analyst should see."""

from __future__ import annotations

import re
from collections import defaultdict

from tiltaksgraf.loaders.model import Finding, Footnote, Measure, Responsibility, Span
from tiltaksgraf.loaders.overview import OverviewRow
from tiltaksgraf.loaders.sections import RawMeasure


def overview_findings(rows: dict[int, OverviewRow], raw: list[RawMeasure]) -> list[Finding]:
    """Measures in the body with no overview row, and overview rows with no body section."""
    body = {m.number: m for m in raw}
    out = [
        Finding(
            "missing-in-overview",
            str(n),
            m.heading.span,
            m.heading.text,
            f"measure {n} has a section in the body but no row in the overview table",
        )
        for n, m in body.items()
        if n not in rows
    ]
    out += [
        Finding(
            "missing-in-body",
            str(n),
            Span(r.line, r.line),
            r.title,
            f"measure {n} is in the overview table but has no «Tiltak {n}:» section",
        )
        for n, r in rows.items()
        if n not in body
    ]
    return out


def _acronyms(items: list[Responsibility], source: str) -> list[str]:
    return list(dict.fromkeys(r.acronym for r in items if r.source == source))


def _compare(label: str, overview: list[str], body: list[str], span: Span, text: str) -> list[Finding]:
    only_overview = [a for a in overview if a not in body]
    only_body = [a for a in body if a not in overview]
    if not (only_overview or only_body):
        return []
    parts = []
    if only_overview:
        parts.append(f"only in the overview table: {', '.join(only_overview)}")
    if only_body:
        parts.append(f"only in the body: {', '.join(only_body)}")
    return [
        Finding(
            "responsibility-differs",
            label,
            span,
            text,
            f"overview {', '.join(overview) or '—'}; body {', '.join(body) or '—'} ({'; '.join(parts)})",
        )
    ]


def responsibility_findings(measures: list[Measure], rows: dict[int, OverviewRow]) -> list[Finding]:
    """Where the overview table and the body name different ministries, or the body names none."""
    out: list[Finding] = []
    for m in measures:
        row = rows.get(m.number)
        if row is None:
            continue
        overview = _acronyms(m.responsibilities, "overview")
        if not m.submeasures:
            body = _acronyms(m.responsibilities, "body")
            if not body:
                out.append(
                    Finding(
                        "responsibility-missing-body-line",
                        m.label,
                        m.span,
                        m.body_title,
                        f"no «Ansvarlig departement» line in the body; the overview names {', '.join(overview)}",
                    )
                )
            else:
                out += _compare(m.label, overview, body, m.span, m.body_title)
            continue
        for sub in m.submeasures:
            body = _acronyms(sub.responsibilities, "body")
            if not body:
                out.append(
                    Finding(
                        "responsibility-missing-body-line",
                        sub.label,
                        sub.span,
                        sub.title,
                        f"sub-measure {sub.label} has no «Ansvarlig departement» line in the body",
                    )
                )
            elif row.reading != "single":
                out += _compare(sub.label, _acronyms(sub.responsibilities, "overview"), body, sub.span, sub.title)
        if row.reading == "single":
            body = list(dict.fromkeys(a for s in m.submeasures for a in _acronyms(s.responsibilities, "body")))
            if body:
                out += _compare(m.label, overview, body, m.span, m.body_title)
    return out


def title_findings(measures: list[Measure]) -> list[Finding]:
    """Titles that differ between the overview table and the body heading: ``title-differs`` where the words
    differ, ``title-differs-trivially`` where only their form does (see :func:`trivial_title_difference`)."""
    out: list[Finding] = []
    pairs = [(m.label, m.span, m.title, m.body_title) for m in measures if m.body_title != m.title]
    pairs += [(s.label, s.span, s.title, s.body_title) for m in measures for s in m.submeasures if s.body_title]
    for label, span, overview, body in pairs:
        trivial = trivial_title_difference(overview, body)
        kind = "title-differs-trivially" if trivial else "title-differs"
        detail = f"overview: «{overview}»; body: «{body}»" + (f" ({trivial})" if trivial else "")
        out.append(Finding(kind, label, Span(span.start, span.start), body, detail))
    return out


_PUNCTUATION = re.compile(r"[^\w\s]")


def _words(title: str) -> list[str]:
    return _PUNCTUATION.sub(" ", title).split()


def trivial_title_difference(overview: str, body: str) -> str | None:
    """How two titles differ when they say the same words: the imperative for the infinitive of the opening
    verb («Sørg» for «Sørge»), punctuation, or upper and lower case; None when a word differs.

    >>> trivial_title_difference("Sørge for at alle får informasjon", "Sørg for at alle får informasjon")
    'imperative «Sørg» for the infinitive «Sørge»'
    >>> trivial_title_difference("Evaluere vold- og overgrepslinjen.", "Evaluere Vold- og overgrepslinjen")
    'punctuation, case'
    >>> trivial_title_difference("familieverntjenestens arbeid", "familievern tjenestens arbeid") is None
    True
    """
    a, b = _words(overview), _words(body)
    rest = [overview, body]
    how: list[str] = []
    if a and b and a[0] != b[0] and len(a) == len(b):
        longer, shorter = (a[0], b[0]) if len(a[0]) > len(b[0]) else (b[0], a[0])
        if longer.casefold() == shorter.casefold() + "e":
            how.append(f"imperative «{shorter}» for the infinitive «{longer}»")
            a, b = a[1:], b[1:]
            rest = [t.split(None, 1)[1] if len(t.split(None, 1)) > 1 else "" for t in rest]
    if [w.casefold() for w in a] != [w.casefold() for w in b]:
        return None
    if " ".join(rest[0].split()).casefold() != " ".join(rest[1].split()).casefold():
        how.append("punctuation")
    if a != b:
        how.append("case")
    return ", ".join(how) or None


def status_findings(raw: list[RawMeasure], measures: list[Measure]) -> list[Finding]:
    """Empty statuses, statuses no rule could decide, and status paragraphs placed by position."""
    out: list[Finding] = []
    for r, m in zip(raw, measures, strict=True):
        if not m.status_text.strip():
            out.append(
                Finding("status-empty", m.label, m.status_span, "Status:", "the «Status:» line has no text after it")
            )
        units = [(m.label, m.status)] + [(s.label, s.status) for s in m.submeasures if s.status]
        for label, status in units:
            if status is not None and status.value is None and m.status_text.strip():
                out.append(
                    Finding(
                        "status-undetermined",
                        label,
                        status.evidence.span,
                        status.evidence.quote,
                        "no status rule fired; the status is left undecided",
                    )
                )
        for s in r.subs:
            if s.status_inferred:
                span = Span(s.status[0].start, s.status[-1].end)
                out.append(
                    Finding(
                        "status-letter-inferred",
                        f"{r.number}{s.letter}",
                        span,
                        s.status[0].text,
                        f"the status paragraphs before the lettered ones carry no letter; they are read "
                        f"as the status of {r.number}{s.letter}), the one letter without a status",
                    )
                )
    return out


def footnote_findings(measures: list[Measure], footnotes: list[Footnote]) -> list[Finding]:
    """Marks with no footnote text, footnote text with no mark, one publication cited by several footnotes
    (one finding per citing footnote, on the measure that carries its mark), and a repeated footnote whose
    sentence is about something else than the publication (see :func:`_off_topic`)."""
    notes = {n.number: n for n in footnotes}
    out: list[Finding] = []
    marked: set[int] = set()
    for m in measures:
        for mark in m.footnote_marks:
            marked.add(mark.number)
            if mark.number not in notes:
                out.append(
                    Finding(
                        "footnote-mark-without-text",
                        mark.measure,
                        mark.evidence.span,
                        mark.evidence.quote,
                        f"footnote mark {mark.number} has no footnote text",
                    )
                )
    for number, note in sorted(notes.items()):
        if number not in marked:
            out.append(
                Finding(
                    "footnote-text-without-mark",
                    None,
                    Span(note.line, note.line),
                    note.text,
                    f"footnote {number} has text but no mark in the prose",
                )
            )
    by_key: dict[str, list[Footnote]] = defaultdict(list)
    for note in sorted(footnotes, key=lambda n: n.number):
        if note.publication:
            by_key[note.publication.key].append(note)
    marks = {mark.number: mark for m in measures for mark in m.footnote_marks}
    for key, group in sorted(by_key.items()):
        if len(group) < 2:
            continue
        numbers = " and ".join(str(n.number) for n in group)
        for note in group:
            mark = marks.get(note.number)
            where = f"footnote {note.number}" + (f" (measure {mark.measure})" if mark else "")
            out.append(
                Finding(
                    "publication-cited-twice",
                    mark.measure if mark else None,
                    Span(note.line, note.line),
                    note.text,
                    f"footnotes {numbers} cite the same publication ({key}); this is {where}",
                )
            )
            mismatch = _off_topic(note, mark.evidence.quote) if mark and note.publication else None
            if mark and mismatch:
                others = ", ".join(str(n.number) for n in group if n is not note)
                out.append(
                    Finding(
                        "repeated-footnote-off-topic",
                        mark.measure,
                        mark.evidence.span,
                        mark.evidence.quote,
                        f"footnote {note.number} repeats the text of footnote {others}, but the sentence it "
                        f"supports is about something else: {mismatch}",
                    )
                )
    return out


#: Words too common to tell what a sentence is about.
_STOPWORDS = frozenset(
    [
        "og",
        "i",
        "på",
        "til",
        "av",
        "for",
        "med",
        "om",
        "som",
        "er",
        "var",
        "ble",
        "det",
        "den",
        "de",
        "en",
        "et",
        "ett",
        "fra",
        "har",
        "hadde",
        "kan",
        "skal",
        "vil",
        "ved",
        "etter",
        "mot",
        "under",
        "over",
        "mellom",
        "sin",
        "sitt",
        "sine",
        "seg",
        "også",
        "ikke",
        "eller",
        "men",
        "at",
        "så",
        "nå",
        "samt",
    ]
)


def _content_stems(text: str) -> set[str]:
    """Lower-case word stems (first five letters) of the words that carry content."""
    words = re.findall(r"[a-zæøåA-ZÆØÅ]{4,}", text.lower())
    return {w[:5] for w in words if w not in _STOPWORDS}


def _off_topic(note: Footnote, sentence: str) -> str | None:
    """Why a sentence does not fit the publication its footnote cites, or None if nothing says so.

    Two signs, each enough: the sentence names years and none of them is the publication's year; or the
    sentence has content words and shares none with the publication's title and subtitle.
    """
    pub = note.publication
    assert pub is not None
    years = sorted({int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)})
    if years and pub.year and pub.year not in years:
        named = ", ".join(map(str, years))
        return f"it names {named}, while the publication «{pub.title}» is from {pub.year}"
    words = _content_stems(sentence)
    if len(words) >= 3 and not words & _content_stems(f"{pub.title} {pub.subtitle or ''}"):
        return f"it shares no word with the publication's title «{pub.title}»"
    return None
