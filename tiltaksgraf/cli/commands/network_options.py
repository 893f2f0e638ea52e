"""Options shared by ``tiltaksgraf network`` and ``tiltaksgraf viz``: which network, which filters, which graph."""

from __future__ import annotations

import argparse
from pathlib import Path

import networkx as nx

from tiltaksgraf.cli.commands.common import CommandError, say
from tiltaksgraf.cli.commands.source_args import load_store
from tiltaksgraf.graph.networks import Filters, NetworkData, NetworkError, build_network, load_network_data
from tiltaksgraf.graph.networks.filters import parse_values

FILTERS = (
    (
        "--role",
        "ROLE",
        "roles that count: notations of the role scheme (`tiltaksgraf queries --values role` lists them; "
        "default: every role but mentioned, i.e. every organisation that takes part)",
    ),
    (
        "--source",
        "SOURCE",
        "where the report states the role: overview (the table), body (the measure's text) "
        "or any (default: any; for ministries: overview)",
    ),
    ("--plan", "PLAN", "in a graph of several plans: measures of these plans, by key (frihet-fra-vold)"),
    ("--focus-area", "N", "measures of these focus areas: 1 … 6 (of every plan; with --plan, of those)"),
    (
        "--status",
        "STATUS",
        "measures with this status: completed, in_progress, regular_operations, transferred, "
        "not_started, discontinued, undetermined",
    ),
    ("--continuation", "RELATION", "measures with this relation to the successor plan: continued, related, none"),
    (
        "--org-type",
        "TYPE",
        "organisations of these types: ministry, directorate, competence-centre, "
        "research-institute, … (ontology/schemes/organisation-type.ttl)",
    ),
)


def add_network_arguments(p: argparse.ArgumentParser, kinds: tuple[str, ...]) -> None:
    """The network kind, the ego organisation, the filters and the graph to read."""
    p.add_argument("kind", choices=kinds, metavar="KIND", help=f"one of: {', '.join(kinds)}")
    p.add_argument("org", nargs="?", metavar="ORG", help="for ego: the organisation (acronym, name or IRI)")
    p.add_argument(
        "--depth",
        type=int,
        default=1,
        choices=(1, 2),
        help="ego: 1 = its measures and partners, 2 = also the partners' measures and partners (default: %(default)s)",
    )
    group = p.add_argument_group("filters", "repeat an option or separate values by commas; `all`: no filter")
    for option, metavar, text in FILTERS:
        group.add_argument(option, action="append", metavar=metavar, help=text)
    group.add_argument(
        "--co-mention",
        action="store_true",
        help="also count the organisations a measure only names (role mentioned): organisations then join "
        "when both are named in the same measure, not only when both take part (organisations, bipartite, ego)",
    )
    p.add_argument("--drop-isolates", action="store_true", help="leave out nodes without an edge")
    p.add_argument("--graph", type=Path, help="the graph to read (default: build/graph.ttl)")


def filters_from(args: argparse.Namespace) -> tuple[Filters, str | None]:
    """The filters, and the ministries network's --source (which defaults to overview, not any)."""
    sources = parse_values(args.source)
    source = None
    if args.kind == "ministries" and args.source:
        if len(sources) != 1:
            raise CommandError("the ministries network takes one --source: overview, body or any")
        source, sources = next(iter(sources)), frozenset()
    elif "any" in sources:
        sources = frozenset()
    filters = Filters(
        roles=parse_values(args.role),
        sources=sources,
        focus_areas=parse_values(args.focus_area),
        statuses=parse_values(args.status),
        continuations=parse_values(args.continuation),
        org_types=parse_values(args.org_type),
        plans=parse_values(args.plan),
        co_mention=args.co_mention,
    )
    return filters, source


def network_from(args: argparse.Namespace) -> tuple[nx.Graph, NetworkData]:
    """Load the graph and build the network the arguments ask for (with the data it was built from); a bad
    choice is a CommandError."""
    if args.org and args.kind != "ego":
        raise CommandError(f"only the ego network takes an organisation; drop {args.org!r} or use `ego {args.org}`")
    graph = load_store(args.graph)
    say(f"building the {args.kind} network")
    filters, source = filters_from(args)
    data = load_network_data(graph)
    try:
        g = build_network(data, args.kind, filters, source=source, org=args.org, depth=args.depth)
    except NetworkError as exc:
        raise CommandError(str(exc)) from exc
    if args.drop_isolates:
        g.remove_nodes_from(list(nx.isolates(g)))
    return g, data
