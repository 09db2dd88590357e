"""The GraphModel: the hub every exporter reads.

Frozen dataclasses only, no spaCy objects, so `rdf/` and `network/` are testable from
hand-built models and a model crosses process boundaries (engine workers) by pickling.

Offsets (`start`, `end`) always index `Document.text`, the text exactly as the input gave
it (after decoding). Entity and event `id`s are stable keys: within one document's
analysis they are local ("e3"), after cross-document resolution they are global keys
from which `iri.py` mints IRIs. Predicates, roles and kinds are local names of terms in
`ontology/*.ttl`, never IRIs, and are checked against the ontology when a record is made
(`vocab` raises OntologyError naming the term and where to declare it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from graphbuild.vocab import entity_classes, property_for, role_for


@dataclass(frozen=True)
class Document:
    """One input article. `id` is the input's identifier (file stem, JSONL `id`)."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None  # the publisher, e.g. "ITV News"
    path: str | None = None  # where it was read from, for messages


@dataclass(frozen=True)
class Mention:
    """A span of a document that names an entity or event."""

    doc_id: str
    start: int
    end: int
    text: str  # == Document.text[start:end]
    label: str  # spaCy label as tagged (PERSON, ORG, GPE, ...), or EVENT for triggers
    sentence_start: int
    sentence_end: int
    rule: str = "ner"  # what found it: ner, string-match, acronym, trigger, ...


@dataclass(frozen=True)
class KindCue:
    """Evidence about the kind of the entity mentioned at the source char span [start,
    end), read from the words around it ("X's chief executive": X is no person)."""

    start: int
    end: int
    kind: str
    rule: str
    weight: float


@dataclass(frozen=True)
class Evidence:
    """Why a fact exists: the sentence it came from, the rule that made it, a confidence."""

    doc_id: str
    start: int  # the sentence (or clause) offsets in Document.text
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True)
class MergeStep:
    """One decision of entity resolution: `surface` (seen in `doc_id`) joined the node."""

    surface: str
    doc_id: str
    rule: str  # exact, surname, acronym, honorific, fuzzy-name, transliteration, ...
    score: float


@dataclass(frozen=True)
class Entity:
    """A person, organization or place (`kind` is the ontology class local name)."""

    id: str
    kind: str  # Person | Organization | Place (or a sub-class declared in the ontology)
    label: str  # canonical name
    alt_labels: tuple[str, ...] = ()  # every other surface form seen
    mentions: tuple[Mention, ...] = ()
    titles: tuple[str, ...] = ()  # schema:jobTitle literals ("Secretary of State")
    same_as: tuple[str, ...] = ()  # external IRIs (e.g. GeoNames), as strings
    lat: float | None = None
    long: float | None = None
    merges: tuple[MergeStep, ...] = ()

    def __post_init__(self) -> None:
        entity_classes(self.kind)


@dataclass(frozen=True)
class Relation:
    """A typed edge between two entities (`predicate`: ontology property local name)."""

    subject: str
    predicate: str  # headOf, memberOf, worksFor, nationality, containedInPlace, homeLocation
    object: str
    evidence: tuple[Evidence, ...]

    def __post_init__(self) -> None:
        property_for(self.predicate)


@dataclass(frozen=True)
class Membership:
    """W3C ORG membership: `member` holds `role` in `organization`."""

    member: str
    organization: str
    role: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class TimeValue:
    """A normalized time expression. `value` is an XSD lexical form or None if unknown."""

    text: str  # the expression as written ("on Friday")
    value: str | None  # "2020-01-03", "--01-07", "2020-01"
    datatype: str  # date | gMonthDay | gYearMonth | gYear
    end: str | None = None  # the interval's last day, for "over the weekend"
    doc_id: str | None = None
    start: int | None = None  # where the expression stands in the document
    stop: int | None = None


@dataclass(frozen=True)
class Count:
    """A number stated about an event: 56 dead, at least; more than 200 injured."""

    kind: str  # dead | injured | arrested | participants ...
    value: int
    qualifier: str | None  # at least | more than | about | up to | None (exact)
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Participant:
    role: str  # agent | patient | victim | speaker | ... (sub-properties of sem:hasActor)
    entity: str

    def __post_init__(self) -> None:
        role_for(self.role)


@dataclass(frozen=True)
class Event:
    """Something that happened. `kind` is an event class local name in the ontology."""

    id: str
    kind: str
    label: str
    mentions: tuple[Mention, ...] = ()
    places: tuple[str, ...] = ()  # entity ids
    times: tuple[TimeValue, ...] = ()
    participants: tuple[Participant, ...] = ()
    counts: tuple[Count, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    merges: tuple[MergeStep, ...] = ()

    def __post_init__(self) -> None:
        entity_classes(self.kind)


@dataclass(frozen=True)
class EventLink:
    """A stated relation between events: `subject` happened during / caused `object`."""

    subject: str
    predicate: str  # an ontology property local name, e.g. duringEvent, causes
    object: str
    evidence: tuple[Evidence, ...]

    def __post_init__(self) -> None:
        property_for(self.predicate)


@dataclass(frozen=True)
class Quote:
    """Direct or reported speech attributed to a speaker (None when unknown)."""

    id: str
    speaker: str | None
    text: str
    doc_id: str
    start: int
    end: int
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class GraphModel:
    """Everything extracted from a batch of documents."""

    documents: tuple[Document, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    memberships: tuple[Membership, ...] = ()
    events: tuple[Event, ...] = ()
    event_links: tuple[EventLink, ...] = ()
    quotes: tuple[Quote, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())  # (key, value) run facts

    def entity(self, entity_id: str) -> Entity:
        """The entity with `entity_id` (KeyError if absent)."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)
