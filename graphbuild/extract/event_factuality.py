"""Whether the text says an event happened: its factuality, read from the parse.

`factuality(trigger)` gives one of FACTUALITY for an event trigger token, from the words
that govern it: negation ("did not attend", "no deal", "no one was hurt", "denied
killing", "refused to resign"), modal and conditional heads ("could delay", "if they strike", "it is illegal to
assassinate", "threatened to strike"), future tense and plans ("will meet", "plans to
buy", "the upcoming election"), and reporting ("police said he was arrested", "according
to", "allegedly"). The strongest qualification found wins, in the order of QUALIFIED.
A pure function over spaCy tokens; the values are the local names of the ontology's
gb:Factuality individuals, lower-cased.
"""
from __future__ import annotations

from spacy.tokens import Token

from graphbuild.model import FACTUALITY, strongest_factuality as strongest

ASSERTED, REPORTED, FUTURE, HYPOTHETICAL, NEGATED = FACTUALITY  # most to least factual
QUALIFIED = (NEGATED, HYPOTHETICAL, FUTURE, REPORTED)  # which qualification wins when several apply

MODALS = {"could", "might", "may", "would", "should", "must", "can", "ought", "shall"}
FUTURE_AUX = {"will", "'ll", "wo", "shall"}
CONDITIONALS = {"if", "unless", "whether", "lest"}
NEGATORS = {"not", "n't", "never", "no", "without", "nor", "neither"}
NEGATIVE_SUBJECTS = {"nobody", "none", "nothing", "noone", "neither"}  # "no one": "one" with "no" (`_none_subject`)
# Heads that deny the event they govern ("denied killing", "failed to reach a deal").
DENYING = {"deny", "refuse", "fail", "reject", "decline", "avoid", "cancel", "scrap", "abandon", "forgo", "prevent",
           "avert", "thwart", "foil", "postpone", "veto", "block", "bar"}
# Heads that make it possible, wished or feared, not real ("threatened to strike").
WISHING = {"want", "seek", "try", "hope", "aim", "threaten", "propose", "consider", "attempt", "vow", "pledge",
           "promise", "wish", "urge", "demand", "call", "push", "fear", "risk", "offer", "ask", "suggest", "weigh",
           "mull", "contemplate", "able", "unable", "allow", "possible", "impossible", "illegal", "legal",
           "likely", "unlikely", "ready", "willing", "need", "plot", "conspire", "intend"}
# Heads that schedule it ("plans to acquire", "is expected to resign", "set to meet").
PLANNING = {"plan", "expect", "schedule", "set", "due", "prepare", "poise", "slate", "go", "intend", "about"}
REPORTING = {"say", "tell", "report", "claim", "allege", "state", "add", "announce", "confirm", "write", "testify",
             "accuse", "believe", "suspect", "quote", "note", "insist", "argue", "explain", "reveal", "disclose"}
REPORTED_ADVERBS = {"allegedly", "reportedly", "purportedly", "apparently", "supposedly", "according"}
REPORTED_MODIFIERS = {"alleged", "reported", "suspected", "purported", "apparent", "claimed", "supposed"}
HYPOTHETICAL_MODIFIERS = {"possible", "potential", "hypothetical", "proposed", "prospective", "would-be", "threatened",
                          "feared", "mooted", "rumored", "rumoured"}
FUTURE_MODIFIERS = {"upcoming", "planned", "forthcoming", "scheduled", "impending", "looming", "future", "coming",
                    "next", "pending", "expected", "anticipated"}
# Heads whose qualification an embedded trigger shares; a ccomp only lends reportedness.
CLIMB_DEPS = {"xcomp", "ccomp", "conj", "pcomp", "acomp", "advcl"}
SHARING_DEPS = {"xcomp", "conj", "acomp"}  # "did not want to meet", "will meet and sign"
OBJECT_DEPS = {"dobj", "attr", "oprd", "compound", "appos"}  # "will hold an election"
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Verbs whose subject is the event itself: "the meeting will take place", "the vote could happen".
LIGHT_VERBS = {"happen", "occur", "take", "begin", "start", "go", "end", "continue", "resume", "proceed", "unfold",
               "break", "erupt", "come", "get"}


def _predicate(tok: Token) -> Token:
    """The verb whose clause the trigger belongs to: the trigger itself for a verb; for a
    noun the verb it is the object of ("will hold an election" → hold), or the light verb
    it is the subject of ("the vote will take place"); else the noun itself."""
    cur = tok
    for _ in range(3):
        if cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            return cur
        if cur.dep_ in SUBJECT_DEPS and cur.head.lemma_.lower() in LIGHT_VERBS:
            return cur.head
        if cur.dep_ not in OBJECT_DEPS:
            return cur
        cur = cur.head
    return cur


def _none_subject(subject: Token) -> bool:
    """A subject that says no one did it: "nobody", "none of them", "no one", "no
    passengers"."""
    return subject.lower_ in NEGATIVE_SUBJECTS or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _local(tok: Token) -> str | None:
    """The qualification a clause head states itself: negation (of the verb, or a
    subject like "no one"), a conditional subordinator, a modal, future "will", a
    reporting adverb or "according to"."""
    kids = list(tok.children)
    if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "preconj")) for c in kids):
        return NEGATED
    if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS and _none_subject(c) for c in kids):
        return NEGATED
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in kids):
        return HYPOTHETICAL
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONALS for m in c.children) for c in kids):
        return HYPOTHETICAL  # the consequence of a condition: "if talks fail, they will strike"
    aux = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in MODALS for c in aux):
        return HYPOTHETICAL
    if any(c.lower_ in FUTURE_AUX for c in aux):
        return FUTURE
    if any(c.lower_ in REPORTED_ADVERBS and c.dep_ in ("advmod", "prep") for c in kids):
        return REPORTED
    return None


def _nominal(tok: Token) -> str | None:
    """The qualification a noun trigger's own modifiers state ("no deal", "a possible
    strike", "the upcoming election", "the alleged attack")."""
    if tok.pos_ in ("VERB", "AUX"):
        return None
    for c in tok.children:
        word = c.lower_
        if c.dep_ == "det" and word == "no":
            return NEGATED
        if c.dep_ in ("amod", "compound", "advmod", "nmod"):
            if word in HYPOTHETICAL_MODIFIERS:
                return HYPOTHETICAL
            if word in FUTURE_MODIFIERS:
                return FUTURE
            if word in REPORTED_MODIFIERS:
                return REPORTED
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return NEGATED
    return None


def _governed(child: Token, head: Token) -> str | None:
    """The qualification `head` lends the trigger or clause `child` it governs: "denied
    killing", "failed to agree", "threatened to strike", "plans to buy", "is expected to
    resign", "it is illegal to kill", "said he was arrested"."""
    if child.dep_ not in ("xcomp", "ccomp", "dobj", "pcomp", "acomp", "attr"):
        return None
    lemmas = {head.lemma_.lower()}
    if child.dep_ == "xcomp":  # "is illegal to", "is due to": the adjective beside the infinitive
        lemmas |= {c.lemma_.lower() for c in head.children if c.dep_ == "acomp"}
    if lemmas & DENYING:
        return NEGATED
    planned = PLANNING - {"go"} if head.tag_ != "VBG" else PLANNING  # "going to", not "went to"
    if child.dep_ in ("xcomp", "pcomp") and lemmas & planned:
        return FUTURE
    if lemmas & WISHING:
        return HYPOTHETICAL
    if child.dep_ == "ccomp" and lemmas & REPORTING:
        return REPORTED
    return None


def factuality(trigger: Token) -> str:
    """The factuality of the event `trigger` names (see the module docstring)."""
    found: set[str] = set()
    own = _nominal(trigger)
    if own:
        found.add(own)
    cur = _predicate(trigger)
    if cur is not trigger:
        q = _governed(trigger, trigger.head)
        if q:
            found.add(q)  # "refused the deal"
    came_by = None
    for _ in range(5):
        local = _local(cur)
        if local and (came_by is None or came_by in SHARING_DEPS or local == REPORTED):
            found.add(local)
        if cur.dep_ not in CLIMB_DEPS or cur.head == cur:
            break
        q = _governed(cur, cur.head)
        if q:
            found.add(q)
            if q == REPORTED:
                break  # the reported clause is the source's assertion: what frames the report is not
        came_by = cur.dep_
        cur = cur.head
    return next((q for q in QUALIFIED if q in found), ASSERTED)


__all__ = ["FACTUALITY", "factuality", "strongest"]
