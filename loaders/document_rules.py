"""Find the documents one sentence names: by designation, by a quoted title with a cue, by name, or from a registry.

Each rule reads one way of naming a document (``RULES`` lists them with what they mean):

* **designations**: «NOU 2020: 17», «Prop. 100 L (2020–2021)», «Prop. 36 S (2023–2024)», «Meld. St. 8
  (2022–2023)», «Innst. 123 S (2020–2021)», «Rundskriv nr. 2/2023», «rundskriv om familievold (3/2008)»,
  «Stortingets vedtak 728», «anmodningsvedtak 728, 9. mars 2021»; a quoted title right after a designation is
  its title («NOU 2020: 17 «Varslede drap?»»);
* **quoted titles with a cue**: «…» is a document when its title says what it is («Krisesenterveileder – …»,
  «Rundskriv til …», «… Handlingsplan for …») or a word just before it does («veilederen «…»», «Rapporten
  «…»», «sin rapport «…»», «rundskriv for «…»», «artikkel»), and the next title in a list («… «A» og «B»»);
  a quoted name with no cue («Tidlig Inn», «Jeg Vet») is a programme, not a document;
* **named guidelines**: «Veileder om kommunikasjon via tolk for …» written as a title in mid-sentence, and
  «en veileder for kommune- og politisamarbeid» where the sentence says it was made («Det er utarbeidet …»);
* **the registry of legislation** (``data/legislation.ttl``): laws, regulations, conventions and the
  government platform by every name the registry lists («straffeloven § 196», «Istanbulkonvensjonen»,
  «krisesenterloven»), with the provision when one follows.

Where two readings overlap, the earlier and longer one wins, so a law named inside a circular's title
(«Rundskriv til Lov om sosiale tjenester …») is the circular's title, not a second document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, TypeVar

from tiltaksgraf.loaders.citations import slug
from tiltaksgraf.loaders.frontmatter import MONTHS


@dataclass(frozen=True)
class LegalName:
    """A name of a registry entry (a law, convention …) as the text may write it, and the entry's key and kind."""

    label: str
    key: str
    kind: str


@dataclass(frozen=True)
class Named:
    """A document named in a sentence, as one rule read it. Offsets are in the sentence's text."""

    rule: str
    kind: str
    start: int
    end: int
    text: str  # the words that name it («straffeloven § 196», «NOU 2020: 17 «Varslede drap?»»)
    key: str  # the key of its IRI: from the designation where there is one, else from the title
    designation: str | None = None
    title: str | None = None
    year: int | None = None
    incomplete: bool = False  # the designation lacks its number («Meld. St. (2022–2023)»)


#: Rule id, kind and what the rule reads, in the order they are tried.
RULES: tuple[tuple[str, str, str], ...] = (
    ("nou", "nou", "«NOU 2020: 17», an official report, with the quoted title after it"),
    ("proposition", "proposition-l|proposition-s", "«Prop. 100 L (2020–2021)», a bill or proposition"),
    ("white-paper", "white-paper", "«Meld. St. 8 (2022–2023) Title», a white paper"),
    ("recommendation", "recommendation", "«Innst. 123 S (2020–2021)», a committee recommendation"),
    ("resolution", "parliamentary-resolution", "«Stortingets vedtak 728», «anmodningsvedtak 728, 9. mars 2021»"),
    ("circular-number", "circular", "«Rundskriv nr. 2/2023 «Title»», «rundskriv om familievold (3/2008)»"),
    ("quoted-title", "by the cue", "«Title» with a kind word in it or just before it; a long quotation is no title"),
    ("named-guideline", "guideline", "«Veileder om …» as a title; «en veileder for …» made, or «som X har utviklet»"),
    ("registry", "by the registry", "a name of data/legislation.ttl, with a provision («§ 196») if one follows"),
)

MONTHS_PATTERN = "|".join(MONTHS)
_DASH = "[–-]"
_SESSION = rf"\((\d{{4}}){_DASH}(\d{{4}})\)"
_QUOTE = re.compile(r"\s*«([^»]+)»")
_NOU = re.compile(r"\bNOU (\d{4}) ?: ?(\d+)\b")
_PROP = re.compile(rf"\bProp\. (\d+) ([LS])\b(?: {_SESSION})?")
_MELD = re.compile(rf"\bMeld\. St\. (?:(\d+) )?{_SESSION}")
_INNST = re.compile(rf"\bInnst\. (\d+) ([LS])\b(?: {_SESSION})?")
_RESOLUTION = re.compile(
    rf"\b(?:[Aa]nmodningsvedtak|Stortingets vedtak)(?: nr\.)? (\d+)"
    rf"(?:, (?:\d{{1,2}})\. (?:{MONTHS_PATTERN}) (\d{{4}}))?"
)
_CIRCULAR = re.compile(r"\b[Rr]undskriv(?:et)?(?: nr\.)? (\d+)/(\d{4})\b")
_CIRCULAR_AFTER = re.compile(r"\b[Rr]undskriv (om|for|til) ([^().,«»]+?) \((\d+)/(\d{4})\)")
#: After a designation: «. Title.» (a footnote's style) or « Title» up to the clause's end.
_TITLE_AFTER = re.compile(r"^(?:\.\s+|\s+)([A-ZÆØÅ][^.;]*?)(?=\.|;|, (?:ble|er|som|der|og|men)\b|$)")
#: A word that says what the quoted title after it is.
_CUES = (
    (re.compile(r"\b(?:veileder(?:en|e|ne)?|retningslinje(?:n|r|ne)?)\s*$", re.I), "guideline"),
    (re.compile(r"\b(?:rapport(?:en)?|evalueringsrapport(?:en)?|utredning(?:en)?)\s*$", re.I), "report"),
    (re.compile(r"\b(?:rundskriv(?:et)?(?: (?:for|om|til))?)\s*$", re.I), "circular"),
    (re.compile(r"\b(?:handlingsplan(?:en)?)\s*$", re.I), "plan"),
    (re.compile(r"\b(?:artikkel(?:en)?)\s*$", re.I), "article"),
)
#: A title that says what it is.
_TITLE_KINDS = (
    (re.compile(r"^Rundskriv\b|\brundskriv\b", re.I), "circular"),
    (re.compile(r"veileder\b|\bretningslinje", re.I), "guideline"),
    (re.compile(r"\bhandlingsplan\b", re.I), "plan"),
)
#: A quoted text longer than this is a quotation, not a title (the longest title in the report has 14 words).
_TITLE_WORDS = 18
_NAMED_GUIDELINE = re.compile(r"(?<=[a-zæøå,] )Veileder (?:om|for|til) [^.,;]+?(?=[.,;]|$| som | der | og skal)")
_MADE_GUIDELINE = re.compile(
    r"\b(?:utarbeidet|utarbeider|utarbeide|utviklet|utvikler|lansert|publisert|revidert|oppdatert)"
    r" (?:\w+ )?(?:en|ny|den) "
    r"(?P<title>veileder (?:om|for) [^.,;]+?)(?=[.,;]|$| som | der | og skal| til erstatning| med )"
)
_PROVISION = re.compile(r"^,? §§? ?\d+(?:-\d+)?(?:(?:,| og) \d+(?:-\d+)?)*(?: (?:første|annet|andre|tredje) ledd)?")


def normalise_designation(text: str) -> str:
    """One spelling per designation: «NOU 2020:17» → «NOU 2020: 17», «(2020-2021)» → «(2020–2021)».

    >>> normalise_designation("Prop. 100 L (2020-2021)")
    'Prop. 100 L (2020–2021)'
    """
    text = re.sub(r"\bNOU (\d{4}) ?: ?(\d+)", r"NOU \1: \2", text)
    return re.sub(r"\((\d{4})-(\d{4})\)", r"(\1–\2)", text)


def _title_after(text: str, end: int) -> tuple[str | None, int]:
    """A title right after a designation: quoted, or in the words that follow it."""
    quoted = _QUOTE.match(text, end)
    if quoted:
        return quoted.group(1).strip(" .»"), quoted.end()
    after = _TITLE_AFTER.match(text[end:])
    if after and len(after.group(1).split()) >= 2:
        return after.group(1).strip(), end + after.end(1)
    return None, end


def _session(m: re.Match[str], first: int) -> str:
    """« (2020–2021)» from a match's two year groups, or "" when the designation gives no session."""
    return f" ({m.group(first)}–{m.group(first + 1)})" if m.group(first) else ""


def _designated(text: str) -> list[Named]:
    """Documents named by designation; a title right after the designation is the document's title."""
    out: list[Named] = []

    def add(rule: str, kind: str, m: re.Match[str], designation: str, year: int | None = None, **kw) -> None:
        title, end = _title_after(text, m.end()) if kw.pop("titled", True) else (None, m.end())
        key = kw.pop("key", None) or slug(designation, 10)
        out.append(Named(rule, kind, m.start(), end, text[m.start() : end], key, designation, title, year, **kw))

    for m in _NOU.finditer(text):
        add("nou", "nou", m, f"NOU {m.group(1)}: {m.group(2)}", int(m.group(1)))
    for m in _PROP.finditer(text):
        kind = "proposition-l" if m.group(2) == "L" else "proposition-s"
        add("proposition", kind, m, f"Prop. {m.group(1)} {m.group(2)}{_session(m, 3)}")
    for m in _MELD.finditer(text):
        designation = f"Meld. St. {m.group(1) + ' ' if m.group(1) else ''}({m.group(2)}–{m.group(3)})"
        title, _ = _title_after(text, m.end())
        key = None if m.group(1) else slug(f"{designation} {title or ''}", 9)  # no number: told apart by title
        add("white-paper", "white-paper", m, designation, key=key, incomplete=not m.group(1))
    for m in _INNST.finditer(text):
        add("recommendation", "recommendation", m, f"Innst. {m.group(1)} {m.group(2)}{_session(m, 3)}", titled=False)
    for m in _RESOLUTION.finditer(text):
        year = int(m.group(2)) if m.group(2) else None
        add(
            "resolution",
            "parliamentary-resolution",
            m,
            f"Vedtak {m.group(1)}",
            year,
            titled=False,
            key=f"stortingsvedtak-{m.group(1)}",
        )
    for m in _CIRCULAR.finditer(text):
        add("circular-number", "circular", m, f"Rundskriv {m.group(1)}/{m.group(2)}", int(m.group(2)))
    for m in _CIRCULAR_AFTER.finditer(text):
        designation = f"Rundskriv {m.group(3)}/{m.group(4)}"
        title = f"Rundskriv {m.group(1)} {m.group(2).strip()}"
        out.append(
            Named(
                "circular-number",
                "circular",
                m.start(),
                m.end(),
                m.group(),
                slug(designation, 10),
                designation,
                title,
                int(m.group(4)),
            )
        )
    return out


def _quoted(text: str) -> list[Named]:
    out: list[Named] = []
    previous: Named | None = None
    for m in re.finditer(r"«([^»]+)»", text):
        title = m.group(1).strip(" .")
        before = text[: m.start()]
        if len(title.split()) > _TITLE_WORDS:  # a quotation («Stortinget ber regjeringen om …»), not a title
            previous = None
            continue
        kind = next((k for rx, k in _TITLE_KINDS if rx.search(title)), None)
        kind = kind or next((k for rx, k in _CUES if rx.search(before[-40:])), None)
        if kind is None and re.search(r"\bblant annet\s*$", before):  # «flere veiledere …, blant annet «A»»
            kind = next((k for w in before.split() for rx, k in _CUES if rx.search(w)), None)
        if kind is None and previous is not None and re.fullmatch(r"\s*(?:og|,)\s*", text[previous.end : m.start()]):
            kind = previous.kind  # the next title of a list
        if kind is None or (len(title.split()) < 2 and kind != "guideline"):
            previous = None
            continue
        previous = Named("quoted-title", kind, m.start(), m.end(), m.group(), slug(title, 8), title=title)
        out.append(previous)
    return out


#: «… til veileder om vold i nære relasjoner og menneskehandel som direktoratet har utviklet»
_GUIDELINE_MADE_BY = re.compile(
    r"\b(?P<title>veileder(?:en)? (?:om|for) [^.,;]+?) som (?:\w+ ){1,3}har (?:utviklet|utarbeidet)"
)


def _guidelines(text: str) -> list[Named]:
    out = [
        Named("named-guideline", "guideline", m.start(), m.end(), m.group(), slug(m.group(), 8), title=m.group())
        for m in _NAMED_GUIDELINE.finditer(text)
    ]
    for m in [*_MADE_GUIDELINE.finditer(text), *_GUIDELINE_MADE_BY.finditer(text)]:
        title = re.sub(r"^veilederen\b", "veileder", m.group("title"))
        title = title[0].upper() + title[1:]
        out.append(
            Named(
                "named-guideline",
                "guideline",
                m.start("title"),
                m.end("title"),
                m.group("title"),
                slug(title, 8),
                title=title,
            )
        )
    return out


@lru_cache(maxsize=4096)
def _registry_pattern(label: str) -> re.Pattern[str]:
    """A registry name as a whole word, its first letter in either case."""
    head, rest = label[0], re.escape(label[1:])
    return re.compile(rf"(?<![\wæøåÆØÅ-])[{head.lower()}{head.upper()}]{rest}(?![\wæøåÆØÅ])")


def _registry(text: str, names: Sequence[LegalName]) -> list[Named]:
    out: list[Named] = []
    for name in names:
        if name.label[1:] not in text:  # the name cannot be there: skip the regex (most names, most sentences)
            continue
        for m in _registry_pattern(name.label).finditer(text):
            provision = _PROVISION.match(text[m.end() :])
            end = m.end() + (provision.end() if provision else 0)
            out.append(Named("registry", name.kind, m.start(), end, text[m.start() : end], name.key))
    return out


def named_in(text: str, names: Sequence[LegalName] = ()) -> list[Named]:
    """Every document one sentence names, in text order, overlaps resolved (the module docstring).

    >>> found = named_in("Utvalget anbefalte i NOU 2020: 17 «Varslede drap?» å opprette en kommisjon.")
    >>> [(n.kind, n.designation, n.title) for n in found]
    [('nou', 'NOU 2020: 17', 'Varslede drap?')]
    """
    found = [*_designated(text), *_quoted(text), *_guidelines(text), *_registry(text, names)]
    return without_overlaps(sorted(found, key=lambda n: (n.start, -(n.end - n.start))))


class _Spanned(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Spanned)


def without_overlaps(found: Sequence[S], kept: Sequence[_Spanned] = ()) -> list[S]:
    """``found`` (in text order, longer first) less every reading that overlaps an earlier one or one of ``kept``."""
    taken: list[_Spanned] = list(kept)
    out: list[S] = []
    for n in found:
        if not any(k.start < n.end and n.start < k.end for k in taken):
            taken.append(n)
            out.append(n)
    return out
