"""The home page's data: every measure with its facet values and texts, for faceted browsing and search.

The facets are focus area, responsible ministry, status, continuation, organisation, organisation type,
role, the kind of the documents the measure names, and finding kind. A measure's values are its own and
its sub-measures' (an organisation in 27a is in measure 27, as in the networks: decision 0007), except
status and continuation, which are the measure's own. Values are IRIs of the graph (a measure without a
link to the successor plan has the value ``none``); their labels, in nb and en, come from the graph, so a
new role or kind needs no change here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from tiltaksgraf.graph.site.data import SiteData
from tiltaksgraf.graph.site.labels import Labels
from tiltaksgraf.graph.site.records import Measure
from tiltaksgraf.graph.site.urls import page_path

#: The facets, in the order the page shows them.
FACETS = (
    "focus_area",
    "ministry",
    "status",
    "continuation",
    "organisation",
    "org_type",
    "role",
    "document_kind",
    "finding",
)
#: The value of the continuation facet for a measure the report does not link to the successor plan.
NO_CONTINUATION = "none"


def _with_parts(data: SiteData, m: Measure) -> list[Measure]:
    return [m, *(data.measures[p] for p in m.parts)]


def facet_values(data: SiteData, m: Measure) -> dict[str, list[str]]:
    """The values of every facet for the measure ``m`` (with its sub-measures'), sorted."""
    parts = _with_parts(data, m)
    associations = [a for p in parts for a in p.associations]
    named = {a.agent for a in associations} | {agent for p in parts for agent in p.mentions}
    organisations = sorted(o for o in named if o in data.organisations)
    status = m.status
    values = {
        "focus_area": [m.focus_area] if m.focus_area else [],
        "ministry": sorted({a.agent for a in associations if a.responsibility}),
        "status": [status.value] if status else [],
        "continuation": [c.relation for c in m.continuations] or [NO_CONTINUATION],
        "organisation": organisations,
        "org_type": sorted({t for o in organisations for t in data.organisations[o].types}),
        "role": sorted({a.role for a in associations}),
        "document_kind": sorted(
            {data.documents[d.document].kind for p in parts for d in p.documents if d.document in data.documents}
        ),
        "finding": sorted({f.kind for p in parts for f in p.findings}),
    }
    return {k: sorted(set(v)) for k, v in values.items()}


def _texts(m: Measure) -> dict[str, str]:
    return {"title": m.title, "body_title": m.body_title, "description": m.description, "status": m.status_text}


def home_data(data: SiteData, labels: Labels, strings: dict[str, dict[str, str]]) -> dict[str, Any]:
    """What the home page's script needs, as JSON-ready data: facets with labelled values, and measures.

    ``strings`` are the interface strings (the label of the value ``none`` comes from there).
    """
    measures = []
    counts: dict[str, Counter[str]] = {f: Counter() for f in FACETS}
    for m in data.numbered():
        values = facet_values(data, m)
        for facet, vs in values.items():
            counts[facet].update(vs)
        measures.append(
            {
                "id": m.iri,
                "n": m.number,
                "href": page_path(m.iri),
                "texts": _texts(m),
                "parts": [
                    {
                        "n": data.measures[p].number,
                        "href": page_path(data.measures[p].iri),
                        "texts": _texts(data.measures[p]),
                    }
                    for p in m.parts
                ],
                "f": values,
            }
        )
    facets = []
    for facet in FACETS:
        values = []
        for value, n in counts[facet].items():
            label = dict(strings["continuation-none"]) if value == NO_CONTINUATION else labels.short(value)
            full = labels(value) if facet in ("ministry", "organisation") else {}
            values.append({"id": value, "label": label, "title": full, "total": n})
        values.sort(key=lambda v: (-v["total"], v["label"].get("nb", "")))
        if facet == "focus_area":
            values.sort(key=lambda v: int(data.focus_areas[v["id"]].number) if v["id"] in data.focus_areas else 0)
        facets.append({"key": facet, "values": values})
    return {"facets": facets, "measures": measures}
