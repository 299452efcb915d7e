"""The prefilter: a sentence is parsed only when it holds a trigger form and a goods word."""

from __future__ import annotations

import pytest

from sanctrace.nlp.prefilter import Prefilter
from sanctrace.pipeline import Analyzer

SMALL = Prefilter(
    trigger_forms=frozenset({"ship", "shipped", "seen"}),
    goods_words=frozenset({"coal", "maybach"}),
)


def test_prefilter_needs_both_a_trigger_and_goods() -> None:
    assert SMALL.is_candidate("North Korea shipped coal to China.")
    assert not SMALL.is_candidate("North Korea shipped workers to China.")
    assert not SMALL.is_candidate("Coal prices rose in China.")


def test_prefilter_ignores_case_and_splits_hyphenated_compounds() -> None:
    assert SMALL.is_candidate("Kim was SEEN in a Mercedes-Maybach.")
    assert SMALL.words("Mercedes-Maybach") >= {"mercedes-maybach", "mercedes", "maybach"}


def test_prefilter_matches_whole_words_only() -> None:
    assert not SMALL.is_candidate("The shipyard's coalition met.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran sold drones to Russia last year.",
        "Putin gave Kim a limousine.",
        "A tanker delivered 2,000 tonnes of diesel to Nampo.",
        "Shipments of shells reached Moscow in October.",
        "The leader was seen in a new Rolls-Royce.",
    ],
)
def test_prefilter_with_shipped_lexicon_passes_transfer_sentences(
    analyzer: Analyzer, sentence: str
) -> None:
    assert analyzer.prefilter.is_candidate(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim gave a long speech about farming.",
        "Luxury cars are popular in Seoul.",
        "The two leaders met for talks at the cosmodrome.",
    ],
)
def test_prefilter_with_shipped_lexicon_skips_other_sentences(
    analyzer: Analyzer, sentence: str
) -> None:
    assert not analyzer.prefilter.is_candidate(sentence)
