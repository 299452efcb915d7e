"""Schema migrations, run by Alembic from the scripts shipped in the package.

`upgrade` brings an empty store, a lists-only store from before migrations,
or an older workspace store to the newest schema. A store whose revision
this sanctrace does not know was written by a newer version: it is refused,
never read as if it were ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from sanctrace.errors import StoreError
from sanctrace.store.connect import reason, shown_url

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS = "sanctrace.store:migrations"
#: The revisions shipped in migrations/versions, oldest first (a test checks
#: them against Alembic's own reading): knowing them here lets a command
#: check the schema without importing Alembic, a tenth of a second.
REVISIONS = ("0001", "0002", "0003")


@dataclass(frozen=True, slots=True)
class SchemaState:
    current: str | None  # None: no migration has run (empty or lists-only store)
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPTS)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return REVISIONS[-1]


def script_revisions() -> list[str]:
    """The revisions Alembic finds in the packaged scripts, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def schema_state(engine: Engine) -> SchemaState:
    """The store's revision against this sanctrace's newest; `StoreError` if it is newer."""
    try:
        with engine.connect() as connection:
            current = None
            if connection.dialect.has_table(connection, "alembic_version"):
                current = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
    except SQLAlchemyError as error:
        raise StoreError(
            f"Cannot open the store {shown_url(str(engine.url))} ({reason(error)}); check the "
            "URL given with --store or SANCTRACE_STORE and that the database is reachable."
        ) from None
    if current is not None and current not in REVISIONS:
        raise StoreError(
            f"The store {shown_url(str(engine.url))} has schema revision {current}, "
            "made by a newer sanctrace: upgrade sanctrace to use it (nothing was changed)."
        )
    return SchemaState(current, head_revision())


def upgrade(engine: Engine) -> SchemaState:
    """Migrate the store to the newest schema in one transaction; returns the state before."""
    before = schema_state(engine)
    if before.up_to_date:
        return before
    from alembic import command

    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "head")
    except SQLAlchemyError as error:
        raise StoreError(
            f"Cannot upgrade the store {shown_url(str(engine.url))} ({reason(error)}); "
            "it was left as it was: check that the database is writable."
        ) from None
    return before
