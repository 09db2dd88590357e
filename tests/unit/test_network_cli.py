"""`graphbuild render GRAPH -o FILE.html`: a written graph drawn again, errors mapped."""
from __future__ import annotations

from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.network.html import render_html
from graphbuild.pipeline import write_outputs
from graphbuild.rdf.read import read_model
from graphbuild.settings import Settings
from tests.browser.models import small_model

runner = CliRunner()


def test_render_draws_a_written_graph_again(tmp_path):
    write_outputs(small_model(), Settings(output_dir=tmp_path, formats=("trig", "html"), validate=False))
    out = tmp_path / "again.html"
    result = runner.invoke(app, ["render", str(tmp_path / "graph.trig"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render_html(read_model(tmp_path / "graph.trig"))
    assert "Qasem Soleimani" in out.read_text(encoding="utf-8")


def test_render_errors_name_the_fix(tmp_path):
    result = runner.invoke(app, ["render", str(tmp_path / "missing.trig"), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "no such file" in result.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = runner.invoke(app, ["render", str(bad), "-o", str(tmp_path / "x.html")])
    assert result.exit_code != 0 and not (tmp_path / "x.html").exists()
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_render_has_help():
    result = runner.invoke(app, ["render", "--help"])
    assert result.exit_code == 0 and "-o" in result.output


def test_render_writes_graphml_and_gexf_beside_the_page(tmp_path):
    write_outputs(small_model(), Settings(output_dir=tmp_path, formats=("trig",), validate=False))
    out = tmp_path / "net.html"
    result = runner.invoke(app, ["render", str(tmp_path / "graph.trig"), "-o", str(out), "--formats", "html,graphml,gexf",
                                 "--events", "--initial", "3"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir() if p.stem.startswith("net"))
    assert names == ["net-actors.gexf", "net-actors.graphml", "net.gexf", "net.graphml", "net.html"]
    html = out.read_text(encoding="utf-8")
    assert '"events":true' in html and '"initial":3' in html
    result = runner.invoke(app, ["render", str(tmp_path / "graph.trig"), "--formats", "pdf"])
    assert result.exit_code == 2 and "html,graphml,gexf" in result.output
