"""The events stage: `events_stage(parsed, model) -> model` with events and event links.

Triggers and arguments come from `extract.events`, dates from `extract.dates`, and the
mentions of one event are merged by `extract.event_coref`. Arguments are mapped to
the document's entities with `EntityIndex`; all offsets are source offsets. Events that a
stated link ties together (during, causes) lend each other a place or date they lack.
An event node needs an argument (a place, a time, a participant or a count): a bare
trigger is no node; nor is a plain statement in a sentence that carries a quote (the
Quotation is the statement). Each event carries the strongest factuality of its mentions.
"""
from __future__ import annotations

from dataclasses import replace

from graphbuild.extract.dates import normalize_date
from graphbuild.extract.event_coref import EventRecord, cluster_events
from graphbuild.extract.event_factuality import ASSERTED, FUTURE, strongest
from graphbuild.extract.event_lexicon import GENERIC, Lexicon, in_family, lexicon
from graphbuild.extract.events import FoundEvent, find_events
from graphbuild.extract.event_anaphora import Cue, absorb
from graphbuild.extract.event_args import placeless, setting
from graphbuild.extract.event_nodes import kept, nested, propagate, worth_a_node
from graphbuild.extract.index import EntityIndex
from graphbuild.extract.missed_names import dateline_extents
from graphbuild.extract.pronouns import recent_person_pronouns
from graphbuild.extract.unnamed import with_unnamed
from graphbuild.lexicon.roles import ROLE_NOUNS
from graphbuild.model import Count, Event, EventLink, Evidence, GraphModel, Mention, Participant, TimeValue, VERB_TRIGGER
from graphbuild.nlp import ParsedDocument

PLACE_KINDS, PERSON_KINDS = {"Place"}, {"Person"}
NEVER_MERGE_ROOTS, TIME_ENTS = {"Statement"}, {"DATE", "TIME"}
# Derivational suffixes of abstract nouns (states, qualities, processes).
ABSTRACT_SUFFIXES = ("tion", "sion", "ity", "ness", "ment", "ism", "ance", "ence", "ship", "hood")
STATED_DATE = 0.8  # the confidence of a date read from the parse (not the line fallback)
DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}


def events_stage(parsed: ParsedDocument, model: GraphModel) -> GraphModel:
    """`model` with the events of `parsed` (ids v1, v2, ...) and their links added."""
    lex = lexicon()
    doc = parsed.doc
    index = EntityIndex(model.entities)
    token_entity = _token_entities(parsed, index)
    place_ids = {e.id for e in model.entities if e.kind in PLACE_KINDS}
    place_tokens = _place_heads(doc, token_entity, place_ids)
    found = find_events(doc, lex, place_tokens)
    if not found:
        return model
    times: dict[int, TimeValue] = {}
    # A dateline's place is where the report was filed, never who did what: the parser
    # may take "EDMONTON, Alberta (CP) - Officials confirmed" for the verb's subject.
    dateline = _dateline_tokens(parsed, model)
    records = [_record(f, parsed, token_entity, times, lex, dateline, place_ids) for f in found]
    within = {(r.subject, r.object) for r in model.relations if r.predicate == "containedInPlace"}

    def same_place(a: set[str], b: set[str]) -> bool:  # Baghdad and Iraq do not conflict
        return bool(a & b) or any((x, y) in within or (y, x) in within for x in a for y in b)

    clusters = cluster_events(records, lex.compatible, GENERIC,
                              lambda k: in_family(k, NEVER_MERGE_ROOTS, lex), same_place)
    cluster_of = {found[i].trigger.i: n for n, members in enumerate(clusters) for i in members}
    actors = {**{i: e for i, e in token_entity.items() if i not in dateline},
              **recent_person_pronouns(doc, token_entity, {e.id for e in model.entities if e.kind in PERSON_KINDS})}
    events = [_event(f"v{n + 1}", [found[i] for i in members], [records[i] for i in members], parsed,
                     actors, lex, place_ids) for n, members in enumerate(clusters)]
    links = _links(found, cluster_of, events, parsed)
    events = nested(propagate(events, links), found, cluster_of)
    argued = _unshown_arguments(found, clusters, events, parsed.document.published is None, lex)
    speech = lambda k: in_family(k, NEVER_MERGE_ROOTS, lex)  # noqa: E731
    events = absorb(events, worth_a_node(model.quotes, argued), _cues(events, clusters, found, records),
                    lex.compatible, GENERIC, speech)
    events, links = kept(events, links, model.quotes, argued)
    unnamed, events = with_unnamed(parsed, found, (actors, _entity, frozenset(place_ids)), events, model.entities)
    return replace(model, entities=model.entities + unnamed,
                   events=model.events + tuple(events), event_links=model.event_links + tuple(links))


def _cues(events: list[Event], clusters: list[list[int]], found: list[FoundEvent],
          records: list[EventRecord]) -> dict[str, Cue]:
    """The anaphora cues of each event (see `event_anaphora`): its trigger lemmas, whether
    a mention is a definite noun ("the attack", "its takeover"), plural, first offset."""
    out = {}
    for v, members in zip(events, clusters):
        definite = any(found[i].trigger.pos_ == "NOUN" and any(
            (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss" for c in found[i].trigger.children)
            for i in members)
        out[v.id] = Cue(frozenset(records[i].lemma for i in members), definite,
                        records[members[0]].plural, min(m.start for m in v.mentions))
    return out


def _unshown_arguments(found: list[FoundEvent], clusters: list[list[int]], events: list[Event], undated: bool,
                       lex: Lexicon) -> set[str]:
    """Ids of the events that state an argument the model cannot show: in an undated
    document, a date the parse attached though it cannot be normalized ("on Thursday"),
    the event's own or its host's; a participant that names no entity ("police arrested
    23 pirates", "a man was killed"), except for a speech act ("police said" is the
    report, not news)."""
    by_token = {f.trigger.i: f for f in found}
    out = set()
    for n, members in enumerate(clusters):
        dated = undated and any(found[i].dates or (found[i].host is not None and by_token[found[i].host.i].dates)
                                for i in members)
        named = not in_family(events[n].kind, NEVER_MERGE_ROOTS, lex) and any(
            _participant(t) for i in members for _, t in found[i].roles)
        if dated or named:
            out.add(events[n].id)
    return out


def _token_entities(parsed: ParsedDocument, index: EntityIndex) -> dict[int, str]:
    out = {}
    for tok in parsed.doc:
        if tok.is_space or tok.is_punct:
            continue
        start, end = parsed.source(tok.idx, tok.idx + len(tok.text))
        eid = index.at(start, end)
        if eid is not None:
            out[tok.i] = eid
    return out


def _dateline_tokens(parsed: ParsedDocument, model: GraphModel) -> frozenset[int]:
    """Indices of the tokens of the datelines ("EDMONTON, Alberta (CP) -", with the
    agency) and of the dateline mentions ("DUBLIN 1996-08-31")."""
    spans = [(m.start, m.end) for e in model.entities for m in e.mentions if m.rule == "dateline"]
    spans += dateline_extents(parsed.document.text)
    if not spans:
        return frozenset()
    out, last = set(), max(e for _, e in spans)
    for tok in parsed.doc:
        a, b = parsed.source(tok.idx, tok.idx + len(tok.text))
        if a >= last:  # datelines open their articles: the scan ends soon
            break
        if any(s <= a and b <= e for s, e in spans):
            out.add(tok.i)
    return frozenset(out)


def _place_heads(doc, token_entity: dict[int, str], place_ids: set[str]) -> list:
    """One head token per contiguous place mention."""
    heads, i = [], 0
    while i < len(doc):
        eid = token_entity.get(i)
        if eid in place_ids:
            j = i
            while j + 1 < len(doc) and token_entity.get(j + 1) == eid:
                j += 1
            heads.append(doc[i:j + 1].root)
            i = j + 1
        else:
            i += 1
    return heads


def _participant(tok) -> bool:
    """A stated participant that names no entity: a common noun naming people or things
    ("a man", "23 pirates", "the suspect"; "man" in a headline). Not a time word ("last
    week": a date), nor an abstract noun formed by an abstract suffix ("capture the
    imagination", "declared independence"): neither is an argument."""
    if tok.pos_ != "NOUN" or tok.ent_type_ in TIME_ENTS:
        return False
    return tok.tag_ == "NNS" or not tok.lower_.endswith(ABSTRACT_SUFFIXES)


def _entity(tok, token_entity: dict[int, str]) -> str | None:
    """The entity an argument head denotes: itself, or a name inside its phrase
    ("General Qassem Soleimani", "the leader Hossein Salami"), or the group a common noun
    is part of ("the board of the union"). A role's holder is no group ("the mayor of X")
    but the name after the role noun ("Acme chairman Jo Bell" is Jo Bell)."""
    if tok.i in token_entity:
        return token_entity[tok.i]
    holder = tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in ROLE_NOUNS
    if holder and tok.i < tok.right_edge.i and tok.i + 1 in token_entity:  # however the parse hangs it
        return token_entity[tok.i + 1]
    for child in tok.children:
        if child.dep_ in ("compound", "appos", "flat") and child.i in token_entity:
            return token_entity[child.i]
    if tok.pos_ == "NOUN" and not holder:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                named = [p for p in prep.children if p.dep_ == "pobj" and p.i in token_entity]
                if named:
                    return token_entity[named[0].i]
    return None


def _time(span, parsed: ParsedDocument, cache: dict[int, TimeValue]) -> TimeValue:
    if span.start not in cache:
        start, end = parsed.source(span.start_char, span.end_char)
        tv = normalize_date(span.text, parsed.document.published)
        cache[span.start] = replace(tv, text=parsed.document.text[start:end], doc_id=parsed.document.id,
                                    start=start, stop=end)
    return cache[span.start]


def _record(f: FoundEvent, parsed, token_entity, times, lex: Lexicon, dateline: frozenset[int],
            place_ids: set[str]) -> EventRecord:
    r = EventRecord(kind=f.kind, lemma=f.trigger.lemma_.lower(), plural=f.trigger.tag_ in ("NNS", "NNPS"),
                    harm=in_family(f.kind, {"Death", "Injury"}, lex),
                    tense=FUTURE if f.factuality == FUTURE else ("past" if f.trigger.tag_ == "VBD" else None))
    r.places = {token_entity[p.i] for p, _ in f.places if p.i in token_entity}
    r.times = [t for d, _ in f.dates if (t := _time(d, parsed, times)).value is not None]
    for role, tok in f.roles:
        eid = _entity(tok, token_entity)
        if setting(role, eid, f.kind, place_ids, lex, tok.i not in token_entity):  # "Moldova's election"
            r.places.add(eid)
        elif not (tok.pos_ == "PRON" or tok.i in dateline or placeless(role, eid, f.kind, place_ids, lex)):
            (r.agents if role == "agent" else r.undergoers).add(eid or f"lemma:{tok.lemma_.lower()}")
    return r


def _evidence(parsed: ParsedDocument, tok, rule: str, confidence: float) -> Evidence:
    start, end = parsed.source(tok.sent.start_char, tok.sent.end_char)
    return Evidence(parsed.document.id, start, end, rule, confidence)


def _mention(parsed: ParsedDocument, f: FoundEvent) -> Mention:
    start, end = parsed.source(f.span.start_char, f.span.end_char)
    s_start, s_end = parsed.source(f.trigger.sent.start_char, f.trigger.sent.end_char)
    rule = "ner" if f.span.label_ == "EVENT" else VERB_TRIGGER if f.trigger.pos_ in ("VERB", "AUX") else "trigger"
    return Mention(parsed.document.id, start, end, parsed.document.text[start:end], "EVENT", s_start, s_end, rule)


def _most_specific(kinds: list[str], lex: Lexicon) -> str:
    best = kinds[0]
    for k in kinds[1:]:
        if best == GENERIC or (k != GENERIC and best in lex.parents.get(k, ())):
            best = k
    return best


def _event(eid: str, members: list[FoundEvent], records: list[EventRecord], parsed, token_entity,
           lex: Lexicon, place_ids: set[str]) -> Event:
    kind = _most_specific([f.kind for f in members], lex)
    rep = max(members, key=lambda f: (f.kind == kind, len(f.span), -f.trigger.i))
    places = tuple(dict.fromkeys(p for r in records for p in sorted(r.places)))
    seen_times: dict[tuple, TimeValue] = {}
    for r in records:
        for t in r.times:
            seen_times.setdefault((t.value, t.end), t)
    participants = []
    for f in members:
        for role, tok in f.roles:
            ent = _entity(tok, token_entity)
            if ent is not None and ent not in places and not placeless(role, ent, f.kind, place_ids, lex):
                participants.append(Participant(role, ent))
    counts: dict[tuple, Count] = {}
    for f in members:
        for c in f.counts:
            key = (c.kind, c.value, c.qualifier)
            if key not in counts:
                counts[key] = Count(c.kind, c.value, c.qualifier, (_evidence(parsed, c.word, "count", 0.8),))
    return Event(
        id=eid, kind=kind, label=rep.span.text.lower() if not rep.span.text.isupper() else rep.span.text,
        factuality=_factuality(members, records, parsed.document.published),
        mentions=tuple(_mention(parsed, f) for f in members), places=places, times=tuple(seen_times.values()),
        participants=tuple(dict.fromkeys(participants)), counts=tuple(counts.values()),
        evidence=tuple(dict.fromkeys(_evidence(parsed, f.trigger, "trigger", 0.7) for f in members)),
    )


def _factuality(members: list[FoundEvent], records: list[EventRecord], published) -> str:
    """The strongest factuality of the mentions; an asserted event whose stated days all
    fall after the publication date has not happened yet (future)."""
    value = strongest(f.factuality for f in members)
    if value != ASSERTED or published is None:
        return value
    stated = {t.value for f, r in zip(members, records) for t in r.times
              if t.datatype == "date" and any(c >= STATED_DATE for _, c in f.dates)}
    return FUTURE if stated and all(day > published.isoformat() for day in stated) else value


def _links(found: list[FoundEvent], cluster_of: dict[int, int], events: list[Event], parsed) -> list[EventLink]:
    out: dict[tuple[str, str, str], list[Evidence]] = {}
    for f in found:
        for predicate, other in f.links:
            a, b = cluster_of.get(f.trigger.i), cluster_of.get(other.i)
            if a is None or b is None or a == b:
                continue
            key = (events[a].id, predicate, events[b].id)
            out.setdefault(key, []).append(_evidence(parsed, f.trigger, f"link-{predicate}", 0.7))
    return [EventLink(s, p, o, tuple(dict.fromkeys(ev))) for (s, p, o), ev in out.items()]
