"""The overview table: titles, lettered sub-measures and the three readings of the ministries cell."""

from tiltaksgraf.loaders.overview import parse_overview, split_lettered

HEADER = ["| Nr. | Tiltak | Ansvarlig departement |", "|-----|--|---|"]


def rows(*lines: str):
    return {r.number: r for r in parse_overview([*HEADER, *lines])}


def test_single_reading_keeps_order_and_drops_repeats():
    row = rows("| 10 | Koordinere kampanjer | JD, AID, BFD, JD |")[10]
    assert (row.reading, row.ministries, row.line) == ("single", {"": ["JD", "AID", "BFD"]}, 3)


def test_lettered_cell_gives_ministries_per_sub_measure():
    row = rows("| 34 | Sørge for X gjennom å: <p>a) Gjøre A</p> <p>b) Gjøre B</p> | <p>a) BFD, AID</p> <p>b) JD</p> |")[
        34
    ]
    assert row.reading == "lettered"
    assert row.title == "Sørge for X gjennom å:"
    assert row.subtitles == {"a": "Gjøre A", "b": "Gjøre B"}
    assert row.ministries == {"a": ["BFD", "AID"], "b": ["JD"]}


def test_repeated_lists_without_letters_are_read_one_per_sub_measure():
    row = rows("| 56 | Styrke innsatsen gjennom å: a) En b) To | JD, KDD, LMD JD, KDD, LMD |")[56]
    assert (row.reading, row.ministries) == ("grouped", {"a": ["JD", "KDD", "LMD"], "b": ["JD", "KDD", "LMD"]})


def test_repeated_lists_that_do_not_match_the_letters_are_one_list():
    row = rows("| 7 | Utarbeide strategi | JD, KD JD |")[7]
    assert (row.reading, row.ministries) == ("single", {"": ["JD", "KD"]})


def test_letters_only_count_in_order():
    assert split_lettered("Tekst b) ikke en bokstav a) En b) To") == (
        "Tekst b) ikke en bokstav",
        {"a": "En", "b": "To"},
    )


def test_other_tables_are_ignored():
    assert parse_overview(["| | |", "|--|--|", "| AID | Arbeids- og inkluderingsdepartementet |"]) == []


def test_the_real_overview_has_82_rows(report):
    from tiltaksgraf.paths import DEFAULT_SOURCE

    parsed = parse_overview(DEFAULT_SOURCE.read_text(encoding="utf-8").split("\n"))
    assert [r.number for r in parsed] == list(range(1, 83))
    by_number = {r.number: r for r in parsed}
    assert by_number[37].ministries["c"] == ["JD"]
    assert by_number[56].reading == "grouped"
    assert by_number[27].subtitles["c"].startswith("Utarbeide nasjonale kliniske prosedyrer")
