"""The store's lists: atomic import, listing, removal, reading back (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from followthemoney import EntityProxy, ValueEntity, model
from sqlalchemy import text

from sanctrace.errors import ListImportError, StoreError
from sanctrace.screening.loaders import ListFile, read_list
from sanctrace.store import Store
from screening.loaders.real_lists import UN_XML, real_list
from store.conftest import POSTGRES_URL


def _listfile(dataset: str, names: list[str], ids: list[str] | None = None) -> ListFile:
    """A small hand-made list of people."""
    entities: list[EntityProxy] = []
    for number, name in enumerate(names):
        entity_id = ids[number] if ids else f"{dataset}-{number}"
        entity = ValueEntity(model.get("Person"), {"id": entity_id, "datasets": [dataset]})
        entity.add("name", name)
        entity.add("program", "DPRK3")
        entities.append(entity)
    return ListFile(
        dataset, f"Test list {dataset}", f"{dataset}.json", "2024-05-03", iter(entities), "ftm_json"
    )


def _un_entry_count() -> int:
    text = real_list(UN_XML).read_text(encoding="utf-8")
    return text.count("<INDIVIDUAL>") + text.count("<ENTITY>")


def test_lists_import_real_un_list_and_read_it_back(store_url: str) -> None:
    counts: list[int] = []
    with Store(store_url) as store:
        info = store.import_list(read_list(real_list(UN_XML)), progress=counts.append)
        expected = _un_entry_count()
        assert info.entity_count == expected
        assert info.source_date == "2026-02-27"
        assert counts == sorted(counts) and counts[-1] == expected
        assert store.datasets() == [info]
        assert store.count_entities() == store.count_entities("un_sc_sanctions") == expected
        komid = next(e for e in store.iter_entities() if e.id == "unsc-KPe.001")
    assert komid.caption == "KOREA MINING DEVELOPMENT TRADING CORPORATION"
    assert "KOMID" in komid.get("alias")
    assert komid.get("program") == ["DPRK"]
    assert komid.get("createdAt") == ["2009-04-24"]
    assert getattr(komid, "datasets", None) == {"un_sc_sanctions"}


def test_lists_truncated_reimport_keeps_the_previous_version(
    store_url: str, tmp_path: Path
) -> None:
    source = real_list(UN_XML)
    truncated = tmp_path / "un-truncated.xml"
    data = source.read_bytes()
    truncated.write_bytes(data[: int(len(data) * 0.7)])
    with Store(store_url) as store:
        before = store.import_list(read_list(source))
        with pytest.raises(ListImportError) as caught:
            store.import_list(read_list(truncated))
        assert str(caught.value).startswith(f"Cannot import {truncated}: the XML is truncated")
        assert store.datasets() == [before]
        assert store.count_entities("un_sc_sanctions") == before.entity_count


def test_lists_reimport_replaces_only_that_list(store_url: str) -> None:
    with Store(store_url) as store:
        store.import_list(_listfile("a", ["Kim Jong Un", "Kim Yo Jong", "Choe Son Hui"]))
        store.import_list(_listfile("b", ["Vladimir Putin"]))
        store.import_list(
            _listfile("a", ["Ri Pyong Chol", "Pak Jong Chon"], ids=["x", "y"]), force=True
        )
        assert sorted(e.id or "" for e in store.iter_entities(["a"])) == ["x", "y"]
        assert [e.caption for e in store.iter_entities(["b"])] == ["Vladimir Putin"]
        assert {info.id: info.entity_count for info in store.datasets()} == {"a": 2, "b": 1}


def test_lists_remove_deletes_the_list_and_its_entities(store_url: str) -> None:
    with Store(store_url) as store:
        store.import_list(_listfile("a", ["Kim Jong Un"]))
        store.import_list(_listfile("b", ["Vladimir Putin"]))
        store.remove_dataset("a")
        assert [info.id for info in store.datasets()] == ["b"]
        assert store.count_entities() == 1
        with pytest.raises(StoreError, match="No list with id 'a' is in the store"):
            store.remove_dataset("a")


def test_lists_empty_or_duplicate_imports_keep_the_previous_version(store_url: str) -> None:
    with Store(store_url) as store:
        before = store.import_list(_listfile("a", ["Kim Jong Un", "Kim Yo Jong"]))
        with pytest.raises(ListImportError, match="holds no list entries"):
            store.import_list(_listfile("a", []))
        with pytest.raises(ListImportError, match="two of its entries share the id 'same'"):
            store.import_list(_listfile("a", ["Kim", "Kim"], ids=["same", "same"]))
        assert store.datasets() == [before]
        assert sorted(e.caption for e in store.iter_entities()) == ["Kim Jong Un", "Kim Yo Jong"]


def test_lists_store_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("These are my notes, not a database.\n" * 100)
    with pytest.raises(StoreError) as caught:
        Store(f"sqlite:///{path}")
    assert f"Cannot open the store sqlite:///{path} (file is not a database)" in str(caught.value)
    assert path.read_text().startswith("These are my notes")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "The store URL (unreadable URL) is not usable"),
        ("nosuchdb://host/x", "The store URL nosuchdb://host/x is not usable"),
        (
            "postgresql+psycopg://u@h:abc/db",
            "has the port 'abc', which is not a number",
        ),
        ("postgresql+psycopg://postgres:secret@127.0.0.1:1/test", "Cannot open the store"),
    ],
)
def test_lists_unusable_store_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store(url)
    assert message in str(caught.value)
    assert "secret" not in str(caught.value)


def test_lists_shrinking_import_is_refused_unless_forced(store_url: str) -> None:
    names = [f"Person Number {n} Example" for n in range(10)]
    with Store(store_url) as store:
        before = store.import_list(_listfile("a", names))
        with pytest.raises(ListImportError) as caught:
            store.import_list(_listfile("a", names[:5]))
        assert str(caught.value) == (
            "Cannot import a.json as 'a': it holds 5 entries where the stored list has 10 "
            "(50% fewer, more than the 20% a list update removes), so it looks cut short; "
            "the stored list was not changed (use --force to replace it anyway)."
        )
        assert store.datasets() == [before]
        assert store.import_list(_listfile("a", names[:9])).entity_count == 9
        assert store.import_list(_listfile("a", names[:5]), force=True).entity_count == 5


def test_lists_file_of_another_source_does_not_replace_a_list(
    store_url: str, tmp_path: Path
) -> None:
    one = tmp_path / "one.json"
    one.write_text(
        '{"id": "x", "schema": "Person", "properties": {"name": ["Ivan Example"]}, '
        '"datasets": ["un_sc_sanctions"]}\n'
    )
    with Store(store_url) as store:
        before = store.import_list(read_list(real_list(UN_XML)))
        with pytest.raises(ListImportError) as caught:
            store.import_list(read_list(one))
        assert str(caught.value) == (
            f"Cannot import {one} as 'un_sc_sanctions': the stored list came from a UN "
            "consolidated list XML and this is a followthemoney entity file; choose another "
            "id with --dataset, or replace it anyway with --force."
        )
        assert store.datasets() == [before]
        assert store.count_entities("un_sc_sanctions") == before.entity_count


def test_lists_screening_index_follows_the_list(store_url: str) -> None:
    from sanctrace.screening import Screener

    with Store(store_url) as store:
        store.import_list(_listfile("a", ["Ivan Testovich Primerov"]))
        store.import_list(_listfile("b", ["Olga Examplova"]))
        screener = Screener.from_store(store)
        assert screener is not None
        assert [h.entry_id for h in screener.screen("Ivan Primerov")] == ["a-0"]
        assert store.indexed_entries() == 2
        # A new id: nomenklatura caches each entry's analysed names by id.
        store.import_list(_listfile("a", ["Pyotr Sampleson"], ids=["a-new"]), force=True)
        assert screener.screen("Ivan Primerov") == []
        assert [h.list for h in screener.screen("Pyotr Sampleson")] == ["a"]
        store.remove_dataset("a")
        assert store.indexed_entries() == 1
        assert store.key_frequencies(["t:pyotr", "t:olga"]) == {"t:olga": 1}
        assert Screener.from_store(store).screen("Pyotr Sampleson") == []  # type: ignore[union-attr]


#: What a running import of the list "a" holds: the lock of that list in its store's schema.
LOCK_LIST_A = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || :key))"
LIST_A_KEY = {"key": ":sanctrace-list:a"}


@pytest.mark.postgres
def test_lists_two_imports_of_one_list_at_once_on_postgres(postgres_url: str) -> None:
    """The second import is refused in one sentence while the first holds the list."""
    from sqlalchemy import create_engine

    with Store(postgres_url) as store:
        before = store.import_list(_listfile("a", ["Kim Jong Un", "Kim Yo Jong"]))
        engine = create_engine(postgres_url)
        with engine.begin() as other:
            # What a running import holds: the list's lock, in an open transaction.
            other.execute(text(LOCK_LIST_A), LIST_A_KEY)
            with pytest.raises(ListImportError) as caught:
                store.import_list(_listfile("a", ["Ri Pyong Chol", "Pak Jong Chon"]))
        engine.dispose()
        assert str(caught.value) == (
            "Cannot import a.json: another import of the list 'a' into this store is running; "
            "the stored list was not changed, so wait for the other import to finish and try "
            "again."
        )
        assert store.datasets() == [before]


@pytest.mark.postgres
def test_lists_import_in_another_schema_is_not_blocked_on_postgres(postgres_url: str) -> None:
    """Stores sharing a database (one schema each) import the same list independently."""
    from sqlalchemy import create_engine

    engine = create_engine(POSTGRES_URL)  # the database's default schema: another store
    with Store(postgres_url) as store, engine.begin() as other:
        # What an import of list "a" into that other store holds while it runs.
        store._lock_list(other, _listfile("a", ["Ri Pyong Chol"]))
        info = store.import_list(_listfile("a", ["Kim Jong Un", "Kim Yo Jong"]))
    engine.dispose()
    assert info.entity_count == 2


def test_lists_read_entities_and_index_rows_of_several_lists_by_id(store_url: str) -> None:
    with Store(store_url) as store:
        store.import_list(_listfile("list_a", ["Kim Il", "Ri Su"], ["same", "a-only"]))
        store.import_list(_listfile("list_b", ["Pak Chol"], ["same"]))
        refs = [("list_a", "same"), ("list_b", "same"), ("list_a", "a-only"), ("list_b", "gone")]
        found = store.get_entities(refs)
        rows = store.screen_entries(refs)
    assert {ref: entity.caption for ref, entity in found.items()} == {
        ("list_a", "same"): "Kim Il",
        ("list_b", "same"): "Pak Chol",
        ("list_a", "a-only"): "Ri Su",
    }
    assert sorted((row.dataset, row.entity_id) for row in rows) == sorted(refs[:3])
