"""Write the static site: every page, the data files beside each resource's page, and the assets.

:func:`write_site` reads the graph through the site's SPARQL queries (:mod:`graph.site.data`), builds the
page model (:mod:`graph.site.pages`), renders it (:mod:`viz.site.render`) and writes it into a fresh folder
beside the target, which then takes the target's place: a failed run leaves the previous site as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from tiltaksgraf.graph import cbd
from tiltaksgraf.graph.namespaces import TG
from tiltaksgraf.graph.site import pages, vocab_pages
from tiltaksgraf.graph.site.data import SiteData, load_site_data
from tiltaksgraf.graph.site.examples import examples, prefixes
from tiltaksgraf.graph.site.facets import home_data
from tiltaksgraf.graph.site.labels import Labels, local_name
from tiltaksgraf.graph.site.networks import SiteNetworks
from tiltaksgraf.graph.site.timeline import Event
from tiltaksgraf.graph.site.urls import anchor, page_path, relative, resource_path
from tiltaksgraf.graph.sparql_text import compact
from tiltaksgraf.viz.network_html import vis_assets, vis_network
from tiltaksgraf.viz.site.render import TEMPLATES, Renderer, script_json, strings
from tiltaksgraf.viz.style import style

#: The file that marks a folder as a site this command wrote (only such a folder is ever replaced).
MARKER = ".tiltaksgraf-site"
#: Where the resources without a page of their own are shown: IRI → site path#fragment (read by ``serve``).
LOCATIONS = "locations.json"
#: The ontology's IRI: its terms are ``…/ontology#Term``, shown on its one page.
ONTOLOGY = TG.rstrip("#")
#: Static assets copied as they are from ``viz/templates/site/assets/``.
ASSETS = ("site.css", "site.js", "home.js", "query.js", "query-views.js")
#: YASGUI as npm ships it (``viz/templates/site/yasgui/README.md``), copied into the site's ``yasgui/``.
YASGUI = TEMPLATES / "yasgui"
YASGUI_FILES = ("yasgui.min.js", "yasgui.min.css", "LICENSE.txt")
YASGUI_VERSION = "@zazuko/yasgui 4.6.2"
#: Where ``tiltaksgraf serve`` answers SPARQL, relative to the site's root, and its default address (for the
#: query page opened from disk).
ENDPOINT = "query"
DEFAULT_ENDPOINT = "http://127.0.0.1:7878/query"
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")


class SiteError(ValueError):
    """The site cannot be written where asked."""


@dataclass(frozen=True)
class SiteSummary:
    """What was written."""

    folder: Path
    pages: int
    files: int
    bytes: int
    seconds: float


def _network_json(g: nx.Graph | None, page: str) -> dict[str, Any] | None:
    """The vis-network data of ``g`` as the page's script reads it, each node linking to its page."""
    if g is None:
        return None
    net = vis_network(g, size_by="measure_count")
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    for node in nodes:
        node["href"] = relative(page, page_path(node["id"]))
    return {
        "json": script_json({"nodes": nodes, "edges": edges, "options": json.loads(options)}),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
    }


class _SiteWriter:
    def __init__(self, store: ox.Store, folder: Path, progress: Callable[[str], None]) -> None:
        self.store, self.folder, self.progress = store, folder, progress
        self.data: SiteData = load_site_data(store)
        self.networks = SiteNetworks(store)
        self.labels = Labels(self.data)
        d = self.data
        finding_scheme = {d.concepts[f.kind].scheme for f in d.findings if f.kind in d.concepts}
        self.finding_kinds = [c for s in finding_scheme for c in d.schemes[s]]
        #: the concepts that get the generic concept page (focus areas and finding kinds have their own)
        self.other_concepts = [c for c in d.concepts if c not in d.focus_areas and c not in self.finding_kinds]
        self.resources = [
            *d.measures,
            *d.organisations,
            *d.programmes,
            *d.documents,
            *d.focus_areas,
            *d.plans,
            *self.finding_kinds,
            *self.other_concepts,
            *d.scheme_labels,
            ONTOLOGY,
        ]
        self.renderer = Renderer(self.labels, set(self.resources))
        self.locations: dict[str, str] = {}
        colours = style()["status_colours"]
        self.renderer.env.globals.update(
            status_colour=lambda iri: colours.get(local_name(iri), "#999999"),
            org_types=lambda iri: d.organisations[iri].types if iri in d.organisations else [],
            measures=d.measures,
            organisations=d.organisations,
            triples=d.triples,
            measure_by_number={m.number: m.iri for m in d.measures.values()},
            event_date=self._event_date,
            sentence_with_date=self._sentence_with_date,
            anchor=anchor,
            footnote_numbers={f.iri: f.number for f in d.footnotes},
            document_kind=lambda iri: d.documents[iri].kind if iri in d.documents else "",
            scheme_of=lambda iri: d.concepts[iri].scheme if iri in d.concepts else "",
            concepts_by_iri=d.concepts,
            term_link=self._term_link,
        )
        self.pages = 0

    # --- output -------------------------------------------------------------------------------

    def write(self, path: str, content: str | bytes) -> None:
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    def page(self, template: str, path: str, title: str, **context: Any) -> None:
        self.write(path, self.renderer.render(template, path, title=title, **context))
        self.pages += 1

    def resource_page(self, template: str, iri: str, title: str, **context: Any) -> None:
        """The page of ``iri`` and, beside it, its description as Turtle and JSON-LD and the query that gives it."""
        triples = cbd.describe(self.store, iri)
        files = {
            "ttl": resource_path(iri, ".ttl"),
            "jsonld": resource_path(iri, ".jsonld"),
            "rq": resource_path(iri, ".rq"),
        }
        self.write(files["ttl"], cbd.to_turtle(triples))
        self.write(files["jsonld"], cbd.to_jsonld(triples))
        self.write(files["rq"], cbd.bound_query(iri))
        self.page(template, page_path(iri), title, data_files={**files, "iri": iri}, **context)

    def _term_link(self, iri: str) -> Any:
        """A class or property on the ontology page: a link to its row there, else its prefixed name."""
        from markupsafe import Markup, escape

        if iri in self.data.terms:
            return Markup('<a href="#{}"><code>{}</code></a>').format(local_name(iri), compact(iri))
        return Markup("<code>{}</code>").format(escape(compact(iri)))

    def locate(self, iri: str, page: str, prefix: str) -> None:
        """Note that ``iri``, which has no page of its own, is shown on ``page`` at ``#prefix-…``."""
        self.locations.setdefault(iri, f"{page}#{anchor(iri, prefix)}")

    # --- timeline helpers ---------------------------------------------------------------------

    def _event_date(self, e: Event) -> Any:
        from markupsafe import Markup

        year, month, *day = e.date.split("-")
        month_name = strings()[f"month-{int(month)}"]
        nb = f"{int(day[0])}. {month_name['nb']} {year}" if day else f"{month_name['nb']} {year}"
        en = f"{int(day[0])} {month_name['en']} {year}" if day else f"{month_name['en']} {year}"
        return Markup('<span class="l-nb">{}</span><span class="l-en">{}</span>').format(nb, en)

    @staticmethod
    def _sentence_with_date(e: Event) -> Any:
        from markupsafe import Markup, escape

        at = e.sentence.find(e.text)
        if at < 0:
            return escape(e.sentence)
        return Markup("{}<mark>{}</mark>{}").format(e.sentence[:at], e.text, e.sentence[at + len(e.text) :])

    # --- the pages ----------------------------------------------------------------------------

    def assets(self) -> None:
        for name in ASSETS:
            self.write(f"assets/{name}", (TEMPLATES / "assets" / name).read_bytes())
        script, css = vis_assets()
        self.write("assets/vis-network.min.js", script)
        self.write("assets/vis-network.css", css)
        self.write("assets/strings.js", f"window.TILTAKSGRAF_STRINGS = {script_json(strings())};\n")
        home = home_data(self.data, self.labels, strings())
        order = list(style()["status_colours"])
        statuses = sorted(
            {v["id"] for f in home["facets"] if f["key"] == "status" for v in f["values"]},
            key=lambda s: (order.index(local_name(s)) if local_name(s) in order else 99, s),
        )
        home["statusOrder"] = statuses
        home["statusColours"] = {s: style()["status_colours"].get(local_name(s), "#999999") for s in statuses}
        self.write("assets/home-data.js", f"window.TILTAKSGRAF_HOME = {script_json(home)};\n")

    def home(self) -> None:
        d = self.data
        cards = [
            (k, p)
            for k, p in (
                ("plan-action", d.plan_of_kind("ActionPlan")),
                ("plan-report", d.plan_of_kind("FinalReport")),
                ("plan-successor", d.plan_of_kind("EscalationPlan")),
            )
            if p
        ]
        named = {a.agent for m in d.measures.values() for a in m.associations} | {
            o for m in d.measures.values() for o in m.mentions
        }
        counts = [
            ("count-measures", len(d.numbered()), "index.html#browse"),
            ("count-submeasures", len(d.measures) - len(d.numbered()), None),
            ("count-focus-areas", len(d.focus_areas), None),
            ("count-organisations", len(named & set(d.organisations)), "organisations.html"),
            ("count-programmes", len(named & set(d.programmes)), "organisations.html#programmes"),
            ("count-documents", len(d.documents), "documents.html"),
            ("count-continued", sum(1 for m in d.numbered() if m.continuations), "continuation.html"),
            ("count-findings", len(d.findings), "findings.html"),
        ]
        self.page("home.html", "index.html", "Frihet fra vold", plan_cards=cards, counts=counts)

    def measures(self) -> None:
        for m in self.data.measures.values():
            model = pages.measure_page(self.data, m, self.networks)
            network = _network_json(model.pop("ego"), page_path(m.iri))
            self.resource_page("measure.html", m.iri, f"Tiltak {m.number}: {m.title}", network=network, **model)

    def organisations(self) -> None:
        d = self.data
        for iri, org in d.organisations.items():
            model = pages.organisation_page(d, iri, self.networks)
            network = _network_json(model.pop("ego"), page_path(iri))
            self.resource_page("organisation.html", iri, org.names.get("nb", org.label), network=network, **model)
        for iri, p in d.programmes.items():
            self.resource_page(
                "programme.html", iri, p.name, programme=p, measures_naming=pages.programme_measures(d, iri)
            )
        programmes = sorted(d.programmes.values(), key=lambda p: p.name.casefold())
        self.page(
            "organisations.html",
            "organisations.html",
            "Organisasjoner",
            groups=pages.organisation_index(d),
            programmes=programmes,
        )

    def documents(self) -> None:
        d = self.data
        for iri, doc in d.documents.items():
            title = doc.label()["nb"]
            self.resource_page("document.html", iri, title, **pages.document_page(d, doc))
        kinds = pages.document_kinds(d)
        self.page("documents.html", "documents.html", "Dokumenter", kinds=kinds, total=len(d.documents))
        for note in d.footnotes:
            if note.measure in d.measures:
                self.locate(note.iri, page_path(note.measure), "footnote")

    def vocabulary(self) -> None:
        d = self.data
        uses = vocab_pages.concept_uses(d)
        facets = vocab_pages.concept_facets(d)
        for iri in self.other_concepts:
            model = vocab_pages.concept_page(d, iri, uses, facets)
            self.resource_page("concept.html", iri, self.labels(iri).get("nb", local_name(iri)), **model)
        for iri in d.scheme_labels:
            model = vocab_pages.scheme_page(d, iri, uses)
            self.resource_page("scheme.html", iri, self.labels(iri).get("nb", local_name(iri)), **model)
        self.resource_page("ontology.html", ONTOLOGY, "Ontologien", **vocab_pages.ontology_page(d))
        schemes = [(s, len(d.schemes.get(s, []))) for s in sorted(d.scheme_labels, key=local_name)]
        self.page(
            "vocabulary.html",
            "vocabulary.html",
            "Begreper",
            schemes=schemes,
            ontology=ONTOLOGY,
            ontology_terms=len(d.terms),
        )

    def plans_and_areas(self) -> None:
        d = self.data
        area_counts = Counter(m.focus_area for m in d.numbered())
        for iri in d.focus_areas:
            model = pages.focus_area_page(d, iri)
            self.resource_page("focus-area.html", iri, f"{model['area'].number}: {model['area'].name}", **model)
        for iri, plan in d.plans.items():
            model = pages.plan_page(d, iri)
            for c in model["commitments"]:
                self.locate(c.iri, page_path(iri), "commitment")
            report_findings = [f for f in d.findings if f.subject == iri]
            self.resource_page(
                "plan.html", iri, plan.title, area_counts=area_counts, report_findings=report_findings, **model
            )

    def findings(self) -> None:
        d = self.data
        kinds = pages.finding_kinds(d)
        for kind, _ in kinds:
            found = [f for f in d.findings if f.kind == kind]
            self.resource_page("finding-kind.html", kind, local_name(kind), kind=kind, findings=found)
            for f in found:
                self.locate(f.iri, page_path(kind), "finding")
        self.page("findings.html", "findings.html", "Funn", kinds=kinds)

    def continuation(self) -> None:
        d = self.data
        by_number = {m.number: m for m in d.measures.values()}
        concepts = d.by_notation
        rows = []
        for row in d.continuation_table.rows:
            r = dict(zip(d.continuation_table.columns, row, strict=True))
            m = by_number.get(r["measure"])
            rows.append(
                {
                    **r,
                    "iri": m.iri if m else "",
                    "status_iri": concepts.get(("status", r["status"]), ""),
                    "relation_iri": concepts.get(("continuation", r["relation"]), ""),
                }
            )
        self.page("continuation.html", "continuation.html", "Videreføring", table=rows, loose_ends=pages.loose_ends(d))

    def query_page(self) -> None:
        """The query page: YASGUI from the site's own folder, every named query an example."""
        for name in YASGUI_FILES:
            content = (YASGUI / name).read_bytes()
            # the source map is not shipped: without the comment no browser asks for it
            self.write(f"yasgui/{name}", _SOURCE_MAP.sub(b"\n", content) if name.endswith(".js") else content)
        data = {
            "endpoint": ENDPOINT,
            "defaultEndpoint": DEFAULT_ENDPOINT,
            "prefixes": prefixes(),
            "examples": examples(self.store),
            "first": "measures",
        }
        self.write("assets/query-data.js", f"window.TILTAKSGRAF_QUERIES = {script_json(data)};\n")
        self.page("query.html", "query.html", "SPARQL", examples=data["examples"], yasgui_version=YASGUI_VERSION)

    def timeline(self) -> None:
        self.page("timeline.html", "timeline.html", "Tidslinje", **pages.timeline_page(self.data))

    def run(self) -> None:
        steps = [
            ("assets and the home page", lambda: (self.assets(), self.home())),
            (f"{len(self.data.measures)} measure pages", self.measures),
            (
                f"{len(self.data.organisations)} organisation and {len(self.data.programmes)} programme pages",
                self.organisations,
            ),
            (f"{len(self.data.documents)} document pages", self.documents),
            ("focus areas, plans and findings", lambda: (self.plans_and_areas(), self.findings())),
            ("continuation table and timeline", lambda: (self.continuation(), self.timeline())),
            (
                f"{len(self.other_concepts)} concept, {len(self.data.scheme_labels)} scheme and ontology pages",
                self.vocabulary,
            ),
            ("the query page", self.query_page),
        ]
        for what, step in steps:
            self.progress(f"  {what}")
            step()
        self.write(LOCATIONS, json.dumps(dict(sorted(self.locations.items())), indent=0, ensure_ascii=False) + "\n")
        self.write(MARKER, "Written by `tiltaksgraf site`; the next run replaces this folder as a whole.\n")


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise SiteError(f"{target} is a file; give a folder for the site (-o DIR)")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise SiteError(
            f"{target} holds files this command did not write; give an empty or new folder, or remove it first"
        )


def _swap(fresh: Path, target: Path) -> None:
    """Put ``fresh`` where ``target`` is; the old site is removed only once the new one is in place."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, old / target.name)
    try:
        os.replace(fresh, target)
    except BaseException:
        if old is not None:
            os.replace(old / target.name, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def write_site(store: ox.Store, target: Path, progress: Callable[[str], None] = lambda _: None) -> SiteSummary:
    """Write the site of the graph in ``store`` to the folder ``target``, whole or not at all."""
    started = time.perf_counter()
    target = target.resolve()
    _check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        progress("reading the graph (queries/site/*.rq)")
        writer = _SiteWriter(store, fresh, progress)
        writer.run()
        files, size = _size(fresh)
        os.chmod(fresh, 0o755)
        _swap(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return SiteSummary(target, writer.pages, files, size, time.perf_counter() - started)
