"""Sub-commands of the ``tiltaksgraf`` CLI: one module per verb, each with ``register(subparsers)``."""

from tiltaksgraf.commands import build, publish, query, serve, trace

#: The registered sub-command modules, in the order `tiltaksgraf --help` lists them.
COMMANDS = (build, query, trace, serve, publish)
