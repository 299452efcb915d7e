"""Ordinary names of goods, end to end: a transfer of them is a transfer of goods.

Each case is a short sentence written for one term of the goods taxonomy and
a tag the one transfer's goods must carry.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctrace.model import AnalysedDocument

COVERAGE: list[tuple[str, str]] = [
    # arms and military equipment
    ("Belgium sold machetes to Chad.", "arms"),
    ("Iran shipped Shahab-3 missiles to Syria.", "wmd"),
    ("Germany delivered Leopard 2 tanks to Poland.", "military_vehicle"),
    ("France sold two aircraft carriers to Brazil.", "vessel"),
    ("The broker supplied detonators to a militia in Mali.", "ammunition"),
    ("Turkey sold Bayraktar drones to Ukraine.", "drone"),
    ("Washington sent Stinger missiles to Kyiv.", "missile"),
    # WMD and dual-use
    ("The firm exported thermal imaging cameras to Russia.", "dual_use"),
    ("Russia supplied a reactor to Iran.", "wmd"),
    # vehicles, vessels, aircraft
    ("Belgium sold auto parts to Chad.", "vehicle"),
    ("The dealer exported bicycles to Cuba.", "vehicle"),
    ("A Greek owner sold a very large crude carrier to a Liberian firm.", "vessel"),
    ("The company sold a turboprop to a firm in Minsk.", "aircraft"),
    # machinery and electronics
    ("China exported rice cookers to North Korea.", "electrical"),
    ("The trader shipped refrigerators to Syria.", "machinery"),
    ("Acme Trading sold microprocessors to a firm in Moscow.", "electrical"),
    ("The distributor shipped 300 FPGAs to a forwarder in Baku.", "electrical"),
    ("The maker delivered two machining centres to a plant in Tula.", "machinery"),
    ("A dealer sold six rifle scopes to a militia in Chad.", "dual_use"),
    # goods on an export control list, however the text names them
    ("A broker shipped controlled items to a firm in Minsk without a licence.", "dual_use"),
    ("A Dutch firm shipped combine harvesters to Belarus.", "machinery"),
    # metals, minerals, fuels, chemicals
    ("Belgium sold ammonium nitrate to Chad.", "other"),
    ("The smugglers took coltan to Rwanda.", "metals"),
    ("Venezuela shipped bitumen to Cuba.", "petroleum_refined"),
    # oil the text does not call crude or refined may be either
    ("A tanker delivered 3,000 tonnes of oil to Syria.", "petroleum_crude"),
    ("A tanker delivered 3,000 tonnes of oil to Syria.", "petroleum_refined"),
    ("The firm exported palladium to Japan.", "metals"),
    # food, textiles, luxury and aid
    ("Belgium sold biscuits to Chad.", "food"),
    ("Russia delivered sunflower oil to Egypt.", "food"),
    ("The charity sent blankets and tents to Gaza.", "textiles"),
    ("Italy exported guitars and lipstick to North Korea.", "luxury"),
    ("The charity shipped wheelchairs to Yemen.", "other"),
]


@pytest.mark.parametrize(("text", "tag"), COVERAGE)
def test_taxonomy_coverage_names_goods(
    analyse: Callable[..., AnalysedDocument], text: str, tag: str
) -> None:
    [transfer] = analyse(text).transfers
    assert any(tag in item.tags for item in transfer.items), transfer.items
