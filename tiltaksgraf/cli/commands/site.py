"""``tiltaksgraf site``: write the graph as a static site that opens from disk or any web server."""

from __future__ import annotations

import argparse
from pathlib import Path

from tiltaksgraf.cli.commands.common import CommandError, add_command, say
from tiltaksgraf.cli.commands.source_args import load_store
from tiltaksgraf.graph.results import QueryError
from tiltaksgraf.paths import BUILD_DIR
from tiltaksgraf.viz.site.writer import SiteError, write_site

EXAMPLES = """\
  tiltaksgraf site                          build/site/ from build/graph.ttl; open build/site/index.html
  tiltaksgraf site -o public/ --graph other/graph.ttl
  python -m http.server -d build/site       or serve it from any static web server
"""

DESCRIPTION = """\
Write the graph as a static web site: a home page with the plans, counts, status charts, facets (focus
area, ministry, status, continuation, organisation, type, role, finding) and search; a page for every
measure and sub-measure (with the deciding sentences marked in its text and its ego network), organisation,
programme, document, focus area, plan and finding kind; the planners' continuation table and loose ends
(made to print); a timeline of the dated events; in Bokmål and English. Beside each resource's page are
its description as Turtle (.ttl) and JSON-LD (.jsonld) and the SPARQL query that gives it (.rq). The pages
fetch nothing from the network: open index.html from disk. The folder is replaced whole, or not at all.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "site", "write the graph as a static site (opens offline)", DESCRIPTION, EXAMPLES)
    p.add_argument("-o", "--out", type=Path, default=BUILD_DIR / "site", help="the folder (default: %(default)s)")
    p.add_argument("--graph", type=Path, help="the built graph, .ttl or .nt (default: build/graph.ttl)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = load_store(args.graph)
    progress = (lambda _: None) if args.quiet else say
    try:
        summary = write_site(store, args.out, progress)
    except (SiteError, QueryError) as exc:
        raise CommandError(str(exc)) from exc
    if not args.quiet:
        say(
            f"written: {args.out}/ ({summary.pages} pages, {summary.files} files, {summary.bytes / 1e6:.1f} MB, "
            f"{summary.seconds:.1f} s); open {args.out / 'index.html'} in a browser"
        )
    return 0
