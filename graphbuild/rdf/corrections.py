"""The corrections file (corrections.ttl): plain Turtle, one block per correction, appended.

Each correction is a `gb:Correction` (a reified statement, see ontology/graphbuild.ttl):
`rdf:predicate` says what it does (owl:sameAs merge, owl:differentFrom split,
gb:kindOverride, gb:alias, gb:drop), `rdf:subject` / `rdf:object` are the nodes' IRIs when
it was made, `gb:subjectId` / `gb:subjectName` / `gb:subjectDocument` (and the object's) let
a later build find them again, `gb:documentId` lists a split's documents; who and when:
`prov:wasAttributedTo` (a `prov:Agent` with a label), `dcterms:created`; `rdfs:comment` the note.
`read_corrections` gives `model.Correction`s; `append_correction` adds one block and checks the
whole file with the strict parser before it replaces the old one.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from graphbuild.errors import InputError
from graphbuild.fsio import atomic_write_text
from graphbuild.iri import entity_iri, mint
from graphbuild.model import CorrectedNode, Correction
from graphbuild.vocab import DCTERMS, GB, OWL, PROV, RDF, RDFS, XSD, entity_classes, kind_for, prefixes

PREDICATES = {"merge": OWL.sameAs, "split": OWL.differentFrom, "kind": GB.kindOverride, "alias": GB.alias,
              "drop": GB.drop}
ACTIONS = {str(p): a for a, p in PREDICATES.items()}
HEADER = ("# graphbuild corrections: one block per correction, applied by every build before\n"
          "# cross-document clustering (README, \"Corrections\"). Review them like code; delete a\n"
          "# block to undo it, then rebuild.\n")
SPAN_FORM = "DOC#START-END"  # how a mention span is written
NAME_FORM = "a name (a string)"
KIND_FORM = "the class of the node, e.g. gb:Organization"
_SIDES = {"subject": (GB.subjectId, GB.subjectName, GB.subjectDocument, RDF.subject, GB.subjectMention),
          "object": (GB.objectId, GB.objectName, GB.objectDocument, RDF.object, GB.objectMention)}


def span_text(span: tuple[str, int, int]) -> str:
    """A mention span as written in the file: `DOC#START-END`."""
    return f"{span[0]}#{span[1]}-{span[2]}"


def _span(text: str, source: str) -> tuple[str, int, int]:
    doc, _, offsets = text.rpartition("#")
    start, _, end = offsets.partition("-")
    if not doc or not start.isdigit() or not end.isdigit():
        raise InputError("GB200", source, node=repr(text), prop="gb:subjectMention", expected=SPAN_FORM)
    return doc, int(start), int(end)


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def correction_iri(base_iri: str, correction: Correction) -> str:
    """`BASE correction/ACTION-HASH`: the hash of `Correction.key`, so file and report agree."""
    return f"{base_iri}correction/{correction.key.replace('/', '-')}"


def agent_iri(base_iri: str, name: str) -> str:
    """The person (or team) a correction is attributed to."""
    return mint(base_iri, "agent", name)


def _triples(correction: Correction, base_iri: str) -> list[ox.Triple]:
    c = _n(correction_iri(base_iri, correction))
    agent = _n(agent_iri(base_iri, correction.agent))
    out = [(c, _n(RDF.type), _n(GB.Correction)), (c, _n(RDF.predicate), _n(PREDICATES[correction.action])),
           (c, _n(PROV.wasAttributedTo), agent),
           (c, _n(DCTERMS.created), ox.Literal(correction.created, datatype=_n(XSD.dateTime)))]
    for side, node in (("subject", correction.subject), ("object", correction.object)):
        if node is None:
            continue
        id_p, name_p, doc_p, link_p, span_p = _SIDES[side]
        if node.id is not None:
            out += [(c, _n(link_p), _n(entity_iri(base_iri, node.id))), (c, _n(id_p), ox.Literal(node.id))]
        out += [(c, _n(name_p), ox.Literal(n)) for n in node.names]
        out += [(c, _n(doc_p), ox.Literal(d)) for d in node.documents]
        out += [(c, _n(span_p), ox.Literal(span_text(x))) for x in node.spans]
    if correction.kind is not None:
        out.append((c, _n(RDF.object), _n(entity_classes(correction.kind)[0])))
    out += [(c, _n(GB.documentId), ox.Literal(d)) for d in correction.documents]
    if correction.note:
        out.append((c, _n(RDFS.comment), ox.Literal(correction.note)))
    out += [(agent, _n(RDF.type), _n(PROV.Agent)), (agent, _n(RDFS.label), ox.Literal(correction.agent))]
    return [ox.Triple(*t) for t in out]


def correction_turtle(correction: Correction, base_iri: str) -> str:
    """The Turtle block of one correction (without the @prefix lines of the file's head)."""
    text = ox.serialize(_triples(correction, base_iri), format=ox.RdfFormat.TURTLE, prefixes=prefixes()).decode()
    return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip() + "\n"


def append_correction(path: Path, correction: Correction, base_iri: str) -> None:
    """Add `correction` to the file at `path` (created with its prefixes if missing)."""
    path = Path(path)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if not old:
        old = HEADER + "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes().items())
    text = old.rstrip("\n") + "\n\n" + correction_turtle(correction, base_iri)
    _parse(text.encode(), str(path))  # never write a file the next build cannot read
    atomic_write_text(path, text)


def _parse(data: bytes, source: str) -> list[ox.Triple]:
    try:
        return [q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)]
    except (SyntaxError, ValueError) as err:
        raise InputError("GB299", source, reason=err) from err


def read_corrections(path: Path) -> tuple[Correction, ...]:
    """The corrections of the file at `path`, oldest first (ties by key)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError("GB298", str(path), reason=err.strerror) from err
    props: dict[str, dict[str, list]] = {}
    for t in _parse(data, str(path)):
        props.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    out = [_correction(node, p, props, str(path)) for node, p in props.items()
           if any(o.value == str(GB.Correction) for o in p.get(str(RDF.type), ()))]
    return tuple(sorted(out, key=lambda c: (c.created, c.key)))


def _correction(node: str, p: dict[str, list], props: dict, source: str) -> Correction:
    def values(term) -> tuple[str, ...]:
        return tuple(sorted(o.value for o in p.get(str(term), ())))

    predicate = values(RDF.predicate)
    action = ACTIONS.get(predicate[0]) if len(predicate) == 1 else None
    if action is None:
        raise InputError("GB200", source, node=node, prop="rdf:predicate", expected=" or ".join(sorted(ACTIONS)))

    def side(name: str) -> CorrectedNode | None:
        id_p, name_p, doc_p, _, span_p = _SIDES[name]
        ids, names = values(id_p), values(name_p)
        spans = tuple(sorted(_span(x, source) for x in values(span_p)))
        return CorrectedNode(names, ids[0] if ids else None, values(doc_p), spans) if ids or names else None

    subject = side("subject")
    if subject is None or not subject.names:
        raise InputError("GB200", source, node=node, prop="gb:subjectName", expected=NAME_FORM)
    agents = [o.value for o in p.get(str(PROV.wasAttributedTo), ())]
    labels = [o.value for o in props.get(agents[0], {}).get(str(RDFS.label), ())] if agents else []
    kind = None
    if action == "kind":
        if not values(RDF.object):
            raise InputError("GB200", source, node=node, prop="rdf:object", expected=KIND_FORM)
        kind = kind_for([URIRef(values(RDF.object)[0])])
    note = values(RDFS.comment)
    return Correction(action, subject, side("object"), kind, values(GB.documentId),
                      agent=labels[0] if labels else "", created=(values(DCTERMS.created) or ("",))[0],
                      note=note[0] if note else None)


__all__ = ["HEADER", "PREDICATES", "agent_iri", "append_correction", "correction_iri", "correction_turtle",
           "read_corrections"]
