"""Find dates in Norwegian prose («18. mars 2025», «i november 2025», «våren 2025») and tell past from future.

>>> [(d.text, d.year, d.month, d.day) for d in find_dates("behandlet 4. mars og vedtatt 18. mars 2025")]
[('4. mars', 2025, 3, 4), ('18. mars 2025', 2025, 3, 18)]
>>> [(d.text, d.month) for d in find_dates("publiseres høsten 2025, jf. perioden 2021–2024")]
[('høsten 2025', 9)]
>>> is_past_statement("JD femmet i november 2025 en proposisjon.", find_dates("JD femmet i november 2025")[0])
True
>>> is_past_statement("Rapporten skal ferdigstilles i oktober 2025.", find_dates("i oktober 2025")[0])
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiltaksgraf.loaders.frontmatter import MONTHS

#: A season stands for its first month when dates are compared.
SEASONS = {"våren": 3, "vår": 3, "sommeren": 6, "sommer": 6, "høsten": 9, "høst": 9, "vinteren": 12}
_MONTH = "|".join(MONTHS)
_SEASON = "|".join(SEASONS)
_DATE = re.compile(
    rf"(?<![\w.])(?:(?P<day>[1-9]|[12]\d|3[01])\.\s+)?(?P<month>{_MONTH})(?:\s+(?P<year>(?:19|20)\d\d))?\b"
    rf"|(?<!\w)(?P<season>{_SEASON})\s+(?P<syear>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)

#: Words that put a statement in the future or make it a plan: such a statement may name a later date.
FUTURE = re.compile(
    r"\b(?:skal|skulle|vil|kommer til å|planlegges|planlagt|planen|forventes|forventet|ventet|tas sikte på"
    r"|tar sikte på|innen|frem mot|fram mot|fra og med)\b",
    re.IGNORECASE,
)
#: Finite verbs in the past tense (and auxiliaries of the perfect) that are not regular -et/-te/-de forms.
PAST_FORMS = {
    "ble",
    "var",
    "hadde",
    "fikk",
    "gikk",
    "kom",
    "ga",
    "gav",
    "tok",
    "la",
    "satte",
    "sa",
    "gjorde",
    "vedtok",
    "trådte",
    "fremla",
    "avga",
    "sluttet",
}
#: Words that may stand between a verb and the date it governs: «femmet i november 2025», «den 3. mai».
_LINKING = {
    "i",
    "den",
    "fra",
    "på",
    "per",
    "pr",
    "ca",
    "cirka",
    "rundt",
    "omkring",
    "allerede",
    "først",
    "så",
    "tidlig",
}
_PAST_SUFFIX = re.compile(r"^[a-zæøå]{3,}(?:et|te|de|dde|dd|tt)$")


@dataclass(frozen=True)
class DateMention:
    """A date in a text: where it stands, what it says, and how precise it is (day and month may be None)."""

    text: str
    start: int
    end: int
    year: int
    month: int
    day: int | None

    @property
    def key(self) -> tuple[int, int, int]:
        """For ordering: (year, month, day or 0)."""
        return (self.year, self.month, self.day or 0)


def find_dates(text: str) -> list[DateMention]:
    """Dates with at least a month or season. A day and month without a year («4. mars») take the year of the
    next dated mention in the text, else of the previous one; a month with no year anywhere is left out."""
    raw = []
    for m in _DATE.finditer(text):
        if m.group("season"):
            raw.append((m, int(m.group("syear")), SEASONS[m.group("season").lower()], None))
            continue
        month_word = m.group("month")
        if month_word[0].isupper() and not m.group("day") and not m.group("year"):
            continue  # «Mai» alone at a sentence start is more likely a name than a date
        year = int(m.group("year")) if m.group("year") else None
        if year is None and not m.group("day"):
            continue  # «i mars» without a day or year: too vague to place
        raw.append((m, year, MONTHS[month_word.lower()], int(m.group("day")) if m.group("day") else None))
    out: list[DateMention] = []
    for i, (m, year, month, day) in enumerate(raw):
        if year is None:
            later = next((y for _, y, _, _ in raw[i + 1 :] if y is not None), None)
            earlier = next((d.year for d in reversed(out)), None)
            year = later or earlier
        if year is None:
            continue
        out.append(DateMention(m.group(0), m.start(), m.end(), year, month, day))
    return out


def is_past_statement(sentence: str, date: DateMention | None = None) -> bool:
    """True when the sentence reports something as done: no future or planning word, and a verb in the
    past tense — an irregular past form or auxiliary («ble», «var», «hadde»), or the word right before the
    date ending like a regular past form («femmet i november 2025», «sendte i desember 2024»)."""
    if FUTURE.search(sentence):
        return False
    words = re.findall(r"[\wæøåÆØÅ]+", sentence)
    if any(w in PAST_FORMS for w in words):
        return True
    if date is None:
        return False
    before = re.findall(r"[\wæøåÆØÅ]+", sentence[: date.start] if date.start <= len(sentence) else "")
    while before and before[-1].lower() in _LINKING:
        before.pop()
    return bool(before) and bool(_PAST_SUFFIX.match(before[-1]))
