"""How a piece of evidence was made, in PROV-O terms: the evidence `prov:wasGeneratedBy` a
run (a `prov:Activity`) of graphbuild (a `prov:SoftwareAgent`) that followed the rule (a
`gb:Rule`, i.e. a `prov:Plan`), through a qualified association:

    ?evidence prov:wasGeneratedBy ?run .
    ?run a prov:Activity ; prov:qualifiedAssociation ?a .
    ?a a prov:Association ; prov:agent ?graphbuild ; prov:hadPlan ?rule .
    ?rule a gb:Rule, prov:Plan ; rdfs:label "rule name" .

One run, association and rule node per rule name (IRIs minted by `graphbuild.iri`).
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.term import Node

from graphbuild import iri
from graphbuild.vocab import GB, PROV, RDF, RDFS


def rule_run(base: str, evidence: URIRef, rule_name: str) -> list[tuple[Node, Node, Node]]:
    """The triples linking `evidence` to the run of `rule_name` (see the module docstring)."""
    run, plan = rule_plan(base, rule_name)
    return [(evidence, PROV.wasGeneratedBy, run), *plan]


@lru_cache(maxsize=4096)
def rule_plan(base: str, rule_name: str) -> tuple[URIRef, tuple[tuple[Node, Node, Node], ...]]:
    """The run of `rule_name` and the triples describing it, its association, agent and
    rule: the same for every piece of evidence the rule made (so made once)."""
    rule, run = URIRef(iri.rule_iri(base, rule_name)), URIRef(iri.rule_run_iri(base, rule_name))
    assoc, agent = URIRef(iri.association_iri(base, rule_name)), URIRef(iri.agent_iri(base))
    return run, (
        (run, RDF.type, PROV.Activity), (run, RDFS.label, Literal(f"applying rule {rule_name}")),
        (run, PROV.qualifiedAssociation, assoc),
        (assoc, RDF.type, PROV.Association), (assoc, PROV.agent, agent), (assoc, PROV.hadPlan, rule),
        (agent, RDF.type, PROV.SoftwareAgent), (agent, RDFS.label, Literal("graphbuild")),
        (rule, RDF.type, GB.Rule), (rule, RDF.type, PROV.Plan), (rule, RDFS.label, Literal(rule_name)),
    )


__all__ = ["rule_plan", "rule_run"]
