"""Within-document entity resolution: one Entity per real-world entity of an article.

Mentions are grouped in three passes, each recorded as a MergeStep:
1. exact: the same name once honorifics, a leading "the" and a possessive are removed
   ("General Qassem Soleimani", "Gen. Qassem Soleimani", "Soleimani's" → the name
   "Qassem Soleimani" / "Soleimani");
2. surname: a one-word name (or "Mr X") joins the full personal name ending in that
   word. When several full names share it ("Boris Johnson", "Dwayne Johnson") the bare
   surname joins the most recently mentioned one before it, and stays its own entity
   when none precedes it; two full names with different first names never merge;
3. acronym: an all-caps name equal to the initials of an organization's name.
The kind is a weighted vote of the mentions' labels with cues (a two-word name tagged
PERSON anywhere, an honorific in front) that make "Trump" a person where the model
said ORG. Ids "e1", "e2", ... follow the order of first mention.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from graphbuild.lexicon.abbreviations import expand_state
from graphbuild.lexicon.name_forms import (acronym_shaped, in_gazetteer, name_votes, org_short_forms, shaped_like_person,
                                           without_legal_form)
from graphbuild.lexicon.name_variants import given_names_variants
from graphbuild.lexicon.words import LOCATIVES
from graphbuild.model import Entity, KindCue, MergeStep, Mention
from graphbuild.names import (expand_title, initialled_name, initials, is_honorific, name_of, preceding_title,
                              strip_possessive, undot)
from graphbuild.nlp import ParsedDocument
from graphbuild.resolve.geo import country_code

KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
# Vote weights: the model's own tag, a propagated tag (weaker), cue bonuses.
RULE_WEIGHT = {"ner": 1.0, "acronym": 1.0, "dateline": 1.0, "name-shape": 1.0, "string-match": 0.3}
FULL_NAME_PERSON_BONUS = 3.0  # per "Donald Trump" tagged PERSON: settles "Trump"
HONORIFIC_BONUS = 3.0  # "Mr Pompeo", "General Soleimani"
# After a locative ("in X", "at X", "near X") a one-word name is a place more often
# than a person.
LOCATIVE_BONUS = 1.5
# A Place tag that neither the gazetteers, a place head noun nor a locative confirms
# counts this much ("Jasprit Bumrah" tagged FAC); then a "Given Surname" shape votes
# Person with PERSON_SHAPE_BONUS.
UNCONFIRMED_PLACE = 0.5
PERSON_SHAPE_BONUS = 0.75
MERGE_SCORES = {"exact": 1.0, "honorific": 0.95, "acronym": 0.9, "surname": 0.85, "short-form": 0.85,
                "given-name-variant": 0.9}


def _key(name: str) -> str:
    """The comparison form of a name: case folded, "U.S." read as "US"."""
    return undot(name).replace("’", "'").casefold()


@dataclass
class _Group:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # surface → rule that joined it
    honorific: bool = False
    person_full: bool = False  # a two-or-more-word name tagged PERSON
    located: int = 0  # mentions right after a locative preposition ("in X", "at X")
    cues: Counter[str] = field(default_factory=Counter)  # kind cue votes (extract.kind_cues)

    @property
    def words(self) -> list[str]:
        return self.key.split()

    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def absorb(self, other: "_Group", rule: str) -> None:
        self.mentions += other.mentions
        self.names += other.names
        self.titles += [t for t in other.titles if t not in self.titles]
        for surface, r in other.rules.items():
            self.rules.setdefault(surface, rule if r == "exact" else r)
        self.honorific |= other.honorific
        self.person_full |= other.person_full
        self.located += other.located
        self.cues.update(other.cues)


def resolve_entities(parsed: ParsedDocument, mentions: list[Mention], cues: Sequence[KindCue] = ()) -> list[Entity]:
    """Entities of one document from its mentions (see the module docstring), their
    kinds weighing the `cues` found around the mentions (`extract.kind_cues`)."""
    text = parsed.document.text
    cue_at: dict[tuple[int, int], list[KindCue]] = {}
    for c in cues:
        cue_at.setdefault((c.start, c.end), []).append(c)
    groups: dict[str, _Group] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        titles, name = name_of(m.text)
        if titles and in_gazetteer(" ".join((*titles, name))):
            titles, name = (), " ".join((*titles, name))  # "St Louis" is a city, not Louis
        if m.label == "GPE" and (state := expand_state(name)):
            name = state  # "Cupertino, Calif." names California
        name_key = _key(without_legal_form(name))  # "Walt Disney Co." is "Walt Disney Company"
        title = preceding_title(text, m.start) if m.label == "PERSON" or titles else None
        group = groups.setdefault(name_key, _Group(name_key))
        group.mentions.append(m)
        group.names.append(name)
        for cue in cue_at.get((m.start, m.end), ()):
            group.cues[cue.kind] += cue.weight
        for t in (*titles, *([title] if title else [])):
            t = expand_title(t)
            if t and t not in group.titles:
                group.titles.append(t)
        group.honorific |= bool(titles) or _after_honorific(text, m.start) or initialled_name(name)
        group.located += _after_locative(text, m.start)
        group.person_full |= m.label == "PERSON" and m.rule == "ner" and len(name.split()) >= 2
        group.rules.setdefault(_surface(m.text), "honorific" if titles else "exact")
    ordered = sorted(groups.values(), key=_Group.first)
    ordered = _merge_given_name_variants(ordered)
    ordered = _merge_surnames(ordered)
    ordered = _merge_acronyms(ordered)
    ordered = _merge_short_forms(ordered)
    return [_entity(f"e{i}", g, parsed.document.id) for i, g in enumerate(sorted(ordered, key=_Group.first), 1)]


def _surface(text: str) -> str:
    return strip_possessive(" ".join(text.split()))


def _after_honorific(text: str, start: int) -> bool:
    m = re.search(r"(\S+)\s$", text[max(0, start - 20):start])
    return bool(m) and is_honorific(m.group(1)) and m.group(1)[:1].isupper()


def _after_locative(text: str, start: int) -> bool:
    m = re.search(r"(\w+)\s+$", text[max(0, start - 12):start])
    return bool(m) and m.group(1) in LOCATIVES


def _personish(g: _Group) -> bool:
    labels = Counter(m.label for m in g.mentions)
    return g.person_full or g.honorific or labels["PERSON"] > 0


def _merge_surnames(groups: list[_Group]) -> list[_Group]:
    """Join one-word names to the full personal name that ends with them."""
    full = [g for g in groups if len(g.words) >= 2 and _personish(g)]
    # A "Given Surname" tagged otherwise ("Virat Kohli" as ORG) takes a surname the
    # model tags PERSON: the short form is the evidence of what the full name is.
    shaped = [g for g in groups if len(g.words) >= 2 and g not in full and shaped_like_person(g.names[0])]
    result: list[_Group] = []
    for g in groups:
        if len(g.words) != 1 or g in full:
            result.append(g)
            continue
        pool = full + shaped if any(m.label == "PERSON" for m in g.mentions) else full
        candidates = [f for f in pool if _surname(f.words) == g.key]
        target = _choose(candidates, g)
        if target is None:
            result.append(g)
        else:
            target.absorb(g, "surname")
    return result


def _merge_given_name_variants(groups: list[_Group]) -> list[_Group]:
    """Join two full personal names that differ only in a given name's form: a
    nickname or an initial ("Bob Smith" and "Robert Smith", "J. Smith")."""
    result: list[_Group] = []
    for g in groups:
        target = None
        if len(g.words) >= 2 and _personish(g):
            target = next((f for f in result if len(f.words) == len(g.words) and f.words[1:] == g.words[1:]
                           and _personish(f) and given_names_variants(f.words[0].rstrip("."), g.words[0].rstrip("."))),
                          None)
        if target is None:
            result.append(g)
        else:
            target.absorb(g, "given-name-variant")
    return result


def _surname(words: list[str]) -> str:
    last = words[-1]
    head, sep, rest = last.partition("-")
    # "al-Assad" is written "Assad" on its own.
    return rest if sep and len(head) <= 3 and rest else last


def _choose(candidates: list[_Group], g: _Group) -> _Group | None:
    """The full name a bare surname refers to: the only one, else the most recent
    one mentioned before it; None when none precedes it (ambiguous)."""
    if not candidates:
        return None
    if len({tuple(c.words) for c in candidates}) == 1:
        return candidates[0]
    first = g.first()
    before = [(max(m.start for m in c.mentions if m.start < first), c) for c in candidates
              if any(m.start < first for m in c.mentions)]
    return max(before, key=lambda x: x[0])[1] if before else None


def _initials(name: str) -> str:
    return initials(re.findall(r"[\w'’]+", name.replace("-", " ")))


def _merge_acronyms(groups: list[_Group]) -> list[_Group]:
    """Join an all-caps name to the organization whose initials it spells."""
    by_initials: dict[str, _Group] = {}
    for g in groups:
        name = g.names[0]
        if len(g.words) >= 2 and _kind(g) != "Person":
            by_initials.setdefault(_initials(name), g)
    result = []
    for g in groups:
        acronym = g.names[0].replace(".", "").upper() if g.names[0].isupper() else g.names[0]
        target = by_initials.get(acronym) if len(g.words) == 1 and acronym.isupper() and len(acronym) >= 2 else None
        if target is None or target is g:
            result.append(g)
        else:
            target.absorb(g, "acronym")
    return result


def _merge_short_forms(groups: list[_Group]) -> list[_Group]:
    """Join a one-word organization name to the one organization it shortens ("Acme"
    for "Acme Industrial Holdings", "Disney" for "Walt Disney Co."); with several
    candidates, to the most recent one before it, else to none."""
    orgs = [g for g in groups if len(g.words) >= 2 and _kind(g) == "Organization"]
    shorts = {id(f): set().union(*(org_short_forms(n) for n in set(f.names))) for f in orgs}
    result = []
    for g in groups:
        target = None
        if len(g.words) == 1 and not _personish(g) and _kind(g) == "Organization":
            target = _choose([f for f in orgs if g.key in shorts[id(f)]], g)
        if target is None:
            result.append(g)
        else:
            target.absorb(g, "short-form")
    return result


def _kind(g: _Group) -> str:
    votes: Counter[str] = Counter()
    for m in g.mentions:
        if m.label in KINDS:
            votes[KINDS[m.label]] += RULE_WEIGHT.get(m.rule, 1.0)
    # A full personal name tagged PERSON counts extra: it settles its surname's kind.
    votes["Person"] += FULL_NAME_PERSON_BONUS * sum(
        1 for m in g.mentions if m.label == "PERSON" and m.rule == "ner" and len(name_of(m.text)[1].split()) >= 2)
    if g.honorific:
        votes["Person"] += HONORIFIC_BONUS
    elif not g.person_full and not votes["Organization"]:
        # Only against a bare PERSON tag: "in Congress" is still an organization.
        votes["Place"] += LOCATIVE_BONUS * g.located
    votes.update(g.cues)
    _weigh_name_form(g, votes)
    if not votes:
        return "Organization"
    # Ties go to the kind of the first mention, for determinism.
    best = max(votes.values())
    for m in sorted(g.mentions, key=lambda m: m.start):
        if votes.get(KINDS.get(m.label, ""), -1) == best:
            return KINDS[m.label]
    return sorted(k for k, v in votes.items() if v == best)[0]


def _weigh_name_form(g: _Group, votes: Counter[str]) -> None:
    """Add what the names' own form says (`name_votes`, the strongest per kind) and
    discount a Place tag nothing confirms."""
    form: Counter[str] = Counter()
    for name in set(g.names):
        for kind, weight in name_votes(name).items():
            form[kind] = max(form[kind], weight)
    if any(country_code(n) for n in set(g.names)):  # a country's name is the country
        votes["Place"] += votes.pop("Person", 0) + votes.pop("Organization", 0)
    if votes["Person"] and not g.honorific and all(acronym_shaped(n) for n in g.names):
        votes["Organization"] += votes.pop("Person")  # "SAG-AFTRA" is no personal name
    if votes["Place"] and not form["Place"] and not g.located:
        votes["Place"] *= UNCONFIRMED_PLACE
        if any(shaped_like_person(n) for n in set(g.names)):
            votes["Person"] += PERSON_SHAPE_BONUS
    votes.update(form)


def _entity(entity_id: str, g: _Group, doc_id: str) -> Entity:
    kind = _kind(g)
    mentions = tuple(sorted(g.mentions, key=lambda m: (m.start, m.end)))
    # The fullest proper name: most words, then the most frequent, then the earliest.
    counts = Counter(g.names)
    order = {n: i for i, n in reversed(list(enumerate(g.names)))}
    label = max(counts, key=lambda n: (len(n.split()), counts[n], -order[n]))
    surfaces = list(dict.fromkeys(_surface(m.text) for m in mentions))
    alt = tuple(s for s in surfaces if s != label)
    merges = tuple(MergeStep(surface=s, doc_id=doc_id, rule=g.rules.get(s, "exact"), score=MERGE_SCORES.get(g.rules.get(s, "exact"), 1.0))
                   for s in surfaces if s != label)
    titles = tuple(t for t in g.titles if kind == "Person")
    return Entity(id=entity_id, kind=kind, label=label, alt_labels=alt, mentions=mentions, titles=titles, merges=merges)
