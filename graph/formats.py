"""Render a result table as an aligned text table, CSV, TSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap

from tiltaksgraf.graph.results import Table

#: ``tgid:``, the base of tiltaksgraf's instance IRIs (``vocab.ID``), as text: printing a table needs no rdflib.
ID_BASE = "https://w3id.org/tiltaksgraf/id/"

FORMATS = ("table", "csv", "tsv", "json", "md")


def render(table: Table, fmt: str, width: int | None = None) -> str:
    """The table in one of :data:`FORMATS`."""
    if fmt == "csv":
        return _delimited(table, ",")
    if fmt == "tsv":
        return _delimited(table, "\t")
    if fmt == "json":
        return (
            json.dumps([dict(zip(table.columns, row, strict=True)) for row in table.rows], ensure_ascii=False, indent=2)
            + "\n"
        )
    if fmt == "md":
        return _markdown(table)
    return _text(table, width or shutil.get_terminal_size((160, 24)).columns)


def _delimited(table: Table, sep: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return out.getvalue()


def _markdown(table: Table) -> str:
    def cell(value: str) -> str:
        return value.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(table.columns) + " |", "|" + "|".join("---" for _ in table.columns) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def compact(value: str) -> str:
    """An IRI of tiltaksgraf's instances in short form for reading: ``tgid:org/nova``."""
    return "tgid:" + value[len(ID_BASE) :] if value.startswith(ID_BASE) else value


def _text(table: Table, width: int) -> str:
    """Columns padded to their widest value; long values are shortened so a row fits the terminal.

    Instance IRIs are shown in short form (``tgid:org/nova``); CSV, TSV, JSON and Markdown keep them whole.
    """
    if not table.columns:
        return ""
    table = Table(table.columns, [[compact(v) for v in row] for row in table.rows])
    natural = [max([len(c), *(len(r[i]) for r in table.rows)]) for i, c in enumerate(table.columns)]
    budget = max(width - 2 * (len(natural) - 1), 10 * len(natural))
    widths = natural[:]
    while sum(widths) > budget and max(widths) > 12:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def fit(value: str, w: int) -> str:
        value = value.replace("\n", " ")
        if len(value) <= w:
            return value
        shortened = textwrap.shorten(value, w, placeholder="…")
        return shortened if len(shortened) > w // 2 else value[: w - 1] + "…"

    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(fit(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in table.rows]
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
