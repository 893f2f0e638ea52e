"""Cleaning lines and splitting sentences."""

from tiltaksgraf.loaders.text import Block, Mark, clean_line, line_block, split_sentences


def test_clean_line_removes_link_residue_and_keeps_link_text():
    assert clean_line("kan lastes ned [her](#).")[0] == "kan lastes ned."
    assert clean_line("Se [Opplæringsprogrammet](http://x%20y) nå")[0] == "Se Opplæringsprogrammet nå"
    assert clean_line("Lenke: <https://www.volinjen.no/>")[0] == "Lenke: https://www.volinjen.no/"


def test_clean_line_removes_emphasis_html_and_escapes():
    assert clean_line("(2024–2028) *Trygghet for alle*")[0] == "(2024–2028) Trygghet for alle"
    assert clean_line("<i>Convention</i> /Konvensjon")[0] == "Convention /Konvensjon"
    assert clean_line(r"Adressesperre \(kode 6 og 7\)")[0] == "Adressesperre (kode 6 og 7)"


def test_clean_line_pulls_out_footnote_marks_with_their_offsets():
    text, marks = clean_line("ble lansert i september 2024.¹³ Neste.")
    assert text == "ble lansert i september 2024. Neste."
    assert marks == [Mark(13, 29)]


def test_sentences_respect_abbreviations_and_initials():
    block = line_block("Se jf. tiltak 4 og Meld. St. 12. Nok. Norge bidro. B.S. Haugsand skrev. FHI. Ferdig.", 1)
    assert [s.text for s in split_sentences(block)] == [
        "Se jf. tiltak 4 og Meld. St. 12.",
        "Nok. Norge bidro.",
        "B.S. Haugsand skrev.",
        "FHI.",
        "Ferdig.",
    ]


def test_sentences_of_a_joined_block_know_their_lines():
    block = line_block("Arbeidet ble gjort i", 10)
    block.join(line_block("2023. Rapporten kom i 2024.", 14))
    first, second = split_sentences(block)
    assert (first.text, first.span.start, first.span.end) == ("Arbeidet ble gjort i 2023.", 10, 14)
    assert (second.span.start, second.span.end) == (14, 14)


def test_block_slice_keeps_lines_and_marks():
    block = Block("abc def.¹ ghi", 5, 6, [(0, 5), (4, 6)], [Mark(1, 8)])
    part = block.slice(4)
    assert (part.text, part.start, part.end, part.marks) == ("def.¹ ghi", 6, 6, [Mark(1, 4)])
