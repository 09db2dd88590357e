"""The event trigger lexicon, read from the ontology (ontology/events.ttl).

`lexicon()` maps trigger lemmas to event classes (local names of gb: classes):
unconditional triggers (`gb:triggerLemma`), predicative adjectives
(`gb:adjectiveTriggerLemma`: "found dead") and cued ones (`gb:cuedTriggerLemma`, which
need one of the class's `gb:cueLemma` in context); a class's `gb:blockingLemma` in the
trigger's phrase cancels the reading ("press release", "a shot on goal"). No lemma lives
in code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

GENERIC = "Event"  # the root class: a trigger whose cues select no class


def _graph() -> Graph:
    try:
        from graphbuild.vocab import ontology_graph
    except ImportError:  # before graphbuild.vocab exists: read the ontology files directly
        from pathlib import Path

        g = Graph()
        for path in sorted((Path(__file__).resolve().parents[2] / "ontology").glob("*.ttl")):
            g.parse(path, format="turtle")
        return g
    return ontology_graph()


@dataclass(frozen=True)
class Cued:
    """`kind` applies when one of `cues` is in the trigger's context."""

    kind: str
    cues: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, str]  # lemma -> kind (the most specific class claiming it)
    cued: dict[str, tuple[Cued, ...]]  # lemma -> candidate kinds with their cues
    labels: dict[str, str]  # kind -> rdfs:label
    parents: dict[str, frozenset[str]]  # kind -> every super-class kind (within gb:)
    blocked: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> lemmas cancelling it
    adjectives: dict[str, str] = field(default_factory=dict)  # predicative adjective lemma -> kind ("dead")

    def blocks(self, kind: str, context: set[str]) -> bool:
        """Whether a lemma of `context` (the trigger's phrase) cancels reading it as `kind`."""
        return bool(self.blocked.get(kind, frozenset()) & context)

    def is_trigger(self, lemma: str) -> bool:
        return lemma in self.triggers or lemma in self.cued

    def kind(self, lemma: str, near: set[str], wider: set[str] = frozenset()) -> str | None:
        """The class `lemma` evokes given context lemmas: `near` (the trigger's own
        modifiers) is tried before `wider` (its clause), so "a general strike" and "General
        X was killed in an air strike" both come out right. A cued reading beats the plain
        one (a "drone attack" is an AirStrike); None if `lemma` is no trigger, or a cued one
        whose cues are all absent."""
        for context in (near, wider):
            for cued in self.cued.get(lemma, ()):
                if found := cued.cues & context:
                    return self._narrowest(cued.kind, found)
        # A cued lemma without its cue is no event ("the price fell", "sent a letter"),
        # unless gb:Event itself lists it ("went on strike").
        return self.triggers.get(lemma)

    def _narrowest(self, kind: str, cues: set[str]) -> str:
        """`kind`, or the one sub-class of it that its present cues name ("the quake hit"
        is an Earthquake, not any natural disaster); the cues that are triggers of no
        sub-class, or of several, leave `kind`."""
        narrower = {k for c in cues if (k := self.triggers.get(c)) and kind in self.parents.get(k, ())}
        return narrower.pop() if len(narrower) == 1 else kind

    def compatible(self, a: str, b: str) -> bool:
        """Whether kinds `a` and `b` can name one event (equal, or one subsumes the other)."""
        return a == b or a in self.parents.get(b, ()) or b in self.parents.get(a, ()) or GENERIC in (a, b)


def in_family(kind: str, roots: set[str], lex: Lexicon) -> bool:
    """Whether `kind` is one of `roots` or a sub-class of one."""
    return kind in roots or bool(lex.parents.get(kind, frozenset()) & roots)


@cache
def lexicon() -> Lexicon:
    """The lexicon of the ontology (cached)."""
    g = _graph()
    gb = _gb_base(g)
    gb_term = lambda name: URIRef(gb + name)  # noqa: E731
    trigger_p, cued_p, cue_p = gb_term("triggerLemma"), gb_term("cuedTriggerLemma"), gb_term("cueLemma")
    block_p, adjective_p = gb_term("blockingLemma"), gb_term("adjectiveTriggerLemma")
    classes = {s for s in g.subjects(RDFS.subClassOf, None) if isinstance(s, URIRef) and str(s).startswith(gb)}
    parents = {_local(c, gb): frozenset(_local(p, gb) for p in _ancestors(g, c) if str(p).startswith(gb))
               for c in classes}
    depth = {k: len(v) for k, v in parents.items()}
    triggers: dict[str, str] = {}
    cued: dict[str, list[Cued]] = {}
    for cls in sorted(classes):
        kind = _local(cls, gb)
        for lemma in g.objects(cls, trigger_p):
            lemma = str(lemma).lower()
            if lemma not in triggers or depth[kind] > depth.get(triggers[lemma], 0):
                triggers[lemma] = kind
        cues = frozenset(str(c).lower() for c in g.objects(cls, cue_p))
        for lemma in g.objects(cls, cued_p):
            cued.setdefault(str(lemma).lower(), []).append(Cued(kind, cues))
    labels = {_local(c, gb): str(g.value(c, RDFS.label) or _local(c, gb)) for c in classes}
    blocked = {_local(c, gb): frozenset(str(x).lower() for x in g.objects(c, block_p)) for c in classes}
    adjectives = {str(a).lower(): _local(c, gb) for c in sorted(classes) for a in g.objects(c, adjective_p)}
    return Lexicon(triggers, {k: tuple(v) for k, v in cued.items()}, labels, parents,
                   {k: v for k, v in blocked.items() if v}, adjectives)


def _gb_base(g: Graph) -> str:
    for prefix, ns in g.namespace_manager.namespaces():
        if prefix == "gb":
            return str(ns)
    raise LookupError("the ontology binds no gb: prefix")


def _local(term: URIRef, base: str) -> str:
    return str(term)[len(base):]


def _ancestors(g: Graph, cls: URIRef) -> set[URIRef]:
    seen, stack = set(), [cls]
    while stack:
        for sup in g.objects(stack.pop(), RDFS.subClassOf):
            if isinstance(sup, URIRef) and sup not in seen:
                seen.add(sup)
                stack.append(sup)
    return seen
