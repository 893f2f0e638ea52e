"""The roles behind an edge: which role pairs joined two organisations, in how many measures.

An undirected edge's pairs are unordered, written ``collaborating+executing`` (the two roles in alphabetical
order), so a pair means the same whichever end an export calls the source; which end had which role is in the
nodes' ``roles``, the bipartite network and ``tiltaksgraf query actors``. A directed edge's pairs are
ordered, ``commissioning→executing``: the source's role, then the target's. ``×N`` counts the measures the
pair occurs in; a measure where the ends have several roles counts for each pair of them, so the counts of
an edge can add up to more than its weight.

>>> pairs = PairCounter(directed=False)
>>> pairs.add("a", "b", "m1", [("responsible", "executing")])
>>> pairs.add("a", "b", "m2", [("responsible", "executing"), ("responsible", "funding")])
>>> pairs.describe("a", "b")
'executing+responsible ×2; funding+responsible ×1'
>>> parse_role_pairs('executing+responsible ×2; funding+responsible ×1')
{'executing+responsible': 2, 'funding+responsible': 1}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

#: How the two roles of a pair are joined: unordered (undirected edges) and ordered (directed edges).
UNORDERED, ORDERED = "+", "→"


def pair_name(a: str, b: str, directed: bool) -> str:
    """``a→b`` for a directed edge, else the two roles in alphabetical order joined by ``+``."""
    return f"{a}{ORDERED}{b}" if directed else UNORDERED.join(sorted((a, b)))


def counted(counts: Counter[str]) -> str:
    """``"x ×3; y ×1"``: most measures first, then by name."""
    return "; ".join(f"{name} ×{n}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def parse_counted(text: str) -> dict[str, int]:
    """The inverse of :func:`counted`."""
    out: dict[str, int] = {}
    for item in filter(None, (part.strip() for part in text.split(";"))):
        name, _, n = item.rpartition(" ×")
        out[name] = int(n)
    return out


parse_role_pairs = parse_counted


def role_counts(roles_by_measure: Iterable[set[str]]) -> str:
    """An organisation's roles over its measures, ``"executing ×5; responsible ×2"``."""
    return counted(Counter(role for roles in roles_by_measure for role in roles))


class PairCounter:
    """Collects, per pair of nodes, the measures they share and the role pairs in each."""

    def __init__(self, directed: bool) -> None:
        self.directed = directed
        self.measures: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)

    def add(self, a: str, b: str, measure: str, role_pairs: Iterable[tuple[str, str]]) -> None:
        """``a`` and ``b`` share ``measure`` with these (role of a, role of b) pairs; none: nothing is added."""
        names = {pair_name(ra, rb, self.directed) for ra, rb in role_pairs}
        if not names:
            return
        self.measures[(a, b)].add(measure)
        self._pairs[(a, b)].update(names)

    def describe(self, a: str, b: str) -> str:
        return counted(self._pairs[(a, b)])
