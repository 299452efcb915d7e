"""The trigger lexicon: the shipped file loads, and a bad file names its bad entry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from sanctrace.errors import DataFileError
from sanctrace.transfers.lexicon import (
    CUE_KINDS,
    LEXICON_PATH,
    ROLES,
    LexiconError,
    inflections,
    load_lexicon,
)

#: A small valid lexicon; each bad-file test breaks one entry of a copy.
VALID: dict[str, Any] = {
    "frames": {
        "send": {
            "description": "goods go out",
            "example": "A sold B to C.",
            "subject": "giver",
            "object": "items",
            "preps": {"to": "recipient"},
        },
    },
    "verbs": {
        "ship": {"frame": "send"},
        "sell": {"frame": "send"},
        "hand": {"frame": "send", "particle": "over"},
    },
    "nouns": {"shipment": {"frame": "send"}},
    "phrasal": {"take": {"delivery": "send"}},
    "cues": {kind: ["word"] for kind in CUE_KINDS},
    "irregular_forms": {"sell": ["sold"]},
    "relations": {
        "subject": {
            "description": "the subject",
            "example": "A sold B.",
            "reaches": "A",
            "kinds": ["verb"],
            "paths": [[{"rel": ">", "dep": ["nsubj"]}]],
        },
    },
}


def _relation(data: dict[str, Any]) -> dict[str, Any]:
    return data["relations"]["subject"]


BREAKS: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "unknown role": (lambda d: d["frames"]["send"].update(subject="buyer"), "frame 'send'"),
    "verb frame": (lambda d: d["verbs"].update(buy={"frame": "trade"}), "verb 'buy'"),
    "noun frame": (lambda d: d["nouns"].update(sale={"frame": "trade"}), "noun 'sale'"),
    "phrasal frame": (lambda d: d["phrasal"].update(get={"hold": "trade"}), "phrasal 'get hold'"),
    "missing cue kind": (lambda d: d["cues"].pop("denied"), "denied"),
    "relation operator": (
        lambda d: _relation(d)["paths"][0][0].update(rel="=>"),
        "relation 'subject' path 1 step 1 has unknown operator '=>'",
    ),
    "relation word class": (
        lambda d: _relation(d)["paths"][0][0].update(lemma_class="colours"),
        "unknown word class 'colours'",
    ),
    "relation step key": (
        lambda d: _relation(d)["paths"][0][0].update(deps=["nsubj"]),
        "relation 'subject' path 1 step 1",
    ),
    "relation trigger kind": (
        lambda d: _relation(d).update(kinds=["adjective"]),
        "unknown trigger kinds adjective",
    ),
    "relation empty path": (lambda d: _relation(d).update(paths=[[]]), "has an empty path"),
    "record field role": (
        lambda d: d.update(record_fields={"carrier": ["ship"]}),
        "record_fields name the unknown role 'carrier'",
    ),
    "record field label twice": (
        lambda d: d.update(record_fields={"giver": ["seller"], "recipient": ["seller"]}),
        "repeat the label 'seller'",
    ),
    # `off: recipient` unquoted: YAML reads the preposition as false
    "boolean preposition": (
        lambda d: d["frames"]["send"]["preps"].update({False: "recipient"}),
        "has the preposition False: quote the word",
    ),
}


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_lexicon_shipped_file_loads_with_known_roles() -> None:
    lexicon = load_lexicon(LEXICON_PATH)
    assert {"give", "supply", "sell", "ship", "smuggle", "receive", "reach"} <= set(lexicon.verbs)
    assert {"shipment", "delivery", "sale", "gift", "arrival"} <= set(lexicon.nouns)
    for trigger in [*lexicon.verbs.values(), *lexicon.nouns.values()]:
        frame = trigger.frame
        roles = [frame.subject, frame.object, frame.dative, *frame.preps.values()]
        assert {role for role in roles if role} <= ROLES, trigger.lemma
    assert all(lexicon.cues[kind] for kind in CUE_KINDS)


def test_lexicon_trigger_forms_cover_regular_and_irregular_inflections() -> None:
    forms = load_lexicon(LEXICON_PATH).trigger_forms()
    assert {"shipped", "shipping", "supplies", "supplied", "smuggled", "delivered"} <= forms
    assert {"sold", "gave", "given", "sent", "bought", "seen"} <= forms


def test_lexicon_inflections_of_regular_verbs() -> None:
    assert {"ship", "ships", "shipped", "shipping"} <= inflections("ship")
    assert {"supplies", "supplied"} <= inflections("supply")
    assert {"transferred", "transferring"} <= inflections("transfer")
    assert {"gifted", "gifting"} <= inflections("gift")


def test_lexicon_small_valid_file_loads(tmp_path: Path) -> None:
    lexicon = load_lexicon(_write(tmp_path, VALID))
    assert lexicon.verbs["hand"].particle == "over"
    assert lexicon.phrasal["take"]["delivery"].name == "send"
    [step] = lexicon.relations["subject"].paths[0]
    assert (step.rel, step.attrs) == (">", {"DEP": frozenset({"nsubj"})})
    forms = lexicon.trigger_forms()
    assert {"sold", "shipped", "handed", "shipments"} <= forms


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_lexicon_bad_entry_raises_error_naming_it(tmp_path: Path, case: str) -> None:
    change, named = BREAKS[case]
    data = yaml.safe_load(yaml.safe_dump(VALID))
    change(data)
    path = _write(tmp_path, data)
    with pytest.raises(LexiconError) as raised:
        load_lexicon(path)
    message = str(raised.value)
    assert named in message
    assert str(path) in message
    assert isinstance(raised.value, DataFileError)


@pytest.mark.parametrize("content", ["- just\n- a list\n", "verbs: {ship: [\n"])
def test_lexicon_unreadable_file_raises_error_naming_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"lexicon\.yaml"):
        load_lexicon(path)


def test_lexicon_missing_file_raises_error_naming_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"absent\.yaml"):
        load_lexicon(tmp_path / "absent.yaml")


def test_lexicon_misspelt_frame_key_fails_naming_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    text = yaml.safe_dump(VALID, sort_keys=False).replace("subject: giver", "subjet: giver")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "subjet" in row)
    with pytest.raises(LexiconError) as raised:
        load_lexicon(path)
    message = str(raised.value)
    assert str(path) in message and f"line {line}" in message and "'subjet'" in message


def test_lexicon_duplicate_key_fails_naming_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    text = yaml.safe_dump(VALID, sort_keys=False) + "verbs:\n  give: {frame: send}\n"
    path.write_text(text, encoding="utf-8")
    line = len(text.splitlines()) - 1
    with pytest.raises(LexiconError) as raised:
        load_lexicon(path)
    message = str(raised.value)
    assert str(path) in message and f"line {line}" in message and "'verbs'" in message
    assert "twice" in message
