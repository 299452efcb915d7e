"""`analyze` with lists loaded: parties screened, dealings with UN-listed parties flagged."""

from __future__ import annotations

from sanctrace.model import Document
from sanctrace.pipeline import Analyzer
from sanctrace.screening import Screener

TEXT = (
    "In March 2019 a Chinese firm sold machine tools to the Korea Mining Development "
    "Trading Corporation, the UN panel said. Vladimir Putin gave Kim Jong Un a limousine."
)


def test_analyze_screening_fills_parties_and_adds_the_asset_freeze(
    real_screener: Screener,
) -> None:
    analyzer = Analyzer(screener=real_screener)
    document = Document(text=TEXT, input="test", id="t", published="2024-02-20")
    (analysed,) = analyzer.analyze([document]).documents
    komid = next(p for p in analysed.parties if "Mining" in p.name)
    assert any(hit.list == "un_sc_sanctions" for hit in komid.screening)
    tools = next(t for t in analysed.transfers if t.recipient and t.recipient.party == komid.id)
    freezes = [f for f in tools.findings if f.provision == "OP8(d)"]
    assert [f.instrument for f in freezes] == ["UNSCR 1718 (2006)"]
    assert "Korea Mining Development Trading Corporation" in freezes[0].explanation

    kim = next(p for p in analysed.parties if p.name == "Kim Jong Un")
    assert max(kim.screening, key=lambda h: h.score).list == "us_ofac_sdn"
    car = next(t for t in analysed.transfers if t.recipient and t.recipient.party == kim.id)
    # Kim Jong Un is on the SDN list, not the UN list: no UN asset-freeze finding.
    assert not [f for f in car.findings if f.provision == "OP8(d)"]
    assert not [p for p in analysed.parties if p.kind == "state" and p.screening]
