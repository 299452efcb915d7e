"""`sanctrace ingest` and `sanctrace reanalyze`: analyse documents into the workspace store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from sanctrace.cli.common import fail, stderr_console
from sanctrace.cli.options import (
    MaxBytesOption,
    ModelOption,
    PublishedOption,
    ScreenOption,
    StoreOption,
)

if TYPE_CHECKING:
    from rich.progress import Task
    from rich.text import Text

    from sanctrace.pipeline import Analyzer
    from sanctrace.store.ingest import Progress

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .htm, .jsonl), directories, or - for standard input.",
        show_default=False,
    ),
]


def ingest(
    inputs: InputsArgument,
    published: PublishedOption = None,
    model: ModelOption = None,
    max_bytes: MaxBytesOption = None,
    store: StoreOption = None,
    screen: ScreenOption = True,
) -> None:
    """Analyse documents and keep them, once each, with their analysis in the store."""
    from sanctrace.documents import load_inputs, resolve_max_bytes
    from sanctrace.errors import SanctraceError
    from sanctrace.store.ingest import ingest as run
    from sanctrace.store.workspace import Workspace

    counts: Counter[str] = Counter()
    try:
        limit = resolve_max_bytes(max_bytes)
        with Workspace(store) as workspace:
            analyzer = _analyzer(model, workspace.url if screen else None)
            with _progress(_estimate(inputs), counts) as progress:
                summary = run(
                    workspace,
                    analyzer,
                    load_inputs(inputs, published=published, max_bytes=limit),
                    progress,
                )
    except SanctraceError as error:
        fail(f"{error} {_so_far(counts)}")
    typer.echo(
        f"{summary.new} new, {summary.stored} already stored, {summary.failed} failed; "
        f"{summary.events} events in the store."
    )
    if summary.new == 0 and summary.stored == 0:
        raise typer.Exit(code=1)


def reanalyze(
    model: ModelOption = None,
    store: StoreOption = None,
    screen: ScreenOption = True,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Re-analyse every document, not only those of older versions."),
    ] = False,
) -> None:
    """Re-analyse stored documents with this analyser and knowledge; reviews are kept."""
    from sanctrace.errors import SanctraceError
    from sanctrace.store.ingest import reanalyse
    from sanctrace.store.summary import counts as store_counts
    from sanctrace.store.workspace import Workspace

    counts: Counter[str] = Counter()
    try:
        with Workspace(store) as workspace:
            analyzer = _analyzer(model, workspace.url if screen else None)
            total = store_counts(workspace)["documents"]
            with _progress(total, counts) as progress:
                summary = reanalyse(workspace, analyzer, everything, progress)
    except SanctraceError as error:
        fail(f"{error} {_so_far(counts)}")
    typer.echo(
        f"{summary.reanalysed} re-analysed; {summary.flagged} reviewed findings no longer "
        f"produced (flagged, see `sanctrace findings --review missing`); "
        f"{summary.events} events in the store."
    )


def _analyzer(model: str | None, lists_url: str | None) -> Analyzer:
    from sanctrace.pipeline import Analyzer

    screener = None
    if lists_url is not None:
        from sanctrace.store import Store

        lists = Store(lists_url)
        if lists.datasets():
            from sanctrace.screening import Screener

            screener = Screener.from_store(lists)
        lists.close()
    return Analyzer(model=model, screener=screener)


def _so_far(counts: Counter[str]) -> str:
    done = counts["new"] + counts["reanalysed"]
    return f"{done} documents were stored before this; run the command again to do the rest."


def _estimate(inputs: list[str]) -> int | None:
    """How many documents the inputs hold (a .jsonl file: its lines), for the ETA."""
    from sanctrace.documents.discovery import expand

    total = 0
    for path in inputs:
        if path == "-":
            total += 1
            continue
        for found in expand(path):
            if isinstance(found, str) and found.endswith(".jsonl"):
                try:
                    with open(found, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total or None


@contextmanager
def _progress(total: int | None, counts: Counter[str]) -> Iterator[Progress]:
    """A Rich progress bar on a terminal (documents, documents/s, ETA); failures in red."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    console = stderr_console()

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            from rich.text import Text

            return Text(f"{task.speed or 0:.1f} docs/s")

    def show_error(outcome: str, name: str, error: str | None) -> None:
        counts[outcome] += 1
        if error:
            console.print(f"[red]{error}[/red]", highlight=False)

    if not console.is_terminal:
        yield show_error
        return
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), Rate())
    with Bar(*columns, TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task("documents", total=total)

        def step(outcome: str, name: str, error: str | None) -> None:
            show_error(outcome, name, error)
            bar.advance(task)

        yield step


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(reanalyze)
