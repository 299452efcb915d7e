"""A hit's explanation: feature contributions and name evidence from nomenklatura."""

from __future__ import annotations

from followthemoney import EntityProxy, model
from nomenklatura.matching import get_algorithm

from sanctrace.screening.explain import explain, feature_weights

LOGIC_V2 = get_algorithm("logic-v2")
assert LOGIC_V2 is not None
CONFIG = LOGIC_V2.default_config()
WEIGHTS = feature_weights(LOGIC_V2, CONFIG)


def _entity(schema: str, entity_id: str, **props: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.id = entity_id
    for prop, value in props.items():
        entity.add(prop, value)
    return entity


def test_explain_weights_come_from_the_algorithm() -> None:
    assert WEIGHTS["name_match"] == 1.0
    assert WEIGHTS["country_mismatch"] < 0


def test_explain_lists_contributions_and_name_parts() -> None:
    query = _entity("Person", "q-explain-1", name="Kim Jong Il", country="kp")
    listed = _entity("Person", "r-explain-1", name="KIM, Jong Un", nationality="ru")
    result = LOGIC_V2.compare(query, listed, CONFIG)
    explanation = explain(result, WEIGHTS)
    assert explanation["country_mismatch"] == WEIGHTS["country_mismatch"]
    assert explanation["name: 'kim'≈'kim' symbolMatch"] == 1.0
    assert explanation["name: 'il' extraQueryPart"] == 0.0
    assert explanation["name: 'un' extraResultPart"] == 0.0
    # The contributions add up to the score, as logic-v2 computes it.
    total = explanation["name_match"] + explanation["country_mismatch"]
    assert abs(total - result.score) < 1e-3


def test_explain_reads_vessel_and_company_evidence() -> None:
    vessel = LOGIC_V2.compare(
        _entity("Vessel", "q-explain-2", name="Lady R"),
        _entity("Vessel", "r-explain-2", name="LADY R"),
        CONFIG,
    )
    assert explain(vessel, WEIGHTS)["name: 'lady r' literalMatch"] == 1.0
    company = LOGIC_V2.compare(
        _entity("Organization", "q-explain-3", name="O'Neill Assets"),
        _entity("Organization", "r-explain-3", name="O'NEILL ASSETS CORPORATION"),
        CONFIG,
    )
    explanation = explain(company, WEIGHTS)
    assert explanation["name: 'oneill' literalMatch"] == 1.0
    assert explanation["name: 'assets'≈'assets' symbolMatch"] == 1.0
    assert explanation["name: 'corporation' extraResultPart"] == 0.0
