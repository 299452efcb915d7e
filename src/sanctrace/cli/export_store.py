"""`sanctrace export`: the store's events, parties and documents for other tools."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from sanctrace.cli.workspace_options import StoreOption


class ExportFormat(StrEnum):
    ftm = "ftm"
    json = "json"
    csv = "csv"


def export(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="ftm (followthemoney JSON lines, for Aleph and `ftm` tools), json, or csv "
            "(one row per event).",
            case_sensitive=False,
        ),
    ] = ExportFormat.ftm,
    store: StoreOption = None,
) -> None:
    """Write the store's events, parties and documents on standard output."""
    from sanctrace.cli.workspace_options import opened, write_json, write_rows
    from sanctrace.store import export as core

    with opened(store) as workspace:
        if output_format is ExportFormat.ftm:
            import json

            for entity in core.ftm_entities(workspace):
                sys.stdout.write(json.dumps(entity.to_dict(), sort_keys=True) + "\n")
        elif output_format is ExportFormat.json:
            write_json(core.everything(workspace))
        else:
            write_rows(core.event_rows(workspace), core.EVENT_CSV_COLUMNS)


def register(app: typer.Typer) -> None:
    app.command()(export)
