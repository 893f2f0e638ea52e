"""Every document each measure names, one resource per document, with how the measure names it.

For every measure and sub-measure («27a»), in its title, description and status (:mod:`loaders.measure_text`):

* **prose**: each document a paragraph names, by the rules of :mod:`loaders.document_rules`, with the sentence
  it stands in; a paragraph is read whole, so a title with a full stop in it («Overgrepsmottak. Veileder for
  helsetjenesten») stays one title;
* **footnote**: the publication each footnote mark in its text cites (:mod:`loaders.citations`); a title named
  in the prose that begins like a footnote's title («Taushetsplikt, opplysningsrett og opplysningsplikt i
  forvaltningen» and the footnote's «… – en veileder») is that footnote's document;
* **deliverable**: a document named in its *status*, in a sentence that reports something done (a status rule
  of value ``completed`` fires), and of the kind its title asks for («Revidere … rundskriv» → a circular,
  «… veileder», «… analyse», «melding til Stortinget» …): measure 47 produced Rundskriv 2/2023;
* **replaces**: a deliverable of a measure whose title says «Revidere/Oppdatere/Erstatte», beside an older
  document of the same kind and issuer the measure names, replaces it (Rundskriv 2/2023 replaces 3/2008);
* **evaluated by**: a report that calls itself an evaluation («Evaluering av …», «Følgeevaluering av …»),
  named by a measure whose title is not itself about evaluating.

One document named in several places is one resource: its key (the key of its IRI) comes from its
designation where it has one («NOU 2020: 17» → ``nou-2020-17``; a circular's with its issuer,
``riksadvokaten-rundskriv-2-2023``), from the registry for laws and conventions, else from its title.

Who issued a document is read from the text: a genitive just before it («Bufdirs rundskriv», «NIMs rapport»),
«…», som Bufdir har utviklet», the organisation that «leverte sin rapport», «la fram», «utarbeidet» it in the
same sentence, or, for a circular, the issuer the measure's title names («Revidere Riksadvokatens rundskriv»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tiltaksgraf.loaders.actors import ORGANISATION, Mention
from tiltaksgraf.loaders.citations import slug
from tiltaksgraf.loaders.document_descriptions import RULES as DESCRIPTION_RULES
from tiltaksgraf.loaders.document_descriptions import Described, described_in
from tiltaksgraf.loaders.document_rules import LegalName, Named, named_in, without_overlaps
from tiltaksgraf.loaders.measure_text import TextPart
from tiltaksgraf.loaders.mentions import LabelIndex, find_mentions
from tiltaksgraf.loaders.model import (
    Document,
    DocumentMention,
    Evidence,
    Finding,
    FootnoteMark,
    Publication,
    Report,
    Span,
)
from tiltaksgraf.loaders.status_rules import matches
from tiltaksgraf.loaders.text import SUPERSCRIPT_DIGITS, Sentence, line_block, split_sentences

#: What a measure's title asks for, by the document kind that delivers it.
TITLE_ASKS = (
    (re.compile(r"\brundskriv", re.I), "circular"),
    (re.compile(r"veileder|retningslinje", re.I), "guideline"),
    (re.compile(r"\bmelding til Stortinget", re.I), "white-paper"),
    (re.compile(r"\bhandlingsplan", re.I), "plan"),
    (re.compile(r"\brapport|\banalyse|undersøkelse|\bkartlegg|\butred|\bevaluer", re.I), "report"),
)
_REVISES = re.compile(r"^(?:Revidere|Oppdatere|Erstatte)\b")
_EVALUATION = re.compile(r"evaluering", re.I)
_PUBLISH_VERB = re.compile(
    r"\b(?:leverte|la (?:\w+ ){0,3}?(?:fram|frem)|utarbeidet|utarbeider|publiserte|lanserte|ga ut"
    r"|har (?:\w+ )?(?:revidert|utarbeidet|utviklet|publisert|lansert))\b"
)
_RELATIVE_MAKER = re.compile(r"^[»\s]*,?\s*som (?P<who>.+?) har (?:utviklet|utarbeidet|laget|publisert)\b")


@dataclass
class Documents:
    """What the documents step read from one report."""

    documents: dict[str, Document] = field(default_factory=dict)
    mentions: list[DocumentMention] = field(default_factory=list)
    replaces: list[tuple[str, str]] = field(default_factory=list)  # (new key, old key)
    evaluated_by: list[tuple[str, str]] = field(default_factory=list)  # (measure, document key)
    findings: list[Finding] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Documents named by some measure, by kind."""
        named = {m.document for m in self.mentions}
        out: dict[str, int] = {}
        for d in self.documents.values():
            if d.key in named:
                out[d.kind] = out.get(d.kind, 0) + 1
        return dict(sorted(out.items()))


def publication_document(pub: Publication) -> Document:
    """The document a footnote's publication is: a report, an article, a guideline or another document."""
    kind = pub.kind
    if kind == "document":
        kind = "guideline" if re.search(r"veileder", pub.title, re.I) else "document"
    return Document(
        pub.key,
        kind,
        pub.designation,
        pub.title,
        pub.year,
        pub.publisher,
        container=pub.container,
        subtitle=pub.subtitle,
    )


def read_documents(
    report: Report, parts: dict[int, list[TextPart]], index: LabelIndex, names: Sequence[LegalName] = ()
) -> Documents:
    """Every document each measure of ``report`` names (the module docstring); ``names`` from the registry."""
    out = Documents()
    registry = {n.key for n in names}
    titles = {m.label: m.title for m in report.measures} | {
        s.label: s.title for m in report.measures for s in m.submeasures
    }
    notes = {f.number: f for f in report.footnotes}
    aliases: dict[str, str] = {}  # a footnote publication's title, as a slug → its key
    for measure in report.measures:
        for mark in measure.footnote_marks:
            note = notes.get(mark.number)
            if note is None or note.publication is None:
                continue
            doc = publication_document(note.publication)
            _add(out, doc)
            aliases.setdefault(slug(doc.title or "", 12), doc.key)
            out.mentions.append(
                DocumentMention(mark.measure, doc.key, "footnote", "footnote", note.text, mark.evidence, note.number)
            )
    off_topic = {
        (f.measure or "", f.span.start) for f in report.findings if f.kind == "repeated-footnote-off-topic" and f.span
    }
    resolved: dict[str, str] = {}  # a description's title, as a slug → the document it was read as
    marks = {m.number: m.footnote_marks for m in report.measures}
    for number in sorted(parts):
        issuer = _title_issuer(titles[str(number)], index)
        for part in parts[number]:
            if part.section == "footnote":
                continue
            sentences = split_sentences(part.block)
            orgs = [m for m in find_mentions(part.block, index) if m.target.kind == ORGANISATION]
            found = named_in(part.block.text, names)
            described = described_in(part.block.text, report.successor.full_name, part.section == "title")
            designated = [n for n in found if n.rule != "registry"]  # a law named inside a description stays
            read: list[tuple[Named, Document]] = []  # what the paragraph names otherwise, as documents
            for named in [*found, *(_as_named(d) for d in without_overlaps(described, designated))]:
                at = next((i for i, s in enumerate(sentences) if s.start <= named.start < s.end), len(sentences) - 1)
                sentence = sentences[at]
                evidence = Evidence(sentence.text, sentence.span, part.section_label)
                doc = _document(named, part.block.text, sentence, orgs, issuer, aliases, registry)
                if named.rule in DESCRIBED_RULES:
                    near = _named_nearby(named, sentences[at : at + 2], read, marks.get(number, []), notes, off_topic)
                    if near is not None:
                        resolved[slug(doc.title or "", 8)] = near.key
                        doc = near
                elif named.rule != "registry":
                    read.append((named, doc))
                _add(out, doc)
                out.mentions.append(DocumentMention(part.owner, doc.key, "prose", named.rule, named.text, evidence))
                if named.incomplete:
                    out.findings.append(_incomplete(part.owner, named, evidence))
    _same_as_named(out, resolved)
    _deliverables(out, titles, report.plan.start_year, off_topic)
    _evaluations(out, titles, report.plan.start_year, off_topic)
    return out


#: The rules that name a document by description (:mod:`loaders.document_descriptions`).
DESCRIBED_RULES = {r[0] for r in DESCRIPTION_RULES}


#: A sentence that opens by referring back to a report just described («Rapporten kan lastes ned»).
_REFERS_BACK = re.compile(r"^(?:Rapporten|Studien|Evalueringen|Utredningen|Undersøkelsen|Kartleggingen|Analysen)\b")


def _unmarked(text: str) -> str:
    return " ".join(re.sub(f"[{SUPERSCRIPT_DIGITS}]+", "", text).split())


def _named_nearby(
    named: Named,
    sentences: Sequence[Sentence],
    read: Sequence[tuple[Named, Document]],
    marks: Sequence[FootnoteMark],
    notes: dict,
    off_topic: set[tuple[str, int]],
) -> Document | None:
    """The one report that the sentence of a described report names by a footnote mark or by a quoted title or
    designation (``read``: the paragraph's other readings, as documents), or the next sentence does when it
    opens by referring back: «NOVA gjennomførte … en evaluering av bruken av omvendt voldsalarm.⁴³», «… en
    samfunnsøkonomisk analyse av … Rapporten «Samfunnskostnader …» ble lansert». The description is that report.
    Only reports: a guideline described beside another is often the one that replaces it."""
    if named.kind != "report":
        return None
    near = sentences[:1] + [s for s in sentences[1:2] if _REFERS_BACK.match(s.text)]
    found: dict[str, Document] = {}
    for sentence in near:
        said = _unmarked(sentence.text)
        for mark in marks:
            note = notes.get(mark.number)
            if (mark.measure, mark.evidence.span.start) in off_topic or note is None or note.publication is None:
                continue
            if _unmarked(mark.evidence.quote).endswith(said):
                doc = publication_document(note.publication)
                found[doc.key] = doc
        for n, doc in read:
            if sentence.start <= n.start < sentence.end:
                found[doc.key] = doc
    same = [d for d in found.values() if d.kind in ("report", "document")]
    return same[0] if len(same) == 1 else None


def _same_as_named(out: Documents, resolved: dict[str, str]) -> None:
    """A document named by description is one the report names otherwise when the same description was read as
    that one elsewhere (``resolved``, :func:`_named_nearby`), or its title is the other's title or the other's
    begins with it, in three words or more, or it is only a noun and a year and the same measure names one such
    document of that year, with no second such document («Riksadvokatens rundskriv om
    familievold» and «rundskriv om familievold (3/2008)»; «evalueringen av Statens barnehus» and «Evaluering av
    Statens barnehus 2021»): its mentions move to it."""
    described = {m.document for m in out.mentions if m.rule in DESCRIBED_RULES}
    others = {slug(d.title, 12): d.key for d in out.documents.values() if d.title and d.key not in described}
    moved = {}
    for key in described:
        doc = out.documents[key]
        words = slug(doc.title or "", 12)
        target = resolved.get(slug(doc.title or "", 8))
        if target is None and words.count("-") >= 2:
            like = {k for t, k in others.items() if t == words or t.startswith(words + "-")}
            target = like.pop() if len(like) == 1 else None
        bare = re.fullmatch(r"(\w+) \((\d{4})\)", doc.title or "")
        if target is None and bare:  # «den forrige omfangsundersøkelsen fra 2014»: the one of that year named there
            where = {m.measure for m in out.mentions if m.document == key}
            like = {
                m.document
                for m in out.mentions
                if m.measure in where
                and m.document != key
                and (out.documents[m.document].title or "").startswith(bare.group(1))
                and out.documents[m.document].year == int(bare.group(2))
            }
            target = like.pop() if len(like) == 1 else None
        if target and target != key and target in out.documents:
            moved[key] = target
    out.mentions = list(dict.fromkeys(replace(m, document=moved.get(m.document, m.document)) for m in out.mentions))
    for key in moved:
        del out.documents[key]


def _as_named(d: Described) -> Named:
    """A document named by description as the other readings are: keyed from its title (the description)."""
    return Named(d.rule, d.kind, d.start, d.end, d.text, slug(d.title, 8), title=d.title, year=d.year)


def _add(out: Documents, doc: Document) -> None:
    """Keep one resource per key; a later mention fills in what the first left open."""
    known = out.documents.get(doc.key)
    if known is None:
        out.documents[doc.key] = doc
        return
    fields = ("designation", "title", "year", "publisher", "publisher_iri", "container", "subtitle")
    filled = {f: getattr(doc, f) for f in fields}
    out.documents[doc.key] = replace(known, **{f: v for f, v in filled.items() if getattr(known, f) is None and v})


def _document(
    named: Named,
    text: str,
    sentence: Sentence,
    orgs: list[Mention],
    issuer: Mention | None,
    aliases: dict[str, str],
    registry: set[str],
) -> Document:
    if named.key in registry:
        return Document(named.key, named.kind, registry=True)
    who = _publisher(named, text, sentence, orgs) or (issuer if named.kind == "circular" else None)
    key = named.key
    if named.designation is None and named.title:
        key = _alias(named.title, aliases) or key  # the footnote's publication, named again in the prose
    elif named.kind == "circular" and who is not None:
        key = slug(f"{who.iri.rsplit('/', 1)[-1]} {named.designation}", 10)  # a circular's number is its issuer's
    return Document(
        key,
        named.kind,
        named.designation,
        named.title,
        named.year or _year_after(text, named.end),
        who.target.label if who else None,
        who.iri if who else None,
    )


def _alias(title: str, aliases: dict[str, str]) -> str | None:
    """The footnote publication whose title begins like this one (or this one like it), in three words or more."""
    words = slug(title, 12)
    for known, key in aliases.items():
        shorter = min(known, words, key=len)
        if shorter.count("-") >= 2 and (known.startswith(words) or words.startswith(known)):
            return key
    return None


def _publisher(named: Named, text: str, sentence: Sentence, orgs: list[Mention]) -> Mention | None:
    """The organisation the text says issued the document (the module docstring), or None."""
    before = [m for m in orgs if sentence.start <= m.start and m.end <= named.start]
    for m in reversed(before):  # «Bufdirs rundskriv for «…»», «NIMs rapport «…»»
        if m.genitive and re.fullmatch(r"\s*(?:[\wæøå-]+\s+){0,2}", text[m.end : named.start]):
            return m
    after = _RELATIVE_MAKER.match(text[named.end : named.end + 80])
    if after:  # «…», som Bufdir har utviklet
        offset = named.end + after.start("who")
        return next((m for m in orgs if m.start == offset), None)
    if before and _PUBLISH_VERB.search(text[sentence.start : named.start]):
        return before[-1]  # «NOVA leverte sin rapport «…»», «utarbeidet Riksadvokaten … et rundskriv»
    return None


def _title_issuer(title: str, index: LabelIndex) -> Mention | None:
    """The issuer a measure's title names in the genitive before a circular («Revidere Riksadvokatens rundskriv»)."""
    block = line_block(title, 1)
    for m in find_mentions(block, index):
        if m.genitive and m.target.kind == ORGANISATION and re.match(r"\s*rundskriv", block.text[m.end :], re.I):
            return m
    return None


def _year_after(text: str, end: int) -> int | None:
    """«… «Title» utgitt i 2007»: the year a document was issued, written right after it."""
    m = re.match(r"\s*(?:\(|,)?\s*(?:utgitt|publisert|fra) (?:i )?((?:19|20)\d\d)\b", text[end : end + 30])
    return int(m.group(1)) if m else None


def _asks(title: str) -> set[str]:
    return {kind for rx, kind in TITLE_ASKS if rx.search(title)}


def _reports_done(sentence: str, words: str) -> bool:
    """The sentence reports the document done: a status rule of value ``completed`` fires on what follows the
    words that name it («Rundskriv nr. 2/2023 … ble lansert»), not counting a clause on its origin («som Bufdir
    har utviklet»); a footnote's mark stands at the end, so there the whole sentence counts."""
    at = sentence.find(words) if words else -1
    rest = sentence[at:] if at >= 0 else sentence
    rest = re.sub(r",? som [^,.]* har \w+", "", rest)
    return any(r.value == "completed" for r in matches(Sentence(rest, 0, len(rest), Span(1, 1))))


def _deliverables(out: Documents, titles: dict[str, str], since: int, off_topic: set[tuple[str, int]]) -> None:
    """Mark deliverables (a prose mention becomes one; a footnote's gets one beside it), then replacements.

    A deliverable is not older than the plan (``since``, its first year), and never read through a repeated
    footnote that does not fit its sentence (``off_topic``: measure and line of those findings).
    """
    done: list[DocumentMention] = []
    kept: list[DocumentMention] = []
    for m in out.mentions:
        doc = out.documents[m.document]
        words = m.text if m.cited_as == "prose" else ""
        if (
            m.evidence.section.endswith(", status")
            and doc.kind in _asks(titles.get(m.measure, ""))
            and (doc.year is None or doc.year >= since)
            and (m.measure, m.evidence.span.start) not in off_topic
            and _reports_done(m.evidence.quote, words)
        ):
            deliverable = replace(m, cited_as="deliverable", rule=f"deliverable/{m.rule}")
            done.append(deliverable)
            kept.append(deliverable if m.cited_as == "prose" else m)
        else:
            kept.append(m)
    delivered = {(m.measure, m.document) for m in kept if m.cited_as == "deliverable"}
    for d in done:  # a footnote's deliverable, unless the prose already names it as one
        if d not in kept and (d.measure, d.document) not in delivered:
            kept.append(d)
            delivered.add((d.measure, d.document))
    out.mentions = kept
    for d in done:
        if not _REVISES.match(titles.get(d.measure, "")):
            continue
        new = out.documents[d.document]
        for m in out.mentions:
            old = out.documents[m.document]
            same_issuer = not (new.publisher_iri and old.publisher_iri) or new.publisher_iri == old.publisher_iri
            older = old.year is not None and new.year is not None and old.year < new.year
            same_measure = m.measure.rstrip("abcd") == d.measure.rstrip("abcd")
            candidate = same_measure and old.key != new.key and old.kind == new.kind and same_issuer and older
            if candidate and (new.key, old.key) not in out.replaces:
                out.replaces.append((new.key, old.key))


def _evaluations(out: Documents, titles: dict[str, str], since: int, off_topic: set[tuple[str, int]]) -> None:
    """A report that calls itself an evaluation evaluates the measure that names it when it is about what the
    measure's title is about (a content word in common), is not older than the plan, and the measure's title
    is not itself about evaluating (then the report is its deliverable)."""
    for m in out.mentions:
        doc = out.documents[m.document]
        title = titles.get(m.measure, "")
        says = f"{doc.title or ''} {doc.subtitle or ''}"
        evaluation = (
            doc.kind == "report"
            and _EVALUATION.search(says)
            and not re.search(r"evaluer", title, re.I)
            and (doc.year is None or doc.year >= since)
            and (m.measure, m.evidence.span.start) not in off_topic
            and _stems(says) & _stems(title)
        )
        if evaluation and (m.measure, doc.key) not in out.evaluated_by:
            out.evaluated_by.append((m.measure, doc.key))


#: Words of the field that every title shares, and small words: they tell no two subjects apart.
_COMMON = {"vold", "nære", "relas", "overg", "evalu", "følge", "tiltak", "arbei", "innsa", "styrk", "gjenn", "utvik"}


def _stems(text: str) -> set[str]:
    """The first five letters of the words of six letters or more, less the words of the field."""
    return {w[:5].lower() for w in re.findall(r"[\wæøåÆØÅ]{6,}", text)} - _COMMON


def _incomplete(owner: str, named: Named, evidence: Evidence) -> Finding:
    return Finding(
        "document-designation-incomplete",
        owner,
        evidence.span,
        evidence.quote,
        f"«{named.designation}» has no number; the document is told apart by its title «{named.title}»",
    )
