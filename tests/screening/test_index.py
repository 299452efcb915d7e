"""The candidate index picks the entries worth scoring, by kind and by shared name parts."""

from __future__ import annotations

from followthemoney import EntityProxy, model

from sanctrace.screening.index import Candidate, MemoryIndex, is_screenable, needed_parts


def _entity(schema: str, entity_id: str, *names: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.id = entity_id
    entity.add("name", list(names))
    return entity


def _query(schema: str, name: str) -> EntityProxy:
    query = _entity(schema, f"q-{schema}-{name}", name)
    return query


INDEX = MemoryIndex(
    [
        _entity("Person", "kju", "KIM, Jong Un"),
        _entity("Person", "kys", "KIM, Jong Sik"),
        _entity("Person", "pak", "PAK, Il Song"),
        _entity("Vessel", "song", "JI SONG 6"),
        _entity("Organization", "komid", "KOREA MINING DEVELOPMENT TRADING CORPORATION"),
        _entity("Address", "addr", "Pyongyang"),
    ]
)


def _ids(pairs: list[Candidate]) -> list[str]:
    return [candidate.entry.id or "" for candidate in pairs]


def test_index_keeps_only_named_parties_and_objects() -> None:
    assert len(INDEX) == 5
    assert not is_screenable(_entity("Address", "a", "Main Street 1"))


def test_index_ranks_the_entry_sharing_most_rare_parts_first() -> None:
    pairs = INDEX.candidates([_query("Person", "Kim Jong-un")], limit=5)
    assert _ids(pairs)[0] == "kju"
    assert "kys" in _ids(pairs)


def test_index_filters_by_schema() -> None:
    as_person = INDEX.candidates([_query("Person", "Ji Song 6")], limit=5)
    as_vessel = INDEX.candidates([_query("Vessel", "Ji Song 6")], limit=5)
    assert "song" not in _ids(as_person)
    assert _ids(as_vessel) == ["song"]


def test_index_pairs_each_entry_with_a_query_that_can_match_it() -> None:
    queries = [_query("LegalEntity", "Ji Song 6"), _query("Vessel", "Ji Song 6")]
    pairs = INDEX.candidates(queries, limit=5)
    assert {(c.query.schema.name, c.entry.id) for c in pairs} >= {("Vessel", "song")}
    assert all(c.query.schema.can_match(c.entry.schema) for c in pairs)


def test_index_skips_entries_sharing_too_few_parts() -> None:
    # "Pak" alone is one part of three: the entry cannot reach the threshold.
    pairs = INDEX.candidates([_query("Person", "Pak Mun Chol")], limit=5)
    assert "pak" not in _ids(pairs)
    assert needed_parts(1) == 1
    assert needed_parts(2) == 2
    assert needed_parts(3) == 2


def test_index_finds_cyrillic_spelling() -> None:
    pairs = INDEX.candidates([_query("Person", "Ким Чен Ын")], limit=5)
    assert _ids(pairs)[0] == "kju"


def test_index_respects_limit() -> None:
    pairs = INDEX.candidates([_query("Person", "Kim Jong")], limit=1)
    assert len(pairs) == 1
