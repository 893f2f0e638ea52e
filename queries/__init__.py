"""Data package: the named SPARQL queries, their parameter look-ups, checks and network queries (README.md)."""
