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


def test_export_csv_into_a_new_folder(graph_file, tmp_path, capsys):
    folder = f"{tmp_path}/newdir/"
    code, *_ = run(capsys, "network", "flows", "--export", "csv", "-o", folder, "--graph", str(graph_file))
    assert code == 0 and sorted(p.name for p in (tmp_path / "newdir").iterdir()) == [
        "flows-edges.csv",
        "flows-nodes.csv",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newdir"]  # nothing beside the folder
    edges = list(csv.DictReader((tmp_path / "newdir" / "flows-edges.csv").open(encoding="utf-8")))
    assert edges and all("→" in r["role_pairs"] and r["Type"] == "Directed" for r in edges)


def test_the_suffix_of_o_names_the_format(graph_file, tmp_path, capsys):
    path = tmp_path / "orgs.gexf"
    code, _, err = run(capsys, "network", "organisations", "-o", str(path), "--graph", str(graph_file))
    assert code == 0 and f"written: {path}" in err
    text = path.read_text(encoding="utf-8")
    assert 'xmlns="http://gexf.net/1.3"' in text and "<viz:position " in text and "<viz:color " in text
    assert nx.read_gexf(path, version="1.3").number_of_nodes() > 50


def test_edges_carry_role_pairs_and_titles_in_every_format(graph_file, capsys):
    code, out, _ = run(capsys, "network", "organisations", "-f", "json", "--graph", str(graph_file))
    doc = json.loads(out)
    assert code == 0 and doc["network"]["kind"] == "organisations" and doc["network"]["directed"] is False
    for edge in doc["edges"]:
        assert isinstance(edge["weight"], int) and len(edge["measures"]) == edge["weight"]
        assert edge["role_pairs"] and all("+" in pair and n >= 1 for pair, n in edge["role_pairs"].items())
        assert all(m["number"] and m["title"] for m in edge["measures"])
    assert all(isinstance(n["roles"], dict) for n in doc["nodes"])
    _, out, _ = run(capsys, "network", "organisations", "-f", "csv", "--graph", str(graph_file))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:8] == [
        "source_id",
        "target_id",
        "source",
        "target",
        "weight",
        "role_pairs",
        "measures",
        "titles",
    ]
    assert all(r["role_pairs"] and r["titles"] for r in rows) and len(rows) == len(doc["edges"])
    _, out, _ = run(capsys, "network", "organisations", "--graph", str(graph_file))
    assert "role_pairs" in out.splitlines()[3]  # the table shortens long cells to the terminal's width


def test_co_mention_is_an_option(graph_file, capsys):
    _, default, _ = run(capsys, "network", "organisations", "-f", "json", "--graph", str(graph_file))
    _, co, _ = run(capsys, "network", "organisations", "--co-mention", "-f", "json", "--graph", str(graph_file))
    default, co = json.loads(default)["network"], json.loads(co)["network"]
    assert co["nodes"] > default["nodes"] and co["edges"] > default["edges"] and co["filters"] == "co-mention"
    assert default["title"] == "Collaboration of organisations" and co["title"] == "Co-mention of organisations"


def test_flows_metrics_have_in_and_out_degree(graph_file, capsys):
    code, out, _ = run(capsys, "network", "flows", "--metrics", "-f", "json", "--graph", str(graph_file))
    doc = json.loads(out)
    assert code == 0 and doc["network"]["directed"] is True and doc["network"]["title"].startswith("Who asks whom")
    node = next(n for n in doc["nodes"] if n["out_degree"] > 0)
    assert {"in_degree", "out_degree", "weighted_in_degree", "weighted_out_degree"} <= set(node)
    assert sum(n["out_degree"] for n in doc["nodes"]) == sum(n["in_degree"] for n in doc["nodes"]) == len(doc["edges"])
    assert sum(n["weighted_out_degree"] for n in doc["nodes"]) == sum(e["weight"] for e in doc["edges"])


def test_communities_say_who_is_in_them(graph_file, capsys):
    code, out, _ = run(capsys, "network", "organisations", "--communities", "-f", "csv", "--graph", str(graph_file))
    rows = list(csv.DictReader(io.StringIO(out)))
    _, metrics, _ = run(capsys, "network", "organisations", "--metrics", "-f", "json", "--graph", str(graph_file))
    doc = json.loads(metrics)
    assert code == 0 and len(rows) == doc["network"]["communities"]
    assert sum(int(r["organisations"]) for r in rows) == doc["network"]["nodes"]
    first = [n for n in doc["nodes"] if n["community"] == 1]  # nodes come sorted by PageRank
    assert rows[0]["most_central"].startswith(", ".join(n["label"] for n in first[:3]))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["network", "ego"], "the ego network needs an organisation"),
        (["network", "ego", "Nowhere"], "no organisation 'Nowhere'"),
        (["network", "ministries", "JD"], "only the ego network takes an organisation"),
        (["network", "organisations", "--status", "done"], "--status 'done' is not known"),
        (["network", "ministries", "--role", "executing"], "leave out --role, --org-type, --co-mention"),
        (["network", "flows", "--co-mention"], "the flows network joins roles that pass work on"),
        (["network", "organisations", "--export", "graphml", "-o", "x.gexf"], "give -o x.graphml, or --export gexf"),
        (["network", "organisations", "-o", "x.png"], "say which format to write"),
        (["network", "organisations", "--metrics", "--communities"], "not allowed with argument"),
        (["network", "ministries", "--source", "overview,body"], "takes one --source"),
        (["network", "ministries", "--source", "table"], "takes --source overview, body or any"),
        (["network", "cross-references", "--role", "responsible"], "the cross-references network is of measures"),
        (["viz", "ministries", "-o", "x.pdf"], "a network is drawn as .html, .png or .svg"),
        (["viz", "status", "-o", "x.html"], "status charts are written as .png or .svg"),
    ],
)
def test_errors_are_one_line_with_exit_2(graph_file, tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)  # relative -o paths land here: nothing may be written
    try:
        code, out, err = run(capsys, *argv, "--graph", str(graph_file))
    except SystemExit as exc:  # argparse's own usage errors
        code, (out, err) = exc.code, capsys.readouterr()
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


@pytest.mark.parametrize("kind", ["organisations", "flows"])
def test_viz_draws_png_and_vector_svg_for_a_paper(graph_file, tmp_path, capsys, kind):
    png, svg, again = tmp_path / f"{kind}.png", tmp_path / f"{kind}.svg", tmp_path / "again.svg"
    for path in (png, svg, again) if kind == "flows" else (png, svg):  # a rerun once, on the smaller network
        code, _, err = run(capsys, "viz", kind, "-o", str(path), "--graph", str(graph_file))
        assert code == 0 and f"written: {path}" in err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    with Image.open(png) as image:
        assert image.mode in ("RGB", "RGBA") and image.width > 1000
        assert len(image.convert("RGB").getcolors(1 << 20) or []) > 256  # full colour, not a cut palette
    text = svg.read_text(encoding="utf-8")
    assert "<image" not in text and text.count("<path") > 50  # vector shapes, no embedded raster
    assert ">ministry (" in text and ">Helsedirektoratet<" in text  # the legend and labels as text
    if kind == "flows":
        assert svg.read_bytes() == again.read_bytes()


def test_viz_status_png_and_reproducible_svg(graph_file, tmp_path, capsys):
    png, svg, again = tmp_path / "s.png", tmp_path / "s.svg", tmp_path / "t.svg"
    for path in (png, svg, again):
        assert run(capsys, "viz", "status", "-o", str(path), "--graph", str(graph_file))[0] == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    assert "Status by focus area" in text and "Status by responsible ministry" in text
    assert svg.read_bytes() == again.read_bytes()
