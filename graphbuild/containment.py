"""The transitive closure of containment ("A in B", "B in C" -> "A in C"), shared by the
relations stage (one document's edges) and the resolver (after the gazetteers' edges)."""
from __future__ import annotations


def closure(edges: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """The containment pairs implied by `edges` and not in them, each with the known edge
    (A in B) it starts from; none that would close a cycle (A in C when C in A is known)."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    known = set(edges)
    changed = True
    while changed:
        changed = False
        outgoing: dict[str, list[str]] = {}
        for a, b in sorted(known):
            outgoing.setdefault(a, []).append(b)
        for a, b in sorted(known):
            for c in outgoing.get(b, ()):
                if c != a and (a, c) not in known and (c, a) not in known:
                    known.add((a, c))
                    out[(a, c)] = out.get((a, b), (a, b))
                    changed = True
    return out
