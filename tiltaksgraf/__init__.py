"""tiltaksgraf: a knowledge graph of the measures and actors in Norway's action plan against domestic violence.

The layers, each a sub-package mapped from a top-level folder of the repository: ``tiltaksgraf.loaders``
(source in, typed model out), ``tiltaksgraf.graph`` (model → RDF, queries, validation, networks),
``tiltaksgraf.viz`` (drawing), ``tiltaksgraf.cli`` (the command line, which only wires), and the data packages
``tiltaksgraf.ontology``, ``tiltaksgraf.queries`` and ``tiltaksgraf.data`` (found by :mod:`tiltaksgraf.paths`).
"""



def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata when first asked for (every command starts faster)."""
    if name != "__version__":
        raise AttributeError(f"module 'tiltaksgraf' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tiltaksgraf")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
