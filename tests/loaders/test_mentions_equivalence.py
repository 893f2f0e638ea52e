"""The label index finds what the rules' regular expression finds: the word-keyed lookup against the regex.

The index looks labels up by the text's words (compiling no regex: compiling one alternation of the
registry's thousand labels took a third of a second of every build). The rules are stated as a regex —
the label, an optional genitive, no word character after — and that regex is kept here as the reference.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from tiltaksgraf.loaders.actors import ORGANISATION, Target
from tiltaksgraf.loaders.mentions import LabelIndex

LABELS = [
    "Bufdir", "NKVTS", "KD", "KDD", "NAV", "Nav", "RVTS", "RVTS Nord", "RVTSene", "Nok.", "Nok. Norge",
    "Nok.-sentrene", "politiet", "Politiet", "Helse Vest RHF", "V27", "Sør-Vest politidistrikt", "Sør-Vest",
    "IMDi", "A/S", "«Ja»", "Fafo", "s", "Ss", "_x",
]  # fmt: skip
SEPARATORS = [" ", "s ", "' ", "’ ", "-", "/", "s", "x", ".", ", ", "", "_", "1", "es ", "\n", "ss"]


def reference_spans(labels: list[str], text: str) -> list[tuple[int, int]]:
    """The rules as one regex per position: longest label first, genitive, word boundary; then longest wins."""
    alternatives = "|".join(
        re.escape(label) + (r"(?:s|['’])?" if label[-1].isalnum() else "") + r"(?!\w)"
        for label in sorted(labels, key=len, reverse=True)
    )
    pattern = re.compile(alternatives)
    found = [
        (m.start(), m.end())
        for start in re.finditer(r"(?<!\w)\w|[^\w\s]", text)
        if (m := pattern.match(text, start.start()))
    ]
    taken: set[int] = set()
    chosen = []
    for s, e in sorted(found, key=lambda c: (c[0] - c[1], c[0])):
        if taken.isdisjoint(range(s, e)):
            taken.update(range(s, e))
            chosen.append((s, e))
    return sorted(chosen)


INDEX = LabelIndex({label: Target(f"https://example.org/{i}", ORGANISATION, label) for i, label in enumerate(LABELS)})
pieces = st.one_of(
    st.sampled_from(LABELS),
    st.sampled_from(LABELS).map(str.lower),
    st.sampled_from(LABELS).flatmap(lambda label: st.integers(1, len(label)).map(lambda n: label[:n])),
    st.sampled_from(SEPARATORS),
    st.text(alphabet="aSs'’-. øÅ1_", max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=12).map("".join))
def test_the_index_finds_what_the_reference_regex_finds(text: str) -> None:
    assert [(s, e) for s, e, _ in INDEX.spans(text)] == reference_spans(LABELS, text)


def test_the_reference_agrees_on_the_hard_cases() -> None:
    """Genitives, boundaries and the longest match, where the two could part."""
    for text, expected in [
        ("RVTS Nords arbeid", [(0, 10)]),
        ("NAVs og NAV' og NAV’ og NAVss", [(0, 4), (8, 12), (16, 20)]),
        ("KDD og KD-s", [(0, 3), (7, 9), (10, 11)]),  # «s» is a label of its own here
        ("Nok.-sentrene og Nok. Norge", [(0, 13), (17, 27)]),
        ("politiets og Politiet", [(0, 9), (13, 21)]),
    ]:
        assert reference_spans(LABELS, text) == expected, text
        assert [(s, e) for s, e, _ in INDEX.spans(text)] == expected, text
