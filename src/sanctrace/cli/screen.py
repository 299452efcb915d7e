"""`sanctrace screen`: screen one name, or a CSV file of names, against the loaded lists.

The command parses its arguments, builds a `Screener` over the store's lists
and prints or writes the hits; any `SanctraceError` becomes one red sentence
on stderr with exit code 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sanctrace.cli.common import data_console, fail, output_guard, stderr_console, warn
from sanctrace.cli.options import StoreOption
from sanctrace.errors import SanctraceError

if TYPE_CHECKING:
    from sanctrace.model import ScreeningHit
    from sanctrace.screening import Screener
    from sanctrace.screening.bulk import NameRow, RowResult


class ScreenFormat(StrEnum):
    table = "table"
    json = "json"


def screen(
    name: Annotated[
        str | None,
        typer.Argument(help="The name to screen (omit it when using --file).", show_default=False),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="CSV of names to screen: columns name[,country,kind,birth_year], "
            "with or without a header row.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="With --file: write the hits here, as CSV or JSON by the extension "
            "(.csv or .json). Without it they are printed.",
            show_default=False,
        ),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(help="Country of the party: ISO code (kp) or name.", show_default=False),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            help="Kind of party: person, organization, state, vessel, aircraft or unknown.",
            show_default=False,
        ),
    ] = None,
    birth_year: Annotated[
        int | None,
        typer.Option(help="Birth year of a person.", show_default=False),
    ] = None,
    birth_date: Annotated[
        str | None,
        typer.Option(
            help="Birth date of a person: YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False
        ),
    ] = None,
    alias: Annotated[
        list[str] | None,
        typer.Option(help="Another name of the party (repeatable).", show_default=False),
    ] = None,
    imo: Annotated[
        str | None,
        typer.Option(help="IMO number of a vessel (seven digits).", show_default=False),
    ] = None,
    flag: Annotated[
        str | None,
        typer.Option(help="Flag of a vessel: ISO code or country name.", show_default=False),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            help="Report hits scoring at least this (0..1; default 0.7).", show_default=False
        ),
    ] = None,
    algorithm: Annotated[
        str,
        typer.Option(help="nomenklatura matching algorithm: logic-v2, logic-v1, name-based ..."),
    ] = "logic-v2",
    limit: Annotated[int, typer.Option(help="Most hits reported per name.", min=1)] = 5,
    store: StoreOption = None,
    output_format: Annotated[
        ScreenFormat,
        typer.Option(
            "--format", "-f", help="How to print hits: table or json.", case_sensitive=False
        ),
    ] = ScreenFormat.table,
) -> None:
    """Screen a name (or a CSV file of names) against the sanctions lists in the store."""
    from sanctrace.screening.matcher import check_threshold
    from sanctrace.screening.query import PartyQuery, check_query

    if (name is None) == (file is None):
        fail("Give either a NAME to screen or --file with a CSV of names, not both or neither.")
    if output is not None and file is None:
        fail("--output only applies to --file: a single name's hits are printed.")
    if birth_year is not None and birth_date is not None:
        fail("Give --birth-year or --birth-date, not both.")
    query = PartyQuery(
        name or "",
        kind=kind,
        country=country,
        birth_date=birth_date or (str(birth_year) if birth_year is not None else None),
        aliases=list(alias or []),
        imo=imo,
        flag=flag,
    )
    try:
        # Everything the user typed is checked before the lists are opened.
        if threshold is not None:
            check_threshold(threshold)
        rows = None
        if file is not None:
            from sanctrace.screening.bulk import read_names

            rows = read_names(file)
        else:
            check_query(query)
        with _open_screener(store, algorithm, threshold, many=rows is not None) as screener:
            if rows is not None:
                with output_guard():
                    _screen_file(screener, rows, output, limit, output_format)
                return
            hits = screener.screen_query(query, limit=limit)
    except SanctraceError as error:
        fail(str(error))  # fail() escapes markup
    # A full disk or a closed pipe on the output is one sentence, as for `analyze`.
    with output_guard():
        if output_format is ScreenFormat.json:
            hits_json = json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2)
            sys.stdout.write(hits_json + "\n")
        else:
            _print_hits(query.name, hits, screener.threshold)


@contextmanager
def _open_screener(
    store_url: str | None, algorithm: str, threshold: float | None, many: bool
) -> Iterator[Screener]:
    """A screener over the store's lists; the store stays open while it is used."""
    from sanctrace.screening import DEFAULT_THRESHOLD, Screener
    from sanctrace.store import Store

    with Store(store_url) as opened:
        screener = Screener.from_store(
            opened,
            algorithm=algorithm,
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            many=many,
        )
        if screener is None:
            raise SanctraceError(
                f"No sanctions list is loaded in the store {opened.shown_url}: "
                "load one with `sanctrace lists import PATH` first."
            )
        if screener.notice is not None:
            warn(screener.notice)
        yield screener


def _screen_file(
    screener: Screener,
    rows: list[NameRow],
    output: Path | None,
    limit: int,
    output_format: ScreenFormat,
) -> None:
    from rich.progress import Progress

    from sanctrace.screening.bulk import screen_rows, write_results

    with Progress(console=stderr_console(), transient=True) as progress:
        task = progress.add_task("Screening", total=len(rows))
        results = screen_rows(screener, rows, limit, lambda: progress.advance(task))
        if output is not None:
            count = write_results(results, output)
            stderr_console().print(
                f"Screened {count:,} names; hits written to {output}.", markup=False
            )
            return
        done = list(results)
    if output_format is ScreenFormat.json:
        from sanctrace.screening.bulk import result_record

        records = [result_record(result) for result in done]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_bulk(done)


def _print_hits(name: str, hits: list[ScreeningHit], threshold: float) -> None:
    from sanctrace.screening.report import hit_lines

    console = data_console()  # names and list data print as written
    if not hits:
        console.print(f"No listed entry scores {threshold:.2f} or more for {name!r}.", markup=False)
        return
    for line in hit_lines(name, hits, width=console.width):
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def _print_bulk(results: list[RowResult]) -> None:
    from rich.table import Table

    table = Table()
    for column in ("line", "name", "best hit", "score", "list", "hits"):
        table.add_column(column, overflow="fold")
    for result in results:
        best = result.hits[0] if result.hits else None
        table.add_row(
            str(result.row.line),
            result.row.name,
            best.name if best else (result.error or ""),
            f"{best.score:.2f}" if best else "",
            best.list if best else "",
            str(len(result.hits)),
        )
    data_console().print(table)


def register(app: typer.Typer) -> None:
    """Add the `screen` command to `app`."""
    app.command()(screen)
