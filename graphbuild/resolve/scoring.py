"""Pair scores for cross-document entity matching.

`score_pair(a, b, context)` says whether two entities of different documents name the
same real-world actor, as (rule, score in 0..1) or None. Evidence combined: the name
(exact, transliteration-folded, fuzzy via rapidfuzz, acronym, surname only, partial
name with the same head noun, country alias), type agreement, shared titles and shared
neighbours (entities both are related to). `compatible_clusters` vetoes joins that
would put conflicting names together ("Mark Esper" with "Mark Milley").
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from graphbuild.model import Entity, GraphModel
from graphbuild.lexicon.abbreviations import expand_place_words
from graphbuild.lexicon.name_variants import fold_word, given_names_variants, word_variants
from graphbuild.names import acronym, blocking_keys, fold, is_acronym, name_words, normalize, surname
from graphbuild.resolve.facts import name_weight
from graphbuild.resolve.org_match import compact, content_words, org_names_match, short_forms_index

# A pair joins when its score reaches this.
THRESHOLD = 0.85
# A bare surname joins the one full name that carries it; with rival full names
# ("Boris Johnson", "Lyndon Johnson") it needs shared titles and neighbours to pass.
SURNAME_SCORE = 0.88
AMBIGUOUS_SURNAME_SCORE = 0.7
TITLE_BONUS = 0.08
NEIGHBOUR_BONUS = 0.08
# Two full names with the same initials this alike are spellings of one name.
RIVAL_SIMILARITY = 85


@dataclass(frozen=True)
class Candidate:
    """What matching needs to know of one entity, precomputed once."""

    scope: str
    id: str
    kind: str
    label: str
    folded: frozenset[str]  # folded forms of the label and every alt label
    keys: frozenset[str]  # blocking keys
    titles: frozenset[str]
    neighbours: frozenset[str]  # folded labels of related entities
    weight: int  # number of mentions
    forms: tuple[str, ...] = ()  # label and alt labels
    acronyms: frozenset[str] = frozenset()  # forms written as acronyms, compacted
    initials: frozenset[str] = frozenset()  # initials of multi-word forms
    country: str | None = None  # ISO code when the entity is a country


@dataclass(frozen=True)
class MatchContext:
    """Corpus-wide facts used by the scores (neighbour names per entity)."""

    neighbours: dict[tuple[str, str], frozenset[str]]
    full_names: dict[str, frozenset[str]]  # folded surname -> multi-word person labels
    org_shorts: dict[str, frozenset[str]] = field(default_factory=dict)  # short form -> organizations' bases

    @classmethod
    def of(cls, items: Sequence, models: Sequence[GraphModel], pinned: GraphModel | None) -> MatchContext:
        from graphbuild.resolve.scopes import GLOBAL, scope_of

        labels = {s.ref: s.entity.label for s in items}
        neighbours: dict[tuple[str, str], set[str]] = defaultdict(set)
        for model in ([pinned] if pinned is not None else []) + list(models):
            scope = GLOBAL if model is pinned else scope_of(model)
            edges = [(r.subject, r.object) for r in model.relations]
            edges += [(m.member, m.organization) for m in model.memberships]
            for a, b in edges:
                la, lb = labels.get((scope, a)), labels.get((scope, b))
                if la and lb:
                    neighbours[(scope, a)].add(fold(lb))
                    neighbours[(scope, b)].add(fold(la))
        full: dict[str, set[str]] = defaultdict(set)
        for s in items:
            e = s.entity
            if e.kind == "Person":
                for form in (e.label, *e.alt_labels):
                    if len(name_words(form)) >= 2:
                        full[surname(form)].add(form)
        shorts = short_forms_index([f for s in items if s.entity.kind == "Organization"
                                    for f in (s.entity.label, *s.entity.alt_labels)])
        return cls({k: frozenset(v) for k, v in neighbours.items()}, {k: frozenset(v) for k, v in full.items()},
                   {k: frozenset(v) for k, v in shorts.items()})

    def candidate(self, scoped) -> Candidate:
        e: Entity = scoped.entity
        forms = (e.label, *e.alt_labels)
        from graphbuild.resolve.geo import country_code

        keys = set()
        for form in forms:
            keys |= blocking_keys(form, e.kind)
        country = None
        if e.kind == "Place":
            country = next((c for c in map(country_code, forms) if c), None)
            if country:
                keys.add("c:" + country)
        if e.kind == "Organization":  # partial names block on their content words
            keys |= {"w:" + w for f in forms for w in content_words(f)[0] if len(w) > 3}
            keys |= {"k:" + compact(f) for f in forms}
        if e.kind != "Person":
            keys.discard("s:" + surname(e.label))
        return Candidate(
            scope=scoped.scope,
            id=e.id,
            kind=e.kind,
            label=e.label,
            folded=frozenset(fold(f) for f in forms if fold(f)),
            keys=frozenset(keys),
            titles=frozenset(normalize(t) for t in e.titles),
            neighbours=self.neighbours.get(scoped.ref, frozenset()),
            weight=name_weight(e),
            forms=forms,
            acronyms=frozenset(normalize(f).replace(" ", "") for f in forms if is_acronym(f)),
            initials=frozenset(i for f in forms if not is_acronym(f) and (i := acronym(f))),
            country=country,
        )


def score_pair(a: Candidate, b: Candidate, context: MatchContext) -> tuple[str, float] | None:
    """(rule, score) when `a` and `b` are the same actor, else None."""
    if a.kind != b.kind:
        # A tagging slip across types ("Soleimani" as a place): only full multi-word
        # names that agree exactly join; the node's type is then voted by mentions.
        same = fold(a.label) == fold(b.label) and len(name_words(a.label)) >= 2
        return ("exact-other-type", 0.9) if same else None
    if a.kind == "Person":
        found = _person(a, b, context)
    elif a.kind == "Place":
        found = _place(a, b)
    else:
        found = _organization(a, b, context)
    if found is None:
        return None
    rule, score = found
    score = min(1.0, score + _context_bonus(a, b))
    return (rule, round(score, 3)) if score >= THRESHOLD else None


def _context_bonus(a: Candidate, b: Candidate) -> float:
    bonus = 0.0
    if a.titles & b.titles:
        bonus += TITLE_BONUS
    if a.neighbours & b.neighbours:
        bonus += NEIGHBOUR_BONUS
    return bonus


def _exact(a: Candidate, b: Candidate) -> tuple[str, float] | None:
    if normalize(a.label) == normalize(b.label):
        return ("exact", 1.0)
    if a.folded & b.folded:
        return ("transliteration", 0.97)
    return None


def person_names_compatible(x: str, y: str) -> bool:
    """Whether two person names can be one person: surnames that are one name's
    spellings (`names.word_variants`) or a first surname used alone, and given names that agree when both are given
    (`names.given_names_variants`: "Ted Cruz" is not "Tad Cruz")."""
    wx, wy = [fold_word(w) for w in name_words(x)], [fold_word(w) for w in name_words(y)]
    if not wx or not wy:
        return True
    if not word_variants(wx[-1], wy[-1]) and not _first_surname_form(wx, wy):
        return False
    if len(wx) >= 2 and len(wy) >= 2:
        return given_names_variants(name_words(x)[0], name_words(y)[0]) or _subsequence(wx, wy) or _subsequence(wy, wx)
    return True


def _first_surname_form(x: list[str], y: list[str]) -> bool:
    """One name is the other less its last word, with a given name and a surname left:
    "Lucía Ferrández" of "Lucía Ferrández Ortega" (a first surname used alone)."""
    short, long = sorted((x, y), key=len)
    return len(short) >= 2 and len(long) == len(short) + 1 and long[:-1] == short


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return len(short) < len(long) and all(w in it for w in short)


def _person(a: Candidate, b: Candidate, context: MatchContext) -> tuple[str, float] | None:
    if not person_names_compatible(a.label, b.label):
        return None
    found = _exact(a, b)
    if found:
        return found
    wa, wb = name_words(a.label), name_words(b.label)
    if len(wa) >= 2 and len(wb) >= 2:
        fa, fb = [fold_word(w) for w in wa], [fold_word(w) for w in wb]
        if _subsequence(fa, fb) or _subsequence(fb, fa):
            return ("partial-name", 0.9)  # "Javad Zarif" / "Mohammad Javad Zarif"
        # Spelling variants score only beside whole given names: an initial says too
        # little ("J. Smyth" may be "Jordan Smith", and is not merged on that alone).
        if len(fa) == len(fb) and min(len(fa[0]), len(fb[0])) > 1 and \
                all(word_variants(x, y) for x, y in zip(fa[1:], fb[1:])):
            return ("name-variant", 0.92)  # "Muammar Gaddafi" / "Muammar Qadhafi"
        return ("fuzzy-name", fuzz.ratio(" ".join(fa), " ".join(fb)) / 100)
    # One side is a bare surname ("Assad" / "Bashar al-Assad").
    if a.titles and b.titles and not (a.titles & b.titles):
        return None  # roles conflict
    short = a if len(wa) < 2 else b
    full_names = context.full_names.get(surname(short.label), frozenset())
    unambiguous = len(_name_groups(full_names)) <= 1
    return ("surname", SURNAME_SCORE if unambiguous else AMBIGUOUS_SURNAME_SCORE)


def _name_groups(names: frozenset[str]) -> list[set[str]]:
    """Full names grouped by compatibility (each group may be one person)."""
    groups: list[set[str]] = []
    for n in sorted(names):
        for g in groups:
            if all(person_names_compatible(n, m) for m in g):
                g.add(n)
                break
        else:
            groups.append({n})
    return groups


def _organization(a: Candidate, b: Candidate, context: MatchContext) -> tuple[str, float] | None:
    found = _exact(a, b)
    if found:
        return found
    if a.acronyms & b.initials or b.acronyms & a.initials:
        return ("acronym", 0.95)
    return org_names_match(a.forms, b.forms, context.org_shorts)


def _place(a: Candidate, b: Candidate) -> tuple[str, float] | None:
    if a.country and a.country == b.country:
        return ("country-alias", 1.0) if normalize(a.label) != normalize(b.label) else ("exact", 1.0)
    if a.country and b.country:
        return None
    found = _exact(a, b)
    if found:
        return found
    if expand_place_words(normalize(a.label)) == expand_place_words(normalize(b.label)):
        return ("abbreviation", 0.97)  # "Mt Orlo" / "Mount Orlo"
    if a.acronyms & b.initials or b.acronyms & a.initials:
        return ("acronym", 0.95)
    return None


def compatible_clusters(a: Sequence[Candidate], b: Sequence[Candidate]) -> bool:
    """Whether two clusters may join: never two entities of one document, never two
    people whose names conflict, never two different countries, never two different
    names one acronym would stand for."""
    # Over distinct values, not members: a node named in a thousand articles is a
    # thousand members with a handful of labels and countries.
    scopes = {c.scope for c in a}
    if any(c.scope in scopes for c in b):
        named = {c.country for c in a} | {c.country for c in b}  # all pairs same_country: one country, never None
        if len(named) != 1 or None in named:
            return False
    people_a = {c.label for c in a if c.kind == "Person"}
    people_b = {c.label for c in b if c.kind == "Person"}
    if any(not person_names_compatible(x, y) for x in sorted(people_a) for y in sorted(people_b)):
        return False
    countries = {c.country for c in [*a, *b] if c.country}
    return len(countries) <= 1 and not _rival_expansions(a, b)


def _rival_expansions(a: Sequence[Candidate], b: Sequence[Candidate]) -> bool:
    """Whether the clusters hold two different full names with the same initials and
    the acronym itself: an acronym stands for one name, so "M.C." may join "Maui County"
    or "Mo Cheeks", and must not chain the two into one node."""
    shared = {k for c in a for k in c.initials} & {k for c in b for k in c.initials}
    shared &= {k for c in [*a, *b] for k in c.acronyms}  # only an acronym can bridge them
    if not shared:
        return False
    expansions = defaultdict(set)
    for c in a:
        for f in c.forms:
            if not is_acronym(f) and (key := acronym(f)) in shared:
                expansions[key].add(normalize(f))
    for c in b:
        for f in c.forms:
            if is_acronym(f) or not (key := acronym(f)) or key not in expansions:
                continue
            name = normalize(f)
            if all(name != other and fuzz.ratio(name, other) < RIVAL_SIMILARITY for other in expansions[key]):
                return True
    return False


def same_country(a: Candidate, b: Candidate) -> bool:
    """Both name one country ("America", "United States"): one node even when a single
    document's resolution kept them apart."""
    return a.country is not None and a.country == b.country
