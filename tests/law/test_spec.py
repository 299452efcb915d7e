"""Regime files: every packaged file loads; broken files fail with a named error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sanctrace.errors import DataFileError
from sanctrace.law import RegimeError, Regimes
from sanctrace.law.engine import DEFAULT_DIRECTORY
from sanctrace.law.spec import load_regime
from sanctrace.model import TAGS


@pytest.mark.parametrize("path", sorted(DEFAULT_DIRECTORY.glob("*.yaml")), ids=lambda p: p.name)
def test_spec_every_regime_file_loads(path: Path) -> None:
    regime = load_regime(path)
    assert regime.measures
    for measure in regime.measures:
        assert measure.goods
        for rule in (*measure.goods, *measure.exempt):
            assert (rule.tags_any | rule.tags_all | rule.tags_none) <= set(TAGS)


def test_spec_un_dprk_covers_every_resolution_with_goods_measures() -> None:
    regime = load_regime(DEFAULT_DIRECTORY / "un-dprk.yaml")
    numbers = {m.resolution.number for m in regime.measures if m.binding}
    assert numbers == {"1718", "1874", "2094", "2270", "2321", "2371", "2375", "2397"}
    adopted = {m.resolution.number: m.resolution.adopted.isoformat() for m in regime.measures}
    assert adopted["2397"] == "2017-12-22" and adopted["1718"] == "2006-10-14"
    assert regime.target == "kp"


def _regime_text(measure_overrides: str = "", resolution_date: str = "2017-12-22") -> str:
    source = (DEFAULT_DIRECTORY / "un-dprk.yaml").read_text(encoding="utf-8")
    head = yaml.safe_load(source)
    head["resolutions"] = [
        {
            "number": "2397",
            "instrument": "UNSCR 2397 (2017)",
            "adopted": resolution_date,
            "status": "V",
            "source": "test",
        }
    ]
    measure = {
        "id": "test-measure",
        "resolution": "2397",
        "provision": "OP7",
        "provision_status": "V",
        "status": "V",
        "source": "test",
        "direction": "to_target",
        "measure": "Supply of vehicles.",
        "summary": "bans vehicles",
        "goods": [{"tags_any": ["vehicle"]}],
    }
    measure.update(yaml.safe_load(measure_overrides) or {})
    head["measures"] = [measure]
    return yaml.safe_dump(head)


@pytest.mark.parametrize(
    ("overrides", "date", "problem"),
    [
        ("goods: [{tags_any: [spaceship]}]", "2017-12-22", "'spaceship' is not a contract tag"),
        ("direction: sideways", "2017-12-22", "'direction' is 'sideways'"),
        ("direction: sts", "2017-12-22", "needs 'evidence_terms'"),
        ("resolution: '9999'", "2017-12-22", "resolution 9999 is not listed"),
        ("goods: [{weight: 0.5}]", "2017-12-22", "a goods rule needs one of"),
        ("weight: 1.5", "2017-12-22", "weight 1.5 is not a number in (0, 1]"),
        ("goods: [{hs: ['8']}]", "2017-12-22", "'8' is not 2 or 4"),
        ("colour: red", "2017-12-22", "unknown keys ['colour']"),
        ("", "22 December 2017", "is not an ISO date"),
        ("recipients: rebels", "2017-12-22", "'recipients' is 'rebels', not one of"),
        (
            "{direction: from_target, recipients: non_state}",
            "2017-12-22",
            "'recipients: non_state' needs direction 'to_target'",
        ),
        ("lifted_by: '9999'", "2017-12-22", "'lifted_by' resolution 9999 is not listed"),
        ("lifted_by: '2397'", "2017-12-22", "'lifted_by' resolution 2397 is not adopted after"),
    ],
)
def test_spec_rejects_bad_regime(tmp_path: Path, overrides: str, date: str, problem: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(_regime_text(overrides, date), encoding="utf-8")
    with pytest.raises(RegimeError) as caught:
        Regimes.load(tmp_path)
    message = str(caught.value)
    assert isinstance(caught.value, DataFileError)
    assert str(path) in message and problem in message
    assert "\n" not in message


def test_spec_error_names_the_measure(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(_regime_text("direction: sideways"), encoding="utf-8")
    with pytest.raises(RegimeError, match="measure 'test-measure'"):
        load_regime(path)


def test_spec_rejects_incomplete_confidence_table(tmp_path: Path) -> None:
    data = yaml.safe_load(_regime_text())
    del data["confidence"]["certainty"]["denied"]
    (tmp_path / "r.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RegimeError, match=r"confidence\.certainty"):
        Regimes.load(tmp_path)


def test_spec_rejects_directory_without_regimes(tmp_path: Path) -> None:
    with pytest.raises(RegimeError, match="holds no"):
        Regimes.load(tmp_path)


def test_spec_loads_every_file_of_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_regime_text(), encoding="utf-8")
    data = yaml.safe_load(_regime_text())
    data["id"] = "second"
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert [r.id for r in Regimes.load(tmp_path).regimes] == ["un-dprk", "second"]
