"""The namespaces of the graph as plain strings: the one place their IRIs are spelt.

:mod:`graph.vocab` makes rdflib namespaces of them; code that only writes or reads query text (the prefixes
a query may use undeclared, the text table's prefixed names) takes them from here without importing rdflib.

>>> NAMESPACES["role"]
'https://w3id.org/tiltaksgraf/vocab/role/'
"""

from __future__ import annotations

BASE = "https://w3id.org/tiltaksgraf/"
ID = f"{BASE}id/"
VOCAB = f"{BASE}vocab/"
TG = f"{BASE}ontology#"

#: Every namespace by the prefix the graph's Turtle and the queries use for it.
NAMESPACES: dict[str, str] = {
    "tg": TG,
    "tgid": ID,
    "status": f"{VOCAB}status/",
    "continuation": f"{VOCAB}continuation/",
    "role": f"{VOCAB}role/",
    "source": f"{VOCAB}statement-source/",
    "orgtype": f"{VOCAB}organisation-type/",
    "progkind": f"{VOCAB}programme-kind/",
    "finding": f"{VOCAB}finding/",
    "kind": f"{VOCAB}document-kind/",
    "citedas": f"{VOCAB}cited-as/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
    "fabio": "http://purl.org/spar/fabio/",
    "cito": "http://purl.org/spar/cito/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SH = "http://www.w3.org/ns/shacl#"
