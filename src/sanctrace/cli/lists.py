"""`sanctrace lists`: load, show and remove the sanctions lists screening uses.

The commands parse their arguments, call the store and the list loaders, and
turn a `SanctraceError` into one red sentence on stderr with exit code 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sanctrace.cli.common import data_console, output_guard
from sanctrace.cli.options import StoreOption
from sanctrace.errors import SanctraceError

if TYPE_CHECKING:
    from rich.console import Console

    from sanctrace.store import Store

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="List files: the UN consolidated XML, OFAC's sdn.csv (or its folder, "
        "with add.csv, alt.csv and sdn_comments.csv), or followthemoney entity files.",
        show_default=False,
    ),
]
DatasetOption = Annotated[
    str | None,
    typer.Option(
        "--dataset",
        help="Dataset id to store the list under (replaces the list with that id).",
        show_default=False,
    ),
]


ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Replace the stored list even from a file that looks cut short, is much "
        "smaller, or is of another kind.",
    ),
]


def register(app: typer.Typer) -> None:
    """Add the `lists` command group to `app`."""
    lists_app = typer.Typer(
        help="Load, show and remove the sanctions lists that screening uses.",
        no_args_is_help=False,
    )

    @lists_app.callback(invoke_without_command=True)
    def show(ctx: typer.Context, store: StoreOption = None) -> None:
        """Show the loaded lists: id, title, entries, source date, import time."""
        if ctx.invoked_subcommand is not None:
            # `lists --store URL import ...` means that store, not the default one.
            ctx.obj = store
            return
        from rich.table import Table

        with _failing_cleanly(), _open_store(store) as opened:
            loaded = opened.datasets()
        console = _console()
        if not loaded:
            with output_guard():
                console.print("No lists are loaded; add one with `sanctrace lists import PATH`.")
            return
        table = Table()
        table.add_column("id", no_wrap=True)
        table.add_column("title")
        table.add_column("entries", justify="right", no_wrap=True)
        table.add_column("source date", no_wrap=True)
        table.add_column("imported", no_wrap=True)
        for info in loaded:
            imported = info.imported_at.replace("T", " ").removesuffix("Z")[:16]
            cells = (
                info.id,
                info.title,
                f"{info.entity_count:,}",
                info.source_date or "",
                imported,
            )
            table.add_row(*cells)  # the console prints markup as written
        with output_guard():
            console.print(table)

    @lists_app.command("import")
    def import_(
        ctx: typer.Context,
        paths: PathsArgument,
        dataset: DatasetOption = None,
        store: StoreOption = None,
        force: ForceOption = False,
    ) -> None:
        """Import list files, each replacing the stored list with the same id.

        A file that looks incomplete (an OFAC file without its end-of-file
        mark, a UN list without its closing sections), that would remove more
        than a fifth of the stored list's entries, or that is of another kind
        than the stored list's file is refused unless --force.
        """
        if dataset is not None and len(paths) > 1:
            _fail("--dataset names one list; import the files one at a time.")
        failed = False
        with output_guard(), _failing_cleanly(), _open_store(store or ctx.obj) as opened:
            for path in paths:
                failed |= not _import_one(opened, path, dataset, force)
        if failed:
            raise typer.Exit(1)

    @lists_app.command("remove")
    def remove(
        ctx: typer.Context,
        dataset_id: Annotated[str, typer.Argument(help="Id of the list to remove.")],
        store: StoreOption = None,
    ) -> None:
        """Remove a loaded list and all its entries from the store."""
        with _failing_cleanly(), _open_store(store or ctx.obj) as opened:
            opened.remove_dataset(dataset_id)
        with output_guard():
            _console().print(f"Removed the list '{dataset_id}'.", markup=False)

    app.add_typer(lists_app, name="lists")


def _import_one(store: Store, path: Path, dataset: str | None, force: bool) -> bool:
    """Import one file with a progress display; report an error and return False on failure."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sanctrace.screening.loaders import read_list

    columns = (SpinnerColumn(), TextColumn("{task.description}", markup=False), TimeElapsedColumn())
    try:
        with Progress(*columns, console=_console(stderr=True), transient=True) as progress:
            task = progress.add_task(f"{path}: 0 entries", total=None)

            def advance(count: int) -> None:
                progress.update(task, description=f"{path}: {count:,} entries")

            info = store.import_list(read_list(path, dataset, force), advance, force)
    except SanctraceError as error:
        _say_error(str(error))
        return False
    _console().print(
        f"Imported {info.entity_count:,} entries into '{info.id}' from {path}.", markup=False
    )
    return True


def _open_store(url: str | None) -> Store:
    from sanctrace.store import Store

    return Store(url)


@contextmanager
def _failing_cleanly() -> Iterator[None]:
    """Turn a `SanctraceError` raised in the block into a red sentence and exit code 1."""
    try:
        yield
    except SanctraceError as error:
        _fail(str(error))


def _fail(sentence: str) -> None:
    _say_error(sentence)
    raise typer.Exit(1)


def _say_error(sentence: str) -> None:
    # Plain text, not markup: list names and programmes contain brackets.
    _console(stderr=True).print(sentence, style="red", markup=False, highlight=False)


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    if not stderr:
        return data_console(soft_wrap=True)  # paths and titles as written
    return Console(stderr=True, soft_wrap=True, markup=False)
