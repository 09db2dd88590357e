"""A group of mentions that within-document resolution takes for one entity, with what
its mentions say of it (names, titles, kind cues). `within_doc` merges groups; `group_kind`
weighs their kind."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graphbuild.model import Mention


@dataclass
class MentionGroup:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # surface → rule that joined it
    honorific: bool = False
    person_full: bool = False  # a two-or-more-word name tagged PERSON
    located: int = 0  # mentions right after a locative preposition ("in X", "at X")
    cues: Counter[str] = field(default_factory=Counter)  # kind cue votes (extract.kind_cues)
    surname_used: bool = False  # its last word stands alone, tagged PERSON, in the text
    described: bool = False  # a noun says it is an organization ("the lender X": extract.kind_cues)

    words = property(lambda self: self.key.split())

    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def absorb(self, other: "MentionGroup", rule: str) -> None:
        self.mentions += other.mentions
        self.names += other.names
        self.titles += [t for t in other.titles if t not in self.titles]
        for surface, r in other.rules.items():
            self.rules.setdefault(surface, rule if r == "exact" else r)
        self.honorific |= other.honorific
        self.person_full |= other.person_full
        self.surname_used |= other.surname_used
        self.described |= other.described
        self.located += other.located
        self.cues.update(other.cues)
