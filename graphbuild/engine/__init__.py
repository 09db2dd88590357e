"""Execution engines: analyse documents in this process, in a local process pool, or on a
Dask cluster. All return one-document GraphModels (or the error that stopped one)."""
from graphbuild.engine.local import DocumentOutcome, analyze_documents

__all__ = ["DocumentOutcome", "analyze_documents"]
