"""Parsing OFAC's Remarks facts, names and dates."""

from __future__ import annotations

import pytest
from followthemoney import ValueEntity, model

from sanctrace.screening.loaders.ofac_remarks import (
    apply_remarks,
    names_of,
    parse_dates,
    split_remarks,
)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("08 Jan 1984", ["1984-01-08"]),
        ("Jan 1984", ["1984-01"]),
        ("1984", ["1984"]),
        ("circa 1962", ["1962"]),
        ("1960 to 1962", ["1960", "1961", "1962"]),
        ("01 Jan 1960 to 31 Dec 1961", ["1960", "1961"]),
        ("1900 to 1990", []),
        ("sometime", []),
    ],
)
def test_ofac_remarks_parse_dates(text: str, dates: list[str]) -> None:
    assert parse_dates(text) == dates


@pytest.mark.parametrize(
    ("raw", "is_person", "names"),
    [
        ("KIM, Jong Un", True, ["KIM, Jong Un", "Jong Un KIM"]),
        (
            "DELOS REYES, Feliciano Semborio, Jr.",
            True,
            ["DELOS REYES, Feliciano Semborio, Jr.", "Feliciano Semborio DELOS REYES Jr."],
        ),
        ("ANGLO-CARIBBEAN CO., LTD.", False, ["ANGLO-CARIBBEAN CO., LTD."]),
        ("MADONNA", True, ["MADONNA"]),
    ],
)
def test_ofac_remarks_names_of(raw: str, is_person: bool, names: list[str]) -> None:
    assert names_of(raw, is_person) == names


def test_ofac_remarks_split_keeps_facts_and_drops_final_stop() -> None:
    assert split_remarks("DOB 1970; a.k.a. 'X CO.'.") == ["DOB 1970", "a.k.a. 'X CO.'"]


def test_ofac_remarks_apply_only_fitting_properties() -> None:
    person = ValueEntity(model.get("Person"), {"id": "p"})
    apply_remarks(
        person,
        "DOB 08 Jan 1984; alt. DOB 1985; nationality Korea, North; Gender Male; "
        "f.k.a. 'PAK, Chol'; Company Number IMO 5987860; Passport 472220033 (Korea, North).",
    )
    assert person.get("birthDate") == ["1984-01-08", "1985"]
    assert person.get("nationality") == ["kp"]
    assert person.get("gender") == ["male"]
    assert person.get("previousName") == ["PAK, Chol", "Chol PAK"]
    assert person.get("passportNumber") == ["472220033"]
    assert not person.has("imoNumber", quiet=True)  # a Person has no IMO number

    company = ValueEntity(model.get("Organization"), {"id": "o"})
    apply_remarks(company, "Company Number IMO 5987860; DOB 1984.")
    assert company.get("imoNumber") == ["IMO5987860"]
    assert not company.has("birthDate", quiet=True)
