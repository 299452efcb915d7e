"""`sanctrace review`: analysts' decisions on findings, events and parties, with an audit trail."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from sanctrace.cli.workspace_options import FormatOption, StoreOption

Note = Annotated[str | None, typer.Option(help="Free text kept with the decision.")]
Actor = Annotated[
    str | None,
    typer.Option(help="Who decides (default: $SANCTRACE_USER, else the login name)."),
]


class Verdict(StrEnum):
    confirmed = "confirmed"
    dismissed = "dismissed"


class PartyVerdict(StrEnum):
    same = "same"
    different = "different"


def register(app: typer.Typer) -> None:
    review_app = typer.Typer(
        help="Record analysts' decisions; every one is an audit row.", no_args_is_help=True
    )

    @review_app.command()
    def finding(
        key: Annotated[str, typer.Argument(help="Finding key from `sanctrace findings`.")],
        status: Annotated[Verdict, typer.Argument(help="confirmed or dismissed.")],
        reason: Annotated[
            str | None, typer.Option(help="Why (required to dismiss), e.g. 'legal trade'.")
        ] = None,
        note: Note = None,
        actor: Actor = None,
        store: StoreOption = None,
    ) -> None:
        """Mark a finding confirmed or dismissed."""
        from sanctrace.cli.workspace_options import opened
        from sanctrace.store.review import review_finding

        with opened(store) as workspace:
            review_finding(workspace, key, status.value, reason, note, actor)  # type: ignore[arg-type]
        typer.echo(f"Finding {key} marked {status.value}.")

    @review_app.command()
    def duplicate(
        event: Annotated[str, typer.Argument(help="Event id that repeats another.")],
        of: Annotated[str, typer.Option("--of", help="The event it duplicates.")],
        note: Note = None,
        actor: Actor = None,
        store: StoreOption = None,
    ) -> None:
        """Mark an event as a duplicate of another: they become one event."""
        from sanctrace.cli.workspace_options import opened
        from sanctrace.store.review import mark_duplicate

        with opened(store) as workspace:
            total = mark_duplicate(workspace, event, of, note, actor)
        typer.echo(f"Event {event} marked a duplicate of {of}; {total} events in the store.")

    @review_app.command()
    def parties(
        party: Annotated[str, typer.Argument(help="Stored party id (document key/party id).")],
        other: Annotated[str, typer.Argument(help="The other stored party id.")],
        decision: Annotated[
            PartyVerdict, typer.Argument(help="same (merge them) or different (split them).")
        ],
        note: Note = None,
        actor: Actor = None,
        store: StoreOption = None,
    ) -> None:
        """Merge two parties that were missed, or split a wrong merge."""
        from sanctrace.cli.workspace_options import opened
        from sanctrace.store.review import decide_parties

        with opened(store) as workspace:
            total = decide_parties(workspace, party, other, decision.value, note, actor)  # type: ignore[arg-type]
        typer.echo(f"Parties recorded as {decision.value}; {total} events in the store.")

    @review_app.command()
    def audit(
        target: Annotated[
            str | None, typer.Argument(help="Only rows about this finding, event or party.")
        ] = None,
        output_format: FormatOption = None,
        store: StoreOption = None,
    ) -> None:
        """Show the audit trail: who changed what, when, before and after."""
        from sanctrace.cli.workspace_options import (
            ListFormat,
            chosen,
            opened,
            write_json,
            write_rows,
        )
        from sanctrace.store.review import audit_trail

        with opened(store) as workspace:
            rows = audit_trail(workspace, target)
        if chosen(output_format) is ListFormat.csv:
            write_rows(rows, ("id", "at", "actor", "action", "target", "before", "after"))
        elif chosen(output_format) is ListFormat.json:
            write_json(rows)
        else:
            for row in rows:
                typer.echo(
                    f"{row['at']} {row['actor']} {row['action']} {row['target']}: "
                    f"{row['before']} -> {row['after']}"
                )

    app.add_typer(review_app, name="review")
