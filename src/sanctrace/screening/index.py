"""An in-memory inverted index that picks the few list entries worth scoring.

nomenklatura's scorer is precise but costs a fraction of a millisecond per
pair; scoring all ~16,000 entries of the UN and OFAC lists for every name
would take seconds. The index maps name keys (part forms, phonetic codes,
one-letter deletions, glued neighbouring parts, rigour's cross-script name
symbols; see `names.part_keys`) to entries, keeps the entries sharing keys
with enough of the query's name parts, and ranks them by the summed rarity
(inverse document frequency) of the shared keys, so that only the best few
are scored.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from followthemoney import EntityProxy
from followthemoney.names import entity_names, schema_type_tag
from rigour.names import NameTypeTag

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

#: Entry kinds the index serves; anything else (addresses, sanctions,
#: ownership links) carries no name worth screening.
_SCREENABLE = {NameTypeTag.PER, NameTypeTag.ORG, NameTypeTag.ENT, NameTypeTag.OBJ}


def is_screenable(entity: EntityProxy) -> bool:
    """Is `entity` a named party or object that screening should find?"""
    return schema_type_tag(entity.schema) in _SCREENABLE and bool(entity.names)


def query_part_keys(queries: Iterable[EntityProxy]) -> dict[str, set[str]]:
    """Return the index keys of query entities by name part (initials inferred)."""
    found: dict[str, set[str]] = {}
    for query in queries:
        names = entity_names(query, infer_initials=True, consolidate=False)
        for part, keys in part_keys(names).items():
            found.setdefault(part, set()).update(keys)
    return found


def needed_parts(count: int) -> int:
    """How many of a query's `count` name parts an entry must share to be scored."""
    return max(1, math.ceil(MIN_COVERAGE * count))


class CandidateIndex:
    """Name keys -> list entries, ranked by the rarity of the keys they share."""

    def __init__(self, entities: Iterable[EntityProxy]) -> None:
        self.entities: list[EntityProxy] = [e for e in entities if is_screenable(e)]
        postings: dict[str, list[int]] = {}
        for position, entity in enumerate(self.entities):
            for key in name_keys(entity_names(entity, consolidate=False)):
                postings.setdefault(key, []).append(position)
        self._postings = postings
        size = max(len(self.entities), 1)
        self._common = max(int(size * COMMON_KEY_FRACTION), 10)
        self._idf = {key: math.log(1 + size / len(found)) for key, found in postings.items()}
        self._common_sets = {
            key: set(found) for key, found in postings.items() if len(found) > self._common
        }

    def __len__(self) -> int:
        return len(self.entities)

    def candidates(
        self, queries: Sequence[EntityProxy], limit: int
    ) -> list[tuple[EntityProxy, EntityProxy]]:
        """Return (query, entry) pairs worth scoring, best first for each query.

        `queries` are the same name under different schemata (a name of
        unknown kind is asked as a LegalEntity and as a Vessel). Each query
        gets up to `limit` entries its schema can match, and each entry goes
        to the first query that can match it, so the many people called
        "Song" do not crowd out the vessel "Ji Song 6". Ties keep list
        order, so the result is deterministic.
        """
        parts = query_part_keys(queries)
        masks: dict[str, int] = {}
        for bit, part in enumerate(sorted(parts)):
            for key in parts[part]:
                if key in self._postings:
                    masks[key] = masks.get(key, 0) | (1 << bit)
        keys = sorted(masks, key=lambda key: (len(self._postings[key]), key))
        rare = [key for key in keys if len(self._postings[key]) <= self._common]
        common = [key for key in keys if len(self._postings[key]) > self._common]
        # A query made only of common keys ("Kim") still needs candidates.
        scores: dict[int, float] = {}
        covered: dict[int, int] = {}
        for key in rare or common[:3]:
            weight, mask = self._idf[key], masks[key]
            for position in self._postings[key]:
                scores[position] = scores.get(position, 0.0) + weight
                covered[position] = covered.get(position, 0) | mask
        # Common keys ("LLC", "Kim") still count as shared parts of the
        # entries found so far; only their long posting lists are not walked.
        for key in common if rare else common[3:]:
            weight, mask, members = self._idf[key], masks[key], self._common_sets[key]
            for position in scores:
                if position in members:
                    scores[position] += weight
                    covered[position] |= mask
        needed = needed_parts(len(parts))
        scores = {
            position: score
            for position, score in scores.items()
            if covered[position].bit_count() >= needed
        }
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        taken = dict.fromkeys(range(len(queries)), 0)
        pairs: list[tuple[EntityProxy, EntityProxy]] = []
        for position, _ in ranked:
            entry = self.entities[position]
            for number, query in enumerate(queries):
                if query.schema.can_match(entry.schema):
                    if taken[number] < limit:
                        taken[number] += 1
                        pairs.append((query, entry))
                    break
            if all(count == limit for count in taken.values()):
                break
        return pairs
