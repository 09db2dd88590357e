"""Whether a token names an event, and of which kind: the sense of a trigger word.

`trigger_kind(tok, lex)` reads the lexicon (ontology/events.ttl) with the token's context:
its own modifiers first, then its clause, for cued lemmas; a class's blocking lemmas in
the token's phrase cancel that reading ("a press release", "a shot on goal"). A noun
that only classifies another ("riot police") and a quantity noun ("a host of issues") are
no mentions. Pure functions over spaCy tokens.
"""
from __future__ import annotations

from spacy.tokens import Token

from graphbuild.extract.event_lexicon import Lexicon, in_family

TRIGGER_POS = {"NOUN", "VERB"}
# Tokens inside these entities are names, not triggers ("Revolutionary Guard").
NAME_ENTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "DATE", "TIME",
             "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}

# Light verbs whose subject is the agent of their noun: "went on strike", "held talks".
ON_VERBS = {"go", "be", "remain", "stay"}
SUPPORT_VERBS = {"hold", "stage", "launch", "conduct", "carry", "mount", "call", "resume", "begin", "start",
                 "issue", "sign", "reach", "strike", "make", "give", "win", "lose", "seal", "clinch", "secure",
                 "claim", "record", "earn", "suffer"}
SUPPORT_OBJECTS = {"dobj", "obj"}
# An adjective names an event only as a predicate ("was found dead", "left two dead",
# "climber dead after fall"), not as a modifier ("a dead battery").
PREDICATIVE_DEPS = {"acomp", "oprd", "xcomp", "ccomp", "conj", "advmod", "ROOT"}
INFLECTIONS = ("ing", "es", "ed", "s", "d")
# Nouns that name an event only through the event word compounded onto them: an attempt
# at it, a bid for it, a run of it ("a hijack attempt", "a takeover bid", "a shooting
# spree"). The compound is the kind; the phrase is one mention, headed by the noun.
# A name headed by a noun of these families names an event, whatever the tagger typed it:
# "the Academy Awards", "the Winter Games", "the Paris Peace Conference".
NAMED_EVENT_ROOTS = {"Ceremony", "Competition", "Meeting"}
# A singular ceremony word in a name is mostly a monument or a body ("Lincoln Memorial"):
# these families need the plural ("the Academy Awards").
PLURAL_NAMED_ROOTS = {"Ceremony"}
NAMED_EVENT_ENTS = {"ORG", "WORK_OF_ART", "NORP"}
ATTEMPT_NOUNS = {"attempt", "bid", "plot", "spree", "try"}
# Speech verbs that say nothing when they take a direct object: "he added" reports
# speech, "Rice added a second goal" adds something.
SPEECH_UNLESS_OBJECT = {"add"}
# Verbs that name no event when a clause is what they take: "the FTC had shown that ...",
# "figures show how ...", against "the band will show its new film".
NO_EVENT_WITH_CLAUSE = {"show"}


def _near(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_} | {c.lemma_.lower() for c in tok.children
                                               if c.dep_ in ("compound", "amod", "nmod", "nsubj", "poss")}


def _wider(tok: Token) -> set[str]:
    heads = [tok.head, tok.head.head]
    words = {t.lemma_.lower() for t in tok.subtree}
    verb = support_verb(tok)
    if verb is not None and verb.dep_ == "xcomp":  # "the union voted to go on strike": the union cues
        words.update(c.lemma_.lower() for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    for h in heads:
        words.add(h.lemma_.lower())
        words.update(c.lemma_.lower() for c in h.children)
    return words


def _phrase(tok: Token) -> set[str]:
    """The trigger's own phrase, for blocking cues: its modifiers and dependents (a
    preposition by its object: "a shot on goal"), and the word governing it as an object
    ("in charge", "opened fire")."""
    words = _near(tok)
    for c in tok.children:
        if c.pos_ == "ADP":
            words.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
        else:
            words.add(c.lemma_.lower())
    if tok.dep_ in ("pobj", "dobj"):
        words.add(tok.head.lemma_.lower())
    return words


def support_verb(tok: Token) -> Token | None:
    """The light verb a noun trigger is the event of: "went on strike", "have been on
    strike" (`ON_VERBS` + "on"), "held talks", "staged a walkout" (`SUPPORT_VERBS` + object)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in ON_VERBS:
        return tok.head.head
    if tok.dep_ in SUPPORT_OBJECTS and tok.head.lemma_.lower() in SUPPORT_VERBS:
        # "called the verdict a victory", "made the vote a test": the verb names or
        # judges an event someone else holds.
        return None if any(c.dep_ == "oprd" for c in tok.head.children) else tok.head
    return None


def capitalized_forms(tok: Token) -> tuple[str, ...]:
    """Lemma candidates of a capitalized common word the tagger took for a name ("Man
    Charged In Crash", "DUI"): a headline's title case or an acronym. Its lower-case form,
    and that form without an inflection (-s, -es, -ed, -d, -ing), for the lexicon to test."""
    if tok.pos_ != "PROPN" or not (tok.is_title or tok.is_upper) or not tok.is_alpha:
        return ()
    word = tok.lower_
    forms = [word]
    for suffix in INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms += [word[:-len(suffix)], word[:-len(suffix)] + "e"]
    return tuple(forms)


def is_acronym_trigger(tok: Token, lex: Lexicon) -> bool:
    """An all-capitals word the tagger took for a one-word name whose lower-case form the
    lexicon lists as a trigger on its own ("arrested for DUI", "the IPO"): an event, not
    a name."""
    alone = tok.ent_iob_ == "B" and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    return alone and tok.is_upper and tok.is_alpha and len(tok) >= 2 and tok.lower_ in lex.triggers


def is_event_name_head(tok: Token, lex: Lexicon) -> bool:
    """The last word of a name (an organization or work, as the tagger has it) that is a
    capitalized plain noun of an event family (`NAMED_EVENT_ROOTS`): "Awards" in "the
    Academy Awards", "Games" in "the Commonwealth Games". Not a person's or place's name
    ("Oscar Wilde", "Lincoln Memorial")."""
    last = tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"
    if tok.ent_type_ not in NAMED_EVENT_ENTS or not last or tok.ent_iob_ == "B":
        return False  # a one-word name is the name itself ("Games Workshop" aside, "Summit" the town)
    plural = tok.tag_ == "NNPS" or tok.lower_.endswith("s")
    kinds = (lex.triggers.get(form) for form in capitalized_forms(tok))
    return any(k is not None and in_family(k, NAMED_EVENT_ROOTS, lex)
               and (plural or not in_family(k, PLURAL_NAMED_ROOTS, lex)) for k in kinds)


def trigger_kind(tok: Token, lex: Lexicon) -> str | None:
    if (tok.ent_type_ in NAME_ENTS and not is_acronym_trigger(tok, lex) and not is_event_name_head(tok, lex)) or (tok.pos_ == "VERB" and tok.dep_ == "prep"):
        return None  # a verb form used as a preposition names no event: "according to police"
    if tok.dep_ == "amod" and tok.i > 0 and tok.doc[tok.i - 1].text == "-":
        return None  # the participle of a compound adjective: "a fast-moving fire", "a long-running feud"
    if tok.pos_ == "ADJ":
        return lex.adjectives.get(tok.lemma_.lower()) if tok.dep_ in PREDICATIVE_DEPS else None
    if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_UNLESS_OBJECT and any(c.dep_ == "dobj" for c in tok.children):
        return None
    if tok.pos_ == "VERB" and tok.lemma_.lower() in NO_EVENT_WITH_CLAUSE and any(c.dep_ == "ccomp" for c in tok.children):
        return None
    if tok.pos_ in TRIGGER_POS:
        lemmas: tuple[str, ...] = (tok.lemma_.lower(), tok.lower_)
    else:
        lemmas = capitalized_forms(tok)
    for lemma in dict.fromkeys(lemmas):
        if not lex.is_trigger(lemma):  # no reading to weigh: skip building its context
            continue
        kind = lex.kind(lemma, _near(tok), _wider(tok))
        if kind is not None and in_family(kind, {"Statement"}, lex) and _unspoken_participle(tok):
            return None
        if kind is not None:
            return None if lex.blocks(kind, _phrase(tok)) else kind
    return None


def _unspoken_participle(tok: Token) -> bool:
    """A speech verb's participle that only qualifies a noun, with no one who spoke
    ("14 cases reported since May", "the figures announced"): no act of speech."""
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and not any(c.dep_ == "agent" for c in tok.children)


def is_classifier(tok: Token, triggers) -> bool:
    """A noun modifying a noun that names no event: a classifier, not a mention ("riot
    police", "murder weapon", "election campaign")."""
    return tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in triggers


def attempt_head(tok: Token) -> Token | None:
    """The attempt noun (`ATTEMPT_NOUNS`) that trigger `tok` is compounded onto, if any:
    "attempt" in "a piracy attempt", "bid" in "a takeover bid"."""
    head = tok.head
    if tok.dep_ == "compound" and head.i == tok.i + 1 and head.pos_ == "NOUN" and head.lemma_.lower() in ATTEMPT_NOUNS:
        return head
    return None


def is_quantifier(tok: Token) -> bool:
    """"a host of issues", "a raft of measures": an indefinite noun counting a plural."""
    return (tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
            and any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.tag_ == "NNS" for p in c.children)
                    for c in tok.children))
