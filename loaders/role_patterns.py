"""The words the role rules look for: lead phrases, subject phrases, genitives, verbs of doing the work.

Data for :mod:`loaders.role_rules`, which says how they are applied. «X» in a pattern stands for an
earlier name of the sentence (the rules replace every earlier group of names by «X»).
"""

from __future__ import annotations

import re

#: Words that may stand between a preposition and the names it governs: «tilbys av kompetansesentrene KORUS».
_FILL_WORDS = (
    "de|den|det|alle|øvrige|andre|relevante|ulike|flere|landets|henholdsvis|kompetansesentrene|sentrene"
    "|aktører|aktørene|instanser|samarbeidspartnere"
)
#: A list the names stand in: «med flere, for eksempel X», «fra kommunale tjenester, spesialisthelsetjenesten,
#: X», «i samarbeid med relevante aktører, herunder X», «samarbeidspartnere som X»: lower-case items of one or two
#: words, or other names.
_LIST = r"(?:\s+(?:X|[a-zæøå][\w\-]*(?:\s+[a-zæøå][\w\-]*)?)\s*,)*"
_INTRO = r"(?:,?\s+(?:for\s+eksempel|blant\s+annet|herunder|deriblant|bl\.\s*a\.|(?:slik\s+)?som))?"
#: A person who stands for the organisation: «ledes av statssekretær i X».
_PERSON = r"(?:\s+(?:statssekretær\w*|direktør\w*|leder\w*|representant\w*|ansatte)\s+(?:i|fra|ved))?"
#: «koordineres av et nasjonalt nettverk sammensatt av representanter fra X»: the body stands for X.
_BODY_OF = (
    r"(?:\s+(?:et|en|ei)\s+(?:\w+\s+){0,2}?(?:nettverk|gruppe|forum|styre|utvalg)\w*\s+(?:sammensatt\s+av|bestående\s+av|med)"
    r"\s+representanter\s+(?:fra|for))?"
)
FILL = rf"(?:\s+(?:{_FILL_WORDS}))*{_LIST}{_INTRO}{_PERSON}"
MONEY = r"midler|midlene|tilskudd\w*|grunntilskudd|bevilgning\w*"
_LIES_WITH = r"\bansvar\b(?:\s+\S+){0,6}?\s+ligger(?:\s+i\s+hovedsak)?\s+(?:til|hos)"
_DEFINITE = r"(?:evalueringen|arbeidet|oppdraget|studien|undersøkelsen|kartleggingen|utredningen|tiltaket)"
PASSIVE = (
    r"(?:gjennomført|gjennomføres|gjort|gjøres|tilbys|tilbudt|utført|utføres|utarbeidet|utarbeides|utviklet|utvikles"
    r"|ivaretas|ivaretatt|betjenes|operert|drives|driftes|fulgt\s+opp|følges\s+opp|levert|lansert|publisert|opprettet"
    r"|skrevet|evaluert|evalueres)"
)
#: Nouns of research work, and of evaluation: they turn an executing role into researching or evaluating
#: (a research assignment, «forskningsoppdrag», «forsknings- og utredningsoppdrag», is given, not done).
RESEARCH = re.compile(
    r"\b(?:\w*studie[nr]?|\w*studiene|forskning\w*|\w*undersøkels\w*|kartlegging\w*|kartlagt|kunnskapsoversikt\w*"
    r"|kunnskapsoppsummering\w*|\w*analyse[nr]?|forskningsprosjekt\w*)\b(?<!oppdrag)(?!-)",
    re.IGNORECASE,
)
EVALUATION = re.compile(r"evaluer|følgeevaluering", re.IGNORECASE)

#: Lead rules: (roles, rule, pattern matched at the end of the text before the group; X is an earlier name).
#: The first that fits decides; «på-vegne-av» is funding when the sentence administers money, else commissioning.
LEAD_RULES: tuple[tuple[tuple[str, ...], str, re.Pattern[str]], ...] = tuple(
    (roles, rule, re.compile(f"(?:{pattern})" + r"\s*$", re.IGNORECASE))
    for roles, rule, pattern in (
        (("commissioning",), "på-oppdrag-fra", rf"oppdrag\s+(?:fra|for)(?:\s+og\s+i\s+samarbeid\s+med)?{FILL}"),
        (("commissioning",), "mandat-fra", rf"(?:mandat|bestilling)\s+fra{FILL}"),
        (("commissioning",), "på-vegne-av", rf"på\s+vegne\s+av{FILL}"),
        (("commissioning", "funding"), "tilskuddsbrev-fra", rf"tilskuddsbrev\w*\s+fra{FILL}"),
        (("funding",), "finansiert-av", rf"(?:finansiert|finansieres)\s+av{FILL}"),
        (("funding",), "midler-fra", rf"(?:{MONEY}|økonomisk\s+støtte)\s+fra{FILL}"),
        (("funding",), "overført-fra", r"overført\s+fra(?:\s+X\s+til)?"),
        (("administering",), "kanaliseres-gjennom", r"kanaliseres(?:\s+\S+){0,4}\s+gjennom"),
        (("administering",), "forvaltes-av", rf"(?:forvaltes|forvaltet|administreres|administrert)\s+av{FILL}"),
        (("coordinating",), "ledes-av", rf"(?:ledes|ledet|koordineres|koordinert)\s+av{_BODY_OF}{FILL}"),
        (("executing",), "i-regi-av", r"i\s+regi\s+av"),
        (
            ("consulted",),
            "konsultasjon-med",
            rf"(?:konsultasjon\w*|dialog|drøftinger|innspill|tilbakemelding\w*|høringsinnspill)\s+(?:med|fra){FILL}"
            rf"|høring\w*\s+(?:internt\s+)?(?:i|hos|blant){FILL}",
        ),
        (("collaborating",), "i-samarbeid-med", rf"(?:samarbeid|samhandling)\w*(?:\s+(?:med|mellom))?{FILL}"),
        (("collaborating",), "avtale-med", rf"avtale\s+med{FILL}"),
        (("collaborating",), "sammen-med", rf"sammen\s+med{FILL}"),
        (
            ("collaborating",),
            "bidrag-fra",
            rf"(?:bidrag|bistand|ressurser|deltakere|deltakelse|representanter|medvirkning|faglig\s+støtte)\s+fra{FILL}",
        ),
        (("executing",), "tilskuddsbrev-til", rf"tilskuddsbrev\w*(?:\s+fra\s+X)?\s+til{FILL}"),
        (
            ("executing",),
            "work-at",
            r"(?:forskning\w*|\w*studie[nr]?|\w*prosjekt\w*|følgeevaluering\w*|\w*utdanning\w*|kurs\w*)"
            r"(?:\s+\S+){0,8}?\s+ved",
        ),
        (("executing",), "passive-agent", rf"{PASSIVE}\s+(?:{_DEFINITE}\s+)?av{FILL}"),
        (("executing",), "assigned", r"(?:gitt|tildelt|bedt|ber)(?:\s+videre)?(?:\s+til)?|lagt\s+til"),
        (("executing",), "responsibility-lies-with", _LIES_WITH),
    )
)
#: «behov for å styrke samarbeidet mellom X og Y», «styrking av samarbeidet mellom X og Y»: a goal, no partnership.
GOAL_OF_COLLABORATION = re.compile(
    r"(?:\b(?:å|om|for)\s+(?:styrke|bedre|forbedre|øke|utvikle|videreutvikle|sikre|etablere)"
    r"|\b(?:styrking|utvikling|forbedring|videreutvikling)\s+av)\s+(?:\w+\s+){0,3}?samarbeid(?:et)?\s+mellom"
    rf"{FILL}\s*$",
    re.IGNORECASE,
)
#: «(er) utarbeidet i samarbeid mellom X og Y»: X and Y did the work together.
JOINT_WORK = re.compile(rf"{PASSIVE}\s+i\s+(?:tett\s+)?samarbeid\s+mellom{FILL}\s*$", re.IGNORECASE)
#: «som forvaltes av X på vegne av Y»: Y owns the money when what is administered is money.
ADMINISTERS = re.compile(r"\b(?:forvalt\w*|administrer\w*)", re.IGNORECASE)
MONEY_WORD = re.compile(rf"\b(?:{MONEY}|\w*ordning\w*)\b", re.IGNORECASE)

#: Verbs of doing the work (one word, matched whole).
EXEC_WORD = re.compile(
    r"gjennomfør\w*|utarbeid\w*|utvikl(?:e|er|et|es|ede)|videreutvikl\w*|revider\w*|oppdater\w*|publiser\w*"
    r"|lanser\w*|opprett\w*|etabler\w*|tilby\w*|tilbudt|lever(?:te|t|er)|lag(?:et|er)|utvid(?:et|er)|ferdigstil\w*"
    r"|jobb(?:er|et|e)|arbeider|start(?:et|er)|bist(?:od|ått|år|å)|ivaret(?:ar|att)|mott(?:ok|att|ar)"
    r"|gjennomg(?:ått|år)|løst|utlyst|fremmet|femmet|sendte?|iverksatt|igangsatt|igangsett\w*|utfør(?:t|er)"
    r"|kartl(?:agt|egger)|utred(?:et|er|e)|innhentet|rekruttert|vedtok|holdt|evaluer(?:t|er|e)"
    r"|vurder(?:e|er|ert|te)|rapporterer|fastsatte|oversatt|benytt(?:et|er)|samlet|inkludert|invitert|skrevet"
    r"|følger|fulgt|innfører|innføre|arbeide|nedsatt?e?|videreføre|viderefører|gjort|overt(?:ar|ok|att|a)|tilrettelegg\w*",
    re.IGNORECASE,
)
AUX = frozenset({"har", "hadde", "er", "var", "ble", "blir", "skal", "vil", "kan", "må", "bør", "blitt", "vært", "å"})
PREPOSITIONS = frozenset(
    {"av", "fra", "til", "med", "ved", "for", "mellom", "hos", "i", "på", "om", "under", "overfor", "mot", "gjennom"}
    | {"blant", "etter", "innen", "via", "rundt", "uten", "enn", "samarbeid", "eksempel", "herunder", "deriblant"}
)
SEPARATOR = re.compile(r"(?:[\s,/()]|\bog\b|\bsamt\b|\beller\b)*")
#: «NAV Grønerløkka» in «Oslo kommune ved NAV Grønerløkka»: the unit acts for the organisation before it.
UNIT_OF = re.compile(r"\s+ved\s+")

GENITIVE_TAIL: tuple[tuple[tuple[str, ...], str, re.Pattern[str]], ...] = (
    (("commissioning", "funding"), "genitive-grant-letter", re.compile(r"\s*tilskuddsbrev")),
    (("funding",), "genitive-budget", re.compile(r"\s*(?:budsjett|midler|grunntilskudd|tilskudd)")),
    (("evaluating",), "genitive-evaluation", re.compile(r"\s*(?:sin\s+|sitt\s+)?(?:\w+\s+)?(?:følge)?evaluering")),
    (
        ("researching",),
        "genitive-study",
        re.compile(r"\s*(?:sin\s+|sitt\s+)?(?:\w+\s+)?(?:rapport\s+«|\w*studie|\w*undersøkelse|kartlegging|forskning)"),
    ),
    (("executing",), "genitive-circular", re.compile(r"\s*(?:sitt\s+)?rundskriv")),
)
#: «gjennom Helsedirektoratets arbeid»: the work is the organisation's.
GENITIVE_WORK = (
    ("executing",),
    "genitive-work",
    re.compile(r"(?:gjennom|via|ved)\s*$", re.IGNORECASE),
    re.compile(r"\s*(?:arbeid|innsats)\b"),
)
SUBJECT_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
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
            "takes-part",
            r"\b(?:deltar|deltatt|deltok|bidrar|bidratt|bidro|medvirket)\b|\bbist(?:od|ått|år|å)\s+med\b"
            r"|\bvære\s+(?:\w+\s+)?(?:bidragsytere|samarbeidspartnere)\b",
        ),
        (
            "executing",
            "works-with",
            r"\bsamarbeid(?:er|et|e)\s+med\b|\bhar\s+sammen\b|\bjobbe\s+sammen\b"
            r"|\bsamarbeidsprosjekt\s+med\b|\bet\s+(?:\w+\s+){0,2}samarbeid\s+med\b",
        ),
        (
            "funding",
            "funds",
            r"\b(?:finansierte|finansierer|finansiert|bevilger|bevilget)\b|\b(?:økt|økte|styrket)\s+bevilgning",
        ),
        ("administering", "administers", r"\bforvalter\b"),
        (
            "consulted",
            "gives-views",
            r"\b(?:kommet|komme|gitt|gi|gir|kom)\s+med\s+innspill\b|\bgitt\s+innspill\b"
            r"|\bstøtter\s+(?:anbefaling|forslag)\w*",
        ),
    )
)
#: «X har (…) gitt Y i oppdrag», «X har bedt Y om», «X ber Y om»: X commissions.
COMMISSIONS = re.compile(
    r"^\W*(?:(?:har|hadde)\s+(?:\S+\s+){0,5}?(?:gitt\s+(?:\S+\s+){0,4}?i\s+oppdrag|bedt\s+(?:\S+\s+){0,5}?om)"
    r"|ber\s+(?:\S+\s+){0,5}?om)\b",
    re.IGNORECASE,
)
GAVE_SERVICE = re.compile(
    r"\bgitt\s+tilbud\b|\bst(?:ått|år|od|o)\s+for\b|\b(?:ta|tar|tatt|tok)\s+initiativ\b", re.IGNORECASE
)
#: «X ble etablert», «ble X midlertidig stengt»: the name is what the verb was done to.
PASSIVE_SUBJECT = re.compile(
    r"^\W*(?:ble|blir|er|var|blitt)\s+(?:\S+\s+){0,2}?(?:etablert|opprettet|åpnet|stengt|utvidet|lansert|overført"
    r"|nedsatt|evaluert|vedtatt|innført|flyttet)\b|^\W*(?:oppfordres|oppfordret)\b",
    re.IGNORECASE,
)
#: «X, i samarbeid med Y, har utviklet …»: an inserted phrase between a subject and its verb.
INSERTED = re.compile(
    r"^\s*,\s*(?:i\s+(?:tett\s+)?samarbeid\s+med|sammen\s+med|på\s+oppdrag\s+fra|på\s+vegne\s+av)[^,]*,", re.IGNORECASE
)
#: A verb after one of these words belongs to another clause (a relative clause on the object: «et program
#: som ble gjennomført av …», «… og tilbudet»), but not a second verb of the same subject («og har stått for»).
CLAUSE_END = re.compile(
    r"\b(?:men|at|der|samt)\b|\bog\b(?!\s+(?:\w+\s+){0,2}?(?:har|hadde|skal|vil|kan|må|bør|er|var|ble|blir)\b)|[;:]"
    r"|\bsom\s+(?:ble|blir|er|var|skal|har)\b",
    re.IGNORECASE,
)
#: Finite verb endings (present «-er», past «-et», «-te», «-dde», strong pasts): an infinitive («Evaluere»,
#: «Videreutvikle») before a name is a title's or an «å»-clause's verb with an object, not an inverted subject.
FINITE = ("er", "et", "te", "dde", "ok", "od", "lo", "ar", "år")
NOT_BEFORE_VERB = frozenset({"dette", "det", "hele", "i", "med", "for", "om", "av", "til", "sitt", "sine", "sin"})
#: Words before «å» that keep the infinitive the subject's own work: «er i ferd med å utvikle».
OWN_INFINITIVE = frozenset(
    {"ferd med", "gang med", "arbeider med", "arbeide med", "jobber med", "jobbe med", "arbeidet med", "startet med"}
)
