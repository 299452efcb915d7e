"""`sanctrace findings` and `sanctrace events`: what the store holds, filtered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from sanctrace.cli.workspace_options import FormatOption, ListFormat, StoreOption

if TYPE_CHECKING:
    from sanctrace.store.queries import Filters

Regime = Annotated[str | None, typer.Option(help="Regime id, e.g. un-dprk.")]
Instrument = Annotated[str | None, typer.Option(help="Words of the instrument, e.g. 1718.")]
Country = Annotated[
    str | None, typer.Option(help="ISO code of the giver, recipient, origin or destination.")
]
PartyName = Annotated[str | None, typer.Option(help="Words of the giver's or recipient's name.")]
Tag = Annotated[str | None, typer.Option(help="Goods tag, e.g. ammunition.")]
DateFrom = Annotated[str | None, typer.Option("--from", help="On or after YYYY[-MM[-DD]].")]
DateTo = Annotated[str | None, typer.Option("--to", help="On or before YYYY[-MM[-DD]].")]
Certainty = Annotated[str | None, typer.Option(help="confirmed, reported, suspected, ...")]
Text = Annotated[str | None, typer.Option("--text", help="Words of the evidence sentence.")]
Limit = Annotated[int | None, typer.Option(help="At most this many rows.")]

FINDING_COLUMNS = (
    "key", "review", "regime", "instrument", "provision", "confidence", "giver_name",
    "recipient_name", "date_value", "certainty", "tags", "event", "document", "evidence_text",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "certainty", "confidence", "disputed", "outlets", "giver_name", "recipient_name",
    "tags", "date_start", "date_end", "report_count",
)  # fmt: skip


def findings(
    regime: Regime = None,
    instrument: Instrument = None,
    country: Country = None,
    party: PartyName = None,
    tag: Tag = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    certainty: Certainty = None,
    review: Annotated[
        str | None,
        typer.Option(help="unreviewed, confirmed, dismissed, or missing (lost on re-analysis)."),
    ] = None,
    text: Text = None,
    limit: Limit = None,
    output_format: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """List the stored potential breaches with their legal basis, evidence and review."""
    from sanctrace.cli.common import fail
    from sanctrace.store.queries import REVIEW_STATES, Filters
    from sanctrace.store.queries import findings as query

    if review is not None and review not in REVIEW_STATES:
        fail(f"The review state {review!r} is not known: use one of {', '.join(REVIEW_STATES)}.")
    filters = Filters(
        regime=regime,
        instrument=instrument,
        country=country,
        party=party,
        tag=tag,
        date_from=date_from,
        date_to=date_to,
        certainty=certainty,
        review=review,
        text=text,
        limit=limit,
    )
    rows = _run(query, store, filters)
    _show(rows, output_format, FINDING_COLUMNS, "findings")


def events(
    regime: Regime = None,
    instrument: Instrument = None,
    country: Country = None,
    party: PartyName = None,
    tag: Tag = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    certainty: Certainty = None,
    text: Text = None,
    limit: Limit = None,
    output_format: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """List events, each with every report of it: source, evidence, certainty, who said it."""
    from sanctrace.store.queries import Filters
    from sanctrace.store.queries import events as query

    filters = Filters(
        regime=regime,
        instrument=instrument,
        country=country,
        party=party,
        tag=tag,
        date_from=date_from,
        date_to=date_to,
        certainty=certainty,
        text=text,
        limit=limit,
    )
    rows = _run(query, store, filters)
    for row in rows:
        row["report_count"] = len(row["reports"])
    _show(rows, output_format, EVENT_COLUMNS, "events")


def _run(query: Any, store: str | None, filters: Filters) -> list[dict[str, Any]]:
    from sanctrace.cli.workspace_options import opened

    with opened(store) as workspace:
        return list(query(workspace, filters))


def _show(
    rows: list[dict[str, Any]],
    output_format: ListFormat | None,
    columns: tuple[str, ...],
    what: str,
) -> None:
    from sanctrace.cli.workspace_options import chosen, write_json, write_rows

    shown = chosen(output_format)
    if shown is ListFormat.json:
        write_json(rows)
    elif shown is ListFormat.csv:
        write_rows(rows, columns)
    elif what == "events":
        from sanctrace.cli.tables import events_table

        events_table(rows)
    else:
        from sanctrace.cli.tables import findings_table

        findings_table(rows)


def register(app: typer.Typer) -> None:
    app.command()(findings)
    app.command()(events)
