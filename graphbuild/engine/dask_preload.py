"""Imported by the forkserver of a LocalCluster (`engine.dask_forkserver`), never by
graphbuild itself: loads the spaCy model named by its environment into the cache of
`nlp.load_model`, so the workers forked from it start with it loaded. A model that does
not load is left to the workers, which report it as they would without this."""
from __future__ import annotations

import os

from graphbuild.engine.dask_forkserver import MODEL_VARIABLE
from graphbuild.nlp import load_model

if os.environ.get(MODEL_VARIABLE):
    try:
        load_model(os.environ[MODEL_VARIABLE])
    except Exception:  # noqa: BLE001 - an ImportError would be swallowed, anything else kill the forkserver
        pass
