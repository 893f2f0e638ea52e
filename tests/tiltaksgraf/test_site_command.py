"""`tiltaksgraf site`: the fixture world's site written whole, replaced whole, never over someone else's files."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiltaksgraf.graph.build import write_outputs
from tiltaksgraf.graph.store import open_store
from tiltaksgraf.viz.site import writer

from tiltaksgraf.cli import main


@pytest.fixture(scope="module")
def mini_graph(mini_world, tmp_path_factory) -> Path:
    return write_outputs(mini_world, tmp_path_factory.mktemp("mini-build"))["turtle"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


def test_writes_the_site_and_replaces_it_whole(mini_graph, tmp_path, capsys):
    out = tmp_path / "site"
    code, stdout, stderr = run(capsys, "site", "-o", str(out), "--graph", str(mini_graph))
    assert code == 0 and stdout == ""
    assert "measure pages" in stderr and f"open {out / 'index.html'}" in stderr
    assert (out / "index.html").is_file() and (out / "id/measure/frihet-fra-vold/2a.html").is_file()
    assert (out / "id/measure/frihet-fra-vold/2a.ttl").is_file()
    (out / "stale.html").write_text("from an earlier run")
    assert run(capsys, "site", "-o", str(out), "--graph", str(mini_graph), "-q") == (0, "", "")
    assert not (out / "stale.html").exists()
    assert leftovers(out) == []


def test_refuses_a_folder_it_did_not_write(mini_graph, tmp_path, capsys):
    (tmp_path / "thesis.tex").write_text("years of work")
    code, _, err = run(capsys, "site", "-o", str(tmp_path), "--graph", str(mini_graph))
    assert code == 2
    assert err.count("\n") == 1 and "holds files this command did not write" in err
    assert (tmp_path / "thesis.tex").read_text() == "years of work"


def test_refuses_a_file_and_a_missing_graph(mini_graph, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    code, _, err = run(capsys, "site", "-o", str(tmp_path / "file"), "--graph", str(mini_graph))
    assert code == 2 and "is a file" in err
    code, _, err = run(capsys, "site", "-o", str(tmp_path / "site"), "--graph", str(tmp_path / "none.ttl"))
    assert code == 2 and "no graph at" in err
    assert not (tmp_path / "site").exists()


def test_a_failure_half_way_leaves_the_previous_site(mini_graph, tmp_path, monkeypatch):
    out = tmp_path / "site"
    writer.write_site(open_store(mini_graph), out)
    before = (out / "index.html").read_text(encoding="utf-8")

    def broken(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer._SiteWriter, "timeline", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        writer.write_site(open_store(mini_graph), out)
    assert (out / "index.html").read_text(encoding="utf-8") == before
    assert leftovers(out) == []


def test_two_runs_write_the_same_bytes(mini_graph, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    writer.write_site(open_store(mini_graph), first)
    writer.write_site(open_store(mini_graph), second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []
