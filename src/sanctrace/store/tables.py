"""The store's tables: one row per loaded list, one row per list entity."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

METADATA = MetaData()

#: One row per loaded list (dataset), with what the `lists` command shows.
DATASETS = Table(
    "list_datasets",
    METADATA,
    Column("id", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("source_path", Text, nullable=False),
    Column("source_date", String, nullable=True),
    Column("entity_count", Integer, nullable=False),
    Column("imported_at", String, nullable=False),
)

#: One row per followthemoney entity; `data` is the entity's JSON
#: (`EntityProxy.to_dict()` without `datasets`, which `dataset` holds).
ENTITIES = Table(
    "list_entities",
    METADATA,
    Column("dataset", String, primary_key=True),
    Column("id", String, primary_key=True),
    Column("schema", String, nullable=False),
    Column("caption", Text, nullable=False),
    Column("data", Text, nullable=False),
)
