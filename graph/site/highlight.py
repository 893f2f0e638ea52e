"""Mark the sentences the graph quotes as evidence inside a measure's own text, as Climate Policy Radar does.

:func:`marked_paragraphs` splits a text into its paragraphs (the graph keeps them apart with a blank line)
and each paragraph into runs; a run is plain text or lies inside one or more quotes, and knows which. Where
two quotes overlap (the status sentence is also the continuation sentence) the run carries both kinds.
A quote is found verbatim, else with its white space normalised; a quote not in the text is returned in
``missing`` so the page can still show it.

>>> text = "Det ble gjort. Det er videreført.\\n\\nSlutt."
>>> paras, missing = marked_paragraphs(text, {"status": ["Det er videreført."]})
>>> [(r.text, r.kinds) for r in paras[0]]
[('Det ble gjort. ', ()), ('Det er videreført.', ('status',))]
>>> missing
[]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph, and the kinds of quote it lies in (empty: plain text)."""

    text: str
    kinds: tuple[str, ...] = ()
    first: tuple[str, ...] = ()  # kinds whose first quote in the text starts here (the page anchors them)


def _find(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``: verbatim, else with any run of white space matching any other."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def _runs(text: str, spans: list[tuple[int, int, str]]) -> list[Run]:
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    runs = []
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        kinds = tuple(sorted({k for s, e, k in spans if s <= a and b <= e}))
        first = tuple(sorted({k for s, _, k in spans if s == a}))
        runs.append(Run(text[a:b], kinds, first))
    return runs


def marked_paragraphs(text: str, quotes: Mapping[str, Sequence[str]]) -> tuple[list[list[Run]], list[tuple[str, str]]]:
    """The paragraphs of ``text`` as runs, with the quotes of each kind marked; and the (kind, quote) pairs
    found nowhere in the text."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    spans: list[list[tuple[int, int, str]]] = [[] for _ in paragraphs]
    missing = []
    for kind, items in quotes.items():
        for quote in dict.fromkeys(q for q in items if q.strip()):
            hits = [(i, where) for i, p in enumerate(paragraphs) if (where := _find(p, quote))]
            if not hits:
                missing.append((kind, quote))
            for i, (start, end) in hits:
                spans[i].append((start, end, kind))
    runs = [_runs(p, s) for p, s in zip(paragraphs, spans, strict=True)]
    anchored: set[str] = set()
    for para in runs:
        for i, run in enumerate(para):
            first = tuple(k for k in run.first if k not in anchored)
            anchored.update(first)
            para[i] = Run(run.text, run.kinds, first)
    return runs, missing
