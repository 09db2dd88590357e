"""Event mentions and their arguments, read from the dependency parse.

`find_events(doc, lexicon, places)` returns one frozen `FoundEvent` per trigger (a verb
or noun whose lemma the ontology's lexicon lists; spaCy EVENT entities too) with
token-level arguments: agents, patients/victims, place and date candidates (see
`event_args`), counts and links to other event mentions. Each pass reads the triggers
and returns what it found; a link found from one trigger may belong to another (the
cause of "killed in a strike" is the strike), so links are collected for their owner
and the events assembled once. Mapping tokens to entities and to source offsets is the
stage's job.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from graphbuild.extract.counts import FoundCount, find_counts
from graphbuild.extract.event_args import Dates, Places, attached_arguments, is_date, line_fallback, predicated_of
from graphbuild.extract.event_factuality import ASSERTED, factuality
from graphbuild.extract.event_lexicon import GENERIC, Lexicon, in_family
from graphbuild.extract.event_senses import attempt_head, is_classifier, is_quantifier, support_verb, trigger_kind

DURING_PREPS = {"at", "during", "amid", "amidst"}
CAUSE_PREPS = {"in", "by", "from", "after"}
ATTEND_LEMMAS = {"attend", "join", "watch", "gather", "mark", "hold", "observe"}
SUBORDINATORS = {"as", "while", "when"}
LIGHT_VERBS = {"happen", "occur", "take", "break", "erupt", "unfold", "start", "begin", "go"}
SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "obj"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# Families whose undergoer is a victim, and those that cause harm.
HARM_ROOTS = {"Death", "Injury", "Attack"}
CAUSE_ROOTS = {"Attack", "Disaster", "Conflict"}
GATHERING_ROOTS = {"Ceremony", "Meeting", "Protest", "Vote"}
MOURNED_ROOTS = {"Funeral", "Burial", "Ceremony"}


@dataclass(frozen=True)
class FoundEvent:
    """One event mention: its trigger, span and kind, and what the passes found for it."""

    trigger: Token
    span: Span
    kind: str
    roles: tuple[tuple[str, Token], ...] = ()  # (role, head token of the argument)
    places: Places = ()
    dates: Dates = ()
    counts: tuple[FoundCount, ...] = ()
    links: tuple[tuple[str, Token], ...] = ()  # (predicate, other trigger)
    factuality: str = ASSERTED  # see extract.event_factuality
    host: Token | None = None  # the trigger of the event this one is an argument of ("arrested on suspicion of X")
    shares_actors: bool = False  # the host's clause shares its subject ("fled after killing her")


def _trigger_span(tok: Token, lex: Lexicon) -> Span:
    """The trigger with its event-word compounds ("air strike", "funeral procession") and
    a verb's particle right after it ("step down", "took over")."""
    start, end = tok.i, tok.i + 1
    for child in sorted(tok.children, key=lambda c: -c.i):
        if child.dep_ == "compound" and child.i == start - 1 and child.pos_ == "NOUN":
            start = child.i
    if tok.pos_ == "VERB" and any(c.dep_ == "prt" and c.i == end for c in tok.children):
        end += 1
    return tok.doc[start:end]


def detect(doc: Doc, lex: Lexicon) -> list[FoundEvent]:
    """Trigger tokens of `doc` typed by the lexicon, plus spaCy EVENT entities."""
    found: dict[int, FoundEvent] = {}
    for tok in doc:
        kind = trigger_kind(tok, lex)
        if kind is not None and not is_quantifier(tok):
            found[tok.i] = FoundEvent(tok, _trigger_span(tok, lex), kind)
    for ent in doc.ents:
        if ent.label_ == "EVENT" and not any(t.i in found for t in ent):
            kind = next((k for t in ent if (k := lex.kind(t.lemma_.lower(), {t.lemma_.lower()})) not in (None,)),
                        GENERIC)
            found[ent.root.i] = FoundEvent(ent.root, ent, kind)
    # A compound trigger inside a larger one ("funeral" in "funeral procession") is one
    # mention, of the modifier's kind when the head's is vaguer ("earnings report").
    for i in list(found):
        e = found[i]
        if e.trigger.dep_ == "compound" and e.trigger.head.i in found:
            head = found[e.trigger.head.i]
            if head.kind == GENERIC or (in_family(head.kind, {"Statement"}, lex)
                                        and not in_family(e.kind, {"Statement"}, lex)):
                found[head.trigger.i] = replace(head, kind=e.kind)
            del found[i]
        elif (attempt := attempt_head(e.trigger)) is not None and attempt.i not in found:
            # "foiled a hijack attempt": the attempt is the event, of the compound's kind.
            found[attempt.i] = FoundEvent(attempt, e.trigger.doc[e.span.start:attempt.i + 1], e.kind)
            del found[i]
        elif is_classifier(e.trigger, found):
            del found[i]
    return [found[i] for i in sorted(found)]


def _harm(kind: str, lex: Lexicon) -> bool:
    return in_family(kind, HARM_ROOTS, lex)


def _roles(e: FoundEvent, lex: Lexicon, by_token: dict[int, FoundEvent]) -> tuple[tuple[str, Token], ...]:
    """(role, argument head) of the event: subjects, objects and agents of a verb,
    possessors and "of/on/against/by" objects of a noun."""
    tok, harm = e.trigger, _harm(e.kind, lex)
    roles: list[tuple[str, Token]] = []
    undergoer = "victim" if harm else "patient"
    if in_family(e.kind, {"Attack"}, lex):
        undergoer = "target"
    if tok.pos_ == "ADJ":
        return tuple((undergoer, t) for t in predicated_of(tok))
    if tok.pos_ == "VERB":
        subj = [c for c in tok.children if c.dep_ in SUBJECTS]
        if not subj and tok.dep_ == "conj":  # "were killed and injured": shared subject
            subj = [c for c in tok.head.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
        for c in tok.children:
            if c.dep_ in PASSIVE_SUBJECTS or c.dep_ in OBJECTS:
                roles.append((undergoer if not (e.kind == "Death" or harm) else "victim", c))
            elif c.dep_ == "agent":
                roles.extend(("agent", p) for p in c.children if p.dep_ == "pobj")
        for s in subj:
            role = "victim" if in_family(e.kind, {"Death"}, lex) and e.kind == "Death" else "agent"
            roles.append((role if s.dep_ in SUBJECTS else undergoer, s))
        if tok.dep_ in ("acl", "relcl"):  # "the general killed in ...", "who were killed"
            head = tok.head
            rel = [c for c in tok.children if c.lower_ in RELATIVE_PRONOUNS]
            passive = tok.dep_ == "acl" or any(c.dep_ in PASSIVE_SUBJECTS for c in rel)
            if rel or tok.dep_ == "acl":
                roles = [(r, t) for r, t in roles if t.lower_ not in RELATIVE_PRONOUNS]
                roles.append((undergoer if passive else "agent", head))
    else:
        for c in tok.children:
            if c.dep_ == "poss":
                role = undergoer if harm else ("mourned" if in_family(e.kind, MOURNED_ROOTS, lex) else "agent")
                if undergoer == "target" and _has_target(tok):  # "Iran's attack on the base"
                    role = "agent"
                roles.append((role, c))
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "by"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i not in by_token:
                        role = "agent" if c.lower_ == "by" else (
                            undergoer if harm else ("mourned" if in_family(e.kind, MOURNED_ROOTS, lex) else "participant"))
                        roles.append((role, p))
            elif c.dep_ == "prep" and c.lower_ in ("with", "over"):  # "talks with the studios", "a win over X"
                roles.extend(("participant", p) for p in c.children if p.dep_ == "pobj" and p.i not in by_token)
        roles.extend(_support_roles(tok, by_token))
    return tuple(roles)


def _has_target(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against", "of") for c in noun.children)


def _support_roles(tok: Token, by_token: dict[int, FoundEvent]) -> list[tuple[str, Token]]:
    """Roles a noun trigger takes from its light verb: the verb's subject is the agent
    (the subject of the verb controlling it: "voted to go on strike"; the noun a relative
    clause hangs on: "the union, which went on strike"), and a "with" object of the verb
    or of the clause the trigger is the subject of ("talks broke off with X") a participant."""
    roles: list[tuple[str, Token]] = []
    verb = support_verb(tok)
    if tok.dep_ in SUBJECTS and tok.head.pos_ == "VERB":
        roles.extend(("participant", p) for prep in tok.head.children if prep.dep_ == "prep" and prep.lower_ == "with"
                     for p in prep.children if p.dep_ == "pobj" and p.i not in by_token)
    if verb is None:
        return roles
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECTS]
    for s in subjects:
        if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            s = verb.head
        if s.i not in by_token and s.pos_ != "PRON":
            roles.append(("agent", s))
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            roles.extend(("participant", p) for p in prep.children if p.dep_ == "pobj" and p.i not in by_token)
    return roles


def _links(e: FoundEvent, lex: Lexicon, by_token: dict[int, FoundEvent]) -> Iterator[tuple[int, str, Token]]:
    """(owner trigger index, predicate, other trigger) of the links read from `e`'s
    trigger: its own ("the stampede during the procession") and its cause's ("killed
    in a strike": the strike causes the killing)."""
    tok = e.trigger
    preps = list(tok.children)
    if tok.dep_ in SUBJECTS and tok.head.lemma_.lower() in LIGHT_VERBS:  # "the stampede happened during X"
        preps += [c for c in tok.head.children if c.dep_ == "prep"]
    for c in preps:
        if c.dep_ in ("prep", "agent"):
            for p in c.children:
                other = by_token.get(p.i)
                if p.dep_ != "pobj" or other is None:
                    continue
                if c.lower_ in CAUSE_PREPS and _harm(e.kind, lex) and in_family(other.kind, CAUSE_ROOTS, lex):
                    yield other.trigger.i, "causes", tok
                elif c.lower_ in DURING_PREPS or (c.lower_ == "in" and in_family(other.kind, GATHERING_ROOTS, lex)):
                    yield tok.i, "duringEvent", p
        if c.dep_ in SUBJECTS and c.i in by_token and _harm(e.kind, lex) and tok.pos_ == "VERB":
            yield c.i, "causes", tok  # "the strike killed him"
        if c.dep_ == "advcl" and any(m.lower_ in SUBORDINATORS for m in c.children if m.dep_ == "mark"):
            targets = [c] if c.i in by_token else [o for o in c.children if o.dep_ in OBJECTS and o.i in by_token
                                                   and c.lemma_.lower() in ATTEND_LEMMAS]
            sources = [tok] + [p for prep in tok.children if prep.dep_ == "prep" for p in prep.children
                               if p.i in by_token]
            for t in targets:
                for s in sources:
                    if s.i in by_token and s.i != t.i:
                        yield s.i, "duringEvent", t
    if tok.dep_ == "relcl" and tok.head.i in by_token and _harm(e.kind, lex):
        if any(c.dep_ in SUBJECTS and c.lower_ in RELATIVE_PRONOUNS for c in tok.children):
            yield tok.head.i, "causes", tok  # "the attack that killed him"


NESTING_DEPS = {"prep", "pobj", "dobj", "xcomp", "advcl", "conj", "acl", "pcomp", "compound", "nmod", "ccomp"}
VERBAL_DEPS = {"xcomp", "advcl", "conj", "pcomp"}


def _host(tok: Token, by_token: dict[int, "FoundEvent"]) -> tuple[Token | None, bool]:
    """The nearest trigger `tok` is (a part of) an argument of, within three steps up the
    parse, and whether the path is verbal (the host's subject is this event's too)."""
    cur, verbal = tok, True
    for _ in range(3):
        if cur.dep_ not in NESTING_DEPS or cur.head == cur:
            return None, False
        verbal = verbal and (cur.dep_ in VERBAL_DEPS or cur.pos_ == "ADP")
        cur = cur.head
        if cur.i in by_token:
            return cur, verbal and cur.pos_ == "VERB" and tok.pos_ == "VERB"
    return None, False


def find_events(doc: Doc, lex: Lexicon, places: list[Token]) -> list[FoundEvent]:
    """Event mentions of `doc` with their arguments. `places`: the head tokens of the
    document's place mentions (from the entity layer)."""
    triggers = detect(doc, lex)
    by_token = {e.trigger.i: e for e in triggers}
    indexes = set(by_token)
    dates = [ent for ent in doc.ents if is_date(ent)]
    links: dict[int, list[tuple[str, Token]]] = defaultdict(list)
    arguments: dict[int, tuple[Places, Dates]] = {}
    # Places and dates of each sentence (by its first token), once: not a scan per event.
    places_in: dict[int, list[Token]] = defaultdict(list)
    for p in places:
        places_in[p.sent.start].append(p)
    dates_in: dict[int, list] = defaultdict(list)
    for d in dates:
        dates_in[doc[d.start].sent.start].append(d)
    for e in triggers:
        for owner, predicate, other in _links(e, lex, by_token):
            links[owner].append((predicate, other))
        start = e.trigger.sent.start
        arguments[e.trigger.i] = attached_arguments(
            e.trigger, e.kind, lex, places_in.get(start, []), dates_in.get(start, []), indexes)
    counts: dict[int, list[FoundCount]] = defaultdict(list)
    for group in _by_sentence(triggers):
        for e in group:
            i = e.trigger.i
            arguments[i] = line_fallback(e.trigger, e.kind, arguments[i], places, dates, lex, indexes)
        for count in find_counts(group[0].trigger.sent):
            target = _count_target(count, by_token, lex) or _first_harm(group, lex)
            if target is not None:
                counts[target.trigger.i].append(count)
    return [replace(e, roles=_roles(e, lex, by_token), places=arguments[i][0], dates=arguments[i][1],
                    counts=tuple(counts[i]), links=tuple(links[i]), factuality=factuality(e.trigger),
                    host=host, shares_actors=verbal)
            for e in triggers for i in (e.trigger.i,) for host, verbal in (_host(e.trigger, by_token),)]


def _by_sentence(events: list[FoundEvent]) -> list[list[FoundEvent]]:
    groups: dict[int, list[FoundEvent]] = {}
    for e in events:
        groups.setdefault(e.trigger.sent.start, []).append(e)
    return list(groups.values())


def _count_target(count: FoundCount, by_token: dict[int, FoundEvent], lex: Lexicon) -> FoundEvent | None:
    """The event a count belongs to: the cause named next to the casualty word ("killed in
    a stampede", "the stampede left 56 dead"), else the casualty word's own event."""
    words = [count.word, *count.word.conjuncts]
    for w in words:
        for node in (w, w.head):
            for c in node.children:
                if c.dep_ in SUBJECTS and c.i in by_token and in_family(by_token[c.i].kind, CAUSE_ROOTS, lex):
                    return by_token[c.i]
                if c.dep_ in ("prep", "agent") and c.lower_ in CAUSE_PREPS:
                    for p in c.children:
                        if p.i in by_token and in_family(by_token[p.i].kind, CAUSE_ROOTS, lex):
                            return by_token[p.i]
    return by_token.get(count.word.i)


def _first_harm(group: list[FoundEvent], lex: Lexicon) -> FoundEvent | None:
    return next((e for e in group if in_family(e.kind, CAUSE_ROOTS | HARM_ROOTS, lex)), None)
