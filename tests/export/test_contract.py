"""The JSON contract: field names, values, determinism and the schema."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest

import sanctrace
from sanctrace.export.contract import (
    FORMAT_VERSION,
    contract_schema,
    dumps_contract,
    to_contract,
    validate_contract,
)
from sanctrace.model import TAGS, Analysis, Quantity

from .conftest import build_analysis


def test_contract_top_level_and_document_fields(analysis: Analysis) -> None:
    data = to_contract(analysis)
    assert data["format"] == FORMAT_VERSION == 1
    assert data["version"] == sanctrace.__version__
    assert [doc["id"] for doc in data["documents"]] == ["limousine-gift", "quiet-day"]
    assert data["errors"] == [{"input": "news/broken.html", "error": analysis.errors[0].error}]
    document = data["documents"][0]
    assert set(document) == {
        "id",
        "input",
        "title",
        "published",
        "source",
        "url",
        "parties",
        "transfers",
    }
    assert document["input"] == "news/limousine.jsonl:1"
    assert document["published"] == "2024-02-20"
    quiet = data["documents"][1]
    assert (quiet["title"], quiet["published"], quiet["parties"], quiet["transfers"]) == (
        None,
        None,
        [],
        [],
    )


def test_contract_party_and_screening_hit(analysis: Analysis) -> None:
    putin = to_contract(analysis)["documents"][0]["parties"][0]
    assert set(putin) == {"id", "name", "kind", "country", "mentions", "screening"}
    assert putin["kind"] == "person" and putin["country"] == "ru"
    assert putin["mentions"] == [{"text": "Vladimir Putin", "start": 18, "end": 32}]
    assert putin["screening"] == [
        {
            "list": "us_ofac_sdn",
            "entry_id": "35096",
            "name": "PUTIN, Vladimir Vladimirovich",
            "score": 0.935,
            "programs": ["RUSSIA-EO14024"],
            "listed_on": "2022-02-25",
            "explanation": {"name_match": 0.9, "country_match": 0.035},
        }
    ]


def test_contract_transfer_fields_in_text_order(analysis: Analysis) -> None:
    limousine, shells = to_contract(analysis)["documents"][0]["transfers"]
    assert [limousine["id"], shells["id"]] == ["t-limousine", "t-shells"]
    assert set(limousine) == {
        "id",
        "giver",
        "recipient",
        "items",
        "date",
        "origin",
        "destination",
        "route",
        "certainty",
        "outcome",
        "attributed_to",
        "evidence",
        "findings",
        "also_evidence",
        "rules",
    }
    assert limousine["giver"] == {"party": "p-putin", "name": "Vladimir Putin", "country": "ru"}
    assert limousine["recipient"]["country"] == "kp"
    assert limousine["items"] == [
        {
            "text": "Aurus limousine",
            "tags": ["vehicle", "luxury"],
            "hs": ["87", "8703"],
            "quantity": None,
        }
    ]
    assert limousine["date"] == {"value": "2024-02-20", "text": None, "basis": "published"}
    assert limousine["attributed_to"] == ["KCNA"]
    assert limousine["findings"] == [
        {
            "regime": "un-dprk",
            "instrument": "UNSCR 2397 (2017)",
            "provision": "OP7",
            "measure": analysis.documents[0].transfers[0].findings[0].measure,
            "status": "potential_breach",
            "confidence": 0.812,
            "explanation": analysis.documents[0].transfers[0].findings[0].explanation,
            "factors": analysis.documents[0].transfers[0].findings[0].factors,
        }
    ]
    text = analysis.documents[0].document.text
    for evidence in [limousine["evidence"], *limousine["also_evidence"]]:
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert shells["giver"] is None
    assert shells["route"] == [{"name": "Rajin", "country": "kp"}]
    assert (shells["origin"], shells["destination"]) == (None, "ru")
    assert (shells["certainty"], shells["outcome"]) == ("reported", "completed")
    assert shells["findings"] == [] and shells["also_evidence"] == []


def test_contract_integral_quantity_is_an_int(analysis: Analysis) -> None:
    quantity = to_contract(analysis)["documents"][0]["transfers"][1]["items"][0]["quantity"]
    assert quantity == {"value": 1000000, "unit": None, "qualifier": "more_than"}
    assert type(quantity["value"]) is int
    text = dumps_contract(analysis)
    assert '"value": 1000000\n' in text and "1000000.0" not in text


def test_contract_fractional_quantity_stays_a_float(analysis: Analysis) -> None:
    item = analysis.documents[0].transfers[1].items[0]
    item.quantity = Quantity(2.5, "tonnes", "about")
    quantity = to_contract(analysis)["documents"][0]["transfers"][1]["items"][0]["quantity"]
    assert quantity == {"value": 2.5, "unit": "tonnes", "qualifier": "about"}


def test_contract_dumps_is_deterministic_and_keeps_unicode() -> None:
    title = "Путин дарит Киму лимузин"
    first = dumps_contract(build_analysis(title=title))
    second = dumps_contract(build_analysis(title=title))
    assert first == second
    assert first.endswith("}\n") and not first.endswith("\n\n")
    assert title in first
    assert json.loads(first) == to_contract(build_analysis(title=title))
    # sort_keys: "documents" < "errors" < "format" < "version" at the top level.
    top = [line.split('"')[1] for line in first.splitlines() if line.startswith('  "')]
    assert top == sorted(top) == ["documents", "errors", "format", "version"]


def test_contract_output_passes_the_schema(analysis: Analysis) -> None:
    jsonschema.Draft202012Validator.check_schema(contract_schema())
    assert validate_contract(json.loads(dumps_contract(analysis))) == []


def test_contract_schema_tag_enum_is_model_tags() -> None:
    assert tuple(contract_schema()["$defs"]["tag"]["enum"]) == TAGS


def _set(path: list[str | int], value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


_DELETE = object()
_TRANSFER: list[str | int] = ["documents", 0, "transfers", 0]
_PARTY: list[str | int] = ["documents", 0, "parties", 0]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (_set(["format"], 2), "$.format"),
        (_set([*_TRANSFER, "items"], []), "$.documents[0].transfers[0].items"),
        (_set([*_TRANSFER, "items", 0, "tags"], ["cars"]), "tags[0]"),
        (_set([*_TRANSFER, "items", 0, "hs"], ["870"]), "hs[0]"),
        (
            _set(
                [*_TRANSFER, "items", 0, "quantity"],
                {"value": 1, "unit": None, "qualifier": "roughly"},
            ),
            "qualifier",
        ),
        (_set([*_TRANSFER, "date", "value"], "2024-13"), "date.value"),
        (_set([*_TRANSFER, "date", "value"], "20 Feb 2024"), "date.value"),
        (_set([*_TRANSFER, "date", "basis"], "guess"), "date.basis"),
        (_set([*_TRANSFER, "origin"], "RU"), "origin"),
        (_set([*_TRANSFER, "destination"], "prk"), "destination"),
        (_set([*_TRANSFER, "certainty"], "likely"), "certainty"),
        (_set([*_TRANSFER, "outcome"], "done"), "outcome"),
        (_set([*_TRANSFER, "evidence", "start"], -1), "evidence.start"),
        (_set([*_TRANSFER, "evidence", "end"], 3.5), "evidence.end"),
        (_set([*_TRANSFER, "evidence"], _DELETE), "transfers[0]"),
        (_set([*_TRANSFER, "findings", 0, "confidence"], 1.2), "confidence"),
        (_set([*_TRANSFER, "giver"], {"party": "p-putin", "name": "Vladimir Putin"}), "giver"),
        (_set([*_PARTY, "kind"], "human"), "kind"),
        (_set([*_PARTY, "screening", 0, "listed_on"], "2022"), "listed_on"),
        (_set(["documents", 0, "published"], "2024-02-30x"), "published"),
        (_set(["errors", 0], {"input": "x"}), "errors[0]"),
    ],
)
def test_contract_schema_rejects_broken_output(analysis: Analysis, change: Any, where: str) -> None:
    data = copy.deepcopy(to_contract(analysis))
    change(data)
    problems = validate_contract(data)
    assert problems, "the schema accepted broken output"
    assert any(where in problem for problem in problems), problems


def test_contract_schema_allows_extension_fields(analysis: Analysis) -> None:
    data = to_contract(analysis)
    data["documents"][0]["transfers"][0]["note"] = "added by a later version"
    data["documents"][0]["language"] = "en"
    assert validate_contract(data) == []
