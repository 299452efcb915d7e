"""Every transfer says why it was reported, and every finding what its confidence is made of.

End to end with the real model: the rules name lexicon entries and point at
the exact characters of the text; the factors multiply to the confidence;
JSON (validated by the contract schema), the HTML report and the table show them.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from sanctrace.export.contract import to_contract, validate_contract
from sanctrace.export.html import render_report
from sanctrace.export.table import render_table
from sanctrace.model import AnalysedDocument, Analysis
from sanctrace.transfers.lexicon import default_lexicon


@pytest.fixture(scope="module")
def analysed(analyse: Callable[..., AnalysedDocument], repo_root: Path) -> AnalysedDocument:
    text = (repo_root / "examples" / "limousine-gift.txt").read_text(encoding="utf-8")
    return analyse(text.split("\n", 1)[1], published="2024-02-20")


def test_rules_name_lexicon_entries_at_exact_offsets(analysed: AnalysedDocument) -> None:
    lexicon = default_lexicon()
    text = analysed.document.text
    assert analysed.transfers
    for transfer in analysed.transfers:
        rules = transfer.rules
        assert rules is not None
        assert text[rules.trigger.start : rules.trigger.end] == rules.trigger.text
        assert rules.frame in lexicon.frames
        assert rules.roles
        assert set(rules.roles) <= {"giver", "recipient", "items", "origin", "route"}
        assert set(rules.roles.values()) <= set(lexicon.patterns)
        assert set(rules.document) <= set(lexicon.document_rules)
        for cue in rules.cues:
            assert text[cue.start : cue.end] == cue.text
            assert cue.sets.split("=")[0] in {"certainty", "outcome"}


def test_rules_cue_explains_a_reported_certainty(analysed: AnalysedDocument) -> None:
    reported = [t for t in analysed.transfers if t.certainty != "confirmed"]
    assert reported
    for transfer in reported:
        assert transfer.rules is not None
        assert f"certainty={transfer.certainty}" in {c.sets for c in transfer.rules.cues}


def test_rules_factors_multiply_to_the_confidence(analysed: AnalysedDocument) -> None:
    findings = [f for t in analysed.transfers for f in t.findings]
    assert findings
    for finding in findings:
        assert {"measure", "goods_match", "certainty", "outcome", "date_basis"} <= set(
            finding.factors
        )
        assert math.isclose(
            min(1.0, math.prod(finding.factors.values())), finding.confidence, abs_tol=0.01
        )


def test_rules_in_json_html_and_table(analysed: AnalysedDocument) -> None:
    analysis = Analysis(documents=[analysed])
    data = to_contract(analysis)
    assert validate_contract(data) == []
    first = data["documents"][0]["transfers"][0]
    assert first["rules"]["frame"] == analysed.transfers[0].rules.frame  # type: ignore[union-attr]
    assert first["findings"][0]["factors"]
    html = render_report(analysis)
    rules = analysed.transfers[0].rules
    assert rules is not None
    assert "<th>Why</th>" in html
    assert f"<code>{rules.frame}</code>" in html
    assert f"<code>{next(iter(rules.roles.values()))}</code>" in html
    assert "confidence = " in html and "goods_match" in html
    out = io.StringIO()
    render_table(analysis, Console(file=out, width=120, color_system=None))
    assert f"“{rules.trigger.text}” {rules.frame}" in out.getvalue()
