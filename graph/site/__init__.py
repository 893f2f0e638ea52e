"""The page model of the static site: the graph read through ``queries/site/*.rq`` (:mod:`.data`), and for each
page the facts it shows (:mod:`.pages`, :mod:`.facets`, :mod:`.timeline`, :mod:`.highlight`), with no HTML."""
