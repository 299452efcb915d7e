"""`sanctrace serve`: the web workspace and HTTP API over the store, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from sanctrace.cli.workspace_options import StoreOption


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    model: Annotated[
        str | None,
        typer.Option(help="Installed spaCy pipeline (default: $SANCTRACE_MODEL, else bundled)."),
    ] = None,
    max_body: Annotated[
        int, typer.Option(help="Refuse request bodies larger than this, in bytes.", min=1)
    ] = 2 * 1024 * 1024,
    store: StoreOption = None,
) -> None:
    """Serve the workspace in a browser (pages) and to programs (JSON API, /docs, /match)."""
    import uvicorn

    from sanctrace.cli.common import fail
    from sanctrace.errors import SanctraceError
    from sanctrace.pipeline import Analyzer
    from sanctrace.web import create_app

    try:
        app = create_app(store, lambda: Analyzer(model=model), max_body, preload=True)
    except SanctraceError as error:
        fail(str(error))
    typer.echo(f"Serving the workspace at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops.")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except (OSError, SystemExit) as error:
        fail(f"Cannot serve on {host}:{port} ({error}): choose another --port or --host.")


def register(app: typer.Typer) -> None:
    app.command()(serve)
