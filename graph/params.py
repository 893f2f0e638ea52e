"""Parameter types of named queries: plain values (literal, integer, iri) and short names resolved to IRIs.

A type other than ``literal``, ``integer`` and ``iri`` names a lookup query ``queries/params/TYPE.rq``
that lists what the type can be: one row per accepted name of each resource (columns ``term``,
``label``, ``name``). A value is resolved by matching those names, case-insensitively, on the same
source the query runs on (the embedded store or an endpoint): ``JD`` → the ministry's IRI,
``research-institute`` → the concept of the organisation-type scheme. An unknown value is an error
that suggests the closest name, never an empty result.

A lookup may add a fourth column, ``plan``: the plan each resource belongs to (a measure, a focus area).
Given a plan, a value is then resolved among that plan's resources only, so ``19`` names measure 19 of the
plan asked for in a graph of several plans; without one, ``19`` naming measures of several plans is an
error that says how to choose (``frihet-fra-vold/19``, the tail of the measure's IRI, always names one).

>>> plain_term("integer", "n", "42")
rdflib.term.Literal('42', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tiltaksgraf.graph.results import QueryError, check_columns
from tiltaksgraf.graph.sources import Source, run_query

if TYPE_CHECKING:
    from rdflib import URIRef
    from rdflib.term import Identifier

from tiltaksgraf.paths import QUERIES_DIR

LOOKUPS_DIR = QUERIES_DIR / "params"
PLAIN_TYPES = ("literal", "integer", "iri")
_LOOKUP_COLUMNS = ("term", "label", "name")
_PLAN_COLUMN = "plan"
_IRI = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+")


def lookup_types(folder: Path = LOOKUPS_DIR) -> tuple[str, ...]:
    """The types resolved by a lookup query, by file name."""
    return tuple(sorted(p.stem for p in folder.glob("*.rq")))


def param_types() -> tuple[str, ...]:
    """Every parameter type a query header may use."""
    return PLAIN_TYPES + lookup_types()


def plain_term(type_: str, name: str, value: str) -> Identifier:
    """The RDF term for a value of a plain type."""
    from rdflib import Literal, URIRef

    if type_ == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"parameter {name} takes a whole number, not {value!r}")
        return Literal(int(value))
    if type_ == "iri":
        if not _IRI.fullmatch(value):
            raise QueryError(f"parameter {name} takes an absolute IRI (https://…), not {value!r}")
        return URIRef(value)
    return Literal(value)


@dataclass(frozen=True)
class Choice:
    """A resource a parameter can name: its IRI, how to show it, and every name that selects it."""

    term: str
    label: str
    names: frozenset[str]
    plan: str | None = None  # the IRI of the plan it belongs to, where the lookup says


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def choices(source: Source, type_: str) -> list[Choice]:
    """What a lookup type can be on ``source``, ordered by label."""
    path = LOOKUPS_DIR / f"{type_}.rq"
    if not path.exists():
        raise QueryError(f"no parameter type {type_!r} (types: {', '.join(param_types())})")
    text = path.read_text(encoding="utf-8")
    table = run_query(source, text)
    planned = table.columns == [*_LOOKUP_COLUMNS, _PLAN_COLUMN]
    expected = [*_LOOKUP_COLUMNS, _PLAN_COLUMN] if planned else _LOOKUP_COLUMNS
    table = check_columns(table, expected, source, f"params/{type_}")
    labels: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    plans: dict[str, str | None] = {}
    for row in table.records():
        labels.setdefault(row["term"], row["label"])
        names.setdefault(row["term"], {row["term"]}).add(row["name"])
        plans.setdefault(row["term"], row.get(_PLAN_COLUMN) or None)
    return sorted(
        (Choice(t, labels[t], frozenset(n for n in names[t] if n), plans[t]) for t in labels),
        key=lambda c: (c.label, c.plan or "", c.term),
    )


def plan_key(plan: str) -> str:
    """The key of a plan's IRI, as the ``plan`` lookup and the measure names use it: ``frihet-fra-vold``."""
    return plan.rstrip("/").rsplit("/", 1)[-1]


def resolve(source: Source, type_: str, name: str, value: str, plan: str | None = None) -> URIRef:
    """The IRI that ``value`` names among the choices of ``type_`` on ``source`` (of ``plan``, an IRI, if given
    and the lookup says which plan each choice belongs to)."""
    from rdflib import URIRef

    options = choices(source, type_)
    if plan is not None and any(c.plan for c in options):
        options = [c for c in options if c.plan == str(plan)]
    key = _key(value)
    hits = [c for c in options if key in {_key(n) for n in c.names}]
    if len(hits) == 1:
        return URIRef(hits[0].term)
    if hits and len({c.plan for c in hits}) == len(hits) and all(c.plan for c in hits):
        keys = sorted(plan_key(c.plan or "") for c in hits)
        shown = ", ".join(keys[:5]) + (f" and {len(keys) - 5} more" if len(keys) > 5 else "")
        raise QueryError(
            f"parameter {name}: {value!r} names a {type_} in each of {len(hits)} plans ({shown}): give the plan "
            f"(plan={keys[0]}) or write {keys[0]}/{value}; `tiltaksgraf queries --values plan` lists the plans"
        )
    if hits:
        listed = ", ".join(f"{c.label} <{c.term}>" for c in hits)
        raise QueryError(f"parameter {name}: {value!r} names several: {listed}; give the IRI")
    close = difflib.get_close_matches(value, sorted({c.label for c in options}), n=3, cutoff=0.5)
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    where = f" of plan {plan_key(str(plan))}" if plan is not None and any(c.plan for c in options) else ""
    raise QueryError(
        f"parameter {name}: no {type_} {value!r}{where} in the graph{hint}; "
        f"`tiltaksgraf queries --values {type_}` lists them"
    )
