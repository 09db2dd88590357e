"""The worker processes of a LocalCluster, forked from one preloaded process.

Distributed spawns each worker by default: a fresh interpreter that imports distributed,
graphbuild and spaCy and loads the model itself, about 4.5 CPU seconds a worker on this
machine, where the local engine's pool forks workers that inherit what the parent
imported. `preloaded_forkserver` starts multiprocessing's forkserver with those imports
done and the model loaded (`engine.dask_preload`, which reads the model's name from
`MODEL_VARIABLE`); under `FORKSERVER` the nannies fork their workers from it, so that
work is done once per build, not once per worker. The forkserver also gets the
environment distributed sets for a spawned worker (`distributed.nanny.pre-spawn-environ`:
one BLAS thread, glibc's trim threshold), which a fork would otherwise not see.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

MODEL_VARIABLE = "GRAPHBUILD_DASK_PRELOAD_MODEL"
FORKSERVER = {"distributed.worker.multiprocessing-method": "forkserver"}
# "__main__": the script that runs the build, which each forked worker would import again.
PRELOAD = ("__main__", "distributed", "graphbuild.engine.partitioned", "graphbuild.engine.dask_preload")


@contextmanager
def preloaded_forkserver(model_name: str | None) -> Iterator[None]:
    """Within: a forkserver that has imported `PRELOAD` and loaded `model_name` (if not
    None) is running, and the nannies started under `FORKSERVER` fork from it. On
    leaving it is stopped (its copy of the model is freed for the rest of the build).
    A forkserver already running in this process is used as it is, and left running."""
    import dask
    from multiprocessing import forkserver

    from distributed.utils import get_mp_context

    if forkserver._forkserver._forkserver_pid is not None:  # started by someone else: theirs
        yield
        return
    with dask.config.set(FORKSERVER):
        get_mp_context()  # distributed sets its own preload list once; ours replaces it
    forkserver.set_forkserver_preload(list(PRELOAD))
    environ = {k: str(v) for k, v in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()}
    with _environ({**environ, MODEL_VARIABLE: model_name or ""}):
        forkserver.ensure_running()  # the server copies the environment as it starts
    try:
        yield
    finally:
        forkserver._forkserver._stop()


@contextmanager
def _environ(values: Mapping[str, str]) -> Iterator[None]:
    """`values` in os.environ within, the old values (or none) restored after."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


__all__ = ["FORKSERVER", "MODEL_VARIABLE", "preloaded_forkserver"]
