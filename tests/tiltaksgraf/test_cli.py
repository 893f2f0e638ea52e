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
    code, out, _ = run(capsys, "query", "measures", "--graph", str(graph_file), "--format", "records", "--limit", "2")
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
        (["query", "-e", "SELEC nothing"], "the query does not parse: line 1, column 1"),
        (["query", "measures", "--param", "x=1"], "query 'measures' has no parameter 'x'"),
        (["query", "measures", "--param", "novalue"], "--param takes NAME=VALUE"),
        (["query"], "give one of: a query NAME"),
        (["query", "measures", "--graph", "nowhere.ttl"], "no graph at nowhere.ttl"),
        (
            ["query", "measures-by-ministry", "-p", "ministry=LDM"],
            "no ministry 'LDM' in the graph (did you mean 'LMD'?)",
        ),
        (["query", "measures-by-status", "-p", "status=done"], "no status 'done' in the graph"),
        (["query", "-e", "SELECT * WHERE { ?s ?p ?o", "-f", "csv"], "the query does not parse: line 1, column 26"),
        (["query", "-e", "ASK { ?s ?p ?o }", "-f", "turtle"], "-f turtle is for CONSTRUCT and DESCRIBE queries"),
        (["query", "-e", "DESCRIBE tgorg:kd", "-f", "csv"], "a CONSTRUCT or DESCRIBE query gives RDF"),
        (["query", "measures", "--limit", "-1"], "argument --limit: takes a whole number, 0 or more, not '-1'"),
        (["query", "-e", "# param: n (integer)\nSELECT ?n WHERE {}", "-p", "n=x"], "parameter n takes a whole number"),
        (["query", "-e", "# param: n (integer)\nSELECT ?n WHERE {}"], "needs --param n=VALUE"),
        (["query", "-e", "# param: n (number)\nSELECT ?n WHERE {}"], "parameter type 'number' is not one of"),
        (["query", "measures", "--endpoint", "ftp://x"], "an endpoint is an http:// or https:// URL"),
        (["query", "measures", "--graph-iri", "https://x.org/g"], "--graph-iri goes with --endpoint"),
    ],
)
def test_query_errors_are_one_line_with_exit_2(graph_file, capsys, argv, message):
    if "--graph" not in argv and "--endpoint" not in argv:
        argv = [*argv, "--graph", str(graph_file)]
    if "--limit" in argv:
        with pytest.raises(SystemExit) as exit_:
            run(capsys, *argv)
        code, out, err = exit_.value.code, *capsys.readouterr()
    else:
        code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err
    if "does not parse" not in message:  # a syntax error shows the line and a caret under it
        assert len(err.strip().splitlines()) == 1 or err.startswith("usage:")


def test_queries_lists_names_and_titles(capsys):
    code, out, _ = run(capsys, "queries", "--verbose")
    assert code == 0
    assert "measures" in out and "columns: measure, title, focus_area, status, continuation" in out


CRAFTED = [
    'JD" } } SELECT ?measure WHERE { ?s ?p ?measure } #',
    "x' } ; DROP ALL ; SELECT * { ?s ?p '",
    "three \"\"\" and ''' quotes, a \\ backslash, \\u0022 an escape, a > and a <",
    "two\nlines } #",
]

PROBE = """\
# title: Echo the parameters
# param: needle (literal): any text
# param: target (iri, default: https://example.org/a#b?c=1): any IRI
# columns: value,iri
SELECT ?value ?iri WHERE { BIND (?needle AS ?value) BIND (?target AS ?iri) }
"""


def test_a_named_query_with_a_parameter(graph_file, capsys):
    code, out, _ = run(
        capsys, "query", "measures-by-ministry", "--param", "ministry=LMD", "--graph", str(graph_file), "-f", "csv"
    )
    assert code == 0 and out.splitlines()[1].startswith("https://w3id.org/tiltaksgraf/id/plan/frihet-fra-vold,10,")


@pytest.mark.parametrize("crafted", CRAFTED)
def test_parameters_are_bound_as_terms_not_pasted(graph_file, tmp_path, capsys, crafted):
    """A value made to break out of a string or an IRI comes back as the very same text: it stayed data."""
    probe = tmp_path / "probe.rq"
    probe.write_text(PROBE, encoding="utf-8")
    code, out, err = run(
        capsys, "query", "--file", str(probe), "-p", f"needle={crafted}", "--graph", str(graph_file), "-f", "records"
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == [{"value": crafted, "iri": "https://example.org/a#b?c=1"}]
    code, out, _ = run(
        capsys, "query", "measures-mentioning", "-p", f"text={crafted}", "--graph", str(graph_file), "-f", "csv"
    )
    assert code == 0 and out == "plan,measure,title\n"  # the crafted text is looked for, and found nowhere


def test_a_crafted_iri_or_name_is_refused_as_data(graph_file, tmp_path, capsys):
    probe = tmp_path / "probe.rq"
    probe.write_text(PROBE, encoding="utf-8")
    code, _, err = run(
        capsys,
        "query",
        "--file",
        str(probe),
        "-p",
        "needle=x",
        "-p",
        "target=https://x.org/> } SELECT * {",
        "--graph",
        str(graph_file),
    )
    assert code == 2 and "parameter target takes an absolute IRI" in err
    code, _, err = run(
        capsys, "query", "measures-by-ministry", "-p", f"ministry={CRAFTED[0]}", "--graph", str(graph_file)
    )
    assert code == 2 and "parameter ministry: no ministry 'JD\" } } SELECT" in err and len(err.splitlines()) == 1


HEAVY = ("rdflib", "networkx", "pyshacl_turbo", "pyshacl", "SPARQLWrapper", "http.client", "matplotlib")


@pytest.mark.parametrize("argv", [["queries"], ["query", "measures", "-f", "csv"]], ids=" ".join)
def test_listing_and_running_a_query_import_no_heavy_library(argv, graph_file):
    """What keeps `queries` and `query measures` starting in a fraction of a second (bench/scaling.py times it)."""
    import subprocess
    import sys

    code = (
        "import sys; from tiltaksgraf.cli import main; main(sys.argv[1:]); "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    extra = ["--graph", str(graph_file)] if argv[0] == "query" else []
    done = subprocess.run([sys.executable, "-c", code, *argv, *extra], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert done.stdout
