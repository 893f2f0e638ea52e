"""References between measures."""

from tiltaksgraf.loaders.crossrefs import cross_references
from tiltaksgraf.loaders.text import line_block, split_sentences


def refs(text: str, own: int = 1, known=frozenset(range(1, 83))):
    return [
        (r.target, r.cue)
        for r in cross_references([(s, "Tiltak") for s in split_sentences(line_block(text, 1))], own, set(known))
    ]


def test_cues_are_recorded():
    assert refs("Jf. også tiltak 64. Se også tiltak 16. Tiltaket sees i sammenheng med tiltak 2.") == [
        (64, "jf. også"),
        (16, "se også"),
        (2, "sees i sammenheng med"),
    ]


def test_self_references_unknown_measures_and_headings_are_not_references():
    assert refs("Dette er tiltak 1. Se tiltak 99. Tiltak 5: overskrift", own=1) == []


def test_a_measure_is_referenced_once():
    assert refs("Se tiltak 7. Jf. tiltak 7.") == [(7, "se")]
