"""`tiltaksgraf network` and `tiltaksgraf viz` from the shell: outputs, exports, charts, one-line errors."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from tiltaksgraf.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_edges_as_csv(graph_file, capsys):
    code, out, _ = run(capsys, "network", "ministries", "--graph", str(graph_file), "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 28  # 8 ministries, each pair shares a measure
    jd_bfd = next(r for r in rows if {r["source"], r["target"]} == {"JD", "BFD"})
    assert jd_bfd["weight"] == "25" and jd_bfd["measures"].startswith("10,13,15,")


def test_metrics_as_json(graph_file, capsys):
    code, out, _ = run(capsys, "network", "ministries", "--metrics", "-f", "json", "--graph", str(graph_file))
    doc = json.loads(out)
    assert code == 0 and doc["network"]["nodes"] == 8 and doc["network"]["density"] == 1.0
    first = doc["nodes"][0]
    assert set(first) >= {"id", "label", "name", "type", "degree", "weighted_degree", "betweenness", "pagerank"}
    assert [n["pagerank"] for n in doc["nodes"]] == sorted((n["pagerank"] for n in doc["nodes"]), reverse=True)


def test_metrics_table_has_the_summary(graph_file, capsys):
    code, out, _ = run(capsys, "network", "cross-references", "--metrics", "--graph", str(graph_file))
    assert code == 0 and "nodes: 82   edges: 15" in out and "isolates: 60" in out and "in_degree" in out
    code, out, _ = run(
        capsys, "network", "cross-references", "--drop-isolates", "-f", "json", "--graph", str(graph_file)
    )
    assert json.loads(out)["network"]["nodes"] == 22


def test_export_graphml_with_metrics(graph_file, tmp_path, capsys):
    path = tmp_path / "ego.graphml"
    code, out, err = run(
        capsys, "network", "ego", "HOD", "--export", "graphml", "-o", str(path), "--graph", str(graph_file)
    )
    assert code == 0 and out == "" and f"written: {path}" in err
    g = nx.read_graphml(path)
    hod = "https://w3id.org/tiltaksgraf/id/org/hod"
    assert g.nodes[hod]["label"] == "HOD" and "pagerank" in g.nodes[hod]


def test_export_csv_pair(graph_file, tmp_path, capsys):
    code, *_ = run(
        capsys, "network", "bipartite", "--export", "csv", "-o", str(tmp_path / "b"), "--graph", str(graph_file)
    )
    assert code == 0 and (tmp_path / "b-nodes.csv").exists() and (tmp_path / "b-edges.csv").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["network", "ego"], "the ego network needs an organisation"),
        (["network", "ego", "Nowhere"], "no organisation 'Nowhere'"),
        (["network", "ministries", "JD"], "only the ego network takes an organisation"),
        (["network", "organisations", "--status", "done"], "--status 'done' is not known"),
        (["network", "ministries", "--role", "executing"], "leave out --role and --org-type"),
        (["network", "ministries", "--source", "overview,body"], "takes one --source"),
        (["network", "ministries", "--source", "table"], "takes --source overview, body or any"),
        (["network", "cross-references", "--role", "responsible"], "the cross-references network is of measures"),
        (["viz", "ministries", "-o", "x.png"], "a network is drawn as .html"),
        (["viz", "status", "-o", "x.html"], "status charts are written as .png or .svg"),
    ],
)
def test_errors_are_one_line_with_exit_2(graph_file, tmp_path, capsys, argv, message):
    code, out, err = run(capsys, *argv, "--graph", str(graph_file))
    assert code == 2 and out == ""
    assert message in err and len([line for line in err.splitlines() if "error" in line]) == 1
    assert list(tmp_path.iterdir()) == []


def test_viz_writes_html(graph_file, tmp_path, capsys):
    path = tmp_path / "m.html"
    code, _, err = run(
        capsys, "viz", "ministries", "-o", str(path), "--size-by", "betweenness", "--graph", str(graph_file)
    )
    assert code == 0 and "8 nodes, 28 edges" in err
    assert "Co-responsibility of ministries" in path.read_text(encoding="utf-8")


def test_viz_status_png_and_reproducible_svg(graph_file, tmp_path, capsys):
    png, svg, again = tmp_path / "s.png", tmp_path / "s.svg", tmp_path / "t.svg"
    for path in (png, svg, again):
        assert run(capsys, "viz", "status", "-o", str(path), "--graph", str(graph_file))[0] == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    assert "Status by focus area" in text and "Status by responsible ministry" in text
    assert svg.read_bytes() == again.read_bytes()
