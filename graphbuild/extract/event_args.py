"""Where and when an event mention happened: the place and date arguments of a trigger,
read from the dependency parse (`attached_arguments`), with a one-line fallback
(`line_fallback`). Pure functions over tokens; mapping them to entities and source
offsets is the events stage's job.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graphbuild.extract.dates import is_stamp_date
from graphbuild.extract.event_lexicon import Lexicon, in_family
from graphbuild.lexicon.words import LOCATIVES

# Heads at which climbing from a trigger stops: the clause it belongs to ends there.
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "parataxis", "acl", "csubj", "pcomp"}
LOCATIVE_PREPS = LOCATIVES | {"within"}
DESTINATION_PREPS = {"to"}  # for Travel/Visit: "travelled to Brussels"
PLACE_NOUNS = {"hometown", "city", "capital", "town", "village", "province", "region", "street", "square",
               "center", "centre", "outskirts", "suburb", "district", "area", "part", "north", "south", "east",
               "west", "heart"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
# Prepositions through which an event's trigger governs one that happened with it, in the
# same place and time ("killed in a strike", "hurt by a blast", "died during the raid",
# "said at the news conference Thursday").
SHARING_PREPS = {"in", "at", "by", "during", "amid", "agent"}
TIME_WORDS = ("morning", "afternoon", "evening", "night", "today", "tonight")
BOUNDARY_PREPS = frozenset("since until till".split())

Places = tuple[tuple[Token, float], ...]  # (place head token, confidence)
Dates = tuple[tuple[Span, float], ...]  # (date entity, confidence)


def clause_chain(tok: Token, triggers: set[int] = frozenset()) -> list[Token]:
    """`tok` and the heads that share its time and place: climbing through prepositions
    ("killed in a strike on Friday"), infinitives and light verbs ("the burial went ahead
    in the evening"), up to the clause head. Another event's trigger ends the climb: one
    reached through prepositions of the event itself is included ("killed [in Iraq] by a
    strike"), one reached through others is not ("arrested [on Sunday] in connection with
    a shooting", "died after an attack"), nor one that takes the event as an argument
    ("vowed to avenge his death")."""
    chain, cur = [tok], tok
    if tok.dep_ in MODIFIER_DEPS:
        return chain  # "the slain commander's casket": a modifier shares nothing
    preps: set[str] = set()
    while cur.head != cur:
        via_prep = cur.dep_ in ("pobj", "prep", "agent", "pcomp")
        if cur != tok and cur.dep_ in CLAUSE_DEPS:
            break
        if cur.dep_ in ("prep", "agent"):
            preps.add(cur.lower_)
        head = cur.head
        if head.i in triggers:
            if via_prep and preps <= SHARING_PREPS:
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
        if cur != tok and cur.lemma_.lower() in PLACE_NOUNS:
            return cur.head  # "filled the streets of the capital, Tehran"
        return None
    return None


def date_anchor(ent: Span) -> Token:
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.head
    return root.head


def attached_arguments(trigger: Token, kind: str, lex: Lexicon, places: list[Token], dates: list[Span],
                       triggers: set[int]) -> tuple[Places, Dates]:
    """The places and dates of the trigger's sentence that attach to it: to the trigger
    itself (0.9), else to a head of its clause chain (0.8)."""
    chain = clause_chain(trigger, triggers)
    travel = in_family(kind, {"Travel"}, lex)
    anchored = [(p, place_anchor(p, travel)) for p in places]
    own = [(p, 0.9) for p, a in anchored if a is trigger]
    if not own:
        own = [(p, 0.8) for p, a in anchored if a is not None and a in chain]
    anchored_dates = [(d, date_anchor(d)) for d in dates if not bound(d)]
    own_dates = [(d, 0.9) for d, a in anchored_dates if a == trigger or a.head == trigger and a.dep_ == "prep"]
    if not own_dates:
        own_dates = [(d, 0.8) for d, a in anchored_dates if a in chain]
    return tuple(own), tuple(own_dates)


def is_date(ent: Span) -> bool:
    """A DATE entity that is no age and does not date the page (`dates.is_stamp_date`), or
    a TIME naming a part of the day."""
    if ent.label_ == "DATE":
        return "-year-old" not in ent.text and not ent.text.lower().endswith(" old") and not _stamp(ent)
    return ent.label_ == "TIME" and any(w in ent.text.lower() for w in TIME_WORDS)


def bound(ent: Span) -> bool:
    """A date that starts or ends a stretch of time ("CEO since 2021", "to last until
    February"): no date of an event."""
    root = ent.root
    return ent[0].lower_ in BOUNDARY_PREPS or root.dep_ == "pobj" and root.head.lower_ in BOUNDARY_PREPS


def _apart(tok: Token, trigger: Token) -> bool:
    """`tok` stands in a clause of its own that the trigger is no part of and that says
    nothing of the trigger: a relative clause, an apposition or a participle ("Jo Roe, who
    joined in 2019, ..."; not "the fires that erupted on Tuesday")."""
    cur = tok
    while cur.head != cur:
        if cur.dep_ in ("relcl", "acl", "appos") and not (cur.left_edge.i <= trigger.i <= cur.right_edge.i) \
                and cur.head.i != trigger.i:
            return True
        cur = cur.head
    return False


def _stamp(ent: Span) -> bool:
    a, b = _line(ent.doc, ent[0])
    text = ent.sent.text[a - ent.sent.start_char : b - ent.sent.start_char]
    return is_stamp_date(text, ent.start_char - a, min(ent.end_char, b) - a)


def line_fallback(trigger: Token, kind: str, found: tuple[Places, Dates], places: list[Token], dates: list[Span],
                  lex: Lexicon, triggers: set[int]) -> tuple[Places, Dates]:
    """`found`, or for what it lacks: the single located place, or the single date, of the
    trigger's sentence on its line (a headline glued to the lead by the parser is not
    one sentence; a date in a clause the trigger is no part of does not count), with low
    confidence. Statements are not located."""
    own_places, own_dates = found
    if in_family(kind, {"Statement"}, lex):
        return found
    line = _line(trigger.doc, trigger)
    # A place or date attached to another event's trigger belongs to that event.
    free_places = [p for p in places if line[0] <= p.idx < line[1]
                   and (a := place_anchor(p)) is not None and a.i not in triggers]
    line_dates = [d for d in dates if line[0] <= d.start_char < line[1] and date_anchor(d).i not in triggers]
    if not own_places and len(free_places) == 1:
        own_places = ((free_places[0], 0.5),)
    if not own_dates and len(line_dates) == 1 and not bound(line_dates[0]) and not _apart(line_dates[0].root, trigger):
        own_dates = ((line_dates[0], 0.5),)
    return own_places, own_dates


def _line(doc: Doc, tok: Token) -> tuple[int, int]:
    """Character bounds of the part of `tok`'s sentence on `tok`'s line."""
    # The sentence's own text, not doc.text: spaCy rebuilds doc.text on every access,
    # which made this quadratic in the document's length.
    sent = tok.sent
    text, base = sent.text, sent.start_char
    start = text.rfind("\n", 0, tok.idx - base) + 1
    end = text.find("\n", tok.idx - base)
    return base + start, (base + end if end != -1 else sent.end_char)


PREDICATE_SUBJECTS = {"nsubj", "csubj", "nsubjpass", "csubjpass"}
COMPLETED_OBJECTS = {"dobj", "obj", "nsubjpass"}  # "left two people dead", "was found dead"


def predicated_of(tok: Token) -> list[Token]:
    """Who a predicative adjective is said of: the subject of its copula ("he is dead"),
    the object of the verb it completes ("left two people dead", "found him dead"), or the
    noun it follows in a headline ("Climber dead after fall")."""
    head = tok.head
    if tok.dep_ == "acomp" or (tok.dep_ == "ROOT" and head == tok):
        return [c for c in head.children if c.dep_ in PREDICATE_SUBJECTS and c.pos_ != "PRON"]
    if tok.dep_ in ("oprd", "xcomp", "ccomp", "conj"):
        return [c for c in head.children if c.dep_ in COMPLETED_OBJECTS and c.pos_ != "PRON"
                and c.i < tok.i]
    if tok.dep_ == "advmod" and head.pos_ in ("NOUN", "PROPN"):
        return [head]
    return []


# Roles no place fills: a place is no one killed, arrested or charged (a parse that says
# so misread a headline or a place phrase); an attack's target may be a place, and so may
# what a contest or a journey is of ("beat India", "won Ohio", "visited Peru").
PLACELESS_ROLES = {"victim", "patient"}
PLACE_UNDERGOER_ROOTS = {"Competition", "Vote", "Travel"}


def placeless(role: str, entity: str | None, kind: str, place_ids: set[str], lex: Lexicon) -> bool:
    """Whether `entity` is one of `place_ids` read into a role no place fills (PLACELESS_ROLES)
    of an event of class `kind`."""
    return role in PLACELESS_ROLES and entity in place_ids and not in_family(kind, PLACE_UNDERGOER_ROOTS, lex)


# Events no place performs: a place read as their agent ("Moldova's election", "Ghana's
# floods", "Chile won the vote") is where they happened. A state may attack, sign or meet.
PLACE_SETTING_ROOTS = {"Vote", "Disaster", "HealthEvent", "Protest", "Ceremony"}


def setting(role: str, entity: str | None, kind: str, place_ids: set[str], lex: Lexicon, derived: bool = False) -> bool:
    """Whether `entity`, read as the agent of an event of class `kind` (or as any argument
    when `derived`: named by a modifier of the argument, "won the Moldova runoff"), is one
    of `place_ids` that is rather the event's place (PLACE_SETTING_ROOTS)."""
    return (role == "agent" or derived) and entity in place_ids and in_family(kind, PLACE_SETTING_ROOTS, lex)
