"""Render and write the static site (``tiltaksgraf site``) from the page model of :mod:`graph.site`."""
