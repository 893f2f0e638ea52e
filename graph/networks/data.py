"""The facts the networks are built from, read from the graph by SPARQL (``queries/networks/*.rq``).

Organisations, their involvement in measures (any ``prov:qualifiedAssociation`` with an agent and a role, so
new roles and organisations appear in the networks without a code change), the organisations each measure
names (``tg:mentions``), the measures with their focus area, status and continuation, and the measures'
cross-references.

An involvement is *substantive* when its role is any of the role scheme's but :data:`MENTIONED`: the
organisation takes part in the measure. An organisation that a measure only names is involved as
:data:`MENTIONED` there (:meth:`NetworkData.named_only`), whether the graph models it as an association with
that role or, as it will, only as a mention.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tiltaksgraf.graph.queries import get_query, run_query
from tiltaksgraf.graph.sources import Source

from tiltaksgraf.paths import QUERIES_DIR

NETWORK_QUERIES = QUERIES_DIR / "networks"

#: The role notation of an organisation a measure names without giving it a part in the work.
MENTIONED = "mentioned"


@dataclass(frozen=True)
class Organisation:
    """An organisation as the networks show it."""

    iri: str
    acronym: str
    name: str
    type: str  # notation of its organisation-type concept ("ministry"), "" if it has none
    type_label: str

    @property
    def label(self) -> str:
        """The short label drawn on a node: the acronym, else the name, else the IRI's last segment."""
        return self.acronym or self.name or self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class MeasureInfo:
    """A numbered measure with the facets the filters use."""

    iri: str
    number: str
    title: str
    focus_area: str
    status: str
    continuation: str  # continued, related or none
    focus_area_name: str = ""
    plan: str = ""  # the key of its plan: frihet-fra-vold


@dataclass(frozen=True)
class Involvement:
    """One organisation in one role in one (sub-)measure, counted for the numbered measure ``unit``."""

    org: str
    measure: str  # the number as printed: "27" or "27a"
    unit: str  # IRI of the numbered measure the row counts for (27 for 27a)
    role: str
    sources: frozenset[str]  # overview, body; empty if the association states none

    @property
    def substantive(self) -> bool:
        """The organisation takes part in the measure (any role but :data:`MENTIONED`)."""
        return self.role != MENTIONED


@dataclass(frozen=True)
class Naming:
    """A (sub-)measure's text names an organisation (``tg:mentions``), counted for the measure ``unit``."""

    org: str
    measure: str
    unit: str


@dataclass
class NetworkData:
    """Everything the network builders need, read once from the graph."""

    organisations: dict[str, Organisation]
    measures: dict[str, MeasureInfo]  # by IRI
    involvements: list[Involvement]  # every association the graph holds, of any role
    cross_references: list[tuple[str, str]]  # (citing, cited) measure IRIs
    vocabulary: dict[str, set[str]] = field(default_factory=dict)
    namings: list[Naming] = field(default_factory=list)

    def number(self, iri: str) -> str:
        """A measure's number as the networks show it: ``19``, or ``frihet-fra-vold/19`` in a graph of several
        plans, where numbers repeat."""
        m = self.measures[iri]
        return f"{m.plan}/{m.number}" if m.plan and self.several_plans else m.number

    @property
    def several_plans(self) -> bool:
        return len({m.plan for m in self.measures.values()}) > 1

    def substantive(self) -> list[Involvement]:
        """The involvements in which an organisation takes part (every role but :data:`MENTIONED`)."""
        return [i for i in self.involvements if i.substantive]

    def named_only(self) -> list[Involvement]:
        """An involvement of role :data:`MENTIONED` for each organisation a (sub-)measure names or associates
        as mentioned, where it has no substantive role in that (sub-)measure."""
        taking_part = {(i.org, i.measure, i.unit) for i in self.involvements if i.substantive}
        named = {(n.org, n.measure, n.unit) for n in self.namings}
        named |= {(i.org, i.measure, i.unit) for i in self.involvements if not i.substantive}
        return [
            Involvement(org, measure, unit, MENTIONED, frozenset())
            for org, measure, unit in sorted(named)
            if (org, measure, unit) not in taking_part  # a number names a (sub-)measure of one plan with its unit
        ]


def _rows(graph: Source, name: str) -> list[dict[str, str]]:
    table = run_query(graph, get_query(name, NETWORK_QUERIES).text)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def load_network_data(graph: Source) -> NetworkData:
    """Run the network queries on ``graph``."""
    organisations = {
        r["org"]: Organisation(r["org"], r["acronym"], r["name"], r["type"], r["type_label"])
        for r in _rows(graph, "organisations")
    }
    measures = {
        r["measure"]: MeasureInfo(
            r["measure"],
            r["number"],
            r["title"],
            r["focus_area"],
            r["status"],
            r["continuation"],
            r["focus_area_name"],
            r["plan"].rsplit("/", 1)[-1],
        )
        for r in _rows(graph, "measures")
    }
    involvements = [
        Involvement(r["org"], r["measure"], r["unit"], r["role"], frozenset(r["sources"].split()))
        for r in _rows(graph, "involvement")
    ]
    references = [(r["source"], r["target"]) for r in _rows(graph, "cross-references")]
    namings = [Naming(r["org"], r["measure"], r["unit"]) for r in _rows(graph, "mentions")]
    vocabulary: dict[str, set[str]] = defaultdict(set)
    for r in _rows(graph, "vocabulary"):
        vocabulary[r["scheme"]].add(r["notation"])
    vocabulary["continuation"].add("none")
    vocabulary["role"].add(MENTIONED)  # an organisation only named has this role, whether or not the scheme has it
    return NetworkData(organisations, measures, involvements, references, dict(vocabulary), namings)


def measure_key(number: str) -> tuple[str, int, str]:
    """Sort key for measure numbers as printed: 2 < 10 < 27 < 27a, each plan's together (``frihet-fra-vold/19``).

    >>> sorted(["27a", "10", "2", "27"], key=measure_key)
    ['2', '10', '27', '27a']
    >>> sorted(["b/2", "a/10", "a/9"], key=measure_key)
    ['a/9', 'a/10', 'b/2']
    """
    plan, _, label = number.rpartition("/")
    digits = label.rstrip("abcdefghijklmnopqrstuvwxyz")
    return (plan, int(digits) if digits.isdigit() else 10**9, label[len(digits) :])


def measure_list(numbers: set[str] | list[str]) -> str:
    """Measure numbers as one attribute value, in plan order: ``"3,17,34"`` (GraphML and GEXF take no lists)."""
    return ",".join(sorted(set(numbers), key=measure_key))
