"""Names analysed from the recorded phrases are the names rigour's own tagger makes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import followthemoney.names
import pytest
from followthemoney import EntityProxy, ValueEntity, model
from rigour.names import Name, NameTypeTag
from rigour.names import analyze_names as rigour_analyze_names

from sanctrace.screening import tagging
from sanctrace.screening.tagging import PersonLexicon, harvest, merge_harvest

#: Listed parties, written for these tests: given names of two or three
#: words, initials, ordinals, numbers, a patronymic, legal forms long and short.
LISTED = [
    ("Person", ["KIM Jong Un", "Kim Jong-un"]),
    ("Person", ["RI Nam Ho", "Nam Ho RI"]),
    ("Person", ["Abd al-Rahman Musa", "ABU BAKR al-Baghdadi"]),
    ("Person", ["Vladimir V. Putin", "Putin Vladimir Vladimirovich"]),
    ("Person", ["John Smith III", "Mohammad Reza Naqdi"]),
    ("LegalEntity", ["Ri Yong Ho 2nd", "Pyotr Ivanov"]),
    ("Company", ["AO 150 ARZ", "GRODNO AZOT OAO", "Aurus LLC"]),
    ("Organization", ["Korea Mining Development Trading Corporation", "KOMID"]),
    ("Vessel", ["Sam Jong 2", "Ji Song No. 6"]),
]

#: Queries made only of the listed names' words, in other orders and spellings.
QUERIES = [
    ["Kim Jong Un"],
    ["Jong Un Kim"],
    ["Un Kim Jong"],
    ["Ri Nam Ho"],
    ["Naqdi Mohammad Reza", "Reza Naqdi"],
    ["Putin V. Vladimir"],
    ["Bakr Abu Baghdadi"],
    ["Smith John III", "III Smith"],
    ["AO ARZ 150"],
    ["Aurus Trading Corporation"],
    ["Ho 2nd Yong Ri"],
]


def _entities() -> list[EntityProxy]:
    found = []
    for number, (schema, names) in enumerate(LISTED):
        entity = ValueEntity(model.get(schema), {"id": f"t-{number}"})
        entity.add("name", names[0])
        entity.add("alias", names[1:])
        found.append(entity)
    return found


def _lexicon(entities: Iterable[EntityProxy]) -> PersonLexicon:
    recorded: dict[str, list[str]] = {}
    for entity in entities:
        merge_harvest(recorded, harvest(entity))
    return PersonLexicon.preloaded(recorded.items())


def _shape(names: Iterable[Name]) -> list[tuple[object, ...]]:
    """Everything matching reads of a name: form, kind, parts with tags, spans as a set."""
    shapes = []
    for name in names:
        parts = tuple((part.form, part.tag) for part in name.parts)
        spans = frozenset(
            (tuple(part.index for part in span.parts), span.symbol.category, span.symbol.id)
            for span in name.spans
        )
        shapes.append((name.form, name.tag, parts, spans))
    return sorted(shapes, key=repr)


def _cases() -> list[tuple[NameTypeTag, Sequence[str], bool, bool]]:
    names = [names for _, names in LISTED] + QUERIES
    return [
        (tag, given, initials, consolidate)
        for given in names
        for tag in (NameTypeTag.PER, NameTypeTag.ENT)
        for initials, consolidate in ((False, False), (True, True))
    ]


@pytest.fixture(scope="module")
def lexicon() -> PersonLexicon:
    return _lexicon(_entities())


@pytest.mark.parametrize(("tag", "names", "initials", "consolidate"), _cases())
def test_tagging_lexicon_analysis_equals_rigours(
    lexicon: PersonLexicon,
    tag: NameTypeTag,
    names: Sequence[str],
    initials: bool,
    consolidate: bool,
) -> None:
    options = {"infer_initials": initials, "consolidate": consolidate}
    prepared = lexicon.analyze(tag, names, None, dict(options))
    assert prepared is not None, "every word of the case is a listed word"
    assert _shape(prepared) == _shape(rigour_analyze_names(tag, names, **options))  # type: ignore[arg-type]


def test_tagging_unknown_word_is_left_to_rigour(lexicon: PersonLexicon) -> None:
    assert lexicon.analyze(NameTypeTag.PER, ["Kim Jong Chol"], None, {}) is None
    assert lexicon.analyze(NameTypeTag.PER, ["Ким Чен Ын"], None, {}) is None
    with lexicon.active():
        answered = tagging.analyze_names(NameTypeTag.PER, ["Ким Чен Ын"])
    assert _shape(answered) == _shape(rigour_analyze_names(NameTypeTag.PER, ["Ким Чен Ын"]))


def test_tagging_lexicon_is_used_only_while_active() -> None:
    asked: list[list[str]] = []

    def source(phrases: Sequence[str]) -> dict[str, list[str]]:
        asked.append(list(phrases))
        return {}

    lexicon = PersonLexicon(source)
    with lexicon.active():
        assert followthemoney.names.analyze_names is tagging.analyze_names
        followthemoney.names.analyze_names(NameTypeTag.PER, ["Olga Examplova"])
    assert asked, "inside active() the store is asked"
    asked.clear()
    followthemoney.names.analyze_names(NameTypeTag.PER, ["Olga Examplova"])
    assert asked == []


def test_tagging_harvest_records_words_and_phrases_of_other_orders() -> None:
    entity = ValueEntity(model.get("Person"), {"id": "t-order"})
    entity.add("name", "Ho Nam RI")
    recorded = harvest(entity)
    assert set(recorded) >= {"ho", "nam", "ri"}
    # "Nam Ho" is one Korean given name: tagged although the list writes "Ho Nam".
    assert recorded["nam ho"]
    assert recorded["nam ho"] == harvest(_entities()[1])["nam ho"]
    assert all(not key.startswith("INITIAL:") for keys in recorded.values() for key in keys)
