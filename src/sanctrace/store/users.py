"""Users of the web workspace, their roles, and their tokens.

Passwords are kept as argon2id hashes (argon2-cffi), each with its own salt.
A token (a browser session's cookie, or a program's API token) is shown
once and stored only as its SHA-256, so a copy of the store lets no one in.
Adding a user, changing a role and removing one are audit rows.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, insert, select, update

from sanctrace.errors import NotFound, StoreError
from sanctrace.store import schema
from sanctrace.store.review import audit
from sanctrace.store.workspace import Workspace, now

Role = Literal["reader", "analyst", "admin"]
#: Each role may do what the roles before it may.
ROLES: tuple[Role, ...] = ("reader", "analyst", "admin")
TokenKind = Literal["session", "api"]
#: A browser session lasts this long after logging in.
SESSION_HOURS = 12
MIN_PASSWORD = 8
_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: Role

    def may(self, role: Role) -> bool:
        """Does this user's role include `role`?"""
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True, slots=True)
class Session:
    user: User
    csrf: str | None  # None for API tokens, which no browser sends by itself


def check_role(role: str) -> Role:
    if role not in ROLES:
        raise StoreError(f"The role {role!r} is not known: use one of {', '.join(ROLES)}.")
    return role  # type: ignore[return-value]


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-@" for c in name):
        raise StoreError(
            f"The user name {name!r} is not usable: give 1 to 64 letters, digits, '.', '_', "
            "'-' or '@'."
        )
    return name


def add_user(workspace: Workspace, name: str, role: str, password: str, actor: str) -> User:
    """Create a user, or give an existing one a new role and password."""
    name, checked = _check_name(name), check_role(role)
    if len(password) < MIN_PASSWORD:
        raise StoreError(f"The password is too short: give at least {MIN_PASSWORD} characters.")
    digest = _hasher.hash(password)
    u = schema.USERS.c
    with workspace.writing(f"store the user {name}") as connection:
        previous = connection.execute(select(u.role).where(u.name == name)).scalar()
        if previous is None:
            connection.execute(
                insert(schema.USERS).values(
                    name=name, role=checked, password_hash=digest, created_at=now()
                )
            )
        else:
            connection.execute(
                update(schema.USERS)
                .where(u.name == name)
                .values(role=checked, password_hash=digest)
            )
        before = {"role": previous} if previous else None
        audit(connection, actor, "user set", name, before, {"role": checked})
    return User(name, checked)


def remove_user(workspace: Workspace, name: str, actor: str) -> None:
    u, t = schema.USERS.c, schema.TOKENS.c
    with workspace.writing(f"remove the user {name}") as connection:
        role = connection.execute(select(u.role).where(u.name == name)).scalar()
        if role is None:
            raise NotFound(f"No user {name!r} is in the store; `sanctrace users list` names them.")
        connection.execute(delete(schema.TOKENS).where(t.user == name))
        connection.execute(delete(schema.USERS).where(u.name == name))
        audit(connection, actor, "user removed", name, {"role": role}, None)


def list_users(workspace: Workspace) -> list[dict[str, str]]:
    u = schema.USERS.c
    with workspace.reading() as connection:
        rows = connection.execute(select(u.name, u.role, u.created_at).order_by(u.name))
        return [dict(row._mapping) for row in rows]


def authenticate(workspace: Workspace, name: str, password: str) -> User | None:
    """The user if the password is theirs, else None (unknown names cost a hash too)."""
    u = schema.USERS.c
    with workspace.reading() as connection:
        row = connection.execute(select(u.role, u.password_hash).where(u.name == name)).first()
    stored = row.password_hash if row else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(name, row.role) if row else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token(
    workspace: Workspace, name: str, kind: TokenKind, label: str | None = None
) -> tuple[str, Session]:
    """A fresh token for `name` (shown once) and the session it opens."""
    u = schema.USERS.c
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    expires = None
    if kind == "session":
        expires = (datetime.now(UTC) + timedelta(hours=SESSION_HOURS)).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
    with workspace.writing("store the token") as connection:
        role = connection.execute(select(u.role).where(u.name == name)).scalar()
        if role is None:
            raise NotFound(f"No user {name!r} is in the store; add one with `sanctrace users add`.")
        connection.execute(
            insert(schema.TOKENS).values(
                digest=_digest(token),
                user=name,
                kind=kind,
                csrf=csrf if kind == "session" else None,
                label=label,
                created_at=now(),
                expires_at=expires,
            )
        )
    return token, Session(User(name, role), csrf if kind == "session" else None)


def session_of(workspace: Workspace, token: str, kind: TokenKind) -> Session | None:
    """The live session `token` opens, or None (unknown, expired, or of the other kind)."""
    t, u = schema.TOKENS.c, schema.USERS.c
    query = (
        select(u.name, u.role, t.csrf, t.expires_at)
        .join(schema.USERS, u.name == t.user)
        .where(t.digest == _digest(token), t.kind == kind)
    )
    with workspace.reading() as connection:
        row = connection.execute(query).first()
    if row is None or (row.expires_at is not None and row.expires_at < now()):
        return None
    return Session(User(row.name, row.role), row.csrf)


def end_session(workspace: Workspace, token: str) -> None:
    with workspace.writing("end the session") as connection:
        connection.execute(delete(schema.TOKENS).where(schema.TOKENS.c.digest == _digest(token)))


_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
