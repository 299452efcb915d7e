"""The transfer extractor's word classes, read from `words.yaml` beside this file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sanctrace.wordclasses import load_word_classes

WORDS_PATH = Path(__file__).with_name("words.yaml")
CLASSES = frozenset(
    {
        "containers", "route_preps", "maker_verbs", "origin_words", "origin_suffixes",
        "revenue_verbs", "carrier_verbs", "holder_words", "value_words", "measures",
        "generic_goods", "batch_words", "goods_pronouns", "purpose_words", "relative_pronouns",
        "list_links", "part_words", "object_control", "gap_words", "aspect_verbs",
        "instrument_words", "principal_preps", "every_party_words", "dependence_verbs",
        "seeking_verbs", "means_preps",
        "aim_nouns", "partitives", "new_instance_words",
        "onward_verbs", "onward_particles", "enabling_nouns", "personal_relatives",
        "destination_nouns", "additive_words", "attribution_verbs", "accusing_verbs",
        "arranging_verbs", "first_person", "line_labels", "question_labels", "possessives",
        "transport_modes", "deed_nouns", "culprit_nouns", "carrying_verbs", "packing_verbs",
        "officer_titles", "representatives", "use_verbs",
        "one_thing_words", "doing_nouns", "content_verbs", "back_pronouns",
        "route_nouns", "same_words", "ergative_verbs", "perception_verbs",
        "reciprocals", "furnishing_verbs", "debt_words", "sum_scales",
        "recipient_nouns", "giver_nouns",
    }
)  # fmt: skip


@cache
def words() -> dict[str, frozenset[str]]:
    return load_word_classes(WORDS_PATH, CLASSES)
