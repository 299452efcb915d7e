"""The store's lists: atomic import, listing, removal, reading back (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from followthemoney import EntityProxy, ValueEntity, model

from sanctrace.errors import ListImportError, StoreError
from sanctrace.screening.loaders import ListFile, read_list
from sanctrace.store import Store
from screening.loaders.real_lists import UN_XML, real_list


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
        dataset, f"Test list {dataset}", f"{dataset}.json", "2024-05-03", iter(entities)
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
        store.import_list(_listfile("a", ["Ri Pyong Chol", "Pak Jong Chon"], ids=["x", "y"]))
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
        with pytest.raises(ListImportError, match="two of its entries share one id"):
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
        ("postgresql+psycopg://postgres:secret@127.0.0.1:1/test", "Cannot open the store"),
    ],
)
def test_lists_unusable_store_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store(url)
    assert message in str(caught.value)
    assert "secret" not in str(caught.value)
