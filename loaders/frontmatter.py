"""Read the title page and the successor plan's full reference, with every spelling the source uses."""

from __future__ import annotations

import re
from collections import Counter

from tiltaksgraf.loaders.continuation_rules import PLAN_WORD, mentions_successor
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.model import Evidence, Finding, PlanInfo
from tiltaksgraf.loaders.text import Block, split_sentences

MONTHS = {
    "januar": 1,
    "februar": 2,
    "mars": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
}
_PLAN = re.compile(
    r"^(?P<name>(?P<kind>Handlingsplan|Opptrappingsplan)\b.+?)\s*\((?P<start>\d{4})[–-](?P<end>\d{4})\)$"
)
_TITLE = re.compile(r"^«(?P<title>[^»]+)»$")
#: «Sluttrapport, april 2025»; a report along the way: «Statusrapport, januar 2024», «Midtveisrapport, …».
_REPORT = re.compile(
    r"^(?P<title>Sluttrapport|Statusrapport|Midtveisrapport),?\s+(?P<month>[a-zæøå]+)\s+(?P<year>\d{4})$",
    re.IGNORECASE,
)
#: «Prop. 36 S (2023–2024) Opptrappingsplan mot … (2024–2028) *Trygghet for alle*»
_SUCCESSOR = re.compile(
    r"(?P<prop>Prop\. \d+ S \(\d{4}[–-]\d{4}\))\s+(?P<name>Oppt\w*plan\w* [^()]+?)\s*"
    r"\((?P<start>\d{4})[–-](?P<end>\d{4})\)\s*(?P<title>[A-ZÆØÅ][^.,;]*?)(?=[.,;]|$)"
)
_NAME_WITH_YEARS = re.compile(r"(?P<name>\b[Oo]pptr?appingsplan\w*\b[^(),]*?)\s*\((?P<start>\d{4})[–-](?P<end>\d{4})\)")


def read_title_page(path: str, blocks: list[Block]) -> tuple[PlanInfo, str, str]:
    """The plan (name, years, title), the report's title and its date ("YYYY-MM") from the first lines."""
    head = blocks[:6]
    plan = next((m for b in head if (m := _PLAN.match(b.text))), None)
    title = next((m for b in head if (m := _TITLE.match(b.text))), None)
    report = next((m for b in head if (m := _REPORT.match(b.text))), None)
    if not plan or not title or not report:
        missing = (
            "plan line «Handlingsplan … (YYYY–YYYY)»"
            if not plan
            else ("plan title «…»" if not title else "report line «Sluttrapport, <måned> <år>»")
        )
        raise SourceError(
            path,
            f"no title page: the {missing} is missing",
            line=head[0].start if head else 1,
            hint="a final report starts with the plan's name and years, its «title» and its date",
        )
    month = MONTHS.get(report.group("month").lower())
    if not month:
        raise SourceError(
            path,
            f"unknown month «{report.group('month')}» in the report date",
            line=next(b.start for b in head if _REPORT.match(b.text)),
            hint="write it in Norwegian",
        )
    info = PlanInfo(
        title=title.group("title"),
        start_year=int(plan.group("start")),
        end_year=int(plan.group("end")),
        kind=plan.group("kind").lower(),
        full_name=plan.group("name"),
    )
    return (
        info,
        f"{report.group('title')}, {report.group('month')} {report.group('year')}",
        (f"{report.group('year')}-{month:02d}"),
    )


def read_successor(path: str, blocks: list[Block]) -> tuple[PlanInfo, Evidence]:
    """The successor plan from its first full reference («Prop. 36 S (…) Opptrappingsplan … (…) Title»)."""
    for block in blocks:
        m = _SUCCESSOR.search(block.text)
        if m:
            spellings = sorted({w.group() for b in blocks for w in PLAN_WORD.finditer(b.text)})
            info = PlanInfo(
                title=m.group("title").strip(),
                start_year=int(m.group("start")),
                end_year=int(m.group("end")),
                kind="opptrappingsplan",
                full_name=m.group("name").strip(),
                identifier=m.group("prop"),
                spellings=tuple(spellings),
            )
            sentence = next(s for s in split_sentences(block) if m.group("prop") in s.text)
            return info, Evidence(sentence.text, sentence.span, "Innledning")
    intro = next((b.start for b in blocks if b.text == "Innledning"), blocks[0].start if blocks else 1)
    raise SourceError(
        path,
        "no reference to the successor plan («Prop. N S (…) Opptrappingsplan … (YYYY–YYYY) Title»)",
        line=intro,
        hint="the introduction of a final report names the plan that takes over",
    )


def successor_findings(successor: PlanInfo, blocks: list[Block], measure_of: dict[int, str]) -> list[Finding]:
    """Misspellings of the plan word and mentions of the successor plan with other years."""
    findings: list[Finding] = []
    words = Counter(w.group() for b in blocks for w in PLAN_WORD.finditer(b.text))
    canonical = re.match(r"\w+", successor.full_name)
    right = canonical.group().lower() if canonical else "opptrappingsplan"
    for block in blocks:
        for s in split_sentences(block):
            measure = measure_of.get(s.span.start)
            for w in PLAN_WORD.finditer(s.text):
                if not w.group().lower().startswith(right):
                    findings.append(
                        Finding(
                            "misspelt-plan-name",
                            measure,
                            s.span,
                            s.text,
                            f"«{w.group()}» for «{right.capitalize()}» (seen {words[w.group()]}×)",
                        )
                    )
            for y in _NAME_WITH_YEARS.finditer(s.text):
                years = (int(y.group("start")), int(y.group("end")))
                if (
                    mentions_successor(s.text)
                    and successor.title in s.text
                    and years != (successor.start_year, successor.end_year)
                ):
                    findings.append(
                        Finding(
                            "successor-plan-wrong-years",
                            measure,
                            s.span,
                            s.text,
                            f"{successor.title} is {successor.start_year}–{successor.end_year}, written here "
                            f"as {years[0]}–{years[1]}",
                        )
                    )
    return findings
