"""A bare Typer application holding only the commands under test."""

from __future__ import annotations

from collections.abc import Callable

import typer


def command_app(register: Callable[[typer.Typer], None]) -> typer.Typer:
    """An application with one module's commands, registered as the real one does."""
    application = typer.Typer()

    @application.callback()
    def main() -> None:
        """Test application."""

    register(application)
    return application
