"""The UN consolidated list loader, on the real list file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from followthemoney import EntityProxy

from sanctrace.errors import ListImportError
from sanctrace.screening.loaders.un_xml import UN_DATASET, read_un_xml

from .real_lists import UN_XML, real_list


@pytest.fixture(scope="module")
def un_tree() -> ET.Element:
    """The real file parsed whole, to compare the streamed entities against."""
    return ET.parse(real_list(UN_XML)).getroot()


def _entry(tree: ET.Element, **where: Callable[[ET.Element], bool]) -> ET.Element:
    """The first real entry that passes every test in `where`."""
    for element in [*tree.iter("INDIVIDUAL"), *tree.iter("ENTITY")]:
        if all(test(element) for test in where.values()):
            return element
    raise AssertionError(f"no entry matches {where}")


def _entity_of(element: ET.Element, entities: dict[str, EntityProxy]) -> EntityProxy:
    return entities["unsc-" + (element.findtext("REFERENCE_NUMBER") or "").strip()]


def test_un_xml_reads_every_entry_with_its_kind(
    un_tree: ET.Element, un_entities: dict[str, EntityProxy]
) -> None:
    individuals = len(list(un_tree.iter("INDIVIDUAL")))
    organisations = len(list(un_tree.iter("ENTITY")))
    schemata = [entity.schema.name for entity in un_entities.values()]
    assert len(un_entities) == individuals + organisations
    assert schemata.count("Person") == individuals
    assert schemata.count("Organization") == organisations


def test_un_xml_list_identity_comes_from_the_file() -> None:
    path = real_list(UN_XML)
    generated = re.search(r'dateGenerated="(\d{4}-\d{2}-\d{2})', path.read_text()[:2000])
    listfile = read_un_xml(path)
    assert generated is not None
    assert listfile.dataset == UN_DATASET
    assert listfile.source_date == generated.group(1)
    assert read_un_xml(path, dataset="un_2026").dataset == "un_2026"


def test_un_xml_komid_carries_its_listing(un_entities: dict[str, EntityProxy]) -> None:
    komid = un_entities["unsc-KPe.001"]
    assert komid.get("name") == ["KOREA MINING DEVELOPMENT TRADING CORPORATION"]
    assert "KOMID" in komid.get("alias")
    assert komid.get("program") == ["DPRK"]
    assert komid.get("createdAt") == ["2009-04-24"]
    assert komid.get("country") == ["kp"]
    assert komid.get("topics") == ["sanction"]
    assert komid.datasets == {UN_DATASET}


def test_un_xml_low_quality_aliases_are_weak(
    un_tree: ET.Element, un_entities: dict[str, EntityProxy]
) -> None:
    def has_low_alias(element: ET.Element) -> bool:
        return any(
            (alias.findtext("QUALITY") or "") == "Low" and alias.findtext("ALIAS_NAME")
            for alias in element.iter("INDIVIDUAL_ALIAS")
        )

    element = _entry(un_tree, low=has_low_alias)
    entity = _entity_of(element, un_entities)
    for alias in element.iter("INDIVIDUAL_ALIAS"):
        name = " ".join((alias.findtext("ALIAS_NAME") or "").split())
        if (alias.findtext("QUALITY") or "") == "Low":
            assert name in entity.get("weakAlias")
            assert name not in entity.get("alias")
        elif name:
            assert name in entity.get("alias")


def test_un_xml_names_join_the_name_parts_and_keep_the_original_script(
    un_tree: ET.Element, un_entities: dict[str, EntityProxy]
) -> None:
    element = _entry(
        un_tree,
        third=lambda e: bool(e.findtext("THIRD_NAME")),
        script=lambda e: bool(e.findtext("NAME_ORIGINAL_SCRIPT")),
    )
    entity = _entity_of(element, un_entities)
    parts = [element.findtext(tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME")]
    assert entity.get("name")[0].startswith(" ".join(p.strip() for p in parts if p))
    assert (element.findtext("NAME_ORIGINAL_SCRIPT") or "").strip() in entity.get("alias")


def test_un_xml_birth_dates_exact_year_and_range(
    un_tree: ET.Element, un_entities: dict[str, EntityProxy]
) -> None:
    kim = un_entities["unsc-KPi.009"]
    assert kim.get("birthDate") == ["1969-09-01"]
    assert kim.get("nationality") == ["kp"]
    assert kim.get("passportNumber") == ["PS381420397"]

    ranged = _entry(un_tree, years=lambda e: bool(e.findtext(".//FROM_YEAR")))
    first = int(ranged.findtext(".//FROM_YEAR") or 0)
    last = int(ranged.findtext(".//TO_YEAR") or 0)
    dates = _entity_of(ranged, un_entities).get("birthDate")
    assert {str(year) for year in range(first, last + 1)} <= set(dates)


def test_un_xml_shipping_companies_stay_organisations_with_imo(
    un_entities: dict[str, EntityProxy],
) -> None:
    # The comments of KPe.075 name its vessel YUK TUNG and give the company's IMO number.
    company = un_entities["unsc-KPe.075"]
    assert company.schema.name == "Organization"
    assert company.get("imoNumber") == ["IMO5987860"]
    assert not any(entity.schema.name == "Vessel" for entity in un_entities.values())


def test_un_xml_entry_called_a_vessel_becomes_a_vessel(tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    path.write_text(
        '<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-02T00:00:00Z">'
        "<INDIVIDUALS/><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>PETREL 8</FIRST_NAME>"
        "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.900</REFERENCE_NUMBER>"
        "<LISTED_ON>2018-03-30</LISTED_ON><COMMENTS1>The vessel PETREL 8 carried coal. "
        "IMO number: 9562233.</COMMENTS1></ENTITY></ENTITIES></CONSOLIDATED_LIST>"
    )
    listfile = read_un_xml(path)
    (vessel,) = list(listfile.entities)
    assert listfile.source_date == "2026-01-02"
    assert vessel.schema.name == "Vessel"
    assert vessel.get("imoNumber") == ["IMO9562233"]
    assert vessel.get("createdAt") == ["2018-03-30"]


def test_un_xml_truncated_file_fails_while_reading(tmp_path: Path) -> None:
    data = real_list(UN_XML).read_bytes()
    truncated = tmp_path / "un-truncated.xml"
    truncated.write_bytes(data[: len(data) // 2])
    listfile = read_un_xml(truncated)
    with pytest.raises(ListImportError) as caught:
        list(listfile.entities)
    message = str(caught.value)
    assert str(truncated) in message
    assert "truncated or malformed at line" in message


def test_un_xml_other_xml_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel/></rss>")
    with pytest.raises(ListImportError, match=r"not the UN consolidated list \(root element <rss>"):
        read_un_xml(path)
