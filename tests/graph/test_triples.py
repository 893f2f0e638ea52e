"""The build's triple sink writes what the rdflib path wrote, byte for byte, and answers the writers' questions."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from tiltaksgraf.graph.build import build_graph, reference_files
from tiltaksgraf.graph.registry import load_registry
from tiltaksgraf.graph.serialize import to_sorted_ntriples
from tiltaksgraf.graph.triples import NTriplesGraph, Triples
from tiltaksgraf.graph.vocab import RDF, TG

from tests.conftest import MINI, MINI_REGISTRY
from tiltaksgraf.paths import DEFAULT_SOURCE, ORGANISATIONS_FILE, PROGRAMMES_FILE

M = URIRef("https://w3id.org/tiltaksgraf/id/measure/p/17")


@pytest.mark.parametrize(
    ("sources", "registry", "programmes"),
    [([DEFAULT_SOURCE], ORGANISATIONS_FILE, PROGRAMMES_FILE), ([MINI], MINI_REGISTRY, None)],
    ids=["report", "mini"],
)
def test_the_n_triples_are_the_bytes_of_the_rdflib_path(sources, registry, programmes, built, mini_world):
    new = built if sources == [DEFAULT_SOURCE] else mini_world
    old = build_graph(sources, registry_path=registry, programmes_path=programmes, rdflib=True)
    assert new.data.ntriples == old.data.ntriples
    assert len(new.data) == len(old.graph) == len(new.triples)


@pytest.mark.parametrize("path", [*reference_files(), ORGANISATIONS_FILE, PROGRAMMES_FILE], ids=lambda p: p.name)
def test_turtle_read_by_oxigraph_gives_the_triples_rdflib_reads(path):
    assert Triples().parse(path).freeze().ntriples == to_sorted_ntriples(Graph().parse(path, format="turtle"))


def test_the_registry_read_by_oxigraph_is_the_registry_rdflib_reads():
    assert to_sorted_ntriples(load_registry().graph) == to_sorted_ntriples(Graph().parse(ORGANISATIONS_FILE))


def test_literals_are_escaped_as_rdflib_escapes_them():
    tricky = ['say "hi"', "back\\slash", "two\nlines", "cr\rhere", "tab\there", "line\u2028separator", "ok"]
    triples = [(M, TG.detail, Literal(t, lang="nb")) for t in tricky] + [
        (M, TG.number, Literal("17")),
        (M, TG.startLine, Literal(5, datatype=XSD.positiveInteger)),
        (M, TG.quotedInReport, Literal(True)),
    ]
    graph, sink = Graph(), Triples()
    for t in triples:
        graph.add(t)
        sink.add(t)
    lines = sink.freeze().ntriples.split(b"\n")[:-1]
    assert sorted(lines) == lines and len(lines) == len(triples)  # one line per triple, even with U+2028
    expected = set(graph.serialize(format="nt", encoding="utf-8").splitlines()) - {b""}
    assert set(lines) == expected
    assert len(list(ox.parse(sink.freeze().ntriples, format=ox.RdfFormat.N_TRIPLES))) == len(triples)


def test_the_sink_answers_the_questions_the_writers_ask():
    g = Triples()
    g.add((M, RDF.type, TG.Measure)).add((M, TG.number, Literal("17")))
    g += [(M, TG.number, Literal("17"))]  # twice is once, as in a graph
    assert len(g) == 2
    assert (M, RDF.type, None) in g and (M, TG.evidence, None) not in g
    assert (M, TG.number, Literal("17")) in g and (M, TG.number, Literal("18")) not in g
    assert (None, TG.number, Literal("17")) in g and (None, None, TG.Measure) in g
    assert g.value(M, TG.number) == Literal("17")
    assert list(g.subjects(RDF.type, TG.Measure)) == [M]
    assert set(g) == {(M, RDF.type, TG.Measure), (M, TG.number, Literal("17"))}


def test_a_frozen_graph_has_the_store_and_an_rdflib_graph_of_the_same_triples(mini_world, tmp_path):
    data = mini_world.data
    assert len(data.store) == len(data) == len(data.rdflib())
    path = tmp_path / "graph.nt"
    path.write_bytes(data.ntriples)
    again = NTriplesGraph.from_file(path)
    assert len(again) == len(data) and set(again.ntriples.splitlines()) == set(data.ntriples.splitlines())
    with pytest.raises(FileNotFoundError):
        NTriplesGraph.from_file(tmp_path / "missing.ttl")
    (tmp_path / "bad.ttl").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(SyntaxError):
        NTriplesGraph.from_file(tmp_path / "bad.ttl")


def test_two_threads_asking_for_the_store_at_once_load_it_once(monkeypatch):
    """The build's validation and its rendering of the files both ask for the store, in two threads."""
    import threading
    import time

    import tiltaksgraf.graph.triples as triples_module

    loads: list[int] = []

    real_store = ox.Store

    class SlowStore:  # the real store, whose load takes long enough for the other threads to ask
        def __init__(self) -> None:
            self.real = real_store()

        def bulk_load(self, *args, **kwargs) -> None:
            loads.append(1)
            time.sleep(0.2)
            self.real.bulk_load(*args, **kwargs)

        def __len__(self) -> int:
            return len(self.real)

    monkeypatch.setattr(triples_module.ox, "Store", SlowStore)
    graph = NTriplesGraph(b"<http://a/s> <http://a/p> <http://a/o> .\n")
    start = threading.Barrier(4)
    got: list[ox.Store] = []

    def ask() -> None:
        start.wait()
        got.append(graph.store)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1 and len(got) == 4 and all(s is got[0] for s in got) and len(got[0]) == 1
