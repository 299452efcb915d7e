"""The analyser on the shared seed story and the dev set, scored as the contract says.

The seed checks are the issue's "must show": every non-optional gold transfer
found with a right finding, nothing on the ZIS limousine, none of the traps
in the gold notes. The dev-set test holds the quality targets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sanctrace.documents import load_inputs
from sanctrace.evaluation import EvalReport, GoldDocument, read_gold, score_gold
from sanctrace.evaluation.gold import GoldEntry
from sanctrace.export.contract import to_contract
from sanctrace.model import AnalysedDocument
from sanctrace.pipeline import Analyzer

#: The session fixture that analyses one text (tests/conftest.py).
Analyse = Callable[..., AnalysedDocument]

ZIS = "is said to have loved his ZIS Soviet limousine"
#: Words of the seed's traps (its gold notes), each in the sentence it must not come from.
TRAPS = {
    "caption, car": "sit in the Russian president's Aurus Senat limousine",
    "caption, meeting": "during a meeting at the Vostochny Cosmodrome last September - SPUTNIK",
    "fan": "was a Mercedes-Benz fan",
    "tourists": "Russian tourists arrived in North Korea",
}
SHOWN = "the one Putin showed off to Kim"
PROGRAMME = "supply its nuclear weapons programme"


def _entries(paths: list[Path]) -> list[GoldEntry]:
    entries = []
    for item in read_gold([str(path) for path in paths]):
        assert isinstance(item, GoldEntry), f"gold line unreadable: {item}"
        entries.append(item)
    return entries


def _run(analyzer: Analyzer, entries: list[GoldEntry]) -> tuple[dict[str, Any], EvalReport]:
    analysis = analyzer.analyze(entry.document for entry in entries)
    assert not analysis.errors
    contract = to_contract(analysis)
    return contract, score_gold([entry.gold for entry in entries], contract)


@pytest.fixture(scope="module")
def seed(
    analyzer: Analyzer, shared_file: Callable[[str], Path]
) -> tuple[GoldDocument, dict[str, Any], EvalReport]:
    (entry,) = _entries([shared_file("corpus/dev/seed.gold.jsonl")])
    contract, report = _run(analyzer, [entry])
    return entry.gold, contract["documents"][0], report


def _sentence_span(text: str, words: str) -> tuple[int, int]:
    """The (start, end) of the paragraph line holding `words`."""
    at = text.index(words)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _overlaps(transfer: dict[str, Any], span: tuple[int, int]) -> bool:
    spans = [transfer["evidence"], *transfer.get("also_evidence", [])]
    return any(s["start"] < span[1] and span[0] < s["end"] for s in spans)


def test_pipeline_seed_finds_every_required_transfer_with_a_right_finding(seed: Any) -> None:
    gold, _, report = seed
    (scored,) = report.documents
    assert scored.analysed
    assert scored.misses == [], f"gold transfers not found: {scored.misses}"
    findings = scored.tally.findings
    assert findings.expected == sum(
        1 for t in gold.transfers if not t.optional and t.un_instruments
    )
    assert findings.found == findings.expected, "a found gold transfer lacks a right finding"


def test_pipeline_seed_makes_no_finding_on_the_zis_limousine(seed: Any) -> None:
    gold, document, _ = seed
    zis = _sentence_span(gold.text, ZIS)
    on_zis = [t for t in document["transfers"] if _overlaps(t, zis)]
    assert all(t["findings"] == [] for t in on_zis), on_zis


@pytest.mark.parametrize("trap", sorted(TRAPS))
def test_pipeline_seed_reports_no_trap(seed: Any, trap: str) -> None:
    gold, document, _ = seed
    span = _sentence_span(gold.text, TRAPS[trap])
    assert [t["evidence"]["text"] for t in document["transfers"] if _overlaps(t, span)] == []


def test_pipeline_seed_reports_the_car_gift_once(seed: Any) -> None:
    gold, document, _ = seed
    gift = gold.transfers[0]
    assert gift.evidence[0].startswith("Vladimir Putin has given Kim Jong-un")
    told = [
        t
        for t in document["transfers"]
        if {"vehicle", "luxury"} <= {tag for item in t["items"] for tag in item["tags"]}
        and any(
            t["evidence"]["start"] < end and start < t["evidence"]["end"]
            for start, end in gift.spans
        )
    ]
    assert len(told) == 1, [t["evidence"]["text"] for t in told]
    # "the one Putin showed off to Kim" is the car shown in 2023, not a second gift.
    shown = _sentence_span(gold.text, SHOWN)
    assert all(t is told[0] for t in document["transfers"] if t["evidence"]["start"] == shown[0])


def test_pipeline_seed_reports_no_goods_for_the_weapons_programme(seed: Any) -> None:
    gold, document, _ = seed
    span = _sentence_span(gold.text, PROGRAMME)
    for transfer in (t for t in document["transfers"] if _overlaps(t, span)):
        for item in transfer["items"]:
            assert "programme" not in item["text"]
            assert not {"wmd", "arms"} & set(item["tags"]), item


def test_pipeline_seed_text_file_gives_the_same_transfers_as_its_gold_line(
    analyzer: Analyzer, seed: Any, shared_file: Callable[[str], Path]
) -> None:
    _, document, _ = seed
    analysis = analyzer.analyze(
        load_inputs([str(shared_file("corpus/dev/seed-2024-02-20-limousine.txt"))])
    )
    (from_file,) = to_contract(analysis)["documents"]
    assert from_file["published"] == "2024-02-20"

    def evidence(doc: dict[str, Any]) -> list[tuple[int, int, str]]:
        return [
            (t["evidence"]["start"], t["evidence"]["end"], t["evidence"]["text"])
            for t in doc["transfers"]
        ]

    assert evidence(from_file) == evidence(document)


def test_pipeline_dev_set_meets_the_quality_targets(
    analyzer: Analyzer, shared_file: Callable[[str], Path]
) -> None:
    paths = [shared_file("corpus/dev/dev.gold.jsonl"), shared_file("corpus/dev/seed.gold.jsonl")]
    _, report = _run(analyzer, _entries(paths))
    total = report.total
    measured = {
        "transfer F1": total.transfers.f1,
        "finding F1": total.findings.f1,
        "giver country accuracy": total.attributes["giver_country"].accuracy,
        "recipient country accuracy": total.attributes["recipient_country"].accuracy,
    }
    targets = {
        "transfer F1": 0.85,
        "finding F1": 0.90,
        "giver country accuracy": 0.85,
        "recipient country accuracy": 0.85,
    }
    short = {
        name: round(measured[name] or 0.0, 3)
        for name in targets
        if (measured[name] or 0.0) < targets[name]
    }
    assert not short, f"below the issue's targets {targets}: {short}"


def test_pipeline_dateline_locates_a_named_firm(analyse: Analyse) -> None:
    analysed = analyse("HANOI — Mekong Grain Export Co. shipped 500 tonnes of rice to Cuba in May.")
    (transfer,) = analysed.transfers
    assert transfer.giver is not None and transfer.giver.country == "vn"
    assert transfer.recipient is not None and transfer.recipient.country == "cu"


def test_pipeline_registration_elsewhere_gives_a_ship_its_flag(analyse: Analyse) -> None:
    analysed = analyse(
        "The Blue Whale delivered 700 tonnes of diesel to Nampo in May. "
        "The Blue Whale, registered in Panama, was later seized by coast guards."
    )
    transfer = analysed.transfers[0]
    assert transfer.giver is not None and transfer.giver.name == "Blue Whale"
    assert transfer.giver.country == "pa"


def test_pipeline_a_flag_given_elsewhere_places_the_ship(analyse: Analyse) -> None:
    analysed = analyse(
        "The Blue Whale delivered 700 tonnes of diesel to Nampo in May. "
        "The Blue Whale, since reflagged to Togo, was later seized."
    )
    transfer = analysed.transfers[0]
    assert transfer.giver is not None and transfer.giver.country == "tg"


def test_pipeline_registration_said_of_another_party_is_not_the_names(analyse: Analyse) -> None:
    analysed = analyse("Acme sold rifles to a company headquartered in Cairo in May.")
    (transfer,) = analysed.transfers
    assert transfer.giver is not None and transfer.giver.country is None
    assert transfer.recipient is not None and transfer.recipient.country == "eg"


def test_pipeline_a_ship_taking_goods_on_gives_no_destination_by_its_flag(
    analyse: Analyse,
) -> None:
    analysed = analyse(
        "A Chinese trader sold 900 tonnes of diesel to the Sea Lark, a Panama-flagged tanker."
    )
    (transfer,) = analysed.transfers
    assert transfer.recipient is not None and transfer.recipient.country == "pa"
    assert transfer.destination is None


def test_pipeline_her_brother_is_the_relative_by_family_name(analyse: Analyse) -> None:
    analysed = analyse(
        "Kim Jong Un met Vladimir Putin in Vladivostok. Kim Yo Jong, his sister, praised "
        "the talks. Her brother was later seen riding in a new Mercedes-Maybach limousine."
    )
    (transfer,) = analysed.transfers
    assert transfer.recipient is not None and transfer.recipient.name == "Kim Jong Un"


def test_pipeline_transfer_in_an_old_decade_breaches_nothing(analyse: Analyse) -> None:
    analysed = analyse("North Korea sold ballistic missiles to Iran in the 1990s, a report said.")
    (transfer,) = analysed.transfers
    assert transfer.date is not None and transfer.date.basis == "text"
    assert transfer.findings == [], "no UN measure was in force in 1990"


def test_pipeline_two_events_of_one_sentence_told_by_the_same_words_have_two_ids(
    analyse: Analyse,
) -> None:
    text = "Russia sent shells to Syria, and Iran sent shells to Yemen."
    transfers = analyse(text).transfers
    assert [t.recipient.name for t in transfers if t.recipient] == ["Syria", "Yemen"]
    assert len({t.id for t in transfers}) == 2


@pytest.mark.parametrize(
    ("said", "exempted"),
    [
        ("The trust had secured an exemption from the 1718 Committee.", True),
        ("The Security Council's committee granted the trust a waiver in May.", True),
        ("The trust sought an exemption from the 1718 Committee but was refused.", False),
        ("The trust acted without an exemption from the committee.", False),
        ("A charity in Oslo obtained an exemption from the committee.", False),
    ],
)
def test_pipeline_a_committee_exemption_granted_to_a_party_clears_its_transfer(
    analyse: Analyse, said: str, exempted: bool
) -> None:
    analysed = analyse(f"In 2025 the Nordhavn Trust sent water pumps to Pyongyang. {said}")
    (transfer,) = analysed.transfers
    assert transfer.rules is not None
    assert ("committee-exemption" in transfer.rules.document) is exempted
    assert (transfer.findings == []) is exempted


def test_pipeline_a_purchase_told_by_its_price_lists_the_sum_with_the_goods(
    analyse: Analyse,
) -> None:
    analysed = analyse("In 2022 a Panama firm paid $2 million for a yacht built in Italy.")
    (transfer,) = analysed.transfers
    assert [item.text for item in transfer.items] == ["$2 million", "a yacht"]
    assert transfer.recipient is not None and transfer.recipient.name == "Panama firm"


def test_pipeline_a_party_described_anew_takes_no_country_of_another_so_described(
    analyse: Analyse,
) -> None:
    analysed = analyse(
        "In May Acme sold rifles to a company in Cairo. In June Orion sold drones to a company."
    )
    countries = [t.recipient.country for t in analysed.transfers if t.recipient is not None]
    assert countries == ["eg", None]


def test_pipeline_a_ship_the_next_sentence_refers_back_to_takes_its_flag(
    analyse: Analyse,
) -> None:
    analysed = analyse(
        "Orion Fishing took delivery of its trawler, the Sea Star, in 2016. "
        "The vessel, which flies the Panamanian flag, fished off Korea in 2018. "
        "In May the Sea Star pumped diesel into a North Korean boat."
    )
    givers = [t.giver for t in analysed.transfers if t.giver is not None]
    assert [(g.name, g.country) for g in givers if g.name == "Sea Star"] == [("Sea Star", "pa")]
