"""Size limits every stage agrees on, so an input too big for a later stage is refused
at ingest with a clear message instead of crashing the build after the NLP stage.

- `DEFAULT_MAX_CHARS`: the longest article text analysed by default (spaCy's own
  `max_length`). Longer texts are analysed in segments, but a build takes about 1.3 MB of
  memory per kB of text, so a bigger article must be asked for (`--max-chars`).
- `MAX_LITERAL_BYTES`: pyoxigraph's parsers refuse a single token over 16 MiB
  ("Reached the buffer maximal size"), so no literal we write may come near it: the
  article text is stored whole as one `nif:isString` literal, and the strict re-parse
  of every output (and every later `--into`, `render`, `explain`) must read it.
"""
from __future__ import annotations

DEFAULT_MAX_CHARS = 1_000_000
PARSER_TOKEN_BYTES = 16 * 1024 * 1024
# Margin for the escapes a serializer adds (\n, \", \uXXXX) on top of the UTF-8 bytes.
MAX_LITERAL_BYTES = PARSER_TOKEN_BYTES - 1024 * 1024
_ESCAPED = {c: 1 for c in '\n\r\t"\\'}


def literal_bytes(text: str) -> int:
    """An upper bound of the bytes `text` takes as a quoted RDF literal (UTF-8, escaped)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    size += sum(text.count(c) for c in _ESCAPED)
    size += 5 * sum(1 for c in text if c < " " and c not in "\n\r\t")  # \uXXXX
    return size


def too_long(text: str, max_chars: int | None) -> tuple[str, dict] | None:
    """(code, fields) of the InputError to raise when `text` is too long to analyse or to
    store, else None."""
    if max_chars is not None and len(text) > max_chars:
        return "GB285", {"length": len(text), "limit": max_chars}
    # Cheap test first: a text under a sixth of the limit cannot escape past it.
    if len(text) > MAX_LITERAL_BYTES // 6 and literal_bytes(text) > MAX_LITERAL_BYTES:
        return "GB286", {"length": len(text), "mib": PARSER_TOKEN_BYTES // 2**20}
    return None
