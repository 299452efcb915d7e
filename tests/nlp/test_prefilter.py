"""The prefilter: a sentence is parsed only when it holds a trigger form and a goods anchor."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from sanctrace.documents import load_inputs
from sanctrace.export.contract import to_contract
from sanctrace.goods.taxonomy import Taxonomy
from sanctrace.model import Document
from sanctrace.nlp.prefilter import (
    DATA_PATH,
    Prefilter,
    PrefilterDataError,
    UnanchoredTerm,
    default_prefilter_data,
    goods_anchors,
    load_prefilter_data,
)
from sanctrace.pipeline import Analyzer
from sanctrace.transfers.lexicon import LEXICON_PATH, default_lexicon, load_lexicon

SMALL = Prefilter(
    trigger_forms=frozenset({"ship", "shipped", "seen"}),
    goods=[{"coal"}, {"maybach"}, {"s 300"}, {"way", "radio"}],
)
FUNCTION_WORDS = default_prefilter_data().function_words
#: The words that let 22% of real news sentences through an earlier prefilter.
COMMON = ("of", "to", "and", "s", "us", "set", "two")


def test_prefilter_needs_both_a_trigger_and_goods() -> None:
    assert SMALL.is_candidate("North Korea shipped coal to China.")
    assert not SMALL.is_candidate("North Korea shipped workers to China.")
    assert not SMALL.is_candidate("Coal prices rose in China.")


def test_prefilter_ignores_case_and_finds_parts_of_hyphenated_compounds() -> None:
    assert SMALL.is_candidate("Kim was SEEN in a Mercedes-Maybach.")


def test_prefilter_matches_whole_words_only() -> None:
    assert not SMALL.is_candidate("The shipyard's coalition met.")
    assert not SMALL.is_candidate("They shipped xcoal and coalx.")


def test_prefilter_candidates_are_the_sentences_holding_both() -> None:
    text = "A tanker shipped coal to Nampo. Prices rose. Nothing was seen there."
    assert [span.text for span in SMALL.candidates(text)] == ["A tanker shipped coal to Nampo."]
    # Both kinds in the document, never in one sentence nor goods just before: none.
    assert SMALL.candidates("The firm shipped workers. Coal prices rose.") == []


def test_prefilter_passes_a_trigger_right_after_a_sentence_naming_goods() -> None:
    # "them" may stand for the coal: the extractor decides; "it" is no such pronoun here.
    back = Prefilter(["ship", "shipped", "seen"], [{"coal"}], back_pronouns=frozenset({"them"}))
    text = "Coal was piled at the pier. The firm shipped them to Nampo. It was seen."
    assert [span.text for span in back.candidates(text)] == ["The firm shipped them to Nampo."]
    # Without such a pronoun the trigger after goods passes nothing.
    assert back.candidates("Coal was piled at the pier. The firm shipped workers.") == []


def test_prefilter_offsets_survive_letters_that_lengthen_when_lower_cased() -> None:
    text = "İzmir is far. A tanker shipped coal."
    (span,) = SMALL.candidates(text)
    assert text[span.start : span.end] == "A tanker shipped coal."


def test_prefilter_word_lists_hold_no_function_words(analyzer: Analyzer) -> None:
    prefilter = analyzer.prefilter
    assert prefilter is not None
    anchors = prefilter.trigger_forms | prefilter.goods_words
    assert not anchors & FUNCTION_WORDS
    assert not anchors & (set(COMMON) - {"set"})
    # "set" is an anchor only beside "television" or "tv": alone, none of them passes.
    assert not prefilter.is_candidate("They sold " + " ".join(COMMON) + ".")
    assert prefilter.is_candidate("They sold a television set.")


def test_prefilter_goods_anchors_are_the_content_words_of_each_term() -> None:
    terms = [("television", "set"), ("gun",), ("two", "way", "radio"), ("s", "300")]
    terms += [("weapon", "of", "mass", "destruction"), ("t", "#")]
    assert goods_anchors(terms, FUNCTION_WORDS) == {
        frozenset({"television", "set"}),
        frozenset({"gun"}),
        frozenset({"way", "radio"}),
        frozenset({"s 300"}),
        frozenset({"weapon", "mass", "destruction"}),
        frozenset({"t *"}),
    }


def test_prefilter_needs_every_anchor_of_a_term() -> None:
    assert SMALL.is_candidate("They shipped two-way radios.")
    assert not SMALL.is_candidate("They shipped it the other way.")
    assert SMALL.is_candidate("Russia shipped S-300 batteries.")
    assert SMALL.is_candidate("Russia shipped S300s.")


def test_prefilter_anchors_a_letter_and_model_number_by_its_prefix() -> None:
    goods = goods_anchors([("t", "#")], FUNCTION_WORDS)
    prefilter = Prefilter(frozenset({"sold"}), goods, FUNCTION_WORDS)
    assert prefilter.is_candidate("They sold T-72 tanks.")
    assert prefilter.is_candidate("They sold T72s.")
    assert not prefilter.is_candidate("They sold it to T-Mobile.")
    assert not prefilter.is_candidate("They sold 72 t of rice.")


def test_prefilter_refuses_a_term_it_cannot_anchor() -> None:
    with pytest.raises(UnanchoredTerm, match="'# s'"):
        goods_anchors([("#", "s")], FUNCTION_WORDS)


def test_prefilter_every_goods_term_holds_an_anchor() -> None:
    taxonomy = Taxonomy.load()
    anchors = goods_anchors(taxonomy.terms(), FUNCTION_WORDS)
    prefilter = Prefilter(frozenset({"sold"}), anchors, FUNCTION_WORDS)
    for term in taxonomy.terms():
        text = "-".join("72" if word == "#" else word for word in term)
        assert prefilter.is_candidate(f"They sold {text} to them."), term


def test_prefilter_picks_up_a_trigger_added_to_the_lexicon(tmp_path: Path) -> None:
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    frame = next(iter(data["frames"]))
    data["verbs"]["raft"] = {"frame": frame}
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    sentence = "The crew rafted coal to Nampo."
    before = Prefilter.from_knowledge(default_lexicon(), Taxonomy.load())
    after = Prefilter.from_knowledge(load_lexicon(path), Taxonomy.load())
    assert "raft" not in default_lexicon().verbs
    assert not before.is_candidate(sentence)
    assert after.is_candidate(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran sold drones to Russia last year.",
        "Putin gave Kim a limousine.",
        "A tanker delivered 2,000 tonnes of diesel to Nampo.",
        "Shipments of shells reached Moscow in October.",
        "The leader was seen in a new Rolls-Royce.",
        "Moscow took delivery of a television set.",
    ],
)
def test_prefilter_with_shipped_lexicon_passes_transfer_sentences(
    analyzer: Analyzer, sentence: str
) -> None:
    assert analyzer.prefilter is not None
    assert analyzer.prefilter.is_candidate(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim gave a long speech about farming.",
        "Luxury cars are popular in Seoul.",
        "The two leaders met for talks at the cosmodrome.",
        "They sent us a set of two proposals to study.",
    ],
)
def test_prefilter_with_shipped_lexicon_skips_other_sentences(
    analyzer: Analyzer, sentence: str
) -> None:
    assert analyzer.prefilter is not None
    assert not analyzer.prefilter.is_candidate(sentence)


def test_prefilter_document_without_candidate_costs_no_parse(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    pipe = analyzer.nlp.pipe

    def counting(texts: object, **kwargs: object) -> object:
        for text in texts:  # type: ignore[attr-defined]
            parsed.append(text)
            yield from pipe([text], **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(analyzer.nlp, "pipe", counting)
    text = "The minister spoke about the weather. Talks will resume on Monday."
    document = Document(text=text, input="test", id="quiet", published="2024-03-01")
    analysis = analyzer.analyze([document])
    assert analysis.documents[0].transfers == []
    assert parsed == []


BAD_DATA: dict[str, Callable[[str], str]] = {
    "unknown key": lambda text: text + "extra: [x]\n",
    "missing key": lambda text: text.replace("money_signs:", "signs:"),
    "duplicate": lambda text: text.replace("function_words:\n", "function_words:\n  - of\n"),
    "not lower case": lambda text: text.replace("  - the\n", "  - The\n"),
    "boolean": lambda text: text.replace('  - "no"', "  - no"),
    "sign is a letter": lambda text: text.replace('"$"', '"S"'),
    "not a list": lambda text: text.replace("money_signs: [", "money_signs: ").replace(
        '"₹"]', '"₹"'
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DATA))
def test_prefilter_data_loader_is_strict(tmp_path: Path, case: str) -> None:
    path = tmp_path / "prefilter.yaml"
    original = DATA_PATH.read_text(encoding="utf-8")
    changed = BAD_DATA[case](original)
    assert changed != original
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(PrefilterDataError, match=str(path)):
        load_prefilter_data(path)


def test_prefilter_money_signs_count_as_goods(analyzer: Analyzer) -> None:
    assert analyzer.prefilter is not None
    assert analyzer.prefilter.is_candidate("The investor donated $2 million to the group.")
    assert analyzer.prefilter.is_candidate("The investor donated US$2 million to the group.")


GOLD_FILES = ("seed.gold.jsonl", "dev.gold.jsonl", "devb.gold.jsonl")


@pytest.mark.parametrize("name", GOLD_FILES)
def test_prefilter_loses_no_transfer_on_gold_files(
    analyzer: Analyzer, shared_file: Callable[[str], Path], name: str
) -> None:
    documents = [
        d for d in load_inputs([str(shared_file(f"corpus/dev/{name}"))]) if isinstance(d, Document)
    ]
    full = Analyzer(prefilter=False)  # the same cached model, every sentence parsed
    assert full.nlp is analyzer.nlp
    filtered = to_contract(analyzer.analyze(documents))["documents"]
    reference = to_contract(full.analyze(documents))["documents"]
    assert sum(len(d["transfers"]) for d in reference) > 0
    for with_prefilter, without in zip(filtered, reference, strict=True):
        assert with_prefilter["transfers"] == without["transfers"], without["id"]
    assert filtered == reference


def test_prefilter_analyze_no_prefilter_gives_the_same_json(
    invoke: Callable[..., Result], repo_root: Path
) -> None:
    example = str(repo_root / "examples" / "limousine-gift.txt")
    filtered = invoke(["analyze", example, "--format", "json", "--no-screen"])
    full = invoke(["analyze", example, "--format", "json", "--no-screen", "--no-prefilter"])
    assert filtered.exit_code == full.exit_code == 0, full.output
    assert json.loads(filtered.stdout)["documents"][0]["transfers"]
    assert filtered.stdout == full.stdout
