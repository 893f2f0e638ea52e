"""Organisation-like names the registries do not know: the list the registry grows from.

The build does not invent organisations; it lists the names it could not resolve, so that someone adds
them to ``data/organisations.ttl`` (or to :data:`COMMON_WORDS`, when the name is an ordinary word).

A **candidate** is a word ending in one of :data:`ORG_ENDINGS` («-direktoratet», «-departementet»,
«-senter», «kommune», «fengsel», «-forskning», «-tilsynet», «-utvalget», «-kommisjonen», «institutt» …,
a genitive «s» allowed) that stands in a name:

- a **capitalised compound**: «Sjødirektoratet», «Nordlandsforskning», «Koronakommisjonen». The bare
  ending («Direktoratet», «Senteret», «Kommisjonen») refers back to a name and is not one;
- a **lower-case ending after capitalised words**: «Karasjok kommune», «Indre Finnmark familievernkontor»,
  «Statens helsetilsyn», unless the capitalised word is an ordinary word capitalised at the start of a
  sentence («Hvert politidistrikt»: :data:`COMMON_WORDS`);
- a **coordinated compound**: «Likestillings- og diskrimineringsombudet», «Barne-, ungdoms- og
  familiedirektoratet».

A candidate is **resolved** when one mention (:mod:`loaders.mentions`) covers it whole: the generic label
«krisesenter» does not resolve «Bergen krisesenter».
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tiltaksgraf.loaders.actors import UnresolvedName
from tiltaksgraf.loaders.blocks import is_table_row, source_blocks
from tiltaksgraf.loaders.mentions import LabelIndex, find_mentions
from tiltaksgraf.loaders.text import Block, line_block

#: Word endings that make a capitalised name look like an organisation's.
# fmt: off
ORG_ENDINGS = (
    "direktorat", "direktoratet", "departement", "departementet", "senter", "senteret", "center", "centeret",
    "kommune", "fengsel", "forskning", "forsking", "tilsyn", "tilsynet", "utvalg", "utvalget", "kommisjon",
    "kommisjonen", "kommissjon", "komite", "komiteen", "komité", "komitéen", "komiteén", "institutt", "instituttet",
    "universitet", "universitetet", "høgskole", "høgskolen", "høyskole", "sykehus", "sykehuset", "hospital",
    "politidistrikt", "ombud", "ombudet", "etat", "etaten", "forvaltning", "administrasjonen", "nemnda", "embete",
    "sekretariatet", "stiftelsen", "rådet", "barnehus", "familievernkontor", "tinget",
)
# fmt: on
#: Capitalised words that do not start a name: sentence-initial function words, ordinary compounds.
# fmt: off
COMMON_WORDS = frozenset({
    "Alle", "Andre", "Annen", "Ansvarlig", "Ansvarlige", "Både", "De", "Den", "Denne", "Det", "Dette", "Disse",
    "Egen", "Eget", "En", "Et", "Ett", "Flere", "For", "Fra", "Hele", "Hver", "Hvert", "Hvilken", "I", "Ingen",
    "Mange", "Med", "Noen", "Ny", "Nye", "Nytt", "Og", "Om", "På", "Samme", "Som", "Til", "Tre", "To", "Under",
    "Følgeforskning", "Effektforskning",
})
# fmt: on
#: Capitalised abbreviations that end with a full stop inside a name («St. Olavs hospital»).
_ABBREVIATED = frozenset({"St"})
_WORD = re.compile(r"\w+")
_COORDINATED = re.compile(r"[A-ZÆØÅ]\w*-,?\s+(?:\w+-,?\s+)*og\s+$")


def report_blocks(source_text: str) -> list[Block]:
    """Every paragraph, footnote and table row of a report, as blocks with their source lines."""
    lines = source_text.split("\n")
    blocks, notes = source_blocks(source_text)
    out = list(blocks)
    out += [Block(n.text, n.line, n.line, [(0, n.line)]) for n in notes]
    out += [line_block(raw.replace("|", " | "), i) for i, raw in enumerate(lines, start=1) if is_table_row(raw)]
    return sorted(out, key=lambda b: b.start)


def unresolved_names(blocks: Iterable[Block], index: LabelIndex) -> list[UnresolvedName]:
    """Every organisation-like name in ``blocks`` that no mention covers, in source order."""
    out: list[UnresolvedName] = []
    for block in blocks:
        covered = [(m.start, m.end) for m in find_mentions(block, index)]
        for start, end in candidates(block.text):
            if not any(s <= start and end <= e for s, e in covered):
                name = block.text[start:end]
                out.append(UnresolvedName(name, block.line_at(start), _context(block.text, start, end)))
    return out


def candidates(text: str) -> list[tuple[int, int]]:
    """The spans of organisation-like names in ``text`` (see the module docstring)."""
    words = list(_WORD.finditer(text))
    out: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        ending = _ending(word.group())
        if ending is None:
            continue
        if word.group()[0].isupper():
            compound = len(_stem(word.group())) > len(ending)
            if compound and word.group() not in COMMON_WORDS:
                out.append((word.start(), word.end()))
            continue
        head = _COORDINATED.search(text[: word.start()])
        if head:
            out.append((head.start(), word.end()))
            continue
        start = _capitalised_run(text, words, i)
        if start is not None:
            out.append((start, word.end()))
    return out


#: The endings, longest first: the first that fits a word is its ending.
_LONGEST_FIRST = tuple(sorted(ORG_ENDINGS, key=len, reverse=True))


def _stem(word: str) -> str:
    """The word without a genitive «s» when the rest ends in an organisation ending."""
    return word[:-1] if word.endswith("s") and _ends(word[:-1]) else word


def _ends(word: str) -> bool:
    return word.lower().endswith(ORG_ENDINGS)


def _ending(word: str) -> str | None:
    stem = _stem(word).lower()
    if not stem.endswith(ORG_ENDINGS):  # most words: one test in C, not one per ending
        return None
    return next(e for e in _LONGEST_FIRST if stem.endswith(e))


def _capitalised_run(text: str, words: list[re.Match[str]], i: int) -> int | None:
    """Where the capitalised words just before ``words[i]`` start (each one space apart), or None."""
    start = None
    j = i - 1
    while j >= 0:
        gap, w = text[words[j].end() : words[j + 1].start()], words[j].group()
        if not (gap == " " or (gap == ". " and w in _ABBREVIATED)) or not w[0].isupper() or w in COMMON_WORDS:
            break
        start = words[j].start()
        j -= 1
    return start


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    return text[max(0, start - width) : end + width]
