"""Kind cues from the verbs of team membership: what a player plays for, signs for, joins,
or is loaned or transferred to is a club, an organization ("plays for Leeds", "signed for
Porto", "joined Ajax", "loaned him to Everton", "a season on loan at Rio Ave"), even when
the tagger took the name for a person or a place. A nation's name stays a place (a
national side), a name ending in an event noun stays an event ("joined the Civil War"),
and a name starting with a known given name stays a person's (a club named like a person
is rare). Likewise a name described by a group noun ("X is an American rock band", "X, a
football club,", "the rock band X") names an organization. `affiliation_cues(parsed, mentions)` yields
`KindCue` records for `resolve.within_doc`.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Token

from graphbuild.extract.affiliation_phrases import CLUB_NOUNS, club_noun_preps
from graphbuild.extract.band_members import MUSICIAN_NOUNS, forming_subject
from graphbuild.lexicon.countries import is_nation
from graphbuild.model import KindCue, Mention
from graphbuild.names import POSSESSIVE
from graphbuild.nlp import ParsedDocument

# (lemma, preposition) whose object is the club.
CLUB_ARGS = frozenset({("play", "for"), ("sign", "for"), ("compete", "for"), ("loan", "to"), ("transfer", "to"),
                       ("trade", "to"), ("sell", "to")})
# Nouns that say what their subject is an organization of: "X is an American rock band",
# "X, a football club from Y", "X is a political party in Y".
GROUP_NOUNS = frozenset("band group duo trio quartet club team party company corporation firm organization "
                        "organisation association federation league union alliance".split())
CLUB_WEIGHT = 4.5  # as strong as a possessor cue (kind_cues.CUE_WEIGHT)


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def given_name(word: str) -> bool:
    """Whether `word` is a known English given name (it has nicknames or is one)."""
    w = word.lower()
    n = _nicknamer()
    return bool(n.nicknames_of(w) or n.canonicals_of(w))


def _event_name(last_word: str) -> bool:
    """A name ending in an event noun of the ontology ("joined the Civil War"): no club."""
    from graphbuild.extract.event_lexicon import lexicon

    return last_word.lower() in lexicon().triggers


def _club_preps(doc) -> Iterator[Token]:
    """The prepositions of `CLUB_ARGS` and of the club nouns ("his career with")."""
    for t in doc:
        if t.dep_ in ("prep", "dative") and (t.head.lemma_.lower(), t.lower_) in CLUB_ARGS:
            yield t
        elif t.pos_ == "NOUN" and t.lemma_.lower() in CLUB_NOUNS:
            yield from club_noun_preps(t)


def _club_objects(doc) -> Iterator[Token]:
    """Objects of the club prepositions, what a player joins, and their conjuncts."""
    # "joined X": a club or a company, or a person ("Roe joined Doe in the dressing room"),
    # so only a name the tagger did not take for a person's
    joined = [c for v in doc if v.lemma_.lower() == "join" and v.pos_ == "VERB" for c in v.children
              if c.dep_ == "dobj" and c.ent_type_ != "PERSON"]
    for prep in [*_club_preps(doc), None]:
        stack = joined if prep is None else [c for c in prep.children if c.dep_ == "pobj"]
        while stack:
            t = stack.pop()
            stack.extend(c for c in t.children if c.dep_ == "conj")
            yield t


def _described_groups(doc) -> Iterator[Token]:
    """The names said to be a group: "X is a band", "X, a football club,", "rock band X",
    "X was formed by guitarist A"."""
    for noun in doc:
        if noun.lemma_.lower() not in GROUP_NOUNS or noun.pos_ != "NOUN":
            continue
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            yield from (c for c in noun.head.children if c.dep_ == "nsubj")
        elif noun.dep_ == "appos":
            yield noun.head
        elif noun.dep_ == "compound" and noun.is_lower and noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN":
            yield doc[noun.i + 1]  # "the English rock band Joy Division": the name right after
    for noun in doc:  # "X was formed by guitarist A": X is a band
        if noun.lemma_.lower() in MUSICIAN_NOUNS and (subj := forming_subject(noun)) is not None:
            yield subj


def affiliation_cues(parsed: ParsedDocument, mentions: Sequence[Mention]) -> Iterator[KindCue]:
    """An Organization cue for each mention that stands where a club or a described
    group does (see the module docstring)."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]
    seen: set[tuple[int, int]] = set()
    # a group noun says so itself ("the band Joy Moss"): no given-name exception
    tokens = [(t, True) for t in _club_objects(parsed.doc)] + [(t, False) for t in _described_groups(parsed.doc)]
    for tok, club in tokens:
        a, b = parsed.source(tok.idx, tok.idx + len(tok))
        i = bisect_right(starts, a) - 1
        m = ordered[i] if i >= 0 and b <= ordered[i].end else None
        if m is None or (m.start, m.end) in seen:
            continue
        name = POSSESSIVE.sub("", m.text).strip()
        words = name.split()
        if not words or is_nation(name) or (club and given_name(words[0])) or _event_name(words[-1]):
            continue
        seen.add((m.start, m.end))
        yield KindCue(m.start, m.end, "Organization", "club-of-player", CLUB_WEIGHT)
