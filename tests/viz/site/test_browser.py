"""The site in a real headless Chromium with every network request refused: the facets filter and their
counts follow, the search finds a measure by a word of its status text (æ, ø, å and without them), a
measure page marks its deciding sentence, the ego network is drawn, the language switches and stays."""

from __future__ import annotations

import re

import pytest
from tiltaksgraf.graph.networks.data import measure_key
from tiltaksgraf.graph.site.data import load_site_data
from tiltaksgraf.graph.site.networks import SiteNetworks

from tests.viz.test_browser import assert_offline_and_clean, drawn_pixels

M = "https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/"
WORD = re.compile(r"[^\W_]+")


@pytest.fixture(scope="module")
def data(store):
    return load_site_data(store)


def facet_counts(page, facet: str) -> dict[str, int]:
    return page.evaluate(
        """(facet) => Object.fromEntries(Array.from(
             document.querySelectorAll(`fieldset[data-facet="${facet}"] label`)).map(
               l => [l.querySelector('input').dataset.value, Number(l.querySelector('.count').textContent)]))""",
        facet,
    )


def shown_measures(page) -> list[str]:
    return page.eval_on_selector_all("#results li.result", "items => items.map(li => li.dataset.measure)")


def test_the_facets_filter_and_their_counts_follow(site, visit, data):
    v = visit(site / "index.html")
    assert_offline_and_clean(v)
    assert len(shown_measures(v.page)) == 82
    before = facet_counts(v.page, "focus_area")
    assert sum(before.values()) == 82
    statuses = facet_counts(v.page, "status")
    not_started = next(s for s in statuses if s.endswith("/not_started"))
    expected = sorted((m.number for m in data.numbered() if m.status.value == not_started), key=int)

    v.page.check(f'fieldset[data-facet="status"] input[data-value="{not_started}"]')
    assert shown_measures(v.page) == expected
    after = facet_counts(v.page, "focus_area")
    assert sum(after.values()) == len(expected) and after != before  # the other facets count what is left
    assert facet_counts(v.page, "status") == statuses  # a facet's own counts ignore its own choice
    assert "status=not_started" in v.page.evaluate("location.hash")
    # a second facet narrows further: to the measures of one of the ministries responsible for what is left
    ministry, n = min(facet_counts(v.page, "ministry").items(), key=lambda kv: (kv[1], kv[0]))
    v.page.check(f'fieldset[data-facet="ministry"] input[data-value="{ministry}"]')
    both = [
        x
        for x in expected
        if any(
            a.agent == ministry and a.responsibility
            for p in [data.measures[M + x], *(data.measures[q] for q in data.measures[M + x].parts)]
            for a in p.associations
        )
    ]
    assert shown_measures(v.page) == both and len(both) == n < len(expected)
    v.page.click("#clear")
    assert len(shown_measures(v.page)) == 82
    assert_offline_and_clean(v)


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def status_word(data) -> tuple[str, str]:
    """A word with æ, ø or å that stands in one measure's status text and begins no word of any other measure
    (the search matches the start of words): the measure's number and the word."""
    texts = {}
    for m in data.numbered():
        parts = [m, *(data.measures[p] for p in m.parts)]
        texts[m.number] = set().union(
            *(_words(f"{p.title} {p.body_title} {p.description} {p.status_text}") for p in parts)
        )
    for m in data.numbered():
        for word in sorted(w for w in _words(m.status_text) if re.search("[æøå]", w) and len(w) >= 7):
            holders = {n for n, words in texts.items() if any(x.startswith(word) for x in words)}
            if holders == {m.number}:
                return m.number, word
    raise AssertionError("no status word with æ, ø or å is unique to one measure")


def test_the_search_finds_a_measure_by_a_word_of_its_status_text(site, visit, data):
    number, word = status_word(data)
    v = visit(site / "index.html")
    for typed in (word, word.upper(), word.replace("æ", "ae").replace("ø", "o").replace("å", "a")):
        v.page.fill("#search", typed)
        v.page.wait_for_function("n => document.querySelectorAll('#results li.result').length === n", arg=1)
        assert shown_measures(v.page) == [number], typed
        assert v.page.inner_text("#results li.result .hit mark").lower() == word
    v.page.fill("#search", word + "xyz")
    v.page.wait_for_function("() => document.querySelectorAll('#results li.result').length === 0")
    assert_offline_and_clean(v)


def test_a_measure_page_marks_the_deciding_sentence_in_its_own_text(site, visit, data):
    m = data.measures[M + "19"]
    v = visit(site / "id/measure/frihet-fra-vold/19.html")
    assert_offline_and_clean(v)
    marked = v.page.eval_on_selector_all(".report-text mark.mark-status", "ms => ms.map(m => m.textContent).join('')")
    assert marked == m.status.quote.text
    assert v.page.locator(".report-text #mark-status").count() == 1
    background = v.page.eval_on_selector(".report-text mark.mark-status", "m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    v.page.click("a.mark-status")
    assert v.page.evaluate("location.hash") == "#mark-status"
    assert v.page.locator(".report-text mark.mark-continuation").count() >= 1


@pytest.mark.parametrize(
    "page, ego",
    [
        ("id/measure/frihet-fra-vold/19.html", M + "19"),
        ("id/org/nkvts.html", "https://w3id.org/tiltaksgraf/id/org/nkvts"),
    ],
)
def test_the_ego_network_is_drawn(site, visit, store, page, ego):
    networks = SiteNetworks(store)
    g = networks.measure_ego(ego) if "/measure/" in ego else networks.organisation_ego(ego)
    v = visit(site / page)
    assert_offline_and_clean(v)
    assert v.page.evaluate("tiltaksgraf.network.body.data.nodes.length") == g.number_of_nodes()
    assert v.page.evaluate("tiltaksgraf.network.body.data.edges.length") == g.number_of_edges()
    assert v.page.evaluate("tiltaksgraf.network.physics.physicsEnabled") is False
    assert drawn_pixels(v.page) > 2000


def test_the_language_switches_and_is_remembered(site, visit):
    v = visit(site / "index.html")
    try:
        assert v.page.inner_text("main h1") == "Tiltakene i handlingsplanen"
        v.page.click("#lang-switch")
        assert v.page.inner_text("main h1") == "The measures of the action plan"
        assert v.page.get_attribute("#search", "placeholder").startswith("Search titles")
        assert v.page.inner_text("#result-count") == "82 of 82 measures"
        assert v.page.inner_text('fieldset[data-facet="status"] legend') == "Status"
        completed = v.page.locator('fieldset[data-facet="status"] label', has_text="completed")
        assert completed.count() == 1  # labels from the status scheme, in English
        other = visit(site / "id/measure/frihet-fra-vold/19.html")  # another page, from file:// too
        assert other.page.evaluate("document.documentElement.lang") == "en"
        assert "Home" in other.page.inner_text("header nav")
        assert "Responsible ministries" in other.page.inner_text("dl.facts")
        other.page.click("#lang-switch")
        assert "Forside" in other.page.inner_text("header nav")
        assert_offline_and_clean(v)
        assert_offline_and_clean(other)
    finally:
        v.page.evaluate("localStorage.setItem('tiltaksgraf.lang', 'nb')")


def test_the_continuation_table_prints_without_the_site_around_it(site, visit, data):
    v = visit(site / "continuation.html")
    rows = v.page.locator("#continuation-table tbody tr").count()
    assert rows == len(data.continuation_table.rows)
    v.page.emulate_media(media="print")
    assert v.page.eval_on_selector("header.top", "h => getComputedStyle(h).display") == "none"
    assert v.page.eval_on_selector("#continuation-table", "t => getComputedStyle(t).display") == "table"
    pdf = v.page.pdf(format="A4", landscape=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_the_timeline_can_hide_what_is_only_planned(site, visit):
    v = visit(site / "timeline.html")
    everything = v.page.locator("li.event:visible").count()
    v.page.uncheck("#show-planned")
    done = v.page.locator("li.event:visible").count()
    assert 0 < done < everything == v.page.locator("li.event").count()
    assert_offline_and_clean(v)


def test_a_contested_status_shows_every_reading_with_the_chosen_one_highlighted(site, visit, data):
    m = data.measures[M + "28"]
    v = visit(site / "id/measure/frihet-fra-vold/28.html")
    assert v.page.locator("dd .badge.contested").is_visible()
    rows = v.page.locator("table.readings tbody tr")
    assert rows.count() == len(m.status.readings) == 4
    chosen = v.page.locator("table.readings tr.chosen")
    assert chosen.count() == 1 and m.status.quote.text in chosen.inner_text()
    background = chosen.locator("td >> nth=2").evaluate("td => getComputedStyle(td).backgroundColor")
    other = v.page.locator("table.readings tr.other td >> nth=2").evaluate("td => getComputedStyle(td).backgroundColor")
    assert background != other
    # the other readings' sentences are marked in the text, apart from the deciding one
    assert v.page.locator(".report-text mark.mark-reading").count() >= 1
    assert_offline_and_clean(v)


def test_a_document_page_lists_every_measure_that_names_it_and_how(site, visit, data):
    doc = data.documents["https://w3id.org/tiltaksgraf/id/document/nou-2020-17"]
    v = visit(site / "id/document/nou-2020-17.html")
    assert "NOU 2020: 17" in v.page.inner_text("h1")
    rows = v.page.locator("#named-by tbody tr")
    assert rows.count() == len(doc.mentions)
    linked = v.page.eval_on_selector_all("#named-by tbody td:first-child a", "as => as.map(a => a.textContent)")
    assert linked == sorted({data.measures[x.measure].number for x in doc.mentions}, key=measure_key)
    assert "i teksten" in v.page.inner_text("#named-by")  # how: the cited-as scheme's label
    assert_offline_and_clean(v)
