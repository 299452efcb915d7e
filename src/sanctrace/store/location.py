"""Where the store lives when the user does not say."""

from __future__ import annotations

import os
from pathlib import Path

from sanctrace.errors import StoreError

#: Environment variable holding the store's SQLAlchemy URL.
DEFAULT_STORE_ENV = "SANCTRACE_STORE"
STORE_FILE = "sanctrace.sqlite"


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
