"""Query names are checked before screening, and names turn into index keys by part."""

from __future__ import annotations

import pytest
from rigour.names import NameTypeTag, analyze_names

from sanctrace.screening.names import (
    DELETION,
    MAX_NAME_LENGTH,
    PHONETIC,
    SYMBOL,
    TOKEN,
    ScreeningInputError,
    check_query_name,
    name_keys,
    part_keys,
)


def test_names_check_collapses_whitespace() -> None:
    assert check_query_name("  Kim \t Jong\nUn ") == "Kim Jong Un"


def test_names_check_accepts_the_longest_allowed_name() -> None:
    name = "a" * MAX_NAME_LENGTH
    assert check_query_name(name) == name


@pytest.mark.parametrize("name", ["", "   ", "a" * (MAX_NAME_LENGTH + 1), "-- !!"])
def test_names_check_refuses_unusable_names(name: str) -> None:
    with pytest.raises(ScreeningInputError):
        check_query_name(name)


def test_names_part_keys_cover_form_phonetics_and_deletions() -> None:
    (name,) = analyze_names(NameTypeTag.PER, ["Mojtaba Ali"])
    keys = part_keys([name])
    assert set(keys) == {"mojtaba", "ali"}
    assert TOKEN + "mojtaba" in keys["mojtaba"]
    assert any(key.startswith(PHONETIC) for key in keys["mojtaba"])
    assert DELETION + "mojtaba" in keys["mojtaba"]
    assert DELETION + "ojtaba" in keys["mojtaba"]
    # Short parts get no deletion keys: they would meet too many others.
    assert not any(key.startswith(DELETION) for key in keys["ali"])


def test_names_one_edit_spellings_share_a_deletion_key() -> None:
    for left, right in (("Wael", "Vael"), ("Modjtaba", "Mojtaba"), ("Finwal", "Finval")):
        (one,) = analyze_names(NameTypeTag.PER, [left])
        (other,) = analyze_names(NameTypeTag.PER, [right])
        shared = {k for k in name_keys([one]) & name_keys([other]) if k.startswith(DELETION)}
        assert shared, (left, right)


def test_names_glued_neighbours_meet_single_part() -> None:
    (split,) = analyze_names(NameTypeTag.PER, ["Kim Jong Un"])
    (glued,) = analyze_names(NameTypeTag.PER, ["Kim Jongun"])
    assert TOKEN + "jongun" in part_keys([split])["un"]
    assert TOKEN + "jongun" in name_keys([glued])


def test_names_cyrillic_and_latin_share_symbols() -> None:
    (latin,) = analyze_names(NameTypeTag.PER, ["Kim Jong Un"])
    (cyrillic,) = analyze_names(NameTypeTag.PER, ["Ким Чен Ын"])
    shared = {key for key in name_keys([latin]) & name_keys([cyrillic]) if key.startswith(SYMBOL)}
    assert len(shared) >= 2  # the family name and the given name
