"""Who is asking and may they: sessions, API tokens, roles, CSRF, and the login limit.

Browsers carry a session cookie (HttpOnly, SameSite=Lax) and every form a
CSRF token bound to that session; programs send `Authorization: Bearer
TOKEN` (from `sanctrace users token`), which no browser adds by itself, so
those requests need no CSRF token. Every route depends on `requires(role)`.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException, Request

from sanctrace.store.users import Role, Session, session_of

SESSION_COOKIE = "sanctrace_session"
#: The login form's own CSRF token, before any session exists.
LOGIN_COOKIE = "sanctrace_login"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class LoginRequired(Exception):
    """A page was asked for without a session: the browser is sent to the login page."""


class LoginLimiter:
    """At most `attempts` failed logins per name and address in `window` seconds."""

    def __init__(self, attempts: int = 5, window: float = 300.0) -> None:
        self.attempts, self.window = attempts, window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], at: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= at - self.window:
            failures.popleft()
        return failures

    def wait(self, name: str, address: str) -> int:
        """Seconds until `name` may try again from `address` (0: now)."""
        at = time.monotonic()
        with self._lock:
            failures = self._recent((name, address), at)
            if len(failures) < self.attempts:
                return 0
            return max(1, int(failures[0] + self.window - at))

    def failed(self, name: str, address: str) -> None:
        at = time.monotonic()
        with self._lock:
            self._recent((name, address), at).append(at)

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._failures.pop((name, address), None)


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    # "ApiKey" is how yente's clients send theirs.
    return token.strip() if scheme.lower() in ("bearer", "apikey") and token.strip() else None


def current_session(request: Request) -> Session | None:
    """The session of the request's API token or session cookie, if any is live."""
    workspace = request.app.state.web.workspace
    token = bearer(request)
    if token is not None:
        return session_of(workspace, token, "api")
    cookie = request.cookies.get(SESSION_COOKIE)
    return session_of(workspace, cookie, "session") if cookie else None


async def _sent_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    if request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


def requires(role: Role, page: bool = False) -> Callable[[Request], Awaitable[Session]]:
    """A dependency that lets in sessions whose role includes `role`, checking CSRF.

    `page`: a browser without a session is sent to the login page, not given a 401.
    """

    async def dependency(request: Request) -> Session:
        session = current_session(request)
        if session is None:
            if page:
                raise LoginRequired()
            raise HTTPException(
                401,
                "This needs a login: send 'Authorization: Bearer TOKEN' with a token from "
                "`sanctrace users token NAME`, or log in at /login.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not session.user.may(role):
            raise HTTPException(
                403,
                f"The user {session.user.name} is a {session.user.role}: this needs the "
                f"{role} role; ask an admin to change it with `sanctrace users add`.",
            )
        if request.method not in _SAFE_METHODS and session.csrf is not None:
            sent = await _sent_csrf(request)
            if sent is None or not secrets.compare_digest(sent, session.csrf):
                raise HTTPException(
                    403,
                    "The form's security token is missing or stale: reload the page and "
                    "send it again.",
                )
        request.state.session = session
        return session

    dependency.role = role  # type: ignore[attr-defined]  # read by the role-walking test
    return dependency


def route_role(dependencies: list[Any]) -> Role | None:
    """The role a route's dependencies ask for (None: it is open to everyone)."""
    for dependency in dependencies:
        role = getattr(dependency.call, "role", None)
        if role is not None:
            return role  # type: ignore[no-any-return]
    return None
