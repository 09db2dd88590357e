"""Kind cues from the parse: what the words around a mention say about what it names.

`find_kind_cues(parsed, mentions)` yields `KindCue` records; `resolve.within_doc` weighs
them with the mention labels. Two cues, both "this is no person":
- the possessor of a noun that only organizations and places have ("Acme's chief
  executive", "India's coach", "the company's shareholders");
- the possessor of a person's name ("Globex's Jane Roe": her employer).
Such a possessor votes Organization, or Place when the gazetteers know its name
("Iran's president"). A third, weaker cue: names listed together are mostly of one kind
("Globex, Initech and Hooli"), so each conjunct votes for its conjuncts' tags.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from graphbuild.lexicon.name_forms import in_gazetteer, person_structure
from graphbuild.lexicon.roles import PLAYER_TITLES
from graphbuild.model import KindCue, Mention
from graphbuild.names import POSSESSIVE
from graphbuild.nlp import ParsedDocument

# Nouns a person has none of: staff, officers and the players of a team.
OWNED_BY_ORGANIZATIONS = frozenset(
    "ceo chairman chairwoman chairperson president board shareholders shareholder employees "
    "workforce staff founder co-founder executive executives subsidiary subsidiaries headquarters "
    "coach squad team players lineup".split()) | PLAYER_TITLES
CONJUNCT_WEIGHT = 0.75  # per listed neighbour: less than one tag of the name itself
TAG_KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
CUE_WEIGHT = 4.5  # outweighs a full name tagged PERSON once (tag 1 + FULL_NAME_PERSON_BONUS 3)


def find_kind_cues(parsed: ParsedDocument, mentions: Sequence[Mention]) -> Iterator[KindCue]:
    """Cues for the mentions of `parsed` that possess an organization's noun or a
    person's name (see the module docstring)."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]

    def mention_of(token) -> Mention | None:
        a, b = parsed.source(token.idx, token.idx + len(token))
        i = bisect_right(starts, a) - 1
        while i >= 0 and ordered[i].start <= a:
            if b <= ordered[i].end:
                return ordered[i]
            i -= 1
        return None

    yield from _conjunct_cues(parsed.doc, mention_of)
    seen = set()
    for token in parsed.doc:
        if token.dep_ != "poss" or (m := mention_of(token)) is None or m in seen:
            continue
        head = token.head
        owner = mention_of(head)
        owned = head.lower_ in OWNED_BY_ORGANIZATIONS or (
            head.lower_ == "officer" and any(c.lower_ == "executive" for c in head.children))
        if owned or (owner is not None and owner is not m and _personal(owner)):
            seen.add(m)
            name = POSSESSIVE.sub("", m.text)
            kind = "Place" if in_gazetteer(name) else "Organization"
            yield KindCue(m.start, m.end, kind, "possessor-of-staff" if owned else "possessor-of-person", CUE_WEIGHT)


def _personal(m: Mention) -> bool:
    """A mention tagged PERSON or written with a personal name's structure."""
    return m.label == "PERSON" or person_structure(POSSESSIVE.sub("", m.text))


def _conjunct_cues(doc, mention_of) -> Iterator[KindCue]:
    """Each mention in a coordination ("A, B and C") votes for the tags of the other
    mentions in it."""
    for token in doc:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        members = [token, *(t for t in token.subtree if t.dep_ == "conj" and _conjunct_of(t, token))]
        mentions = list(dict.fromkeys(m for m in map(mention_of, members) if m is not None))
        for m in mentions:
            for other in mentions:
                if other is not m and other.label in TAG_KINDS:
                    yield KindCue(m.start, m.end, TAG_KINDS[other.label], "coordinated-with", CONJUNCT_WEIGHT)


def _conjunct_of(token, first) -> bool:
    """Whether `token` hangs off `first` by a chain of conj arcs."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i == first.i:
            return True
    return False
