"""`sanctrace store`: the store's schema (upgrade, status)."""

from __future__ import annotations

import typer

from sanctrace.cli.workspace_options import StoreOption


def register(app: typer.Typer) -> None:
    store_app = typer.Typer(
        help="Create, upgrade and inspect the schema of the store.", no_args_is_help=True
    )

    @store_app.command()
    def upgrade(store: StoreOption = None) -> None:
        """Create or upgrade the store's tables to this sanctrace's schema."""
        from sanctrace.cli.workspace_options import opened

        with opened(store) as workspace:
            before = workspace.schema_before
            if before.up_to_date:
                typer.echo(f"The store {workspace.shown_url} is up to date (schema {before.head}).")
            else:
                was = before.current or "none"
                typer.echo(
                    f"Upgraded the store {workspace.shown_url} from schema {was} to {before.head}."
                )

    @store_app.command()
    def status(store: StoreOption = None) -> None:
        """Show the schema revision and what the workspace holds."""
        from sanctrace.cli.workspace_options import opened
        from sanctrace.store.summary import counts

        with opened(store) as workspace:
            typer.echo(f"store: {workspace.shown_url}")
            typer.echo(f"schema: {workspace.schema_before.head}")
            for name, number in counts(workspace).items():
                typer.echo(f"{name}: {number}")

    app.add_typer(store_app, name="store")
