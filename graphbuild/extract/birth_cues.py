"""Births as kind evidence: whoever is born is a person, and where one is born is a place.

- "X (born 4 May 1961 in Y)", "X was born in Y", "X, born in Y,", "Born in Y, X ...": X votes Person (a
  company is founded, a band formed; only people are born), rule "born-person";
- the place after "born ... in/at" or a birth date ("born 4 May 1961, Y"): Y votes Place, rule "born-in-place" (a hospital or a
  village, whatever its name looks like: "born in Hol" names no organization).
Read-only over the parse; `kind_cues.find_kind_cues` weighs the cues with the tags.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from graphbuild.model import KindCue, Mention
from graphbuild.nlp import ParsedDocument

BORN_PERSON, BORN_IN_PLACE = "born-person", "born-in-place"
# As strong as a possessor cue (`kind_cues.CUE_WEIGHT`): outweighs one wrong tag and a
# name's form, and confirms a place (`resolve.group_kind.STRONG_PLACE_CUE`).
CUE_WEIGHT = 4.5
BORN_HEAD_DEPS = frozenset("acl amod appos relcl parataxis".split())  # "X (born ...)", "X, born ..."
PLACE_PREPS = frozenset("in at".split())


def _born_subject(born: Token) -> Token | None:
    """The token naming who is born: the passive subject ("X was born") or the name the
    participle hangs on ("X (born 1961)")."""
    subj = next((c for c in born.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subj is None and born.dep_ == "advcl":  # "Born in Y in 1941, X moved to ...": the clause's subject
        subj = next((c for c in born.head.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        return subj if subj.pos_ == "PROPN" else None
    if born.dep_ in BORN_HEAD_DEPS and born.head.pos_ == "PROPN":
        return born.head
    return None


def _born_places(born: Token) -> Iterator[Token]:
    """The objects of "in"/"at" under "born" ("born in Y", "born 4 May 1961 in Y") and the
    name after a birth date and a comma ("(born 4 May 1961, Y)")."""
    for prep in born.children:
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
            yield from (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN")
    doc = born.doc
    if born.dep_ == "advcl":  # fronted: the name after the comma is who was born
        return
    for k in range(born.i + 2, min(born.sent.end - 1, born.i + 8)):
        if doc[k].text in (")", ";"):
            break
        if doc[k].text == "," and doc[k - 1].ent_type_ == "DATE" and doc[k + 1].pos_ == "PROPN":
            yield doc[k + 1]
            break


def birth_cues(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None]) -> Iterator[KindCue]:
    """Person cues for who is born, Place cues for where (module docstring)."""
    seen: set[tuple[Mention, str]] = set()
    for born in parsed.doc:
        if born.lower_ != "born" or born.tag_ != "VBN":
            continue
        found = [(_born_subject(born), "Person", BORN_PERSON)]
        found += [(t, "Place", BORN_IN_PLACE) for t in _born_places(born)]
        for tok, kind, rule in found:
            m = mention_of(tok) if tok is not None else None
            if m is not None and (m, kind) not in seen:
                seen.add((m, kind))
                yield KindCue(m.start, m.end, kind, rule, CUE_WEIGHT)
