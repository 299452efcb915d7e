"""Findings for dealings with designated parties, from screening hits."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctrace.law.designations import DesignationError, default_designations, load_designations
from sanctrace.model import (
    Item,
    Party,
    PartyRef,
    ScreeningHit,
    Span,
    Transfer,
    TransferDate,
)


def _transfer(date: str, certainty: str = "confirmed") -> Transfer:
    return Transfer(
        id="t1",
        giver=PartyRef("p-seller", "Ocean Trading", "hk"),
        recipient=PartyRef("p-buyer", "Korea Example Corporation", "kp"),
        items=[Item("sugar", ["food"])],
        date=TransferDate(date, None, "text"),
        evidence=Span("Ocean Trading sold sugar to Korea Example Corporation.", 0, 55),
        certainty=certainty,  # type: ignore[arg-type]
    )


def _parties(hit: ScreeningHit | None) -> dict[str, Party]:
    buyer = Party("p-buyer", "Korea Example Corporation", "organization", "kp")
    if hit is not None:
        buyer.screening.append(hit)
    seller = Party("p-seller", "Ocean Trading", "organization", "hk")
    return {party.id: party for party in (buyer, seller)}


UN_HIT = ScreeningHit("un_sc_sanctions", "unsc-KPe.001", "KOREA EXAMPLE CORP", 0.92, ["DPRK"])


def test_designations_un_listed_recipient_brings_asset_freeze_finding() -> None:
    findings = default_designations().findings_for(_transfer("2019-05"), _parties(UN_HIT))
    assert [(f.instrument, f.provision) for f in findings] == [("UNSCR 1718 (2006)", "OP8(d)")]
    assert "Korea Example Corporation" in findings[0].explanation
    assert findings[0].confidence == pytest.approx(0.92)


def test_designations_weaker_certainty_lowers_confidence() -> None:
    sure = default_designations().findings_for(_transfer("2019"), _parties(UN_HIT))
    doubtful = default_designations().findings_for(_transfer("2019", "suspected"), _parties(UN_HIT))
    assert doubtful[0].confidence < sure[0].confidence


def test_designations_other_lists_and_programs_bring_nothing() -> None:
    ofac = ScreeningHit("us_ofac_sdn", "ofac-1", "KOREA EXAMPLE CORP", 0.95, ["DPRK3"])
    other = ScreeningHit("un_sc_sanctions", "unsc-QDe.1", "KOREA EXAMPLE CORP", 0.95, ["ISIL"])
    for hit in (ofac, other, None):
        assert default_designations().findings_for(_transfer("2019"), _parties(hit)) == []


def test_designations_no_finding_before_the_measure() -> None:
    assert default_designations().findings_for(_transfer("2005-03"), _parties(UN_HIT)) == []


def test_designations_bad_file_names_the_measure(tmp_path: Path) -> None:
    bad = tmp_path / "designations.yaml"
    bad.write_text("measures:\n  - id: x\n    regime: un-dprk\n", encoding="utf-8")
    with pytest.raises(DesignationError, match=r"measure 1 lacks list"):
        load_designations(bad)


def test_designations_only_the_best_hit_counts() -> None:
    # The party is the OFAC-listed person; a weaker UN hit is a namesake.
    ofac = ScreeningHit("us_ofac_sdn", "ofac-1", "KOREA EXAMPLE CORP", 1.0, ["DPRK3"])
    namesake = ScreeningHit("un_sc_sanctions", "unsc-KPe.9", "KOREA EXAMPLER", 0.81, ["DPRK"])
    parties = _parties(ofac)
    parties["p-buyer"].screening.append(namesake)
    assert default_designations().findings_for(_transfer("2019"), parties) == []


def test_designations_weak_hits_are_not_designations() -> None:
    weak = ScreeningHit("un_sc_sanctions", "unsc-KPe.001", "KOREA EXAMPLE CORP", 0.75, ["DPRK"])
    assert default_designations().findings_for(_transfer("2019"), _parties(weak)) == []
