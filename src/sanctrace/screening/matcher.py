"""Screen a name against the loaded lists with nomenklatura's matchers.

The screener turns a name and its qualifiers into a followthemoney query
entity (the kind of party picks the schema, the country and birth year
become `country` and `birthDate`), asks the candidate index for the few
entries worth scoring, and scores each with a nomenklatura algorithm
(logic-v2 by default). The algorithm's qualifier features do the work of
separating namesakes: a different country costs 0.2, a different birth year
0.15, a different kind of party rules the entry out.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from followthemoney import EntityProxy, model
from followthemoney.types import registry
from nomenklatura.matching import ALGORITHMS, get_algorithm

from sanctrace.model import ScreeningHit
from sanctrace.screening.explain import explain, feature_weights
from sanctrace.screening.index import CandidateIndex
from sanctrace.screening.listing import Listing, listing_of, sanctions_by_entity
from sanctrace.screening.names import ScreeningInputError, check_query_name

if TYPE_CHECKING:
    from sanctrace.store import Store

DEFAULT_ALGORITHM = "logic-v2"

#: The reporting threshold: hits scoring below it are not reported. 0.7 is
#: the cut-off OpenSanctions' yente uses with logic-v2; benchmarks/README.md
#: records recall and false positives at this value.
DEFAULT_THRESHOLD = 0.7

#: How many index candidates are scored per name: enough that the right
#: entry is among them for the spellings news uses, few enough to keep a
#: name under a few milliseconds.
CANDIDATES = 20

#: Query schemata for each kind of party (the contract's kinds plus vessel
#: and aircraft). A name of unknown kind is asked both as a legal entity and
#: as a vessel, the two kinds news names without saying which they are.
KIND_SCHEMATA: dict[str, tuple[str, ...]] = {
    "person": ("Person",),
    "organization": ("Organization",),
    "state": ("PublicBody",),
    "vessel": ("Vessel",),
    "aircraft": ("Airplane",),
    "unknown": ("LegalEntity", "Vessel"),
}

_EARLIEST_BIRTH_YEAR = 1850


class Screener:
    """Screens names against an index of listed entries."""

    def __init__(
        self,
        index: CandidateIndex,
        listings: dict[str, Listing],
        algorithm: str = DEFAULT_ALGORITHM,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        found = get_algorithm(algorithm)
        if found is None:
            names = ", ".join(sorted(a.NAME for a in ALGORITHMS))
            raise ScreeningInputError(
                f"There is no matching algorithm called {algorithm!r}: choose one of {names}."
            )
        if not 0.0 <= threshold <= 1.0:
            raise ScreeningInputError(
                f"The screening threshold {threshold} is outside 0..1: give a score such as 0.7."
            )
        self.index = index
        self.algorithm = found
        self.threshold = threshold
        self.listings = listings
        self._config = found.default_config()
        self._weights = feature_weights(found, self._config)
        self._warm_up()

    @classmethod
    def from_entities(
        cls,
        entities: Iterable[EntityProxy],
        algorithm: str = DEFAULT_ALGORITHM,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> Screener:
        """Index `entities` (parties, vessels and any `Sanction` entities about them)."""
        everything = list(entities)
        sanctions = sanctions_by_entity(everything)
        index = CandidateIndex(everything)
        listings = {
            entry.id: listing_of(entry, sanctions.get(entry.id, ()))
            for entry in index.entities
            if entry.id is not None
        }
        return cls(index, listings, algorithm=algorithm, threshold=threshold)

    @classmethod
    def from_store(
        cls,
        store: Store,
        algorithm: str = DEFAULT_ALGORITHM,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> Screener | None:
        """Index every list in `store`; None when the store holds no list."""
        if not store.datasets():
            return None
        return cls.from_entities(store.iter_entities(), algorithm=algorithm, threshold=threshold)

    def _warm_up(self) -> None:
        """Score one pair per kind, so that the reference data nomenklatura and
        rigour load on first use (a second or more) does not slow the first name."""
        for kind in ("person", "organization", "vessel"):
            (query,) = build_queries("Sanctrace Warm Up", kind, None, None)
            entry = model.make_entity(query.schema)
            entry.add("name", "Sanctrace Warm Up")
            entry.make_id("sanctrace-warm-up", kind)
            self.algorithm.compare(query, entry, self._config)

    def screen(
        self,
        name: str,
        kind: str | None = None,
        country: str | None = None,
        birth_year: int | None = None,
        limit: int = 5,
    ) -> list[ScreeningHit]:
        """Return up to `limit` hits scoring at least the threshold, best first.

        Raises ScreeningInputError (one sentence) for an empty or overlong
        name, an unknown kind or country, or a birth year that is impossible
        or given for something that is not a person.
        """
        queries = build_queries(check_query_name(name), kind, country, birth_year)
        hits: list[ScreeningHit] = []
        for query, entry in self.index.candidates(queries, CANDIDATES):
            result = self.algorithm.compare(query, entry, self._config)
            if result.score < self.threshold or entry.id is None:
                continue
            listing = self.listings[entry.id]
            hits.append(
                ScreeningHit(
                    list=listing.list,
                    entry_id=entry.id,
                    name=entry.caption,
                    score=round(result.score, 4),
                    programs=list(listing.programs),
                    listed_on=listing.listed_on,
                    explanation=explain(result, self._weights),
                )
            )
        hits.sort(key=lambda hit: (-hit.score, hit.list, hit.entry_id))
        return hits[:limit]


def build_queries(
    name: str, kind: str | None, country: str | None, birth_year: int | None
) -> list[EntityProxy]:
    """Return the query entities for a checked name and its qualifiers."""
    kind_key = (kind or "unknown").strip().lower()
    if kind_key not in KIND_SCHEMATA:
        kinds = ", ".join(KIND_SCHEMATA)
        raise ScreeningInputError(f"The kind of party {kind!r} is not known: use one of {kinds}.")
    if birth_year is not None:
        _check_birth_year(birth_year)
        if kind_key == "unknown":
            kind_key = "person"
        elif kind_key != "person":
            raise ScreeningInputError(
                f"A birth year was given for a {kind_key}: birth years apply only to people."
            )
    country_code = None
    if country:
        country_code = registry.country.clean(country)
        if country_code is None:
            raise ScreeningInputError(
                f"The country {country!r} is not known: give an ISO code such as 'kp' or a name."
            )
    queries = []
    for schema in KIND_SCHEMATA[kind_key]:
        query = model.make_entity(schema)
        query.add("name", name)
        query.add("country", country_code)
        if birth_year is not None:
            query.add("birthDate", str(birth_year))
        # nomenklatura caches analysed names by entity id: the id must follow the content.
        query.make_id("sanctrace-query", schema, name, country_code, birth_year)
        queries.append(query)
    return queries


def _check_birth_year(year: int) -> None:
    this_year = datetime.date.today().year
    if not _EARLIEST_BIRTH_YEAR <= year <= this_year:
        raise ScreeningInputError(
            f"The birth year {year} is impossible: give a year between "
            f"{_EARLIEST_BIRTH_YEAR} and {this_year}."
        )
