"""The evidence panel offers the `graphbuild correct` command lines that fix a node, with a
copy button; the copied line, run as is, makes the correction (issue 16). A real build of
the samples, real Chromium, the real CLI."""
from __future__ import annotations

import shlex

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.rdf.read import read_model

pytestmark = pytest.mark.browser


def _cli(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr


@pytest.fixture
def page(browser, tmp_path):
    out = tmp_path / "out"
    _cli("build", "-o", str(out), "--formats", "trig,html")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((out / "graph.html").resolve().as_uri())
    page.wait_for_function("window.graphbuild && window.graphbuild.ready === true", timeout=30_000)
    page.out = out
    yield page
    assert errors == []
    context.close()


def _open(page, name: str) -> None:
    page.fill("#search", name)
    page.press("#search", "Enter")
    assert page.locator("#panel-body h2").inner_text() == name


def _copied(page, hint: str) -> str:
    """Click the copy button of the panel's correction line `hint`; the clipboard's text."""
    line = page.locator("#panel-body li.correction", has=page.locator("p.hint", has_text=hint))
    text = line.locator("code.command").inner_text()
    line.locator("button.copy").click()
    page.wait_for_function("() => [...document.querySelectorAll('button.copy')].some(b => b.textContent === 'Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == text
    return text


def _run(command: str) -> None:
    argv = shlex.split(command)
    assert argv[:2] == ["graphbuild", "correct"]
    _cli(*argv[1:])


def test_panel_commands_copy_and_correct_the_graph(page, artifacts):
    out = page.out
    _open(page, "Daesh")
    assert "CORRECT" in page.locator("#panel-body").inner_text().upper()
    kind = _copied(page, "Is an Organization")
    assert f"--graph {out}" in kind and "https://w3id.org/graphbuild/id/entity/" in kind
    page.screenshot(path=str(artifacts / "viewer-corrections.png"))
    _open(page, "Iran")
    _open(page, "Islamic Republic")
    merge = _copied(page, "Same as Iran (opened before)")
    _run(kind)
    _run(merge)
    entities = {e.id: e for e in read_model(out / "graph.trig").entities}
    assert entities["place/daesh"].kind == "Organization"
    assert "place/iran" not in entities  # merged into the node opened last
    assert {"Iran", "Islamic Republic"} <= {m.text for m in entities["place/islamic republic"].mentions}
