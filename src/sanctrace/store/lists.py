"""The sanctions lists in the store: import atomically, list, remove, read back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from sanctrace.errors import ListImportError, SanctraceError, StoreError
from sanctrace.store.connect import open_engine, reason, shown_url
from sanctrace.store.location import DEFAULT_STORE_ENV, checked_store_url, default_store_url
from sanctrace.store.tables import (
    DATASETS,
    ENTITIES,
    METADATA,
    NAME_INDEXES,
    NAME_KEYS,
    NAME_LEXICONS,
    NAME_PHRASES,
    SCREEN_ENTRIES,
)

if TYPE_CHECKING:
    # followthemoney costs a second to import: only reading entities needs it,
    # not asking which lists are loaded (which every `analyze` run does).
    from followthemoney import EntityProxy, ValueEntity

    from sanctrace.screening.loaders import ListFile

#: Entities written per executemany round trip.
BATCH_SIZE = 1000

#: An import holding fewer entries than this fraction less than the stored
#: list is refused unless forced: a list update delists a few per cent of its
#: entries at most, a file cut in half removes half.
MAX_SHRINK = 0.2

#: How messages name the kinds of list file.
_KINDS = {
    "un_xml": "UN consolidated list XML",
    "ofac_csv": "OFAC SDN CSV",
    "ftm_json": "followthemoney entity file",
}

T = TypeVar("T")

#: Values bound in one `IN (...)` clause (well under SQLite's limit).
_IN_CHUNK = 900

#: The tables holding one list's rows, cleared when it is replaced or removed.
_LIST_TABLES = (
    (ENTITIES, ENTITIES.c.dataset),
    (NAME_KEYS, NAME_KEYS.c.dataset),
    (SCREEN_ENTRIES, SCREEN_ENTRIES.c.dataset),
    (NAME_INDEXES, NAME_INDEXES.c.dataset),
    (NAME_PHRASES, NAME_PHRASES.c.dataset),
    (NAME_LEXICONS, NAME_LEXICONS.c.dataset),
)


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

    def __init__(self, url: str | None = None, connections: int | None = None) -> None:
        self.url = checked_store_url(url or default_store_url())
        self._engine = open_engine(self.url, connections)
        self.shown_url = shown_url(self.url)
        try:
            METADATA.create_all(self._engine)
        except SQLAlchemyError as error:
            self._engine.dispose()
            raise StoreError(
                f"Cannot open the store {self.shown_url} ({reason(error)}); check that it is "
                f"a database you can write, or choose another with --store or {DEFAULT_STORE_ENV}."
            ) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def import_list(
        self,
        listfile: ListFile,
        progress: Callable[[int], None] | None = None,
        force: bool = False,
    ) -> DatasetInfo:
        """Replace the list `listfile.dataset` with the entities of `listfile`, atomically.

        All rows (entities and the screening index built from them) are
        written in one transaction: if reading the file or writing fails,
        nothing changes and the previous version of the list stays. Unless
        `force`, a file that would shrink the stored list by more than
        MAX_SHRINK, or that is of another kind than the stored list's
        file, is refused. `progress` is called with the entities written so far.
        """
        from sanctrace.screening.stored import INDEX_VERSION, IndexBuilder
        from sanctrace.screening.tagging import rigour_version

        dataset = listfile.dataset
        builder = IndexBuilder(dataset)
        count = 0
        seen: set[str] = set()
        try:
            with self._engine.begin() as connection:
                self._lock_list(connection, listfile)
                previous = self._previous(connection, dataset)
                for table, column in _LIST_TABLES:
                    connection.execute(delete(table).where(column == dataset))
                for batch in _batches(listfile.entities, BATCH_SIZE):
                    _check_unique(listfile, batch, seen)
                    connection.execute(insert(ENTITIES), [_row(dataset, e) for e in batch])
                    keys = builder.key_rows(batch)
                    if keys:
                        connection.execute(insert(NAME_KEYS), keys)
                    count += len(batch)
                    if progress is not None:
                        progress(count)
                if count == 0:
                    raise ListImportError(
                        f"Cannot import {listfile.source_path}: it holds no list entries; "
                        f"the stored list '{dataset}' was not changed."
                    )
                if not force:
                    _check_replacement(listfile, previous, count)
                entries = builder.entry_rows()
                if entries:
                    connection.execute(insert(SCREEN_ENTRIES), entries)
                phrases = builder.phrase_rows()
                for rows in _batches(phrases, BATCH_SIZE * 10):
                    connection.execute(insert(NAME_PHRASES), rows)
                connection.execute(
                    insert(NAME_LEXICONS).values(
                        dataset=dataset, rigour=rigour_version(), phrases=len(phrases)
                    )
                )
                connection.execute(
                    insert(NAME_INDEXES).values(
                        dataset=dataset,
                        source_kind=listfile.kind,
                        version=INDEX_VERSION,
                        entries=len(entries),
                    )
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
        except Exception as error:
            said = reason(error)
            if "locked" in said or isinstance(error, IntegrityError):
                # Two writers at once: SQLite's lock, or rows another import
                # committed while this one ran.
                raise _busy(listfile) from None
            raise ListImportError(
                f"Cannot import {listfile.source_path} into the store {self.shown_url} "
                f"({said}); the stored list '{dataset}' was not changed."
            ) from error
        return info

    def _lock_list(self, connection: Connection, listfile: ListFile) -> None:
        """On PostgreSQL, refuse at once when another import of the same list is running."""
        if connection.dialect.name != "postgresql":
            return  # SQLite lets one writer in at a time: the other sees "locked"
        # Advisory locks are the database's, not the schema's: the schema in the key
        # keeps stores that share a database (one schema each) from blocking each other.
        locked = connection.execute(
            text("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || :name))"),
            {"name": f":sanctrace-list:{listfile.dataset}"},
        ).scalar_one()
        if not locked:
            raise _busy(listfile)

    def _previous(self, connection: Connection, dataset: str) -> tuple[int, str | None] | None:
        """The stored list's entry count and source kind, or None if it is not loaded."""
        count = connection.execute(
            select(DATASETS.c.entity_count).where(DATASETS.c.id == dataset)
        ).scalar_one_or_none()
        if count is None:
            return None
        kind = connection.execute(
            select(NAME_INDEXES.c.source_kind).where(NAME_INDEXES.c.dataset == dataset)
        ).scalar_one_or_none()
        return int(count), kind

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
                for table, column in _LIST_TABLES:
                    connection.execute(delete(table).where(column == dataset_id))
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
                yield _entity(dataset, caption, data, ValueEntity)

    def count_entities(self, dataset: str | None = None) -> int:
        """How many entities are stored (in `dataset`, or in all lists)."""
        query = select(func.count()).select_from(ENTITIES)
        if dataset is not None:
            query = query.where(ENTITIES.c.dataset == dataset)
        with self._reading() as connection:
            return int(connection.execute(query).scalar_one())

    # -- the screening index (see sanctrace.screening.stored) ------------------

    def index_is_current(self, version: int, rigour: str) -> bool:
        """Was every loaded list imported with screening index `version` and rigour `rigour`?"""
        query = (
            select(func.count())
            .select_from(DATASETS)
            .outerjoin(NAME_INDEXES, NAME_INDEXES.c.dataset == DATASETS.c.id)
            .outerjoin(NAME_LEXICONS, NAME_LEXICONS.c.dataset == DATASETS.c.id)
        )
        query = query.where(
            (NAME_INDEXES.c.version != version)
            | NAME_INDEXES.c.version.is_(None)
            | (NAME_LEXICONS.c.rigour != rigour)
            | NAME_LEXICONS.c.rigour.is_(None)
        )
        with self._reading() as connection:
            return int(connection.execute(query).scalar_one()) == 0

    def name_phrases(self, phrases: Sequence[str]) -> dict[str, str]:
        """The recorded symbols (JSON) of each of `phrases` the lists use."""
        found: dict[str, str] = {}
        columns = (NAME_PHRASES.c.phrase, NAME_PHRASES.c.symbols)
        with self._reading() as connection:
            for chunk in _chunks(sorted(set(phrases))):
                query = select(*columns).where(NAME_PHRASES.c.phrase.in_(chunk))
                found.update((phrase, symbols) for phrase, symbols in connection.execute(query))
        return found

    def all_name_phrases(self) -> Iterator[tuple[str, str]]:
        """Every recorded (phrase, symbols JSON) row of every list."""
        columns = (NAME_PHRASES.c.phrase, NAME_PHRASES.c.symbols)
        with self._reading() as connection:
            rows = connection.execution_options(yield_per=50_000).execute(select(*columns))
            for phrase, symbols in rows:
                yield str(phrase), str(symbols)

    def indexed_entries(self) -> int:
        """How many entries the screening index serves, over all lists."""
        query = select(func.coalesce(func.sum(NAME_INDEXES.c.entries), 0))
        with self._reading() as connection:
            return int(connection.execute(query).scalar_one())

    def key_frequencies(self, keys: Sequence[str]) -> dict[str, int]:
        """How many entries carry each of `keys` (absent keys are left out)."""
        found: dict[str, int] = {}
        with self._reading() as connection:
            for chunk in _chunks(sorted(set(keys))):
                query = (
                    select(NAME_KEYS.c.key, func.count())
                    .where(NAME_KEYS.c.key.in_(chunk))
                    .group_by(NAME_KEYS.c.key)
                )
                found.update((key, int(n)) for key, n in connection.execute(query))
        return found

    def key_postings(
        self, keys: Sequence[str], entity_ids: Sequence[str] | None = None
    ) -> list[tuple[str, str, str]]:
        """(key, dataset, entity id) rows of `keys`, of `entity_ids` only if given."""
        rows: list[tuple[str, str, str]] = []
        columns = (NAME_KEYS.c.key, NAME_KEYS.c.dataset, NAME_KEYS.c.entity_id)
        with self._reading() as connection:
            for chunk in _chunks(sorted(set(keys))):
                query = select(*columns).where(NAME_KEYS.c.key.in_(chunk))
                if entity_ids is None:
                    rows.extend(tuple(row) for row in connection.execute(query))
                    continue
                for ids in _chunks(sorted(set(entity_ids))):
                    narrowed = query.where(NAME_KEYS.c.entity_id.in_(ids))
                    rows.extend(tuple(row) for row in connection.execute(narrowed))
        return rows  # type: ignore[return-value]

    def all_postings(self) -> Iterator[tuple[str, str, str]]:
        """Every (key, dataset, entity id) row of the screening index."""
        columns = (NAME_KEYS.c.key, NAME_KEYS.c.dataset, NAME_KEYS.c.entity_id)
        with self._reading() as connection:
            rows = connection.execution_options(yield_per=50_000).execute(select(*columns))
            for row in rows:
                yield tuple(row)  # type: ignore[misc]

    def screen_entries(self, refs: Sequence[tuple[str, str]]) -> list[Row[tuple[str, ...]]]:
        """The index rows (dataset, entity_id, schema, programs, listed_on) of `refs`."""
        e = SCREEN_ENTRIES.c
        rows: list[Row[tuple[str, ...]]] = []
        with self._reading() as connection:
            for chunk in _chunks(sorted(set(refs))):
                query = select(SCREEN_ENTRIES).where(_pairs(e.dataset, e.entity_id, chunk))
                rows.extend(connection.execute(query))
        return rows

    def get_entities(self, refs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], EntityProxy]:
        """The stored entities named by (dataset, id), as `ValueEntity`s."""
        from followthemoney import ValueEntity

        found: dict[tuple[str, str], EntityProxy] = {}
        columns = (ENTITIES.c.dataset, ENTITIES.c.caption, ENTITIES.c.data)
        with self._reading() as connection:
            for chunk in _chunks(sorted(set(refs))):
                for dataset, caption, data in connection.execute(
                    select(*columns).where(_pairs(ENTITIES.c.dataset, ENTITIES.c.id, chunk))
                ):
                    entity = _entity(dataset, caption, data, ValueEntity)
                    found[(dataset, entity.id or "")] = entity
        return found

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
            f"Cannot {action} the store {self.shown_url} ({reason(error)}); "
            "check that the database is reachable and writable."
        )


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


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _entity(dataset: str, caption: str, data: str, factory: type[ValueEntity]) -> EntityProxy:
    record = json.loads(data)
    record["caption"] = caption
    record["datasets"] = [dataset]
    return factory.from_dict(record, cleaned=True)


def _pairs(
    dataset: ColumnElement[str], key: ColumnElement[str], refs: list[tuple[str, str]]
) -> Any:
    """`(dataset, key) IN refs`, written so that SQLite searches the primary key.

    SQLite scans the whole table for a row-value IN list (18 ms for five UN
    entries); one `key IN (...)` per dataset searches the index instead.
    """
    by_dataset: dict[str, list[str]] = {}
    for name, value in refs:
        by_dataset.setdefault(name, []).append(value)
    return or_(*(and_(dataset == name, key.in_(values)) for name, values in by_dataset.items()))


def _chunks(values: Sequence[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield list(values[start : start + _IN_CHUNK])


def _check_unique(listfile: ListFile, batch: list[EntityProxy], seen: set[str]) -> None:
    """Two entries of one file with one id would make one overwrite the other."""
    for entity in batch:
        entity_id = entity.id or ""
        if entity_id in seen:
            raise ListImportError(
                f"Cannot import {listfile.source_path}: two of its entries share the id "
                f"{entity_id!r}; the stored list '{listfile.dataset}' was not changed."
            )
        seen.add(entity_id)


def _check_replacement(
    listfile: ListFile, previous: tuple[int, str | None] | None, count: int
) -> None:
    """Refuse a file that is of another kind, or much smaller, than the stored list's."""
    if previous is None:
        return
    stored, kind = previous
    where = f"Cannot import {listfile.source_path} as '{listfile.dataset}'"
    if kind is not None and kind != listfile.kind:
        raise ListImportError(
            f"{where}: the stored list came from a {_KINDS.get(kind, kind)} and this is a "
            f"{_KINDS.get(listfile.kind, listfile.kind)}; choose another id with --dataset, "
            "or replace it anyway with --force."
        )
    if count < stored * (1 - MAX_SHRINK):
        raise ListImportError(
            f"{where}: it holds {count:,} entries where the stored list has {stored:,} "
            f"({1 - count / stored:.0%} fewer, more than the {MAX_SHRINK:.0%} a list update "
            "removes), so it looks cut short; the stored list was not changed (use --force "
            "to replace it anyway)."
        )


def _busy(listfile: ListFile) -> ListImportError:
    return ListImportError(
        f"Cannot import {listfile.source_path}: another import of the list "
        f"'{listfile.dataset}' into this store is running; the stored list was not changed, "
        "so wait for the other import to finish and try again."
    )
