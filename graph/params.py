"""Parameter types of named queries: plain values (literal, integer, iri) and short names resolved to IRIs.

A type other than ``literal``, ``integer`` and ``iri`` names a lookup query ``queries/params/TYPE.rq``
that lists what the type can be: one row per accepted name of each resource (columns ``term``,
``label``, ``name``). A value is resolved by matching those names, case-insensitively, on the same
source the query runs on (the embedded store or an endpoint): ``JD`` → the ministry's IRI,
``research-institute`` → the concept of the organisation-type scheme. An unknown value is an error
that suggests the closest name, never an empty result.

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


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def choices(source: Source, type_: str) -> list[Choice]:
    """What a lookup type can be on ``source``, ordered by label."""
    path = LOOKUPS_DIR / f"{type_}.rq"
    if not path.exists():
        raise QueryError(f"no parameter type {type_!r} (types: {', '.join(param_types())})")
    table = check_columns(
        run_query(source, path.read_text(encoding="utf-8")), _LOOKUP_COLUMNS, source, f"params/{type_}"
    )
    labels: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for row in table.records():
        labels.setdefault(row["term"], row["label"])
        names.setdefault(row["term"], {row["term"]}).add(row["name"])
    return sorted(
        (Choice(t, labels[t], frozenset(n for n in names[t] if n)) for t in labels), key=lambda c: (c.label, c.term)
    )


def resolve(source: Source, type_: str, name: str, value: str) -> URIRef:
    """The IRI that ``value`` names among the choices of ``type_`` on ``source``."""
    from rdflib import URIRef

    options = choices(source, type_)
    key = _key(value)
    hits = [c for c in options if key in {_key(n) for n in c.names}]
    if len(hits) == 1:
        return URIRef(hits[0].term)
    if hits:
        listed = ", ".join(f"{c.label} <{c.term}>" for c in hits)
        raise QueryError(f"parameter {name}: {value!r} names several: {listed}; give the IRI")
    close = difflib.get_close_matches(value, sorted({c.label for c in options}), n=3, cutoff=0.5)
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    raise QueryError(
        f"parameter {name}: no {type_} {value!r} in the graph{hint}; `tiltaksgraf queries --values {type_}` lists them"
    )
