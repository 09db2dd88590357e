"""Settings of one build or evaluation: what the CLI parses its options into.

Both are checked when they are made (`__post_init__`), so a library caller gets the same
checks, with the same messages naming the flag to fix, as a user of the CLI.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from graphbuild.errors import UsageError
from graphbuild.limits import DEFAULT_MAX_CHARS

DEFAULT_MODEL = "en_core_web_sm"
DEFAULT_BASE_IRI = "https://w3id.org/graphbuild/id/"
DEFAULT_OUTPUT = Path("output")
CORRECTIONS_FILE = "corrections.ttl"  # beside the graph: applied by every build of that directory
ALL_FORMATS = ("ttl", "trig", "nt", "jsonld", "html")
EXTRA_FORMATS = ("graphml", "gexf")


class OnError(StrEnum):
    """What a bad input does to the batch."""

    SKIP = "skip"  # report it in report.json and go on
    FAIL = "fail"  # stop the build; nothing is written


class Engine(StrEnum):
    """Where the documents are analysed."""

    LOCAL = "local"  # this machine's processes (--jobs)
    DASK = "dask"  # a Dask cluster (--scheduler, or a local cluster of --jobs workers)


class EvalMode(StrEnum):
    """What `graphbuild evaluate` scores."""

    MENTIONS = "mentions"
    EVENTS = "events"
    COREF = "coref"
    RELATIONS = "relations"


def _choice(enum: type[StrEnum], value, flag: str) -> StrEnum:
    try:
        return enum(value)
    except ValueError:
        raise UsageError("GB217", flag=flag, value=value, choices=" or ".join(m.value for m in enum)) from None


@dataclass(frozen=True)
class Settings:
    """Options of `graphbuild build`; defaults are what `make demo` uses.

    `output_dir` defaults to `into` when that is given (an incremental build writes into
    the graph it adds to), else to ./output; naming two different directories is an error.
    """

    inputs: tuple[str, ...] = ()  # paths, directories, "-" for stdin; empty: bundled samples
    output_dir: Path | None = None  # None: `into`, else DEFAULT_OUTPUT
    published: date | None = None  # publication date for inputs whose metadata has none
    model: str = DEFAULT_MODEL
    formats: tuple[str, ...] = ALL_FORMATS
    base_iri: str = DEFAULT_BASE_IRI
    on_error: OnError = OnError.SKIP
    jobs: int = 1
    engine: Engine = Engine.LOCAL
    scheduler: str | None = None  # a Dask scheduler address; None: a LocalCluster of `jobs`
    encoding: str | None = None  # force an input encoding instead of detecting it
    max_chars: int | None = DEFAULT_MAX_CHARS  # longer articles are skipped; None: no limit
    follow_symlinks: bool = False  # read symlinks in input directories that leave the tree
    wait: float = 0.0  # seconds to wait for another build's lock on the output directory
    into: Path | None = None  # an existing output dir to add to (incremental build)
    validate: bool = True  # run SHACL over the output before publishing it
    strict: bool = False  # a SHACL violation fails the build instead of going to rejected.trig
    corrections: Path | None = None  # the corrections file; None: corrections.ttl in the output dir, if there

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: normalize once, here
        set_(self, "on_error", _choice(OnError, self.on_error, "--on-error"))
        set_(self, "engine", _choice(Engine, self.engine, "--engine"))
        if self.jobs < 1:
            raise UsageError("GB218", flag="--jobs", value=self.jobs, what="worker processes")
        if self.scheduler and self.engine is not Engine.DASK:
            raise UsageError("GB219")
        unknown = [f for f in self.formats if f not in ALL_FORMATS + EXTRA_FORMATS]
        if unknown or not self.formats:
            raise UsageError("GB203", unknown=", ".join(unknown) or "(none)",
                             choices=",".join(ALL_FORMATS + EXTRA_FORMATS))
        if self.strict and not self.validate:
            raise UsageError("GB220")
        into = Path(self.into) if self.into is not None else None
        out = Path(self.output_dir) if self.output_dir is not None else None
        if into is not None and out is not None and out.resolve() != into.resolve():
            raise UsageError("GB221", into=into, out=out)
        set_(self, "into", into)
        set_(self, "output_dir", out or into or DEFAULT_OUTPUT)


@dataclass(frozen=True)
class EvaluationSettings:
    """Options of `graphbuild evaluate`: one mode at a time."""

    gold: Path
    mode: EvalMode = EvalMode.MENTIONS
    limit: int | None = None  # score only the first N documents
    model: str = DEFAULT_MODEL
    output_dir: Path | None = None  # keep the graph the evaluation builds here

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", _choice(EvalMode, self.mode, "the evaluation mode"))
        if self.limit is not None and self.limit < 1:
            raise UsageError("GB218", flag="--limit", value=self.limit, what="documents")
        if not Path(self.gold).exists():
            raise UsageError("GB222", gold=self.gold)

    @staticmethod
    def mode_of(events: bool, coref: bool, relations: bool) -> EvalMode:
        """The mode the flags --events, --coref, --relations ask for (at most one)."""
        chosen = [m for m, on in ((EvalMode.EVENTS, events), (EvalMode.COREF, coref),
                                  (EvalMode.RELATIONS, relations)) if on]
        if len(chosen) > 1:
            raise UsageError("GB223", first=chosen[0].value, second=chosen[1].value)
        return chosen[0] if chosen else EvalMode.MENTIONS
