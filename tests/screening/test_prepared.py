"""The name phrases recorded at `lists import`: stored, replaced with the list, checked, equal.

A screener reading them must answer as one that analyses every name with
rigour's own tagger, without ever asking rigour for a person name's symbols.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from followthemoney import EntityProxy, ValueEntity, model
from rigour.names import NameTypeTag
from sqlalchemy import update

from sanctrace.screening import Screener, tagging
from sanctrace.screening.loaders import ListFile
from sanctrace.store import Store
from sanctrace.store.tables import NAME_LEXICONS

#: People and companies written for these tests (kind, names, birth date).
PARTIES = [
    ("Person", ["KIM Jong Un", "Kim Jong-un"], "1984-01-08"),
    ("Person", ["KIM Yo Jong"], "1987-09-26"),
    ("Person", ["KIM Jong Sik"], None),
    ("Person", ["RI Nam Ho"], None),
    ("Person", ["Vladimir Vladimirovich PUTIN"], "1952-10-07"),
    ("Company", ["Aurus LLC", "AO AURUS"], None),
    ("Vessel", ["Sam Jong 2"], None),
]

#: (name, kind, birth year) screened both ways.
QUERIES = [
    ("Kim Jong Un", None, None),
    ("Kim Jong Un", "person", 1984),
    ("Jong Un Kim", "person", None),
    ("Kim Yo Jong", "person", None),
    ("Nam Ho Ri", None, None),
    ("Putin Vladimir", "person", None),
    ("Aurus", "organization", None),
    ("Sam Jong 2", None, None),
    ("Ким Чен Ын", "person", None),  # not a listed word: rigour answers
]


def _listfile(dataset: str, parties: Sequence[tuple[str, list[str], str | None]]) -> ListFile:
    entities: list[EntityProxy] = []
    for number, (schema, names, born) in enumerate(parties):
        identity = {"id": f"{dataset}-{number}", "datasets": [dataset]}
        entity = ValueEntity(model.get(schema), identity)
        entity.add("name", names[0])
        entity.add("alias", names[1:])
        if born:
            entity.add("birthDate", born)
        entities.append(entity)
    return ListFile(
        dataset, f"Test list {dataset}", f"{dataset}.json", "2024-05-03", iter(entities), "ftm_json"
    )


def _hits(screener: Screener) -> list[list[tuple[str, float, dict[str, float]]]]:
    return [
        [
            (hit.entry_id, hit.score, hit.explanation)
            for hit in screener.screen(name, kind=kind, birth_year=year)
        ]
        for name, kind, year in QUERIES
    ]


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'lists.sqlite'}"


def test_prepared_hits_equal_hits_with_rigours_tagger(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    listfile = _listfile("t", PARTIES)
    entities = list(_listfile("t", PARTIES).entities)
    expected = _hits(Screener.from_entities(entities))
    assert expected[0][0][0] == "t-0"  # the cases find what they are about

    tagged: list[Sequence[str]] = []
    real = tagging.rigour_analyze_names

    def watched(type_tag: NameTypeTag, names: Sequence[str], *args: Any, **kw: Any) -> Any:
        if type_tag == NameTypeTag.PER and kw.get("symbols", True):
            tagged.append(names)
        return real(type_tag, names, *args, **kw)

    with Store(store_url) as store:
        store.import_list(listfile)
        monkeypatch.setattr(tagging, "rigour_analyze_names", watched)
        for many in (False, True):
            screener = Screener.from_store(store, many=many)
            assert screener is not None and screener.lexicon is not None
            assert screener.notice is None
            tagged.clear()
            assert _hits(screener) == expected
            # Only the Cyrillic query, whose words no list uses, needed the tagger.
            assert tagged == [["Ким Чен Ын"]]


def test_prepared_phrases_follow_the_list(store_url: str) -> None:
    with Store(store_url) as store:
        store.import_list(_listfile("a", PARTIES[:2]))
        store.import_list(_listfile("b", PARTIES[3:4]))
        found = store.name_phrases(["kim", "jong", "yo jong", "ri", "nam ho", "putin"])
        assert set(found) == {"kim", "jong", "yo jong", "ri", "nam ho"}
        assert tagging.decode(found["nam ho"]), "the given name Nam Ho carries a symbol"
        store.import_list(_listfile("a", PARTIES[4:5]), force=True)
        assert set(store.name_phrases(["kim", "putin", "ri"])) == {"putin", "ri"}
        store.remove_dataset("b")
        assert set(store.name_phrases(["kim", "putin", "ri"])) == {"putin"}
        assert {phrase for phrase, _ in store.all_name_phrases()} >= {"vladimir", "putin"}


def test_prepared_data_of_another_rigour_is_not_used(store_url: str) -> None:
    with Store(store_url) as store:
        store.import_list(_listfile("t", PARTIES))
        prepared = _hits(Screener.from_store(store))  # type: ignore[arg-type]
        with store._engine.begin() as connection:
            connection.execute(update(NAME_LEXICONS).values(rigour="0.0.1"))
        screener = Screener.from_store(store)
        assert screener is not None and screener.lexicon is None
        assert screener.notice is not None
        assert "import them again with `sanctrace lists import`" in screener.notice
        assert _hits(screener) == prepared


def test_prepared_address_features_are_skipped_only_when_they_score_nothing() -> None:
    """A query without an address scores as with every feature on, entries with addresses too."""
    from sanctrace.screening.matcher import build_queries
    from sanctrace.screening.query import PartyQuery, check_query

    entities = list(_listfile("t", PARTIES).entities)
    for entity in entities:
        entity.add("address", "Kumsusan Palace, Pyongyang, North Korea")
    screener = Screener.from_entities(entities, threshold=0.0)
    algorithm = screener.algorithm
    for name, kind, _ in QUERIES:
        for query in build_queries(check_query(PartyQuery(name, kind=kind))):
            for entity in entities:
                full = algorithm.compare(query, entity, algorithm.default_config())
                skipped = algorithm.compare(query, entity, screener._no_address_config)
                assert skipped.score == full.score


def test_prepared_unreadable_phrases_are_one_sentence(store_url: str) -> None:
    from sanctrace.errors import StoreError
    from sanctrace.store.tables import NAME_PHRASES

    with Store(store_url) as store:
        store.import_list(_listfile("t", PARTIES[:1]))
        with store._engine.begin() as connection:
            connection.execute(update(NAME_PHRASES).values(symbols="{not json"))
        screener = Screener.from_store(store)
        assert screener is not None
        with pytest.raises(StoreError, match=r"^The name phrases stored with the lists are unrea"):
            screener.screen("Kim Jong Un")
        assert store.count_entities("t") == 1  # nothing else was touched
