"""Schema migrations: from an empty store, from the lists-only schema, refusing a newer one."""

from __future__ import annotations

import pytest
from followthemoney import ValueEntity, model
from sqlalchemy import inspect, text

from sanctrace.errors import StoreError
from sanctrace.screening.loaders import ListFile
from sanctrace.store import Store
from sanctrace.store.connect import open_engine
from sanctrace.store.migrate import head_revision, schema_state, upgrade
from sanctrace.store.schema import METADATA
from sanctrace.store.workspace import Workspace


def _one_list() -> ListFile:
    entity = ValueEntity(model.get("Person"), {"id": "x-1", "datasets": ["x"]})
    entity.add("name", "Kim Yo Jong")
    return ListFile("x", "Test list", "x.json", "2024-05-03", iter([entity]), "ftm_json")


def test_migrate_creates_every_table_in_an_empty_store(store_url: str) -> None:
    engine = open_engine(store_url)
    before = upgrade(engine)
    assert before.current is None
    tables = set(inspect(engine).get_table_names())
    assert set(METADATA.tables) | {"list_datasets", "list_entities", "alembic_version"} <= tables
    assert schema_state(engine).up_to_date
    assert upgrade(engine).up_to_date  # a second upgrade changes nothing
    engine.dispose()


def test_migrate_keeps_the_lists_of_a_lists_only_store(store_url: str) -> None:
    with Store(store_url) as lists:  # the previous schema, without alembic_version
        lists.import_list(_one_list())
    with Workspace(store_url) as workspace:
        assert workspace.schema_before.current is None
        assert schema_state(workspace.engine).current == head_revision()
    with Store(store_url) as lists:
        assert [e.caption for e in lists.iter_entities()] == ["Kim Yo Jong"]


def test_migrate_refuses_a_store_of_a_newer_schema(store_url: str) -> None:
    Workspace(store_url).close()
    engine = open_engine(store_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError) as caught:
        Workspace(store_url)
    assert "schema revision 9999, made by a newer sanctrace" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_migrate_known_revisions_are_the_packaged_scripts() -> None:
    from sanctrace.store.migrate import REVISIONS, script_revisions

    assert tuple(script_revisions()) == REVISIONS
