"""Classify a measure's status text by explicit, ordered rules, keeping the sentence that decided.

The values form the SKOS scheme ``ontology/schemes/status.ttl``:

``completed``           the deliverable is reported done and nothing essential is pending;
``in_progress``         started, not finished, including deliveries due later;
``regular_operations``  the work is now part of ordinary operations;
``transferred``         the status says only that the measure is carried on in the successor plan;
``not_started``         not begun;
``discontinued``        dropped or decided against.

How a status is decided (see :func:`classify`):

1. Every sentence is tested against every rule in :data:`RULES`.
2. *Explicit*: a sentence whose subject is the measure itself («Tiltaket …», «Dette punktet …», «Arbeidet …»,
   or the deliverable the title names: «Strategien …» for «Utarbeide … strategi») decides, strongest value first.
3. *Strongest*: otherwise the strongest value matched anywhere decides, in the order
   discontinued > not_started > in_progress > regular_operations > completed.
4. *Only carried on*: otherwise, when the status says the measure is carried on in the successor plan,
   the value is ``transferred``.
5. Otherwise no rule fired: the value is None and the first sentence is kept as evidence, so the build
   reports the measure as undecided instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tiltaksgraf.loaders.text import Sentence

#: Strongest first: a status that mentions both a completed part and a pending part is in progress.
PRECEDENCE = ("discontinued", "not_started", "in_progress", "regular_operations", "completed")


@dataclass(frozen=True)
class Rule:
    """One status rule: an id, the value it gives, the pattern, and what it means in plain words."""

    id: str
    value: str
    pattern: re.Pattern[str]
    meaning: str


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


RULES: tuple[Rule, ...] = (
    Rule("dropped", "discontinued", _rx(r"\butgår\b"), "the point is dropped («utgår»)"),
    Rule(
        "decided-against",
        "discontinued",
        _rx(r"besluttet (?:å )?ikke|besluttet at (?:det )?(?:\w+ )?ikke|ikke (?:å )?arbeide videre"),
        "decided against («besluttet å ikke», «besluttet at det ikke vil»)",
    ),
    Rule(
        "not-started",
        "not_started",
        _rx(r"\bikke (?:blitt )?(?:igangsatt|påbegynt|startet opp|startet)\b"),
        "not begun («ikke igangsatt», «ikke påbegynt»)",
    ),
    Rule(
        "ongoing",
        "in_progress",
        _rx(
            r"\bpågå(?:r|ende)\b|\ber i gang\b|\bi gang med\b"
            r"|\bunder (?:utarbeidelse|etablering|utvikling|revidering)\b"
        ),
        "ongoing («pågående», «er i gang», «under utarbeidelse»)",
    ),
    Rule(
        "due-later",
        "in_progress",
        _rx(
            r"\bferdigstilles\b|\bplanlegges\b|\bventet ferdigstilt\b|\better planen\b|\bpubliseres\b"
            r"|\bskal (?:\w+ )?(?:foreligge|ferdigstilles|revideres)\b"
        ),
        "a delivery is due later («ferdigstilles i 2025», «planlegges», «skal etter planen foreligge»)",
    ),
    Rule(
        "working-on",
        "in_progress",
        _rx(
            r"\b(?:jobber|arbeider) (?:nå|også) med\b|\ber i ferd med\b|\bstartet (?:\w+ )?opp\b|\bstartet arbeidet\b"
            r"|\bhar startet\b|\bvurderer nå\b|\bvil (?:\w+ )?vurdere\b|\ber igangsatt\b|\bi kommende periode\b"
            r"|\bblir (?:utarbeidet|gjennomført|utviklet)\b|\btas sikte på\b|\bhar (?:\w+ )?fått i oppdrag\b"
        ),
        "work is under way («jobber nå med», «er i ferd med», «startet opp», «vurderer nå», «har fått i oppdrag»)",
    ),
    Rule(
        "consultation",
        "in_progress",
        _rx(r"\b(?:sendt|sendte) (?:\w+ ){0,4}på (?:offentlig )?høring\b|\bpå høring\b"),
        "a proposal has been sent on public consultation and awaits its next step",
    ),
    Rule(
        "followed-up-by",
        "in_progress",
        _rx(r"\bfølges (?:nå )?opp av\b"),
        "the measure is being followed up by a named body («Tiltaket følges opp av Helsedirektoratet»)",
    ),
    Rule(
        "regular-operations",
        "regular_operations",
        _rx(r"\bordinær drift\b|\bfra prosjekt til drift\b|\bvidereført i drift\b|\binngår i (?:\w+ )?drift\b"),
        "now part of ordinary operations («følges opp i ordinær drift», «gått fra prosjekt til drift»)",
    ),
    Rule(
        "standing-task",
        "regular_operations",
        _rx(
            r"\bivaretas (?:av|gjennom)\b|\bsikres gjennom\b|\bkontinuerlig\b|\bvil fortsette\b"
            r"|\bfinansieres (?:med|gjennom|over)\b|\bgrunntilskudd\b"
            r"|\b[Ii] (?:\w+ ){0,2}(?:tilskuddsbrev|tildelingsbrev)\w*\b"
        ),
        "a standing task of a body («ivaretas av FHI», «vil fortsette», funded by a base grant, or asked of it "
        "in its annual grant or allocation letter («tilskuddsbrev», «tildelingsbrev»))",
    ),
    Rule(
        "done-passive",
        "completed",
        _rx(
            r"\b(?:er|ble|har blitt|har vært|var) (?:\w+ ){0,3}?(?:gjennomført|ferdigstilt|lansert|etablert|publisert"
            r"|oversatt|opprettet|innført|vedtatt|revidert|utviklet|integrert|åpnet|levert|nedsatt|utarbeidet"
            r"|iverksatt|oversendt|fremmet|laget)\b"
        ),
        "reported done, passive («er gjennomført», «ble lansert», «er oversatt»)",
    ),
    Rule(
        "done-active",
        "completed",
        _rx(
            r"\bhar (?:\w+ )?(?:gjennomført|ferdigstilt|lansert|etablert|publisert|opprettet|revidert|utarbeidet"
            r"|levert|oversendt|utviklet)\b|\b(?:nedsatte|vedtok|forelå|publiserte|lanserte|åpnet)\b"
            r"|\btrådte i kraft\b|\bla (?:fram|frem)\b"
        ),
        "reported done, active («har gjennomført», «nedsatte», «vedtok», «la fram»)",
    ),
)

#: «Tiltaket er videreført i opptrappingsplanen»: the measure is carried on in the successor plan.
CARRIED_ON = _rx(r"\bvideref(?:ø|o)rt\b.*\bopp\w*plan|\bvidereutviklet som et regjeringen vil")
#: The measure (or its parts) as the subject of a sentence.
_LETTERS = re.compile(r"^(?:-\s*)?(?:[a-d]\)\s*(?:og\s*)?)+")
_EXPLICIT_SUBJECT = re.compile(
    r"^(?:Tiltaket|Dette tiltaket|Dette punktet|Disse tiltakene|Tiltakene|Arbeidet"
    r"|Dette arbeidet|Oppdraget)\b"
)


@dataclass(frozen=True)
class Decision:
    """The outcome: a value (None when no rule fired), the rule id and the deciding sentence."""

    value: str | None
    rule: str | None
    sentence: Sentence | None


def matches(sentence: Sentence) -> list[Rule]:
    """The rules that fire on one sentence.

    In a sentence that says the measure is carried on in the successor plan, only the rules for
    «not started» and «dropped» fire: what else it says is about the new plan
    («… videreført i opptrappingsplanen, og følges opp av JD»).
    """
    carried = bool(CARRIED_ON.search(sentence.text))
    return [
        r
        for r in RULES
        if r.pattern.search(sentence.text) and not (carried and r.value not in ("not_started", "discontinued"))
    ]


def deliverable_nouns(title: str) -> list[str]:
    """Nouns of a measure's title that may stand as the subject of its status («strategi», «veilederen»).

    The first word is the imperative verb and is skipped; words of five letters or more are kept.

    >>> deliverable_nouns("Utarbeide overordnet strategi for helhetlig arbeid")
    ['overordnet', 'strategi', 'helhetlig', 'arbeid']
    """
    words = re.findall(r"[\wæøåÆØÅ-]+", title)[1:]
    return [w.lower() for w in words if len(w) >= 5]


def _is_explicit(sentence: Sentence, nouns: Sequence[str]) -> bool:
    text = _LETTERS.sub("", sentence.text)
    if _EXPLICIT_SUBJECT.match(text):
        return True
    first = re.match(r"[\wæøåÆØÅ-]+", text)
    if not first:
        return False
    word = first.group().lower()
    return any(len(word) >= 5 and (word.startswith(n) or n.startswith(word)) for n in nouns)


def classify(sentences: Sequence[Sentence], title: str = "") -> Decision:
    """Decide a status from its sentences by the steps in the module docstring."""
    nouns = deliverable_nouns(title)
    fired = [(s, r) for s in sentences for r in matches(s)]

    def strongest(candidates: list[tuple[Sentence, Rule]]) -> Decision | None:
        for value in PRECEDENCE:
            for s, r in candidates:
                if r.value == value:
                    return Decision(value, r.id, s)
        return None

    explicit = strongest([(s, r) for s, r in fired if _is_explicit(s, nouns)])
    if explicit:
        return Decision(explicit.value, f"explicit/{explicit.rule}", explicit.sentence)
    anywhere = strongest(fired)
    if anywhere:
        return anywhere
    carried = next((s for s in sentences if CARRIED_ON.search(s.text)), None)
    if carried:
        return Decision("transferred", "only-carried-on", carried)
    return Decision(None, None, sentences[0] if sentences else None)


def aggregate(values: Sequence[str | None]) -> str | None:
    """A measure's status from its sub-measures' statuses.

    Dropped parts are set aside; if all that is left agree, that is the status; if nothing is left,
    the measure is discontinued; a mixture of finished and unfinished parts is in progress.

    >>> aggregate(["completed", "not_started", "not_started"])
    'in_progress'
    >>> aggregate(["transferred", "transferred"])
    'transferred'
    """
    known = [v for v in values if v]
    if not known:
        return None
    kept = [v for v in known if v != "discontinued"]
    if not kept:
        return "discontinued"
    if len(set(kept)) == 1:
        return kept[0]
    if set(kept) <= {"completed", "regular_operations"}:
        return "completed"
    return "in_progress"
