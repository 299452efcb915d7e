"""Screen a party against the loaded lists with nomenklatura's matchers.

The screener turns a `PartyQuery` (a name and what is known about the
party) into followthemoney query entities (see `sanctrace.screening.query`),
asks the candidate index for the few entries worth scoring, and scores each
with a nomenklatura algorithm (logic-v2 by default). The algorithm's
qualifier features do the work of separating namesakes: a different
country costs 0.2, a different birth year 0.15 (a different day 0.25), a
different kind of party rules the entry out; a shared IMO number scores
0.95 whatever the name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from followthemoney import EntityProxy, model
from followthemoney.types import registry

from sanctrace.model import ScreeningHit
from sanctrace.screening.algorithms import algorithm_names, get_algorithm
from sanctrace.screening.explain import explain, feature_weights
from sanctrace.screening.index import CandidateIndex, MemoryIndex
from sanctrace.screening.names import ScreeningInputError
from sanctrace.screening.query import KIND_SCHEMATA, CheckedQuery, PartyQuery, check_query

if TYPE_CHECKING:
    from sanctrace.screening.tagging import PersonLexicon
    from sanctrace.store import Store

__all__ = ["DEFAULT_ALGORITHM", "DEFAULT_THRESHOLD", "KIND_SCHEMATA", "Screener"]

DEFAULT_ALGORITHM = "logic-v2"

#: The reporting threshold: hits scoring below it are not reported. 0.7 is
#: the cut-off OpenSanctions' yente uses with logic-v2; benchmarks/README.md
#: records recall and false positives at this value.
DEFAULT_THRESHOLD = 0.7

#: How many index candidates are scored per name and schema: enough that the
#: right entry is among them for the spellings news uses, few enough to keep
#: a name under a few milliseconds.
CANDIDATES = 20

#: nomenklatura features that compare addresses (see `Screener.screen_query`).
_ADDRESS_FEATURES = ("address_entity_match", "address_prop_match")


class Screener:
    """Screens parties against an index of listed entries."""

    def __init__(
        self,
        index: CandidateIndex,
        algorithm: str = DEFAULT_ALGORITHM,
        threshold: float = DEFAULT_THRESHOLD,
        lexicon: PersonLexicon | None = None,
    ) -> None:
        found = get_algorithm(algorithm)
        if found is None:
            names = ", ".join(algorithm_names())
            raise ScreeningInputError(
                f"There is no matching algorithm called {algorithm!r}: choose one of {names}."
            )
        check_threshold(threshold)
        self.index = index
        self.algorithm = found
        self.threshold = threshold
        #: The lists' recorded name phrases: names are analysed without
        #: building rigour's person-name tagger (see `sanctrace.screening.tagging`).
        self.lexicon = lexicon
        #: One sentence for the user when the store's prepared data could not be used.
        self.notice: str | None = None
        self._config = found.default_config()
        self._weights = feature_weights(found, self._config)
        # Query entities rarely carry an address; for them the address
        # features score 0 whatever the entry, and a weight of 0 makes
        # nomenklatura skip them, and with them rigour's first-use build of
        # its address data (0.5 s and more of a cold start).
        self._no_address_config = found.default_config()
        self._no_address_config.weights.update(dict.fromkeys(_ADDRESS_FEATURES, 0.0))

    @classmethod
    def from_entities(
        cls,
        entities: Iterable[EntityProxy],
        algorithm: str = DEFAULT_ALGORITHM,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> Screener:
        """Index `entities` (parties, vessels and any `Sanction` entities about them)."""
        return cls(MemoryIndex(entities), algorithm=algorithm, threshold=threshold)

    @classmethod
    def from_store(
        cls,
        store: Store,
        algorithm: str = DEFAULT_ALGORITHM,
        threshold: float = DEFAULT_THRESHOLD,
        many: bool = False,
    ) -> Screener | None:
        """Screen the lists in `store`; None when the store holds no list.

        The index and name phrases written at import time are read from the
        store, which must stay open while the screener is used: per name, or
        all at once with `many` (for files of names and batches of
        documents). Lists imported by another version of sanctrace or rigour
        are indexed in memory, and `notice` says how to avoid that.
        """
        from sanctrace.screening.stored import INDEX_VERSION, StoredIndex
        from sanctrace.screening.tagging import PersonLexicon, decode, rigour_version

        if not store.datasets():
            return None
        if not store.index_is_current(INDEX_VERSION, rigour_version()):
            screener = cls(MemoryIndex(store.iter_entities()), algorithm, threshold)
            screener.notice = (
                f"The lists in the store {store.shown_url} were imported by another version "
                "of sanctrace or rigour, so screening prepares them on every start (seconds); "
                "import them again with `sanctrace lists import` to store what it needs."
            )
            return screener
        if many:
            rows = ((phrase, decode(symbols)) for phrase, symbols in store.all_name_phrases())
            lexicon = PersonLexicon.preloaded(rows)
        else:
            lexicon = PersonLexicon(
                lambda phrases: {
                    phrase: decode(symbols)
                    for phrase, symbols in store.name_phrases(phrases).items()
                }
            )
        return cls(StoredIndex(store, preload=many), algorithm, threshold, lexicon)

    def screen(
        self,
        name: str,
        kind: str | None = None,
        country: str | None = None,
        birth_year: int | None = None,
        limit: int = 5,
        *,
        birth_date: str | None = None,
        aliases: Sequence[str] = (),
        imo: str | None = None,
        flag: str | None = None,
    ) -> list[ScreeningHit]:
        """Return up to `limit` hits scoring at least the threshold, best first.

        `birth_year` (or the fuller `birth_date`) applies to people, `imo`
        and `flag` to vessels; `aliases` are the party's other names. Raises
        ScreeningInputError (one sentence) for an empty or overlong name, an
        unknown kind or country, or a qualifier that is impossible or given
        for the wrong kind of party.
        """
        query = PartyQuery(
            name,
            kind=kind,
            country=country,
            birth_date=birth_date or (str(birth_year) if birth_year is not None else None),
            aliases=list(aliases),
            imo=imo,
            flag=flag,
        )
        return self.screen_query(query, limit)

    def warm_up(self) -> None:
        """Screen a person and a company once, so no later query pays for loading.

        rigour reads its name and address tables on first use: 15 to 20 s of a
        first query on the two-core development machine, then under 1 ms.
        """
        self.screen_query(PartyQuery("Jane Example", kind="person", country="gb"))
        self.screen_query(PartyQuery("Example Trading Ltd", kind="organization"))

    def screen_query(self, query: PartyQuery, limit: int = 5) -> list[ScreeningHit]:
        """`screen` for a `PartyQuery`."""
        queries = build_queries(check_query(query))
        if self.lexicon is None:
            return self._screen(queries, limit)
        with self.lexicon.active():
            return self._screen(queries, limit)

    def _screen(self, queries: list[EntityProxy], limit: int) -> list[ScreeningHit]:
        hits: list[ScreeningHit] = []
        for candidate in self.index.candidates(queries, CANDIDATES):
            entry = candidate.entry
            has_address = bool(candidate.query.get_type_values(registry.address))
            config = self._config if has_address else self._no_address_config
            result = self.algorithm.compare(candidate.query, entry, config)
            if result.score < self.threshold or entry.id is None:
                continue
            hits.append(
                ScreeningHit(
                    list=candidate.listing.list,
                    entry_id=entry.id,
                    name=entry.caption,
                    score=round(result.score, 4),
                    programs=list(candidate.listing.programs),
                    listed_on=candidate.listing.listed_on,
                    explanation=explain(result, self._weights),
                )
            )
        hits.sort(key=lambda hit: (-hit.score, hit.list, hit.entry_id))
        return hits[:limit]


def check_threshold(threshold: float) -> None:
    """Raise ScreeningInputError unless `threshold` is a score (0..1)."""
    if not 0.0 <= threshold <= 1.0:
        raise ScreeningInputError(
            f"The screening threshold {threshold} is outside 0..1: give a score such as 0.7."
        )


def build_queries(query: CheckedQuery) -> list[EntityProxy]:
    """Return the query entities for a checked query, one per schema it may be."""
    queries = []
    for schema in KIND_SCHEMATA[query.kind]:
        entity = model.make_entity(schema)
        entity.add("name", query.name)
        entity.add("alias", list(query.aliases))
        if schema == "Vessel":
            entity.add("flag", query.flag or query.country)
            entity.add("imoNumber", f"IMO{query.imo}" if query.imo else None)
        else:
            entity.add("country", query.country)
        if schema == "Person":
            entity.add("birthDate", query.birth_date)
        # nomenklatura caches analysed names by entity id: the id must follow the content.
        entity.make_id("sanctrace-query", schema, repr(query))
        queries.append(entity)
    return queries
