"""graph.jsonld written one graph at a time (`jsonld.jsonld_pieces`, `rdf.streamed`): the
same bytes as `jsonld_bytes`, each graph's entry checked as it is written, and the old file
kept when a check fails."""
from __future__ import annotations

import pytest

import graphbuild.rdf.streamed as streamed
from graphbuild.errors import OutputError
from graphbuild.rdf.build import to_quads
from graphbuild.rdf.jsonld import jsonld_bytes, jsonld_pieces
from tests.helpers.models import BASE, hostile_model, realistic_model


@pytest.mark.parametrize("make", [realistic_model, hostile_model])
def test_streamed_jsonld_is_jsonld_bytes(make, tmp_path):
    content = to_quads(make(), BASE)
    pieces = list(jsonld_pieces(content))
    graphs = {content.terms()[p.rows[0][0]] for p in pieces if p.entry is not None}
    assert len(graphs) == len([p for p in pieces if p.entry is not None]) > 1  # one piece a graph
    assert sum(len(p.rows) for p in pieces if p.entry is not None) == len(content)
    path = streamed.write_streamed(content, "jsonld", tmp_path / "graph.jsonld")
    assert path.read_bytes() == jsonld_bytes(content) == "".join(p.text for p in pieces).encode()
    assert [p.name for p in tmp_path.iterdir()] == ["graph.jsonld"]


def _spoiled(how):
    """`jsonld_pieces` with the second graph's piece changed by `how`."""
    def pieces(content):
        seen = 0
        for piece in jsonld_pieces(content):
            if piece.entry is not None:
                seen += 1
                if seen == 2:
                    piece = how(piece)
            yield piece
    return pieces


@pytest.mark.parametrize("how, code", [
    (lambda p: p._replace(rows=p.rows[:-1]), "GB416"),  # the text holds a quad its rows do not
    (lambda p: p._replace(rows=p.rows[1:]), "GB416"),  # the rows hold a quad the text lacks
    (lambda p: p._replace(entry=p.entry + ', {"@id": ]'), "GB418"),  # not JSON-LD
])
@pytest.mark.parametrize("make", [realistic_model, hostile_model])
def test_a_graph_that_does_not_read_back_leaves_the_old_file(make, how, code, tmp_path, monkeypatch):
    content = to_quads(make(), BASE)
    monkeypatch.setattr(streamed, "jsonld_pieces", _spoiled(how))
    path = tmp_path / "graph.jsonld"
    path.write_bytes(b"old")
    with pytest.raises(OutputError) as raised:
        streamed.write_streamed(content, "jsonld", path)
    assert raised.value.code == code
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.jsonld"]  # no temp file left


@pytest.mark.parametrize("limit", [1, 3, 40])
def test_a_big_graph_comes_in_runs_of_whole_nodes_with_the_same_bytes(limit, tmp_path, monkeypatch):
    import graphbuild.rdf.jsonld as jsonld

    content = to_quads(realistic_model(), BASE)
    whole = jsonld_bytes(content)  # one piece a graph (the graphs are smaller than PIECE_ROWS)
    monkeypatch.setattr(jsonld, "PIECE_ROWS", limit)
    runs = [p for p in jsonld_pieces(content) if p.entry is not None]
    terms = content.terms()
    assert len(runs) > len({terms[p.rows[0][0]] for p in runs})  # some graph was cut
    for a, b in zip(runs, runs[1:]):  # never inside a node: a subject is in one run
        assert a.rows[0][0] != b.rows[0][0] or a.rows[-1][1] != b.rows[0][1]
    assert all(len(p.rows) <= limit or len({r[1] for r in p.rows.tolist()}) == 1 for p in runs)
    path = streamed.write_streamed(content, "jsonld", tmp_path / "graph.jsonld")  # each run checked
    assert path.read_bytes() == whole == jsonld_bytes(content)


def test_a_run_that_does_not_read_back_fails_the_write(tmp_path, monkeypatch):
    import graphbuild.rdf.jsonld as jsonld

    monkeypatch.setattr(jsonld, "PIECE_ROWS", 3)
    monkeypatch.setattr(streamed, "jsonld_pieces", _spoiled(lambda p: p._replace(rows=p.rows[:-1])))
    with pytest.raises(OutputError):
        streamed.write_streamed(to_quads(realistic_model(), BASE), "jsonld", tmp_path / "graph.jsonld")
    assert not (tmp_path / "graph.jsonld").exists()
