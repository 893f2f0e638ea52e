"""A corpus of synthetic final reports of the embedded report's form, for the scaling benchmark and tests.

Report 0 is the embedded report itself. Report *i* > 0 is derived from it, deterministically from
``(seed, i)``:

- a plan of its own: another title («Trygg hverdag»), another name line, another successor plan (the
  «Prop. 36 S» of other years with another title), every year in the text shifted by the same offset
  (the plan's years, the report's, the dates in the prose, so they stay consistent), another month;
- other measures: per focus area between 70 % and 130 % of the measures, sampled (beyond 100 %, some twice),
  renumbered 1…N with their overview-table rows, cross-references («jf. tiltak 64») renumbered or
  pointed at no measure when their target was left out, footnotes renumbered in reading order;
- other texts: the paragraphs of a plain status section in another order, and organisations of the same
  type swapped (acronym for acronym, name for name: «NOVA» ↔ «Fafo»).

Each report parses, builds and validates on its own and together with the others
(``tests/bench/test_corpus.py``, ``tests/graph/test_several_plans.py``).

    python -m bench.corpus 30 build/corpus        write 30 reports (seed 13) into build/corpus/
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tiltaksgraf.paths import DEFAULT_SOURCE, ORGANISATIONS_FILE

SEED = 13
_ADJECTIVES = ("Trygg", "Fri", "Sterk", "Felles", "Åpen", "Modig", "Varig", "Klar", "Rett", "Ny", "God", "Lys")
_NOUNS = ("hverdag", "fremtid", "oppvekst", "innsats", "start", "kurs", "retning", "vei", "hjelp", "kraft", "havn")
_THEMES = (
    "vold i nære relasjoner",
    "vold og overgrep i familien",
    "partnervold",
    "vold mot eldre",
    "negativ sosial kontroll",
)
_VALUES = ("Omsorg", "Verdighet", "Respekt", "Håp", "Tillit", "Likeverd", "Styrke", "Fellesskap", "Trygghet")
_GROUPS = ("barn", "unge", "familier", "eldre", "samfunnet", "hverandre", "framtida", "mange", "alle")
_MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "september", "oktober", "november", "desember")

_TITLE, _SUCCESSOR, _PLAN_NAME = "Frihet fra vold", "Trygghet for alle", "Handlingsplan mot vold i nære relasjoner"
_FOCUS = re.compile(r"^Innsatsområde (\d+): ")
_MEASURE = re.compile(r"^Tiltak (\d+): ")
_ROW = re.compile(r"^\|\s*(\d+)\s*\|")
_REFERENCE = re.compile(r"\btiltak (\d{1,3})\b(?!\s*:)")  # as loaders/crossrefs.py reads them
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_SUPERSCRIPT = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_REPORT_LINE = re.compile(r"^(Sluttrapport, )[a-zæøå]+( \d{4})$", re.MULTILINE)
#: A status paragraph that may move: a whole paragraph of prose (capital first, stop last), not a lettered
#: part, a footnote, a list, a table or half a paragraph cut by a page break.
_PLAIN = re.compile(r"^[A-ZÆØÅ«][^\n]*[.!?»]$")


@dataclass(frozen=True)
class Measure:
    """One «Tiltak N:» section of the source: its lines (heading first) and its overview row."""

    number: int
    lines: list[str]
    row: str


@dataclass(frozen=True)
class Source:
    """The embedded report cut into parts: everything before the overview, the overview, the introduction,
    and the focus areas, each with its heading lines and its measures."""

    head: list[str]
    overview: list[str]
    intro: list[str]
    areas: list[tuple[list[str], list[Measure]]]

    @classmethod
    def read(cls, text: str) -> Source:
        lines = text.split("\n")
        start = lines.index("Oversikt over tiltakene i handlingsplanen")
        intro = lines.index("Innledning")
        first = next(i for i, line in enumerate(lines) if _FOCUS.match(line))
        rows = {int(m.group(1)): line for line in lines[start:intro] if (m := _ROW.match(line))}
        areas: list[tuple[list[str], list[Measure]]] = []
        current: list[str] | None = None
        for line in lines[first:]:
            if _FOCUS.match(line):
                areas.append(([line], []))
                current = areas[-1][0]
            elif m := _MEASURE.match(line):
                number = int(m.group(1))
                areas[-1][1].append(Measure(number, [line], rows[number]))
                current = areas[-1][1][-1].lines
            else:
                assert current is not None
                current.append(line)
        _footnotes_to_their_marks([m for _, measures in areas for m in measures])
        return cls(lines[:start], lines[start:intro], lines[intro:first], areas)


def _footnotes_to_their_marks(measures: list[Measure]) -> None:
    """Move each footnote's text into the section of the measure whose prose carries its mark (a page break
    can put the text after the next heading), so that a measure taken alone keeps its footnotes."""
    marks: dict[str, Measure] = {}
    for m in measures:
        for line in m.lines:
            for run in _SUPERSCRIPT.finditer(line):
                if run.start() > 0:
                    marks.setdefault(run.group(), m)
    for m in measures:
        for line in list(m.lines):
            note = _SUPERSCRIPT.match(line)
            owner = marks.get(note.group()) if note else None
            if owner is not None and owner is not m:
                m.lines.remove(line)
                owner.lines.extend([line, ""])


def _distinct_names(rng: random.Random, count: int, first: Sequence[str], second: Sequence[str], joiner: str):
    names = [f"{a}{joiner}{b}" for a in first for b in second if f"{a}{joiner}{b}" not in (_TITLE, _SUCCESSOR)]
    rng.shuffle(names)
    return [names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "") for i in range(count)]


@lru_cache(maxsize=1)
def _organisations_by_type() -> dict[str, list[tuple[str, str]]]:
    """(acronym, Bokmål name) of the registry's organisations that have one of each, by type."""
    from tiltaksgraf.graph.registry import load_registry
    from tiltaksgraf.graph.vocab import ORG, SKOS, TG

    registry = load_registry(ORGANISATIONS_FILE, None)
    by_type: dict[str, list[tuple[str, str]]] = {}
    for org in registry.organisations():
        acronym = registry.graph.value(org, TG.acronym)
        names = [n for n in registry.graph.objects(org, SKOS.prefLabel) if getattr(n, "language", None) == "nb"]
        kind = registry.graph.value(org, ORG.classification)
        if acronym is not None and len(names) == 1 and kind is not None and len(str(acronym)) > 1:
            by_type.setdefault(str(kind), []).append((str(acronym), str(names[0])))
    return {k: sorted(v) for k, v in sorted(by_type.items()) if len(v) >= 2}


def _swaps(rng: random.Random, pairs: int) -> dict[str, str]:
    """Labels of organisations of one type, swapped pairwise: acronym for acronym, Bokmål name for name."""
    by_type = _organisations_by_type()
    out: dict[str, str] = {}
    kinds = list(by_type)
    for _ in range(pairs):
        group = by_type[rng.choice(kinds)]
        (a_acr, a_name), (b_acr, b_name) = rng.sample(group, 2)
        if {a_acr, b_acr, a_name, b_name} & set(out):
            continue
        out.update({a_acr: b_acr, b_acr: a_acr, a_name: b_name, b_name: a_name})
    return out


def _swap_labels(text: str, swaps: dict[str, str]) -> str:
    if not swaps:
        return text
    labels = "|".join(re.escape(k) for k in sorted(swaps, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)({labels})(?=s?(?!\w))")  # a genitive «s» may follow
    return pattern.sub(lambda m: swaps[m.group(1)], text)


def _footnotes_renumbered(sections: list[list[str]]) -> list[list[str]]:
    """Footnote marks and texts numbered 1, 2, … in reading order, each section's own marks kept together."""
    counter = 0
    out = []
    for lines in sections:
        numbers: dict[str, str] = {}

        def renumber(m: re.Match[str], numbers: dict[str, str] = numbers) -> str:
            nonlocal counter
            if m.group() not in numbers:
                counter += 1
                numbers[m.group()] = str(counter).translate(_SUPER)
            return numbers[m.group()]

        out.append([_SUPERSCRIPT.sub(renumber, line) for line in lines])
    return out


def _status_shuffled(lines: list[str], rng: random.Random) -> list[str]:
    """The paragraphs after «Status:» in another order, where they are all plain prose."""
    if "Status:" not in lines:
        return lines
    at = lines.index("Status:") + 1
    paragraphs = [p for p in "\n".join(lines[at:]).split("\n\n") if p.strip()]
    if len(paragraphs) < 2 or not all(_PLAIN.match(p) for p in paragraphs):
        return lines
    rng.shuffle(paragraphs)
    return [*lines[:at], "", *"\n\n".join(paragraphs).split("\n"), ""]


def synthetic_report(index: int, seed: int = SEED, source: str | None = None) -> str:
    """Report ``index`` of the corpus: the embedded report for 0, a derived report of its form otherwise."""
    text = source if source is not None else DEFAULT_SOURCE.read_text(encoding="utf-8")
    if index == 0:
        return text
    names = random.Random(seed)  # one draw of distinct titles for the whole corpus
    titles = _distinct_names(names, index + 1, _ADJECTIVES, _NOUNS, " ")
    successors = _distinct_names(names, index + 1, _VALUES, _GROUPS, " for ")
    rng = random.Random(f"{seed}/{index}")
    src = Source.read(text)
    chosen: list[tuple[list[str], list[Measure]]] = []
    for heading, measures in src.areas:
        count = max(1, round(len(measures) * rng.uniform(0.7, 1.3)))
        keep = sorted(rng.sample(range(len(measures)), min(count, len(measures))))
        extra = [rng.randrange(len(measures)) for _ in range(count - len(keep))]
        order = keep + extra
        chosen.append((heading, [measures[i] for i in order]))
    numbering: dict[int, int] = {}
    new = 0
    for _, measures in chosen:
        for m in measures:
            new += 1
            numbering.setdefault(m.number, new)
    total = new

    def reference(m: re.Match[str]) -> str:
        target = numbering.get(int(m.group(1)))
        return f"tiltak {target if target is not None else 900 + int(m.group(1))}"

    sections: list[list[str]] = []
    rows: list[str] = []
    new = 0
    for heading, measures in chosen:
        sections.append(heading)
        for m in measures:
            new += 1
            body = _status_shuffled(m.lines[1:], rng)
            heading = _MEASURE.sub(f"Tiltak {new}: ", m.lines[0])
            sections.append([heading, *(_REFERENCE.sub(reference, line) for line in body)])
            rows.append(_ROW.sub(f"| {new} |", m.row))
    assert new == total
    table = [line for line in src.overview if line.startswith("|")][:2]
    overview = [src.overview[0], "", *table, *rows, "", *[x for x in src.overview[1:] if not x.startswith("|")]]
    body = [line for section in _footnotes_renumbered(sections) for line in section]
    out = "\n".join([*src.head, *overview, *src.intro, *body])
    offset = rng.choice([k for k in range(-12, 13) if k])
    out = _YEAR.sub(lambda m: str(int(m.group()) + offset), out)
    out = _REPORT_LINE.sub(lambda m: f"{m.group(1)}{rng.choice(_MONTHS)}{m.group(2)}", out, count=1)
    out = out.replace(_TITLE, titles[index]).replace(_SUCCESSOR, successors[index])
    out = out.replace(_PLAN_NAME + " (", f"Handlingsplan mot {rng.choice(_THEMES)} (")
    return _swap_labels(out, _swaps(rng, 3))


def write_corpus(count: int, folder: Path, seed: int = SEED) -> list[Path]:
    """Reports 0 … ``count - 1`` as ``folder/NNN.md`` (the folder is made; existing files are replaced)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = DEFAULT_SOURCE.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"{i:03d}.md"
        path.write_text(synthetic_report(i, seed, source), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    n, where = int(sys.argv[1]), Path(sys.argv[2])
    for p in write_corpus(n, where, int(sys.argv[3]) if len(sys.argv) > 3 else SEED):
        print(p)
