"""Run the checks that must return no rows (``queries/checks/*-violation.rq``) on a graph."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from graph.queries import NamedQuery, Table, named_queries, run_query
from tiltaksgraf.paths import QUERIES_DIR

CHECKS_DIR = QUERIES_DIR / "checks"


@dataclass(frozen=True)
class CheckResult:
    """One check and the rows it found (none when the graph passes it)."""

    query: NamedQuery
    table: Table

    @property
    def passed(self) -> bool:
        return not self.table.rows


def run_checks(graph: Graph, folder: Path = CHECKS_DIR) -> list[CheckResult]:
    """Every ``*-violation.rq`` check in ``folder``, in name order."""
    return [
        CheckResult(q, run_query(graph, q.text))
        for name, q in named_queries(folder).items()
        if name.endswith("-violation")
    ]
