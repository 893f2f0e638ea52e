"""``tiltaksgraf serve``: an Oxigraph SPARQL server with the graph loaded, on 127.0.0.1, until Ctrl-C."""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command, say
from tiltaksgraf.graph.server import ServerError, load, start
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
        "Start an Oxigraph SPARQL server on 127.0.0.1 with the graph loaded (into the default graph), print "
        "the URLs of its query web page and its SPARQL endpoint, and serve until Ctrl-C. Read-only unless "
        "--writable. Without --location the store lives in a temporary folder that is removed on exit.",
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
        "--timeout", type=int, default=60, metavar="SECONDS", help="stop a query after this long (default: %(default)s)"
    )
    p.set_defaults(run=run)


def _stop_on_sigterm(*_: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise CommandError(f"--port takes a port number (1–65535), not {args.port}")
    graph = args.graph or GRAPH_FILE
    location = args.location or Path(tempfile.mkdtemp(prefix="tiltaksgraf-oxigraph-")) / "store"
    server = None
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        say(f"loading {graph} into {location}")
        load(location, graph)
        server = start(location, args.port, args.writable, args.timeout, log=sys.stderr)
        mode = "writable" if args.writable else "read-only"
        print(f"query web page:   {server.base_url}/", flush=True)
        print(f"SPARQL endpoint:  {server.query_url}   ({mode})", flush=True)
        if args.writable:
            print(f"update endpoint:  {server.update_url}", flush=True)
            print(f"graph store:      {server.store_url}", flush=True)
        say("serving; press Ctrl-C to stop")
        server.process.wait()
        raise CommandError(f"the oxigraph server stopped by itself (exit {server.process.returncode})")
    except KeyboardInterrupt:
        say("stopping")
        return 0
    except ServerError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        if server is not None:
            server.stop()
        signal.signal(signal.SIGTERM, previous)
        if args.location is None:
            shutil.rmtree(location.parent, ignore_errors=True)
