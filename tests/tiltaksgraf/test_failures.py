"""One place turns every failure into an exit code and a line (issue 10, findings 7, 9, 13): 2 for bad input of
any kind, never a traceback; 3 for a bug, said as one; a traceback only with --debug."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI
from tiltaksgraf.cli import main
from tiltaksgraf.cli.failures import exit_code_and_message


def one_line(capsys) -> str:
    """The one error line on stderr (progress lines before it are fine), and no traceback."""
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("tiltaksgraf ")]
    assert len(errors) == 1 and "Traceback" not in err, err
    return errors[0]


@pytest.fixture
def blocker(tmp_path: Path) -> Path:
    """A file where a folder is expected: nothing can be written under it."""
    path = tmp_path / "file"
    path.write_text("not a folder")
    return path


@pytest.fixture(scope="module")
def mini_graph(tmp_path_factory) -> Path:
    from tiltaksgraf.graph.build import build_graph, write_outputs

    return write_outputs(build_graph([MINI]), tmp_path_factory.mktemp("mini"))["turtle"]


def test_unwritable_output_paths_are_exit_2(mini_graph, blocker, capsys):
    graph_file = mini_graph
    for argv in (
        ["build", str(MINI), "-o", str(blocker / "out"), "-q"],
        ["validate", str(graph_file), "-o", str(blocker / "report.txt")],
        ["quality", str(MINI), "-o", str(blocker / "q.md")],
        ["viz", "ministries", "--graph", str(graph_file), "-o", str(blocker / "m.html")],
        ["network", "ministries", "--graph", str(graph_file), "--export", "csv", "-o", str(blocker / "n")],
    ):
        assert main(argv) == 2, argv
        assert str(blocker) in one_line(capsys)


def test_validate_of_an_empty_graph_is_not_conforming_but_bad_input(tmp_path, capsys):
    (tmp_path / "empty.ttl").write_text("@prefix x: <http://x/> .\n")
    assert main(["validate", str(tmp_path / "empty.ttl")]) == 2
    assert "holds no triples" in one_line(capsys)


def test_a_query_file_that_is_not_utf8_is_exit_2(graph_file, tmp_path, capsys):
    (tmp_path / "q.rq").write_bytes(b"# title: caf\xe9\nSELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert main(["query", "--file", str(tmp_path / "q.rq"), "--graph", str(graph_file)]) == 2
    assert f"{tmp_path / 'q.rq'}:1: is not UTF-8 text" in one_line(capsys)


@pytest.mark.parametrize("number", ["²", "4" * 5000])
def test_numbers_in_the_source_are_a_graph_or_exit_2(tmp_path, number, capsys):
    text = MINI.read_text(encoding="utf-8").replace("| 3 | Evaluere", f"| {number} | Evaluere", 1)
    (tmp_path / "n.md").write_text(text, encoding="utf-8")
    assert main(["build", str(tmp_path / "n.md"), "-o", str(tmp_path / "out"), "-q"]) == 2
    assert f"{tmp_path / 'n.md'}:" in one_line(capsys)  # measure 3 has no row now: said with its line


def test_a_bug_is_exit_3_and_says_so_and_debug_shows_the_traceback(monkeypatch, capsys):
    from tiltaksgraf.cli.commands import quality

    def broken(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(quality, "run", broken)
    assert main(["quality"]) == 3
    assert "internal error (ZeroDivisionError: division by zero); this is a bug" in one_line(capsys)
    with pytest.raises(ZeroDivisionError):
        main(["--debug", "quality"])
    with pytest.raises(ZeroDivisionError):
        main(["quality", "--debug"])


def test_every_kind_of_os_error_names_its_file():
    code, message = exit_code_and_message(PermissionError(13, "Permission denied", "/root/x"))
    assert (code, message) == (2, "/root/x: permission denied (check the permissions, or write somewhere else with -o)")
    assert exit_code_and_message(OSError(28, "No space left on device", "b/g.nt"))[1].startswith("b/g.nt: no space")


# --- finding 9: a full disk leaves the previous build whole --------------------------------------------------


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_write_that_fails_half_way_leaves_both_files_of_the_previous_build(tmp_path):
    out = tmp_path / "build"
    assert main(["build", str(MINI), "-o", str(out), "-q"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    sizes = sorted(len(b) for b in before.values())
    # A limit between the sizes of the two graph files: the smaller is written, the larger fails part-way.
    limit = (sizes[-1] + sizes[-2]) // 2
    other = MINI.read_text(encoding="utf-8").replace("Et forum skal opprettes.", "Et nytt forum skal opprettes.")
    (tmp_path / "other.md").write_text(other, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tiltaksgraf.cli", "build", str(tmp_path / "other.md"), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size(limit),
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    assert "file too large; the previous files are unchanged" in done.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # both files, as they were; no temporary left


def test_output_files_get_the_mode_the_umask_gives(tmp_path):
    old = os.umask(0o027)
    try:
        assert main(["build", str(MINI), "-o", str(tmp_path / "out"), "-q"]) == 0
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "out").iterdir()}
    assert set(modes.values()) == {0o640}, modes
