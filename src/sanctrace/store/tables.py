"""The store's tables: loaded lists, their entities and their screening index."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

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

#: The candidate index of each list, built at import time so that screening
#: reads a few rows instead of analysing every name of every list on start:
#: one row per (name key, entry); see `sanctrace.screening.stored`.
NAME_KEYS = Table(
    "list_name_keys",
    METADATA,
    Column("key", String, primary_key=True),
    Column("dataset", String, primary_key=True),
    Column("entity_id", String, primary_key=True),
    Index("ix_list_name_keys_dataset", "dataset"),
)

#: One row per screenable entry: its schema and what a hit says about its listing.
SCREEN_ENTRIES = Table(
    "list_screen_entries",
    METADATA,
    Column("dataset", String, primary_key=True),
    Column("entity_id", String, primary_key=True),
    Column("schema", String, nullable=False),
    Column("programs", Text, nullable=False),  # JSON list
    Column("listed_on", String, nullable=True),
)

#: Per list: the kind of file it was imported from (a list is not replaced
#: from a file of another kind unless forced), and which version of the index
#: it was imported with (an index of another version is not used: screening
#: then builds it in memory) with how many entries it serves.
NAME_INDEXES = Table(
    "list_name_indexes",
    METADATA,
    Column("dataset", String, primary_key=True),
    Column("source_kind", String, nullable=False),
    Column("version", Integer, nullable=False),
    Column("entries", Integer, nullable=False),
)

#: What rigour's person-name tagger says of every word and tagged phrase of
#: each list's names (symbols as a JSON list of "CATEGORY:id", `[]` for a
#: word without one), recorded at import so that screening needs no tagger;
#: see `sanctrace.screening.tagging`.
NAME_PHRASES = Table(
    "list_name_phrases",
    METADATA,
    Column("phrase", Text, primary_key=True),
    Column("dataset", String, primary_key=True),
    Column("symbols", Text, nullable=False),
    Index("ix_list_name_phrases_dataset", "dataset"),
)

#: Per list: the rigour version whose tagger recorded its phrases (and
#: analysed its names for the index); prepared data of another version is
#: not used.
NAME_LEXICONS = Table(
    "list_name_lexicons",
    METADATA,
    Column("dataset", String, primary_key=True),
    Column("rigour", String, nullable=False),
    Column("phrases", Integer, nullable=False),
)
