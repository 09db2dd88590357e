"""Inputs read in partitions by Dask workers (`ingest.partitions`, `engine.dask.read_corpus`)
report and number exactly what the local reader does, and the corpus context made as
a map-reduce over partitions is the one `corpus_context` makes over the whole corpus."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from graphbuild.engine.partitioned import analyze_partition, text_digest
from graphbuild.errors import InputError
from graphbuild.extract.context import corpus_context, line_counts, repeated_in
from graphbuild.ingest.identity import keep_apart
from graphbuild.ingest.partitions import Partition, ReadOptions, plan
from graphbuild.model import Document
from graphbuild.reading import read_documents
from graphbuild.settings import Settings

LINES = ["Watch the video", "  watch THE video ", "Kerman, Iran", "", "Subscribe to our newsletter",
         "The stampede killed 56 people.", "AP Photo/Name"]


@given(texts=st.lists(st.lists(st.sampled_from(LINES), max_size=6).map("\n".join), max_size=12),
       cuts=st.lists(st.integers(0, 12), max_size=4), buckets=st.integers(1, 5))
@hsettings(max_examples=200, deadline=None)
def test_the_map_reduce_context_is_the_corpus_context(texts, cuts, buckets):
    bounds = sorted({0, len(texts), *(min(c, len(texts)) for c in cuts)})
    partials = [line_counts(texts[a:b], buckets) for a, b in zip(bounds, bounds[1:])]
    repeated = frozenset().union(*(repeated_in(*(p[j] for p in partials)) for j in range(buckets)))
    documents = [Document(str(i), text) for i, text in enumerate(texts)]
    assert repeated == corpus_context(documents).repeated_lines


def test_a_line_counts_once_per_document_and_in_one_bucket():
    counts = line_counts(["Watch the video\nwatch  the video", "Watch the video"], buckets=3)
    assert sum(counts, Counter()) == Counter({"watch the video": 2})
    assert sum(1 for c in counts if c) == 1


@pytest.fixture(scope="module")
def session():
    from graphbuild.engine.dask import DaskSession

    with DaskSession(jobs=2, processes=False) as s:  # real Dask, workers as threads: quick to start
        yield s


def _record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


@pytest.fixture
def inputs(tmp_path):
    """A directory of articles and JSONL corpora big enough to be cut into ranges, with
    bad lines, repairs, derived and repeated ids on both sides of the cuts."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Watch the video\nAngela Merkel met Emmanuel Macron in Paris.\n", encoding="utf-8")
    (folder / "b.md").write_text("# Title\n\nWatch the video\nBoris Johnson spoke.\n", encoding="utf-8")
    lines = []
    for i in range(60):
        if i % 9 == 4:
            lines.append("{not json")
        elif i % 11 == 5:
            lines.append(_record(id=f"r{i}", text=42))
        elif i % 13 == 6:
            lines.append("")
        elif i % 7 == 3:
            lines.append(_record(text=f"No id here, line {i}. Subscribe to our newsletter"))
        elif i % 10 == 8:
            lines.append(_record(id="again", text=f"A repeated id, record {i}."))
        else:
            lines.append(_record(id=f"r{i}", text=f"Record {i} about Kerman, Iran.\nSubscribe to our newsletter"))
    body = "\n".join(lines).encode("utf-8")
    repaired = _record(id="bad-bytes", text="Café in Zürich – XX").encode("utf-8").replace(b"XX", b"\xff")
    (folder / "corpus.jsonl").write_bytes(b"\xef\xbb\xbf" + body + b"\n" + repaired + (b"\n" + body) * 2 + b"\n")
    (folder / "blank.jsonl").write_bytes(b"   \n" * 3000)  # cut into ranges, no JSON line in any
    (folder / "empty.jsonl").write_bytes(b"")
    return [str(folder), str(tmp_path / "missing.txt")]


def test_partitions_cut_a_big_jsonl_file_and_read_no_text_here(inputs):
    planned = plan(inputs, workers=8)
    ranges = [p for p in planned if isinstance(p, Partition) and p.path and p.path.endswith("corpus.jsonl")]
    assert len(ranges) >= 3 and [p.part for p in ranges] == list(range(len(ranges)))
    assert all(p.documents == () for p in planned if isinstance(p, Partition))
    assert isinstance(planned[-1], InputError) and planned[-1].source.endswith("missing.txt")


def test_workers_report_skip_and_number_as_the_local_reader(inputs, session):
    settings = Settings(inputs=tuple(inputs))
    skipped, warnings = [], []
    documents = read_documents(settings, skipped, warnings)
    dask_skipped, dask_warnings = [], []
    corpus = read_documents(settings, dask_skipped, dask_warnings, session)
    assert dask_skipped == skipped and dask_warnings == warnings
    assert [i for ids in corpus.ids for i in ids] == [d.id for d in documents]
    assert [k.path for keys in corpus.keys for k in keys] == [d.path for d in documents]
    assert corpus.context == corpus_context(documents)
    assert len(corpus) == len(documents)
    # what this test made sure is there: cut ranges, bad lines past a cut, repairs, GB246
    assert len(corpus.partitions) > 3 and len(warnings) == 1
    assert {"again-12", "corpus-4", "corpus-125"} <= {d.id for d in documents}
    assert any(s["source"].endswith("blank.jsonl") and "no JSON lines" in s["reason"] for s in skipped)
    assert any(s["source"].endswith("corpus.jsonl:180") for s in skipped)


def test_on_error_fail_stops_at_the_same_first_bad_line(inputs, session):
    settings = Settings(inputs=tuple(inputs), on_error="fail")
    with pytest.raises(InputError) as local:
        read_documents(settings, [], [])
    with pytest.raises(InputError) as dask:
        read_documents(settings, [], [], session)
    assert str(dask.value) == str(local.value)


def test_documents_kept_apart_from_a_graph_by_digest(tmp_path, session):
    folder = tmp_path / "day2"
    folder.mkdir()
    (folder / "story.txt").write_text("A new story.", encoding="utf-8")
    (folder / "same.txt").write_text("An old story.", encoding="utf-8")
    existing = [Document("story", "Another text.", path="day1/story.txt"),
                Document("same", "An old story.", path="day1/same.txt")]
    settings = Settings(inputs=(str(folder),))
    local = keep_apart(read_documents(settings, [], []), existing)
    corpus = read_documents(settings, [], [], session).kept_apart(existing)
    assert [i for ids in corpus.ids for i in ids] == [d.id for d in local] == ["same", "story-2"]


def test_a_partition_that_reads_otherwise_fails_naming_its_input(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(_record(id="a", text="One.") + "\n" + _record(id="b", text="Two.") + "\n", encoding="utf-8")
    digests = (text_digest("One."), text_digest("Two, before an edit."))
    outcomes = analyze_partition(Partition(files=(str(path),)), ReadOptions(), ("a", "b"), digests,
                                 "en_core_web_sm", corpus_context([]))
    assert [(o.document_id, o.source, o.model) for o in outcomes] == [("a", str(path), None), ("b", str(path), None)]
    assert all("changed during the build" in o.error for o in outcomes)


def test_the_bundled_samples_are_sent_to_the_workers(session):
    local = read_documents(Settings(), [], [])
    corpus = read_documents(Settings(), [], [], session)
    assert [i for ids in corpus.ids for i in ids] == [d.id for d in local]
    assert [d for p in corpus.partitions for d in p.documents] == local
    assert corpus.context == corpus_context(local)
