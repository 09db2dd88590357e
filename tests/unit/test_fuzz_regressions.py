"""Every crash `make fuzz` (tests/fuzz/harness.py) found, as a regression test: the input
goes through the same target the fuzzer ran, which fails on any exception that is not
graphbuild's own and on any broken contract."""
from __future__ import annotations

import base64
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from harness import ingest_one  # noqa: E402

CRASHES = {
    # html.parser (stdlib) raised AssertionError on a marked section `<![title>`: the
    # HTML5 parser (lexbor) replaced it.
    "marked-section": "AjxodG1sPjxoZWFkPjx0aXRsZT48IVt0aXRsZT48bWV0YSBwcm9wdGltZSIgY29udGVudD0iNDA0MC0wMS0wNyI+"
                      "PC9oZWFkPjxib2R5PjxwIGhpZGRlbj54PGFydGljbGU+PHBtbD48aGVhZD48dGl0bGU+VDwvdGl0bGU+PG1ldGEg"
                      "cHJvcHRpbWUiIGNvbnRlbm9reW8uPC88aHRtbD48aGVhZD48dGnS35NwZW4=",
    # A processing instruction `<?x ...>` is a node without a tag in lexbor: AttributeError.
    "tagless-node": "AjxodJpsPjxsZVlkPjx0aXT//////2X//2xvPnAgSGlkZGVuPng8YXJ0QmFyYWNrIE9iYW1hID9pc3l0ZWQgVG9reW8m"
                    "LzxtL3A+PD9pc3l0ZWQgVG9reW8mLzxtL3A+PC9hcnRpY2xlPjwhPS0gb3BhcmlsY3Q+ZTxwPkJhcmFjayBPYmFt"
                    "YSB2aXNpdGVkIFRva3lvLjxtL3A+BDwvYXJ0aWNsZT48IS0oIG9wZW4=",
}


@pytest.mark.parametrize("name", sorted(CRASHES))
def test_fuzz_crash_stays_fixed(name):
    ingest_one(base64.b64decode(CRASHES[name]))
