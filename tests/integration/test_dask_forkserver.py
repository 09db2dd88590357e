"""A LocalCluster's worker processes are forked from one forkserver that has imported
graphbuild and spaCy and loaded the model (`engine.dask_forkserver`): the workers have
the model before any task runs, and the forkserver is gone once the session closes."""
from __future__ import annotations

import os
import sys
from multiprocessing import forkserver

import psutil
import pytest

from graphbuild.engine.dask import DaskSession
from graphbuild.settings import DEFAULT_MODEL

pytestmark = pytest.mark.slow


def _what_the_worker_has() -> tuple[int, bool, int]:
    from graphbuild.nlp import load_model

    return os.getppid(), "spacy" in sys.modules, load_model.cache_info().currsize


def test_workers_fork_from_one_preloaded_forkserver_that_stops_with_the_session():
    with DaskSession(jobs=2, model_name=DEFAULT_MODEL) as session:
        server = forkserver._forkserver._forkserver_pid
        seen = list(session.client.run(_what_the_worker_has).values())
    assert len(seen) == 2
    assert server is not None and server != os.getpid()
    assert seen == [(server, True, 1)] * 2  # the model came loaded: no task asked for it
    assert forkserver._forkserver._forkserver_pid is None
    assert not psutil.pid_exists(server) or psutil.Process(server).status() == psutil.STATUS_ZOMBIE
