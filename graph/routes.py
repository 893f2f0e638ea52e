"""What the server answers at which path: the one table a new page or service is added to.

Each :class:`Route` names a path (exact, or a prefix: every path that starts with it), the methods it
takes and the handler of :class:`~graph.front.Front` that answers it; the first route that matches
answers. The SPARQL routes are served by Oxigraph behind the front; the graph's IRIs (``/id/…``,
``/vocab/…``, ``/ontology``) by content negotiation (:mod:`graph.linked_data`); every other path by the
static site. The front checks every request first (:mod:`graph.front`).

>>> match("GET", "/query").handler, match("POST", "/update").handler
('sparql', 'sparql')
>>> match("GET", "/id/measure/frihet-fra-vold/19").handler, match("GET", "/index.html").handler
('resource', 'site')
>>> match("DELETE", "/query")
Traceback (most recent call last):
tiltaksgraf.graph.routes.MethodNotAllowed: GET, HEAD, POST
>>> match("POST", "/id/org/jd")
Traceback (most recent call last):
tiltaksgraf.graph.routes.MethodNotAllowed: GET, HEAD
"""

from __future__ import annotations

from dataclasses import dataclass

READ = frozenset({"GET", "HEAD"})
WRITE = frozenset({"POST", "PUT", "DELETE", "PATCH"})


@dataclass(frozen=True)
class Route:
    path: str
    methods: frozenset[str]
    handler: str  # the name of the Front method that answers: handle_<handler>
    doc: str
    prefix: bool = False  # True: every path that starts with ``path``


ROUTES: tuple[Route, ...] = (
    Route("/query", READ | {"POST"}, "sparql", "SPARQL 1.1 query endpoint"),
    Route("/sparql", READ | {"POST"}, "sparql", "the same, for clients that look for /sparql"),
    Route("/update", frozenset({"POST"}), "sparql", "SPARQL 1.1 update endpoint (writable servers)"),
    Route("/store", READ | {"PUT", "POST", "DELETE"}, "sparql", "SPARQL 1.1 Graph Store Protocol"),
    Route("/id/", READ, "resource", "the graph's resources: description or page by Accept", prefix=True),
    Route("/vocab/", READ, "resource", "the concept schemes and their concepts, the same way", prefix=True),
    Route("/ontology", READ, "resource", "the ontology (its terms are …/ontology#Term), the same way", prefix=True),
    Route("/", READ, "site", "the static site: home, pages, the query page, assets", prefix=True),
)


class MethodNotAllowed(Exception):
    """The path exists but does not take this method; the message lists the ones it takes."""


class Refused(Exception):
    """A request the front answers itself with an error: its HTTP status and the one line it says."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def match(method: str, path: str, routes: tuple[Route, ...] = ROUTES) -> Route | None:
    """The route for a request, None for an unknown path; :class:`MethodNotAllowed` for a known one."""
    for route in routes:
        if path == route.path or (route.prefix and path.startswith(route.path)):
            if method not in route.methods:
                raise MethodNotAllowed(", ".join(sorted(route.methods)))
            return route
    return None
