"""What the workspace commands share: the --store option, opening the store, output formats."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sanctrace.cli.common import fail

# Re-exported: the workspace commands take their --store from here.
from sanctrace.cli.options import StoreOption as StoreOption

if TYPE_CHECKING:
    from sanctrace.store.workspace import Workspace


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[
    ListFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table, json or csv. Default: table on a terminal, json otherwise.",
        case_sensitive=False,
    ),
]


@contextmanager
def opened(store: str | None) -> Iterator[Workspace]:
    """The workspace at `store`; any `SanctraceError` inside becomes one red sentence."""
    from sanctrace.errors import SanctraceError
    from sanctrace.store.workspace import Workspace

    try:
        with Workspace(store) as workspace:
            yield workspace
    except SanctraceError as error:
        fail(str(error))


def chosen(output_format: ListFormat | None) -> ListFormat:
    return output_format or (ListFormat.table if sys.stdout.isatty() else ListFormat.json)


def write_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """CSV of `columns` on stdout; lists become ";"-joined cells."""
    from sanctrace.store.export import csv_text

    sys.stdout.write(csv_text(rows, columns))


def write_json(data: Any) -> None:
    """JSON on stdout; a list gets one item a line.

    Without `indent` the json module uses its C encoder, several times faster
    on the 10,000-row lists `findings` prints.
    """
    if isinstance(data, list):
        rows = (json.dumps(row, ensure_ascii=False, sort_keys=True) for row in data)
        sys.stdout.write("[\n" + ",\n".join(rows) + "\n]\n" if data else "[]\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
