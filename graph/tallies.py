"""Counts of measures by status, per focus area and per responsible ministry, from the named queries
``status-by-focus-area`` and ``status-by-ministry``: the numbers ``tiltaksgraf viz status`` draws."""

from __future__ import annotations

from dataclasses import dataclass

from tiltaksgraf.graph.queries import run_named
from tiltaksgraf.graph.sources import Source


@dataclass(frozen=True)
class StatusTally:
    """Measures per group (a focus area or a ministry) and status."""

    title: str
    groups: list[tuple[str, str]]  # (key, label) in order: focus area 1…6, ministries by acronym
    statuses: list[str]  # the status notations that occur, sorted
    counts: dict[tuple[str, str], int]  # (group key, status) → measures

    def count(self, group: str, status: str) -> int:
        return self.counts.get((group, status), 0)

    def total(self, group: str) -> int:
        return sum(n for (g, _), n in self.counts.items() if g == group)


def _tally(title: str, rows: list[dict[str, str]], key: str, label: str) -> StatusTally:
    groups: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        groups.setdefault(r[key], r[label])
        counts[(r[key], r["status"])] = int(r["measures"])
    return StatusTally(title, list(groups.items()), sorted({s for _, s in counts}), counts)


def _rows(graph: Source, name: str, **params: str) -> list[dict[str, str]]:
    table = run_named(graph, name, params)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def status_by_focus_area(graph: Source) -> StatusTally:
    """Measures per focus area and status; groups labelled «N name»."""
    rows = [{**r, "label": f"{r['focus_area']} {r['name']}"} for r in _rows(graph, "status-by-focus-area")]
    return _tally("Status by focus area", rows, "focus_area", "label")


def status_by_ministry(graph: Source) -> StatusTally:
    """Measures per responsible ministry (overview table) and status."""
    rows = _rows(graph, "status-by-ministry", source="overview")
    return _tally("Status by responsible ministry", rows, "ministry", "ministry")
