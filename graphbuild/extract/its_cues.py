"""The antecedent of "its" is no person: "Vestra Chemie said on Monday its chief
executive would step down" says Vestra Chemie is an organization (a place when the
gazetteers know the name: "France said its president"), whatever the model tagged.

Read only where the antecedent is plain: "its" possesses a noun only organizations and
places have ("its chief executive", "its shareholders"), the name is the subject of the
clause that holds "its" or of a clause above it, and no other name stands between the
two. Read-only over the parse; `kind_cues.find_kind_cues` weighs the cue like an
"Acme's chief executive".
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from graphbuild.lexicon.name_forms import in_gazetteer
from graphbuild.model import KindCue, Mention
from graphbuild.names import POSSESSIVE
from graphbuild.nlp import ParsedDocument

ITS_ANTECEDENT = "its-antecedent"
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
MAX_CLIMB = 4  # clauses between "its" and the subject it refers to


def its_antecedent_cues(parsed: ParsedDocument, mention_of: Callable[[Token], Mention | None],
                        owned: Callable[[Token], bool], weight: float) -> Iterator[KindCue]:
    """Cues (Organization, or Place for a gazetteer's name) for the subjects that an
    "its" refers back to; `owned(noun)` says whether a noun is an organization's."""
    seen: set[Mention] = set()
    for its in parsed.doc:
        if its.lower_ != "its" or its.dep_ != "poss" or not owned(its.head):
            continue
        subject = _subject_before(its)
        if subject is None or (m := mention_of(subject)) is None or m in seen:
            continue
        if _name_between(parsed, mention_of, m, subject, its):
            continue
        seen.add(m)
        kind = "Place" if in_gazetteer(POSSESSIVE.sub("", m.text)) else "Organization"
        yield KindCue(m.start, m.end, kind, ITS_ANTECEDENT, weight)


def _subject_before(its: Token) -> Token | None:
    """The subject of the nearest clause over `its` that has one, when it stands before
    "its" in the sentence; None when that subject is a pronoun ("which", "it")."""
    head, inside = its.head, set()
    for _ in range(MAX_CLIMB):
        inside.add(head.i)
        subjects = [c for c in head.children if c.dep_ in SUBJECTS and c.i not in inside]
        if subjects:
            s = subjects[0]
            return s if s.i < its.i and s.pos_ == "PROPN" else None
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _name_between(parsed: ParsedDocument, mention_of, m: Mention, subject: Token, its: Token) -> bool:
    """Another name stands between the subject and "its": it could be the antecedent."""
    for t in parsed.doc[subject.i + 1:its.i]:
        other = mention_of(t)
        if other is not None and other is not m:
            return True
    return False
