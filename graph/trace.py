"""Trace measures into the successor plan: one measure's story, the whole continuation table, or the loose ends.

All come from SPARQL (the named queries ``measure-story``, ``continuation-table`` and ``loose-ends``), so they
work on the embedded store and on any endpoint alike. :func:`story_text` lays a story out for people.
"""

from __future__ import annotations

import textwrap
from itertools import groupby

from tiltaksgraf.graph.queries import run_named
from tiltaksgraf.graph.results import Table
from tiltaksgraf.graph.sources import Source


def _plan(plan: str | None) -> dict[str, str]:
    return {"plan": plan} if plan else {}


def measure_story(source: Source, measure: str, plan: str | None = None) -> Table:
    """Everything the graph says about one measure (and its sub-measures), one fact a row; in a graph of several
    plans, ``measure`` is resolved inside ``plan`` (or written as ``frihet-fra-vold/19``)."""
    return run_named(source, "measure-story", {"measure": measure, **_plan(plan)})


def continuation_table(source: Source, plan: str | None = None) -> Table:
    """Every measure linked to the successor plan, with status, relation, evidence and commitment (of ``plan``
    only, if given)."""
    return run_named(source, "continuation-table", _plan(plan))


def loose_ends(source: Source, plan: str | None = None) -> Table:
    """Measures and sub-measures in progress or not started with no link to the successor plan."""
    return run_named(source, "loose-ends", _plan(plan))


def _where(lines: str) -> str:
    """«line 12» or «lines 3-9», with a no-break space so a wrapped text keeps it on one line."""
    return f"line\u00a0{lines}" if lines and "-" not in lines else f"lines\u00a0{lines}" if lines else ""


def story_text(story: Table, width: int = 100) -> str:
    """A story as a readable block per (sub-)measure; statements with the same evidence share a line."""
    width = max(width, 60)
    records = story.records()
    out: list[str] = []
    label_width = max([len(r["aspect"]) for r in records if r["aspect"] != "title"] + [10]) + 2
    indent = " " * (label_width + 2)
    for number, group in groupby(records, key=lambda r: r["number"]):
        rows = list(group)
        title = next((r for r in rows if r["aspect"] == "title"), None)
        head = f"Tiltak {number}: {title['value']}" if title else f"Tiltak {number}"
        if title and title["lines"]:
            head += f" ({_where(title['lines'])})"
        out += textwrap.wrap(head, width, subsequent_indent="  ")
        facts = [r for r in rows if r["aspect"] != "title"]
        for (aspect, evidence, lines), same in groupby(facts, key=lambda r: (r["aspect"], r["evidence"], r["lines"])):
            value = ", ".join(r["value"] for r in same)
            if aspect == "commitment":
                value = f"«{value}»"  # the successor plan's own words
            first = f"  {aspect:<{label_width}}"
            out += textwrap.wrap(value, width, initial_indent=first, subsequent_indent=indent) or [first.rstrip()]
            quoted = evidence if evidence.startswith("«") else f"«{evidence}»" if evidence else ""
            if quoted and quoted.strip("«»") != value.strip("«»"):
                where = f" ({_where(lines)})" if lines else ""
                out += textwrap.wrap(quoted + where, width, initial_indent=indent, subsequent_indent=indent)
            elif lines and aspect != "focus area":
                out += [f"{indent}({_where(lines)})"]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
