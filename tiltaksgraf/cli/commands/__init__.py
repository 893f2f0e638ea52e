"""Sub-commands of the ``tiltaksgraf`` CLI: one module per verb, each with ``register(subparsers)``."""

from tiltaksgraf.cli.commands import build, network, publish, quality, query, serve, site, trace, validate, viz

#: The registered sub-command modules, in the order `tiltaksgraf --help` lists them.
COMMANDS = (build, validate, quality, query, trace, network, viz, site, serve, publish)
