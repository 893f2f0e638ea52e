"""The CLI: help with examples for every command, queries from the shell, one-line errors with exit 2."""

from __future__ import annotations

import json

import pytest

from tiltaksgraf.cli import main, parser


def commands() -> list[str]:
    sub = next(a for a in parser()._actions if a.dest == "command")
    return list(sub.choices)


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help_with_examples(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"tiltaksgraf {command}" in out


def test_top_level_help_lists_commands_and_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "build" in out and "query" in out and "exit codes" in out


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_query_formats(graph_file, capsys):
    code, out, _ = run(capsys, "query", "measures", "--graph", str(graph_file), "--format", "json", "--limit", "2")
    assert code == 0
    assert [r["measure"] for r in json.loads(out)] == ["1", "2"]
    _, out, _ = run(capsys, "query", "cross-references", "--graph", str(graph_file), "-f", "tsv")
    assert out.splitlines()[:2] == ["measure\treferenced", "3\t40"]
    _, out, _ = run(capsys, "query", "cross-references", "--graph", str(graph_file), "-f", "md")
    assert out.splitlines()[:3] == ["| measure | referenced |", "|---|---|", "| 3 | 40 |"]


def test_inline_and_file_queries(graph_file, tmp_path, capsys):
    q = "PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#> SELECT (COUNT(?m) AS ?n) WHERE { ?m a tg:Measure }"
    assert run(capsys, "query", "-e", q, "--graph", str(graph_file), "-f", "csv")[1] == "n\n82\n"
    path = tmp_path / "q.rq"
    path.write_text(q, encoding="utf-8")
    assert run(capsys, "query", "--file", str(path), "--graph", str(graph_file), "-f", "csv")[1] == "n\n82\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "measure"], "no query named 'measure' (did you mean 'measures'?)"),
        (["query", "-e", "SELEC nothing"], "the query does not run"),
        (["query", "measures", "--param", "x=1"], "query 'measures' has no parameter 'x'"),
        (["query", "measures", "--param", "novalue"], "--param takes NAME=VALUE"),
        (["query"], "give one of: a query NAME"),
        (["query", "measures", "--graph", "nowhere.ttl"], "no graph at nowhere.ttl"),
    ],
)
def test_query_errors_are_one_line_with_exit_2(graph_file, capsys, argv, message):
    if "--graph" not in argv:
        argv = [*argv, "--graph", str(graph_file)]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_queries_lists_names_and_titles(capsys):
    code, out, _ = run(capsys, "queries", "--verbose")
    assert code == 0
    assert "measures" in out and "columns: measure, title, focus_area, status, continuation" in out


def test_parameters_are_bound_as_terms_not_pasted(graph_file, capsys):
    code, out, _ = run(
        capsys, "query", "measures-by-ministry", "--param", "ministry=LMD", "--graph", str(graph_file), "-f", "csv"
    )
    assert code == 0 and out.splitlines()[1].startswith("10,")
    crafted = 'JD" } } SELECT ?measure WHERE { ?s ?p ?measure } #'
    code, out, _ = run(
        capsys,
        "query",
        "measures-by-ministry",
        "--param",
        f"ministry={crafted}",
        "--graph",
        str(graph_file),
        "-f",
        "csv",
    )
    assert code == 0 and out == "measure,title,sources,status\n"  # the crafted value is data: it matches no ministry
