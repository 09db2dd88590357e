"""Third-person pronouns and definite subjects linked to the entity they stand for,
within one document (rule-based: no coreference model's weights can be had here).

Contract: `pronoun_links(view)` maps the token index of each resolved pronoun or
definite description to a `PronounLink(entity, rule)`, reading only the parse and the
view's entities; the same view gives the same links. Nothing is added to the model here:
the relation extractors read the links through `DocumentView.referent`, and a caller who
wants the pronouns as mentions of their entities can add them from the links.

- "he/him/his/himself", "she/her/hers/herself" -> the person most recently the subject
  of a clause before the pronoun (the centre of the discourse: an encyclopaedia lead's
  "X is ... He was born in ..."), else the most recent person named before it; a person
  already referred to with the other gender's pronouns is passed over (rule "pronoun").
- "it/its" -> the most recent organization or place that was a clause's subject (never
  one only named in passing); an expletive "it" ("it is said that", "it was decided to") is no reference
  (rule "pronoun").
- "who/whom/whose" opening a relative clause on a person's name ("Ann Varga, who
  hosted ...") -> that person; "which" on an organization's or place's name -> that
  one (rule "pronoun"; the relative clause's own head noun decides, never recency).
- "the company / the club / the band ...", "the town / the river ..." as a subject or
  possessor -> the most recent subject organization / place (rule "definite-subject").

Within a sentence a subject before the pronoun wins ("After X won, he ..."); a pronoun
never stands for a name in its own clause's object ("X met him": not X).
"""
from __future__ import annotations

from typing import NamedTuple, Protocol

from spacy.tokens import Doc, Token



class DocumentView(Protocol):
    """What the links read of `extract.view.DocumentView` (no import: the view calls us)."""

    @property
    def doc(self) -> Doc: ...

    def token_entity(self, token: Token) -> str | None: ...

    def kind(self, entity_id: str) -> str: ...

MALE = frozenset("he him his himself".split())
FEMALE = frozenset("she her hers herself".split())
NEUTER = frozenset("it its itself".split())
SUBJECT_DEPS = frozenset("nsubj nsubjpass".split())
DATELINE_DASHES = frozenset("— – - --".split())
# Head nouns of definite descriptions of an organization or a place ("the company").
ORG_NOUNS = frozenset(
    "company firm corporation band group club team party organization organisation university college school "
    "agency association society union label network channel magazine newspaper station airline bank".split())
PLACE_NOUNS = frozenset(
    "town city village municipality county district region province state country island river lake "
    "mountain park area community settlement commune parish suburb neighbourhood neighborhood".split())
# Words after "it is/was" that make "it" expletive ("it is said that", "it is likely to").
EXPLETIVE_WORDS = frozenset("said believed thought known reported claimed estimated expected likely possible "
                            "unclear clear important necessary decided time".split())
# Relative pronouns by the kind of name they can attach to ("that" is left alone: it is
# also a complementizer and a determiner, and the parse's tag does not tell them apart well).
RELATIVE = {"who": ("Person",), "whom": ("Person",), "whose": ("Person",), "which": ("Organization", "Place")}
MAX_SENTENCES_BACK = 4  # an antecedent further back than this is too far to trust


class PronounLink(NamedTuple):
    entity: str
    rule: str


class _Centre:
    """The discourse state while reading: recent subjects and mentions per class."""

    def __init__(self) -> None:
        self.subjects: dict[str, list[tuple[int, str]]] = {"person": [], "thing": []}  # (sentence no, entity)
        self.mentions: dict[str, list[tuple[int, str]]] = {"person": [], "thing": []}
        self.gender: dict[str, str] = {}

    def note(self, cls: str, sent_no: int, eid: str, subject: bool) -> None:
        self.mentions[cls].append((sent_no, eid))
        if subject:
            self.subjects[cls].append((sent_no, eid))

    def pick(self, cls: str, sent_no: int, gender: str | None, exclude: set[str]) -> str | None:
        pools = (self.subjects[cls], self.mentions[cls]) if cls == "person" else (self.subjects[cls],)
        for pool in pools:  # "it" only for a subject: a place or body merely named is no discourse centre
            for n, eid in reversed(pool):
                if sent_no - n > MAX_SENTENCES_BACK:
                    break
                if eid in exclude or (gender and self.gender.get(eid, gender) != gender):
                    continue
                return eid
        return None


def _class(view: DocumentView, eid: str) -> str | None:
    kind = view.kind(eid)
    return "person" if kind == "Person" else "thing" if kind in ("Organization", "Place") else None


def _is_expletive(tok: Token) -> bool:
    """"it is said that", "it was decided to", "it is likely": an "it" that stands for nothing."""
    head = tok.head
    late = [c for c in head.children if c.i > tok.i]
    if any(c.dep_ in ("ccomp", "xcomp") for c in late) and (tok.dep_ == "nsubjpass" or head.lemma_ in ("be", "seem", "appear")):
        return True
    return head.lemma_ == "be" and any(c.lower_ in EXPLETIVE_WORDS for c in late)


def _definite_class(tok: Token) -> str | None:
    """"person"/"thing" class of a definite description headed by `tok` ("the company")."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if tok.dep_ not in SUBJECT_DEPS and tok.dep_ != "poss":
        return None
    low = tok.lemma_.lower()
    return "thing" if low in ORG_NOUNS or low in PLACE_NOUNS else None


def _kind_fits(view: DocumentView, eid: str, noun: Token) -> bool:
    low = noun.lemma_.lower()
    return view.kind(eid) == ("Organization" if low in ORG_NOUNS else "Place")


def _other_subjects(view: DocumentView, tok: Token) -> set[str]:
    """The subjects of a non-subject pronoun's own verb ("X met him": not X)."""
    head = tok.head
    out = set()
    for c in head.children:
        if c.dep_ in SUBJECT_DEPS and c.i != tok.i and (eid := view.token_entity(c)) is not None:
            out.add(eid)
    return out


def pronoun_links(view: DocumentView) -> dict[int, PronounLink]:
    """Token index -> the entity a pronoun or definite subject stands for (module docstring)."""
    doc = view.doc
    centre = _Centre()
    links: dict[int, PronounLink] = {}
    if not doc.has_annotation("DEP"):
        return links
    for sent_no, sent in enumerate(doc.sents):
        for tok in sent:
            eid = view.token_entity(tok)
            if eid is not None:
                cls = _class(view, eid)
                if cls is not None and not _inside_name(view, tok, eid):  # once per name, at its last token
                    centre.note(cls, sent_no, eid, _is_subject(view, tok, eid))
                continue
            link = _resolve(view, tok, sent_no, centre, links)
            if link is not None:
                links[tok.i] = link
                cls = _class(view, link.entity)
                if cls is not None:
                    centre.note(cls, sent_no, link.entity, tok.dep_ in SUBJECT_DEPS)
    return links


def _is_subject(view: DocumentView, tok: Token, eid: str) -> bool:
    """Is the name ending at `tok` a clause's subject (its head word or a word of it is)?"""
    k = tok
    for _ in range(4):
        if k.dep_ in SUBJECT_DEPS:
            return not _dateline(k)
        if k.head == k or view.token_entity(k.head) != eid:
            return False
        k = k.head
    return False


def _dateline(tok: Token) -> bool:
    """A dateline's place the parser took for the subject ("SEOUL, South Korea (AP) — The
    bank cut ...": a dash hangs on it): where the story was filed, no one's antecedent."""
    return any(c.dep_ == "punct" and c.text in DATELINE_DASHES and c.i > tok.i for c in tok.children)


def _inside_name(view: DocumentView, tok: Token, eid: str) -> bool:
    """Is `tok` not the last token of its entity's run (note a name once, at its end)?"""
    return tok.i + 1 < len(tok.doc) and view.token_entity(tok.doc[tok.i + 1]) == eid


def _linked(tok: Token, links: dict[int, PronounLink]) -> str | None:
    link = links.get(tok.i)
    return None if link is None else link.entity


def _relative(view: DocumentView, tok: Token) -> PronounLink | None:
    """The name a relative pronoun's clause modifies ("Ann Varga, who ...": Varga), when
    its kind fits the pronoun (`RELATIVE`)."""
    clause = tok.head if tok.dep_ != "poss" else tok.head.head  # "whose show ...": the noun, then its verb
    if tok.tag_ not in ("WP", "WP$", "WDT") or clause.dep_ != "relcl":
        return None
    eid = view.token_entity(clause.head)
    return PronounLink(eid, "pronoun") if eid is not None and view.kind(eid) in RELATIVE[tok.lower_] else None


def _resolve(view: DocumentView, tok: Token, sent_no: int, centre: _Centre,
             links: dict[int, PronounLink]) -> PronounLink | None:
    low = tok.lower_
    if low in RELATIVE:
        return _relative(view, tok)
    if low in MALE or low in FEMALE:
        if tok.pos_ != "PRON":
            return None
        gender = "m" if low in MALE else "f"
        if low.endswith("self"):  # "X describes himself": the clause's subject
            subj = next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
            eid = None if subj is None else view.token_entity(subj) or _linked(subj, links)
            return PronounLink(eid, "pronoun") if eid is not None and view.kind(eid) == "Person" else None
        eid = centre.pick("person", sent_no, gender, _other_subjects(view, tok) if tok.dep_ not in SUBJECT_DEPS else set())
        if eid is not None:
            centre.gender.setdefault(eid, gender)
            return PronounLink(eid, "pronoun")
        return None
    if low in NEUTER:
        if tok.pos_ != "PRON" or (low == "it" and _is_expletive(tok)):
            return None
        eid = centre.pick("thing", sent_no, None, set())
        return PronounLink(eid, "pronoun") if eid is not None else None
    if _definite_class(tok) is not None:
        for n, eid in reversed(centre.subjects["thing"]):
            if sent_no - n > MAX_SENTENCES_BACK:
                break
            if _kind_fits(view, eid, tok):
                return PronounLink(eid, "definite-subject")
    return None


# The events stage's cheaper reading of personal pronouns, over token -> entity ids.
PERSONAL_PRONOUNS = {"he", "him", "his", "she", "her"}
PRONOUN_REACH = 2  # sentences back in which a pronoun's person is looked for
RECENT_PERSONS = 4  # persons remembered, most recently named last


def recent_person_pronouns(doc: Doc, token_entity: dict[int, str], persons: set[str]) -> dict[int, str]:
    """he/him/his/she/her -> the person named last before it, within PRONOUN_REACH
    sentences (news names a person, then refers back to them); never, for an object
    pronoun, the subject of its own verb ("X congratulated him" is not X)."""
    out: dict[int, str] = {}
    recent: list[tuple[int, str]] = []  # (sentence number, entity id)
    for n, sent in enumerate(doc.sents):
        for tok in sent:
            eid = token_entity.get(tok.i)
            if eid in persons:
                recent = [r for r in recent if r[1] != eid][1 - RECENT_PERSONS:] + [(n, eid)]
                continue
            if tok.lower_ not in PERSONAL_PRONOUNS or tok.pos_ != "PRON":
                continue
            own = {token_entity.get(t.i) for c in tok.head.children if c.dep_ in SUBJECT_DEPS and c != tok
                   for t in c.subtree}
            pick = next((r for r in reversed(recent) if r[1] not in own), None)
            if pick is not None and n - pick[0] <= PRONOUN_REACH:
                out[tok.i] = pick[1]
    return out
