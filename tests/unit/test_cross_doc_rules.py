"""One matching rule per test, the negative ones included."""
from __future__ import annotations

from graphbuild.model import Membership, Relation
from graphbuild.resolve.cross_doc import merge_documents
from tests.helpers.cross_doc import doc_model, ent, evid


def people(*docs):
    """merge_documents over one-entity documents: docs are (doc id, kind, label, alts...)."""
    models = [doc_model(d, [ent(d, "e1", kind, label, *alts)]) for d, kind, label, *alts in docs]
    return merge_documents(models)


def nodes(model, kind=None):
    return sorted(e.label for e in model.entities if kind is None or e.kind == kind)


def rules(model):
    return sorted({s.rule for e in model.entities for s in e.merges})


def test_transliterated_first_names_are_one_person():
    m = people(("a", "Person", "Qassem Soleimani"), ("b", "Person", "Qasem Soleimani"))
    assert len(m.entities) == 1 and "transliteration" in rules(m)
    assert m.entities[0].alt_labels in (("Qasem Soleimani",), ("Qassem Soleimani",))
    m = people(("a", "Person", "Mohammed Javad Zarif"), ("b", "Person", "Mohammad Javad Zarif"))
    assert len(m.entities) == 1


def test_bare_surname_joins_the_one_full_name():
    m = people(("a", "Person", "Bashar al-Assad"), ("b", "Person", "Assad"))
    (e,) = m.entities
    assert e.label == "Bashar al-Assad" and e.alt_labels == ("Assad",)
    assert {(s.doc_id, s.rule) for s in e.merges} == {("a", "surname"), ("b", "surname")}


def test_shared_first_name_is_not_enough():
    m = people(("a", "Person", "Mark Esper"), ("b", "Person", "Mark Milley"), ("c", "Person", "Esper"))
    assert nodes(m) == ["Mark Esper", "Mark Milley"]
    assert {m_.doc_id for m_ in m.entity("person/mark esper").mentions} == {"a", "c"}


def test_two_johnsons_stay_two_and_a_bare_johnson_is_not_guessed():
    m = people(("a", "Person", "Boris Johnson"), ("b", "Person", "Lyndon Johnson"), ("c", "Person", "Johnson"))
    assert nodes(m) == ["Boris Johnson", "Johnson", "Lyndon Johnson"]


def test_bare_surname_with_agreeing_context_joins_the_right_full_name():
    uk = ent("x", "e9", "Organization", "Conservative Party", start=100)
    a = doc_model("a", [ent("a", "e1", "Person", "Boris Johnson", titles=("Prime Minister",)), uk.__class__(**{**uk.__dict__, "mentions": tuple(m.__class__(**{**m.__dict__, "doc_id": "a"}) for m in uk.mentions)})],
                  memberships=[Membership("e1", "e9", "leader", evid("a"))], relations=[Relation("e1", "memberOf", "e9", evid("a"))])
    b = doc_model("b", [ent("b", "e1", "Person", "Lyndon Johnson", titles=("President",))])
    c_party = ent("c", "e9", "Organization", "Conservative Party", start=100)
    c = doc_model("c", [ent("c", "e1", "Person", "Johnson", titles=("Prime Minister",)), c_party],
                  relations=[Relation("e1", "memberOf", "e9", evid("c"))])
    m = merge_documents([a, b, c])
    assert nodes(m, "Person") == ["Boris Johnson", "Lyndon Johnson"]
    assert {x.doc_id for x in m.entity("person/boris johnson").mentions} == {"a", "c"}


def test_conflicting_titles_keep_a_bare_surname_apart():
    m = merge_documents([doc_model("a", [ent("a", "e1", "Person", "Mark Esper", titles=("Defense Secretary",))]),
                         doc_model("b", [ent("b", "e1", "Person", "Esper", titles=("Coach",))])])
    assert nodes(m) == ["Esper", "Mark Esper"]


def test_acronym_and_partial_name_with_head_noun_join_one_organization():
    m = people(("a", "Organization", "Islamic Revolutionary Guards Corps"), ("b", "Organization", "IRGC"),
               ("c", "Organization", "Iran's Revolutionary Guard"))
    (e,) = m.entities
    assert e.label == "Islamic Revolutionary Guards Corps"
    assert set(e.alt_labels) == {"IRGC", "Iran's Revolutionary Guard"}
    assert {"acronym", "partial-name"} <= set(rules(m))


def test_organizations_of_different_countries_stay_apart():
    m = people(("a", "Organization", "Iran's Foreign Ministry"), ("b", "Organization", "Iraq's Foreign Ministry"))
    assert len(m.entities) == 2
    m = people(("a", "Organization", "Foreign Ministry"), ("b", "Organization", "Defense Ministry"))
    assert len(m.entities) == 2


def test_country_aliases_are_one_place():
    m = people(("a", "Place", "U.S."), ("b", "Place", "US"), ("c", "Place", "United States"), ("d", "Place", "America"))
    (e,) = m.entities
    assert e.label == "United States" and "country-alias" in rules(m)
    assert e.same_as == ("https://sws.geonames.org/6252001/",)
    m = people(("a", "Place", "Iran"), ("b", "Place", "Iraq"))
    assert len(m.entities) == 2


def test_type_slip_joins_only_full_names():
    m = people(("a", "Person", "Qassem Soleimani"), ("b", "Place", "Qassem Soleimani"))
    (e,) = m.entities
    assert e.kind == "Person" or len(e.mentions) == 2
    m = people(("a", "Person", "Jordan"), ("b", "Place", "Jordan"))
    assert len(m.entities) == 2


def test_fuzzy_spelling_of_a_full_name():
    m = people(("a", "Person", "Volodymyr Zelensky"), ("b", "Person", "Volodymyr Zelenskyy"))
    assert len(m.entities) == 1


def test_country_aliases_in_one_document_are_one_place():
    m = merge_documents([doc_model("a", [ent("a", "e1", "Place", "America"), ent("a", "e2", "Place", "United States", start=50),
                                         ent("a", "e3", "Place", "Iran", start=90)])])
    assert nodes(m) == ["Iran", "United States"]


def test_one_acronym_does_not_chain_two_names_with_its_initials():
    # "P.R." may stand for either; it must not make the county and the coach one node.
    m = people(("a", "Place", "Pell Ridge"), ("b", "Place", "P.R."), ("c", "Place", "Port Rowan"))
    assert "Pell Ridge" in nodes(m) and "Port Rowan" in nodes(m)
    assert not any({"Pell Ridge", "Port Rowan"} <= {e.label, *e.alt_labels} for e in m.entities)


def test_an_acronym_still_joins_its_one_expansion():
    m = people(("a", "Organization", "Velder Trust Fund"), ("b", "Organization", "VTF"))
    assert len(m.entities) == 1


def test_dotted_country_in_a_name_is_not_read_as_one_letter():
    m = people(("a", "Organization", "U.S. Navy"), ("b", "Organization", "U.N."))
    assert nodes(m) == ["U.N.", "U.S. Navy"]
