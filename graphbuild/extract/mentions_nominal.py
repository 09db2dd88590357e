"""Nominal mentions: common nouns that the parse says name an entity already named.

`nominal_stage(parsed, model)` adds to a Person or Organization of the document the
nouns that stand for it (rule "nominal", the head noun's span only):
- an apposition: "Jane Roe, the host of the show" / "the host, Jane Roe";
- a predicate: "Jane Roe will be the host", "named Jane Roe as host", "named Jane Roe coach";
- a later definite description, "the host", when one entity of the document took that
  noun by one of the rules above, or (an organization) has it as its name's head noun
  ("the navy", "police" for "Westbury Police"). A title alone ("coach Jane Roe") is not
  enough: a later "the coach" is as often another coach.
A noun in front of the name ("comedian Jane Roe") is not taken: coreference annotation
counts it within the name's mention, and alone it is mostly a title. The noun must fit
the kind: a noun for a person (a role or title noun, an agent noun such
as "climber", or a few common person nouns) for a Person, a noun for an organization for
an Organization. Meant to run after every other stage (these mentions feed the graph's
mentions and coreference, never the facts read from the names; labels and alternative
names stay the names'). Not in `analyze._stages` yet: on ECB+ the nouns it finds are
mostly right but unannotated (ECB+ marks only event participants), so entity CoNLL F1
rose on the tuning half (+1.2) and fell on held-out data (-0.1 to -0.2).
"""
from __future__ import annotations

import re
from dataclasses import replace

from graphbuild.lexicon.name_forms import org_head
from graphbuild.lexicon.roles import PLAYER_TITLES, RANKS, ROLE_NOUNS
from graphbuild.model import Entity, GraphModel, Mention
from graphbuild.nlp import ParsedDocument

PERSON_NOUNS = ROLE_NOUNS | RANKS | PLAYER_TITLES | frozenset(
    "man woman boy girl person star host emcee comedian comedienne actor actress singer rapper "
    "musician artist writer author victim suspect gunman survivor witness climber driver pilot "
    "passenger mother father son daughter brother sister wife husband widow friend veteran "
    "athlete champion guard nominee candidate winner veteran resident student".split())
# Agent nouns ("climber", "motorist", "accountant"): persons, less the words that are not.
_AGENT = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|ant|ent|ee)")
NOT_PERSONS = frozenset(
    "number order water matter center centre corner letter quarter power paper sector factor chapter "
    "border computer manner offer tower cancer career member dinner error mirror monitor motor "
    "actor-network theater theatre semester register parameter minister-level percent present "
    "event content agent talent element moment statement department government agreement "
    "settlement parliament tournament payment movement incident accident component student-run "
    "guarantee committee fee degree decree".split())
ORG_NOUNS = frozenset(
    "company firm group organization organisation agency academy team club side band association "
    "union party network chain retailer maker manufacturer carrier airline bank university school "
    "council committee board ministry department league federation network studio publisher "
    "newspaper broadcaster charity".split())
COPULAS = frozenset("be become remain".split())
# Nouns that name a known body without a determiner ("police said").
BARE_NOUNS = frozenset({"police"})


def nominal_stage(parsed: ParsedDocument, model: GraphModel) -> GraphModel:
    """`model` with the nominal mentions of its entities added (module docstring)."""
    by_end: dict[int, Entity] = {}
    for e in model.entities:
        if e.kind in ("Person", "Organization"):
            for m in e.mentions:
                by_end[m.end] = e
    if not by_end:
        return model
    doc = parsed.doc
    found: dict[str, dict[int, object]] = {}  # entity id -> token index -> token
    for token in doc:
        if token.pos_ != "NOUN" or not token.text[:1].isalpha():
            continue
        named = _named_by(token)
        entity = by_end.get(parsed.source(named.idx, named.idx + len(named))[1]) if named is not None else None
        if entity is not None and _fits(token, entity.kind):
            found.setdefault(entity.id, {})[token.i] = token
    _definite(parsed, model, found)
    if not found:
        return model
    return replace(model, entities=tuple(_with_nominals(parsed, e, found.get(e.id, {})) for e in model.entities))


def _named_by(token):
    """The name token that the noun `token` stands for in the parse, or None."""
    head = token.head
    if token.dep_ == "appos" and head.pos_ == "PROPN":
        return head  # "Jane Roe, the host"
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child  # "the host, Jane Roe"
    if token.dep_ == "attr" and head.lemma_ in COPULAS:
        return _argument(head, ("nsubj",))
    if token.dep_ == "oprd":
        return _argument(head, ("dobj", "nsubjpass"))
    if token.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        return _argument(head.head, ("dobj", "nsubjpass", "nsubj"))
    return None


def _argument(verb, deps: tuple[str, ...]):
    for dep in deps:
        for child in verb.children:
            if child.dep_ == dep and child.pos_ == "PROPN":
                return child
    return None


def _fits(token, kind: str) -> bool:
    word = token.lower_
    if kind == "Organization":
        return word in ORG_NOUNS
    lemma = token.lemma_.lower()
    if word in NOT_PERSONS or lemma in NOT_PERSONS or word in ORG_NOUNS:
        return False
    return lemma in PERSON_NOUNS or word in PERSON_NOUNS or bool(_AGENT.fullmatch(lemma))


def _definite(parsed: ParsedDocument, model: GraphModel, found: dict[str, dict[int, object]]) -> None:
    """"the N" after the first mention of the one entity that took N or whose name N heads."""
    doc = parsed.doc
    named = {i for e in model.entities for m in e.mentions for i in range(m.start, m.end)}
    owners: dict[str, set[str]] = {}
    for e in model.entities:
        if e.kind == "Organization" and (head := org_head(e.label)):
            owners.setdefault(head, set()).add(e.id)  # "the navy" of "Indian Navy"
    for eid, tokens in found.items():
        for t in tokens.values():
            owners.setdefault(t.lower_, set()).add(eid)
    first = {e.id: min((m.start for m in e.mentions), default=0) for e in model.entities}
    for token in doc:
        # "the Navy" may be tagged PROPN; a word of a name is no description.
        if token.pos_ not in ("NOUN", "PROPN") or (ids := owners.get(token.lower_)) is None or len(ids) != 1 \
                or parsed.source(token.idx, token.idx + 1)[0] in named:
            continue
        dets = [c for c in token.children if c.dep_ == "det"]
        if any(c.dep_ in ("compound", "poss", "amod") for c in token.children):
            continue
        if not ([d.lower_ for d in dets] == ["the"] or (not dets and token.lower_ in BARE_NOUNS)):
            continue
        (eid,) = ids
        if token.idx > first.get(eid, 0):
            found.setdefault(eid, {}).setdefault(token.i, token)


def _with_nominals(parsed: ParsedDocument, e: Entity, tokens: dict[int, object]) -> Entity:
    if not tokens:
        return e
    taken = {(m.start, m.end) for m in e.mentions}
    label = "PERSON" if e.kind == "Person" else "ORG"
    added = []
    for i in sorted(tokens):
        t = tokens[i]
        start, end = parsed.source(t.idx, t.idx + len(t))
        if (start, end) in taken or any(m.start <= start and end <= m.end for m in e.mentions):
            continue
        sent_start, sent_end = parsed.source(t.sent.start_char, t.sent.end_char)
        added.append(Mention(doc_id=parsed.document.id, start=start, end=end, text=parsed.document.text[start:end],
                             label=label, sentence_start=sent_start, sentence_end=sent_end, rule="nominal"))
    if not added:
        return e
    return replace(e, mentions=tuple(sorted((*e.mentions, *added), key=lambda m: (m.start, m.end))))
