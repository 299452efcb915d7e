"""Every failure as one sentence: JSON `{"detail": ...}` for programs, a page for browsers."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from sanctrace.errors import NotFound, SanctraceError
from sanctrace.web.auth import LoginRequired

#: Paths whose callers are programs: they get JSON, never a page.
_API_PREFIXES = ("/api/", "/match/", "/catalog", "/algorithms", "/openapi.json", "/docs")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(_API_PREFIXES)


def validation_sentence(error: RequestValidationError) -> str:
    """The first problem of a request as one sentence: where, what, what to do."""
    first = error.errors()[0]
    where = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")]
    place = {"query": "query parameter", "path": "path part", "body": "body field"}.get(
        str(first.get("loc", ("body",))[0]), "field"
    )
    name = ".".join(where) or "request body"
    return f"The {place} {name!r} is not valid ({first.get('msg', 'invalid')}): correct it."


def _respond(request: Request, status: int, sentence: str) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": sentence}, status_code=status)
    from sanctrace.web.pages import error_page

    return error_page(request, status, sentence)


def install(app: FastAPI) -> None:
    @app.exception_handler(SanctraceError)
    async def sanctrace_error(request: Request, error: SanctraceError) -> Response:
        status = 404 if isinstance(error, NotFound) else 400
        return _respond(request, status, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return _respond(request, 422, validation_sentence(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        sentence = error.detail if isinstance(error.detail, str) else "The request failed."
        if error.status_code == 404 and sentence == "Not Found":
            sentence = f"There is no page {request.url.path}: see /docs for the API's routes."
        response = _respond(request, error.status_code, sentence)
        response.headers.update(getattr(error, "headers", None) or {})
        return response

    @app.exception_handler(LoginRequired)
    async def login(request: Request, error: LoginRequired) -> Response:
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
