"""`tiltaksgraf serve`: a real server with the graph, its URLs on stdout, a clean stop on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.queries import run_named
from tiltaksgraf.graph.server import free_port, port_in_use

from tiltaksgraf.cli import main


def test_serve_prints_its_urls_answers_and_stops_on_ctrl_c(graph_file: Path):
    port = free_port()
    command = [sys.executable, "-m", "tiltaksgraf.cli", "serve", "--graph", str(graph_file), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        page = process.stdout.readline()
        endpoint = process.stdout.readline()
        assert page == f"query web page:   http://127.0.0.1:{port}/\n"
        assert endpoint == f"SPARQL endpoint:  http://127.0.0.1:{port}/query   (read-only)\n"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200 and b"<html" in response.read().lower()  # the query web page
        rows = run_named(Endpoint(f"http://127.0.0.1:{port}/query"), "measures").rows
        assert len(rows) == 82
        process.send_signal(signal.SIGINT)
        assert process.wait(15) == 0
        err = process.stderr.read()
        assert "loading" in err and "stopping" in err
    finally:
        process.kill()
        process.wait()
    assert not port_in_use(port)  # the oxigraph server went with it


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
