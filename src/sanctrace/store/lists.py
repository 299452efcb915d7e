"""The sanctions lists in the store: import atomically, list, remove, read back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, delete, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from sanctrace.errors import ListImportError, SanctraceError, StoreError
from sanctrace.store.location import DEFAULT_STORE_ENV, checked_store_url, default_store_url
from sanctrace.store.tables import DATASETS, ENTITIES, METADATA

if TYPE_CHECKING:
    # followthemoney costs a second to import: only reading entities needs it,
    # not asking which lists are loaded (which every `analyze` run does).
    from followthemoney import EntityProxy

    from sanctrace.screening.loaders import ListFile

#: Entities written per executemany round trip.
BATCH_SIZE = 1000


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """One loaded list, as `sanctrace lists` shows it."""

    id: str
    title: str
    source_path: str
    source_date: str | None
    entity_count: int
    imported_at: str  # ISO 8601, UTC


class Store:
    """The project's database of sanctions lists (SQLite by default, PostgreSQL by URL)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = checked_store_url(url or default_store_url())
        self._engine = _open(self.url)
        self.shown_url = _shown(self.url)
        try:
            METADATA.create_all(self._engine)
        except SQLAlchemyError as error:
            self._engine.dispose()
            raise StoreError(
                f"Cannot open the store {self.shown_url} ({_reason(error)}); check that it is "
                f"a database you can write, or choose another with --store or {DEFAULT_STORE_ENV}."
            ) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def import_list(
        self, listfile: ListFile, progress: Callable[[int], None] | None = None
    ) -> DatasetInfo:
        """Replace the list `listfile.dataset` with the entities of `listfile`, atomically.

        All rows are written in one transaction: if reading the file or writing
        fails, nothing changes and the previous version of the list stays.
        `progress` is called with the number of entities written so far.
        """
        dataset = listfile.dataset
        count = 0
        try:
            with self._engine.begin() as connection:
                connection.execute(delete(ENTITIES).where(ENTITIES.c.dataset == dataset))
                for batch in _batches(listfile.entities, BATCH_SIZE):
                    connection.execute(insert(ENTITIES), [_row(dataset, e) for e in batch])
                    count += len(batch)
                    if progress is not None:
                        progress(count)
                if count == 0:
                    raise ListImportError(
                        f"Cannot import {listfile.source_path}: it holds no list entries; "
                        f"the stored list '{dataset}' was not changed."
                    )
                info = DatasetInfo(
                    id=dataset,
                    title=listfile.title,
                    source_path=listfile.source_path,
                    source_date=listfile.source_date,
                    entity_count=count,
                    imported_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                )
                connection.execute(delete(DATASETS).where(DATASETS.c.id == dataset))
                connection.execute(insert(DATASETS).values(**asdict(info)))
        except SanctraceError:
            raise
        except IntegrityError as error:
            raise ListImportError(
                f"Cannot import {listfile.source_path}: two of its entries share one id "
                f"({_reason(error)}); the stored list '{dataset}' was not changed."
            ) from None
        except Exception as error:
            raise ListImportError(
                f"Cannot import {listfile.source_path} into the store {self.shown_url} "
                f"({_reason(error)}); the stored list '{dataset}' was not changed."
            ) from error
        return info

    def datasets(self) -> list[DatasetInfo]:
        """The loaded lists, by id."""
        query = select(DATASETS).order_by(DATASETS.c.id)
        with self._reading() as connection:
            return [DatasetInfo(**row._mapping) for row in connection.execute(query)]

    def remove_dataset(self, dataset_id: str) -> None:
        """Delete the list `dataset_id` and its entities; `StoreError` if it is not loaded."""
        try:
            with self._engine.begin() as connection:
                found = connection.execute(
                    delete(DATASETS).where(DATASETS.c.id == dataset_id)
                ).rowcount
                if not found:
                    raise StoreError(
                        f"No list with id '{dataset_id}' is in the store {self.shown_url}; "
                        "run `sanctrace lists` to see the loaded ids."
                    )
                connection.execute(delete(ENTITIES).where(ENTITIES.c.dataset == dataset_id))
        except SQLAlchemyError as error:
            raise self._failed("remove a list from", error) from None

    def iter_entities(self, datasets: Sequence[str] | None = None) -> Iterator[EntityProxy]:
        """Stream the stored entities (of `datasets`, or of every list) as `ValueEntity`s.

        Each entity's `datasets` is the id of the list it was imported with.
        """
        from followthemoney import ValueEntity

        query = select(ENTITIES.c.dataset, ENTITIES.c.caption, ENTITIES.c.data)
        if datasets is not None:
            query = query.where(ENTITIES.c.dataset.in_(list(datasets)))
        query = query.order_by(ENTITIES.c.dataset, ENTITIES.c.id)
        with self._reading() as connection:
            rows = connection.execution_options(yield_per=BATCH_SIZE).execute(query)
            for dataset, caption, data in rows:
                record = json.loads(data)
                record["caption"] = caption
                record["datasets"] = [dataset]
                yield ValueEntity.from_dict(record, cleaned=True)

    def count_entities(self, dataset: str | None = None) -> int:
        """How many entities are stored (in `dataset`, or in all lists)."""
        query = select(func.count()).select_from(ENTITIES)
        if dataset is not None:
            query = query.where(ENTITIES.c.dataset == dataset)
        with self._reading() as connection:
            return int(connection.execute(query).scalar_one())

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A read connection whose database errors become one `StoreError` sentence."""
        try:
            with self._engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise self._failed("read", error) from None

    def _failed(self, action: str, error: Exception) -> StoreError:
        return StoreError(
            f"Cannot {action} the store {self.shown_url} ({_reason(error)}); "
            "check that the database is reachable and writable."
        )


def _open(url: str) -> Engine:
    try:
        return create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as error:
        raise StoreError(
            f"The store URL {_shown(url)} is not usable ({error}); give an SQLAlchemy URL such "
            "as sqlite:///lists.sqlite or postgresql+psycopg://user@host/database."
        ) from None


def _shown(url: str) -> str:
    """The URL without its password, fit for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable URL)"


def _reason(error: Exception) -> str:
    """The database's own words for `error`, on one line."""
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split()).rstrip(".")


def _row(dataset: str, entity: EntityProxy) -> dict[str, str]:
    data = entity.to_dict()
    data.pop("datasets", None)
    return {
        "dataset": dataset,
        "id": entity.id or "",
        "schema": entity.schema.name,
        "caption": entity.caption,
        "data": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
    }


def _batches(entities: Iterable[EntityProxy], size: int) -> Iterator[list[EntityProxy]]:
    iterator = iter(entities)
    while batch := list(islice(iterator, size)):
        yield batch
