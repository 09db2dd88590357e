"""A 5 MB article is read whole and parsed in chunks (spaCy's max_length is 1,000,000)
with offsets that still index the text exactly as the file gave it."""
from __future__ import annotations

import pytest

from graphbuild.ingest import read_inputs
from graphbuild.nlp import parse

PARAGRAPH = ("Angela Merkel met Emmanuel Macron in Berlin on Monday to discuss trade, and the two "
             "leaders later spoke to reporters outside the Chancellery about the European Union.")


def _article(tmp_path, paragraphs: int):
    # No-break spaces and a BOM exercise the parser's normalization and offset map.
    text = "\ufeff" + "\n\n".join(f"{PARAGRAPH} Paragraph\u00a0{i}." for i in range(paragraphs))
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode("utf-8"))
    [doc] = list(read_inputs([str(path)], max_chars=None))  # over the default limit on purpose
    return text.lstrip("\ufeff"), doc  # a UTF-8 BOM is an encoding mark, not text


def test_five_megabyte_article_reads_and_chunks(tmp_path, nlp):
    text, doc = _article(tmp_path, 28_000)
    assert len(doc.text.encode("utf-8")) > 5_000_000 and len(doc.text) > 5 * nlp.max_length
    assert doc.text == text
    # Tokenizer only: the full model over 5 MB takes minutes; chunking is what is checked.
    with nlp.select_pipes(disable=nlp.pipe_names):
        parsed = parse(nlp, doc)
    assert len(parsed.doc) > 900_000
    last = parsed.doc[-2]  # "27999" before the final "."
    start, end = parsed.source(last.idx, last.idx + len(last.text))
    assert doc.text[start:end] == "27999"


@pytest.mark.slow
def test_article_over_max_length_is_tagged_in_every_chunk(tmp_path, nlp):
    text, doc = _article(tmp_path, 6_300)  # ~1.1 million characters: at least two chunks
    assert len(doc.text) > nlp.max_length
    parsed = parse(nlp, doc)
    people = [e for e in parsed.doc.ents if e.label_ == "PERSON" and e.text == "Angela Merkel"]
    assert len(people) > 6_000  # found in the later chunks too
    start, end = parsed.source(people[-1].start_char, people[-1].end_char)
    assert doc.text[start:end] == "Angela Merkel" and start > nlp.max_length
