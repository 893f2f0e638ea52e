"""Read how a measure relates to the successor plan, and the «regjeringen vil»-points the report quotes.

Rules, applied to each sentence of the status text (the plan's own 2021 text is never read here):

* A sentence *mentions the successor plan* when it names «Trygghet for alle», «Prop. 36 S», or an
  «opptrappingsplan(en)» in any of the source's spellings ("Opptappingsplan" included) that is not
  «opptrappingsplan(en) for <another topic>» (for example «opptrappingsplanen for psykisk helse»).
* ``continued``: the sentence says the measure, or a part of it, is carried on there: «videreført»,
  «videreutviklet», «fulgt opp / følges opp gjennom <planen>», «oppfølging av (punkter i) <planen>»,
  «et (av tiltakene) tiltak i», a «regjeringen vil»-point, or «Gjennom <planen> har regjeringen besluttet …».
* ``related``: otherwise the mention is context only («ses/sees i sammenheng med …», or a plain mention).
* A measure's relation is the strongest over its sentences: continued > related > none.

Scope and owner (:func:`read_continuation`, :func:`owner`):

* *Scope*: a sentence that opens with a sub-measure's letter («b) Dette tiltaket er videreført …») or names
  one («deltiltak b)», «punkt b)») covers that part only; otherwise the whole (sub-)measure. A measure whose
  status is given per letter, and whose own paragraphs say nothing of the plan, is continued in part: in the
  parts that are (the loader, ``loaders/report.py``).
* *Owner*: who follows the continuation up, where the text says so: «… videreført i opptrappingsplanen, og
  følges opp av JD» in the continuation's sentence, or «Tiltaket følges (videre) opp av X» in the status.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tiltaksgraf.loaders.text import Sentence

#: The escalation-plan word in the spellings of the source (Opptrappingsplan, Opptappingsplan …).
PLAN_WORD = re.compile(r"\b[Oo]pptr?appingsplan(?:en)?\b")
_OTHER_PLAN = re.compile(r"\s+for\s+(?!vold)\w+")
_NAMED = re.compile(r"Trygghet for alle|Prop\. 36 S")
_RELATED = re.compile(r"\bse(?:e)?s i sammenheng med\b", re.IGNORECASE)
_PLAN_NEAR = r"(?:\w+ ){0,3}?(?:[Oo]pptr?appingsplan|Trygghet for alle|Prop\. 36 S)"
_CONTINUED = re.compile(
    r"\bvideref(?:ø|o)rt\b|\bvidereutviklet\b|\bregjeringen vil\b|\bet (?:av tiltakene|tiltak) i\b"
    rf"|\b(?:fulgt|følges) (?:\w+ )?opp (?:gjennom|i) {_PLAN_NEAR}|\boppfølging av {_PLAN_NEAR}"
    rf"|^Gjennom {_PLAN_NEAR}.*\bbesluttet\b",
    re.IGNORECASE,
)
#: «Regjeringen vil …» opening a sentence (quoted or set off as its own paragraph).
QUOTED_COMMITMENT = re.compile(r"^«?\s*(Regjeringen vil\s+[a-zæøå].*?)\s*»?$", re.DOTALL)
#: «… at regjeringen vil videreføre …» reported inside a sentence about the plan.
REPORTED_COMMITMENT = re.compile(r"\bat (regjeringen vil\s+[a-zæøå][^»]*?)[.]?$")


def mentions_successor(text: str) -> bool:
    """True when the sentence names the successor plan.

    >>> mentions_successor("Midlene ble innlemmet i opptrappingsplanen for psykisk helse.")
    False
    >>> mentions_successor("Tiltaket er videreført i Opptappingsplan mot vold og overgrep …")
    True
    """
    if _NAMED.search(text):
        return True
    return any(not _OTHER_PLAN.match(text, m.end()) for m in PLAN_WORD.finditer(text))


#: A sentence about some parts only: «b) Dette tiltaket …», «a) og c) er …», «deltiltak b) er videreført».
_LEADING_LETTERS = re.compile(r"^(?:-\s*)?((?:[a-d]\)\s*(?:og\s*|,\s*)?)+)")
_NAMED_PART = re.compile(r"\b(?:[Dd]eltiltak(?:ene)?|[Pp]unkt(?:ene)?|[Bb]okstav)\s+((?:[a-d]\)\s*(?:og\s*|,\s*)?)+)")
#: «… og følges opp av JD», «følges videre opp av Helsedirektoratet»: the name up to the clause's end.
_FOLLOWED_UP_BY = re.compile(
    r"\bfølges (?:\w+ )?opp av (?P<owner>[A-ZÆØÅ][\wÆØÅæøå.-]*(?: (?:[A-ZÆØÅ]|og |for |i )[\wÆØÅæøå.-]*)*)"
)
_MEASURE_SUBJECT = re.compile(r"^(?:[a-d]\)\s*)?(?:Tiltaket|Dette tiltaket|Arbeidet|Oppfølgingen)\b")


def parts_named(text: str) -> tuple[str, ...]:
    """The letters of the sub-measures a sentence is about, or () when it is about the whole.

    >>> parts_named("b) Dette tiltaket er videreført i Opptrappingsplan mot vold.")
    ('b',)
    >>> parts_named("Deltiltak a) og c) er videreført i opptrappingsplanen.")
    ('a', 'c')
    >>> parts_named("Tiltaket er videreført i opptrappingsplanen.")
    ()
    """
    m = _LEADING_LETTERS.match(text) or _NAMED_PART.search(text)
    return tuple(dict.fromkeys(re.findall(r"[a-d]", m.group(1)))) if m else ()


@dataclass(frozen=True)
class Link:
    """A sentence's relation to the successor plan, with the rule that read it and the parts it covers."""

    relation: str  # "continued" or "related"
    rule: str
    sentence: Sentence
    parts: tuple[str, ...] = ()  # letters of the sub-measures it covers; () is the whole


def read_sentence(sentence: Sentence) -> Link | None:
    """The relation one sentence states, if it mentions the successor plan."""
    if not mentions_successor(sentence.text):
        return None
    parts = parts_named(sentence.text)
    m = _CONTINUED.search(sentence.text)
    if m:
        return Link("continued", f"continued/{m.group().lower().split()[0]}", sentence, parts)
    if _RELATED.search(sentence.text):
        return Link("related", "seen-in-context", sentence, parts)
    return Link("related", "mentioned", sentence, parts)


def owner(sentences: Sequence[Sentence], link: Link) -> tuple[str, Sentence] | None:
    """Who follows the continuation up, and the sentence that says so (the module docstring).

    >>> from tiltaksgraf.loaders.text import line_block, split_sentences
    >>> ss = split_sentences(line_block("Tiltaket er videreført i opptrappingsplanen, og følges opp av JD.", 1))
    >>> owner(ss, read_continuation(ss))[0]
    'JD'
    """
    candidates = [link.sentence, *(s for s in sentences if s is not link.sentence and _MEASURE_SUBJECT.match(s.text))]
    for s in candidates:
        m = _FOLLOWED_UP_BY.search(s.text)
        if m:
            return m.group("owner").rstrip(" ."), s
    return None


def read_continuation(sentences: Sequence[Sentence]) -> Link | None:
    """The strongest relation over a status: the first «continued» sentence, else the first «related»."""
    links = [link for s in sentences if (link := read_sentence(s))]
    for relation in ("continued", "related"):
        for link in links:
            if link.relation == relation:
                return link
    return None


@dataclass(frozen=True)
class QuotedPoint:
    """A «regjeringen vil»-point found in the status text."""

    text: str
    quoted: bool
    sentence: Sentence


def commitments(sentences: Sequence[Sentence]) -> list[QuotedPoint]:
    """«Regjeringen vil …» points: quoted ones, and ones reported as «… at regjeringen vil …» about the plan.

    A quoted point counts when the status links it to the plan: the sentence before it mentions the
    plan or a «regjeringen vil-punkt».
    """
    out: list[QuotedPoint] = []
    for i, s in enumerate(sentences):
        quoted = QUOTED_COMMITMENT.match(s.text)
        previous = sentences[i - 1].text if i else ""
        if quoted and (mentions_successor(previous) or "vil-punkt" in previous):
            out.append(QuotedPoint(quoted.group(1).rstrip(" .»") + ".", True, s))
            continue
        reported = REPORTED_COMMITMENT.search(s.text)
        if reported and mentions_successor(s.text):
            text = reported.group(1)
            out.append(QuotedPoint(text[0].upper() + text[1:].rstrip(" .") + ".", False, s))
    return out
