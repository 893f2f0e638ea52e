"""The query page in a real headless Chromium, served by a real `serve` (the front, oxigraph, the site) on a
loopback port, with every request to anywhere else refused: YASGUI loads from the site, runs a named
example and shows its rows, draws them as a chart and as a network, and asks no outside service for
completions. Opened from disk, it loads too and says where queries go."""

from __future__ import annotations

import time

import pytest
from tiltaksgraf.graph.queries import named_queries, run_named

from tests.viz.conftest import Visit, open_visit
from tests.viz.test_browser import assert_offline_and_clean


@pytest.fixture
def visit_served(browser, served_site):
    """Open a page of the served site; every request that is not to the server is refused and recorded."""
    origin = served_site.base_url
    opened = []

    def open_page(path: str) -> Visit:
        v = open_visit(browser, origin + path, origin + "/")
        opened.append(v.page)
        return v

    yield open_page
    for page in opened:
        page.close()


def assert_served_and_clean(v, origin: str) -> None:
    assert v.blocked == [], f"the page tried to fetch: {v.blocked}"
    assert all(u.startswith(origin + "/") for u in v.requests), v.requests
    assert v.errors == []


ACTIVE = ".tabPanel.active"


def test_the_query_page_runs_a_named_example_and_draws_a_chart_and_a_network(visit_served, served_site, store):
    v = visit_served("/query.html")
    page = v.page
    assert page.title() == "SPARQL · tiltaksgraf"
    options = page.eval_on_selector_all("#example option", "os => os.map(o => o.value)")
    assert options == list(named_queries())  # every named query is an example
    assert page.locator("#offline-note").is_hidden()  # served: the endpoint is the server's own

    page.select_option("#example", "co-responsible-ministries")
    assert "Every pair of ministries" in page.inner_text("#example-about")
    query = page.evaluate("tiltaksgraf.yasgui.getTab().getQuery()")
    assert "PREFIX prov: <http://www.w3.org/ns/prov#>" in query  # the project's prefixes, declared
    assert page.evaluate("tiltaksgraf.yasgui.getTab().getEndpoint()") == served_site.query_url
    page.click(f"{ACTIVE} .yasqe_queryButton")
    page.wait_for_selector(f"{ACTIVE} .yasr tbody tr", timeout=30_000)
    expected = run_named(store, "co-responsible-ministries")
    assert page.locator(f"{ACTIVE} .yasr tbody tr").count() == len(expected.rows) == 28
    first = page.inner_text(f"{ACTIVE} .yasr tbody tr >> nth=0")
    assert expected.rows[0][0] in first and expected.rows[0][2] in first

    page.click(f"{ACTIVE} .yasr_btn.select_chart")
    page.wait_for_selector(f"{ACTIVE} .tg-chart-view[data-drawn]")
    assert page.locator(f"{ACTIVE} .tg-chart rect.bar").count() == len(expected.rows)  # a bar piece a row
    height = page.eval_on_selector(f"{ACTIVE} .tg-chart", "s => s.getBoundingClientRect().height")
    assert height > 150

    page.click(f"{ACTIVE} .yasr_btn.select_network")
    page.wait_for_selector(f"{ACTIVE} .tg-network-view[data-drawn]", timeout=30_000)
    ministries = {r[0] for r in expected.rows} | {r[1] for r in expected.rows}
    assert page.evaluate("tiltaksgraf.queryNetwork.body.data.nodes.length") == len(ministries) == 8
    assert page.evaluate("tiltaksgraf.queryNetwork.body.data.edges.length") == len(expected.rows)
    drawn = page.evaluate(
        """() => { const c = document.querySelector('.tabPanel.active .tg-network canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n; }"""
    )
    assert drawn > 2000
    assert_served_and_clean(v, served_site.base_url)


def test_completion_asks_no_outside_service(visit_served, served_site):
    """Typing where YASQE would complete a class (LOV) or a prefix (prefix.cc) fetches nothing."""
    v = visit_served("/query.html")
    autocompleters = v.page.evaluate("Yasgui.Yasqe.defaults.autocompleters")
    assert autocompleters == ["tiltaksgraf-prefixes", "variables"]
    v.page.click(f"{ACTIVE} .CodeMirror")
    v.page.keyboard.press("Control+End")
    v.page.keyboard.type("\nSELECT * WHERE { ?s a tg:Mea")
    v.page.keyboard.press("Control+Space")
    v.page.keyboard.type("\nPREFIX ro")
    time.sleep(1.0)
    hints = v.page.eval_on_selector_all(".CodeMirror-hint", "hs => hs.map(h => h.textContent)")
    assert "role: <https://w3id.org/tiltaksgraf/vocab/role/>" in hints  # the project's own prefixes
    assert_served_and_clean(v, served_site.base_url)


def test_the_query_page_opens_from_disk_and_says_where_queries_go(site, visit):
    v = visit(site / "query.html")
    assert v.page.locator("#offline-note").is_visible()
    assert v.page.evaluate("tiltaksgraf.yasgui.getTab().getEndpoint()") == "http://127.0.0.1:7878/query"
    assert v.page.locator(f"{ACTIVE} .CodeMirror").count() == 1
    assert_offline_and_clean(v)
