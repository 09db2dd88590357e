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


# Rules of mentions that refer without naming ("he", "the company", "the Czech border"):
# never a label, an alias or a name to match across documents, and not scored as names.
REFERRING_RULES = frozenset({"pronoun", "definite-subject", "description", "demonym-mention"})
# Rule of a verb trigger's mention: "foils", "shoots" are then never read as plural nouns.
VERB_TRIGGER = "verb-trigger"


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
    predicate: str  # headOf, memberOf, worksFor, nationality, containedInPlace, homeLocation, birthPlace
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


# Event factuality values, most to least factual; the first two count as happened.
FACTUALITY = ("asserted", "reported", "future", "hypothetical", "negated")
HAPPENED = frozenset(FACTUALITY[:2])


def strongest_factuality(values) -> str:
    """The most factual of `values` (an event asserted once happened, whatever another
    mention says of it); "asserted" when there are none."""
    present = set(values)
    return next((v for v in FACTUALITY if v in present), FACTUALITY[0])


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
    # Whether the text says it happened: one of FACTUALITY (the labels of the ontology's
    # gb:Factuality values; read by extract.event_factuality).
    factuality: str = "asserted"

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


# What a correction does (`Correction.action`), as `graphbuild correct` names it.
CORRECTION_ACTIONS = ("merge", "split", "kind", "alias", "drop")


@dataclass(frozen=True)
class CorrectedNode:
    """One side of a correction: a node as it was when the correction was made (its id,
    names, documents and mention spans (doc_id, start, end): an entity of a later build
    with a mention over one of those spans is that node), or for `alias` and `drop` a bare
    name (every entity so named, in any document)."""

    names: tuple[str, ...]
    id: str | None = None
    documents: tuple[str, ...] = ()
    spans: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class Correction:
    """An analyst's correction of entity resolution (corrections.ttl), applied by every
    build before cross-document clustering (`resolve.corrections`).

    merge: `subject` and `object` are one node; split: the mentions of `subject` in
    `documents` are another node; kind: `subject` is a `kind`; alias: the names of
    `subject` and `object` name one thing; drop: `subject`'s names are never an entity."""

    action: str
    subject: CorrectedNode
    object: CorrectedNode | None = None
    kind: str | None = None
    documents: tuple[str, ...] = ()
    agent: str = ""
    created: str = ""  # ISO 8601 date-time
    note: str | None = None

    def __post_init__(self) -> None:
        if self.action not in CORRECTION_ACTIONS:
            raise ValueError(f"unknown correction action {self.action!r}")
        if self.kind is not None:
            entity_classes(self.kind)

    @property
    def key(self) -> str:
        """A stable key of what the correction says (not who or when): `action/hash8`."""
        from graphbuild.iri import key, short_hash

        o = self.object or CorrectedNode(())
        parts = (self.action, self.subject.id, *self.subject.names, "|", o.id, *o.names, "|", self.kind,
                 *self.documents)
        return f"{self.action}/{short_hash(key(*parts))}"

    def describe(self) -> str:
        """One line for people: `merge 'Lula' = 'Luiz Inácio Lula da Silva'`."""
        s = repr(self.subject.names[0]) if self.subject.names else repr(self.subject.id)
        o = repr(self.object.names[0]) if self.object and self.object.names else ""
        what = {"merge": f"{s} = {o}", "split": f"{s} in {', '.join(self.documents)} apart",
                "kind": f"{s} is {self.kind}", "alias": f"{s} = {o}", "drop": f"{s} is no entity"}
        return f"{self.action} {what[self.action]}"
