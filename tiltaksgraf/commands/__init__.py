"""Sub-commands of the ``tiltaksgraf`` CLI: one module per verb, each with ``register(subparsers)``."""

from tiltaksgraf.commands import build, network, quality, query, validate, viz

#: The registered sub-command modules, in the order `tiltaksgraf --help` lists them.
COMMANDS = (build, validate, quality, query, network, viz)
