"""The goods taxonomy: data-file checks and phrase classification."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sanctrace.errors import DataFileError
from sanctrace.goods import Taxonomy, TaxonomyError
from sanctrace.goods.taxonomy import DEFAULT_PATH, WEAPON_TAGS
from sanctrace.model import TAGS


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


# phrase, tags expected exactly, HS headings that must be among the result's
CASES: list[tuple[str, set[str], set[str]]] = [
    # arms of all kinds
    ("weapons", {"arms"}, {"93"}),
    # what missile and chemical weapons programmes are built from
    ("two tonnes of fine-grain graphite", {"dual_use", "wmd"}, {"3801"}),
    ("glass-lined reactors", {"dual_use", "wmd"}, {"8481"}),
    # plain graphite is a mineral
    ("graphite", {"minerals"}, {"25"}),
    ("more than one million shells", {"arms", "ammunition"}, {"9306"}),
    ("152mm artillery shells", {"arms", "ammunition"}, {"9306"}),
    ("rounds of ammunition", {"arms", "ammunition"}, {"9306"}),
    ("a rifle", {"arms", "small_arms"}, {"93"}),
    ("AK-47s", {"arms", "small_arms"}, {"93"}),
    ("Kalashnikov assault rifles", {"arms", "small_arms"}, {"93"}),
    # what small arms fire or throw is small-arms ammunition, of no register category
    ("hand grenades", {"arms", "ammunition", "small_arms"}, {"9306"}),
    ("pistol cartridges", {"arms", "ammunition", "small_arms"}, {"9306"}),
    ("RPG launchers", {"arms", "small_arms"}, {"93"}),
    # a model number before a weapon names that weapon's model, not a second weapon
    ("an F-5 grenade launcher", {"arms", "small_arms"}, {"93"}),
    # but one before a part of no weapon kind is still the weapon the part is for
    ("MiG-29 engines", {"arms", "military_vehicle", "aircraft", "machinery"}, {"8802"}),
    ("cruise missiles", {"arms", "missile"}, {"9306"}),
    ("KN-23 missiles", {"arms", "missile", "wmd"}, {"9306"}),
    ("Hwasong-11 launchers", {"arms", "missile", "wmd"}, {"9306"}),
    ("short-range ballistic missiles", {"arms", "missile", "wmd"}, {"9306"}),
    ("ballistic and cruise missiles", {"arms", "missile", "wmd"}, {"9306"}),
    ("Iskander missile complexes", {"arms", "missile", "wmd"}, {"9306"}),
    ("military drones", {"arms", "drone"}, {"8806"}),
    ("Shahed-136 UAVs", {"arms", "drone"}, {"8806"}),
    ("battle tanks", {"arms", "military_vehicle"}, {"8710"}),
    ("armoured vehicles", {"arms", "military_vehicle"}, {"8710"}),
    ("two MiG-21 Bis fighter aircraft", {"arms", "military_vehicle", "aircraft"}, {"8802"}),
    ("Su-27 jets", {"arms", "military_vehicle", "aircraft"}, {"8802"}),
    ("a frigate", {"arms", "military_vehicle", "vessel"}, {"8906"}),
    ("military uniforms", {"arms"}, set()),
    ("body armour", {"arms"}, set()),
    ("military trucks", {"arms", "military_vehicle", "vehicle"}, {"8704"}),
    # WMD and dual-use
    ("gas centrifuges", {"wmd"}, set()),
    ("enriched uranium", {"wmd"}, {"2844"}),
    ("dual-use goods", {"dual_use"}, set()),
    # "chips" alone are semiconductors; a chip in a phrase of its own is not
    ("Western chips", {"electrical"}, {"85"}),
    ("wood chips", {"wood"}, {"44"}),
    ("dual-use machine tools", {"dual_use", "machinery"}, {"84"}),
    # vehicles, vessels, aircraft
    ("a $200,000 armoured Mercedes-Maybach S560 sedan", {"vehicle", "luxury"}, {"8703"}),
    ("Mercedes Maybach", {"vehicle", "luxury"}, {"8703"}),
    ("Russian-built Aurus Senat limousine", {"vehicle", "luxury"}, {"8703"}),
    ("a Rolls-Royce Phantom", {"vehicle", "luxury"}, {"8703"}),
    ("four new foreign vehicles", {"vehicle"}, {"87"}),
    ("a Toyota Land Cruiser", {"vehicle"}, {"87"}),
    ("Lexus SUVs", {"vehicle"}, {"87"}),
    ("60 second-hand buses and several fire engines", {"vehicle"}, {"8702", "8705"}),
    ("luxury cars", {"vehicle", "luxury"}, {"8703"}),
    ("an oil tanker", {"vessel"}, {"89"}),
    ("a bulk carrier", {"vessel"}, {"89"}),
    ("two luxury yachts", {"vessel", "yacht", "luxury"}, {"8903"}),
    ("jet skis", {"vessel", "yacht", "luxury"}, {"8903"}),
    ("new helicopters", {"aircraft"}, {"88"}),
    ("a private jet", {"aircraft", "luxury"}, {"8802"}),
    # luxury kinds
    ("diamond necklaces", {"jewellery", "luxury"}, {"7113"}),
    ("Rolex watches", {"watch", "luxury"}, {"9101"}),
    ("watches", {"watch"}, {"91"}),
    ("pricey French wines", {"alcohol", "luxury"}, {"2204"}),
    ("wine", {"alcohol"}, {"2204"}),
    ("Hennessy cognac", {"alcohol", "luxury"}, {"2208"}),
    ("vodka and whisky", {"alcohol"}, {"2208"}),
    ("cigarettes", {"tobacco"}, {"24"}),
    ("designer bags", {"leather_goods", "luxury"}, {"4202"}),
    ("Louis Vuitton handbags", {"leather_goods", "luxury"}, {"4202"}),
    ("paintings", {"art"}, {"97"}),
    ("an abstract canvas by a Russian painter", {"art"}, {"97"}),
    # export-controlled electronics and machine tools are dual-use as well
    ("200 microcontrollers", {"electrical", "dual_use"}, {"85"}),
    ("Kornet anti-tank missiles", {"arms", "missile"}, {"9306", "9301"}),
    ("technicals", {"arms", "military_vehicle"}, {"8710"}),
    ("roller bearings", {"machinery"}, {"84"}),
    ("the proceeds and other revenue", {"money"}, set()),
    ("CNC machine tools", {"machinery", "dual_use"}, {"84"}),
    ("microchips", {"electrical"}, {"85"}),
    # the ores the trade calls conflict minerals
    ("coltan", {"metals", "minerals"}, {"26"}),
    ("two watercolours", {"art"}, {"97"}),
    ("lead crystal", {"other", "luxury"}, {"7013"}),
    # animals
    ("Twenty-four purebred Orlov Trotters", {"animals"}, {"0101"}),
    ("19 stallions and five mares", {"animals"}, {"0101"}),
    ("a pair of Pungsan dogs", {"animals"}, {"01"}),
    ("447 goats", {"animals"}, {"01"}),
    ("luxury horses", {"animals", "luxury"}, {"0101"}),
    ("expensive horses", {"animals"}, {"0101"}),
    # energy, metals, minerals
    ("refined petroleum", {"petroleum_refined"}, {"2710"}),
    ("oil products", {"petroleum_refined"}, {"2710"}),
    ("diesel and gasoline", {"petroleum_refined"}, {"2710"}),
    ("jet fuel", {"petroleum_refined"}, {"2710"}),
    ("crude oil", {"petroleum_crude"}, {"2709"}),
    ("condensates", {"petroleum_crude"}, {"2709"}),
    ("anthracite coal", {"coal"}, {"2701"}),
    ("iron ore", {"metals"}, {"2601"}),
    ("steel", {"metals"}, {"72"}),
    ("copper and zinc", {"metals"}, {"74", "79"}),
    ("gold bars", {"minerals"}, {"7108"}),
    ("rare earths", {"minerals"}, {"2805"}),
    ("magnesite", {"minerals"}, {"25"}),
    # industry
    ("heavy machinery", {"machinery"}, {"84"}),
    ("two optical sorting machines", {"machinery"}, {"84"}),
    ("machine tools", {"machinery", "dual_use"}, {"84"}),
    ("a batch of industrial valves", {"machinery"}, {"84"}),
    ("electrical equipment", {"electrical"}, {"85"}),
    ("textiles", {"textiles"}, {"61"}),
    ("fabrics and apparel", {"textiles"}, {"61"}),
    ("timber", {"wood"}, {"44"}),
    # food
    ("frozen crab and squid", {"seafood"}, {"03"}),
    ("seafood and textiles", {"seafood", "textiles"}, {"03", "61"}),
    ("about 10,000 tonnes of Cuban sugar", {"food"}, {"1701"}),
    ("3,400 tonnes of green robusta beans", {"food"}, {"09"}),
    ("palm kernel expeller", {"food"}, {"23"}),
    ("wheat flour", {"food"}, {"11"}),
    # money
    ("more than $750,000 in payments", {"money"}, set()),
    ("bitcoin", {"money"}, set()),
    ("cash", {"money"}, set()),
    # medicine and other
    ("tuberculosis medicines and diagnostic kits", {"other"}, {"3004"}),
    ("a cosmonaut's glove", {"other"}, set()),
    ("Soviet-era equipment", {"other"}, set()),
    ("luxury goods", {"luxury"}, set()),
]


@pytest.mark.parametrize(("phrase", "tags", "hs"), CASES)
def test_taxonomy_classifies_phrase(
    taxonomy: Taxonomy, phrase: str, tags: set[str], hs: set[str]
) -> None:
    match = taxonomy.classify(phrase)
    assert match is not None
    assert set(match.tags) == tags
    assert hs <= set(match.hs)


@pytest.mark.parametrize(
    "phrase",
    [
        "tourists",
        "relationship",
        "sanctions relief",
        "a delegation",
        "think tank",
        "its nuclear weapons programme",
        "the arms embargo",
        "a ship-to-ship transfer",
        "a bargaining chip",
        "casino chips",
        "",
    ],
)
def test_taxonomy_returns_none_without_goods(taxonomy: Taxonomy, phrase: str) -> None:
    assert taxonomy.classify(phrase) is None


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("buses", "bus"),
        ("wines", "wine"),
        ("horses", "horse"),
        ("batteries", "battery"),
        ("knives", "knife"),
        ("limousines", "limousine"),
        ("Mercedes-Maybachs", "Mercedes Maybach"),
    ],
)
def test_taxonomy_is_plural_and_hyphen_insensitive(
    taxonomy: Taxonomy, plural: str, singular: str
) -> None:
    assert taxonomy.classify(plural) == taxonomy.classify(singular) is not None


def test_taxonomy_plural_only_words_need_their_plural(taxonomy: Taxonomy) -> None:
    # "Shell" the company and "round" of talks are not munitions.
    assert taxonomy.classify("shells") is not None
    assert taxonomy.classify("Shell") is None
    assert taxonomy.classify("a round") is None


def test_taxonomy_prefers_longest_match(taxonomy: Taxonomy) -> None:
    match = taxonomy.classify("artillery shells")
    assert match is not None and match.terms == ("artillery shell",)
    fuel = taxonomy.classify("jet fuel")
    assert fuel is not None and "aircraft" not in fuel.tags


def test_taxonomy_humanitarian_only_when_every_category_is(taxonomy: Taxonomy) -> None:
    medicines = taxonomy.classify("medicines and vaccines")
    mixed = taxonomy.classify("medicines and trucks")
    assert medicines is not None and medicines.humanitarian
    assert mixed is not None and not mixed.humanitarian


def test_taxonomy_weapon_tags_always_bring_arms(taxonomy: Taxonomy) -> None:
    spec = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    for category in spec["categories"]:
        for term in category["terms"]:
            match = taxonomy.classify(term.replace("#", "7"))
            assert match is not None, term
            if set(match.tags) & WEAPON_TAGS:
                assert "arms" in match.tags, term


@pytest.mark.parametrize(
    ("phrase", "tags"),
    [
        # money that is the value of goods named after it only measures them
        ("40 million yen of kitchen goods", ("other",)),
        ("$3 million worth of pianos", ("luxury", "other")),
        # alone, or before no goods, it is the goods
        ("$3 million worth of cash", ("money",)),
        ("the funds of the company", ("money",)),
    ],
)
def test_taxonomy_a_value_is_not_the_goods(
    taxonomy: Taxonomy, phrase: str, tags: tuple[str, ...]
) -> None:
    found = taxonomy.classify(phrase)
    assert found is not None and found.tags == tags


def test_taxonomy_file_uses_only_contract_tags() -> None:
    spec = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    used = {t for c in spec["categories"] for t in c["tags"]}
    used |= {t for m in spec["modifiers"] for e in m["effects"] for t in e["add"]}
    assert used <= set(TAGS)
    assert {"arms", "vehicle", "luxury", "money", "other"} <= used


def test_taxonomy_goods_words_hold_plural_surface_forms(taxonomy: Taxonomy) -> None:
    words = taxonomy.goods_words()
    assert {"shells", "limousines", "limousine", "buses", "mig", "maybach", "ak", "m16"} <= words
    # Pure modifiers and model numbers do not make a sentence about goods.
    assert not {"tourists", "relationship", "pricey", "47", "152mm"} & words


def test_taxonomy_is_goods_head(taxonomy: Taxonomy) -> None:
    assert taxonomy.is_goods_head("sedan")
    assert taxonomy.is_goods_head("Shells")
    assert taxonomy.is_goods_head("MiG-29")
    assert taxonomy.is_goods_head("senat")
    assert not taxonomy.is_goods_head("tourist")
    assert not taxonomy.is_goods_head("47")


def test_taxonomy_load_default_is_cached() -> None:
    assert Taxonomy.load() is Taxonomy.load()


VALID_CATEGORY = "  - {id: cars, label: Cars, tags: [vehicle], hs: ['87'], terms: [car]}\n"


@pytest.mark.parametrize(
    ("body", "where", "problem"),
    [
        (
            "categories:\n  - {id: x, label: X, tags: [spaceship], terms: [rocketship]}\n",
            "category 'x'",
            "'spaceship' is not a contract tag",
        ),
        (
            "categories:\n  - {id: x, label: X, tags: [vehicle], hs: ['870'], terms: [cart]}\n",
            "category 'x'",
            "'870' is not 2 or 4",
        ),
        (
            "categories:\n"
            + VALID_CATEGORY
            + "  - {id: y, label: Y, tags: [other], terms: [car]}\n",
            "category 'y'",
            "duplicates one in category 'cars'",
        ),
        (
            "categories:\n  - {id: x, label: X, tags: [small_arms], terms: [rifle]}\n",
            "category 'x'",
            "needs the tag 'arms'",
        ),
        (
            "categories:\n  - {id: x, label: X, tags: [vehicle], terms: [Car]}\n",
            "category 'x'",
            "must be lower case",
        ),
        (
            "categories:\n  - {id: x, label: X, tags: [vehicle], terms: [car], colour: red}\n",
            "category 'x'",
            "unknown keys ['colour']",
        ),
        (
            "categories:\n  - {id: x, label: X, tags: [money], terms: [cash], value_of: of}\n",
            "category 'x'",
            "'value_of' must be a non-empty list of strings",
        ),
        ("categories: [\n", "line", "not valid YAML"),
    ],
)
def test_taxonomy_load_rejects_bad_file(
    tmp_path: Path, body: str, where: str, problem: str
) -> None:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(body + "not_goods: [think tank]\nmodifiers: []\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as caught:
        Taxonomy.load(path)
    message = str(caught.value)
    assert isinstance(caught.value, DataFileError)
    assert str(path) in message and where in message and problem in message
    assert "\n" not in message


def test_taxonomy_load_reports_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="cannot be read"):
        Taxonomy.load(tmp_path / "absent.yaml")


def test_taxonomy_load_accepts_minimal_file(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(
        "categories:\n" + VALID_CATEGORY + "not_goods: [car park]\n"
        "modifiers:\n  - {id: lux, words: [posh], effects: [{add: [luxury]}]}\n",
        encoding="utf-8",
    )
    taxonomy = Taxonomy.load(path)
    match = taxonomy.classify("posh cars")
    assert match is not None and match.tags == ("vehicle", "luxury")
    assert taxonomy.classify("the car park") is None


def test_taxonomy_tags_named_are_every_specific_term(taxonomy: Taxonomy) -> None:
    assert taxonomy.tags_named("They denied selling rifles or diesel.") >= {
        "arms",
        "petroleum_refined",
    }
    # generic words ("the goods", "cargo") name no kind of goods
    assert taxonomy.tags_named("The firm denied that it carried the goods as cargo.") == set()


def test_taxonomy_a_ship_to_ship_transfer_is_of_its_cargo_not_of_ships(taxonomy: Taxonomy) -> None:
    match = taxonomy.classify("ship-to-ship transfers of diesel at sea")
    assert match is not None and match.tags == ("petroleum_refined",)
