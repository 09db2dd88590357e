"""Event mentions and their arguments, read from the dependency parse.

`find_events(doc, lexicon)` yields one `FoundEvent` per trigger (a verb or noun whose
lemma the ontology's lexicon lists; spaCy EVENT entities too) with token-level
arguments: agents, patients/victims, place and date candidates, counts and links to
other event mentions. Mapping tokens to entities and to source offsets is the stage's job.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graphbuild.extract.counts import FoundCount, find_counts
from graphbuild.extract.event_lexicon import GENERIC, Lexicon

TRIGGER_POS = {"NOUN", "VERB"}
# Tokens inside these entities are names, not triggers ("Revolutionary Guard").
NAME_ENTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "DATE", "TIME",
             "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
# Heads at which climbing from a trigger stops: the clause it belongs to ends there.
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "parataxis", "acl", "csubj", "pcomp"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within"}
DESTINATION_PREPS = {"to"}  # for Travel/Visit: "travelled to Brussels"
PLACE_NOUNS = {"hometown", "city", "capital", "town", "village", "province", "region", "street", "square",
               "center", "centre", "outskirts", "suburb", "district", "area", "part", "north", "south", "east",
               "west", "heart"}
DURING_PREPS = {"at", "during", "amid", "amidst"}
CAUSE_PREPS = {"in", "by", "from", "after"}
ATTEND_LEMMAS = {"attend", "join", "watch", "gather", "mark", "hold", "observe"}
SUBORDINATORS = {"as", "while", "when"}
LIGHT_VERBS = {"happen", "occur", "take", "break", "erupt", "unfold", "start", "begin", "go"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "obj"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# Families whose undergoer is a victim, and those that cause harm.
HARM_ROOTS = {"Death", "Injury", "Attack"}
CAUSE_ROOTS = {"Attack", "Disaster", "Conflict"}
GATHERING_ROOTS = {"Ceremony", "Meeting", "Protest", "Vote"}
MOURNED_ROOTS = {"Funeral", "Burial", "Ceremony"}
TIME_WORDS = ("morning", "afternoon", "evening", "night", "today", "tonight")


@dataclass
class FoundEvent:
    trigger: Token
    span: Span
    kind: str
    roles: list[tuple[str, Token]] = field(default_factory=list)  # (role, head token of the argument)
    places: list[tuple[Token, float]] = field(default_factory=list)  # (token, confidence)
    dates: list[tuple[Span, float]] = field(default_factory=list)
    counts: list[FoundCount] = field(default_factory=list)
    links: list[tuple[str, Token]] = field(default_factory=list)  # (predicate, other trigger)


def in_family(kind: str, roots: set[str], lex: Lexicon) -> bool:
    return kind in roots or bool(lex.parents.get(kind, frozenset()) & roots)


def _near(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_} | {c.lemma_.lower() for c in tok.children
                                               if c.dep_ in ("compound", "amod", "nmod", "nsubj", "poss")}


def _wider(tok: Token) -> set[str]:
    heads = [tok.head, tok.head.head]
    words = {t.lemma_.lower() for t in tok.subtree}
    for h in heads:
        words.add(h.lemma_.lower())
        words.update(c.lemma_.lower() for c in h.children)
    return words


def _trigger_kind(tok: Token, lex: Lexicon) -> str | None:
    if tok.pos_ not in TRIGGER_POS or (tok.ent_type_ in NAME_ENTS):
        return None
    for lemma in dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
        kind = lex.kind(lemma, _near(tok), _wider(tok))
        if kind is not None:
            return kind
    return None


def _trigger_span(tok: Token, lex: Lexicon) -> Span:
    """The trigger with its event-word compounds: "air strike", "funeral procession"."""
    start = tok.i
    for child in sorted(tok.children, key=lambda c: -c.i):
        if child.dep_ == "compound" and child.i == start - 1 and child.pos_ == "NOUN":
            start = child.i
    return tok.doc[start:tok.i + 1]


def detect(doc: Doc, lex: Lexicon) -> list[FoundEvent]:
    """Trigger tokens of `doc` typed by the lexicon, plus spaCy EVENT entities."""
    found: dict[int, FoundEvent] = {}
    for tok in doc:
        kind = _trigger_kind(tok, lex)
        if kind is not None:
            found[tok.i] = FoundEvent(tok, _trigger_span(tok, lex), kind)
    for ent in doc.ents:
        if ent.label_ == "EVENT" and not any(t.i in found for t in ent):
            kind = next((k for t in ent if (k := lex.kind(t.lemma_.lower(), {t.lemma_.lower()})) not in (None,)),
                        GENERIC)
            found[ent.root.i] = FoundEvent(ent.root, ent, kind)
    # A compound trigger inside a larger one ("funeral" in "funeral procession") is one mention.
    for i in list(found):
        e = found[i]
        if e.trigger.dep_ == "compound" and e.trigger.head.i in found:
            del found[i]
    return [found[i] for i in sorted(found)]


def clause_chain(tok: Token, triggers: set[int] = frozenset()) -> list[Token]:
    """`tok` and the heads that share its time and place: climbing through prepositions
    ("killed in a strike on Friday"), infinitives and light verbs ("the burial went ahead
    in the evening"), up to the clause head. Another event's trigger ends the climb: one
    reached through a preposition is included ("killed [in Iraq] by a strike"), one that
    takes the event as an argument is not ("vowed to avenge his death")."""
    chain, cur = [tok], tok
    if tok.dep_ in MODIFIER_DEPS:
        return chain  # "the slain commander's casket": a modifier shares nothing
    while cur.head is not cur:
        via_prep = cur.dep_ in ("pobj", "prep", "agent", "pcomp")
        if cur is not tok and cur.dep_ in CLAUSE_DEPS:
            break
        head = cur.head
        if head.i in triggers:
            if via_prep:
                chain.append(head)
            break
        cur = head
        chain.append(cur)
    return chain


def place_anchor(tok: Token, kind_is_travel: bool = False) -> Token | None:
    """The token a place name attaches to as a location ("in Kerman" → its head; "in his
    hometown of Kerman" → the head of "in"), or None for possessives and modifiers
    ("Iran's leader", "U.S. air strike")."""
    cur = tok
    preps = LOCATIVE_PREPS | (DESTINATION_PREPS if kind_is_travel else set())
    for _ in range(6):
        if cur.dep_ in ("compound", "appos", "conj", "flat"):
            if cur.dep_ == "compound" and cur.head.pos_ != "PROPN":
                return None  # "U.S. air strike": a modifier, not a location
            cur = cur.head
            continue
        if cur.dep_ == "pobj":
            prep = cur.head
            if prep.lower_ in preps:
                return prep.head
            if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS:
                cur = prep.head
                continue
        if cur is not tok and cur.lemma_.lower() in PLACE_NOUNS:
            return cur.head  # "filled the streets of the capital, Tehran"
        return None
    return None


def date_anchor(ent: Span) -> Token:
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.head
    return root.head


def _harm(kind: str, lex: Lexicon) -> bool:
    return in_family(kind, HARM_ROOTS, lex)


def _roles(e: FoundEvent, lex: Lexicon, by_token: dict[int, FoundEvent]) -> None:
    tok, harm = e.trigger, _harm(e.kind, lex)
    undergoer = "victim" if harm else "patient"
    if in_family(e.kind, {"Attack"}, lex):
        undergoer = "target"
    if tok.pos_ == "VERB":
        subj = [c for c in tok.children if c.dep_ in SUBJECTS]
        if not subj and tok.dep_ == "conj":  # "were killed and injured": shared subject
            subj = [c for c in tok.head.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
        for c in tok.children:
            if c.dep_ in PASSIVE_SUBJECTS or c.dep_ in OBJECTS:
                e.roles.append((undergoer if not (e.kind == "Death" or harm) else "victim", c))
            elif c.dep_ == "agent":
                e.roles.extend(("agent", p) for p in c.children if p.dep_ == "pobj")
        for s in subj:
            role = "victim" if in_family(e.kind, {"Death"}, lex) and e.kind == "Death" else "agent"
            e.roles.append((role if s.dep_ in SUBJECTS else undergoer, s))
        if tok.dep_ in ("acl", "relcl"):  # "the general killed in ...", "who were killed"
            head = tok.head
            rel = [c for c in tok.children if c.lower_ in RELATIVE_PRONOUNS]
            passive = tok.dep_ == "acl" or any(c.dep_ in PASSIVE_SUBJECTS for c in rel)
            if rel or tok.dep_ == "acl":
                e.roles = [(r, t) for r, t in e.roles if t.lower_ not in RELATIVE_PRONOUNS]
                e.roles.append((undergoer if passive else "agent", head))
    else:
        for c in tok.children:
            if c.dep_ == "poss":
                role = undergoer if harm else ("mourned" if in_family(e.kind, MOURNED_ROOTS, lex) else "agent")
                e.roles.append((role, c))
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "by"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i not in by_token:
                        role = "agent" if c.lower_ == "by" else (
                            undergoer if harm else ("mourned" if in_family(e.kind, MOURNED_ROOTS, lex) else "participant"))
                        e.roles.append((role, p))


def _links(e: FoundEvent, lex: Lexicon, by_token: dict[int, FoundEvent]) -> None:
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
                    other.links.append(("causes", tok))
                elif c.lower_ in DURING_PREPS or (c.lower_ == "in" and in_family(other.kind, GATHERING_ROOTS, lex)):
                    e.links.append(("duringEvent", p))
        if c.dep_ in SUBJECTS and c.i in by_token and _harm(e.kind, lex) and tok.pos_ == "VERB":
            by_token[c.i].links.append(("causes", tok))  # "the strike killed him"
        if c.dep_ == "advcl" and any(m.lower_ in SUBORDINATORS for m in c.children if m.dep_ == "mark"):
            targets = [c] if c.i in by_token else [o for o in c.children if o.dep_ in OBJECTS and o.i in by_token
                                                   and c.lemma_.lower() in ATTEND_LEMMAS]
            sources = [tok] + [p for prep in tok.children if prep.dep_ == "prep" for p in prep.children
                               if p.i in by_token]
            for t in targets:
                for s in sources:
                    if s.i in by_token and s.i != t.i:
                        by_token[s.i].links.append(("duringEvent", t))
    if tok.dep_ == "relcl" and tok.head.i in by_token and _harm(e.kind, lex):
        if any(c.dep_ in SUBJECTS and c.lower_ in RELATIVE_PRONOUNS for c in tok.children):
            by_token[tok.head.i].links.append(("causes", tok))  # "the attack that killed him"


def _arguments(e: FoundEvent, lex: Lexicon, places: list[Token], dates: list[Span], triggers: set[int]) -> None:
    chain = clause_chain(e.trigger, triggers)
    travel = in_family(e.kind, {"Travel"}, lex)
    anchored = [(p, place_anchor(p, travel)) for p in places]
    own = [(p, 0.9) for p, a in anchored if a is e.trigger]
    if not own:
        own = [(p, 0.8) for p, a in anchored if a is not None and a in chain]
    e.places = own
    anchored_dates = [(d, date_anchor(d)) for d in dates]
    own_dates = [(d, 0.9) for d, a in anchored_dates if a is e.trigger or a.head is e.trigger and a.dep_ == "prep"]
    if not own_dates:
        own_dates = [(d, 0.8) for d, a in anchored_dates if a in chain]
    e.dates = own_dates


def find_events(doc: Doc, lex: Lexicon, places: list[Token]) -> list[FoundEvent]:
    """Event mentions of `doc` with their arguments. `places`: the head tokens of the
    document's place mentions (from the entity layer)."""
    events = detect(doc, lex)
    by_token = {e.trigger.i: e for e in events}
    dates = [ent for ent in doc.ents if _is_date(ent)]
    by_sent: dict[int, list[FoundEvent]] = {}
    for e in events:
        by_sent.setdefault(e.trigger.sent.start, []).append(e)
    # Places and dates of each sentence (by its first token), once: not a scan per event.
    places_in: dict[int, list] = {}
    for p in places:
        places_in.setdefault(p.sent.start, []).append(p)
    dates_in: dict[int, list] = {}
    for d in dates:
        dates_in.setdefault(doc[d.start].sent.start, []).append(d)
    for e in events:
        _roles(e, lex, by_token)
        _links(e, lex, by_token)
        start = e.trigger.sent.start
        _arguments(e, lex, places_in.get(start, []), dates_in.get(start, []), set(by_token))
    for start, group in by_sent.items():
        _sentence_fallbacks(group, places, dates, lex, set(by_token))
        for count in find_counts(group[0].trigger.sent):
            target = _count_target(count, by_token, lex) or _first_harm(group, lex)
            if target is not None:
                target.counts.append(count)
    return events


def _is_date(ent: Span) -> bool:
    if ent.label_ == "DATE":
        return "-year-old" not in ent.text and not ent.text.lower().endswith(" old")
    return ent.label_ == "TIME" and any(w in ent.text.lower() for w in TIME_WORDS)


def _sentence_fallbacks(group: list[FoundEvent], places: list[Token], dates: list[Span], lex: Lexicon,
                        triggers: set[int]) -> None:
    """A sentence (one line of it: a headline glued to the lead by the parser is not one
    sentence) with a single located place, or a single date, lends it with low
    confidence to its events that found none by attachment. Statements are not located."""
    sent = group[0].trigger.sent
    doc = sent.doc
    for e in group:
        if in_family(e.kind, {"Statement"}, lex):
            continue
        line = _line(doc, e.trigger)
        # A place or date attached to another event's trigger belongs to that event.
        free_places = [p for p in places if line[0] <= p.idx < line[1]
                       and (a := place_anchor(p)) is not None and a.i not in triggers]
        line_dates = [d for d in dates if line[0] <= d.start_char < line[1] and date_anchor(d).i not in triggers]
        if not e.places and len(free_places) == 1:
            e.places = [(free_places[0], 0.5)]
        if not e.dates and len(line_dates) == 1:
            e.dates = [(line_dates[0], 0.5)]


def _line(doc: Doc, tok: Token) -> tuple[int, int]:
    """Character bounds of the part of `tok`'s sentence on `tok`'s line."""
    # The sentence's own text, not doc.text: spaCy rebuilds doc.text on every access,
    # which made this quadratic in the document's length.
    sent = tok.sent
    text, base = sent.text, sent.start_char
    start = text.rfind("\n", 0, tok.idx - base) + 1
    end = text.find("\n", tok.idx - base)
    return base + start, (base + end if end != -1 else sent.end_char)


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
