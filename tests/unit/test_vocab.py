"""The vocabulary is closed: every term comes from ontology/*.ttl, a typo fails loudly."""
from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph

from graphbuild import vocab
from graphbuild.errors import OntologyError
from graphbuild.vocab import GB, NIF, ORG, PROV, SCHEMA, SEM


def test_declared_terms_resolve():
    assert str(SCHEMA.jobTitle) == "http://schema.org/jobTitle"
    assert str(ORG["headOf"]).endswith("#headOf")
    assert "hasActor" in SEM


def test_typo_raises_ontology_error_naming_term_and_file():
    with pytest.raises(OntologyError) as err:
        SCHEMA.jobTitel
    assert "schema:jobTitel" in str(err.value) and "graphbuild.ttl" in str(err.value)
    assert "jobTitle" in str(err.value)  # suggestion
    with pytest.raises(OntologyError):
        GB["NoSuchClass"]


def test_entity_classes_include_standard_supers():
    assert entity_set("Person") >= {SCHEMA.Person, SEM.Actor}
    assert entity_set("Organization") >= {SCHEMA.Organization, SEM.Actor}
    assert entity_set("Place") >= {SCHEMA.Place, SEM.Place}
    assert entity_set("Event") >= {GB.Event, SCHEMA.Event, SEM.Event}
    assert vocab.entity_classes("Person")[0] == GB.Person  # the alignment sits on our own term
    assert entity_set("Country") >= {GB.Place, SCHEMA.Country, SCHEMA.Place, SEM.Place}
    with pytest.raises(OntologyError):
        vocab.entity_classes("Persn")


def test_no_axioms_on_other_vocabularies_terms():
    """Sub-class/sub-property/domain/range statements sit on gb: terms only, but for the
    ones a vocabulary states about itself (NIF's String hierarchy, ORG's headOf)."""
    from rdflib.namespace import RDFS

    restated = {(NIF.Context, NIF.String), (NIF.Phrase, NIF.String), (NIF.Sentence, NIF.String),
                (ORG.headOf, ORG.memberOf)}
    g = vocab.ontology_graph()
    foreign = sorted((s, o) for p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
                     for s, o in g.subject_objects(p) if not str(s).startswith(GB.base) and (s, o) not in restated)
    assert foreign == []


def test_rule_is_a_plan_and_country_a_place():
    from rdflib.namespace import RDFS

    g = vocab.ontology_graph()
    assert (GB.Rule, RDFS.subClassOf, PROV.Plan) in g and (GB.Rule, RDFS.subClassOf, PROV.Activity) not in g
    assert vocab.kind_for(vocab.entity_classes("Country")) == "Country"


def entity_set(kind):
    return set(vocab.entity_classes(kind))


@pytest.mark.parametrize("kind", ["Person", "Organization", "Place", "Event"])
def test_kind_for_inverts_entity_classes(kind):
    assert vocab.kind_for(vocab.entity_classes(kind)) == kind


def test_property_mapping():
    assert vocab.property_for("headOf") == ORG.headOf
    assert vocab.property_for("memberOf") == SCHEMA.memberOf
    for name in ("worksFor", "nationality", "homeLocation", "containedInPlace"):
        assert vocab.property_for(name) == SCHEMA[name]
    for role in ("agent", "patient", "victim", "speaker", "participant"):
        assert vocab.role_for(role) == GB[role]
        assert vocab.model_name(GB[role]) == role
    assert vocab.property_for("duringEvent") == GB.duringEvent
    with pytest.raises(OntologyError):
        vocab.property_for("headof")
    with pytest.raises(OntologyError):
        vocab.role_for("headOf")  # a property, but not a participant role


def test_ontology_files_parse_strictly():
    for path in sorted(vocab.ONTOLOGY_DIR.glob("*.ttl")):
        quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
        assert quads, path
        Graph().parse(path, format="turtle")


def test_every_gb_term_is_labelled_and_defined():
    from rdflib.namespace import RDFS

    g = vocab.ontology_graph()
    main = Graph().parse(vocab.ONTOLOGY_DIR / vocab.MAIN_FILE)
    for term in {s for s in main.subjects() if str(s).startswith(GB.base)}:
        assert g.value(term, RDFS.label) is not None, term


def test_ontology_and_shapes_have_no_blank_nodes():
    # contract_report.py loads ontology/*.ttl beside the data and fails on any blank node.
    from rdflib import BNode

    for path in sorted(vocab.ONTOLOGY_DIR.glob("*.ttl")):
        g = Graph().parse(path, format="turtle")
        assert not [t for t in g if any(isinstance(x, BNode) for x in t)], path


def test_shapes_are_not_part_of_the_ontology():
    assert "https://w3id.org/graphbuild/shapes#" not in {str(ns) for _, ns in vocab.ontology_graph().namespaces()}
    assert not any("shapes#" in str(s) for s in vocab.ontology_graph().subjects())
