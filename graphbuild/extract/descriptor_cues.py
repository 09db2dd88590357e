"""A name written right before a lowercase noun that says what kind of organization it
names is an organization's: "the centrist Renouveau party", "the Halden group", "the
Tarvo bank". Read-only over the parse; `kind_cues.find_kind_cues` weighs the cue.

The weight beats two tags, not a full personal name tagged PERSON ("the Murdoch company"
keeps Rupert Murdoch a person), and a place's name stays a place ("the Texas company",
"the Iran nuclear deal" names no organization "Texas").
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from graphbuild.lexicon.countries import is_nation
from graphbuild.lexicon.name_forms import in_gazetteer
from graphbuild.model import KindCue, Mention
from graphbuild.names import POSSESSIVE
from graphbuild.nlp import ParsedDocument

# Nouns that name an organization's kind after its name, and never a person's trade
# ("the Obama administration", "the Smith family", "the Trump campaign" are left out).
NAMED_BEFORE = frozenset(
    "party company firm group union club bank airline agency newspaper broadcaster league alliance "
    "movement coalition carrier lender insurer charity conglomerate".split()
)
NAME_BEFORE_DESCRIPTOR = "name-before-descriptor"
WEIGHT = 3.0  # more than two tags, less than a full name tagged PERSON (`group_kind`: 1 + 3)


def name_before_descriptor_cues(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None]) -> Iterator[KindCue]:
    """Organization cues for the names right before a lowercase organization noun."""
    seen: set[Mention] = set()
    for noun in parsed.doc:
        if noun.pos_ != "NOUN" or not noun.is_lower or noun.lemma_.lower() not in NAMED_BEFORE or noun.i == 0:
            continue
        before = parsed.doc[noun.i - 1]
        if before.dep_ != "compound" or before.head.i != noun.i or before.pos_ != "PROPN":
            continue
        m = mention_of(before)
        if m is None or m in seen:
            continue
        name = POSSESSIVE.sub("", m.text)
        if is_nation(name) or in_gazetteer(name) or m.label in ("GPE", "LOC", "NORP"):
            continue
        seen.add(m)
        yield KindCue(m.start, m.end, "Organization", NAME_BEFORE_DESCRIPTOR, WEIGHT)
