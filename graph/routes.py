"""What the server answers at which path: the one table a new page or service is added to.

Each :class:`Route` names a path (exact, or a prefix ending in ``/``), the methods it takes and the
handler of :class:`~graph.front.Front` that answers it. The SPARQL routes are served by Oxigraph behind
the front; the front checks every request first (:mod:`graph.front`). A static site or the content
negotiation of the graph's IRIs (``/id/…``) is one more line here and one more handler.

>>> match("GET", "/query").handler, match("POST", "/update").handler
('sparql', 'sparql')
>>> match("DELETE", "/query")
Traceback (most recent call last):
tiltaksgraf.graph.routes.MethodNotAllowed: GET, HEAD, POST
>>> match("GET", "/nowhere") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

READ = frozenset({"GET", "HEAD"})
WRITE = frozenset({"POST", "PUT", "DELETE", "PATCH"})


@dataclass(frozen=True)
class Route:
    path: str  # exact, or a prefix when it ends with "/" (and is not "/")
    methods: frozenset[str]
    handler: str  # the name of the Front method that answers: handle_<handler>
    doc: str


ROUTES: tuple[Route, ...] = (
    Route("/", READ, "backend_page", "Oxigraph's query web page (YASGUI)"),
    Route("/yasgui.min.js", READ, "backend_page", "its script"),
    Route("/yasgui.min.css", READ, "backend_page", "its style sheet"),
    Route("/logo.svg", READ, "backend_page", "its icon"),
    Route("/query", READ | {"POST"}, "sparql", "SPARQL 1.1 query endpoint"),
    Route("/sparql", READ | {"POST"}, "sparql", "the same, where the query page sends its queries and updates"),
    Route("/update", frozenset({"POST"}), "sparql", "SPARQL 1.1 update endpoint (writable servers)"),
    Route("/store", READ | {"PUT", "POST", "DELETE"}, "sparql", "SPARQL 1.1 Graph Store Protocol"),
)


class MethodNotAllowed(Exception):
    """The path exists but does not take this method; the message lists the ones it takes."""


def match(method: str, path: str, routes: tuple[Route, ...] = ROUTES) -> Route | None:
    """The route for a request, None for an unknown path; :class:`MethodNotAllowed` for a known one."""
    for route in routes:
        if path == route.path or (route.path.endswith("/") and route.path != "/" and path.startswith(route.path)):
            if method not in route.methods:
                raise MethodNotAllowed(", ".join(sorted(route.methods)))
            return route
    return None
