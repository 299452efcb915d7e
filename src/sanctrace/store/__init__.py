"""The project's store: loaded sanctions lists as followthemoney entities.

SQLite by default (a file in the user's data folder), PostgreSQL for teams:
the same code runs on both, selected by an SQLAlchemy URL (`--store` or
$SANCTRACE_STORE).
"""

from sanctrace.store.lists import DatasetInfo, Store
from sanctrace.store.location import DEFAULT_STORE_ENV, default_store_url

__all__ = ["DEFAULT_STORE_ENV", "DatasetInfo", "Store", "default_store_url"]
