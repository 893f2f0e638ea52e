"""Find the organisations and programmes a text names, by the labels of the registries.

The rules, in the order they apply:

1. **Labels.** Every label of the registries (``skos:prefLabel`` in Norwegian, ``skos:altLabel``,
   ``tg:acronym``, ``tg:formerName``) is matched exactly and **case-sensitively**: «Nok.» (capital N,
   full stop) is the centres, the Norwegian word «nok» is not; «SARA» the tool is a programme, not an
   organisation.
2. **Word boundaries.** A match may neither start nor end inside a word, so «KD» is not found in «KDD»
   and «ATV» not in a longer word. A hyphen or a slash is a boundary: «NAV-kontorene» names NAV,
   «Helse Vest RHF/ Betanien/V27» names three.
3. **Genitive.** A label ending in a letter or digit may carry a Norwegian genitive ending, «s», «'» or
   «’»: «Bufdirs», «NKVTS'», «IMDis», «Fafos», «NOVAs», «HODs», «JDs».
4. **Sentence-initial capital.** A label that starts with a lower-case letter (the collective forms
   «statsforvalterne», «politidistriktene», «krisesentrene») also matches with its first letter
   capitalised, as at the start of a sentence.
5. **Longest match wins.** Of overlapping matches the longest is kept (ties: the earliest), so «RVTS
   Nord» is one mention of RVTS Nord, not of the RVTS network, and «Nasjonalt kunnskapssenter om vold og
   traumatisk stress» is one name.
6. **Stop phrases** name no organisation although they contain a label («regjeringen vil-punkt»: the
   successor plan's commitments). They are matched like labels, and so win over the shorter label
   inside them, and are then dropped.
7. **Places in lists** after a collective noun («tre politidistrikter, Sør-Vest, Sør-Øst og Nordland»)
   are read by :mod:`loaders.enumerations`.

Offsets are in the cleaned text of the block (:class:`loaders.text.Block`) and map to source lines
through the block.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from tiltaksgraf.loaders.actors import Mention, Target
from tiltaksgraf.loaders.enumerations import place_mentions
from tiltaksgraf.loaders.text import Block

#: Phrases that contain a label but name no organisation.
STOP_PHRASES = ("regjeringen vil-punkt", "regjeringen vil-punkter")
#: The Norwegian genitive endings a name that ends in a letter or digit may carry.
_GENITIVE_ENDINGS = ("s", "'", "’")
#: Where a label may start: a word, or a sign that is neither a letter nor a space.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")


def capitalised(label: str) -> str:
    """The label with its first letter in upper case: ``politiet`` → ``Politiet``."""
    return label[:1].upper() + label[1:]


class LabelIndex:
    """Labels and what they name, compiled to find every label at every position of a text."""

    def __init__(self, labels: Mapping[str, Target | None]) -> None:
        """``labels`` maps a label to its target; ``None`` marks a stop phrase."""
        self._labels: dict[str, Target | None] = dict(labels)
        # Candidates by the label's first word (or first sign): a label can only start where the text's word
        # is its first word, or that word with a genitive «s». Longest first, as the rules say.
        by_word: dict[str, list[str]] = defaultdict(list)
        for label in sorted(self._labels, key=len, reverse=True):
            by_word[_first_word(label)].append(label)
        self._by_word = dict(by_word)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, Target]]) -> tuple[LabelIndex, list[tuple[str, Target, Target]]]:
        """An index of ``(label, target)`` pairs, with the capitalised variants and the stop phrases.

        Returns the index and the conflicts: labels given to two different targets. A conflicting label
        is left out of the index (it would resolve arbitrarily).
        """
        explicit: dict[str, Target] = {}
        conflicts: list[tuple[str, Target, Target]] = []
        for label, target in entries:
            label = " ".join(label.split())
            if not label:
                continue
            known = explicit.get(label)
            if known is not None and known.iri != target.iri:
                conflicts.append((label, known, target))
            explicit.setdefault(label, target)
        bad = {c[0] for c in conflicts}
        labels: dict[str, Target | None] = {k: v for k, v in explicit.items() if k not in bad}
        for label, target in list(labels.items()):
            upper = capitalised(label)
            if target is not None and upper not in labels and upper not in bad:
                labels[upper] = target
        for phrase in STOP_PHRASES:
            labels.setdefault(phrase, None)
            labels.setdefault(capitalised(phrase), None)
        return cls(labels), conflicts

    def __len__(self) -> int:
        return len(self._labels)

    def __contains__(self, label: object) -> bool:
        return label in self._labels and self._labels[label] is not None  # type: ignore[index]

    def labels(self) -> dict[str, Target]:
        """Every label that names something (stop phrases left out)."""
        return {k: v for k, v in self._labels.items() if v is not None}

    def lookup(self, text: str) -> Target | None:
        """What ``text`` names when it is a whole label, possibly in the genitive; else None."""
        text = " ".join(text.split())
        if text in self._labels:
            return self._labels[text]
        if text[-1:] in ("s", "'", "’") and text[:-1] in self._labels:
            return self._labels[text[:-1]]
        return None

    def spans(self, text: str) -> list[tuple[int, int, Target | None]]:
        """Non-overlapping matches in ``text`` (longest first, then earliest), in text order."""
        candidates: list[tuple[int, int]] = []
        by_word = self._by_word
        for token in _TOKEN.finditer(text):
            word, start = token.group(), token.start()
            labels = by_word.get(word, ())
            if word[-1:] == "s":
                labels = sorted([*labels, *by_word.get(word[:-1], ())], key=len, reverse=True)
            for label in labels:
                end = _match_end(text, start, label)
                if end:
                    candidates.append((start, end))
                    break
        taken = [False] * (len(text) + 1)
        chosen: list[tuple[int, int, Target | None]] = []
        for s, e in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if any(taken[s:e]):
                continue
            for i in range(s, e):
                taken[i] = True
            chosen.append((s, e, self.lookup(text[s:e])))
        return sorted(chosen, key=lambda c: c[0])


def _first_word(label: str) -> str:
    """The label's first word (``RVTS`` of «RVTS Nord»), or its first sign when it starts with one."""
    word = _WORD.match(label)
    return word.group() if word else label[0]


def _is_word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a word character as ``\\w`` reads it (false past the end)."""
    return i < len(text) and (text[i].isalnum() or text[i] == "_")


def _match_end(text: str, start: int, label: str) -> int:
    """Where ``label`` ends when it stands at ``start`` as a whole word, with its genitive ending if any; else 0."""
    if not text.startswith(label, start):
        return 0
    end = start + len(label)
    if label[-1].isalnum() and text[end : end + 1] in _GENITIVE_ENDINGS and not _is_word_char(text, end + 1):
        return end + 1
    return 0 if _is_word_char(text, end) else end


def find_mentions(block: Block, index: LabelIndex, *, places: bool = True) -> list[Mention]:
    """Every organisation and programme ``block`` names, in text order (rules 1–7 of the module)."""
    text = block.text
    found = [
        Mention(text[s:e], s, e, block.line_at(s), target, genitive=text[s:e] not in index)
        for s, e, target in index.spans(text)
        if target is not None
    ]
    if places:
        taken = [(m.start, m.end) for m in found]
        for m in place_mentions(block, index):
            if not any(s < m.end and m.start < e for s, e in taken):
                found.append(m)
        found.sort(key=lambda m: m.start)
    return found


def mentions_in_text(text: str, index: LabelIndex, line: int = 1) -> list[Mention]:
    """The mentions in one line of plain text (a convenience for short texts and tests)."""
    return find_mentions(Block(text, line, line, [(0, line)]), index)
