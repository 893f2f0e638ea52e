"""Load a final report (markdown converted from PDF) into the typed model: the loader's entry point."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from tiltaksgraf.loaders import checks, quality
from tiltaksgraf.loaders.blocks import source_blocks
from tiltaksgraf.loaders.citations import parse_citation
from tiltaksgraf.loaders.continuation_rules import commitments, read_continuation
from tiltaksgraf.loaders.continuation_rules import owner as continuation_owner
from tiltaksgraf.loaders.crossrefs import cross_references
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.frontmatter import read_successor, read_title_page, successor_findings
from tiltaksgraf.loaders.model import (
    Commitment,
    Continuation,
    Evidence,
    FocusArea,
    Footnote,
    FootnoteMark,
    Measure,
    Report,
    Responsibility,
    Span,
    StatusAssessment,
    StatusReading,
    SubMeasure,
)
from tiltaksgraf.loaders.overview import ACRONYM, OverviewRow, parse_overview
from tiltaksgraf.loaders.sections import MinistryLine, RawMeasure, RawSub, find_sections
from tiltaksgraf.loaders.status_rules import aggregate, aggregate_reason, classify
from tiltaksgraf.loaders.text import MAX_SOURCE_BYTES, Block, Sentence, source_text, split_sentences


def load_report(path: str | Path) -> Report:
    """Read and parse a report file; every problem with the input is a :class:`SourceError`."""
    return parse_report(read_source(path), path)


def read_source(path: str | Path) -> str:
    """The text of a report file; a missing, unreadable or non-UTF-8 file is a :class:`SourceError`."""
    path = Path(path)
    if not path.exists():
        raise SourceError(path, "no such file", hint="check the path, or run without SOURCE for the embedded report")
    if path.is_dir():
        raise SourceError(path, "is a folder, not a file", hint="name the report's .md file")
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise SourceError(
                path, f"is larger than {MAX_SOURCE_BYTES // 2**20} MB, the most tiltaksgraf reads", hint="split it"
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise SourceError(path, "cannot be read (permission denied)", hint="check the file's permissions") from exc
    except OSError as exc:
        raise SourceError(path, f"cannot be read ({exc.strerror or exc})", hint="check the path") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            path,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02X} at column {column})",
            line=line,
            hint="save the file as UTF-8",
        ) from exc
    return source_text(text, str(path))


def parse_report(text: str, path: str | Path = "<text>") -> Report:
    """Parse the text of a report. ``path`` names the source in errors and provenance."""
    text = source_text(text, str(path))  # the same text whether it came from read_source or not
    if not text.strip():
        raise SourceError(path, "the file is empty", line=1, hint="give the markdown text of a final report")
    lines = text.split("\n")
    _check_heading_numbers(str(path), lines)
    shared_blocks, raw_notes = source_blocks(text)
    blocks = list(shared_blocks)
    plan, title, date = read_title_page(str(path), blocks)
    successor, _ = read_successor(str(path), blocks)
    rows = {row.number: row for row in parse_overview(lines)}
    raw_areas, raw_measures = find_sections(blocks, lines)
    if not raw_measures:
        raise SourceError(
            path,
            "no measures found",
            line=len(lines),
            hint="measures start with a heading line «Tiltak N: title» under «Innsatsområde N: name»",
        )
    _check_structure(str(path), raw_measures)
    _check_focus_areas(str(path), raw_areas)
    _check_footnotes(str(path), raw_notes)

    known = {m.number for m in raw_measures}
    measures = [_measure(raw, rows.get(raw.number), known) for raw in raw_measures]
    footnotes = [Footnote(n.number, n.text, n.line, parse_citation(n.text)) for n in raw_notes]
    measure_of = {ln: m.label for m in measures for ln in range(m.span.start, m.span.end + 1)}
    report = Report(
        source=Path(path).name,
        title=title,
        date=date,
        plan=plan,
        successor=successor,
        focus_areas=[
            FocusArea(a.number, a.name, "\n\n".join(b.text for b in a.description), Span(a.heading.start, a.end))
            for a in raw_areas
        ],
        measures=measures,
        footnotes=footnotes,
        line_count=len(lines),
    )
    report.findings = [
        *checks.overview_findings(rows, raw_measures),
        *checks.responsibility_findings(measures, rows),
        *checks.title_findings(measures),
        *checks.status_findings(raw_measures, measures),
        *checks.contested_findings(measures),
        *checks.footnote_findings(measures, footnotes),
        *successor_findings(successor, blocks, measure_of),
        *quality.prose_findings(blocks, measures, footnotes, date),
    ]
    return report


def _refuse_repeats(path: str, items: Iterable[tuple[object, int]], what: str, hint: str) -> None:
    """Refuse the second of two items with the same key: ``items`` are (key, line), ``what`` names the
    repeated thing with ``{}`` for its key («measure {} appears twice»)."""
    seen: dict[object, int] = {}
    for key, line in items:
        if key in seen:
            raise SourceError(path, f"{what.format(key)} (first at line {seen[key]})", line=line, hint=hint)
        seen[key] = line


def _check_structure(path: str, raw_measures: list[RawMeasure]) -> None:
    """Refuse duplicated measure numbers and sub-measure letters, and measures without a «Status:» line."""
    measures = ((raw.number, raw.heading.start) for raw in raw_measures)
    _refuse_repeats(path, measures, "measure {} appears twice", "each «Tiltak N» heading must have its own number")
    for raw in raw_measures:
        _refuse_repeats(
            path,
            ((sub.letter, sub.heading.start) for sub in raw.subs),
            f"measure {raw.number} has two sub-measures {{}})",
            "each lettered part of a measure has its own letter",
        )
        if raw.status_heading is None:
            raise SourceError(
                path,
                f"measure {raw.number} has no «Status:» line",
                line=raw.heading.start,
                hint="every measure reports its status under a line «Status:»",
            )


_HEADING_NUMBER = re.compile(r"^\s*(Tiltak|Innsatsområde)\s+(\d{5,})\s*:")


def _check_heading_numbers(path: str, lines: list[str]) -> None:
    """Refuse a heading whose number is too long to be one (it would be read as prose, and the measure lost)."""
    for number, line in enumerate(lines, start=1):
        m = _HEADING_NUMBER.match(line)
        if m:
            raise SourceError(
                path,
                f"«{m.group(1)} {m.group(2)[:12]}{'…' if len(m.group(2)) > 12 else ''}:» has a number of "
                f"{len(m.group(2))} digits",
                line=number,
                hint="measures and focus areas are numbered with at most 4 digits",
            )


def _check_footnotes(path: str, notes: list) -> None:
    """Refuse a footnote number used twice: a footnote's number is its name."""
    _refuse_repeats(
        path,
        ((note.number, note.line) for note in notes),
        "footnote {} appears twice",
        "each footnote line starts with its own number",
    )


def _check_focus_areas(path: str, raw_areas: list) -> None:
    """Refuse a focus-area number used twice (the second heading would be taken for the first's)."""
    _refuse_repeats(
        path,
        ((area.number, area.heading.start) for area in raw_areas),
        "focus area {} appears twice",
        "each «Innsatsområde N» heading must have its own number",
    )


def _sentences(blocks: list[Block], section: str) -> Iterator[tuple[Sentence, str]]:
    for block in blocks:
        for s in split_sentences(block):
            yield s, section


def _evidence(sentence: Sentence, section: str) -> Evidence:
    return Evidence(sentence.text, sentence.span, section)


def _status(blocks: list[Block], title: str, section: str, fallback: Block) -> StatusAssessment:
    sentences = [s for s, _ in _sentences(blocks, section)]
    decision = classify(sentences, title)
    if decision.sentence is None:  # «Status:» with nothing after it
        return StatusAssessment(None, None, Evidence(fallback.text, fallback.span, section), reason="no status text")
    readings = tuple(
        StatusReading(r.value, r.rule, _evidence(r.sentence, section), r.explicit, r is decision.chosen)
        for r in decision.readings
    )
    return StatusAssessment(
        decision.value,
        decision.rule,
        _evidence(decision.sentence, section),
        readings,
        decision.reason,
        decision.contested,
    )


def _aggregate_status(parts: list[tuple[str, StatusAssessment]]) -> StatusAssessment:
    """A measure's status from its parts' (see :func:`aggregate`): one reading per part, its chosen value."""
    value = aggregate([p.value for _, p in parts])
    deciding = next((p for _, p in parts if p.value == value), None) or next(
        (p for _, p in parts if p.value not in ("completed", "regular_operations")), parts[0][1]
    )
    readings = tuple(
        StatusReading(p.value or "undetermined", f"part/{label}/{p.rule or 'none'}", p.evidence, chosen=p is deciding)
        for label, p in parts
    )
    reason = aggregate_reason([p.value for _, p in parts])
    return StatusAssessment(value, "aggregate-submeasures", deciding.evidence, readings, reason)


def _continuation(blocks: list[Block], section: str, number: int | None = None) -> Continuation | None:
    """The link to the successor plan a status states; ``number`` names the measure whose parts it may cover."""
    sentences = [s for s, _ in _sentences(blocks, section)]
    link = read_continuation(sentences)
    points = tuple(Commitment(p.text, p.quoted, _evidence(p.sentence, section)) for p in commitments(sentences))
    if link is None:
        return None
    if points and link.relation == "related":
        link = type(link)("continued", "continued/regjeringen", link.sentence, link.parts)
    who = continuation_owner(sentences, link)
    return Continuation(
        link.relation,
        link.rule,
        _evidence(link.sentence, section),
        points,
        parts=tuple(f"{number}{letter}" for letter in link.parts) if number is not None else (),
        owner=who[0] if who else None,
        owner_evidence=_evidence(who[1], section) if who else None,
    )


def _continuation_of_parts(subs: list[SubMeasure]) -> Continuation | None:
    """A measure continued in part: the strongest of its parts' links, covering the parts that have one."""
    linked = [s for s in subs if s.continuation]
    if not linked:
        return None
    relation = "continued" if any(s.continuation.relation == "continued" for s in linked) else "related"
    deciding = next(s for s in linked if s.continuation.relation == relation).continuation
    covered = [s for s in linked if s.continuation.relation == relation]
    return Continuation(
        relation,
        f"part/{deciding.rule}",
        deciding.evidence,
        tuple(p for s in covered for p in s.continuation.commitments),
        parts=tuple(s.label for s in covered),
        owner=deciding.owner,
        owner_evidence=deciding.owner_evidence,
    )


def _overview_responsibilities(row: OverviewRow | None, letter: str) -> list[Responsibility]:
    if row is None:
        return []
    if letter:
        acronyms = row.ministries.get(letter, [])
    else:  # the measure: the whole cell (union of the letters where the cell is lettered)
        acronyms = list(dict.fromkeys(a for group in row.ministries.values() for a in group))
    section = f"Oversikt over tiltakene, nr. {row.number}"
    ev = Evidence(row.cell, Span(row.line, row.line), section)
    return [Responsibility(a, "overview", ev) for a in acronyms]


def _body_responsibilities(lines: list[MinistryLine], section: str) -> list[Responsibility]:
    """One responsibility per ministry the body names; a repeated «Ansvarlig departement» line adds nothing."""
    out: dict[str, Responsibility] = {}
    for line in lines:
        ev = Evidence(line.block.text, line.block.span, section)
        for acronym in ACRONYM.findall(line.text):
            out.setdefault(acronym, Responsibility(acronym, "body", ev))
    return list(out.values())


def _assign_unlettered_status(raw: RawMeasure) -> None:
    """Give unlettered status paragraphs to the one sub-measure before the first lettered one («34 a»)."""
    lettered = [s for s in raw.subs if s.status]
    if not raw.status_lead or not lettered:
        return
    before = [s for s in raw.subs if s.letter < lettered[0].letter and not s.status]
    if len(before) == 1:
        before[0].status = list(raw.status_lead)
        before[0].status_inferred = True


def _sub(raw: RawSub, number: int, row: OverviewRow | None) -> SubMeasure:
    heading = raw.heading.text.split(")", 1)[1].strip() if ")" in raw.heading.text else raw.heading.text
    overview_title = row.subtitles.get(raw.letter) if row else None
    label = f"Tiltak {number} {raw.letter})"
    last = max([raw.heading.end, *(b.end for b in raw.description), *(ln.block.end for ln in raw.ministry_lines)])
    per_letter = row is not None and row.reading != "single"  # the overview names ministries per letter
    overview = _overview_responsibilities(row, raw.letter) if per_letter else []
    sub = SubMeasure(
        number=number,
        letter=raw.letter,
        title=overview_title or heading,
        body_title=heading if overview_title and heading != overview_title else None,
        description="\n\n".join(b.text for b in raw.description),
        span=Span(raw.heading.start, last),
        responsibilities=[*overview, *_body_responsibilities(raw.ministry_lines, label)],
        status_text="\n\n".join(b.text for b in raw.status),
    )
    if raw.status:
        section = f"Tiltak {number} {raw.letter}), status"
        sub.status = _status(raw.status, sub.title, section, raw.status[0])
        sub.continuation = _continuation(raw.status, section)
    return sub


def _measure(raw: RawMeasure, row: OverviewRow | None, known: set[int]) -> Measure:
    _assign_unlettered_status(raw)
    body_title = raw.title
    title = row.title if row else body_title
    label = f"Tiltak {raw.number}"
    status_section = f"{label}, status"
    assert raw.status_heading is not None
    status_blocks = raw.status
    measure = Measure(
        number=raw.number,
        title=title,
        body_title=body_title,
        focus_area=raw.focus_area,
        description="\n\n".join(b.text for b in raw.description),
        status_text="\n\n".join(b.text for b in status_blocks),
        span=Span(raw.heading.start, raw.end),
        status_span=Span(raw.status_heading.start, raw.end),
        responsibilities=[*_overview_responsibilities(row, ""), *_body_responsibilities(raw.ministry_lines, label)],
    )
    measure.submeasures = [_sub(s, raw.number, row) for s in raw.subs]
    for sub, raw_sub in zip(measure.submeasures, raw.subs, strict=True):
        sub.status_spans = _status_runs(status_blocks, raw_sub.status)
    parts = [(s.label, s.status) for s in measure.submeasures if s.status]
    if parts:  # status per letter: the measure's status is read from its parts
        if raw.status_lead and not any(s.status_inferred for s in raw.subs):
            parts.append((measure.label, _status(raw.status_lead, title, status_section, raw.status_heading)))
        measure.status = _aggregate_status(parts)
    else:
        measure.status = _status(status_blocks, title, status_section, raw.status_heading)
    if any(s.status for s in raw.subs):  # status per letter: the measure's own paragraphs, else its parts
        own = [b for b in status_blocks if not any(b in s.status for s in raw.subs)]
        whole = _continuation(own, status_section, raw.number) if own else None
        measure.continuation = whole or _continuation_of_parts(measure.submeasures)
    else:
        measure.continuation = _continuation(status_blocks, status_section, raw.number)

    texts = [*_sentences(raw.description, label)]
    for s in raw.subs:
        texts += _sentences(s.description, f"{label} {s.letter})")
    texts += _sentences(status_blocks, status_section)
    measure.cross_references = cross_references(texts, raw.number, known)
    measure.footnote_marks = _marks(raw)
    return measure


def _status_runs(status: list[Block], own: list[Block]) -> list[Span]:
    """The spans of the unbroken runs of a sub-measure's own paragraphs among its measure's status paragraphs."""
    runs: list[list[Block]] = []
    previous = -2
    for i, block in enumerate(status):
        if any(block is b for b in own):
            if i == previous + 1:
                runs[-1].append(block)
            else:
                runs.append([block])
            previous = i
    return [Span(run[0].start, run[-1].end) for run in runs]


def _marks(raw: RawMeasure) -> list[FootnoteMark]:
    """Footnote marks in the measure's text, each with its sentence and the (sub-)measure that carries it."""
    owners: list[tuple[list[Block], str, str]] = [(raw.description, str(raw.number), f"Tiltak {raw.number}")]
    for s in raw.subs:
        owners.append(([s.heading, *s.description], f"{raw.number}{s.letter}", f"Tiltak {raw.number} {s.letter})"))
        owners.append((s.status, f"{raw.number}{s.letter}", f"Tiltak {raw.number} {s.letter}), status"))
    owners.append((raw.status_lead if raw.subs else raw.status, str(raw.number), f"Tiltak {raw.number}, status"))
    out: list[FootnoteMark] = []
    seen: set[tuple[int, int]] = set()
    for blocks, owner, section in owners:
        for block in blocks:
            sentences = split_sentences(block)
            for mark in block.marks:
                if (mark.number, block.start) in seen:
                    continue
                seen.add((mark.number, block.start))
                sentence = next((s for s in sentences if s.start <= mark.offset <= s.end), sentences[-1])
                out.append(FootnoteMark(mark.number, owner, _evidence(sentence, section)))
    return out
