"""Ids and scopes of cross-document resolution.

A node of the merge is (scope, id): the scope is the document id for the document-local
ids of a one-document model ("e3" in "doc-7"), GLOBAL for ids that are already global (an
existing graph being added to). Global ids are deterministic keys such as
"person/qassem soleimani" (kind + "/" + normalized label), made unique with " #n".
"""
from __future__ import annotations

from dataclasses import dataclass

from graphbuild.model import Entity, GraphModel
from graphbuild.names import normalize

# A node of the merge: (scope, id). Scope is the document id for document-local ids,
# "" for ids that are already global (an existing graph being added to).
NodeRef = tuple[str, str]
GLOBAL = ""


@dataclass(frozen=True)
class ScopedEntity:
    """An entity of one input model with the scope its id is local to."""

    scope: str
    entity: Entity

    @property
    def ref(self) -> NodeRef:
        return (self.scope, self.entity.id)


def scope_of(model: GraphModel) -> str:
    """The scope of a model's ids: its document's id for a one-document model, GLOBAL
    for a model that holds several documents (already resolved)."""
    return model.documents[0].id if len(model.documents) == 1 else GLOBAL


def entity_key(kind: str, label: str) -> str:
    """The global id key of an entity: kind + "/" + normalized label."""
    return f"{kind.casefold()}/{normalize(label) or label.strip().casefold()}"


def scope_of_model(model: GraphModel, pinned: GraphModel | None) -> str:
    """GLOBAL for the pinned (already global) model, else the model's own scope."""
    return GLOBAL if model is pinned else scope_of(model)


def unique_key(key: str, taken: set[str]) -> str:
    """`key`, or `key` + " #n" with the smallest n >= 2 not in `taken`."""
    if key not in taken:
        return key
    n = 2
    while f"{key} #{n}" in taken:
        n += 1
    return f"{key} #{n}"


__all__ = ["GLOBAL", "NodeRef", "ScopedEntity", "entity_key", "scope_of", "scope_of_model", "unique_key"]
