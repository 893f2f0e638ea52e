"""Paragraphs rebuilt from the PDF conversion: page breaks joined, footnote lines set apart."""

from tiltaksgraf.loaders.blocks import split_blocks


def lines(text: str) -> list[str]:
    return text.split("\n")


def test_a_paragraph_cut_by_a_page_break_is_joined_across_footnote_lines():
    blocks, notes = split_blocks(
        lines("Funksjoner ble opprettet i de\n\n⁵ Dale (2023). Rapport.\n\nseks siste distriktene.")
    )
    assert [b.text for b in blocks] == ["Funksjoner ble opprettet i de seks siste distriktene."]
    assert (blocks[0].start, blocks[0].end) == (1, 5)
    assert [(n.number, n.line, n.text) for n in notes] == [(5, 3, "Dale (2023). Rapport.")]


def test_a_paragraph_that_ends_a_sentence_is_not_joined():
    blocks, _ = split_blocks(lines("Første avsnitt.\n\nandre avsnitt begynner smått."))
    assert len(blocks) == 2


def test_a_paragraph_continued_by_a_parenthesis_is_joined():
    blocks, _ = split_blocks(lines("NOU 2020: 17 «Varslede drap?»\n\n(Partnerdrapsutvalgets utredning), og mer."))
    assert blocks[0].text == "NOU 2020: 17 «Varslede drap?» (Partnerdrapsutvalgets utredning), og mer."


def test_headings_letters_and_bullets_start_new_blocks():
    text = "Tiltak 6: Styrke arbeidet gjennom å\n\na) videreføre arbeidet\n\n- punkt en\n- punkt to\n\nStatus:"
    blocks, _ = split_blocks(lines(text))
    assert [b.text for b in blocks] == [
        "Tiltak 6: Styrke arbeidet gjennom å",
        "a) videreføre arbeidet",
        "- punkt en",
        "- punkt to",
        "Status:",
    ]


def test_table_rows_are_left_out():
    blocks, _ = split_blocks(lines("| 1 | Tiltak | JD |\n\nTekst."))
    assert [b.text for b in blocks] == ["Tekst."]
