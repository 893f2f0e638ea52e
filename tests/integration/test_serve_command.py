"""`tiltaksgraf serve`: a real server with the graph, its URLs on stdout, a clean stop on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.queries import run_named
from tiltaksgraf.graph.server import free_port, port_in_use

from tiltaksgraf.cli import main


def test_serve_prints_its_urls_answers_and_stops_on_ctrl_c(graph_file: Path):
    """Without --site it writes the graph's site itself (here into its temporary folder: --graph is not the
    default graph) and serves it beside the endpoint; the IRIs answer as linked data."""
    port = free_port()
    command = [sys.executable, "-m", "tiltaksgraf.cli", "serve", "--graph", str(graph_file), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        said = [process.stdout.readline() for _ in range(4)]
        assert said == [
            f"site:             {base}/\n",
            f"query page:       {base}/query.html\n",
            f"SPARQL endpoint:  {base}/query   (read-only)\n",
            f"linked data:      {base}/id/…   (Turtle, JSON-LD or the page, by Accept)\n",
        ]
        for path in ("/", "/query.html"):
            with urllib.request.urlopen(base + path, timeout=5) as response:
                assert response.status == 200 and b"<html" in response.read().lower()
        request = urllib.request.Request(base + "/id/org/jd", headers={"Accept": "text/turtle"})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
            assert b'tg:acronym "JD"' in response.read()
        rows = run_named(Endpoint(f"{base}/query"), "measures").rows
        assert len(rows) == 82
        process.send_signal(signal.SIGINT)
        assert process.wait(15) == 0
        err = process.stderr.read()
        assert "writing the site of" in err and "loading" in err and "stopping" in err
    finally:
        process.kill()
        process.wait()
    assert not port_in_use(port)  # the oxigraph server went with it


def test_serve_keeps_the_graph_in_memory_only_when_read_only_and_without_a_folder(
    graph_file: Path, tmp_path: Path, capsys
):
    port = str(free_port())
    for extra in (["--writable"], ["--location", str(tmp_path / "store")]):
        assert main(["serve", "--graph", str(graph_file), "--port", port, "--store", "memory", *extra]) == 2
        assert "--store memory serves the graph read-only and keeps no folder" in capsys.readouterr().err
    assert not (tmp_path / "store").exists()


def test_serve_refuses_a_folder_that_is_not_a_site(graph_file: Path, tmp_path: Path, capsys):
    assert main(["serve", "--graph", str(graph_file), "--site", str(tmp_path), "--port", str(free_port())]) == 2
    assert f"{tmp_path} is not a site (no index.html)" in capsys.readouterr().err


def test_serve_reports_a_busy_port_and_a_missing_graph(graph_file: Path, tmp_path: Path, capsys):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--graph", str(graph_file), "--port", str(port), "--location", str(tmp_path / "s")]) == 2
    assert f"port {port} on 127.0.0.1 is in use: pick another with --port" in capsys.readouterr().err
    assert main(["serve", "--graph", str(tmp_path / "none.ttl"), "--port", str(free_port())]) == 2
    assert "no graph at" in capsys.readouterr().err


# --- issue 10, findings 12 and 13: no oxigraph left behind; a store folder served by one server at a time ---------


def oxigraph_over(location: Path) -> list[int]:
    """The oxigraph processes whose command line names ``location``."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                args = (proc / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if args and args[0].endswith(b"oxigraph") and str(location).encode() in args:
                state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.append(int(proc.name))
    return found


def serving(graph_file: Path, location: Path, port: int, site: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "tiltaksgraf.cli", "serve", "--graph", str(graph_file), "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--location", str(location), "--site", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().startswith("site:")
    return process


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGKILL])
def test_serve_leaves_no_oxigraph_behind_whatever_stops_it(graph_file: Path, site: Path, tmp_path: Path, sig):
    location, port = tmp_path / "store", free_port()
    process = serving(graph_file, location, port, site)
    try:
        assert oxigraph_over(location)  # the backends run
        process.send_signal(sig)
        process.wait(15)
        if sig != signal.SIGKILL:
            assert process.returncode == 0
        deadline = time.monotonic() + 5
        while oxigraph_over(location) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert oxigraph_over(location) == []
        assert not port_in_use(port)
    finally:
        process.kill()
        process.wait()


def test_a_second_serve_of_a_store_folder_is_refused_and_the_first_keeps_serving(
    graph_file: Path, site: Path, tmp_path: Path
):
    location, port = tmp_path / "store", free_port()
    first = serving(graph_file, location, port, site)
    try:
        other = tmp_path / "other.nt"
        other.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n")
        second = subprocess.run(
            [
                sys.executable,
                "-m",
                "tiltaksgraf.cli",
                "serve",
                "--graph",
                str(other),
                "--port",
                str(free_port()),
                "--location",
                str(location),
                "--site",
                str(site),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 2
        assert f"{location} is in use by another tiltaksgraf server (process {first.pid})" in second.stderr
        assert len(run_named(Endpoint(f"http://127.0.0.1:{port}/query"), "measures").rows) == 82  # not cleared
    finally:
        first.send_signal(signal.SIGINT)
        first.wait(15)
