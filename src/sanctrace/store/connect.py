"""Opening the store's database: one engine per URL, errors as one sentence."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from sanctrace.errors import StoreError

#: How long a writer waits for another's lock before giving up, in seconds.
SQLITE_BUSY_TIMEOUT = 30


def open_engine(url: str, connections: int | None = None) -> Engine:
    """An engine for `url`; SQLite gets WAL journaling so readers never see half a write.

    `connections`: the most it holds open at once (default: SQLAlchemy's 5, and 10
    more for bursts), so that a server can give each of its threads one.
    """
    try:
        engine = create_engine(url, **pool_options(connections))
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as error:
        raise StoreError(
            f"The store URL {shown_url(url)} is not usable ({error}); give an SQLAlchemy URL such "
            "as sqlite:///store.sqlite or postgresql+psycopg://user@host/database."
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def pool_options(connections: int | None) -> dict[str, int]:
    return {} if connections is None else {"pool_size": connections, "max_overflow": 0}


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    # WAL with synchronous=NORMAL survives a killed process (only power loss
    # can drop the last commits) and costs one fsync per checkpoint, not per
    # document. A read-only file refuses the journal switch: keep its mode.
    cursor = connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT * 1000}")
        with suppress(sqlite3.Error):  # read-only or locked: the default journal works too
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def shown_url(url: str) -> str:
    """The URL without its password, fit for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return "(unreadable URL)"


def reason(error: BaseException) -> str:
    """The database's own words for `error`, on one line."""
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split()).rstrip(".")
