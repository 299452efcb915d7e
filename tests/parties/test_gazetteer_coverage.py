"""The shipped gazetteer knows the armed groups, provinces and ports that sanctions
news about embargoed countries and North Korea's trade keeps naming."""

from __future__ import annotations

import pytest

from sanctrace.parties.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


# (canonical name, one other name it goes by, entry key, country code)
ORGANIZATIONS = [
    ("Hezbollah", "Hizballah", "organization:hezbollah", "lb"),
    ("Houthis", "Ansar Allah", "organization:houthis", "ye"),
    ("Hamas", "the Islamic Resistance Movement", "organization:hamas", "ps"),
    ("Palestinian Islamic Jihad", "PIJ", "organization:pij", "ps"),
    ("Rapid Support Forces", "RSF", "organization:rsf", "sd"),
    (
        "Sudanese Armed Forces",
        "the Sudanese Armed Forces",
        "organization:sudanese-armed-forces",
        "sd",
    ),
    ("Libyan National Army", "Libyan Arab Armed Forces", "organization:lna", "ly"),
    ("M23", "March 23 Movement", "organization:m23", "cd"),
    ("Allied Democratic Forces", "the Allied Democratic Forces", "organization:adf", "cd"),
    ("al-Shabaab", "al-Shabab", "organization:al-shabaab", "so"),
    ("Taliban", "the Taliban", "organization:taliban", "af"),
    ("SPLA-IO", "SPLM-IO", "organization:spla-io", "ss"),
    ("3R", "Retour, Réclamation et Réhabilitation", "organization:3r", "cf"),
    ("anti-Balaka", "the anti-balaka", "organization:anti-balaka", "cf"),
    ("Popular Mobilization Forces", "Hashd al-Shaabi", "organization:pmf", "iq"),
    ("Kata'ib Hezbollah", "Kataib Hezbollah", "organization:kataib-hezbollah", "iq"),
    ("Syrian Arab Army", "the Syrian Arab Army", "organization:syrian-arab-army", "sy"),
    ("Tatmadaw", "Myanmar Armed Forces", "organization:tatmadaw", "mm"),
    ("Islamic Revolutionary Guard Corps Quds Force", "IRGC-QF", "organization:irgc-qf", "ir"),
]


@pytest.mark.parametrize(("name", "alias", "key", "country"), ORGANIZATIONS)
def test_new_organizations_resolve_to_their_country(
    gazetteer: Gazetteer, name: str, alias: str, key: str, country: str
) -> None:
    for text in (name, alias):
        entry = gazetteer.lookup(text)
        assert entry is not None, text
        assert (entry.kind, entry.key, entry.country) == ("organization", key, country), text


def test_quds_force_is_apart_from_the_irgc(gazetteer: Gazetteer) -> None:
    quds, irgc = gazetteer.lookup("Quds Force"), gazetteer.lookup("IRGC")
    assert quds is not None and irgc is not None
    assert quds.key != irgc.key


# New places, and new spellings given to places already listed.
PLACES = [
    # North Korean provinces
    ("North Pyongan", "kp"),
    ("North Phyongan", "kp"),
    ("Pyonganbuk-do", "kp"),
    ("South Pyongan", "kp"),
    ("South Phyongan Province", "kp"),
    ("Chagang", "kp"),
    ("Chagang Province", "kp"),
    ("Ryanggang", "kp"),
    ("Yanggang", "kp"),
    ("North Hamgyong", "kp"),
    ("South Hamgyong", "kp"),
    ("North Hwanghae", "kp"),
    ("South Hwanghae", "kp"),
    # North Korean towns and ports
    ("Hyesan", "kp"),
    ("Kimchaek", "kp"),
    ("Manpo", "kp"),
    ("Hoeryong", "kp"),
    ("Nampho", "kp"),
    ("Nampo port", "kp"),
    ("Songnim", "kp"),
    # Chinese border towns
    ("Donggang", "cn"),
    ("Tumen", "cn"),
    ("Changbai", "cn"),
    # Russian Far East
    ("Bolshoy Kamen", "ru"),
    # Ports and towns of other embargoed countries
    ("Lattakia", "sy"),
    ("Tartous", "sy"),
    ("Hudaydah", "ye"),
    ("Misrata", "ly"),
    ("Misurata", "ly"),
    ("Tobruk", "ly"),
    ("Kufra", "ly"),
    ("Kufrah", "ly"),
    ("Matadi", "cd"),
    # States of the United States, where indictments place firms
    ("Delaware", "us"),
    ("New Jersey", "us"),
]


def test_georgia_is_the_country_not_the_us_state(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_code("Georgia") == "ge"


@pytest.mark.parametrize(("name", "country"), PLACES)
def test_new_places_resolve_to_their_country(gazetteer: Gazetteer, name: str, country: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and entry.kind == "place", name
    assert gazetteer.country_code(name) == country
    assert gazetteer.country_code(f"{name}-based") == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("British Virgin Islands", "vg"),
        ("BVI", "vg"),
        ("the Cayman Islands", "ky"),
        ("Isle of Man", "im"),
        ("Bhutanese", "bt"),
        ("Curacao", "cw"),
    ],
)
def test_territories_that_register_ships_and_firms_have_their_codes(
    gazetteer: Gazetteer, text: str, country: str
) -> None:
    assert gazetteer.country_code(text) == country


def test_the_strait_of_gibraltar_is_no_state(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("the Strait of Gibraltar")
    assert entry is not None and (entry.kind, entry.country) == ("place", None)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("North Darfur", "sd"),
        ("El-Fasher", "sd"),
        ("Jonglei", "ss"),
        ("eastern Congo", "cd"),
        ("North Kivu", "cd"),
        ("Sebha", "ly"),
        ("Kismaayo", "so"),
        ("Ma'rib", "ye"),
    ],
)
def test_places_of_embargoed_territories_have_their_state(
    gazetteer: Gazetteer, text: str, country: str
) -> None:
    assert gazetteer.country_code(text) == country


@pytest.mark.parametrize(
    ("text", "key", "country"),
    [
        ("the FARDC", "organization:fardc", "cd"),
        ("Central African Armed Forces", "organization:faca", "cf"),
        ("SSPDF", "organization:sspdf", "ss"),
        ("the Government of National Accord", "organization:libya-gna", "ly"),
        ("Russia's Africa Corps", "organization:africa-corps", "ru"),
        ("Room 39", "organization:office-39", "kp"),
    ],
)
def test_armed_forces_and_bodies_of_embargo_reports_have_their_country(
    gazetteer: Gazetteer, text: str, key: str, country: str
) -> None:
    entry = gazetteer.lookup(text)
    assert entry is not None and (entry.key, entry.country) == (key, country)
