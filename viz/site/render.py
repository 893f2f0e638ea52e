"""Render the site's pages with the jinja2 templates of ``viz/templates/site/``, in Bokmål and English at once.

Every string of the interface (``strings.toml``) and every label of the graph is written in both languages,
each in its own ``<span class="l-nb">`` / ``<span class="l-en">``; the stylesheet shows one, and the
language switch (remembered in ``localStorage``) flips an attribute on ``<html>``. So the pages need no
server and switch language from ``file://``. Links are relative; a link is only written to a page the site
holds, so no link is broken.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from tiltaksgraf.graph.site.labels import Label, Labels, in_language, local_name
from tiltaksgraf.graph.site.records import Quote
from tiltaksgraf.graph.site.urls import page_path, relative

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "site"
STRINGS_FILE = TEMPLATES / "strings.toml"
LANGUAGES = ("nb", "en")


@cache
def strings() -> dict[str, dict[str, str]]:
    """The interface strings: key → {"nb": …, "en": …}."""
    return tomllib.loads(STRINGS_FILE.read_text(encoding="utf-8"))


def bilingual(label: Label) -> Markup:
    """A label as HTML in both languages (one span each, or plain text where the two are the same)."""
    nb, en = in_language(label, "nb"), in_language(label, "en")
    if nb == en:
        return escape(nb)
    return Markup(f'<span class="l-nb" lang="nb">{escape(nb)}</span><span class="l-en" lang="en">{escape(en)}</span>')


def quoted(text: str) -> str:
    """A sentence in «», unless it is already.

    >>> quoted("Det ble gjort."), quoted("«Regjeringen vil …»")
    ('«Det ble gjort.»', '«Regjeringen vil …»')
    """
    return text if text.startswith("«") and text.endswith("»") else f"«{text}»"


def said(quote: Quote) -> Markup:
    """A quoted sentence with its lines: «…» (line 557)."""
    if not quote.text:
        return Markup("")
    lines = strings()["lines"]
    where = Markup(' <span class="lines">({} {})</span>').format(bilingual(lines), quote.lines) if quote.lines else ""
    return escape(quoted(quote.text)) + where


def script_json(value: Any) -> Markup:
    """JSON safe inside a ``<script>`` element."""
    return Markup(json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"))


class Renderer:
    """Renders pages; knows which IRIs have a page, so it links only to those."""

    def __init__(self, labels: Labels, pages: set[str]) -> None:
        self.labels = labels
        self.pages = pages
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=jinja2.select_autoescape(["html"]),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            t=self.t,
            text=self.text,
            bilingual=bilingual,
            label=lambda iri: bilingual(self.labels(iri)),
            short=lambda iri: bilingual(self.labels.short(iri)),
            plain=lambda iri, lang="nb": in_language(self.labels(iri), lang),
            definition=lambda iri: bilingual(self.labels.definition(iri)) if self.labels.definition(iri) else "",
            local_name=local_name,
            has_page=lambda iri: iri in self.pages,
            script_json=script_json,
            said=said,
        )
        self.env.filters["quoted"] = quoted

    def t(self, key: str) -> Markup:
        """An interface string in both languages."""
        return bilingual(strings()[key])

    def text(self, key: str, lang: str = "nb") -> str:
        """An interface string in one language (for attributes and titles)."""
        return strings()[key][lang]

    def render(self, template: str, path: str, **context: Any) -> str:
        """The page at site path ``path`` rendered from ``template``."""

        def url(target: str) -> str:
            return relative(path, target)

        def link(iri: str, text: Markup | str | None = None, short: bool = False) -> Markup:
            shown = text if text is not None else bilingual(self.labels.short(iri) if short else self.labels(iri))
            if iri not in self.pages:
                return escape(shown)
            return Markup(f'<a href="{escape(url(page_path(iri)))}">{escape(shown)}</a>')

        def filtered(facet: str, value: str) -> str:
            """The home page with one facet value chosen."""
            return url(f"index.html#{facet}={local_name(value)}")

        return self.env.get_template(template).render(
            page=path,
            url=url,
            href=lambda iri: url(page_path(iri)),
            link=link,
            filtered=filtered,
            asset=lambda name: url(f"assets/{name}"),
            **context,
        )
