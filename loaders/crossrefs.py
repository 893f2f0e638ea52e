"""Find references from one measure's text to another («jf. tiltak 64», «Se også tiltak 16»)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tiltaksgraf.loaders.model import CrossReference, Evidence
from tiltaksgraf.loaders.text import Sentence

#: "tiltak 64" (lower case: the heading «Tiltak 64:» is not a reference), with the cue words before it.
_REFERENCE = re.compile(
    r"(?P<cue>\b(?i:jf\.(?: også)?|se også|se|se(?:e)?s i sammenheng med|omtale under|sammenheng med)?)"
    r"\s*\btiltak (?P<number>\d{1,3})\b(?!\s*:)"
)


def cross_references(sentences: Iterable[tuple[Sentence, str]], own: int, known: set[int]) -> list[CrossReference]:
    """References in ``sentences`` (each with its section label) to other measures that exist.

    >>> from loaders.model import Span
    >>> s = Sentence("Se også tiltak 16.", 0, 18, Span(3, 3))
    >>> [(r.target, r.cue) for r in cross_references([(s, "Tiltak 15")], 15, {15, 16})]
    [(16, 'se også')]
    """
    found: dict[int, CrossReference] = {}
    for sentence, section in sentences:
        for m in _REFERENCE.finditer(sentence.text):
            target = int(m.group("number"))
            if target == own or target not in known or target in found:
                continue
            cue = (m.group("cue") or "").strip().lower() or "tiltak"
            found[target] = CrossReference(target, cue, Evidence(sentence.text, sentence.span, section))
    return list(found.values())
