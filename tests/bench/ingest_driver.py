"""`python -m tests.bench.ingest_driver MODE CORPUS`: how much the memory of the process
that starts a build grows while the input is read and the corpus context made, printed
as one JSON line. MODE `local`: read here (`reading.read_documents`, every engine before
the workers read their partitions); `dask`: by the workers of a 2-process LocalCluster
started before the measure (`engine.dask.read_corpus`)."""
from __future__ import annotations

import json
import sys
import time

import psutil


def main() -> None:
    from graphbuild.extract.context import corpus_context
    from graphbuild.reading import read_documents
    from graphbuild.settings import Settings

    mode, corpus = sys.argv[1], sys.argv[2]
    session = None
    if mode == "dask":
        from graphbuild.engine.dask import DaskSession

        session = DaskSession(2)
    me = psutil.Process()
    before, t0 = me.memory_info().rss, time.perf_counter()
    documents = read_documents(Settings(inputs=(corpus,)), [], [], session)
    context = documents.context if session else corpus_context(documents)
    grown = me.memory_info().rss - before
    print(json.dumps({"documents": len(documents), "repeated_lines": len(context.repeated_lines),
                      "grown_mb": round(grown / 2**20, 1), "seconds": round(time.perf_counter() - t0, 2)}))
    if session:
        session.close()


if __name__ == "__main__":
    main()
