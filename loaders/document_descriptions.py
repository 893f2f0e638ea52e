"""Documents a sentence names by description rather than by title or number: «en utredning om …», «Riksrevisjonens
rapport etter …», «En kartlegging fra 2018», «saksbehandlingsrundskrivet», a bill, another plan.

Each rule reads one class of phrase (:data:`RULES`):

* **described**: a noun that names a kind of document (:data:`NOUNS`: «utredning», «evaluering», «veileder»,
  «strategi», «rundskriv» …) with a determiner («en», «den», «sin», «dagens», «forrige», an issuer's genitive
  «Riksrevisjonens», «Nok. Norge sin»), or definite («veilederen for …»), or after «Arbeidet med», followed by
  what it is about («om …», «for …», «av …», «etter undersøkelsen av …», «som omhandler …»), by its issuer
  («rapport fra GREVIO om …», «gjort av KPMG») or by its year («En kartlegging fra 2018», «forrige evaluering i
  2012»). It counts when the sentence says the document exists: it was made («har levert en utredning»,
  «Det er gjennomført en evaluering», «utarbeidet i 2019»), it is dated, it is definite or an issuer's, or it
  is built on («På bakgrunn av en utredning»). One in the making («jobbet med en nasjonal strategi», «å
  utarbeide en veileder») counts only when a later sentence of the paragraph reports it done with its noun as
  subject («Strategien ble ferdigstilt», «Veilederen ble lansert»). One that is only planned («den planlagte
  utredningen», «som skal gjennomføres») does not;
* **compound**: a compound whose last part names the kind, definite or «dagens …»: «Saksbehandlingsrundskrivet»,
  «samfunnssikkerhetsmeldingen», «dagens forstanderveileder» (not «evalueringsrapporten», «sluttrapport»);
* **bill**: «en proposisjon med forslag til lov om …», «Forslag til endringer i … ble fremmet for Stortinget»;
* **published-item**: a list item that is a title with its publication date, «- Title (publisert januar 2024)»;
* **other-plan**: «opptrappingsplanen for psykisk helse», «Opptappingsplan mot vold og overgrep som løper ut i
  2021»: an escalation plan that is not the successor (the caller says which names the successor).

The description is the document's title here (its noun in the indefinite singular, what it is about as written):
such a document is keyed from it, and :mod:`loaders.documents` resolves it against the other documents the
report names (the report a footnote mark or quoted title beside it names; a document whose title it begins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiltaksgraf.loaders.document_rules import without_overlaps
from tiltaksgraf.loaders.model import Span
from tiltaksgraf.loaders.status_rules import matches
from tiltaksgraf.loaders.text import Sentence


@dataclass(frozen=True)
class Described:
    """A document one paragraph names by description, as one rule read it. Offsets are in the paragraph's text."""

    rule: str
    kind: str
    start: int
    end: int
    text: str  # the words that name it, as written
    title: str  # the description as the document's title
    year: int | None = None
    by: int | None = None  # the offset of its issuer's name, where the phrase names one («rapport fra GREVIO»)
    genitive: bool = False  # named after an issuer's genitive («Riksrevisjonens rapport»)


RULES: tuple[tuple[str, str, str], ...] = (
    ("described", "by the noun", "«en utredning om …», «Riksrevisjonens rapport etter …», «En studie fra 2018»"),
    (
        "compound",
        "by the noun",
        "«Saksbehandlingsrundskrivet», «samfunnssikkerhetsmeldingen», «dagens forstanderveileder»",
    ),
    ("bill", "proposition-l", "«en proposisjon med forslag til lov om …», «Forslag til endringer i … ble fremmet»"),
    ("published-item", "report", "«- Title (publisert januar 2024)» in a list"),
    ("other-plan", "plan", "«opptrappingsplanen for psykisk helse»: an escalation plan other than the successor"),
)

#: The nouns that name a kind of document (the indefinite singular), and the kind.
NOUNS = {
    "utredning": "report",
    "konseptutredning": "report",
    "kartlegging": "report",
    "evaluering": "report",
    "følgeevaluering": "report",
    "studie": "report",
    "omfangsstudie": "report",
    "undersøkelse": "report",
    "omfangsundersøkelse": "report",
    "kunnskapsoversikt": "report",
    "kunnskapsoppsummering": "report",
    "analyse": "report",
    "rapport": "report",
    "gjennomgang": "report",
    "forslag": "document",
    "veileder": "guideline",
    "retningslinje": "guideline",
    "anbefaling": "guideline",
    "råd": "guideline",  # only «faglige råd»
    "plattform": "guideline",  # only «faglige plattform»
    "strategi": "plan",
    "handlingsplan": "plan",
    "rundskriv": "circular",
    "proposisjon": "proposition-l",
}
#: The parts a compound may end in, with the kind, and the first parts that make no title of it.
COMPOUND_ENDS = {"rundskrivet": "circular", "meldingen": "white-paper", "veileder": "guideline", "rapporten": "report"}
GENERIC_FIRST = ("evaluerings", "slutt", "del", "status", "hoved", "års", "midtveis", "forsknings")

_ENDINGS = ("ene", "en", "et", "er", "ne", "e", "n", "r", "a", "")
_NOUN = re.compile(
    r"(?<![\wæøåÆØÅ-])(?P<noun>"
    + "|".join(sorted(NOUNS, key=len, reverse=True))
    + r")(?P<end>ene|en|et|er|ne|e|n|r|a)?"
    r"(?![\wæøåÆØÅ-])",
    re.IGNORECASE,
)
_DETERMINERS = {"en", "et", "ei", "den", "de", "sin", "sitt", "sine", "dagens", "forrige", "felles"}
#: Nouns that name one document when definite without a determiner («veilederen for NAV-ansatte», «evalueringen av
#: Statens barnehus»); «undersøkelsen om …», «anbefalingen om …», «studien fra 2023» are only referred back to.
BARE_DEFINITE = {
    "veileder",
    "retningslinje",
    "rundskriv",
    "strategi",
    "handlingsplan",
    "evaluering",
    "omfangsundersøkelse",
}
#: Adjectives of a document's noun: words with an adjective's ending, and a few more.
_ADJECTIVE = re.compile(r"(?:e|ig|lig|isk|sk|t|ert|et|ede|nde|al|el|ær|bar)$|^(?:ny|egen|web)$")
_NOT_ADJECTIVE = {
    "samt",
    "satt",
    "mest",
    "best",
    "først",
    "sist",
    "fått",
    "gitt",
    "rett",
    "ikke",
    "alle",
    "flere",
    "noen",
}
#: Adjectives that are no part of the document's name.
_DROP = {
    "egen",
    "eget",
    "egne",
    "ny",
    "nye",
    "nytt",
    "oppdaterte",
    "pågående",
    "forrige",
    "andre",
    "første",
    "tidligere",
    "større",
}
_PLANNED = {"planlagte", "kommende", "fremtidige", "framtidige"}
_CONNECTOR = re.compile(r"\s+(?P<conn>som omhandler|etter|om|for|av|til|med forslag til)\s+(?!å\b)")
_ISSUER = re.compile(r"\s+fra\s+(?P<by>[A-ZÆØÅ][^,.;]*?)\s+om\s+")
_NOUN_WORDS = "|".join(sorted(NOUNS, key=len, reverse=True))
#: Where what a document is about ends.
_DESC_END = re.compile(
    r"[.;:!?|»«()]|,\s|\s+som\s+(?:også\s+)?(?:ble|er|var|har|skal|vil|ligger|gir|viser|retter|omfatter|står)\b"
    r"|\s+(?:på oppdrag|i samarbeid|basert på|med tanke på|i regi av|til erstatning for|for å|der|hvor)\b"
    r"|\s+(?:til|fra)\s+[A-ZÆØÅ]|\s+(?:fra|i)\s+(?:19|20)\d\d\b|\s+(?:gjort|utført|gjennomført|utarbeidet) av\b"
    r"|\s+og\s+(?:arbeidet|det|som|har|ble|er|gir|skal|kan|vil|ligger)\b|\s+og\s+(?:" + _NOUN_WORDS + r")\b"
    r"|(?<!som)\s+(?:kan|må|bør)\b|\s+(?:ble|er|var|har|skal|vil|forelå|viste|viser|inkluderer|gjelder|inneholder|presenterer|omfatter"
    r"|ferdigstilles|publiseres|lanseres|erstatter|beskriver|gir|slår)\b|$"
)
#: In a measure's title the object ends before what the measure does with it («Følge opp X med relevante tiltak»).
_TITLE_END = re.compile(r"\s+(?:med|slik at|gjennom|som et)\s")
_YEAR_AFTER = re.compile(r"^\s+(?:fra|i)\s+((?:19|20)\d\d)\b(?![/-]\d)")
_YEAR_BEFORE = re.compile(r"\bi\s+((?:19|20)\d\d)\s+$")
_BY_AFTER = re.compile(
    r"^\s+(?:gjort|utført|gjennomført|utarbeidet) av\s+(?P<by>[A-ZÆØÅ][\wæøåÆØÅ.-]*)(?:\s+i\s+(?P<year>(?:19|20)\d\d))?"
)
#: The sentence says the document was made (before it) or that it is built on (just before it).
_MADE = re.compile(
    r"\b(?:levert|gjennomført|gjort|utarbeidet|utviklet|publisert|lansert|ferdigstilt|revidert|oppdatert|laget|utført"
    r"|gjennomførte|leverte|publiserte|lanserte|utførte|gjorde)\b",
    re.IGNORECASE,
)
_BUILT_ON = re.compile(r"(?:[Pp]å bakgrunn av|[Bb]asert på|[Ii] forlengelse av)\s+$")
#: The document is in the making or only intended: the words just before it.
_MAKING = re.compile(
    r"(?:\bå\s+[\wæøå]+|\bjobb\w*\s+(?:\w+\s+){0,3}?med|\barbeid\w*\s+(?:\w+\s+)?med|\butarbeider|\bgjennomfører"
    r"|\bgjennomføres|\butarbeides|\butføres|\b(?:skal|vil)\b(?:\s+[\wæøå]+){0,2}|\btas sikte på|\bblir?\s+\w+"
    r"|\bikke\s+\w+)\s+$",
    re.IGNORECASE,
)
#: «… som skal gjennomføres», «… som vil bli utarbeidet»: a passive of making right after it (not «som vil være»).
_FUTURE_AFTER = re.compile(r"^\s*,?\s*som\s+(?:skal|vil)\s+(?:bli\s+)?[\wæøå]+(?:es|et)\b")
#: «Felles retningslinjer for … forelå i 2016»: it existed, said after it.
_EXISTED_AFTER = re.compile(r"^\s+(?:forelå|foreligger)\b")
#: «Nasjonale faglige retningslinjer», «nasjonal faglig retningslinje», «Nasjonale faglige råd»: the name of a
#: genre of the health and child welfare directorates, a published document whatever precedes it.
_GENRE = re.compile(r"\b[Nn]asjonale?\s+faglige?\s+$")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words_before(text: str, start: int, n: int) -> list[tuple[int, str]]:
    """The ``n`` words before ``start`` in the same clause, nearest last, with their offsets."""
    head = text[:start]
    clause = max(head.rfind(c) for c in ";:!?»«,") + 1
    return [(clause + m.start(), m.group()) for m in re.finditer(r"[\wæøåÆØÅ'’-]+", head[clause:])][-n:]


def _described(text: str, in_title: bool = False) -> list[Described]:
    out: list[Described] = []
    for m in _NOUN.finditer(text):
        noun, end = m.group("noun").lower(), (m.group("end") or "").lower()
        if noun == "råd" and not re.search(r"\bfaglige\s+$", text[: m.start()]):
            continue
        if noun == "plattform" and not re.search(r"\bfaglige?\s+$", text[: m.start()]):
            continue
        if noun == "veileder" and end in ("e",):  # «veiledere» are people as often as documents
            continue
        definite = end in ("en", "et", "ene", "ne", "a") or (noun.endswith("e") and end == "n")
        before = _words_before(text, m.start(), 5)
        adjectives: list[str] = []
        lead: tuple[int, str] | None = None
        for offset, word in reversed(before):
            low = word.lower()
            if low in _DETERMINERS:
                lead = (offset, low)
                break
            if word[:1].isupper() and (word.endswith(("s", "'", "’")) and len(word) > 2):
                lead = (offset, "genitive")
                break
            if low in _NOT_ADJECTIVE or not word[:1].islower() or len(adjectives) == 3 or not _ADJECTIVE.search(low):
                break
            adjectives.insert(0, word)
        genre = _GENRE.search(text[: m.start()])
        if genre and not lead:
            lead, adjectives = (genre.start(), "genre"), genre.group().split()
        start = lead[0] if lead else (m.start() - sum(len(a) + 1 for a in adjectives))
        if lead and lead[1] == "sin" and re.search(r"[A-ZÆØÅ][\wæøå.]*\s+$", text[: lead[0]]):
            lead = (lead[0], "genitive")  # «Nok. Norge sin faglige plattform»
        worked = re.search(r"\b[Aa]rbeidet med\s+$", text[:start])
        if any(a.lower() in _PLANNED for a in adjectives):
            continue
        rest = text[m.end() :]
        year = _YEAR_AFTER.match(rest)
        issuer = _ISSUER.match(rest)
        conn = _CONNECTOR.match(rest) if not year else None
        by: int | None = None
        if issuer:
            by = m.end() + issuer.start("by")
            conn_end = m.end() + issuer.end()
            conn_word = "om"
        elif conn:
            conn_end = m.end() + conn.end()
            conn_word = conn.group("conn")
        else:
            conn_end = None
            conn_word = ""
        desc = ""
        stop = m.end()
        if conn_end is not None:
            tail = _DESC_END.search(text, conn_end)
            desc = text[conn_end : tail.start() if tail else len(text)].strip()
            if in_title and (cut := _TITLE_END.search(desc)):
                desc = desc[: cut.start()]
            if len(desc) < 3:
                continue
            stop = conn_end + len(desc)
            year = year or _YEAR_AFTER.match(text[stop:])
        made_by = _BY_AFTER.match(text[stop:])
        if made_by:
            by = stop + made_by.start("by")
            stop += made_by.end()
        if not desc and not year and not made_by:
            continue
        if not (lead or worked or issuer or made_by or (definite and noun in BARE_DEFINITE)):
            continue
        head = text[:start]
        sentence_head = head[max(head.rfind(c) for c in ".;!?") + 1 :]
        making = bool(_MAKING.search(head)) or bool(_FUTURE_AFTER.match(text[stop:]))
        exists = bool(
            _MADE.search(sentence_head)
            or _BUILT_ON.search(head)
            or year
            or made_by
            or issuer
            or _EXISTED_AFTER.match(text[stop:])
            or (
                lead
                and lead[1] in ("genitive", "sin", "sitt", "sine", "dagens", "forrige", "den", "de", "felles", "genre")
            )
            or definite
        )
        if making and not _done_later(text, stop, noun):
            continue
        if not making and not exists:
            continue
        shown = [a for a in adjectives if a.lower() not in _DROP] if not definite else []
        word = noun if not end or definite else m.group().lower()
        if noun in ("anbefaling", "retningslinje", "råd") and end in ("er", "r", "ene", "ne"):
            word = noun + ("er" if noun == "anbefaling" else "r" if noun == "retningslinje" else "")
        year_value = (
            int(year.group(1)) if year else (int(made_by.group("year")) if made_by and made_by.group("year") else None)
        )
        title = _capital(" ".join([*shown, word, conn_word, desc]).strip())
        if not desc and year_value:
            title += f" ({year_value})"  # «En evaluering fra 2019»: the year tells it from another
        kind = NOUNS[noun]
        if noun == "forslag" and not lead:
            continue
        out.append(
            Described(
                "described",
                kind,
                start,
                stop,
                text[start:stop],
                title,
                year_value,
                by,
                bool(lead and lead[1] == "genitive"),
            )
        )
    return out


def _done_later(text: str, after: int, noun: str) -> bool:
    """A later sentence of the paragraph opens with the noun, definite, and reports it done («Strategien ble
    ferdigstilt i 2022», «Veilederen ble lansert …»)."""
    pattern = re.compile(rf"(?:^|[.!?]\s+)(?:(?:Den|Det|De)\s+(?:\w+\s+)?)?{noun}\w*\b[^.!?]*[.!?]?", re.IGNORECASE)
    for m in pattern.finditer(text, after):
        said = m.group().lstrip(". ")
        if any(r.value == "completed" for r in matches(Sentence(said, 0, len(said), Span(1, 1)))):
            return True
    return False


_COMPOUND = re.compile(
    r"(?<![\wæøåÆØÅ-])(?P<word>(?P<first>[\wæøåÆØÅ]{4,}?)(?P<end>" + "|".join(COMPOUND_ENDS) + r"))(?![\wæøåÆØÅ-])"
    r"(?P<more>\s+for\s+[a-zæøå][^.,;]*?(?=[.,;]|\s+er\b|\s+og\b|$))?"
)


def _compounds(text: str) -> list[Described]:
    out = []
    for m in _COMPOUND.finditer(text):
        first, end = m.group("first").lower(), m.group("end")
        if first.startswith(GENERIC_FIRST) or first in NOUNS:
            continue
        if end == "veileder" and not re.search(r"\bdagens\s+$", text[: m.start()]):
            continue  # an indefinite compound guideline is a document only as «dagens …»
        word = m.group("word")
        title = word[0].upper() + word[1:].lower()
        if end == "veileder":
            title += "en"  # «dagens forstanderveileder»: the current one, definite
        title += m.group("more") or ""
        out.append(Described("compound", COMPOUND_ENDS[end], m.start(), m.end(), m.group(), title.strip()))
    return out


_BILL = re.compile(
    r"\b(?:(?:en\s+)?(?P<prop>[Pp]roposisjon)\s+med\s+)?(?P<what>[Ff]orslag til (?:lov om|endringer i) .{3,160}?)"
    r"(?=\s+som\s|\s+(?:ble|er|var) fremmet for Stortinget|[.;]\s(?![(a-zæøå])|$)"
)


def _bills(text: str) -> list[Described]:
    out = []
    for m in _BILL.finditer(text):
        tail = text[m.end() : m.end() + 40]
        if not (m.group("prop") or re.match(r"\s+(?:ble|er|var) fremmet for Stortinget", tail)):
            continue  # a proposal on consultation is not a bill before the Storting
        title = (
            ("Proposisjon med " + m.group("what")[0].lower() + m.group("what")[1:])
            if m.group("prop")
            else m.group("what")
        )
        out.append(Described("bill", "proposition-l", m.start(), m.end(), m.group(), _capital(title.strip())))
    return out


_ITEM = re.compile(r"^-\s+(?P<title>[A-ZÆØÅ][^\n]*?)\s*\(publisert\s+(?:\w+\s+)?(?P<year>(?:19|20)\d\d)\)\s*$", re.M)


def _items(text: str) -> list[Described]:
    return [
        Described(
            "published-item",
            "report",
            m.start("title"),
            m.end(),
            m.group(),
            m.group("title").strip(),
            int(m.group("year")),
        )
        for m in _ITEM.finditer(text)
    ]


_PLAN = re.compile(r"\b(?P<word>[Oo]pptr?appingsplan(?:en)?)\s+(?P<rest>(?:for|mot)\s+[^.,;()]+?)(?=\s+som\b|[.,;(]|$)")


def other_plans(text: str, successor_name: str) -> list[Described]:
    """Escalation plans named with what they are for, other than the successor (whose full name, «Opptrappingsplan
    mot vold og overgrep mot barn og vold i nære relasjoner», is ``successor_name``)."""
    successor_rest = successor_name.split(" ", 1)[1].lower() if " " in successor_name else ""
    out = []
    for m in _PLAN.finditer(text):
        rest = m.group("rest")
        successor = successor_rest and rest.lower().startswith(successor_rest)
        if successor or "Trygghet for alle" in text[m.end() : m.end() + 120]:
            continue
        out.append(Described("other-plan", "plan", m.start(), m.end(), m.group(), f"Opptrappingsplan {rest}"))
    return out


def described_in(text: str, successor_name: str = "", in_title: bool = False) -> list[Described]:
    """Every document one paragraph names by description, in text order, overlaps resolved as in
    :func:`loaders.document_rules.named_in` (the earlier and longer wins); ``in_title``: the paragraph is a
    measure's title.

    >>> [(d.kind, d.title) for d in described_in("NOVA har gjennomført en studie av familievernets voldsarbeid.")]
    [('report', 'Studie av familievernets voldsarbeid')]
    >>> [(d.kind, d.title, d.year) for d in described_in("En kartlegging fra 2018 viste at 40 prosent …")]
    [('report', 'Kartlegging (2018)', 2018)]
    """
    found = [
        *_bills(text),
        *_items(text),
        *other_plans(text, successor_name),
        *_compounds(text),
        *_described(text, in_title),
    ]
    return without_overlaps(sorted(found, key=lambda d: (d.start, -(d.end - d.start))))
