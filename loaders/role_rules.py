"""Read the role of each organisation named in one sentence, by explicit rules on the words around it.

Names joined by «,», «og», «samt», «eller», «/» or parentheses form a **group** («KORUS og RVTS»,
«Barne-, ungdoms- og familiedirektoratet (Bufdir)»); a rule gives its role to the whole group. The text
before a group is its **lead** (earlier groups written «X»), the text after it, up to the next group no
preposition governs, its **tail**. The rules, in order (the first lead rule that fits decides):

- **lead**, what governs the group:
  «på oppdrag fra X», «mandat fra X», «på vegne av X» → commissioning;
  «finansiert av X», «midler/tilskudd/grunntilskudd/tilskuddsbrev fra X» («Med midler fra JD»),
  «overført fra X (til Y)», «kanaliseres … gjennom X», «tilskuddsordning … som forvaltes av X» → funding;
  «ledes av X», «ledet av X», «koordineres/koordinert av X» → coordinating;
  «i samarbeid (med/mellom) X», «samarbeider med X», «sammen med X», «avtale med X» → collaborating;
  «utarbeidet i samarbeid mellom X og Y» → executing and collaborating;
  «gjennomført/gjort/tilbys/utviklet/følges opp/betjenes (evalueringen) av X», «i regi av X»,
  «(ble) gitt/tildelt (videre) (til) X», «bedt X», «tilskuddsbrev (fra X) til Y», «ansvar … ligger til X»,
  «som forvaltes av X» (no grant) → executing;
- **genitive**: «HODs budsjett», «JDs midler», «Helsedirektoratets tilskuddsbrev» → funding; «NOVAs
  evaluering» → evaluating; «NKVTS' omfangsundersøkelse», «NKVTS' rapport «…»», «Riksadvokatens
  rundskriv» → executing. A genitive is never the subject («kommunenes kompetanse»);
- **subject**, a group no preposition governs:
  «X fikk/får …», «X er gitt i oppdrag», «har fått i oppdrag», «fikk et mandat», «har (et særskilt)
  ansvar», «ble bedt om», «er ansvarlig» → executing; «X har (…) gitt Y i oppdrag», «X har bedt Y om»
  → X commissioning; «X koordinerer / leder (not «leder til») / skal lede / har en koordinerende rolle»
  → coordinating; «X samarbeider med», «har sammen», «jobbe sammen», «et samarbeid med» → collaborating;
  «X finansierte / bevilger / forvalter … tilskudd» → funding; «X skal i sin evaluering» → evaluating;
  a verb of doing the work (:data:`EXEC_WORD`, or «gitt tilbud») in the first words of the tail, before
  «og», «at», «der», «som ble» … end the clause, and not an infinitive after another verb («støtter anbefalingen om
  å etablere»), or a finite verb just before the group («I 2024 utarbeidet X», «Med midler fra JD
  gjennomfører X») → executing. A name after an auxiliary and a verb («har evaluert X»), after an
  infinitive («Revidere X», «å evaluere X») or in a passive («ble X etablert», «X ble åpnet») is an object.

An executing group becomes **evaluating** when the evaluation is what it does: «evaluer…» or
«følgeevaluering» in the first words of its tail («NOVA har evaluert», «Menon Economics gjennomfører
evalueringen»), or, for a lead rule, anywhere before it («Evalueringen ble gjort av Nordlandsforskning»,
«Oppdraget om å evaluere … ble gitt til NOVA»). A name no rule gives a role is only **mentioned**.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tiltaksgraf.loaders.actors import ORGANISATION, Mention

#: Words that may stand between a preposition and the names it governs: «tilbys av kompetansesentrene KORUS».
_FILL_WORDS = "de|den|det|alle|øvrige|andre|relevante|ulike|flere|landets|henholdsvis|kompetansesentrene|sentrene"
_FILL = rf"(?:\s+(?:{_FILL_WORDS}))*"
_MONEY = r"midler|midlene|tilskudd|grunntilskudd|tilskuddsbrev\w*|bevilgning\w*"
#: «i samarbeid med relevante aktører, herunder X»
_LIST_INTRO = r"(?:\s+aktører)?(?:,?\s+herunder)?"
#: «Ansvar for oppfølgingen … ligger i hovedsak til X»
_LIES_WITH = r"\bansvar\b(?:\s+\S+){0,6}?\s+ligger(?:\s+i\s+hovedsak)?\s+(?:til|hos)"
_DEFINITE = r"(?:evalueringen|arbeidet|oppdraget|studien|undersøkelsen|kartleggingen|utredningen|tiltaket)"
_PASSIVE = (
    r"(?:gjennomført|gjennomføres|gjort|gjøres|tilbys|tilbudt|utført|utføres|utarbeidet|utarbeides|utviklet|utvikles"
    r"|ivaretas|ivaretatt|betjenes|operert|drives|driftes|fulgt\s+opp|følges\s+opp|levert|lansert|publisert|opprettet)"
)
#: Lead rules: (role, rule, pattern matched at the end of the text before the group; X stands for a name).
LEAD_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (role, rule, re.compile(pattern + r"\s*$", re.IGNORECASE))
    for role, rule, pattern in (
        ("commissioning", "på-oppdrag-fra", rf"oppdrag\s+fra(?:\s+og\s+i\s+samarbeid\s+med)?{_FILL}"),
        ("commissioning", "mandat-fra", rf"(?:mandat|bestilling)\s+fra{_FILL}"),
        ("commissioning", "på-vegne-av", rf"på\s+vegne\s+av{_FILL}"),
        ("funding", "finansiert-av", rf"(?:finansiert|finansieres)\s+av{_FILL}"),
        ("funding", "midler-fra", rf"(?:{_MONEY})\s+fra{_FILL}"),
        ("funding", "overført-fra", r"overført\s+fra(?:\s+X\s+til)?"),
        ("funding", "kanaliseres-gjennom", r"kanaliseres(?:\s+\S+){0,4}\s+gjennom"),
        ("funding", "forvaltes-av", rf"tilskudd\w*\s+(?:\S+\s+){{0,6}}?som\s+forvaltes\s+av{_FILL}"),
        ("executing", "forvaltes-av", rf"forvaltes\s+av{_FILL}"),
        ("coordinating", "ledes-av", rf"(?:ledes|ledet|koordineres|koordinert)\s+av{_FILL}"),
        ("executing", "i-regi-av", r"i\s+regi\s+av"),
        ("collaborating", "i-samarbeid-med", rf"samarbeid\w*(?:\s+(?:med|mellom))?{_FILL}{_LIST_INTRO}"),
        ("collaborating", "avtale-med", rf"avtale\s+med{_FILL}"),
        ("collaborating", "sammen-med", rf"sammen\s+med{_FILL}"),
        ("executing", "tilskuddsbrev-til", rf"tilskuddsbrev\w*(?:\s+fra\s+X)?\s+til{_FILL}"),
        ("executing", "passive-agent", rf"{_PASSIVE}\s+(?:{_DEFINITE}\s+)?av{_FILL}"),
        ("executing", "assigned", r"(?:gitt|tildelt|bedt)(?:\s+videre)?(?:\s+til)?"),
        ("executing", "responsibility-lies-with", _LIES_WITH),
    )
)
#: «(er) utarbeidet i samarbeid mellom X og Y»: X and Y did the work together.
_JOINT_WORK = re.compile(rf"{_PASSIVE}\s+i\s+(?:tett\s+)?samarbeid\s+mellom{_FILL}\s*$", re.IGNORECASE)
#: Verbs of doing the work (one word, matched whole).
EXEC_WORD = re.compile(
    r"gjennomfør\w*|utarbeid\w*|utvikl(?:e|er|et|es|ede)|videreutvikl\w*|revider\w*|oppdater\w*|publiser\w*"
    r"|lanser\w*|opprett\w*|etabler\w*|tilby\w*|tilbudt|lever(?:te|t|er)|lag(?:et|er)|utvid(?:et|er)|ferdigstil\w*"
    r"|jobb(?:er|et|e)|arbeider|start(?:et|er)|bist(?:od|ått|år)|ivaret(?:ar|att)|mott(?:ok|att|ar)"
    r"|gjennomg(?:ått|år)|løst|utlyst|fremmet|femmet|sendte?|iverksatt|igangsatt|utfør(?:t|er)"
    r"|kartl(?:agt|egger)|utred(?:et|er|e)|innhentet|rekruttert|vedtok|holdt|evaluer(?:t|er|e)|deltatt|deltar"
    r"|vurderer|rapporterer|fastsatte|oversatt|benytt(?:et|er)|samlet|inkludert|invitert|skrevet|følger|fulgt"
    r"|innfører|innføre|arbeide",
    re.IGNORECASE,
)
AUX = frozenset({"har", "hadde", "er", "var", "ble", "blir", "skal", "vil", "kan", "må", "bør", "blitt", "vært", "å"})
PREPOSITIONS = frozenset(
    {"av", "fra", "til", "med", "ved", "for", "mellom", "hos", "i", "på", "om", "under", "overfor", "mot", "gjennom"}
    | {"blant", "etter", "innen", "via", "rundt", "uten", "enn", "samarbeid"}
)
_SEPARATOR = re.compile(r"(?:[\s,/()]|\bog\b|\bsamt\b|\beller\b)*")
_EVALUATION = re.compile(r"evaluer|følgeevaluering", re.IGNORECASE)
_GENITIVE_TAIL = (
    ("funding", "genitive-budget", re.compile(r"\s*(?:tilskuddsbrev|budsjett|midler|grunntilskudd|tilskudd)")),
    ("evaluating", "genitive-evaluation", re.compile(r"\s*(?:sin\s+|sitt\s+)?(?:\w+\s+)?(?:følge)?evaluering")),
    (
        "executing",
        "genitive-report",
        re.compile(r"\s*(?:sin\s+|sitt\s+)?(?:\w+\s+)?(?:rapport\s+«|studie|\w*undersøkelse|kartlegging|rundskriv)"),
    ),
)
_SUBJECT_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (role, rule, re.compile(pattern, re.IGNORECASE))
    for role, rule, pattern in (
        (
            "executing",
            "assigned",
            r"\b(?:er|ble|blitt|fått|fikk|får|få)\s+(?:\S+\s+){0,5}?(?:gitt\s+)?(?:i\s+)?(?:oppdrag|mandat|ansvar|oppgave)\b"
            r"|^\W*gitt\s+(?:\S+\s+){0,3}?(?:i\s+)?oppdrag\b|\b(?:har|hadde)\s+(?:\S+\s+){0,2}?ansvar\b"
            r"|\b(?:ble|er)\s+bedt\s+om\b|\ber\s+ansvarlig\b",
        ),
        ("evaluating", "own-evaluation", r"\bsin\s+(?:\w+\s+)?(?:følge)?evaluering"),
        ("coordinating", "leads", r"\b(?:koordinerer|koordinere|leder|lede|koordinerende)\b(?!\s+til\b)"),
        (
            "collaborating",
            "works-with",
            r"\bsamarbeid(?:er|et|e)\s+med\b|\bsammen\s+med\b|\bhar\s+sammen\b|\bjobbe\s+sammen\b"
            r"|\bi\s+(?:tett\s+)?samarbeid\s+med\b|\bsamarbeidsprosjekt\s+med\b|\bet\s+(?:\w+\s+){0,2}samarbeid\s+med\b",
        ),
        ("funding", "funds", r"\b(?:finansierte|finansierer|finansiert|bevilger|bevilget)\b|\bforvalter\b.*tilskudd"),
    )
)
_WINDOW = 12  # words of the tail a verb may stand in
#: A verb after one of these words belongs to another clause (a relative clause on the object: «et program
#: som ble gjennomført av …»): the window of a subject ends there.
_CLAUSE_END = re.compile(r"\b(?:og|men|at|der|samt|eller)\b|[;:]|\bsom\s+(?:ble|blir|er|var|skal|har)\b", re.IGNORECASE)
#: Finite verb endings (present «-er», past «-et», «-te», «-dde», strong pasts): an infinitive («Evaluere»,
#: «Videreutvikle») before a name is a title's or an «å»-clause's verb with an object, not an inverted subject.
_FINITE = ("er", "et", "te", "dde", "ok", "od", "lo")
_NOT_BEFORE_VERB = frozenset({"dette", "det", "hele", "i", "med", "for", "om", "av", "til", "sitt", "sine", "sin"})
#: «X har (…) gitt Y i oppdrag», «X har bedt Y om»: X commissions.
_COMMISSIONS = re.compile(
    r"^\W*(?:har|hadde)\s+(?:\S+\s+){0,5}?(?:gitt\s+(?:\S+\s+){0,4}?i\s+oppdrag|bedt\s+(?:\S+\s+){0,5}?om)\b",
    re.IGNORECASE,
)
_GAVE_SERVICE = re.compile(r"\bgitt\s+tilbud\b", re.IGNORECASE)
#: «X ble etablert», «ble X midlertidig stengt»: the name is what the verb was done to.
_PASSIVE_SUBJECT = re.compile(
    r"^\W*(?:ble|blir|er|var|blitt)\s+(?:\S+\s+){0,2}?(?:etablert|opprettet|åpnet|stengt|utvidet|lansert|overført"
    r"|nedsatt|evaluert|vedtatt|innført|flyttet)\b",
    re.IGNORECASE,
)
#: Words before «å» that keep the infinitive the subject's own work: «er i ferd med å utvikle».
_OWN_INFINITIVE = frozenset(
    {"ferd med", "gang med", "arbeider med", "arbeide med", "jobber med", "jobbe med", "arbeidet med", "startet med"}
)


@dataclass(frozen=True)
class Decision:
    """A role read for one organisation mention of a sentence, and the rule that read it."""

    mention: Mention
    role: str
    rule: str


@dataclass
class _Group:
    members: list[Mention] = field(default_factory=list)
    start: int = 0
    end: int = 0
    pp: bool = False


def sentence_roles(text: str, mentions: list[Mention]) -> list[Decision]:
    """The roles of the organisations ``mentions`` name in ``text``; offsets are relative to ``text``."""
    groups = _groups(text, sorted(mentions, key=lambda m: m.start))
    for i, g in enumerate(groups):
        g.pp = _governed(_masked(text, groups[:i], g.start))
    out: list[Decision] = []
    for i, g in enumerate(groups):
        prefix = _masked(text, groups[:i], g.start)
        window = " ".join(_tail(text, groups, i).split()[:_WINDOW])
        found = _lead_roles(prefix, text)
        evaluated = bool(_EVALUATION.search(window) or (found and _EVALUATION.search(prefix)))
        if not found and not g.pp and not g.members[-1].genitive:  # «kommunenes kompetanse» is no subject
            found = _subject_roles(prefix, _tail(text, groups, i), text[g.end :], bool(i and groups[i - 1].pp))
        found += [r for r in _genitive_roles(g, text) if r not in found]
        for role, rule in found:
            if role == "executing" and evaluated:
                role, rule = "evaluating", rule.replace("executing/", "evaluating/")
            out += [Decision(m, role, rule) for m in g.members if m.target.kind == ORGANISATION]
    return out


def _groups(text: str, mentions: list[Mention]) -> list[_Group]:
    groups: list[_Group] = []
    for m in mentions:
        if groups and _SEPARATOR.fullmatch(text[groups[-1].end : m.start]):
            groups[-1].members.append(m)
            groups[-1].end = m.end
        else:
            groups.append(_Group([m], m.start, m.end))
    return groups


def _masked(text: str, before: list[_Group], end: int) -> str:
    """``text[:end]`` with every earlier group replaced by «X»."""
    out, pos = [], 0
    for g in before:
        out += [text[pos : g.start], "X"]
        pos = g.end
    return "".join([*out, text[pos:end]])


def _governed(prefix: str) -> bool:
    """True when a preposition governs what follows ``prefix`` (at most two plain words between)."""
    words = re.findall(r"[\wæøåÆØÅ]+", prefix)[-3:]
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in PREPOSITIONS:
            between = words[k + 1 :]
            return all(w.islower() and w not in AUX and not EXEC_WORD.fullmatch(w) for w in between)
    return False


def _tail(text: str, groups: list[_Group], i: int) -> str:
    """The text after group ``i`` up to the next group no preposition governs, earlier groups as «X»."""
    nxt = next((g for g in groups[i + 1 :] if not g.pp), None)
    stop = nxt.start if nxt else len(text)
    pieces, pos = [], groups[i].end
    for g in groups[i + 1 :]:
        if g.start >= stop:
            break
        pieces += [text[pos : g.start], "X"]
        pos = g.end
    return "".join([*pieces, text[pos:stop]])


def _lead_roles(prefix: str, sentence: str) -> list[tuple[str, str]]:
    if _JOINT_WORK.search(prefix):
        return [("executing", "executing/joint-work"), ("collaborating", "collaborating/joint-work")]
    for role, rule, pattern in LEAD_RULES:
        if pattern.search(prefix):
            if rule == "forvaltes-av" and role == "executing" and "tilskudd" in sentence.lower():
                continue
            return [(role, f"{role}/{rule}")]
    return []


def _genitive_roles(g: _Group, text: str) -> list[tuple[str, str]]:
    if not g.members[-1].genitive:
        return []
    rest = text[g.end :]
    for role, rule, pattern in _GENITIVE_TAIL:
        if pattern.match(rest) and (role != "executing" or not g.pp):
            return [(role, f"{role}/{rule}")]
    return []


def _subject_roles(prefix: str, tail: str, rest: str, after_pp: bool) -> list[tuple[str, str]]:
    """Roles of a group no preposition governs: the verb before it (inverted) or the words after it."""
    words = re.findall(r"[\wæøåÆØÅ]+", prefix)
    if words and words[-1].lower() in ("fikk", "får"):
        return [("executing", "executing/assigned")]
    if len(words) > 1 and words[-2].lower() in AUX and words[-1].islower() and words[-1] not in AUX:
        return []  # an object: «om å veilede kommunene i hvordan de kan etablere …», «skal veilede X»
    if words and EXEC_WORD.fullmatch(words[-1]):
        before = words[-2] if len(words) > 1 else ""
        if before.lower() in AUX or (before == "X" and not after_pp) or not words[-1].lower().endswith(_FINITE):
            return []  # the object of a verb: «har evaluert Statens barnehus», «å evaluere X», «Revidere X»
        return [("executing", "executing/inverted-verb")]
    window = _window(tail)
    if (words and words[-1].lower() in ("ble", "blir")) or _PASSIVE_SUBJECT.match(window):
        window = ""  # a passive: the name is the patient, not the agent
    found = [
        (role, f"{role}/{rule}")
        for role, rule, pattern in _SUBJECT_RULES
        if pattern.search(tail if role == "collaborating" else window)  # a partner may be named late
    ]
    if _COMMISSIONS.search(rest):
        found.insert(0, ("commissioning", "commissioning/har-gitt-i-oppdrag"))
    if not any(role == "executing" for role, _ in found) and (_GAVE_SERVICE.search(window) or _has_verb(window)):
        found.append(("executing", "executing/subject-verb"))
    return found


def _window(tail: str) -> str:
    """The first words of a subject's tail, up to the end of its clause."""
    words = " ".join(tail.split()[:_WINDOW])
    cut = _CLAUSE_END.search(words)
    return words[: cut.start()] if cut else words


def _has_verb(window: str) -> bool:
    """True when the window holds a verb of doing the work («arbeidet» only as «har … arbeidet med»)."""
    words = re.findall(r"[\wæøåÆØÅ]+", window)
    for k, w in enumerate(words):
        if w.lower() == "arbeidet":
            followed = k + 1 < len(words) and words[k + 1] == "med"
            if followed and (k == 0 or words[k - 1].lower() not in _NOT_BEFORE_VERB):
                return True
        elif EXEC_WORD.fullmatch(w):
            if k and words[k - 1] == "å" and " ".join(words[max(0, k - 3) : k - 1]).lower() not in _OWN_INFINITIVE:
                continue  # «støtter anbefalingen om å etablere»: the infinitive is what is supported, not done
            return True
    return False
