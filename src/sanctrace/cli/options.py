"""Options several commands take, each declared once so their help reads the same."""

from __future__ import annotations

from typing import Annotated

import typer

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        help="SQLAlchemy URL of the store (default: $SANCTRACE_STORE, else an SQLite "
        "file in ~/.local/share/sanctrace).",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none."),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        help="Installed spaCy pipeline (default: $SANCTRACE_MODEL, else the bundled model)."
    ),
]
MaxBytesOption = Annotated[
    int | None,
    typer.Option(
        help="Refuse larger input files and .jsonl lines, in bytes "
        "(default: $SANCTRACE_MAX_BYTES, else 20 MiB)."
    ),
]
ScreenOption = Annotated[
    bool, typer.Option(help="Screen parties against the lists loaded in the store.")
]
PrefilterOption = Annotated[
    bool,
    typer.Option(help="Parse only sentences holding a trigger and goods (--no-prefilter: all)."),
]
