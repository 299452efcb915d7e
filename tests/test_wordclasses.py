"""Word-class files: the shipped ones load, and a bad file names file, line and class."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctrace.parties import words as party_words
from sanctrace.transfers import words as transfer_words
from sanctrace.wordclasses import WordClassError, load_word_classes

EXPECTED = frozenset({"vessels", "pronouns"})


def _load(tmp_path: Path, text: str) -> dict[str, frozenset[str]]:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    return load_word_classes(path, EXPECTED)


@pytest.mark.parametrize("module", [party_words, transfer_words])
def test_wordclasses_shipped_files_give_every_class(module: object) -> None:
    classes = module.words()  # type: ignore[attr-defined]
    assert set(classes) == module.CLASSES  # type: ignore[attr-defined]
    assert all(classes.values())


def test_wordclasses_valid_file_loads(tmp_path: Path) -> None:
    classes = _load(tmp_path, "vessels: [tanker, barge]\npronouns: [it]\n")
    assert classes["vessels"] == {"tanker", "barge"}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("vessels: [tanker]\npronouns: [it]\nvesels: [ship]\n", "line 3"),
        ("vessels: [tanker]\n", "'pronouns'"),
        ("vessels: [tanker]\npronouns: [it]\nvessels: [ship]\n", "line 3"),
        ("vessels: [tanker, tanker]\npronouns: [it]\n", "['tanker']"),
        ("vessels: tanker\npronouns: [it]\n", "'vessels'"),
        ("vessels: [Tanker]\npronouns: [it]\n", "lower case"),
    ],
)
def test_wordclasses_bad_file_fails_naming_the_place(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(WordClassError) as raised:
        _load(tmp_path, text)
    assert named in str(raised.value)
    assert "words.yaml" in str(raised.value)
