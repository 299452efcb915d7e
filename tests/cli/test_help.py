"""`--help` on the program and on every command: exit 0 and say what it does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

COMMANDS = ["", "analyze", "batch", "eval", "lists", "lists import", "lists remove", "screen"]
COMMANDS += ["ingest", "reanalyze", "findings", "events", "export", "store", "store upgrade"]
COMMANDS += ["store status", "review", "review finding", "review duplicate", "review parties"]
COMMANDS += [
    "review audit",
    "serve",
    "users",
    "users add",
    "users list",
    "users remove",
    "users token",
]


@pytest.fixture(scope="module")
def root() -> TyperGroup:
    from sanctrace.cli import _register, app

    if not app.registered_commands:
        _register()
    command = typer.main.get_command(app)
    assert isinstance(command, TyperGroup)
    return command


def _walk(group: Any, prefix: str = "") -> dict[str, Any]:
    """Every command below `group` by its path ("lists import"), the group itself as prefix."""
    found: dict[str, Any] = {prefix: group}
    for name, command in group.commands.items():
        path = f"{prefix} {name}".strip()
        if isinstance(command, TyperGroup):
            found.update(_walk(command, path))
        else:
            found[path] = command
    return found


def test_help_covers_every_command(root: TyperGroup) -> None:
    assert sorted(_walk(root)) == sorted(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS)
def test_help_describes_each_command(root: TyperGroup, path: str) -> None:
    from sanctrace.cli import app

    command = _walk(root)[path]
    result = CliRunner().invoke(app, [*path.split(), "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert f"Usage: sanctrace {path}".strip() in text
    summary = (command.help or "").strip().splitlines()[0]
    assert len(summary.split()) >= 5, f"'sanctrace {path}' has no real description"
    assert summary in text
    for parameter in command.params:
        for option in parameter.opts if parameter.param_type_name == "option" else ():
            assert option in text, f"{option} missing from 'sanctrace {path} --help'"


def test_help_of_installed_script_lists_commands(run_sanctrace: Callable[..., Any]) -> None:
    result = run_sanctrace(["--help"])
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in ("analyze", "eval", "lists", "screen"):
        assert name in result.stdout
