"""Settings of one build: what the CLI parses its options into."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm"
DEFAULT_BASE_IRI = "https://w3id.org/graphbuild/id/"
ALL_FORMATS = ("ttl", "trig", "nt", "jsonld", "html")
EXTRA_FORMATS = ("graphml", "gexf")


@dataclass(frozen=True)
class Settings:
    """Options of `graphbuild build`; defaults are what `make demo` uses."""

    inputs: tuple[str, ...] = ()  # paths, directories, "-" for stdin; empty: bundled samples
    output_dir: Path = Path("output")
    published: date | None = None  # publication date for inputs whose metadata has none
    model: str = DEFAULT_MODEL
    formats: tuple[str, ...] = ALL_FORMATS
    base_iri: str = DEFAULT_BASE_IRI
    on_error: str = "skip"  # skip | fail
    jobs: int = 1
    engine: str = "local"  # local (this machine's processes) | dask (a Dask cluster)
    scheduler: str | None = None  # a Dask scheduler address; None: a LocalCluster of `jobs`
    encoding: str | None = None  # force an input encoding instead of detecting it
    into: Path | None = None  # an existing output dir to add to (incremental build)
    validate: bool = True  # run SHACL over the output before publishing it
    strict: bool = False  # a SHACL violation fails the build instead of going to rejected.trig
    extra: dict = field(default_factory=dict, compare=False)
