"""Which involvements, measures and organisations a network keeps: the filters of ``tiltaksgraf network``.

An empty filter keeps everything, except that an organisation a measure only names (role ``mentioned``)
counts only with ``co_mention`` (or when ``roles`` asks for ``mentioned``): by default a network joins the
organisations that take part. Values are notations of the SKOS schemes in ``ontology/schemes/`` (roles,
statuses, …) or focus-area numbers; :meth:`Filters.check` names the accepted values when one is unknown.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, fields

from tiltaksgraf.graph.networks.data import MENTIONED, Involvement, MeasureInfo, Organisation


class NetworkError(ValueError):
    """A network that cannot be built as asked (an unknown filter value or organisation); says what to do."""


#: Filter field → (option name, scheme in the vocabulary of :class:`~graph.networks.data.NetworkData`).
FILTER_SCHEMES: dict[str, tuple[str, str]] = {
    "roles": ("--role", "role"),
    "sources": ("--source", "statement-source"),
    "focus_areas": ("--focus-area", "focus-area"),
    "statuses": ("--status", "status"),
    "continuations": ("--continuation", "continuation"),
    "org_types": ("--org-type", "organisation-type"),
    "plans": ("--plan", "plan"),
}


@dataclass(frozen=True)
class Filters:
    """What to keep; each field is a set of accepted values, empty for all.

    >>> Filters(roles=frozenset({"responsible"}), focus_areas=frozenset({"2", "1"})).describe()
    'role responsible; focus area 1,2'
    >>> Filters().describe()
    'no filters'
    >>> Filters(co_mention=True).describe()
    'co-mention'
    """

    roles: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    focus_areas: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    continuations: frozenset[str] = frozenset()
    org_types: frozenset[str] = frozenset()
    plans: frozenset[str] = frozenset()  # keys of plans: frihet-fra-vold
    #: Also the organisations a measure only names (role ``mentioned``), not only those taking part.
    co_mention: bool = False

    def describe(self) -> str:
        """The active filters in a few words, for titles and exports."""
        parts = ["co-mention"] if self.co_mention else []
        parts += [
            f"{FILTER_SCHEMES[f.name][0].removeprefix('--').replace('-', ' ')} {','.join(sorted(values))}"
            for f in fields(self)
            if f.name in FILTER_SCHEMES and (values := getattr(self, f.name))
        ]
        return "; ".join(parts) or "no filters"

    def check(self, vocabulary: dict[str, set[str]]) -> None:
        """Raise :class:`NetworkError` for a value that no concept of its scheme has."""
        for f in fields(self):
            if f.name not in FILTER_SCHEMES:
                continue
            option, scheme = FILTER_SCHEMES[f.name]
            known = vocabulary.get(scheme, set())
            for value in sorted(getattr(self, f.name)):
                if value not in known:
                    close = difflib.get_close_matches(value, known, n=1)
                    hint = f"did you mean {close[0]!r}? " if close else ""
                    raise NetworkError(
                        f"{option} {value!r} is not known; {hint}choose from: {', '.join(sorted(known, key=_order))}"
                    )

    def keeps_involvement(self, involvement: Involvement) -> bool:
        """The role and where the report states it. An organisation only named (``mentioned``) passes with
        ``co_mention`` or when ``roles`` names it; an association stating no source passes only when no
        ``--source`` is asked for."""
        if involvement.role == MENTIONED:
            if not (self.co_mention or MENTIONED in self.roles):
                return False
        elif self.roles and involvement.role not in self.roles:
            return False
        return not self.sources or bool(self.sources & involvement.sources)

    def keeps_measure(self, measure: MeasureInfo) -> bool:
        return (
            (not self.plans or measure.plan in self.plans)
            and (not self.focus_areas or measure.focus_area in self.focus_areas)
            and (not self.statuses or measure.status in self.statuses)
            and (not self.continuations or measure.continuation in self.continuations)
        )

    def keeps_organisation(self, organisation: Organisation) -> bool:
        return not self.org_types or organisation.type in self.org_types


def _order(value: str) -> tuple[int, str]:
    return (int(value), "") if value.isdigit() else (10**9, value)


def parse_values(raw: list[str] | None) -> frozenset[str]:
    """Option values given repeatedly or comma-separated; ``all`` means no filter.

    >>> sorted(parse_values(["responsible,executing", "funding"]))
    ['executing', 'funding', 'responsible']
    >>> parse_values(["all"])
    frozenset()
    """
    values = {v.strip() for item in raw or [] for v in item.split(",") if v.strip()}
    return frozenset() if "all" in values else frozenset(values)
