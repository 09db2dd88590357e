"""One small hierarchy of errors; every message says what went wrong and how to fix it.

Library code raises these; the CLI maps them to exit codes (see `cli.py`).
"""
from __future__ import annotations


class GraphbuildError(Exception):
    """Base class. `str(err)` is a complete, actionable message for a user."""

    exit_code = 1


class InputError(GraphbuildError):
    """One input cannot be read (empty, binary, undecodable, malformed line).

    The batch goes on without it under `--on-error skip`; `source` names the file
    (and line) so the report can list it.
    """

    exit_code = 2

    def __init__(self, source: str, problem: str, fix: str | None = None):
        self.source, self.problem, self.fix = source, problem, fix
        super().__init__(f"{source}: {problem}" + (f" ({fix})" if fix else ""))


class AnalysisError(GraphbuildError):
    """One document could not be analysed: a check on the analysis failed (a bug, to be
    reported with the document). The batch goes on without it under `--on-error skip`."""

    exit_code = 1

    def __init__(self, document_id: str, problem: str):
        self.document_id, self.problem = document_id, problem
        super().__init__(f"{document_id}: {problem}; the document was left out (please report this with the article)")


class ModelNotFound(GraphbuildError):
    """The spaCy model named in the settings is not installed."""

    exit_code = 3


class OntologyError(GraphbuildError):
    """A term was asked of the ontology that it does not declare (a typo or a missing term)."""


class OutputError(GraphbuildError):
    """An output failed its checks (strict re-parse, SHACL); the old file is left as it was."""

    exit_code = 4


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
