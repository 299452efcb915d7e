"""Parties screened with their context: gazetteer facts, fullest names, what is not screened."""

from __future__ import annotations

import pytest

from sanctrace.model import Party, Span
from sanctrace.parties.gazetteer import Gazetteer
from sanctrace.screening import Screener
from sanctrace.screening.context import party_query, screen_party

GAZETTEER = Gazetteer.load()


def _party(name: str, kind: str, country: str | None, text: str = "") -> Party:
    """A party as the analyser builds it: resolved name, contract kind, country, mentions."""
    party = Party("p-test", name, kind, country)  # type: ignore[arg-type]
    at = text.find(name)
    if at >= 0:
        party.mentions.append(Span(name, at, at + len(name)))
    return party


def test_context_kim_jong_un_finds_only_his_own_entry(
    real_screener: Screener, scoring_screener: Screener
) -> None:
    kim = _party("Kim Jong Un", "person", "kp")
    hits = screen_party(real_screener, kim, GAZETTEER)
    assert [(hit.list, hit.entry_id) for hit in hits] == [("us_ofac_sdn", "ofac-20157")]
    # Without the context, namesakes sharing two of his three names pass the threshold.
    bare = real_screener.screen("Kim Jong Un", kind="person")
    assert len([hit for hit in bare if hit.name.upper().startswith("KIM")]) > 1
    # With it, the best of the other Kims stays below the threshold, and why is shown.
    everyone = screen_party(scoring_screener, kim, GAZETTEER, limit=20)
    others = [hit for hit in everyone if hit.entry_id != "ofac-20157"]
    assert others and max(hit.score for hit in others) < real_screener.threshold
    yo_jong = next(hit for hit in everyone if hit.name == "KIM, Yo Jong")
    assert yo_jong.explanation["dob_year_disjoint"] == -0.15


def test_context_kim_yo_jong_finds_her_entry(real_screener: Screener) -> None:
    hits = screen_party(real_screener, _party("Kim Yo Jong", "person", "kp"), GAZETTEER)
    assert hits[0].name == "KIM, Yo Jong"
    assert hits[0].entry_id == "ofac-21444"


def test_context_query_carries_gazetteer_facts() -> None:
    query = party_query(_party("Kim Jong-un", "person", None), GAZETTEER)
    assert query is not None
    assert (query.name, query.kind, query.country, query.birth_date) == (
        "Kim Jong Un",
        "person",
        "kp",
        "1984-01-08",
    )
    assert "Kim Jong Eun" in query.aliases


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("the firm", "organization"),
        ("North", "unknown"),
        ("Kim", "person"),
        ("Lindqvist", "person"),
        ("shipping company", "organization"),
        ("North Korea", "state"),
    ],
)
def test_context_names_that_name_no_one_are_not_screened(
    real_screener: Screener, name: str, kind: str
) -> None:
    party = _party(name, kind, None)
    assert party_query(party, GAZETTEER) is None
    assert screen_party(real_screener, party, GAZETTEER) == []


@pytest.mark.parametrize(("name", "kind"), [("KOMID", "organization"), ("Aurus", "organization")])
def test_context_single_word_names_of_organisations_are_screened(
    real_screener: Screener, name: str, kind: str
) -> None:
    assert screen_party(real_screener, _party(name, kind, None), GAZETTEER)


def test_context_cut_vessel_name_is_screened_in_full(real_screener: Screener) -> None:
    text = "Coal was loaded onto the Sam Jong 2 off Nampo in May."
    cut = _party("Sam Jong", "unknown", None, text)
    query = party_query(cut, GAZETTEER, text)
    assert query is not None and query.name == "Sam Jong 2"
    hits = screen_party(real_screener, cut, GAZETTEER, text)
    assert hits[0].name == "SAM JONG 2"
    assert all(hit.name != "PAEK Jong Sam" for hit in hits)


def test_context_on_the_seed_article_as_the_analyser_would_call_it(
    real_screener: Screener,
) -> None:
    from pathlib import Path

    from sanctrace.model import Document
    from sanctrace.pipeline import Analyzer

    seed = Path(__file__).parents[3] / "shared/corpus/dev/seed-2024-02-20-limousine.txt"
    text = seed.read_text(encoding="utf-8")
    analyzer = Analyzer()  # no screener: the parties as the analyser builds them
    document = Document(text=text, input="seed", id="seed", published="2024-02-20")
    (analysed,) = analyzer.analyze([document]).documents
    kim = next(party for party in analysed.parties if party.name == "Kim Jong Un")
    hits = screen_party(real_screener, kim, analyzer.resolver.gazetteer, text)
    assert hits[0].entry_id == "ofac-20157"
    assert not [hit for hit in hits[1:] if hit.name.upper().startswith("KIM")]
    states = [party for party in analysed.parties if party.kind == "state"]
    assert states and all(
        screen_party(real_screener, state, analyzer.resolver.gazetteer, text) == []
        for state in states
    )
