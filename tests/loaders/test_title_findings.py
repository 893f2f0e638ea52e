"""Titles in the overview table against the body headings: a different word is a `title-differs` finding,
a difference of form only (imperative for infinitive, punctuation, case) is `title-differs-trivially`."""

from __future__ import annotations

import pytest
from tiltaksgraf.loaders.checks import trivial_title_difference


@pytest.mark.parametrize(
    ("overview", "body", "how"),
    [
        ("Sørge for at alle får vite", "Sørg for at alle får vite", "imperative «Sørg» for the infinitive «Sørge»"),
        ("Sørg for at alle får vite", "Sørge for at alle får vite", "imperative «Sørg» for the infinitive «Sørge»"),
        ("Fremme konvensjonen.", "Fremme konvensjonen", "punctuation"),
        ("kurs for meklere samt, styrke", "kurs for meklere, samt styrke", "punctuation"),
        ("Evaluere vold- og overgrepslinjen", "Evaluere Vold- og overgrepslinjen", "case"),
        ("Sørge for Vold.", "Sørg for vold", "imperative «Sørg» for the infinitive «Sørge», punctuation, case"),
        ("Videreutvikle familieverntjenestens arbeid", "Videreutvikle familievern tjenestens arbeid", None),
        ("Øke kompetansen om atferd", "Øke kompetansen på atferd", None),
        ("nettstedet ovtas.no", "nettstedet ovttas.no", None),
        ("Inkludere vold i planer", "Inkludere arbeidet mot vold i planer", None),
        ("Styrke samarbeidet", "Styrk samarbeidet mer", None),  # one word more: not a matter of form
    ],
)
def test_a_difference_of_form(overview, body, how):
    assert trivial_title_difference(overview, body) == how


def test_the_report_s_title_differences(report):
    kinds: dict[str, list[str]] = {}
    for f in report.findings:
        if f.kind.startswith("title-differs"):
            kinds.setdefault(f.kind, []).append(f.measure)
    trivially = ["18", "23", "33", "34", "37", "48", "50", "52", "76", "79"]
    assert sorted(kinds["title-differs-trivially"]) == sorted(trivially)
    assert sorted(kinds["title-differs"]) == sorted(["8c", "9", "24", "63", "66", "75"])
