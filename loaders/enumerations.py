"""Organisations named only by place, in a list: «tre politidistrikter, Sør-Vest, Sør-Øst og Nordland».

The rule: a list of two or more capitalised names («A, B og C») is read item by item through the template
of a trigger noun («{} politidistrikt», «Konfliktrådet i {}», «{} kommune») when

- it follows the trigger with nothing but spaces and punctuation between («tre konfliktråd; Agder,
  Finnmark og Troms», «kommunene Porsanger, Kautokeino og Alta»), or
- it opens a sentence of a paragraph that has the trigger earlier («… går til prosjekter i tre kommuner.
  … Færder, Midt-Telemark og Larvik har mottatt midler»).

The list counts only when every item resolves to a registered organisation, so «lokaler i Kirkenes og
Alta» (no trigger, and Kirkenes is no municipality) names nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tiltaksgraf.loaders.actors import ORGANISATION, Mention
from tiltaksgraf.loaders.text import Block

if TYPE_CHECKING:
    from tiltaksgraf.loaders.mentions import LabelIndex

#: Trigger nouns and the template that turns a place into the name of an organisation.
TEMPLATES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bpolitidistrikt(?:er|ene)?\b"), "{} politidistrikt"),
    (re.compile(r"\bkonfliktråd(?:ene)?\b"), "Konfliktrådet i {}"),
    (re.compile(r"\bkommune(?:r|ne)\b"), "{} kommune"),
)
_NAME = r"[A-ZÆØÅ]\w*(?:-[A-ZÆØÅ]\w*)?"
_LIST = re.compile(rf"[\s,;:.]{{1,3}}(?P<list>{_NAME}(?:,\s+{_NAME})*\s+og\s+{_NAME})(?!\w)")
_ITEM = re.compile(_NAME)
_OPENING_LIST = re.compile(rf"(?<=[.!?] )(?P<list>{_NAME}(?:,\s+{_NAME})*\s+og\s+{_NAME})(?!\w)")


def place_mentions(block: Block, index: LabelIndex) -> list[Mention]:
    """The organisations named by place in lists after a trigger noun in ``block``."""
    text = block.text
    out: list[Mention] = []
    for trigger, template in TEMPLATES:
        first = trigger.search(text)
        if first is None:
            continue
        listings = [_LIST.match(text, t.end()) for t in trigger.finditer(text)]
        listings += [m for m in _OPENING_LIST.finditer(text, first.end())]
        seen: set[int] = set()
        for listing in listings:
            if not listing or listing.start("list") in seen:
                continue
            seen.add(listing.start("list"))
            items = list(_ITEM.finditer(text, listing.start("list"), listing.end("list")))
            targets = [index.lookup(template.format(item.group())) for item in items]
            if not all(target is not None and target.kind == ORGANISATION for target in targets):
                continue
            for item, target in zip(items, targets, strict=True):
                assert target is not None
                out.append(
                    Mention(item.group(), item.start(), item.end(), block.line_at(item.start()), target, "enumeration")
                )
    return sorted(out, key=lambda m: m.start)
