"""Server-rendered pages (Jinja2, autoescaped): findings, a finding, a party, the network,
the timeline, the audit trail, and login. Every form carries the session's CSRF token."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from sanctrace.store import review, users, views
from sanctrace.store.queries import Filters, findings
from sanctrace.store.users import Session
from sanctrace.web.api import filters_of
from sanctrace.web.auth import LOGIN_COOKIE, SESSION_COOKIE, requires
from sanctrace.web.network import render_svg

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
Reader = Annotated[Session, Depends(requires("reader", page=True))]
Analyst = Annotated[Session, Depends(requires("analyst", page=True))]
Listed = Annotated[Filters, Depends(filters_of)]


def link_url(url: str | None) -> str | None:
    """`url` if it may be a link (http or https); anything else is shown as text only."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


templates.env.filters["link_url"] = link_url


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    session = getattr(request.state, "session", None)
    return templates.TemplateResponse(
        request, name, {"session": session, **context}, status_code=status
    )


def error_page(request: Request, status: int, sentence: str) -> HTMLResponse:
    return _render(request, "error.html", status, status_code=status, sentence=sentence)


def highlighted(text: str, start: int, end: int, evidence: str) -> list[tuple[str, bool]]:
    """The article as pieces, the evidence sentence marked (unmarked if it is not there)."""
    if text[start:end] != evidence:
        return [(text, False)]
    return [(text[:start], False), (text[start:end], True), (text[end:], False)]


@router.get("/login")
def login_form(request: Request, next: str = "/findings") -> Response:
    token = secrets.token_urlsafe(24)
    response = _render(request, "login.html", csrf=token, next=_local(next), sentence=None)
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict")
    return response


def _local(target: str) -> str:
    """Only a path of this site may follow a login (no open redirect)."""
    return target if target.startswith("/") and not target.startswith("//") else "/findings"


@router.post("/login")
def login(
    request: Request,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    csrf: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/findings",
) -> Response:
    state = request.app.state.web
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not secrets.compare_digest(csrf, expected):
        raise HTTPException(403, "The login form is stale: reload the page and log in again.")
    address = request.client.host if request.client else "unknown"
    wait = state.limiter.wait(name, address)
    if wait:
        raise HTTPException(
            429,
            f"Too many failed logins for {name} from this address: wait {wait} seconds and "
            "try again.",
            headers={"Retry-After": str(wait)},
        )
    user = users.authenticate(state.workspace, name, password)
    if user is None:
        state.limiter.failed(name, address)
        token = secrets.token_urlsafe(24)
        response = _render(
            request,
            "login.html",
            401,
            csrf=token,
            next=_local(next),
            sentence="The name or password is wrong: check both and try again.",
        )
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict")
        return response
    state.limiter.succeeded(name, address)
    token, _ = users.new_token(state.workspace, user.name, "session")
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE, token, httponly=True, samesite="lax", max_age=users.SESSION_HOURS * 3600
    )
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, _: Reader) -> Response:
    users.end_session(request.app.state.web.workspace, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/")
def home(_: Reader) -> Response:
    return RedirectResponse("/findings", status_code=303)


@router.get("/findings")
def findings_page(request: Request, _: Reader, filters: Listed) -> HTMLResponse:
    rows = findings(request.app.state.web.workspace, filters)
    following = None
    if filters.limit and len(rows) == filters.limit:
        following = str(request.url.include_query_params(offset=filters.offset + filters.limit))
    return _render(
        request, "findings.html", rows=rows, filters=filters, query=request.query_params,
        next_page=following,
    )  # fmt: skip


@router.get("/findings/{key}")
def finding_page(request: Request, key: str, session: Reader) -> HTMLResponse:
    found = views.finding_detail(request.app.state.web.workspace, key)
    pieces = highlighted(
        found["text"], found["transfer"]["evidence"]["start"],
        found["transfer"]["evidence"]["end"], found["transfer"]["evidence"]["text"],
    )  # fmt: skip
    return _render(
        request, "finding.html", finding=found, pieces=pieces,
        may_review=session.user.may("analyst"),
    )  # fmt: skip


@router.post("/findings/{key}/review")
def review_page(
    request: Request,
    key: str,
    session: Analyst,
    status: Annotated[str, Form(pattern="^(confirmed|dismissed)$")],
    reason: Annotated[str | None, Form(max_length=2000)] = None,
    note: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    review.review_finding(
        request.app.state.web.workspace, key, status,  # type: ignore[arg-type]
        reason or None, note or None, session.user.name,
    )  # fmt: skip
    return RedirectResponse(f"/findings/{key}#audit", status_code=303)


@router.get("/parties/{entity}")
def party_page(request: Request, entity: str, _: Reader) -> HTMLResponse:
    party = views.party_detail(request.app.state.web.workspace, entity)
    return _render(request, "party.html", party=party)


@router.get("/network")
def network_page(request: Request, _: Reader, filters: Listed) -> HTMLResponse:
    graph = views.network(request.app.state.web.workspace, filters)
    return _render(request, "network.html", svg=render_svg(graph), graph=graph, filters=filters)


@router.get("/timeline")
def timeline_page(request: Request, _: Reader, filters: Listed) -> HTMLResponse:
    rows = views.timeline(request.app.state.web.workspace, filters)
    return _render(request, "timeline.html", events=rows, filters=filters)


@router.get("/audit")
def audit_page(request: Request, _: Reader, target: str | None = None) -> HTMLResponse:
    rows = review.audit_trail(request.app.state.web.workspace, target)
    return _render(request, "audit.html", rows=list(reversed(rows)), target=target)
