"""The workspace store: analysed documents in, one transaction each; derived rows rebuilt.

Opening a workspace brings the store's schema up to date (an empty store
or a lists-only one is migrated; a newer one is refused). Every database
error leaves as one `StoreError` sentence and rolls its transaction back,
so nothing stored is ever half-written or lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from sanctrace.errors import SanctraceError, StoreError
from sanctrace.model import AnalysedDocument
from sanctrace.store import migrate, schema
from sanctrace.store.connect import open_engine, reason, shown_url
from sanctrace.store.location import default_store_url
from sanctrace.store.rows import document_key, document_rows

#: Tables of one document's machine results, children first (for deletion).
_DOCUMENT_TABLES = (
    schema.FINDINGS,
    schema.ITEMS,
    schema.TRANSFERS,
    schema.SCREENING_HITS,
    schema.PARTIES,
)

#: Rows SQLite samples per index when it refreshes the planner's statistics.
_ANALYSIS_ROWS = 1000


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Workspace:
    """Documents, their analysis, events and reviews in the store at `url`."""

    def __init__(self, url: str | None = None, connections: int | None = None) -> None:
        self.url = url or default_store_url()
        self.shown_url = shown_url(self.url)
        self.engine = open_engine(self.url, connections)
        try:
            self.schema_before = migrate.upgrade(self.engine)
        except SanctraceError:
            self.engine.dispose()
            raise

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self, action: str) -> Iterator[Connection]:
        """One transaction; a database error rolls it back and becomes one sentence."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except SanctraceError:
            raise
        except SQLAlchemyError as error:
            raise StoreError(
                f"Cannot {action} in the store {self.shown_url} ({reason(error)}); nothing of "
                "it was stored: check that the database is reachable, writable and not full."
            ) from None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise StoreError(
                f"Cannot read the store {self.shown_url} ({reason(error)}); "
                "check that the database is reachable."
            ) from None

    def refresh_statistics(self) -> None:
        """Give SQLite's query planner fresh table statistics (PostgreSQL keeps its own).

        Without them SQLite reads the findings list by scanning and sorting every
        finding (60 ms at 10,000) instead of walking the transfers' date index
        (1 ms). A sample of rows per index is enough and keeps this to milliseconds.
        A read-only store keeps the plans it has.
        """
        if self.engine.dialect.name != "sqlite":
            return
        with suppress(SQLAlchemyError), self.engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA analysis_limit = {_ANALYSIS_ROWS}")
            connection.exec_driver_sql("ANALYZE")

    def document_keys(self) -> set[str]:
        with self.reading() as connection:
            return set(connection.execute(select(schema.DOCUMENTS.c.key)).scalars())

    def add_document(self, analysed: AnalysedDocument, analyser: str, knowledge: str) -> bool:
        """Store one analysed document in one transaction; False if it was stored already."""
        rows = document_rows(analysed, analyser, knowledge, now())
        try:
            with self.writing(f"store {analysed.document.input}") as connection:
                _insert(connection, rows)
        except StoreError as error:
            if isinstance(error.__context__, IntegrityError) and self._has(rows):
                return False  # another ingest stored the same article meanwhile
            raise
        return True

    def replace_analysis(self, analysed: AnalysedDocument, analyser: str, knowledge: str) -> None:
        """Replace one document's machine results (re-analysis) in one transaction."""
        key = document_key(analysed.document.text)
        rows = document_rows(analysed, analyser, knowledge, now())
        with self.writing(f"re-analyse {analysed.document.input}") as connection:
            delete_machine_rows(connection, key)
            connection.execute(delete(schema.DOCUMENTS).where(schema.DOCUMENTS.c.key == key))
            _insert(connection, rows)

    def _has(self, rows: dict[str, list[dict[str, object]]]) -> bool:
        key = rows["ws_documents"][0]["key"]
        query = select(schema.DOCUMENTS.c.key).where(schema.DOCUMENTS.c.key == key)
        with self.reading() as connection:
            return connection.execute(query).first() is not None


def delete_machine_rows(connection: Connection, key: str) -> None:
    transfers = select(schema.TRANSFERS.c.id).where(schema.TRANSFERS.c.document == key)
    parties = select(schema.PARTIES.c.id).where(schema.PARTIES.c.document == key)
    connection.execute(delete(schema.FINDINGS).where(schema.FINDINGS.c.document == key))
    connection.execute(delete(schema.ITEMS).where(schema.ITEMS.c.transfer.in_(transfers)))
    connection.execute(
        delete(schema.SCREENING_HITS).where(schema.SCREENING_HITS.c.party.in_(parties))
    )
    connection.execute(delete(schema.TRANSFERS).where(schema.TRANSFERS.c.document == key))
    connection.execute(delete(schema.PARTIES).where(schema.PARTIES.c.document == key))


def _insert(connection: Connection, rows: dict[str, list[dict[str, object]]]) -> None:
    # Parents first: documents, parties, transfers, then their children.
    for table in (schema.DOCUMENTS, *reversed(_DOCUMENT_TABLES)):
        if rows[table.name]:
            connection.execute(insert(table), rows[table.name])
