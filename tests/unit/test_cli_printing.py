"""User strings reach the terminal literally: no rich markup, no emoji codes, no raw
control characters (an escape sequence in a file name must not drive the terminal)."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app, printable

runner = CliRunner()


@pytest.mark.parametrize("text, shown", [
    ("plain [/x] :smile: Müller", "plain [/x] :smile: Müller"),
    ("a\x1b[31mred\x07", "a\\x1b[31mred\\x07"),
    ("tab\tnew\nline\r", "tab\\x09new\\x0aline\\x0d"),
    ("c1\x9b2J", "c1\\x9b2J"),
    ("bidi\u202egnp.txt", "bidi\\u202egnp.txt"),
    ("sur\udcff", "sur\\udcff"),
    ("\U000e0001tag", "\\U000e0001tag"),
])
def test_printable_escapes_controls(text, shown):
    assert printable(text) == shown


def test_printable_keeps_what_it_is_told():
    assert printable("a\nb\x1b", keep="\n") == "a\nb\\x1b"


@pytest.mark.parametrize("value", ["[/x]", "[bold]x[/bold]", ":smile:", "\x1b[2J", "[link=file:///etc]x"])
def test_option_values_are_printed_literally(tmp_path, value):
    result = runner.invoke(app, ["build", "--published", value, "-o", str(tmp_path / "o")])
    assert result.exit_code == 2, result.output
    assert f"--published {printable(repr(value))} is not a date" in result.output
    assert "\x1b" not in result.output


def test_a_missing_input_with_markup_in_its_name(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "[/x]" / "a.txt"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "[/x]" in result.output and "no such file" in result.output
    assert not (tmp_path / "o").exists()
