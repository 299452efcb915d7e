"""The application factory: one workspace store, loaded once, behind every route."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from sanctrace.web import api, errors, match, pages
from sanctrace.web.limits import BodyLimit
from sanctrace.web.state import DEFAULT_MAX_BODY, THREADS, WebState

if TYPE_CHECKING:
    from sanctrace.pipeline import Analyzer

STATIC = Path(__file__).with_name("static")
#: Every router of the app (a test walks their routes with every role).
ROUTERS = (api.router, match.router, pages.router)
#: No script but the app's own files, no framing, no plugins: a hostile article's
#: markup, were it ever unescaped, still could not run.
_SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def sending(message: dict) -> None:  # type: ignore[type-arg]
            if message["type"] == "http.response.start" and not scope["path"].startswith("/docs"):
                message["headers"] = [*message.get("headers", []), *_SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, sending)


def _default_analyzer() -> Analyzer:
    from sanctrace.pipeline import Analyzer

    return Analyzer()


def create_app(
    store: str | None = None,
    analyzer: Callable[[], Analyzer] | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    preload: bool = False,
) -> FastAPI:
    """The web workspace over the store at `store` (default: $SANCTRACE_STORE).

    `analyzer` makes the analyser for `POST /api/analyze` and ingest (default:
    the bundled model); `preload` loads it and the screening index at start-up,
    as `sanctrace serve` does, so that no request pays for them.
    """
    from sanctrace.store import Store
    from sanctrace.store.workspace import Workspace

    # One connection per request thread: none waits for another's to come back.
    workspace = Workspace(store, connections=THREADS)
    lists = Store(workspace.url, connections=THREADS)
    state = WebState(workspace, lists, analyzer or _default_analyzer, max_body)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Routes run in anyio's thread pool; its size is the store's pool size.
        to_thread.current_default_thread_limiter().total_tokens = THREADS
        if preload:
            state.analyzer()
            screener = state.screener(match.DEFAULT_ALGORITHM)
            if screener is not None:
                screener.warm_up()
            workspace.refresh_statistics()  # a store filled before they were kept
            # The model and the index are millions of objects that live as long
            # as the server: left to the collector, every full collection walks
            # them all, a pause of a tenth of a second and more in some request.
            gc.freeze()
        yield
        state.close()

    app = FastAPI(
        title="sanctrace",
        summary="Transfers, potential sanctions breaches, their evidence and their review.",
        lifespan=lifespan,
    )
    app.state.web = state
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    return app
