"""Long documents are analysed segment by segment (`engine.segments`) and combined into
one document's model whose offsets index the whole input text; spaCy batches are bounded
by characters (`nlp.parse.pipe`)."""
from __future__ import annotations

import pytest

from graphbuild.analyze import CorpusContext, analyze
from graphbuild.engine.segments import analyze_segmented, segment_bounds
from graphbuild.model import Document
from graphbuild.nlp import parse
from graphbuild.nlp.parse import pipe

PARAGRAPHS = [
    "Maria Lindqvist, the mayor of Tromso, said on Monday that the bridge would open in May.",
    "The Nordic Transport Agency approved the plan. Lindqvist thanked the engineers in Oslo.",
    '"We waited ten years for this," Lindqvist told reporters at the town hall in Tromso.',
    "A storm hit the coast near Bergen on Tuesday, and the agency closed two roads.",
]


def _text(repeats: int) -> str:
    return "\n\n".join(PARAGRAPHS * repeats)


def _analyzed(nlp, text: str, limit: int):
    document = Document(id="long-story", text=text)
    return document, analyze_segmented(document, lambda part: analyze(parse(nlp, part)), limit=limit)


def test_segments_cut_at_paragraph_breaks_and_cover_the_text():
    text = _text(10)
    bounds = segment_bounds(text, 1000)
    assert len(bounds) > 1 and bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(bounds, bounds[1:]))
    assert all(text[a - 2:a] == "\n\n" for a, _ in bounds[1:])
    assert all(b - a <= 1000 for a, b in bounds)


def test_a_segmented_document_indexes_the_whole_input_text(nlp):
    text = _text(8)
    document, model = _analyzed(nlp, text, limit=1000)
    assert model.documents == (document,)
    mentions = [m for e in model.entities for m in e.mentions] + [m for v in model.events for m in v.mentions]
    assert mentions and max(m.start for m in mentions) > 1000  # later segments are in
    for m in mentions:
        assert m.doc_id == "long-story" and text[m.start:m.end] == m.text
        assert m.sentence_start <= m.start and m.end <= m.sentence_end
    evidence = [ev for r in model.relations for ev in r.evidence] + [ev for q in model.quotes for ev in q.evidence]
    assert all(ev.doc_id == "long-story" and 0 <= ev.start < ev.end <= len(text) for ev in evidence)
    for q in model.quotes:
        assert q.doc_id == "long-story" and q.text in text[q.start:q.end + 1]
    assert len({q.id for q in model.quotes}) == len(model.quotes)
    times = [t for v in model.events for t in v.times if t.start is not None]
    assert all(t.doc_id == "long-story" and text[t.start:t.stop] == t.text for t in times)


def test_a_person_named_in_every_segment_is_one_entity(nlp):
    _, model = _analyzed(nlp, _text(8), limit=1000)
    people = [e for e in model.entities if "Lindqvist" in e.label]
    assert len(people) == 1 and people[0].label == "Maria Lindqvist"
    assert len(people[0].mentions) == 8 * 3


def test_a_short_document_is_analysed_whole(nlp):
    text = _text(1)
    document = Document(id="short", text=text)
    whole = analyze(parse(nlp, document))
    assert analyze_segmented(document, lambda part: analyze(parse(nlp, part)), limit=10_000) == whole


def test_pipe_batches_are_bounded_by_characters_and_keep_order(nlp):
    texts = [f"Story {i} about Oslo." + " More words here." * (i * 20) for i in range(6)]
    docs = list(pipe(nlp, texts, batch_size=4, max_chars=500))
    assert [d.text for d in docs] == texts


@pytest.mark.slow  # a 104,000-character article
def test_no_spacy_doc_outlives_the_analysis_of_its_document(nlp):
    import gc
    import pickle

    from spacy.tokens import Doc

    from graphbuild.engine.local import analyze_local

    documents = [Document(id=f"d{i}", text=_text(1 + i % 2)) for i in range(5)]
    documents.append(Document(id="long", text=_text(300)))  # over SEGMENT_CHARS: segmented
    models = [o.model for o in analyze_local(documents, "en_core_web_sm", CorpusContext())]
    gc.collect()
    assert [m.documents[0].id for m in models] == [d.id for d in documents]
    assert not [o for o in gc.get_objects() if isinstance(o, Doc)]
    assert pickle.loads(pickle.dumps(models)) == models  # plain records only
    long_text = documents[-1].text
    assert all(long_text[m.start:m.end] == m.text for e in models[-1].entities for m in e.mentions)
