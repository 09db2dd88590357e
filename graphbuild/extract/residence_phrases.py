"""Where a person lives or grew up, from the verb that says so.

- "X lives in Y", "X lived in Y until 1990", "X resides in Y", "X grew up in Y", "X was
  raised in Y", "X settled in Y": homeLocation X -> the first place of the chain after
  the verb's own "in" (rule "lives-in"); the verb takes no object ("settled the case in
  Y" says nothing of home), and "raised" counts in the passive only ("raised money in Y").
- "A native of Y, X won ...": the fronted description is said of the clause's subject
  (rule "native-of"; "X, a native of Y" is `person_facts`' reading).
Subjects may be pronouns (`DocumentView.referent`). Read-only: yields records.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.person_facts import verb_person
from graphbuild.extract.place_phrases import place_chain
from graphbuild.extract.records import FoundRelation
from graphbuild.extract.view import DocumentView

CONFIDENCE = 0.75
RESIDE_VERBS = frozenset("live reside settle".split())  # "X lives in Y"
OBJECT_DEPS = frozenset("dobj obj".split())


def _home_verb(verb: Token) -> bool:
    """Whether `verb` says where its subject lives or grew up (module docstring)."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in RESIDE_VERBS:
        return True
    if lemma == "grow":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return lemma == "raise" and any(c.dep_ == "nsubjpass" for c in verb.children)


def residence_places(view: DocumentView) -> Iterator[FoundRelation]:
    """homeLocation from the verbs and fronted descriptions of the module docstring."""
    by_start = {s.start: (eid, s) for eid, s in view.entity_spans(("Place",))}
    for t in view.doc:
        if _home_verb(t):
            preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "in"]
            rule, person = "lives-in", verb_person(view, t)
        elif t.lower_ == "native" and t.dep_ in ("advcl", "npadvmod") and t.head.pos_ in ("VERB", "AUX"):
            preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
            rule, person = "native-of", verb_person(view, t.head)
        else:
            continue
        if person is None or not preps:
            continue
        places = place_chain(view, preps[0].i + 1, by_start).places
        if places:
            yield FoundRelation(person, "homeLocation", places[0][0], t.sent, rule, CONFIDENCE)
