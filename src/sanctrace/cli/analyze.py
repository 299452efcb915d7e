"""`sanctrace analyze`: the main job, as a thin command over `pipeline.Analyzer`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sanctrace.cli.common import data_console, fail, output_guard, warn
from sanctrace.cli.options import (
    MaxBytesOption,
    ModelOption,
    PrefilterOption,
    PublishedOption,
    ScreenOption,
    StoreOption,
)

if TYPE_CHECKING:
    from sanctrace.model import Analysis
    from sanctrace.screening import Screener


class OutputFormat(StrEnum):
    json = "json"
    table = "table"
    ftm = "ftm"


def analyze(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .htm, .jsonl), directories, or - for standard input.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="json (the analysis contract), table, or ftm (followthemoney JSON lines). "
            "Default: table on a terminal, json otherwise.",
            case_sensitive=False,
        ),
    ] = None,
    html: Annotated[
        Path | None, typer.Option(help="Also write a self-contained HTML report to this file.")
    ] = None,
    published: PublishedOption = None,
    model: ModelOption = None,
    max_bytes: MaxBytesOption = None,
    store: StoreOption = None,
    screen: ScreenOption = True,
    prefilter: PrefilterOption = True,
) -> None:
    """Find transfers, potential sanctions breaches and their evidence in news text."""
    from sanctrace.documents import load_inputs, resolve_max_bytes
    from sanctrace.errors import SanctraceError

    try:
        # A bad --published becomes one entry in `errors` (from load_inputs); the
        # inputs are still analysed, undated.
        limit = resolve_max_bytes(max_bytes)
        from sanctrace.pipeline import Analyzer

        screener = _screener(store) if screen else None
        analyzer = Analyzer(model=model, screener=screener, prefilter=prefilter)
        analysis = analyzer.analyze(load_inputs(inputs, published=published, max_bytes=limit))
    except SanctraceError as error:
        fail(str(error))

    for error in analysis.errors:
        warn(error.error)  # the sentence names its input already
    chosen = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.json)
    with output_guard():
        _write(analysis, chosen)
    if html is not None:
        from sanctrace.export.html import render_report

        try:
            html.write_text(render_report(analysis), encoding="utf-8")
        except OSError as exc:
            fail(
                f"Cannot write the HTML report to {html} ({exc.strerror}); choose a writable path."
            )
    if not analysis.documents:
        raise typer.Exit(code=1)


def _screener(store_url: str | None) -> Screener | None:
    """A screener over the store's lists, or None when no list is loaded."""
    from sanctrace.store import Store

    store = Store(store_url)
    if not store.datasets():
        # Nothing to screen against: skip the matcher's costly imports.
        store.close()
        return None
    from sanctrace.screening import Screener

    screener = Screener.from_store(store)
    if screener is not None and screener.notice is not None:
        warn(screener.notice)
    return screener


def _write(analysis: Analysis, output_format: OutputFormat) -> None:
    if output_format is OutputFormat.json:
        from sanctrace.export.contract import dumps_contract

        sys.stdout.write(dumps_contract(analysis))
    elif output_format is OutputFormat.ftm:
        from sanctrace.export.ftm import dumps_ftm

        sys.stdout.write(dumps_ftm(analysis))
    else:
        from sanctrace.export.table import render_table

        render_table(analysis, data_console())


def register(app: typer.Typer) -> None:
    app.command()(analyze)
