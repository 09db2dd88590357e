"""Deterministic IRIs: the same key always gives the same IRI, distinct keys distinct IRIs.

An IRI is `base + kind + "/" + slug + "-" + hash8`: `slug` is a readable ASCII folding of
the key (only [a-z0-9-], at most 48 characters, so no character a strict parser rejects
can get in), and `hash8` the first 8 hex digits of the SHA-256 of the full key, which keeps
keys that fold to the same slug apart. Keys of composite things (mentions, memberships,
assertions, ...) are their parts joined with a separator no part can be confused with
(each part is length-prefixed). Pure functions, no state.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from graphbuild.errors import UsageError

SLUG_MAX = 48
HASH_LEN = 8
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_BASE_OK = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?[/#]$")


def check_base(base_iri: str) -> str:
    """`base_iri` if it is an http(s) IRI ending in / or # (else UsageError)."""
    if not _BASE_OK.match(base_iri):
        raise UsageError("GB209", base_iri=base_iri)
    return base_iri


def slug(text: str) -> str:
    """A readable, IRI-safe folding of `text` ("Qasem Soleimani" → "qasem-soleimani")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub("-", folded).strip("-")[:SLUG_MAX].strip("-") or "x"


def key(*parts: object) -> str:
    """An unambiguous key of several parts (each part length-prefixed)."""
    return "".join(f"{len(s)}:{s}|" for s in map(str, parts))


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_LEN]


@lru_cache(maxsize=1 << 14)  # the mentions of one entity or event share it
def _target_hash(target: str) -> str:
    return short_hash(target)


def mint(base_iri: str, kind: str, key_text: str, readable: str | None = None) -> str:
    """`base kind/slug-hash` for `key_text`; `readable` (default the key) gives the slug."""
    return f"{base_iri}{kind}/{slug(key_text if readable is None else readable)}-{short_hash(kind + chr(0) + key_text)}"


@lru_cache(maxsize=4096)  # every mention and span IRI of a document starts with it
def document_iri(base_iri: str, doc_id: str) -> str:
    return mint(base_iri, "doc", doc_id)


def cross_graph_iri(base_iri: str) -> str:
    """The named graph of cross-document facts."""
    return f"{base_iri}graph/cross-document"


def entity_iri(base_iri: str, entity_id: str) -> str:
    return mint(base_iri, "entity", entity_id)


def event_iri(base_iri: str, event_id: str) -> str:
    return mint(base_iri, "event", event_id)


def mention_iri(base_iri: str, doc_id: str, start: int, end: int, target: str) -> str:
    """A mention of `target` (an entity/event/time IRI) at doc[start:end]."""
    return f"{document_iri(base_iri, doc_id)}/mention/{start}-{end}-{_target_hash(target)}"


def span_iri(base_iri: str, doc_id: str, start: int, end: int) -> str:
    """A span (sentence, clause, quote) of a document."""
    return f"{document_iri(base_iri, doc_id)}/span/{start}-{end}"


def evidence_iri(base_iri: str, owner: str, doc_id: str, start: int, end: int, rule: str, confidence: float) -> str:
    return mint(base_iri, "evidence", key(owner, doc_id, start, end, rule, repr(confidence)), f"{rule} {start}")


def rule_iri(base_iri: str, rule: str) -> str:
    return mint(base_iri, "rule", rule)


def rule_run_iri(base_iri: str, rule: str) -> str:
    """The activity of applying `rule` (its prov:Plan) in a build."""
    return mint(base_iri, "run", rule)


def association_iri(base_iri: str, rule: str) -> str:
    return mint(base_iri, "association", rule)


def agent_iri(base_iri: str) -> str:
    """graphbuild itself, the prov:SoftwareAgent of every rule run."""
    return f"{base_iri}agent/graphbuild"


def publisher_iri(base_iri: str, name: str) -> str:
    return mint(base_iri, "publisher", name)


def assertion_iri(base_iri: str, subject: str, predicate: str, obj: str) -> str:
    return mint(base_iri, "assertion", key(subject, predicate, obj), predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1])


def membership_iri(base_iri: str, member: str, organization: str, role: str) -> str:
    return mint(base_iri, "membership", key(member, organization, role), role)


def role_iri(base_iri: str, role: str) -> str:
    return mint(base_iri, "role", role)


def quote_iri(base_iri: str, quote_id: str, doc_id: str, start: int, end: int) -> str:
    return mint(base_iri, "quote", key(quote_id, doc_id, start, end), quote_id)


def time_iri(base_iri: str, *parts: object) -> str:
    return mint(base_iri, "time", key(*parts), str(parts[1] or parts[0]))


def count_iri(base_iri: str, event_id: str, kind: str, value: int, qualifier: str | None) -> str:
    return mint(base_iri, "count", key(event_id, kind, value, qualifier), f"{value} {kind}")


def merge_iri(base_iri: str, owner: str, surface: str, doc_id: str, rule: str, score: float) -> str:
    return mint(base_iri, "merge", key(owner, surface, doc_id, rule, repr(score)), surface)


__all__ = [
    "agent_iri", "assertion_iri", "association_iri", "check_base", "count_iri", "cross_graph_iri", "document_iri", "entity_iri", "event_iri",
    "evidence_iri", "key", "membership_iri", "mention_iri", "merge_iri", "mint", "publisher_iri", "quote_iri", "role_iri",
    "rule_iri", "rule_run_iri", "short_hash", "slug", "span_iri", "time_iri",
]
