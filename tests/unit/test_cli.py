"""Every command has help; bad options name the flag that fixes them."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app

runner = CliRunner()


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_top_level_help_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in _commands():
        assert name in result.output


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    assert len(result.output.strip().splitlines()) > 3


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("graphbuild ")


@pytest.mark.parametrize(
    "args, flag",
    [
        (["build", "--formats", "ttl,pdf"], "--formats"),
        (["build", "--published", "7 Jan 2020"], "--published"),
        (["build", "--on-error", "ignore"], "--on-error"),
        (["build", "--engine", "spark"], "--engine"),
        (["build", "--scheduler", "tcp://127.0.0.1:1"], "--engine dask"),
    ],
)
def test_bad_options_name_the_flag(args, flag, tmp_path):
    result = runner.invoke(app, args + ["-o", str(tmp_path)])
    assert result.exit_code == 2
    assert flag in result.output
    assert not any(tmp_path.iterdir()), "a rejected command wrote output"
