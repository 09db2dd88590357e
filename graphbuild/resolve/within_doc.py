"""Within-document entity resolution: one Entity per real-world entity of an article.

Mentions are grouped in passes, each recorded as a MergeStep:
1. exact: the same name once honorifics, a leading "the" and a possessive are removed
   ("General Qassem Soleimani", "Gen. Qassem Soleimani", "Soleimani's" → the name
   "Qassem Soleimani" / "Soleimani");
2. surname: a one-word name (or "Mr X") joins the full personal name ending in that
   word (or the one with it inside, as a first surname: "Ortega" of "Javier Ortega Lluch"). When several full names share it ("Boris Johnson", "Dwayne Johnson") the bare
   surname joins the most recently mentioned one before it, and stays its own entity
   when none precedes it; two full names with different first names never merge;
3. acronym: an all-caps name equal to the initials of an organization's name;
4. short forms: a given name alone ("Ellen" for "Ellen Roe"), an organization's first
   word or head noun ("Acme", "the Navy" for "Acme Navy").
The kind is a weighted vote of labels and cues (`group_kind`). Ids "e1", ... follow first mention.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from graphbuild.lexicon.abbreviations import expand_place_words, expand_state
from graphbuild.lexicon.name_forms import (in_gazetteer, legal_form, name_votes, no_personal_name, org_head, org_short_forms,
                                           shaped_like_person, without_legal_form)
from graphbuild.lexicon.name_variants import given_names_variants
from graphbuild.lexicon.words import ORG_HEAD_NOUNS, PLACE_HEAD_NOUNS, PLACE_MODIFIERS
from graphbuild.model import Entity, KindCue, MergeStep, Mention
from graphbuild.names import (CREDENTIALS, expand_title, initialled_name, name_initials, name_of,
                              preceding_title, shouted, strip_possessive, undot, whole_titles)
from graphbuild.nlp import ParsedDocument
from graphbuild.resolve.bracket_aliases import bracketed_short_names
from graphbuild.resolve.mention_group import MentionGroup as _Group
from graphbuild.resolve.group_kind import (DESCRIBED_RULE, STRONG_PERSON_CUE, STRONG_PLACE_CUE, after_honorific as
                                           _after_honorific, after_locative as _after_locative, full_personal_name,
                                           group_kind as _kind)

MERGE_SCORES = {"exact": 1.0, "honorific": 0.95, "acronym": 0.9, "surname": 0.85, "short-form": 0.85, "head-noun": 0.8, "given-name": 0.8,
                "given-name-variant": 0.9}


def _key(name: str) -> str:
    """The comparison form of a name: case folded, "U.S." read as "US"."""
    return undot(name).replace("’", "'").casefold()


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
        if titles and (in_gazetteer(" ".join((*titles, name))) or (m.label != "PERSON" and not shaped_like_person(name))):
            titles, name = (), " ".join((*titles, name))  # "St Louis", "Premier League": no titled person
        if m.label == "GPE" and (state := expand_state(name)):
            name = state  # "Cupertino, Calif." names California
        name_key = _key(without_legal_form(name))  # "Walt Disney Co." is "Walt Disney Company"
        if m.label in ("GPE", "LOC", "FAC"):
            name_key = expand_place_words(name_key)  # "Mt Orlo" is "Mount Orlo"
        title = preceding_title(text, m.start) if m.label == "PERSON" or titles else None
        titles = whole_titles(text, m.start, titles)
        group = groups.setdefault(name_key, _Group(name_key))
        group.mentions.append(m)
        group.names.append(name)
        for cue in cue_at.get((m.start, m.end), ()):
            group.cues[cue.kind] += cue.weight
            group.described |= cue.rule == DESCRIBED_RULE
        for t in (*titles, *([title] if title else [])):
            t = expand_title(t)
            if t and t not in group.titles:
                group.titles.append(t)
        group.honorific |= bool(titles) or _after_honorific(text, m.start) or initialled_name(name)
        group.located += _after_locative(text, m.start)
        group.person_full |= full_personal_name(m, name)
        group.rules.setdefault(_surface(m.text), "honorific" if titles else "exact")
    ordered = sorted(groups.values(), key=_Group.first)
    ordered = _merge_given_name_variants(ordered)
    _mark_surname_chains(ordered)
    ordered = _merge_surnames(ordered)
    ordered = _merge_given_names(ordered)
    ordered = _merge_acronyms(ordered, bracketed_short_names(text, mentions))
    ordered = _merge_short_forms(ordered)
    ordered = _merge_head_nouns(ordered)
    return [_entity(f"e{i}", g, parsed.document.id) for i, g in enumerate(sorted(ordered, key=_Group.first), 1)]


def _surface(text: str) -> str:
    return CREDENTIALS.sub("", strip_possessive(" ".join(text.split())))


def _personish(g: _Group) -> bool:
    labels = Counter(m.label for m in g.mentions)
    return g.person_full or g.honorific or g.surname_used or labels["PERSON"] > 0 or g.cues["Person"] >= STRONG_PERSON_CUE


_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+|[A-Z][a-z]*[A-Z][a-z]+")  # "Mo", "DeGeneres", "O'Brien"


def _place_or_org_word(word: str) -> bool:
    """"West" of "West Maui", "County", "Police": no word of a personal name."""
    return (w := word.casefold()) in PLACE_MODIFIERS or w in PLACE_HEAD_NOUNS or w in ORG_HEAD_NOUNS


def _mark_surname_chains(groups: list[_Group]) -> None:
    """A name of two or three capitalized words whose last word the text uses alone as a
    person's name ("Mo Roe" tagged a place, "Roe" tagged PERSON) is a personal name: the surname
    chain is the evidence, worth an honorific (like one, it outweighs a locative: "at Mo Roe")."""
    alone = {g.key for g in groups if len(g.words) == 1 and any(m.label == "PERSON" for m in g.mentions)}
    for g in groups:
        name = g.names[0]
        words = name.split()
        if _personish(g) or not 2 <= len(words) <= 3 or _surname(g.words) not in alone:
            continue
        if all(_NAME_WORD.fullmatch(w) and not _place_or_org_word(w) for w in words) and not name_votes(name) \
                and not in_gazetteer(name):
            g.surname_used = True


def _fold(groups: list[_Group], target_of, rule: str) -> list[_Group]:
    """The groups, each absorbed (under `rule`) into the group `target_of(g, kept)` names
    for it, where `kept` are the groups kept so far; kept when that is None or itself."""
    kept: list[_Group] = []
    for g in groups:
        target = target_of(g, kept)
        if target is None or target is g:
            kept.append(g)
        else:
            target.absorb(g, rule)
    return kept


def _merge_surnames(groups: list[_Group]) -> list[_Group]:
    """Join one-word names to the full personal name that ends with them."""
    full = [g for g in groups if len(g.words) >= 2 and _personish(g)]
    # A "Given Surname" tagged otherwise ("Virat Kohli" as ORG) takes a surname the
    # model tags PERSON: the short form is the evidence of what the full name is.
    shaped = [g for g in groups if len(g.words) >= 2 and g not in full and shaped_like_person(g.names[0])]

    def target(g: _Group, _kept) -> _Group | None:
        if len(g.words) != 1 or g in full or g.cues["Place"] >= STRONG_PLACE_CUE:  # a town is no one's surname
            return None
        pool = full + shaped if any(m.label == "PERSON" for m in g.mentions) else full
        middle = [f for f in full if g.key in f.words[1:-1]]  # "Ortega" of "Javier Ortega Lluch", only one such
        return _choose([f for f in pool if _surname(f.words) == g.key], g) or (middle[0] if len(middle) == 1 else None)
    return _fold(groups, target, "surname")


def _merge_given_names(groups: list[_Group]) -> list[_Group]:
    """Join a one-word name tagged PERSON to the one full personal name that it opens
    ("Ellen" for "Ellen Roe"), as sport and profiles call people by their given name;
    not when it is also a surname in the text or opens two full names."""
    full = [g for g in groups if len(g.words) >= 2 and _personish(g)]
    surnames = {_surname(g.words) for g in full}

    def target(g: _Group, _kept) -> _Group | None:
        if len(g.words) == 1 and g.key not in surnames and any(m.label == "PERSON" for m in g.mentions):
            candidates = [f for f in full if f.words[0] == g.key]
            return candidates[0] if len({tuple(c.words) for c in candidates}) == 1 else None
        return None
    return _fold(groups, target, "given-name")


def _merge_given_name_variants(groups: list[_Group]) -> list[_Group]:
    """Join two full personal names that differ only in a given name's form: a
    nickname or an initial ("Bob Smith" and "Robert Smith", "J. Smith")."""
    def target(g: _Group, kept: list[_Group]) -> _Group | None:
        if len(g.words) < 2 or not _personish(g):
            return None
        return next((f for f in kept if len(f.words) == len(g.words) and f.words[1:] == g.words[1:]
                     and _personish(f) and given_names_variants(f.words[0].rstrip("."), g.words[0].rstrip("."))),
                    None)
    return _fold(groups, target, "given-name-variant")


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


def _merge_acronyms(groups: list[_Group], bracketed: dict[tuple[int, int], tuple[int, int]]) -> list[_Group]:
    """Join an all-caps name to the organization whose initials it spells, and a short
    name in brackets to the name before it (`bracket_aliases`)."""
    by_initials: dict[str, _Group] = {}
    for g in groups:
        if len(g.words) >= 2 and _kind(g) != "Person":
            by_initials.setdefault(name_initials(g.names[0]), g)
    at = {(m.start, m.end): g for g in groups for m in g.mentions}

    def target(g: _Group, _kept) -> _Group | None:
        defined = next((at.get(bracketed[(m.start, m.end)]) for m in g.mentions if (m.start, m.end) in bracketed), None)
        if defined is not None and defined is not g and len(g.words) == 1:
            return defined
        acronym = g.names[0].replace(".", "").upper() if g.names[0].isupper() else g.names[0]
        return by_initials.get(acronym) if len(g.words) == 1 and acronym.isupper() and len(acronym) >= 2 else None
    return _fold(groups, target, "acronym")


def _merge_short_forms(groups: list[_Group]) -> list[_Group]:
    """Join a one-word organization name to the one organization it shortens ("Acme" for
    "Acme Industrial Holdings"); with several, to the most recent one before it, else none."""
    orgs = [g for g in groups if len(g.words) >= 2 and _kind(g) == "Organization"]
    shorts = {id(f): set().union(*(org_short_forms(n) for n in set(f.names))) for f in orgs}
    place_named = {id(f): set().union(*(org_short_forms(n, places=True) for n in set(f.names))) for f in orgs}
    person_words = {w for g in groups if len(g.words) >= 2 and _kind(g) == "Person" for w in g.words}

    def target(g: _Group, _kept) -> _Group | None:
        if len(g.words) != 1:
            return None
        # A word no gazetteer knows, tagged a place ("goals for Rapid") and never "in" one, may shorten a club.
        if not _personish(g) and (_kind(g) == "Organization" or (_kind(g) == "Place" and not g.located
                                                                 and not in_gazetteer(g.names[0]))):
            # A name tagged an organization, never "in" one, may be a town's too ("Harlow").
            forms = place_named if _kind(g) == "Organization" and not g.located else shorts
            return _choose([f for f in orgs if g.key in forms[id(f)]], g)
        if _bare_word_tagged_person(g) and g.key not in person_words:
            # "Brenford shares fell" beside "Brenford Motors Inc" or "Kessler Foods": a company's legal
            # form or head noun outweighs the tagger's guess, unless a person here carries the word.
            return _choose([f for f in orgs if g.key in shorts[id(f)]
                            and any(legal_form(n) or no_personal_name(n) for n in f.names)], g)
        return None
    return _fold(groups, target, "short-form")


def _bare_word_tagged_person(g: _Group) -> bool:
    """A one-word name only the tagger calls a person: no title, honorific or full name."""
    return not (g.person_full or g.honorific or g.surname_used or g.titles)


def _merge_head_nouns(groups: list[_Group]) -> list[_Group]:
    """Join a one-word organization name that is the head noun of exactly one
    organization of the document ("the Navy" for "Indian Navy")."""
    heads: dict[str, list[_Group]] = {}
    for g in groups:
        if len(g.words) >= 2 and _kind(g) == "Organization" and (h := org_head(g.names[0])):
            heads.setdefault(h, []).append(g)

    def target(g: _Group, _kept) -> _Group | None:
        owners = heads.get(g.key, []) if len(g.words) == 1 and _kind(g) == "Organization" else []
        return owners[0] if len(owners) == 1 else None
    return _fold(groups, target, "head-noun")


def _entity(entity_id: str, g: _Group, doc_id: str) -> Entity:
    kind = _kind(g)
    mentions = tuple(sorted(g.mentions, key=lambda m: (m.start, m.end)))
    # The fullest proper name: most words, then not in capitals (a dateline's), then the
    # most frequent, then the earliest.
    counts = Counter(g.names)
    order = {n: i for i, n in reversed(list(enumerate(g.names)))}
    label = max(counts, key=lambda n: (len(n.split()), not shouted(n), counts[n], -order[n]))
    surfaces = list(dict.fromkeys(_surface(m.text) for m in mentions))
    alt = tuple(s for s in surfaces if s != label)
    merges = tuple(MergeStep(surface=s, doc_id=doc_id, rule=g.rules.get(s, "exact"), score=MERGE_SCORES.get(g.rules.get(s, "exact"), 1.0))
                   for s in surfaces if s != label)
    titles = tuple(t for t in g.titles if kind == "Person")
    return Entity(id=entity_id, kind=kind, label=label, alt_labels=alt, mentions=mentions, titles=titles, merges=merges)
