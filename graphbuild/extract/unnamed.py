"""Unnamed participants of events: "a gunman", "the victims", "police", "23 pirates".

Contract: `unnamed_actors(parsed, found, token_entity, ...)` returns the document's new
`UnnamedActor` entities (ids that `token_entity` does not use) and the token index of
each of their mentions -> entity id, reading only the parse and the events found. Same
parse, same entities. Only common nouns that are an agent, patient, victim or target
of an extracted event and name no entity become nodes, and only nouns of people or
groups (`is_actor_noun`): "a man was shot" gives one, "shot the car" none.

Within a document the argument mentions group by head lemma and number ("a man" ...
"the man" are one node, "two men" another), and a definite or bare mention of a group's
noun and number elsewhere in the document that is no argument ("the man's car", a
headline's "Pirates") joins it too; an indefinite one ("another man") does not. An
argument phrase that names a place only says where the people are from ("a Michigan
man", "Somali pirates"): it is still unnamed. A mention is
the head noun alone (the span a reader's coreference annotation marks); the node's label
is its lemma in the number seen ("man", "pirates"). Across documents these nodes join
only through a shared event (`resolve.unnamed_match`), never by lemma alone.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Token

from graphbuild.lexicon.roles import ROLE_NOUNS
from graphbuild.vocab import UNNAMED_ACTOR
from graphbuild.model import REFERRING_RULES, Entity, Event, GraphModel, Mention, Participant

UNNAMED = UNNAMED_ACTOR  # the ontology class local name (gb:UnnamedActor)
RULE = "unnamed-participant"
ACTOR_ROLES = frozenset("agent patient victim target".split())
# Nouns of people and groups (general English), besides the role and title nouns.
PEOPLE_NOUNS = frozenset("""
man woman person people child kid boy girl baby teenager teen adult family relative parent mother
father son daughter wife husband brother sister friend neighbour neighbor resident citizen civilian
villager local stranger individual victim survivor casualty hostage captive prisoner inmate detainee
suspect gunman shooter attacker assailant killer murderer robber thief burglar bandit brigand pirate
raider hijacker kidnapper militant rebel insurgent fighter terrorist extremist gang mob crowd protester
demonstrator rioter soldier troop marine sailor commando police policeman policewoman cop officer agent
guard crew crewman crewmember passenger driver pilot worker employee staff colleague co-worker coworker
partner customer client patient student pupil fan spectator audience viewer voter member leader
official authority government regime army navy force military coalition team squad player athlete
actor actress singer star celebrity comedian performer artist writer organizer organiser sponsor
investor shareholder buyer seller owner company firm business group organization organisation
agency ministry department committee council board jury court panel tribunal union
witness bystander passerby tourist visitor migrant refugee immigrant
""".split())
DEFINITE = frozenset("the this that these those".split())
OTHER = frozenset("another other".split())
MODIFIER_DEPS = frozenset({"compound", "npadvmod"})  # "police car": no mention of the police
EXCLUDED_DEPS = MODIFIER_DEPS | {"poss"}  # "the man's car": the man is no argument of the car's event


def is_actor_noun(tok: Token) -> bool:
    """Whether `tok` is a common noun of a person or group ("gunman", "police",
    "pirates"): a people noun or a role noun, in either number, not said to be someone
    else ("another man", "other passengers": a group of its own we cannot tell apart)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NN", "NNS") or not tok.is_alpha:
        return False
    if any(c.lower_ in OTHER for c in tok.children if c.dep_ in ("det", "amod")):
        return False
    lemma = tok.lemma_.lower()
    return lemma in PEOPLE_NOUNS or lemma in ROLE_NOUNS or tok.lower_ in PEOPLE_NOUNS


def _key(tok: Token) -> tuple[str, bool]:
    return tok.lemma_.lower(), tok.tag_ == "NNS" or tok.lower_ in ("police", "people", "staff", "crew")


def _label(tok: Token) -> str:
    return tok.lower_ if _key(tok)[1] else tok.lemma_.lower()


def unnamed_actors(parsed, found: Iterable, token_entity: dict[int, str], named: Callable | None = None,
                   places: frozenset[str] = frozenset(), taken: Iterable[str] = ()
                   ) -> tuple[list[Entity], dict[int, str]]:
    """The unnamed actors of the events `found` (see the module docstring), and
    `token_entity` with their mentions' tokens added."""
    doc = parsed.doc
    heads: dict[int, Token] = {}
    for f in found:
        for role, tok in f.roles:
            if (role in ACTOR_ROLES and tok.i not in token_entity and tok.dep_ not in EXCLUDED_DEPS
                    and is_actor_noun(tok) and _unnamed_phrase(tok, token_entity, named, places)):
                heads.setdefault(tok.i, tok)
    if not heads:
        return [], token_entity
    first: dict[tuple[str, bool], int] = {}
    for i in sorted(heads):
        first.setdefault(_key(heads[i]), i)
    members: dict[tuple[str, bool], list[Token]] = {k: [] for k in first}
    for tok in doc:
        key = _key(tok) if tok.i in heads or _referring(tok, token_entity) else None
        if key in first:
            members[key].append(tok)
    used = set(taken) | set(token_entity.values())
    entities, out = [], dict(token_entity)
    n = 0
    for key in sorted(first, key=first.get):
        n += 1
        while f"u{n}" in used:
            n += 1
        eid = f"u{n}"
        toks = members[key]
        mentions = tuple(_mention(parsed, t) for t in toks)
        entities.append(Entity(eid, UNNAMED, _label(heads[first[key]]), mentions=mentions))
        out.update((t.i, eid) for t in toks)
    return entities, out


def with_unnamed(parsed, found: list, named: tuple[dict[int, str], Callable, frozenset[str]], events: list[Event],
                 existing: Iterable[Entity]) -> tuple[tuple[Entity, ...], list[Event]]:
    """The unnamed actors of `found` that are participants of the final `events`, and
    those events with them as participants. `named` is the token -> entity map of the
    events' actors, the function that reads an argument's entity from it (an argument
    whose phrase names an entity, "the leader Ann Varga", is that entity's) and the ids
    of the places (which name no one: "a Michigan man" is unnamed). Attached
    after the events are decided, so that they change no event's making, merging or
    keeping. The new ids are not those of `existing`."""
    entities, tokens = unnamed_actors(parsed, found, *named, taken=[e.id for e in existing])
    if not entities:
        return (), events
    unnamed = {e.id for e in entities}
    event_at = {(m.start, m.end): n for n, v in enumerate(events) for m in v.mentions}
    added: dict[int, list[Participant]] = {}
    for f in found:
        a, b = parsed.source(f.span.start_char, f.span.end_char)
        n = event_at.get((a, b))
        for role, tok in f.roles if n is not None else ():
            if role in ACTOR_ROLES and tokens.get(tok.i) in unnamed:
                added.setdefault(n, []).append(Participant(role, tokens[tok.i]))
    out = [replace(v, participants=tuple(dict.fromkeys(v.participants + tuple(added[n])))) if n in added else v
           for n, v in enumerate(events)]
    used = {p.entity for ps in added.values() for p in ps}
    return tuple(e for e in entities if e.id in used), out


def _unnamed_phrase(tok: Token, token_entity: dict[int, str], named: Callable | None, places) -> bool:
    """Whether the argument phrase of `tok` names nobody: no entity, or only a place that
    says where the people are from ("a Michigan man", "Somali pirates")."""
    eid = None if named is None else named(tok, token_entity)
    return eid is None or eid in places


def _referring(tok: Token, token_entity: dict[int, str]) -> bool:
    """A mention of a group's noun that is no argument but refers back: a definite or
    bare common noun of a person or group, naming no entity."""
    if tok.i in token_entity or tok.dep_ in MODIFIER_DEPS or not is_actor_noun(tok):
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    return not dets or dets[0] in DEFINITE


def _mention(parsed, tok: Token) -> Mention:
    start, end = parsed.source(tok.idx, tok.idx + len(tok.text))
    sent = tok.sent
    s_start, s_end = parsed.source(sent.start_char, sent.end_char)
    return Mention(parsed.document.id, start, end, parsed.document.text[start:end], "NOUN", s_start, s_end, RULE)


def split_unnamed(model: GraphModel) -> tuple[GraphModel, tuple[Entity, ...]]:
    """`model` without its unnamed actors, and those actors (the referring stage links
    pronouns and descriptions as if they were not there: they name nobody)."""
    unnamed = tuple(e for e in model.entities if e.kind == UNNAMED)
    return replace(model, entities=tuple(e for e in model.entities if e.kind != UNNAMED)), unnamed


def fold_unnamed(model: GraphModel, unnamed: tuple[Entity, ...]) -> GraphModel:
    """`model` with the `unnamed` actors back, except those of which a mention is a
    pronoun's or description's mention of a named entity ("the host", tied to the
    host's name): such a group's mentions join that entity, and the events name it."""
    referring = {(m.start, m.end): e.id for e in model.entities for m in e.mentions if m.rule in REFERRING_RULES}
    moved: dict[str, str] = {}
    for u in unnamed:
        target = next((referring[(m.start, m.end)] for m in u.mentions if (m.start, m.end) in referring), None)
        if target is not None:
            moved[u.id] = target
    if not moved:
        return replace(model, entities=model.entities + unnamed)
    extra: dict[str, list[Mention]] = {}
    for u in unnamed:
        if u.id in moved:
            extra.setdefault(moved[u.id], []).extend(m for m in u.mentions if (m.start, m.end) not in referring)
    entities = tuple(replace(e, mentions=e.mentions + tuple(extra[e.id])) if extra.get(e.id) else e
                     for e in model.entities) + tuple(u for u in unnamed if u.id not in moved)
    events = tuple(replace(v, participants=tuple(dict.fromkeys(
        Participant(p.role, moved.get(p.entity, p.entity)) for p in v.participants))) for v in model.events)
    return replace(model, entities=entities, events=events)
