"""`sanctrace eval`: score the analyser on gold files, as a thin command over `evaluation`."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from sanctrace.cli.common import fail, output_guard, warn

if TYPE_CHECKING:
    from sanctrace.evaluation.run import Evaluation

PIPED_WIDTH = 120


def evaluate_cli(
    gold_files: Annotated[
        list[str],
        typer.Argument(
            help="Gold .jsonl files (or directories of them), as described in ANALYSIS.md.",
            show_default=False,
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores as one JSON object.")
    ] = False,
    model: Annotated[
        str | None,
        typer.Option(help="Installed spaCy pipeline to analyse with (default: the analyser's)."),
    ] = None,
    details: Annotated[
        bool,
        typer.Option(help="List misses, false positives, false findings and wrong attributes."),
    ] = False,
) -> None:
    """Analyse the documents of gold files and report precision, recall and accuracy."""
    from sanctrace.errors import SanctraceError
    from sanctrace.evaluation import evaluate

    try:
        evaluation = evaluate(gold_files, model=model)
    except SanctraceError as error:
        fail(str(error))

    for error in evaluation.errors:  # each sentence already names its file and line
        warn(error.error)
    if not evaluation.report.documents:
        fail("No gold document could be read; fix the errors above and run again.")
    with output_guard():
        _write(evaluation, as_json, details)


def _write(evaluation: Evaluation, as_json: bool, details: bool) -> None:
    if as_json:
        text = json.dumps(evaluation.to_dict(), sort_keys=True, ensure_ascii=False, indent=2)
        sys.stdout.write(text + "\n")
        return
    from rich.console import Console

    from sanctrace.evaluation.render import render_report

    # Piped output gets room for every column instead of Rich's 80-column default.
    console = Console() if sys.stdout.isatty() else Console(width=PIPED_WIDTH)
    render_report(evaluation.report, console, details=details)


def register(app: typer.Typer) -> None:
    app.command(name="eval")(evaluate_cli)
