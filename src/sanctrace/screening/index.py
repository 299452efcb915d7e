"""An inverted index that picks the few list entries worth scoring.

nomenklatura's scorer is precise but costs a fraction of a millisecond per
pair; scoring all ~16,000 entries of the UN and OFAC lists for every name
would take seconds. The index maps name keys (part forms, phonetic codes,
one-letter deletions, glued neighbouring parts, rigour's cross-script name
symbols; see `names.part_keys`) to entries, keeps the entries sharing keys
with enough of the query's name parts, and ranks them by the summed rarity
(inverse document frequency) of the shared keys, so that only the best few
are scored.

`CandidateIndex` holds the ranking; where the postings live is up to its
subclasses: `MemoryIndex` (entities given in memory, as tests and
`Screener.from_entities` use) and `sanctrace.screening.stored.StoredIndex`
(postings written into the store at `lists import` time, so that a cold
`sanctrace screen` reads a few rows instead of analysing every entry).
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Sequence
from typing import NamedTuple

from followthemoney import EntityProxy
from followthemoney.names import entity_names, schema_type_tag
from followthemoney.schema import Schema
from rigour.names import NameTypeTag

from sanctrace.screening.listing import Listing, listing_of, sanctions_by_entity
from sanctrace.screening.names import name_keys, part_keys

#: Keys shared by more entries than this fraction of the index (such as the
#: symbol for "LLC") are not walked to find entries, as their posting lists
#: are long; they still count for the entries that rarer keys found, and
#: find entries themselves only when the query has no rarer key.
COMMON_KEY_FRACTION = 0.03

#: An entry is scored only if it shares keys with at least this share of the
#: query's name parts (2 of 2, 2 of 3, 3 of 4). Entries sharing less cannot
#: reach the reporting threshold with logic-v2, which weighs every unmatched
#: query part heavily; skipping them is what keeps unlisted names cheap.
MIN_COVERAGE = 0.6

#: Key prefix of IMO numbers (name keys use "t:", "p:", "d:" and "s:").
IMO = "i:"

#: Ranked entries whose schema is checked per round trip to the postings.
_SCHEMA_BATCH = 200

#: Entry kinds the index serves; anything else (addresses, sanctions,
#: ownership links) carries no name worth screening.
_SCREENABLE = {NameTypeTag.PER, NameTypeTag.ORG, NameTypeTag.ENT, NameTypeTag.OBJ}

#: How an index names one of its entries: a position, or (dataset, id).
Ref = Hashable

#: How a query name of each type is read to find candidates (see `query_probes`).
_READINGS = {NameTypeTag.ENT: (NameTypeTag.ORG, NameTypeTag.PER)}


class Candidate(NamedTuple):
    """One entry worth scoring, with the query (schema) it is scored against."""

    query: EntityProxy
    entry: EntityProxy
    listing: Listing


def is_screenable(entity: EntityProxy) -> bool:
    """Is `entity` a named party or object that screening should find?"""
    return schema_type_tag(entity.schema) in _SCREENABLE and bool(entity.names)


def entry_keys(entity: EntityProxy) -> set[str]:
    """The index keys of a listed entry (all its names, none consolidated away)."""
    return name_keys(entity_names(entity, consolidate=False)) | imo_keys(entity)


def imo_keys(entity: EntityProxy) -> set[str]:
    """Keys for an entity's IMO numbers: a vessel is found by its number whatever its name."""
    return {IMO + value.removeprefix("IMO") for value in entity.get("imoNumber", quiet=True)}


def query_probes(queries: Iterable[EntityProxy]) -> list[dict[str, set[str]]]:
    """The index keys of query entities by name part, once per way of reading the name.

    A query of unknown kind (a LegalEntity) is read as a person's name and
    as an organisation's: "JOINT STOCK COMPANY AVTOVAZ" is two parts (a
    legal form and a name) to the organisation analysis and four to a plain
    one, and the listed entry is analysed the organisation's way.
    """
    probes: dict[NameTypeTag, dict[str, set[str]]] = {}
    for query in queries:
        tag = schema_type_tag(query.schema)
        for read_as in _READINGS.get(tag, (tag,)):
            names = entity_names(query, type_tag=read_as, infer_initials=True, consolidate=False)
            found = probes.setdefault(read_as, {})
            for part, keys in part_keys(names).items():
                found.setdefault(part, set()).update(keys)
    found = [parts for parts in probes.values() if parts]
    # The IMO number is a probe of its own: sharing it is enough to be scored.
    numbers = set().union(*(imo_keys(query) for query in queries))
    return [*found, {"imo": numbers}] if numbers else found


def needed_parts(count: int) -> int:
    """How many of a query's `count` name parts an entry must share to be scored."""
    return max(1, math.ceil(MIN_COVERAGE * count))


class CandidateIndex(ABC):
    """Name keys -> list entries, ranked by the rarity of the keys they share."""

    @abstractmethod
    def __len__(self) -> int:
        """How many entries the index serves."""

    @abstractmethod
    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        """How many entries carry each of `keys` (keys no entry carries are left out)."""

    @abstractmethod
    def postings(self, keys: Iterable[str]) -> dict[str, list[Ref]]:
        """The entries carrying each of `keys`."""

    @abstractmethod
    def members(self, keys: Iterable[str], refs: Iterable[Ref]) -> dict[str, set[Ref]]:
        """Which of `refs` carry each of `keys` (for keys too common to walk)."""

    @abstractmethod
    def schemata(self, refs: Sequence[Ref]) -> dict[Ref, Schema]:
        """The schema of each entry in `refs`."""

    @abstractmethod
    def entries(self, refs: Sequence[Ref]) -> dict[Ref, tuple[EntityProxy, Listing]]:
        """The entity and listing facts of each entry in `refs`."""

    def candidates(self, queries: Sequence[EntityProxy], limit: int) -> list[Candidate]:
        """Return the entries worth scoring, best first for each query.

        `queries` are the same name under different schemata (a name of
        unknown kind is asked as a LegalEntity and as a Vessel). Each query
        gets up to `limit` entries its schema can match, and each entry goes
        to the first query that can match it, so the many people called
        "Song" do not crowd out the vessel "Ji Song 6". Ties keep the
        index's order, so the result is deterministic.
        """
        best: dict[Ref, float] = {}
        for parts in query_probes(queries):
            for ref, score in self._scored(parts).items():
                best[ref] = max(score, best.get(ref, 0.0))
        ranked = [ref for _, ref in sorted((-score, ref) for ref, score in best.items())]
        taken = [0] * len(queries)
        chosen: list[tuple[Ref, EntityProxy]] = []
        for start in range(0, len(ranked), _SCHEMA_BATCH):
            batch = ranked[start : start + _SCHEMA_BATCH]
            schemata = self.schemata(batch)
            for ref in batch:
                for number, query in enumerate(queries):
                    if query.schema.can_match(schemata[ref]):
                        if taken[number] < limit:
                            taken[number] += 1
                            chosen.append((ref, query))
                        break
                if all(count == limit for count in taken):
                    break
            if all(count == limit for count in taken):
                break
        found = self.entries([ref for ref, _ in chosen])
        return [Candidate(query, *found[ref]) for ref, query in chosen]

    def _scored(self, parts: dict[str, set[str]]) -> dict[Ref, float]:
        """Entries sharing enough of the query's parts, with their summed key rarity."""
        frequency = self.frequencies({key for keys in parts.values() for key in keys})
        masks: dict[str, int] = {}
        for bit, part in enumerate(sorted(parts)):
            for key in parts[part]:
                if key in frequency:
                    masks[key] = masks.get(key, 0) | (1 << bit)
        size = max(len(self), 1)
        common_size = max(int(size * COMMON_KEY_FRACTION), 10)
        keys = sorted(masks, key=lambda key: (frequency[key], key))
        rare = [key for key in keys if frequency[key] <= common_size]
        common = [key for key in keys if frequency[key] > common_size]
        # A query made only of common keys ("Kim") still needs candidates.
        walked, checked = (rare, common) if rare else (common[:3], common[3:])
        scores: dict[Ref, float] = {}
        covered: dict[Ref, int] = {}
        for key, refs in self.postings(walked).items():
            weight, mask = math.log(1 + size / frequency[key]), masks[key]
            for ref in refs:
                scores[ref] = scores.get(ref, 0.0) + weight
                covered[ref] = covered.get(ref, 0) | mask
        # Common keys ("LLC", "Kim") still count as shared parts of the
        # entries found so far; only their long posting lists are not walked.
        if checked and scores:
            for key, members in self.members(checked, list(scores)).items():
                weight, mask = math.log(1 + size / frequency[key]), masks[key]
                for ref in members:
                    scores[ref] += weight
                    covered[ref] |= mask
        needed = needed_parts(len(parts))
        return {ref: score for ref, score in scores.items() if covered[ref].bit_count() >= needed}


class MemoryIndex(CandidateIndex):
    """An index built in memory from entities (parties, vessels, `Sanction`s)."""

    def __init__(self, entities: Iterable[EntityProxy]) -> None:
        everything = list(entities)
        sanctions = sanctions_by_entity(everything)
        self.entities: list[EntityProxy] = [e for e in everything if is_screenable(e)]
        self._listings = [listing_of(e, sanctions.get(e.id or "", ())) for e in self.entities]
        postings: dict[str, list[int]] = {}
        for position, entity in enumerate(self.entities):
            for key in entry_keys(entity):
                postings.setdefault(key, []).append(position)
        self._postings = postings

    def __len__(self) -> int:
        return len(self.entities)

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        return {key: len(self._postings[key]) for key in keys if key in self._postings}

    def postings(self, keys: Iterable[str]) -> dict[str, list[Ref]]:
        return {key: list(self._postings[key]) for key in keys if key in self._postings}

    def members(self, keys: Iterable[str], refs: Iterable[Ref]) -> dict[str, set[Ref]]:
        wanted = set(refs)
        return {key: wanted.intersection(self._postings.get(key, ())) for key in keys}

    def schemata(self, refs: Sequence[Ref]) -> dict[Ref, Schema]:
        return {ref: self.entities[ref].schema for ref in refs}  # type: ignore[index]

    def entries(self, refs: Sequence[Ref]) -> dict[Ref, tuple[EntityProxy, Listing]]:
        return {ref: (self.entities[ref], self._listings[ref]) for ref in refs}  # type: ignore[index]
