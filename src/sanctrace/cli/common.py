"""What every command shares: one red sentence on stderr instead of a traceback."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console


def stderr_console() -> Console:
    # soft_wrap: one sentence stays on one line when stderr is not a terminal.
    return Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear sentence on stderr and exit with `code`."""
    stderr_console().print(f"[red]Error:[/red] {message}", highlight=False)
    raise typer.Exit(code=code)
