"""The party resolver's word classes, read from `words.yaml` beside this file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sanctrace.wordclasses import load_word_classes

WORDS_PATH = Path(__file__).with_name("words.yaml")
CLASSES = frozenset(
    {
        "person_pronouns", "speech_pronouns", "group_pronouns", "thing_pronouns", "kinship",
        "speech_verbs", "state_descriptions",
        "vessel_words", "org_words", "determiners", "definite", "place_words", "naming_verbs",
        "abstract_nouns", "description_stops", "location_participles",
        "control_participles", "event_nouns", "member_nouns", "partitive_words",
        "author_openings", "author_pronouns", "author_name_ends", "local_words",
        "arrest_verbs", "goal_preps", "affiliation_participles",
        "vessel_pronouns", "backing_suffixes", "hauling_verbs", "site_words",
        "registration_links", "buyer_nouns", "seller_nouns",
        "naming_phrases", "flag_participles", "shared_state_words",
    }
)  # fmt: skip


@cache
def words() -> dict[str, frozenset[str]]:
    return load_word_classes(WORDS_PATH, CLASSES)
