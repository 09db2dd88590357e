"""Push named graphs to any SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

Each graph goes as N-Triples in batches of `batch_triples`: the first batch is a PUT (it
replaces the graph, so pushing a document again never doubles it), the rest are POSTs
(they add). Transient failures (connection errors, 408/429/502/503/504) are retried with
exponential backoff; a POST retried after a lost answer is harmless because our graphs
hold no blank nodes (adding a triple twice is adding it once). Other answers stop the push
with a message naming the fix. No Accept header is sent: Virtuoso answers 406 to one even
when it applied the change.

Where servers keep their Graph Store endpoint (`gsp_path`, joined to `endpoint`):
Oxigraph server `/store`; Fuseki `/DATASET/data` (or `/DATASET`); GraphDB
`/repositories/REPO/rdf-graphs/service`; Virtuoso `/sparql-graph-crud-auth` (digest auth).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from graphbuild.errors import StoreError
from graphbuild.store.auth import Credentials
from graphbuild.store.source import NamedGraphs

TRANSIENT = (408, 429, 502, 503, 504)
CONTENT_TYPE = "application/n-triples"
# The catalogue code of each HTTP status with a known fix (GB504: any other status).
STATUS_CODES = {401: "GB511", 403: "GB512", 404: "GB513", 405: "GB514", 413: "GB515", 415: "GB516"}


@dataclass(frozen=True)
class Target:
    """A Graph Store endpoint: `endpoint` + `gsp_path`, the graph named by `graph_param`."""

    endpoint: str
    gsp_path: str = "/store"
    graph_param: str = "graph"  # the standard name; Virtuoso also reads graph-uri
    credentials: Credentials | None = None
    batch_triples: int = 100_000
    retries: int = 4
    backoff: float = 0.5  # seconds, doubled on each retry
    timeout: float = 600.0

    @property
    def url(self) -> str:
        if not self.gsp_path:
            return self.endpoint
        return self.endpoint.rstrip("/") + "/" + self.gsp_path.lstrip("/")


@dataclass(frozen=True)
class PushResult:
    graphs: int
    triples: int
    requests: int


def session(target: Target):
    """A requests Session that retries transient failures (urllib3's Retry) and authenticates."""
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    retry = Retry(total=target.retries, connect=target.retries, read=target.retries, status=target.retries,
                  backoff_factor=target.backoff, status_forcelist=TRANSIENT,
                  allowed_methods=frozenset({"GET", "PUT", "POST", "DELETE"}), raise_on_status=False)
    s = requests.Session()
    s.mount("http://", HTTPAdapter(max_retries=retry))
    s.mount("https://", HTTPAdapter(max_retries=retry))
    if target.credentials is not None:
        s.auth = target.credentials.requests_auth()
    return s


def batches(triples: list[ox.Triple], size: int) -> list[bytes]:
    """N-Triples bodies of at most `size` triples each (at least one body)."""
    size = max(1, size)
    chunks = [triples[i:i + size] for i in range(0, len(triples), size)] or [[]]
    return [ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES) for chunk in chunks]


def send(http, target: Target, method: str, graph: str, body: bytes) -> None:
    """One request; StoreError with the fix unless the server answers 2xx."""
    import requests

    try:
        response = http.request(method, target.url, params={target.graph_param: graph}, data=body,
                                headers={"Content-Type": CONTENT_TYPE}, timeout=target.timeout)
    except requests.RequestException as err:
        # A server that refuses a request before reading its body (Virtuoso's 401) may
        # reset the connection while the body is still being sent: ask without a body
        # what it answers, so the error names the real cause and its fix.
        refused = _probe(http, target, graph) if isinstance(err, requests.ConnectionError) else None
        if refused is None or refused[0] not in STATUS_CODES:
            raise StoreError("GB505", method=method, url=target.url, graph=graph, retries=target.retries,
                             reason=err) from err
        status, reason, text = refused
    else:
        if 200 <= response.status_code < 300:
            return
        status, reason, text = response.status_code, response.reason, response.text
    raise StoreError(STATUS_CODES.get(status, "GB504"), method=method, url=target.url, graph=graph,
                     status=status, status_reason=reason, answer=" ".join(text.split())[:300])


def _probe(http, target: Target, graph: str) -> tuple[int, str, str] | None:
    """Status, reason and the start of the body the server answers a bodyless GET of
    `graph` with (the rest left unread), or None when it answers nothing."""
    import requests

    try:
        with http.get(target.url, params={target.graph_param: graph}, timeout=target.timeout, stream=True) as r:
            head = next(r.iter_content(2048), b"")
            return r.status_code, r.reason or "", head.decode("utf-8", "replace")
    except requests.RequestException:
        return None


def push_graphs(target: Target, named: NamedGraphs,
                on_graph: Callable[[str, int], None] | None = None) -> PushResult:
    """Replace every graph of `named` on the server (PUT, then POSTs for further batches)."""
    requests_made = 0
    with session(target) as http:
        for graph, triples in named.graphs.items():
            for i, body in enumerate(batches(triples, target.batch_triples)):
                send(http, target, "PUT" if i == 0 else "POST", graph, body)
                requests_made += 1
            if on_graph:
                on_graph(graph, len(triples))
    return PushResult(len(named.graphs), named.triples, requests_made)


__all__ = ["PushResult", "Target", "TRANSIENT", "batches", "push_graphs", "send", "session"]
