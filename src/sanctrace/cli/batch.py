"""`sanctrace batch`: analyse a corpus in parallel into partitioned JSON lines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sanctrace.cli.common import fail, stderr_console, warn
from sanctrace.cli.options import (
    MaxBytesOption,
    ModelOption,
    PrefilterOption,
    PublishedOption,
    ScreenOption,
    StoreOption,
)


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .htm, .jsonl, .jsonl.gz) and directories.",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option(help="Output folder; rerun the same command to resume.")],
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: all cores).", min=1)
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Run on the Dask cluster of this scheduler, tcp://HOST:PORT."),
    ] = None,
    partition_size: Annotated[
        int, typer.Option(help="Documents per partition (the unit of output and resuming).", min=1)
    ] = 32,
    published: PublishedOption = None,
    model: ModelOption = None,
    max_bytes: MaxBytesOption = None,
    store: StoreOption = None,
    screen: ScreenOption = True,
    prefilter: PrefilterOption = True,
) -> None:
    """Analyse many documents in parallel into OUT/part-*.jsonl (contract documents)."""
    from sanctrace.batch import Settings
    from sanctrace.batch.estimate import count_documents
    from sanctrace.batch.job import run_job
    from sanctrace.batch.progress import progress_bar
    from sanctrace.documents import parse_published, resolve_max_bytes
    from sanctrace.errors import SanctraceError
    from sanctrace.store import default_store_url

    console = stderr_console()
    try:
        # Bad settings stop the run here, before any worker starts.
        date = parse_published(published) if published is not None else None
        limit = resolve_max_bytes(max_bytes)
        settings = Settings(model, prefilter, (store or default_store_url()) if screen else None)
        with progress_bar(console, count_documents(inputs)) as bar:
            summary, sink = run_job(
                inputs, out, settings, workers, scheduler, date, limit, partition_size, bar
            )
    except SanctraceError as error:
        fail(str(error))
    errors = sink.errors()
    for problem in errors:
        warn(problem.error)  # the sentence names its input, escaped: paths may hold "[/x]"
    console.print(
        f"{summary.documents} documents analysed in {summary.partitions} partitions"
        f" ({summary.skipped} already done), {len(errors)} input errors; output in {out}.",
        highlight=False,
    )
    if summary.documents == 0 and not any(sink.done().values()):
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command()(batch)
