"""How the local and Dask engines cut a corpus into batches for their workers."""
from graphbuild.engine.local import MIN_BATCH, batches


def _sizes(n: int, jobs: int) -> list[int]:
    return [len(b) for b in batches(list(range(n)), jobs)]


def test_batches_cover_the_documents_in_order():
    for n in (1, 3, 9, 50, 197, 1000):
        for jobs in (1, 2, 4):
            flat = [d for b in batches(list(range(n)), jobs) for d in b]
            assert flat == list(range(n))


def test_one_worker_gets_equal_batches():
    assert _sizes(197, 1) == [32] * 6 + [5]


def test_several_workers_get_shrinking_batches_ending_small():
    sizes = _sizes(197, 2)
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == 197 // 8
    assert sizes[-1] <= MIN_BATCH
    assert sum(sizes[-2:]) < sizes[0]  # the tail one worker may run alone is short


def test_a_small_corpus_is_still_spread_over_the_workers():
    assert _sizes(3, 2) == [1, 1, 1]
    assert len(_sizes(9, 2)) >= 2
