"""`graphbuild correct`: record one correction against a built graph and rebuild what it touches.

`amend(request)` resolves the names of the request in the graph the way `explain` does
(an IRI picks one node; an ambiguous name is refused, listing the candidates with their
IRIs), refuses a correction that contradicts one already in the file, appends it to the
corrections file, and rebuilds the documents it touches: those naming the corrected nodes
and (unless `quick`) those sharing an event with them, transitively. Their stored text (the
graph holds each article) is analysed again and resolved into the rest of the graph, whose
nodes keep their ids, like `build --into` re-adding those articles, with every correction
applied; the other documents are not analysed again. With the event closure the result is
the graph a full build with the corrections makes; `quick` rebuilds fewer documents, but
their events may join the others' differently than a full build would (as `--into` may).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from graphbuild.errors import UsageError
from graphbuild.model import CorrectedNode, Correction, Entity, GraphModel
from graphbuild.settings import ALL_FORMATS, CORRECTIONS_FILE, DEFAULT_BASE_IRI, DEFAULT_MODEL, EXTRA_FORMATS, Settings


@dataclass(frozen=True)
class Request:
    """One `graphbuild correct ACTION NAME [NAME]` call."""

    action: str  # merge | split | kind | alias | drop
    names: tuple[str, ...]  # one, or two for merge and alias
    graph: Path  # the output directory of a build
    kind: str | None = None  # kind: the class the node is
    documents: tuple[str, ...] = ()  # split: the documents whose mentions become a node
    corrections: Path | None = None  # default: corrections.ttl in `graph`
    agent: str = ""
    note: str | None = None
    rebuild: bool = True
    quick: bool = False  # rebuild only the documents naming the corrected nodes (see `amend`)
    wait: float = 0.0


@dataclass
class Outcome:
    """What `amend` did: the correction, where it was written, what was rebuilt."""

    correction: Correction
    file: Path
    touched: tuple[str, ...] = ()  # documents resolved again
    report: dict = field(default_factory=dict)  # the rebuild's report.json (empty: no rebuild)
    already: bool = False  # the file held this correction already: nothing was done


def _directory(graph: Path) -> Path:
    out = graph.parent if graph.is_file() else graph
    if not (out / "graph.trig").exists():
        raise UsageError("GB205", path=out / "graph.trig")
    return out


def _previous(out: Path) -> dict:
    path = out / "report.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def amend(request: Request, progress=None) -> Outcome:
    """Record `request` and rebuild what it touches (see the module docstring)."""
    from graphbuild.correcting import check_conflicts
    from graphbuild.locking import locked
    from graphbuild.rdf.corrections import append_correction, read_corrections
    from graphbuild.rdf.read import read_model

    out = _directory(Path(request.graph))
    previous = _previous(out)
    base_iri = previous.get("base_iri", DEFAULT_BASE_IRI)
    path = Path(request.corrections) if request.corrections else out / CORRECTIONS_FILE
    with locked(out, request.wait):
        model = read_model(out / "graph.trig")
        correction = make_correction(model, request, base_iri)
        existing = read_corrections(path) if path.exists() else ()
        if any(c.key == correction.key for c in existing):
            return Outcome(correction, path, already=True)
        check_conflicts(existing, path, correction)
        append_correction(path, correction, base_iri)
        touched = touched_documents(model, correction)
        touched = touched if request.quick else with_shared_events(model, touched)
        outcome = Outcome(correction, path, touched)
        if request.rebuild and touched:
            outcome.report = _rebuild(out, model, touched, previous, base_iri, request, progress)
    return outcome


def _rebuild(out: Path, model: GraphModel, touched: tuple[str, ...], previous: dict, base_iri: str,
             request: Request, progress) -> dict:
    from graphbuild.outputs import prepare
    from graphbuild.pipeline import build_documents

    written = set(previous.get("outputs", {})) & set(ALL_FORMATS + EXTRA_FORMATS)
    settings = Settings(into=out, model=previous.get("model", DEFAULT_MODEL), base_iri=base_iri,
                        formats=tuple(f for f in ALL_FORMATS + EXTRA_FORMATS if f in written) or ALL_FORMATS,
                        validate=previous.get("validation", {}).get("checked", True),
                        corrections=request.corrections)
    notes = {"previous_set": prepare(out, into=True), "rebuilt_for_correction": list(touched)}
    documents = [d for d in model.documents if d.id in set(touched)]
    return build_documents(documents, settings, progress, notes=notes, refresh=True).report


def make_correction(model: GraphModel, request: Request, base_iri: str) -> Correction:
    """The correction `request` asks for, its names resolved in `model`."""
    from graphbuild.resolve.kinds import ENTITY_KINDS

    wanted = {"merge": 2, "alias": 2}.get(request.action, 1)
    if len(request.names) != wanted:  # the CLI's arguments guarantee it
        raise ValueError(f"correct {request.action} takes {wanted} name(s), got {len(request.names)}")
    stamp = {"agent": request.agent, "note": request.note or None,
             "created": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    if request.action in ("alias", "drop"):
        nodes = [find_entity(model, n, base_iri, required=False) for n in request.names]
        sides = [CorrectedNode(tuple(dict.fromkeys((n, *((e.label,) if e else ()))))) for n, e in zip(request.names, nodes)]
        return Correction(request.action, sides[0], sides[1] if len(sides) > 1 else None, **stamp)
    nodes = [find_entity(model, n, base_iri) for n in request.names]
    sides = [_side(e) for e in nodes]
    if request.action == "merge":
        if nodes[0].id == nodes[1].id:
            raise UsageError("GB290", first=request.names[0], second=request.names[1],
                             iri=entity_iri_of(nodes[0], base_iri))
        return Correction("merge", sides[0], sides[1], **stamp)
    if request.action == "kind":
        if request.kind not in ENTITY_KINDS:
            raise UsageError("GB293", kind=request.kind, kinds=", ".join(ENTITY_KINDS))
        return Correction("kind", sides[0], kind=request.kind, **stamp)
    return Correction("split", sides[0], documents=_split_documents(nodes[0], request.documents), **stamp)


def _split_documents(node: Entity, documents: tuple[str, ...]) -> tuple[str, ...]:
    seen = sorted({m.doc_id for m in node.mentions})
    wrong = [d for d in documents if d not in seen]
    if not documents or wrong:
        raise UsageError("GB294", label=node.label, wrong=", ".join(wrong) or "none given", seen=", ".join(seen))
    if set(documents) >= set(seen):
        raise UsageError("GB295", label=node.label, seen=", ".join(seen))
    return tuple(sorted(set(documents)))


def _side(e: Entity) -> CorrectedNode:
    spans = tuple(sorted({(m.doc_id, m.start, m.end) for m in e.mentions}))
    return CorrectedNode((e.label, *e.alt_labels), e.id, tuple(sorted({m.doc_id for m in e.mentions})), spans)


def entity_iri_of(e: Entity, base_iri: str) -> str:
    from graphbuild.iri import entity_iri

    return entity_iri(base_iri, e.id)


def find_entity(model: GraphModel, name: str, base_iri: str, required: bool = True) -> Entity | None:
    """The one entity `name` (a name, as `explain` matches it, or an IRI) names; UsageError
    listing the candidates with their IRIs when it names several (or, if `required`, none)."""
    from graphbuild.resolve.explain import matches

    if name.startswith(("http://", "https://")):
        found = [e for e in model.entities if entity_iri_of(e, base_iri) == name]
    else:
        scored = [(matches(name, (e.label, *e.alt_labels)), e) for e in model.entities]
        best = max((s for s, _ in scored), default=0)
        found = [e for s, e in scored if s == best and best > 0]
    if len(found) == 1:
        return found[0]
    if not found:
        if not required:
            return None
        raise UsageError("GB296", name=name)
    listed = "\n".join(f"  {e.label} [{e.kind}] {entity_iri_of(e, base_iri)}" for e in sorted(found, key=lambda e: e.id))
    raise UsageError("GB297", name=name, count=len(found), listed=listed)


def with_shared_events(model: GraphModel, documents: tuple[str, ...]) -> tuple[str, ...]:
    """`documents` and every document reporting an event one of them reports: events are
    joined across documents by their places and actors, so a document resolved again
    alone against the others' already joined events can join differently than in a
    build of all of them; resolved together they join as a full build joins them."""
    docs, grew = set(documents), True
    while grew:
        grew = False
        for v in model.events:
            seen = {m.doc_id for m in v.mentions}
            if seen & docs and not seen <= docs:
                docs |= seen
                grew = True
    return tuple(sorted(docs))


def touched_documents(model: GraphModel, correction: Correction) -> tuple[str, ...]:
    """The documents whose resolution the correction changes: those of its nodes, or for
    alias and drop those mentioning an entity of one of its names."""
    from graphbuild.resolve.corrections import matches
    from graphbuild.resolve.scopes import GLOBAL, ScopedEntity

    sides = [s for s in (correction.subject, correction.object) if s is not None]
    anywhere = correction.action in ("alias", "drop")
    docs = set()
    for e in model.entities:
        if any(matches(ScopedEntity(GLOBAL, e), s, anywhere) for s in sides):
            docs |= {m.doc_id for m in e.mentions}
    return tuple(sorted(docs))


__all__ = ["Outcome", "Request", "amend", "find_entity", "make_correction", "touched_documents"]
