"""The candidate index kept in the store: written at `lists import`, read by `screen`.

Building the index means analysing every name of every list with rigour
(about 7 s for the UN and OFAC lists); doing it once, when a list is
imported, lets a cold `sanctrace screen NAME` read only the postings of the
query's keys and the few entries worth scoring. The import also records
what rigour's person-name tagger says of the list's words and phrases
(`sanctrace.screening.tagging`), so that screening never builds the
tagger. The rows are written in the import's transaction and deleted with
the list, so they cannot go stale; rows written by another `INDEX_VERSION`
or another rigour version are not used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from followthemoney import EntityProxy, model
from followthemoney.schema import Schema

from sanctrace.screening.index import CandidateIndex, Ref, entry_keys, is_screenable
from sanctrace.screening.listing import Listing, listing_of
from sanctrace.screening.tagging import encode, harvest, merge_harvest

if TYPE_CHECKING:
    from sanctrace.store import Store

#: Raise when the keys, the listing facts or the recorded phrases change
#: meaning: lists imported with another version are then indexed in memory
#: (and the person-name tagger built) until re-imported. 2: phrases recorded.
INDEX_VERSION = 2


class IndexBuilder:
    """Collects the index rows of one list while the store imports its entities."""

    def __init__(self, dataset: str) -> None:
        self.dataset = dataset
        self._entries: dict[str, EntityProxy] = {}
        self._sanctions: dict[str, list[EntityProxy]] = {}
        self._phrases: dict[str, list[str]] = {}

    def key_rows(self, entities: Iterable[EntityProxy]) -> list[dict[str, str]]:
        """The (key, entry) rows of a batch of entities; remembers what listings need."""
        rows: list[dict[str, str]] = []
        for entity in entities:
            if entity.schema.name == "Sanction":
                for target in entity.get("entity"):
                    self._sanctions.setdefault(target, []).append(entity)
            if entity.id is None or not is_screenable(entity):
                continue
            self._entries[entity.id] = entity
            merge_harvest(self._phrases, harvest(entity))
            rows.extend(
                {"key": key, "dataset": self.dataset, "entity_id": entity.id}
                for key in sorted(entry_keys(entity))
            )
        return rows

    def phrase_rows(self) -> list[dict[str, str]]:
        """One row per word or tagged phrase of the list's names, once all are seen."""
        return [
            {"phrase": phrase, "dataset": self.dataset, "symbols": encode(symbols)}
            for phrase, symbols in sorted(self._phrases.items())
        ]

    def entry_rows(self) -> list[dict[str, str | None]]:
        """One row per screenable entry, once every entity has been seen."""
        rows: list[dict[str, str | None]] = []
        for entity_id, entity in self._entries.items():
            listing = listing_of(entity, self._sanctions.get(entity_id, ()))
            rows.append(
                {
                    "dataset": self.dataset,
                    "entity_id": entity_id,
                    "schema": entity.schema.name,
                    "programs": json.dumps(listing.programs, ensure_ascii=False),
                    "listed_on": listing.listed_on,
                }
            )
        return rows


class StoredIndex(CandidateIndex):
    """The candidate index of the store's lists; an entry is named (dataset, id).

    By default each name reads the postings of its keys from the store (a few
    milliseconds, nothing loaded up front: right for one name). `preload`
    reads all postings once (a second or two), for many names: a file of
    names, or the parties of a batch of documents.
    """

    def __init__(self, store: Store, preload: bool = False) -> None:
        self._store = store
        self._size = store.indexed_entries()
        self._loaded: dict[str, list[Ref]] | None = None
        # Entries read once are kept: a screener lives no longer than its
        # store's lists stay as they are (see `Screener.from_store`).
        self._schemata: dict[Ref, Schema] = {}
        self._entries: dict[Ref, tuple[EntityProxy, Listing]] = {}
        if preload:
            self._loaded = {}
            for key, dataset, entity_id in store.all_postings():
                self._loaded.setdefault(key, []).append((dataset, entity_id))

    def __len__(self) -> int:
        return self._size

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        if self._loaded is not None:
            return {key: len(self._loaded[key]) for key in keys if key in self._loaded}
        return self._store.key_frequencies(list(keys))

    def postings(self, keys: Iterable[str]) -> dict[str, list[Ref]]:
        if self._loaded is not None:
            return {key: self._loaded[key] for key in keys if key in self._loaded}
        found: dict[str, list[Ref]] = {}
        for key, dataset, entity_id in self._store.key_postings(list(keys)):
            found.setdefault(key, []).append((dataset, entity_id))
        return found

    def members(self, keys: Iterable[str], refs: Iterable[Ref]) -> dict[str, set[Ref]]:
        if self._loaded is not None:
            wanted = set(refs)
            return {key: wanted.intersection(self._loaded.get(key, ())) for key in keys}
        found: dict[str, set[Ref]] = {}
        ids = list({ref[1] for ref in refs})  # type: ignore[index]
        wanted = set(refs)
        for key, dataset, entity_id in self._store.key_postings(list(keys), ids):
            if (dataset, entity_id) in wanted:
                found.setdefault(key, set()).add((dataset, entity_id))
        return found

    def schemata(self, refs: Sequence[Ref]) -> dict[Ref, Schema]:
        missing = [ref for ref in refs if ref not in self._schemata]
        if missing:
            rows = self._store.screen_entries(missing)  # type: ignore[arg-type]
            for row in rows:
                self._schemata[(row.dataset, row.entity_id)] = model.get(row.schema)  # type: ignore[assignment]
        return {ref: self._schemata[ref] for ref in refs}  # type: ignore[misc]

    def entries(self, refs: Sequence[Ref]) -> dict[Ref, tuple[EntityProxy, Listing]]:
        missing = [ref for ref in refs if ref not in self._entries]
        if missing:
            entities = self._store.get_entities(missing)  # type: ignore[arg-type]
            for row in self._store.screen_entries(missing):  # type: ignore[arg-type]
                ref = (row.dataset, row.entity_id)
                listing = Listing(row.dataset, json.loads(row.programs), row.listed_on)
                self._entries[ref] = (entities[ref], listing)
        return {ref: self._entries[ref] for ref in refs}
