"""Read the role of each organisation named in one sentence, by explicit rules on the words around it.

Names joined by «,», «og», «samt», «eller», «/» or parentheses form a **group** («KORUS og RVTS»,
«Barne-, ungdoms- og familiedirektoratet (Bufdir)»); a rule gives its role to the whole group. The text
before a group is its **lead** (earlier groups written «X»), the text after it, up to the next group no
preposition governs, its **tail**. The words are in :mod:`loaders.role_patterns`. The rules, in order:

- **lead**, what governs the group (the first that fits decides):
  «på oppdrag fra/for X», «mandat fra X» → commissioning; «på vegne av X» → funding when the sentence
  administers money («tilskuddsordningen forvaltes av Bufdir på vegne av KUD»), else commissioning;
  «tilskuddsbrev fra X», «Xs tilskuddsbrev» → commissioning and funding (the letter pays and sets the tasks);
  «finansiert av X», «midler/tilskudd/økonomisk støtte fra X», «overført fra X (til Y)» → funding;
  «forvaltes/administreres av X», «kanaliseres … gjennom X» → administering;
  «ledes/koordineres av (statssekretær i) X» → coordinating;
  «konsultasjoner/dialog med X», «innspill/tilbakemeldinger fra X», «høring i X» → consulted;
  «i samarbeid (med/mellom) X», «sammen med X», «avtale med X», «bidrag/ressurser/deltakere fra X» →
  collaborating; «utarbeidet i samarbeid mellom X og Y» → executing and collaborating;
  «gjennomført/tilbys/utviklet … av X», «i regi av X», «forskning … ved X», «(ble) gitt/tildelt (til) X»,
  «bedt/ber X», «tilskuddsbrev (fra X) til Y», «ansvar … ligger til X» → executing.
  A list may stand between the words and the group: «samarbeid med flere, for eksempel X og Y»,
  «ressurser fra kommunale tjenester, spesialisthelsetjenesten, X og Y», «samarbeidspartnere som X»; a goal
  is no partnership: «behov for å styrke samarbeidet mellom X og Y» gives no role;
- **genitive**: «HODs budsjett», «JDs midler» → funding; «Helsedirektoratets tilskuddsbrev» →
  commissioning and funding; «NOVAs evaluering» → evaluating; «NKVTS' omfangsundersøkelse», «NIMs
  rapport «…»» → researching; «Riksadvokatens rundskriv» → executing. A genitive is never the subject;
- **unit**: «Oslo kommune ved NAV Grønerløkka»: the unit after «ved» has the roles of the group before;
- **subject**, a group no preposition governs:
  «X fikk/får …», «X er gitt i oppdrag», «har fått i oppdrag», «har (et særskilt) ansvar», «ble bedt
  om», «er ansvarlig» → executing; «X har (…) gitt Y i oppdrag», «X har bedt / ber Y om» → X
  commissioning; «X koordinerer / leder (not «leder til») / har en koordinerende rolle» → coordinating;
  «X deltar / har bidratt / bistod med / vil være viktige bidragsytere» → collaborating; «X samarbeider
  med Y», «et samarbeid med» → X executing (the partners are collaborating by the lead rules);
  «X finansierte / bevilger / har økt bevilgningen» → funding; «X forvalter» → administering; «X har
  kommet med innspill», «X støtter anbefalingen» → consulted; «X skal i sin evaluering» → evaluating;
  a verb of doing the work (``EXEC_WORD``, «gitt tilbud», «stått for», «ta initiativ») in the first words
  of the tail, before «men», «at», «der», «og tilbudet» … end the clause, and not an infinitive after
  another verb («støtter anbefalingen om å etablere»), or a finite verb just before
  the group («I 2024 utarbeidet X») → executing. An inserted phrase («X, i samarbeid med Y, er i gang med
  å utvikle») does not end the subject's clause. A name after an auxiliary and a verb («har evaluert X»),
  after an infinitive («Revidere X», «å evaluere X») or in a passive («ble X etablert») is an object; one
  after «for at» / «til at» is whom the work is for («for at kommunene skal kunne jobbe …»), and «X
  oppfordres til» is encouraged, not tasked.

An executing group becomes **evaluating** when the evaluation is what it does: «evaluer…» or
«følgeevaluering» in the first words of its tail («NOVA har evaluert»), or, for a lead rule, anywhere
before it («Evalueringen ble gjort av Nordlandsforskning»); else **researching** when its work is a study:
a noun of research in the first words after its verb («NOVA har gjennomført en studie av …») or, for a
lead rule, in the clause before it («en studie gjennomført av NOVA», «forskning … ved NOVA»). A name no
rule gives a role is only **mentioned**.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tiltaksgraf.loaders import role_patterns as p
from tiltaksgraf.loaders.actors import ORGANISATION, Mention

_WINDOW = 15  # words of the tail a verb may stand in
_RESEARCH_AFTER_VERB = 5  # words after the verb a research noun may stand in
_PURPOSE = re.compile(r"\b(?:for|slik|til)\s+at\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^\s*\)?\s*(?:sin|sitt|sine)\b(?=\s)")
_CLAUSE_WORDS = frozenset({"som", "at", "der", "hvor", "når", "mens", "fordi"})
#: «har fått i oppdrag å lede arbeidet»: the task is to lead.
_TASKED_TO_LEAD = re.compile(r"\boppdrag\s+(?:\S+\s+){0,2}?å\s+(?:lede|koordinere)\b", re.IGNORECASE)


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
    previous: list[tuple[str, str]] = []
    for i, g in enumerate(groups):
        found = _group_roles(text, groups, i)
        if i and p.UNIT_OF.fullmatch(text[groups[i - 1].end : g.start]):
            found = previous + [r for r in found if r not in previous]
        previous = found
        out += [Decision(m, role, rule) for role, rule in found for m in g.members if m.target.kind == ORGANISATION]
    return out


def _group_roles(text: str, groups: list[_Group], i: int) -> list[tuple[str, str]]:
    g = groups[i]
    prefix = _masked(text, groups[:i], g.start)
    tail = _tail(text, groups, i)
    window = _window(tail)
    found = _lead_roles(prefix, text)
    lead = bool(found)
    if found == [("mentioned", "goal")]:
        return []
    if not found and not g.pp and not _possessive(g, text):  # «kommunenes kompetanse» is no subject
        found = _subject_roles(prefix, tail, text[g.end :], bool(i and groups[i - 1].pp))
    found += [r for r in _genitive_roles(g, text) if r not in found]
    kind = _work_kind(text[: g.start] if lead else "", window)  # unmasked: «forskningsprogrammet om …» is a name
    return [_as_work(role, rule, kind) for role, rule in found]


def _work_kind(prefix: str, window: str) -> str:
    """«evaluating» or «researching» when the work the executing group does is an evaluation or a study."""
    if p.EVALUATION.search(window) or p.EVALUATION.search(prefix):
        return "evaluating"
    clause = re.split(r"[,;:]", prefix)[-1]
    words = window.split()
    verb = next((k for k, w in enumerate(words) if p.EXEC_WORD.fullmatch(w.strip(",.")) or w == "gitt"), None)
    start = verb + 1 if verb is not None else 0  # no verb after the name: «gjennomførte NOVA en studie»
    after = " ".join(words[start : start + _RESEARCH_AFTER_VERB])
    return "researching" if p.RESEARCH.search(clause) or p.RESEARCH.search(after) else ""


def _as_work(role: str, rule: str, kind: str) -> tuple[str, str]:
    if role == "executing" and kind:
        return kind, rule.replace("executing/", f"{kind}/")
    return role, rule


def _groups(text: str, mentions: list[Mention]) -> list[_Group]:
    groups: list[_Group] = []
    for m in mentions:
        if groups and p.SEPARATOR.fullmatch(text[groups[-1].end : m.start]):
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
        if words[k].lower() in _CLAUSE_WORDS:
            return False  # «…», som Bufdir har utviklet»: a new clause starts between
        if words[k].lower() in p.PREPOSITIONS:
            between = words[k + 1 :]
            return all(w.islower() and w not in p.AUX and not p.EXEC_WORD.fullmatch(w) for w in between)
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
    if p.GOAL_OF_COLLABORATION.search(prefix):
        return [("mentioned", "goal")]  # no role: the caller drops it
    if p.JOINT_WORK.search(prefix):
        return [("executing", "executing/joint-work"), ("collaborating", "collaborating/joint-work")]
    for roles, rule, pattern in p.LEAD_RULES:
        if pattern.search(prefix):
            if rule == "på-vegne-av" and p.ADMINISTERS.search(sentence) and p.MONEY_WORD.search(sentence):
                roles = ("funding",)
            return [(role, f"{role}/{rule}") for role in roles]
    return []


def _possessive(g: _Group, text: str) -> bool:
    """«NKVTS'», «Bufdirs», or «NKVTS sin» (the possessive pronoun after the name)."""
    return g.members[-1].genitive or bool(_POSSESSIVE.match(text[g.end :]))


def _genitive_roles(g: _Group, text: str) -> list[tuple[str, str]]:
    if not _possessive(g, text):
        return []
    rest = _POSSESSIVE.sub(" ", text[g.end :], count=1)
    roles, rule, before, after = p.GENITIVE_WORK
    if before.search(text[: g.start]) and after.match(rest):
        return [(role, f"{role}/{rule}") for role in roles]
    for roles, rule, pattern in p.GENITIVE_TAIL:
        if pattern.match(rest) and (roles[0] != "executing" or not g.pp):
            return [(role, f"{role}/{rule}") for role in roles]
    return []


def _subject_roles(prefix: str, tail: str, rest: str, after_pp: bool) -> list[tuple[str, str]]:
    """Roles of a group no preposition governs: the verb before it (inverted) or the words after it."""
    words = re.findall(r"[\wæøåÆØÅ]+", prefix)
    if _PURPOSE.search(prefix):
        return []  # «for at kommunene skal kunne jobbe …»: whom the work is for, not who does it
    if words and words[-1].lower() in ("fikk", "får"):
        return [("executing", "executing/assigned")]
    if len(words) > 1 and words[-2].lower() in p.AUX and words[-1].islower() and words[-1] not in p.AUX:
        return []  # an object: «om å veilede kommunene i hvordan de kan etablere …», «skal veilede X»
    if words and p.EXEC_WORD.fullmatch(words[-1]):
        before = words[-2] if len(words) > 1 else ""
        if before.lower() in p.AUX or (before == "X" and not after_pp) or not words[-1].lower().endswith(p.FINITE):
            return []  # the object of a verb: «har evaluert Statens barnehus», «å evaluere X», «Revidere X»
        return [("executing", "executing/inverted-verb")]
    window = _window(tail)
    if (words and words[-1].lower() in ("ble", "blir")) or p.PASSIVE_SUBJECT.match(window):
        window = ""  # a passive: the name is the patient, not the agent
    found = [(role, f"{role}/{rule}") for role, rule, pattern in p.SUBJECT_RULES if pattern.search(window)]
    if any(role == "collaborating" for role, _ in found):
        found = [r for r in found if r[1] != "executing/works-with"]  # «deltatt i et samarbeidsprosjekt med»
    if p.COMMISSIONS.search(rest):
        found.insert(0, ("commissioning", "commissioning/har-gitt-i-oppdrag"))
    if not any(role in ("executing", "collaborating") for role, _ in found) and (
        p.GAVE_SERVICE.search(window) or _has_verb(window)
    ):
        found.append(("executing", "executing/subject-verb"))
    if _TASKED_TO_LEAD.search(window) and any(role == "coordinating" for role, _ in found):
        found = [r for r in found if r[0] != "executing"]  # «har fått i oppdrag å lede arbeidet»
    return found


def _window(tail: str) -> str:
    """The first words of a subject's tail, up to the end of its clause; an inserted phrase is skipped."""
    tail = p.INSERTED.sub(",", tail, count=1)
    words = " ".join(tail.split()[:_WINDOW])
    cut = p.CLAUSE_END.search(words)
    return words[: cut.start()] if cut else words


def _has_verb(window: str) -> bool:
    """True when the window holds a verb of doing the work («arbeidet» only as «har … arbeidet med»)."""
    words = re.findall(r"[\wæøåÆØÅ]+", window)
    for k, w in enumerate(words):
        if w.lower() == "arbeidet":
            followed = k + 1 < len(words) and words[k + 1] == "med"
            if followed and (k == 0 or words[k - 1].lower() not in p.NOT_BEFORE_VERB):
                return True
        elif p.EXEC_WORD.fullmatch(w):
            if k and words[k - 1] == "å" and " ".join(words[max(0, k - 3) : k - 1]).lower() not in p.OWN_INFINITIVE:
                continue  # «støtter anbefalingen om å etablere»: the infinitive is what is supported, not done
            return True
    return False
