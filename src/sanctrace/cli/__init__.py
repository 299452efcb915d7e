"""The `sanctrace` command line: thin commands over the core functions.

Heavy modules (spaCy, followthemoney, SQLAlchemy) are imported inside the
commands so that `sanctrace --help` stays instant.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="sanctrace",
    help="Find transfers of goods and money in news text and the sanctions they may breach.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from sanctrace.cli import (
        analyze,
        batch,
        evaluate,
        export_store,
        findings,
        ingest,
        lists,
        review,
        screen,
        serve,
        store,
        users,
    )

    for command in (
        analyze,
        batch,
        evaluate,
        lists,
        screen,
        ingest,
        findings,
        review,
        export_store,
        store,
        users,
        serve,
    ):
        command.register(app)


def main() -> None:
    from sanctrace.cli.common import output_guard

    _register()
    # Commands that print without a guard of their own still end in one sentence
    # when standard output is a full disk, at the latest at the final flush.
    with output_guard():
        app()
