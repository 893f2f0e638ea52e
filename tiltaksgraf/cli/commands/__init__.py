"""Sub-commands of the ``tiltaksgraf`` CLI: one module per verb, each with ``register(subparsers)``.

The CLI imports only the module of the command it runs (``tiltaksgraf queries`` never imports networkx or
the SHACL engine), so each module imports what its ``run`` needs inside ``run``, not at the top.
"""

#: Each sub-command and the module of this package that registers it, in the order `tiltaksgraf --help` lists them.
COMMANDS = {
    "build": "build",
    "validate": "validate",
    "quality": "quality",
    "query": "query",
    "queries": "query",
    "trace": "trace",
    "network": "network",
    "viz": "viz",
    "site": "site",
    "serve": "serve",
    "publish": "publish",
}
