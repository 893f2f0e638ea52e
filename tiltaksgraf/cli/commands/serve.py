"""``tiltaksgraf serve``: a SPARQL server with the graph loaded, on 127.0.0.1, until Ctrl-C, SIGTERM or SIGHUP."""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command, say, seconds
from tiltaksgraf.graph.front import Front, serve, stop_on_signals
from tiltaksgraf.graph.server import hold_location, load, port_in_use
from tiltaksgraf.paths import GRAPH_FILE

EXAMPLES = """\
  tiltaksgraf serve                              build/graph.ttl, read-only, on http://127.0.0.1:7878/
  tiltaksgraf serve --port 8000 --graph other/graph.nt
  tiltaksgraf serve --writable --location store/  keep the store in store/ and accept updates (publish)
  tiltaksgraf query measures --endpoint http://127.0.0.1:7878/query
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "serve",
        "serve the graph over SPARQL with a query web page",
        "Start a SPARQL server on 127.0.0.1 with the graph loaded (into the default graph), print the URLs of "
        "its query web page and its SPARQL endpoint, and serve until Ctrl-C (or SIGTERM, or the terminal "
        "closing). Oxigraph answers behind tiltaksgraf's front, which refuses SERVICE (no outbound requests), "
        "cross-origin writes and requests for other host names, and stops a query that runs past --timeout. "
        "Read-only unless --writable. Without --location the store lives in a temporary folder that is removed "
        "on exit; a folder given with --location is held by one server at a time.",
        EXAMPLES,
    )
    p.add_argument("--graph", type=Path, help="the graph to serve (default: build/graph.ttl)")
    p.add_argument("--port", type=int, default=7878, help="the port on 127.0.0.1 (default: %(default)s)")
    p.add_argument("--writable", action="store_true", help="accept SPARQL updates and Graph Store Protocol writes")
    p.add_argument(
        "--location",
        type=Path,
        metavar="DIR",
        help="keep the store in DIR; its default graph is replaced by the graph, named graphs are kept",
    )
    p.add_argument(
        "--timeout",
        type=seconds,
        default=60.0,
        metavar="SECONDS",
        help="stop a request (its query and its answer) after this long (default: %(default)g)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=2,
        metavar="N",
        help="queries answered at once by a read-only server (default: %(default)s; a writable one has 1)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise CommandError(f"--port takes a port number (1–65535), not {args.port}")
    if not 0 < args.workers <= 64:
        raise CommandError(f"--workers takes a number from 1 to 64, not {args.workers}")
    if port_in_use(args.port):
        raise CommandError(f"port {args.port} on 127.0.0.1 is in use: pick another with --port")
    graph = args.graph or GRAPH_FILE
    location = args.location or Path(tempfile.mkdtemp(prefix="tiltaksgraf-oxigraph-")) / "store"
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    stop_on_signals()
    try:
        with hold_location(location):
            say(f"loading {graph} into {location}")
            load(location, graph)
            serve(location, args.port, args.writable, args.timeout, args.workers, sys.stderr, _announce)
    except KeyboardInterrupt:
        say("stopping")
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if args.location is None:
            shutil.rmtree(location.parent, ignore_errors=True)
    return 0


def _announce(front: Front) -> None:
    base = f"http://127.0.0.1:{front.port}"
    mode = "writable" if front.writable else "read-only"
    print(f"query web page:   {base}/", flush=True)
    print(f"SPARQL endpoint:  {base}/query   ({mode})", flush=True)
    if front.writable:
        print(f"update endpoint:  {base}/update", flush=True)
        print(f"graph store:      {base}/store", flush=True)
    say(f"serving; queries stop after {front.timeout:g} s; press Ctrl-C to stop")
