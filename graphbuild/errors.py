"""One small hierarchy of errors; every message says what went wrong and how to fix it.

Library code raises these with a code of the catalogue (graphbuild/error_codes.py) and
the fields its templates name, e.g. `UsageError("GB218", flag="--jobs", value=0, ...)`;
the CLI prints the message, which starts with the code, and maps the class to an exit
code (`EXIT_CODES`, also in the README and `graphbuild build --help`).
"""
from __future__ import annotations

from dataclasses import dataclass

from graphbuild.error_codes import CATALOGUE


class GraphbuildError(Exception):
    """Base class. `str(err)` is a complete, actionable message for a user: the code,
    what went wrong (`problem`) and the fix (`fix`, "" if the problem says it all)."""

    exit_code = 1

    def __init__(self, code: str, /, **fields):
        entry = CATALOGUE[code]
        if entry.kind not in {c.__name__ for c in type(self).__mro__}:
            raise TypeError(f"{code} is raised as {entry.kind}, not {type(self).__name__}")
        self.code, self.fields = code, fields
        self.problem, self.fix = entry.message.format(**fields), entry.fix.format(**fields)
        super().__init__(self.render())

    def render(self) -> str:
        return f"[{self.code}] {self.problem}" + (f"; {self.fix}" if self.fix else "")


class InputError(GraphbuildError):
    """One input cannot be read (empty, binary, undecodable, malformed line).

    The batch goes on without it under `--on-error skip`; `source` names the file
    (and line) so the report can list it.
    """

    exit_code = 2

    def __init__(self, code: str, source: str, /, **fields):
        self.source = source
        super().__init__(code, **fields)

    def render(self) -> str:
        return f"[{self.code}] {self.source}: {self.problem}" + (f" ({self.fix})" if self.fix else "")

    @property
    def reason(self) -> str:
        """What went wrong and its fix, as report.json's `skipped` lists it."""
        return self.problem + (f" ({self.fix})" if self.fix else "")


class AnalysisError(GraphbuildError):
    """One document could not be analysed: a check on the analysis failed (a bug, to be
    reported with the document). The batch goes on without it under `--on-error skip`."""

    exit_code = 1

    def __init__(self, code: str, document_id: str, /, **fields):
        self.document_id = document_id
        super().__init__(code, **fields)

    def render(self) -> str:
        return f"[{self.code}] {self.document_id}: {self.problem}; {self.fix}"


@dataclass(frozen=True)
class InputWarning:
    """Not an error: something repaired in one input (bad UTF-8 bytes replaced); the
    document is built all the same and report.json lists the warning."""

    source: str
    warning: str


class ModelNotFound(GraphbuildError):
    """The spaCy model named in the settings is not installed."""

    exit_code = 3


class OntologyError(GraphbuildError):
    """A term was asked of the ontology that it does not declare (a typo or a missing term)."""


class OutputError(GraphbuildError):
    """An output failed its checks (strict re-parse, SHACL); the old file is left as it was."""

    exit_code = 4


class NothingBuilt(GraphbuildError):
    """No input of the batch could be read or analysed; the output was left as it was.

    `skipped` lists each input with the reason (as in report.json)."""

    exit_code = 6

    def __init__(self, code: str, skipped: list[dict], where: str):
        self.skipped = skipped
        super().__init__(code, count=len(skipped), where=where)


class UsageError(GraphbuildError):
    """Options that do not fit together; the message names the flag that fixes it."""

    exit_code = 2


class QueryError(GraphbuildError):
    """A SPARQL query that does not parse; the message carries the parser's line and column."""

    exit_code = 2


class StoreError(GraphbuildError):
    """A triple store (embedded or a SPARQL server) refused or failed an operation; the
    message says which store, what it answered and which flag fixes it."""

    exit_code = 5


# What each exit code of the CLI means (README and --help print this table).
EXIT_CODES = {
    0: "the graph was built (inputs that could not be read are listed as skipped)",
    1: "an unexpected error",
    2: "a bad option or path, or a bad input under --on-error fail",
    3: "the spaCy model is not installed",
    4: "an output failed its checks (or a SHACL violation under --strict); the old files were left as they were",
    5: "a triple store refused or failed an operation (load, query)",
    6: "no input could be read or analysed; the output directory was left as it was",
    7: "another build holds the output directory (see --wait)",
}
