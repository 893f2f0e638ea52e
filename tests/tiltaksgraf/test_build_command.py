"""`tiltaksgraf build`: bad input gets a clear error naming file and line, exit 2, and nothing is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import MINI
from tiltaksgraf.cli import main

MINI_TEXT = MINI.read_text(encoding="utf-8")


def build(tmp_path: Path, *sources: Path, capsys=None) -> tuple[int, str]:
    code = main(["build", *map(str, sources), "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err if capsys else ""
    return code, err


def write(tmp_path: Path, text: str | bytes, name: str = "report.md") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_build_writes_turtle_and_sorted_ntriples(tmp_path, capsys):
    code, _ = build(tmp_path, MINI, capsys=capsys)
    assert code == 0
    nt = (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert nt == sorted(nt) and len(nt) > 500
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")


def test_two_builds_are_byte_identical(tmp_path):
    assert main(["build", str(MINI), "-o", str(tmp_path / "a"), "-q"]) == 0
    assert main(["build", str(MINI), "-o", str(tmp_path / "b"), "-q"]) == 0
    for name in ("graph.ttl", "graph.nt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda t: "", "report.md:1: the file is empty"),
        (lambda t: "   \n\n", "report.md:1: the file is empty"),
        (lambda t: t.split("Oversikt over")[0], "report.md:"),  # no measures, no successor plan
        (lambda t: t.replace("Tiltak 4: Vurdere en ny lov", "Tiltak 3: Vurdere en ny lov"), "measure 3 appears twice"),
        (lambda t: t.replace("b) Utrede en ordning", "a) Utrede en ordning"), "measure 2 has two sub-measures a)"),
        (lambda t: t.replace("² Hansen", "¹ Hansen"), "footnote 1 appears twice (first at line 36)"),
        (
            lambda t: t.replace("Innsatsområde 2: Beskyttelse", "Innsatsområde 1: Beskyttelse"),
            "focus area 1 appears twice",
        ),
        (
            lambda t: t.replace("Status:\n\nDette punktet utgår.", "Dette punktet utgår."),
            "measure 4 has no «Status:» line",
        ),
        (lambda t: t.replace("«Frihet fra vold»", "Frihet fra vold"), "no title page"),
    ],
)
def test_bad_input_is_a_clear_error_with_exit_2(tmp_path, capsys, mutate, message):
    source = write(tmp_path, mutate(MINI_TEXT))
    code, err = build(tmp_path, source, capsys=capsys)
    assert code == 2
    assert message in err and err.startswith("tiltaksgraf build: error: ")
    assert not (tmp_path / "out").exists()


def test_errors_name_the_line(tmp_path, capsys):
    text = MINI_TEXT.replace("Tiltak 4: Vurdere en ny lov", "Tiltak 3: Vurdere en ny lov")
    line = (
        text.split("\n").index(
            "Tiltak 3: Vurdere en ny lov", text.split("\n").index("Tiltak 3: Evaluere ordningen med omvendt voldsalarm")
        )
        + 1
    )
    _, err = build(tmp_path, write(tmp_path, text), capsys=capsys)
    assert f"report.md:{line}: measure 3 appears twice" in err


def test_text_with_no_measures(tmp_path, capsys):
    head, _, _ = MINI_TEXT.partition("Innsatsområde 1")
    _, err = build(tmp_path, write(tmp_path, head), capsys=capsys)
    assert "no measures found" in err and "Tiltak N: title" in err


def test_missing_file_folder_and_non_utf8(tmp_path, capsys):
    assert build(tmp_path, tmp_path / "nope.md", capsys=capsys)[1].endswith(
        "nope.md: no such file (check the path, or run without SOURCE for the embedded report)\n"
    )
    assert "is a folder" in build(tmp_path, tmp_path, capsys=capsys)[1]
    code, err = build(tmp_path, write(tmp_path, b"Linje en\nLinje \xff to\n"), capsys=capsys)
    assert code == 2 and "report.md:2: is not UTF-8 text" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path, capsys):
    source = write(tmp_path, MINI_TEXT)
    source.chmod(0)
    assert "permission denied" in build(tmp_path, source, capsys=capsys)[1]


def test_a_failed_build_leaves_the_previous_output_untouched(tmp_path, capsys):
    assert build(tmp_path, MINI)[0] == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    code, _ = build(tmp_path, write(tmp_path, ""), capsys=capsys)
    assert code == 2
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before


def test_the_summary_lists_counts_and_disagreements(tmp_path, capsys):
    assert main(["build", str(MINI), "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "measures: 5" in out
    assert "measure    4 (lines 76-82): responsibility-missing-body-line" in out
    assert "measure    1 (lines 26-36): responsibility-differs: overview JD, BFD; body JD" in out
