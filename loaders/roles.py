"""Who does what in each measure: every organisation's roles, read by sentence rules, with the evidence.

For each measure and sub-measure («27a»):

- **responsible**: the ministries the loader already read from the overview table and the body's
  «Ansvarlig(e) departement(er)» line, kept as they are (rule ``responsible/overview`` or ``…/body``);
- **executing, commissioning, funding, administering, coordinating, collaborating, evaluating,
  researching, consulted**: read from each sentence of the title, description and status by the rules of
  :mod:`loaders.role_rules`;
- **mentioned**: an organisation the (sub-)measure names without any of those roles. Names in the
  footnotes of a measure only count as mentions: a citation says who wrote, not who did the measure.

An organisation can hold several roles in one measure; each (measure, organisation, role) is reported
once, with one sentence as evidence: from the status if one gives it (what happened), else from the
description, the title or a footnote. A ministry named responsible by both the overview table and the
body is reported once, with the overview's evidence. The roles map to IATI organisation roles by
:data:`IATI_ROLE`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace

from tiltaksgraf.loaders.actors import ORGANISATION, ROLES, Mention, PublicationActors, Role
from tiltaksgraf.loaders.measure_text import TextPart
from tiltaksgraf.loaders.mentions import LabelIndex, find_mentions, mentions_in_text
from tiltaksgraf.loaders.model import Evidence, Footnote, Report
from tiltaksgraf.loaders.role_rules import sentence_roles
from tiltaksgraf.loaders.text import split_sentences

#: The IATI organisation-role code each role maps to (1 Funding, 2 Accountable, 3 Extending, 4 Implementing),
#: as ``ontology/schemes/role.ttl`` maps it (skos:closeMatch or skos:broadMatch). Commissioning is not
#: Extending: whoever manages money on a funder's behalf is ``administering``. ``consulted`` and ``mentioned``
#: have no code.
IATI_ROLE = {
    "responsible": "2",
    "executing": "4",
    "commissioning": "2",
    "funding": "1",
    "administering": "3",
    "coordinating": "4",
    "collaborating": "4",
    "evaluating": "4",
    "researching": "4",
}


#: Which section's sentence is kept as evidence when several give the same role: what happened first.
_EVIDENCE_PREFERENCE = ("status", "description", "title", "footnote")


def measure_roles(report: Report, parts: dict[int, list[TextPart]], index: LabelIndex) -> list[Role]:
    """The roles of every organisation in every measure and sub-measure, sorted by measure and role."""
    rows: dict[tuple[str, str, str], Role] = {}
    for measure in report.measures:
        owners = [(measure.label, measure.responsibilities)]
        owners += [(s.label, s.responsibilities) for s in measure.submeasures]
        for owner, responsibilities in owners:
            for r in responsibilities:
                target = index.lookup(r.acronym)
                if target is not None and target.kind == ORGANISATION:
                    rule = f"responsible/{r.source}"
                    row = Role(owner, target.iri, target.label, "responsible", rule, r.evidence, r.acronym)
                    rows.setdefault((owner, target.iri, "responsible"), row)
        named: list[Role] = []
        for part in sorted(parts.get(measure.number, []), key=lambda p: _EVIDENCE_PREFERENCE.index(p.section)):
            for role in _part_roles(part, index):
                if role.role == "mentioned":
                    named.append(role)
                else:
                    rows.setdefault((role.measure, role.actor, role.role), role)
        held = {(owner, actor) for owner, actor, _ in rows}
        for role in named:
            if (role.measure, role.actor) not in held:
                rows.setdefault((role.measure, role.actor, "mentioned"), role)
    return sorted(rows.values(), key=_order)


def _part_roles(part: TextPart, index: LabelIndex) -> Iterable[Role]:
    mentions = sorted(find_mentions(part.block, index), key=lambda m: m.start)
    starts = [m.start for m in mentions]  # a sentence's mentions by bisection: linear in a long paragraph
    for sentence in split_sentences(part.block):
        first, last = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        inside = [m for m in mentions[first:last] if m.end <= sentence.end]
        if not inside:
            continue
        evidence = Evidence(sentence.text, sentence.span, part.section_label)
        decided: set[str] = set()
        if part.section != "footnote":
            shifted = [_shift(m, -sentence.start) for m in inside]
            for d in sentence_roles(sentence.text, shifted):
                decided.add(d.mention.iri)
                yield Role(part.owner, d.mention.iri, d.mention.target.label, d.role, d.rule, evidence, d.mention.text)
        for m in inside:
            if m.target.kind == ORGANISATION and m.iri not in decided:
                yield Role(part.owner, m.iri, m.target.label, "mentioned", "mentioned/named", evidence, m.text)


def publication_actors(footnotes: Iterable[Footnote], index: LabelIndex) -> list[PublicationActors]:
    """The publisher (and any institutional author) of each cited publication, resolved through the registry."""
    out: list[PublicationActors] = []
    for note in footnotes:
        pub = note.publication
        if pub is None:
            continue
        publisher = _organisation(pub.publisher, index) if pub.publisher else None
        authors = _organisation(pub.authors, index, whole=True) if pub.authors else None
        out.append(PublicationActors(note.number, pub.key, pub.publisher, publisher, (authors,) if authors else ()))
    return out


def _organisation(name: str, index: LabelIndex, *, whole: bool = False) -> str | None:
    """The organisation a name is: the whole name as a label, else (unless ``whole``) the longest name in it."""
    target = index.lookup(name.strip(" .,"))
    if target is not None:
        return target.iri if target.kind == ORGANISATION else None
    if whole:
        return None
    inside = [m for m in mentions_in_text(name, index) if m.target.kind == ORGANISATION]
    return max(inside, key=lambda m: m.end - m.start).iri if inside else None


def _shift(m: Mention, by: int) -> Mention:
    return replace(m, start=m.start + by, end=m.end + by)


def _order(role: Role) -> tuple[int, str, int, str]:
    return (role.number, role.measure, ROLES.index(role.role), role.label)
