"""A country's demonym as a mention of the country (`extract.demonym_mentions` through
the referring stage), and the containment it lets the gazetteers reach
(`resolve.geo_containment`, rule "document-country"). Invented texts."""
from __future__ import annotations

from graphbuild.analyze import analyze
from graphbuild.model import Document, GraphModel
from graphbuild.nlp import parse
from graphbuild.resolve.geo import link_places


def _model(nlp, text: str) -> GraphModel:
    return analyze(parse(nlp, Document("x", text)))


def _mentions(model: GraphModel) -> dict[str, set[str]]:
    return {e.label: {m.text for m in e.mentions} for e in model.entities if e.kind == "Place"}


def test_a_demonym_before_a_noun_names_its_country(nlp):
    m = _mentions(_model(nlp, "Varnholt is a quiet lakeside resort on the Norwegian coast."))
    assert "Norwegian" in m.get("Norway", set())


def test_a_named_country_takes_no_demonym_mention(nlp):
    m = _mentions(_model(nlp, "Tarrow lies in Norway. The Norwegian coast is long."))
    assert m["Norway"] == {"Norway"}


def test_no_demonym_mention_in_a_name_or_for_people_or_languages(nlp):
    model = _model(nlp, "Edda Brun played for the Norwegian Cup side. Most Germans spoke English at home.")
    m = _mentions(model)
    assert "Norway" not in m and "Germany" not in m and "England" not in m


def test_the_one_country_of_a_demonym_holds_the_documents_places(nlp):
    text = "Kelvarra is a small Chilean fishing village. Its harbour faces the island of Tormasco."
    model = link_places(_model(nlp, text))
    label = {e.id: e.label for e in model.entities}
    pairs = {(label[r.subject], label[r.object]) for r in model.relations if r.predicate == "containedInPlace"}
    assert ("Kelvarra", "Chile") in pairs


def test_a_persons_demonym_is_read_as_a_nationality_only(nlp):
    model = _model(nlp, "Halvard Teppo was a Finnish surgeon who worked in Oulu.")
    rules = {m.rule for e in model.entities for m in e.mentions if m.text == "Finnish"}
    assert rules == {"demonym"}  # the nationality rule's mention, no demonym-mention besides


def test_a_demonym_in_a_sentence_about_a_person_names_no_country(nlp):
    model = _model(nlp, "Halvard Teppo wrote for a Finnish medical journal in Oulu.")
    assert not any(m.rule == "demonym-mention" for e in model.entities for m in e.mentions)


def test_a_sentence_opening_on_a_person_is_about_that_person(nlp):
    model = _model(nlp, "Ilario Benotti (died between 1290 and 1302) was an Italian geometer of Forlì.")
    assert not any(m.rule == "demonym-mention" for e in model.entities for m in e.mentions)
