"""Classify a measure's status text by explicit, ordered rules, keeping the sentence that decided.

The values form the SKOS scheme ``ontology/schemes/status.ttl``:

``completed``           the deliverable is reported done and nothing essential is pending;
``in_progress``         started, not finished, including deliveries due later;
``regular_operations``  the work is now part of ordinary operations;
``transferred``         the status says only that the measure is carried on in the successor plan;
``not_started``         not begun;
``discontinued``        dropped or decided against.

How a status is decided (see :func:`classify`):

1. Every sentence is tested against every rule in :data:`RULES`. Each rule that fires on a sentence is a
   *reading*: a value, the rule and the sentence. Every reading is kept, not only the one that wins.
2. *Explicit*: a reading from a sentence about the measure itself decides, strongest value first. A sentence
   is about the measure when its subject is the measure («Tiltaket …», «Dette punktet …», «Arbeidet …», or
   the deliverable the title names: «Strategien …» for «Utarbeide … strategi»), or when it reports the title's
   own action done on the title's object («… funksjoner ble opprettet …» for «Opprette funksjon …»).
3. *Strongest*: otherwise the strongest value read anywhere decides, in the order
   discontinued > not_started > in_progress > regular_operations > completed. An evaluation of what the measure
   made that is still under way («Et oppdrag om følgeevaluering av NASAK er i gang») is the evaluators' work,
   not the measure's: it is set aside when something else was read and the title asks for no evaluation.
4. *Only carried on*: otherwise, when the status says nothing but that the measure is carried on in the
   successor plan (every sentence mentions that plan), the value is ``transferred``.
5. Otherwise no rule fired: the value is None and the first sentence is kept as evidence, so the build
   reports the measure as undecided instead of guessing.

A status is **contested** when its readings give answers to the same question that disagree (see
:func:`competing`): done or carried on in ordinary operations (``completed`` against ``regular_operations``),
begun or not (``in_progress`` against ``not_started``), dropped or not (``discontinued`` against anything). A
finished part beside an unfinished one is no contest: that is what ``in_progress`` means. A contested status
keeps its value, and ``quality`` and ``validate`` list it for a person to read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tiltaksgraf.loaders.continuation_rules import QUOTED_COMMITMENT, mentions_successor
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
            r"|\bhar siden (?:oppstart|starten|\d{4}) (?:\w+ )?vært finansiert\b"
        ),
        "ongoing («pågående», «er i gang», «under utarbeidelse», still funded: «har siden oppstart vært finansiert»)",
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
        "decided-to-proceed",
        "in_progress",
        _rx(r"\b(?:vedtok|besluttet)\b[^.]*?(?<!ikke )(?<!ikke å )\b(?:arbeide|jobbe|gå) videre\b"),
        "a decision to go on with the work is a start, not an end («vedtok … at de ønsket å arbeide videre med …»)",
    ),
    Rule(
        "hiring",
        "in_progress",
        _rx(r"\b(?:ansetter|rekrutterer)\b"),
        "a post is being filled, in the present tense («ansetter en person som skal …», «rekrutterer»)",
    ),
    Rule(
        "new-funding",
        "in_progress",
        _rx(
            r"\b(?:mottok|fikk|tildelt)\b[^.]*?\b(?:ekstra |ny |nye |økt |økte )?(?:bevilgning|midler)\b"
            r"[^.]*?\b(?:for å|til) (?:styrke|videreutvikl|videreføre|utvid)"
        ),
        "money received for further work on the measure («mottok en ekstra bevilgning for å styrke tiltaket»)",
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
            r"|\bover flere år\b[^.]*\bi oppdrag\b|\bfaste møter\b|\bårlige samlinger\b|\bskal årlig\b"
        ),
        "a standing task of a body («ivaretas av FHI», «vil fortsette», funded by a base grant, "
        "asked of it in its annual grant or allocation letter («tilskuddsbrev», «tildelingsbrev») or year after "
        "year («over flere år … i oppdrag», «faste møter», «skal årlig»))",
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
            r"|levert|oversendt|utviklet)\b|\b(?:nedsatte|forelå|publiserte|lanserte|åpnet)\b"
            r"|\bvedtok\b(?![^.]*\b(?:arbeide|jobbe|gå) videre\b)"
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
class Reading:
    """One rule that fired on one sentence: the value it reads, and whether the sentence is about the measure."""

    value: str
    rule: str
    sentence: Sentence
    explicit: bool = False


@dataclass(frozen=True)
class Decision:
    """The outcome: a value (None when no rule fired), the rule id, the deciding sentence, and why.

    ``readings`` are all the readings of the status, in the order of the text; ``chosen`` is the one that
    decided (None for «only carried on» and for no rule fired); ``contested``: the readings compete
    (:func:`competing`).
    """

    value: str | None
    rule: str | None
    sentence: Sentence | None
    readings: tuple[Reading, ...] = ()
    chosen: Reading | None = None
    reason: str = ""
    contested: bool = False


#: The question each value answers: finished (done or in operation), unfinished (begun or not), dropped.
_QUESTION = {
    "completed": "finished",
    "regular_operations": "finished",
    "in_progress": "unfinished",
    "not_started": "unfinished",
    "discontinued": "dropped",
}


def competing(values: Sequence[str]) -> bool:
    """True when readings of these values disagree about the same question (the module docstring).

    >>> competing(["completed", "in_progress"])   # a finished and an unfinished part: in progress
    False
    >>> competing(["completed", "regular_operations"])
    True
    >>> competing(["discontinued", "in_progress"])
    True
    """
    kinds = set(values)
    if "discontinued" in kinds and len(kinds) > 1:
        return True
    return any(len({v for v in kinds if _QUESTION[v] == q}) > 1 for q in ("finished", "unfinished"))


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


#: Words that end the object of a title's verb («Opprette funksjon | for dyrevelferds kriminalitet»).
_OBJECT_ENDS = {"for", "om", "i", "mellom", "til", "på", "av", "med", "og", "mot", "slik", "som", "gjennom", "ved"}


def title_action(title: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The past participles of the title's verb and the words of its object: what the status says when the
    title's own action is done.

    >>> title_action("Opprette funksjon for dyrevelferds kriminalitet")
    (('opprettet',), ('funksjon',))
    >>> title_action("Lansere e-læringsprogram om samer")
    (('lansert',), ('e-læringsprogram',))
    """
    words = re.findall(r"[\wæøåÆØÅ-]+", title)
    if not words or not words[0].lower().endswith("e") or len(words[0]) < 5:
        return (), ()
    stem = words[0].lower()[:-1]
    # «opprette» → «opprettet» (weak verbs in -et), «lansere» → «lansert» (verbs in -ere take -ert)
    participles = (f"{stem}t",) if stem.endswith("er") else (f"{stem}et",)
    obj: list[str] = []
    for word in words[1:]:
        if word.lower() in _OBJECT_ENDS:
            break
        if len(word) >= 4:
            obj.append(word.lower())
    return participles, tuple(obj)


def _is_explicit(sentence: Sentence, nouns: Sequence[str], action: tuple[Sequence[str], Sequence[str]]) -> bool:
    text = _LETTERS.sub("", sentence.text)
    if _EXPLICIT_SUBJECT.match(text):
        return True
    words = [w.lower() for w in re.findall(r"[\wæøåÆØÅ-]+", text)]
    if not words:
        return False

    def like(word: str, stems: Sequence[str]) -> bool:
        return len(word) >= 4 and any(word.startswith(n) or n.startswith(word) for n in stems)

    if len(words[0]) >= 5 and like(words[0], nouns):
        return True
    # the title's own action reported done on the title's object: «… funksjoner ble opprettet …»
    participles, obj = action
    return bool(obj) and any(w in participles for w in words) and any(like(w, obj) for w in words)


def readings(sentences: Sequence[Sentence], title: str = "") -> list[Reading]:
    """Every rule that fires on every sentence, in the order of the text."""
    nouns = deliverable_nouns(title)
    action = title_action(title)
    return [Reading(r.value, r.id, s, _is_explicit(s, nouns, action)) for s in sentences for r in matches(s)]


#: A sentence whose subject is an evaluation or study of what the measure made («Et oppdrag om følgeevaluering av
#: NASAK er i gang», «Evalueringen av senteret pågår»): its work is the evaluators', not the measure's.
_EVALUATION_SUBJECT = re.compile(
    r"^(?:(?:Et|En|Det)\s+(?:\w+\s+){0,2}?(?:oppdrag|arbeid)\s+om\s+|(?:En|Et|Den|Det)\s+)?(?:\w+\s+)?"
    r"(?:følge)?evaluering\w*\b",
    re.IGNORECASE,
)


def _the_measures_own(found: Sequence[Reading], title: str) -> list[Reading]:
    """The readings less an unfinished evaluation of what the measure made, when the measure did not ask for one
    and something else was read."""
    if re.search(r"evaluer", title, re.IGNORECASE):
        return list(found)
    own = [r for r in found if not (r.value == "in_progress" and _EVALUATION_SUBJECT.match(r.sentence.text))]
    return own or list(found)


def _strongest(candidates: Sequence[Reading]) -> Reading | None:
    for value in PRECEDENCE:
        for reading in candidates:
            if reading.value == value:
                return reading
    return None


#: A sentence that only points at another measure («Se også tiltak 16.», «Jf. tiltak 19.»).
_ONLY_A_REFERENCE = re.compile(r"^(?:Se (?:også )?|Jf\. )tiltak \d+[a-d]?\.?$", re.IGNORECASE)


def _about_the_successor(text: str) -> bool:
    """The sentence says something about the successor plan only: names it, quotes one of its «Regjeringen
    vil …» points, or points at another measure."""
    return mentions_successor(text) or bool(QUOTED_COMMITMENT.match(text) or _ONLY_A_REFERENCE.match(text))


def classify(sentences: Sequence[Sentence], title: str = "") -> Decision:
    """Decide a status from its sentences by the steps in the module docstring."""
    found = tuple(readings(sentences, title))
    explicit = [r for r in found if r.explicit]
    tier, step = (explicit, "explicit") if explicit else (_the_measures_own(found, title), "strongest")
    chosen = _strongest(tier)
    if chosen is not None:
        rule = f"explicit/{chosen.rule}" if step == "explicit" else chosen.rule
        if step == "explicit":
            reason = "a sentence about the measure itself decides, strongest value first"
        else:
            reason = "no sentence about the measure itself: the strongest value read anywhere decides"
        others = sorted({r.value for r in found} - {chosen.value}, key=PRECEDENCE.index)
        if others:
            reason += f" (also read: {', '.join(others)})"
        return Decision(chosen.value, rule, chosen.sentence, found, chosen, reason, competing([r.value for r in found]))
    carried = [s for s in sentences if CARRIED_ON.search(s.text)]
    if carried and all(_about_the_successor(s.text) for s in sentences):
        return Decision(
            "transferred",
            "only-carried-on",
            carried[0],
            found,
            reason="the status says nothing but that the measure is carried on in the successor plan",
        )
    reason = "no status rule fired" + (
        "; the status says more than that the measure is carried on in the successor plan" if carried else ""
    )
    return Decision(None, None, sentences[0] if sentences else None, found, reason=reason)


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


def aggregate_reason(values: Sequence[str | None]) -> str:
    """Why :func:`aggregate` gives what it gives, in plain words.

    >>> aggregate_reason(["completed", "not_started"])
    'the parts: finished and unfinished parts make the measure in progress'
    """
    known = [v for v in values if v]
    kept = [v for v in known if v != "discontinued"]
    if not known:
        return "the parts: no part has a status a rule decided"
    if not kept:
        return "the parts: every part is dropped"
    if len(set(kept)) == 1:
        dropped = " (dropped parts set aside)" if len(kept) < len(known) else ""
        return f"the parts: every part is {kept[0]}{dropped}"
    if set(kept) <= {"completed", "regular_operations"}:
        return "the parts: every part is finished (completed or in regular operations)"
    return "the parts: finished and unfinished parts make the measure in progress"
