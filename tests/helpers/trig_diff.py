"""What changed between two TriG files outside some nodes (for corrections' tests).

`outside(before, after, touched)` is the set of quads that differ between the files once
every quad of a touched node, of a node stating something about one (its mentions, facts,
events), and of the nodes minted from those (evidence, merge steps, counts hash their
owner, a mention its target: such a node exists in one version only) is set aside. Empty when a change stayed within the touched nodes.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox


def _quads(path: Path) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))


def _tainted(versions: list[set[ox.Quad]], touched: set[str]) -> set[str]:
    subjects = [{q.subject.value for q in v} for v in versions]
    only_one = (subjects[0] ^ subjects[1])
    tainted = set(touched)
    for v in versions:
        tainted |= {q.subject.value for q in v if q.object.value in touched}
    grew = True
    while grew:  # nodes minted from a tainted node (owner or target) exist in one version only
        new = {q.object.value for v in versions for q in v
               if q.subject.value in tainted and isinstance(q.object, ox.NamedNode) and q.object.value in only_one}
        new |= {q.subject.value for v in versions for q in v
                if q.subject.value in only_one and q.object.value in tainted}
        grew = bool(new - tainted)
        tainted |= new
    return tainted


def outside(before: Path, after: Path, touched: set[str]) -> set[str]:
    """Quads (as N-Quads lines, `-` removed / `+` added) that differ outside `touched`."""
    a, b = _quads(before), _quads(after)
    tainted = _tainted([a, b], touched)

    def keep(q: ox.Quad) -> bool:
        return q.subject.value not in tainted and q.object.value not in tainted

    return {f"- {q}" for q in a - b if keep(q)} | {f"+ {q}" for q in b - a if keep(q)}
