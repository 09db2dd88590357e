"""Into triple stores: the embedded Oxigraph store by default, any SPARQL server when asked.

- `source`: the named graphs of an output (one per document, plus the cross-document graph)
- `embedded`: load/replace them in an on-disk pyoxigraph store
- `query`, `results`: SPARQL with the ontology's prefixes and the union default graph;
  results as a table, CSV, TSV or JSON
- `gsp`, `auth`: push to a server with the Graph Store Protocol (batches, retries,
  credentials from the environment only)
- `check`: strict parse + SHACL of an output (`graphbuild validate`)
- `examples`: the example queries shipped in `graphbuild/queries/`
"""
from graphbuild.store.auth import Credentials, check_url, from_environment
from graphbuild.store.check import CheckReport, check_output
from graphbuild.store.embedded import LoadResult, load_graphs
from graphbuild.store.gsp import PushResult, Target, push_graphs
from graphbuild.store.query import query_store, run_query
from graphbuild.store.results import format_results
from graphbuild.store.source import NamedGraphs, read_graphs

__all__ = [
    "CheckReport", "Credentials", "LoadResult", "NamedGraphs", "PushResult", "Target", "check_output", "check_url",
    "format_results", "from_environment", "load_graphs", "push_graphs", "query_store", "read_graphs", "run_query",
]
