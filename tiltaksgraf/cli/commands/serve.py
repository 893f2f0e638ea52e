"""``tiltaksgraf serve``: the graph over SPARQL, its site and its IRIs as linked data, on 127.0.0.1, until Ctrl-C,
SIGTERM or SIGHUP."""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command, say, seconds
from tiltaksgraf.graph.backends import GRAPH_MEDIA_TYPES
from tiltaksgraf.graph.front import Front, serve, stop_on_signals
from tiltaksgraf.graph.server import hold_location, load, port_in_use
from tiltaksgraf.paths import BUILD_DIR, GRAPH_FILE

EXAMPLES = """\
  tiltaksgraf serve                              build/graph.ttl and build/site/, read-only, on port 7878
  tiltaksgraf serve --port 8000 --graph other/graph.nt
  tiltaksgraf serve --site public/               serve the site written by `tiltaksgraf site -o public/`
  tiltaksgraf serve --writable --location store/  keep the store in store/ and accept updates (publish)
  tiltaksgraf query measures --endpoint http://127.0.0.1:7878/query
  curl -H 'Accept: text/turtle' http://127.0.0.1:7878/id/measure/frihet-fra-vold/19
"""
#: The site served beside the default graph (written from it when missing or older than it).
SITE_DIR = BUILD_DIR / "site"


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "serve",
        "serve the graph over SPARQL with a query web page",
        "Start a SPARQL server on 127.0.0.1 with the graph loaded (into the default graph), beside the graph's "
        "site (build/site/, written from the graph when it is missing or older; another with --site), print "
        "their URLs, and serve until Ctrl-C (or SIGTERM, or the terminal closing). Every IRI of the graph "
        "answers under /id/, /vocab/ and /ontology: its description as Turtle, JSON-LD or N-Triples, or a "
        "303 to its page, by the Accept header. Oxigraph answers SPARQL behind tiltaksgraf's front, which "
        "refuses SERVICE (no outbound requests), cross-origin writes and requests for other host names, and "
        "stops a query that runs past --timeout. Read-only unless --writable. Without --location the store "
        "lives in a temporary folder that is removed on exit; a folder given with --location is held by one "
        "server at a time.",
        EXAMPLES,
    )
    p.add_argument("--graph", type=Path, help="the graph to serve (default: build/graph.ttl)")
    p.add_argument("--port", type=int, default=7878, help="the port on 127.0.0.1 (default: %(default)s)")
    p.add_argument(
        "--site",
        type=Path,
        metavar="DIR",
        help="serve this site (written by `tiltaksgraf site -o DIR`) instead of the graph's own "
        "(build/site/ for build/graph.ttl; a temporary one for another --graph)",
    )
    p.add_argument("--writable", action="store_true", help="accept SPARQL updates and Graph Store Protocol writes")
    p.add_argument(
        "--location",
        type=Path,
        metavar="DIR",
        help="keep the store in DIR; its default graph is replaced by the graph, named graphs are kept",
    )
    p.add_argument(
        "--store",
        choices=("memory", "disk"),
        help="where the backends hold the graph: memory (each has a copy; four to eight times faster) or disk "
        "(an Oxigraph store folder, opened read-only); default: memory, disk with --writable or --location",
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
    if not graph.is_file():
        raise CommandError(f"no graph at {graph} (run `tiltaksgraf build` first, or give --graph)")
    if args.site is not None and not (args.site / "index.html").is_file():
        raise CommandError(f"{args.site} is not a site (no index.html): write one with `tiltaksgraf site -o DIR`")
    store = args.store or ("disk" if args.writable or args.location else "memory")
    if store == "memory" and (args.writable or args.location):
        raise CommandError(
            "--store memory serves the graph read-only and keeps no folder: leave out --writable "
            "and --location, or give --store disk"
        )
    if store == "memory" and graph.suffix not in GRAPH_MEDIA_TYPES:
        raise CommandError(f"{graph}: serve a .ttl or .nt file")
    scratch = Path(tempfile.mkdtemp(prefix="tiltaksgraf-serve-"))
    location = args.location or scratch / "store"
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    stop_on_signals()
    try:
        site = args.site or _site_of(graph, scratch)
        if store == "memory":
            say(f"loading {graph} into memory ({args.workers} backend{'s' if args.workers > 1 else ''})")
            serve(None, args.port, False, args.timeout, args.workers, sys.stderr, _announce, site, data=graph)
            return 0
        with hold_location(location):
            say(f"loading {graph} into {location}")
            load(location, graph)
            serve(location, args.port, args.writable, args.timeout, args.workers, sys.stderr, _announce, site)
    except KeyboardInterrupt:
        say("stopping")
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def _site_of(graph: Path, scratch: Path) -> Path:
    """The site of ``graph``: build/site/ for the default graph (written again when missing or older than the
    graph), else one written into the server's temporary folder."""
    from tiltaksgraf.cli.commands.source_args import load_store
    from tiltaksgraf.viz.site.writer import MARKER, SiteError, write_site

    default = graph.resolve() == GRAPH_FILE.resolve()
    folder = SITE_DIR if default else scratch / "site"
    marker = folder / MARKER
    if default and marker.is_file() and marker.stat().st_mtime >= graph.stat().st_mtime:
        return folder
    say(f"writing the site of {graph} into {folder}/")
    try:
        write_site(load_store(graph), folder)
    except SiteError as exc:
        raise CommandError(f"{exc} (or give --site DIR)") from exc
    return folder


def _announce(front: Front) -> None:
    base = f"http://127.0.0.1:{front.port}"
    mode = "writable" if front.writable else "read-only"
    print(f"site:             {base}/", flush=True)
    print(f"query page:       {base}/query.html", flush=True)
    print(f"SPARQL endpoint:  {base}/query   ({mode})", flush=True)
    print(f"linked data:      {base}/id/…   (Turtle, JSON-LD or the page, by Accept)", flush=True)
    if front.writable:
        print(f"update endpoint:  {base}/update", flush=True)
        print(f"graph store:      {base}/store", flush=True)
    say(f"serving; queries stop after {front.timeout:g} s; press Ctrl-C to stop")
