"""The followthemoney entity file loader, on small files written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sanctrace.errors import ListImportError
from sanctrace.screening.loaders.ftm_json import read_ftm_json

ENTITIES: list[dict[str, Any]] = [
    {
        "id": "NK-aurus",
        "schema": "Company",
        "properties": {"name": ["LLC Aurus"], "country": ["ru"], "topics": ["sanction"]},
        "datasets": ["os_sample"],
    },
    {
        "id": "NK-kim",
        "schema": "Person",
        "properties": {"name": ["Kim Jong Un"], "birthDate": ["1984-01-08", "not a date"]},
        "datasets": ["os_sample"],
    },
    {
        "id": "NK-kim-sanction",
        "schema": "Sanction",
        "properties": {"entity": ["NK-kim"], "program": ["DPRK3"], "listingDate": ["2016-07-06"]},
        "datasets": ["os_sample"],
    },
]


def _write(path: Path, records: list[Any]) -> Path:
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n\n")
    return path


def test_ftm_json_reads_every_entity_with_its_dataset(tmp_path: Path) -> None:
    listfile = read_ftm_json(_write(tmp_path / "entities.ftm.json", ENTITIES))
    entities = {entity.id: entity for entity in listfile.entities}
    assert listfile.dataset == "os_sample"
    assert set(entities) == {"NK-aurus", "NK-kim", "NK-kim-sanction"}
    assert entities["NK-aurus"].schema.name == "Company"
    assert entities["NK-kim-sanction"].get("program") == ["DPRK3"]
    assert entities["NK-kim"].get("birthDate") == ["1984-01-08"]  # the bad date is dropped
    assert all(entity.datasets == {"os_sample"} for entity in entities.values())


def test_ftm_json_dataset_option_wins(tmp_path: Path) -> None:
    listfile = read_ftm_json(_write(tmp_path / "e.json", ENTITIES), dataset="mine")
    assert listfile.dataset == "mine"
    assert {dataset for entity in listfile.entities for dataset in entity.datasets} == {"mine"}


def test_ftm_json_several_datasets_need_an_id(tmp_path: Path) -> None:
    mixed = [dict(ENTITIES[0], datasets=["us_ofac_sdn", "un_sc_sanctions"])]
    with pytest.raises(ListImportError, match=r"us_ofac_sdn, un_sc_sanctions\); choose an id"):
        read_ftm_json(_write(tmp_path / "e.json", mixed))


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ('{"id": "x", "schema": "Person", "properties": {"na', "is not valid JSON"),
        ('["not", "an", "entity"]', "is not a followthemoney entity"),
        ('{"id": "x", "schema": "Spaceship", "properties": {}}', "was rejected by followthemoney"),
    ],
)
def test_ftm_json_bad_line_names_file_and_line(tmp_path: Path, bad_line: str, reason: str) -> None:
    path = tmp_path / "e.json"
    path.write_text(json.dumps(ENTITIES[0]) + "\n" + bad_line + "\n")
    listfile = read_ftm_json(path)
    with pytest.raises(ListImportError) as caught:
        list(listfile.entities)
    assert f"Cannot import {path}: line 2 {reason}" in str(caught.value)


def test_ftm_json_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text("\n")
    with pytest.raises(ListImportError, match="holds no entities"):
        read_ftm_json(path)
