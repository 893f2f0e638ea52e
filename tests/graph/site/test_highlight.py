"""Quotes marked inside a measure's text: found verbatim or across line breaks, overlapping kinds kept,
quotes not in the text reported; on the report, every status sentence is found in its measure's text."""

from __future__ import annotations

from tiltaksgraf.graph.site.data import load_site_data
from tiltaksgraf.graph.site.highlight import marked_paragraphs
from tiltaksgraf.graph.site.networks import SiteNetworks
from tiltaksgraf.graph.site.pages import measure_page


def test_overlapping_quotes_keep_both_kinds():
    text = "Tiltaket er videreført i planen. Det ble etablert i 2023."
    [para], missing = marked_paragraphs(
        text, {"status": ["Det ble etablert i 2023."], "continuation": ["Tiltaket er videreført i planen. Det ble"]}
    )
    assert [(r.text, r.kinds) for r in para] == [
        ("Tiltaket er videreført i planen. ", ("continuation",)),
        ("Det ble", ("continuation", "status")),
        (" etablert i 2023.", ("status",)),
    ]
    assert para[0].first == ("continuation",) and para[1].first == ("status",)
    twice, _ = marked_paragraphs("Det ble gjort.\n\nDet ble gjort.", {"status": ["Det ble gjort."]})
    assert [(r.kinds, r.first) for p in twice for r in p] == [(("status",), ("status",)), (("status",), ())]
    assert missing == []


def test_a_quote_is_found_across_white_space_and_one_not_in_the_text_is_reported():
    paras, missing = marked_paragraphs(
        "Første avsnitt.\n\nDet ble\n gjort i 2024.", {"status": ["Det ble gjort i 2024.", "Finnes ikke."]}
    )
    assert [r.kinds for r in paras[1]] == [("status",)]
    assert missing == [("status", "Finnes ikke.")]


def test_every_status_sentence_of_the_report_is_marked_in_its_measures_text(store):
    data = load_site_data(store)
    networks = SiteNetworks(store)
    unmarked = []
    for m in data.measures.values():
        if not m.statuses:
            continue
        page = measure_page(data, m, networks)
        marked = " ".join(r.text for p in page["paragraphs"] for r in p if "status" in r.kinds)
        if marked != m.status.quote.text:
            unmarked.append(m.number)
    assert unmarked == []
