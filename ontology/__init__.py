"""Data package: the OWL ontology, SKOS schemes and SHACL shapes in Turtle (see README.md here)."""
