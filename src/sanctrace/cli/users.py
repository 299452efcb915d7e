"""`sanctrace users`: who may use the web workspace, with which role, and their API tokens."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from sanctrace.cli.workspace_options import StoreOption

#: Where `users add` reads the password when standard input is not a terminal.
PASSWORD_ENV = "SANCTRACE_PASSWORD"


def register(app: typer.Typer) -> None:
    users_app = typer.Typer(
        help="Users of the web workspace and their roles.", no_args_is_help=True
    )

    @users_app.command("add")
    def add(
        name: Annotated[str, typer.Argument(help="Login name.")],
        role: Annotated[str, typer.Option(help="reader, analyst or admin.")] = "reader",
        store: StoreOption = None,
    ) -> None:
        """Add a user (or change one's role and password); asks for the password."""
        from sanctrace.cli.workspace_options import opened
        from sanctrace.store.review import current_actor
        from sanctrace.store.users import add_user

        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            if sys.stdin.isatty():
                password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
            else:
                password = sys.stdin.readline().rstrip("\n")
        with opened(store) as workspace:
            user = add_user(workspace, name, role, password, current_actor())
        typer.echo(f"User {user.name} has the role {user.role}.")

    @users_app.command("list")
    def list_(store: StoreOption = None) -> None:
        """List the users and their roles."""
        from sanctrace.cli.workspace_options import opened
        from sanctrace.store.users import list_users

        with opened(store) as workspace:
            for row in list_users(workspace):
                typer.echo(f"{row['name']}\t{row['role']}\t{row['created_at']}")

    @users_app.command("remove")
    def remove(name: str, store: StoreOption = None) -> None:
        """Remove a user and every token of theirs."""
        from sanctrace.cli.workspace_options import opened
        from sanctrace.store.review import current_actor
        from sanctrace.store.users import remove_user

        with opened(store) as workspace:
            remove_user(workspace, name, current_actor())
        typer.echo(f"User {name} removed.")

    @users_app.command("token")
    def token(
        name: str,
        label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
        store: StoreOption = None,
    ) -> None:
        """Make an API token for a user's programs; it is printed once, never stored."""
        from sanctrace.cli.workspace_options import opened
        from sanctrace.store.users import new_token

        with opened(store) as workspace:
            secret, _ = new_token(workspace, name, "api", label)
        typer.echo(secret)

    app.add_typer(users_app, name="users")
