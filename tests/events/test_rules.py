"""The event rules file: the packaged one loads; a bad one is refused with its place named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sanctrace.events.rules import EventRules, EventRulesError, default_rules

PACKAGED = Path(__file__).resolve().parents[2] / "src" / "sanctrace" / "events" / "rules.yaml"


def test_rules_packaged_file_loads() -> None:
    rules = default_rules()
    assert "arms" in rules.broad_tags and rules.weights["reported"] == 0.7


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(extra=1), "unknown keys ['extra']"),
        (lambda r: r["merge"].pop("date_slack_days"), "lacks the keys ['date_slack_days']"),
        (lambda r: r["merge"].update(broad_tags=["weapons"]), "['weapons'] are not goods tags"),
        (lambda r: r["merge"].update(date_slack_days=-1), "a whole number of days"),
        (lambda r: r["merge"].update(unnamed_side_matches="yes"), "true or false"),
        (lambda r: r["party_identity"].update(algorithm="magic"), "a nomenklatura algorithm"),
        (lambda r: r["party_identity"].update(threshold=1.5), "above 0 and at most 1"),
        (lambda r: r["certainty"]["weights"].pop("possible"), "a weight for each of"),
        (lambda r: r["certainty"]["weights"].update(confirmed=1.0), "between 0 and 1"),
    ],
)
def test_rules_bad_file_is_refused(change: object, message: str, tmp_path: Path) -> None:
    raw = yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))
    change(raw)  # type: ignore[operator]
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(EventRulesError) as caught:
        EventRules.load(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
