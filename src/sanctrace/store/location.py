"""Where the store lives when the user does not say."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sanctrace.errors import StoreError

#: Environment variable holding the store's SQLAlchemy URL.
DEFAULT_STORE_ENV = "SANCTRACE_STORE"
STORE_FILE = "sanctrace.sqlite"

# "scheme://user:password@host:port/...": the parts a URL check needs.
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")
_PORT = re.compile(r"://(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/?]*):([^/?]*)")


def checked_store_url(url: str) -> str:
    """Return `url`, or raise StoreError when its port is not a number.

    SQLAlchemy fails on such a URL with a bare ValueError from deep inside,
    before any message can name the URL.
    """
    port = _PORT.search(url)
    if port is not None and port.group(1) and not port.group(1).isdigit():
        shown = _PASSWORD.sub(r"\1***@", url)
        raise StoreError(
            f"The store URL {shown} has the port {port.group(1)!r}, which is not a number; "
            "write it like postgresql+psycopg://user@host:5432/database."
        )
    return url


def default_store_url() -> str:
    """$SANCTRACE_STORE, else an SQLite file in the user's data folder (created if needed).

    The data folder is $XDG_DATA_HOME/sanctrace, or ~/.local/share/sanctrace
    when XDG_DATA_HOME is unset or not an absolute path (as the XDG spec says).
    """
    configured = os.environ.get(DEFAULT_STORE_ENV, "").strip()
    if configured:
        return configured
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"
    folder = base / "sanctrace"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"Cannot create the store folder {folder} ({error.strerror}); "
            f"set {DEFAULT_STORE_ENV} or --store to a database you can write."
        ) from None
    return f"sqlite:///{folder / STORE_FILE}"
