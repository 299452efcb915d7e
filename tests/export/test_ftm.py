"""followthemoney export: valid entities, resolvable references, stable ids."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from followthemoney import model, registry

from sanctrace.export.ftm import SCHEMA_BY_KIND, dumps_ftm, to_ftm
from sanctrace.model import Analysis, PartyRef

from .conftest import build_analysis


def _lines(analysis: Analysis) -> list[dict[str, Any]]:
    text = dumps_ftm(analysis)
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def _by_schema(lines: list[dict[str, Any]], schema: str) -> list[dict[str, Any]]:
    return [line for line in lines if line["schema"] == schema]


def test_ftm_every_value_survives_followthemoney_cleaning(analysis: Analysis) -> None:
    for data in _lines(analysis):
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.name == data["schema"]
        assert proxy.id == data["id"]
        assert proxy.properties == data["properties"], f"cleaning changed {data['schema']}"
        for name, values in data["properties"].items():
            prop = proxy.schema.properties[name]
            assert not prop.stub, f"{data['schema']}.{name} is a reverse property"
            for value in values:
                assert prop.type.clean(value) == value, f"{data['schema']}.{name}: {value!r}"


def test_ftm_entity_references_point_at_emitted_entities(analysis: Analysis) -> None:
    lines = _lines(analysis)
    ids = [line["id"] for line in lines]
    assert len(ids) == len(set(ids)), "entity ids must be unique"
    references = 0
    for data in lines:
        proxy = model.get_proxy(data, cleaned=False)
        for prop, value in proxy.itervalues():
            if prop.type == registry.entity:
                references += 1
                assert value in ids, f"{data['schema']}.{prop.name} points nowhere"
    # Proof of 3 parties; limousine proof, sender, receiver; shells proof, receiver;
    # document and entity of 5 links.
    assert references == 3 + 3 + 2 + 5 * 2


def test_ftm_schemas_per_document(analysis: Analysis) -> None:
    counts = Counter(line["schema"] for line in _lines(analysis))
    assert counts == {
        "Article": 2,
        "Person": 2,
        "PublicBody": 1,
        "EconomicActivity": 2,
        "Documentation": 5,
    }


@pytest.mark.parametrize(
    ("kind", "schema"),
    [
        ("person", "Person"),
        ("organization", "Organization"),
        ("state", "PublicBody"),
        ("unknown", "LegalEntity"),
    ],
)
def test_ftm_party_kind_chooses_schema(analysis: Analysis, kind: str, schema: str) -> None:
    analysis.documents[0].parties[1].kind = kind  # type: ignore[assignment]
    kim = [line for line in _lines(analysis) if line["properties"].get("name") == ["Kim Jong Un"]]
    assert [line["schema"] for line in kim] == [schema]
    assert SCHEMA_BY_KIND[kind] == schema  # type: ignore[index]
    assert model.get(schema).is_a("LegalEntity"), "sender/receiver need a LegalEntity"


def test_ftm_article_carries_the_document(analysis: Analysis) -> None:
    article = _by_schema(_lines(analysis), "Article")[0]["properties"]
    document = analysis.documents[0].document
    assert article["title"] == [document.title]
    # followthemoney trims surrounding whitespace; offsets are the contract's job.
    assert article["bodyText"] == [document.text.strip()]
    assert article["publishedAt"] == ["2024-02-20"]
    assert article["publisher"] == ["Example Wire"]
    assert article["sourceUrl"] == [document.url]


def test_ftm_transfer_as_economic_activity(analysis: Analysis) -> None:
    lines = _lines(analysis)
    names = {line["id"]: line["properties"].get("name", [None])[0] for line in lines}
    article_id = _by_schema(lines, "Article")[0]["id"]
    limousine, shells = (line["properties"] for line in _by_schema(lines, "EconomicActivity"))

    assert [names[i] for i in limousine["sender"]] == ["Vladimir Putin"]
    assert [names[i] for i in limousine["receiver"]] == ["Kim Jong Un"]
    assert limousine["goodsDescription"] == ["Aurus limousine (vehicle, luxury; HS 87, 8703)"]
    assert limousine["date"] == ["2024-02-20"]
    assert (limousine["originCountry"], limousine["destinationCountry"]) == (["ru"], ["kp"])
    assert limousine["summary"] == [analysis.documents[0].transfers[0].evidence.text]
    assert limousine["proof"] == [article_id]
    finding_notes = [text for text in limousine["description"] if "UNSCR 2397 (2017) OP7" in text]
    assert len(finding_notes) == 1 and "confidence 0.81" in finding_notes[0]

    assert "sender" not in shells, "an unnamed giver must not become an entity"
    assert [names[i] for i in shells["receiver"]] == ["Russia"]
    assert shells["date"] == ["2023"]
    assert shells["goodsDescription"] == [
        "artillery shells (arms, ammunition; HS 93; more than 1,000,000)"
    ]
    assert "via Rajin (kp)" in shells["description"][0]
    assert "reported by officials in Seoul" in shells["description"][0]


def test_ftm_documentation_links_article_to_parties_and_transfers(analysis: Analysis) -> None:
    lines = _lines(analysis)
    article_id = _by_schema(lines, "Article")[0]["id"]
    linked = {
        line["properties"]["entity"][0]
        for line in _by_schema(lines, "Documentation")
        if line["properties"]["document"] == [article_id]
    }
    expected = {
        line["id"]
        for line in lines
        if line["schema"] in {"Person", "PublicBody", "EconomicActivity"}
    }
    assert linked == expected


def test_ftm_screening_hit_becomes_a_note_not_a_sanction(analysis: Analysis) -> None:
    lines = _lines(analysis)
    putin = next(line for line in lines if line["properties"].get("name") == ["Vladimir Putin"])
    assert putin["properties"]["notes"] == [
        "Possible match on us_ofac_sdn entry 35096 (PUTIN, Vladimir Vladimirovich); "
        "score 0.93; RUSSIA-EO14024, listed 2022-02-25."
    ]
    assert "topics" not in putin["properties"]
    assert not _by_schema(lines, "Sanction")


def test_ftm_ids_are_stable_and_derived_from_the_document_id() -> None:
    first = dumps_ftm(build_analysis())
    assert first == dumps_ftm(build_analysis())
    renamed = build_analysis()
    renamed.documents[0].document.id = "another-article"
    ids = {entity.id for entity in to_ftm(build_analysis())}
    renamed_ids = {entity.id for entity in to_ftm(renamed)}
    # Only the second, untouched document keeps its entity.
    assert len(ids & renamed_ids) == 1


def test_ftm_reference_to_an_unlisted_party_gets_an_entity(analysis: Analysis) -> None:
    shells = analysis.documents[0].transfers[1]
    shells.giver = PartyRef("p-unlisted", "Korea Mining Development Trading Corporation", "kp")
    lines = _lines(analysis)
    activity = _by_schema(lines, "EconomicActivity")[1]["properties"]
    (sender,) = (line for line in lines if line["id"] == activity["sender"][0])
    assert sender["schema"] == "LegalEntity"
    assert sender["properties"]["name"] == ["Korea Mining Development Trading Corporation"]
    assert sender["properties"]["country"] == ["kp"]
