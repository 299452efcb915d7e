"""Read the UN Security Council consolidated list XML into followthemoney entities.

The file (scsanctions.un.org) has INDIVIDUAL and ENTITY elements. Each entry
becomes a Person or an Organization carrying its listing: `program` is the
UN list type ("DPRK", "Al-Qaida"), `createdAt` the LISTED_ON date,
`modifiedAt` the last update, `notes` the committee's comments, and the
entity id is "unsc-" + the reference number ("unsc-KPi.033"). Aliases keep
their quality: "Good" and "a.k.a." are `alias`, "Low" is `weakAlias`,
"f.k.a." is `previousName`.

The UN list names vessels only inside the comments of the shipping companies
that own or manage them, and the IMO numbers given there are company
numbers; such entries stay Organizations with `imoNumber`. An entry becomes
a Vessel only when its comments call the entry itself a vessel, tanker or
ship ("the vessel PETREL 8").

The XML is streamed with `iterparse` and each entry is cleared once read,
so memory stays small whatever the size of the list.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from followthemoney import ValueEntity

from sanctrace.errors import ListImportError
from sanctrace.screening.loaders.base import ListFile, clean_text, joined, new_entity, require_file

UN_DATASET = "un_sc_sanctions"
UN_TITLE = "UN Security Council consolidated sanctions list"
UN_SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
UN_ROOT = "CONSOLIDATED_LIST"
#: The two sections every complete list has, even when one of them is empty.
_SECTIONS = ("INDIVIDUALS", "ENTITIES")

_NAME_TAGS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_ADDRESS_TAGS = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
_PLACE_TAGS = ("CITY", "STATE_PROVINCE", "COUNTRY")
#: Alias QUALITY (lower case) -> FtM property; any other quality is a plain alias.
_ALIAS_PROPS = {"low": "weakAlias", "f.k.a.": "previousName"}
_IMO = re.compile(r"\bIMO\b\D{0,12}(\d{7})\b", re.IGNORECASE)
#: A birth-year range wider than this is a data error, not a range to expand.
_MAX_YEAR_SPAN = 20


def read_un_xml(path: Path, dataset: str | None = None) -> ListFile:
    """Open the UN consolidated list at `path`; entities are read lazily.

    Raises `ListImportError` at once when the file is missing or is XML of
    another kind, and while iterating when the XML turns out malformed.
    """
    require_file(path, "UN list")
    events = ET.iterparse(str(path), events=("start", "end"))
    try:
        _, root = next(events)
    except ET.ParseError as error:
        raise _malformed(path, error) from None
    if root.tag != UN_ROOT:
        raise ListImportError(
            f"Cannot import {path}: it is XML but not the UN consolidated list "
            f"(root element <{root.tag}>, expected <{UN_ROOT}>)."
        )
    source_date = (root.get("dateGenerated") or "")[:10] or None
    dataset_id = dataset or UN_DATASET
    entries = _entries(path, events, dataset_id)
    return ListFile(dataset_id, UN_TITLE, str(path), source_date, entries, "un_xml")


def _entries(
    path: Path, events: Iterator[tuple[str, ET.Element]], dataset: str
) -> Iterator[ValueEntity]:
    closed: set[str] = set()
    try:
        for event, element in events:
            if event == "end" and element.tag in (*_SECTIONS, UN_ROOT):
                closed.add(element.tag)
            if event != "end" or element.tag not in ("INDIVIDUAL", "ENTITY"):
                continue
            if element.tag == "INDIVIDUAL":
                entity = _person(element, dataset)
            else:
                entity = _organisation(element, dataset)
            element.clear()
            if entity.has("name"):
                yield entity
    except ET.ParseError as error:
        raise _malformed(path, error) from None
    _check_complete(path, closed)


def _check_complete(path: Path, closed: set[str]) -> None:
    """A complete list closes its root and both of its sections (people, entities)."""
    missing = [tag for tag in (*_SECTIONS, UN_ROOT) if tag not in closed]
    if missing:
        raise ListImportError(
            f"Cannot import {path}: the list is incomplete (no closed <{missing[0]}>); "
            "download it again."
        )


def _malformed(path: Path, error: ET.ParseError) -> ListImportError:
    line, column = error.position
    return ListImportError(
        f"Cannot import {path}: the XML is truncated or malformed at line {line}, "
        f"column {column}; download the list again."
    )


def _person(element: ET.Element, dataset: str) -> ValueEntity:
    entity = new_entity("Person", _entry_id(element), dataset)
    _add_listing(entity, element)
    entity.add("title", _values(element, "TITLE"))
    entity.add("position", _values(element, "DESIGNATION"))
    entity.add("nationality", _values(element, "NATIONALITY"))
    entity.add("gender", clean_text(element.findtext("GENDER")))
    _add_aliases(entity, element.iterfind("INDIVIDUAL_ALIAS"))
    _add_addresses(entity, element.iterfind("INDIVIDUAL_ADDRESS"))
    for birth in element.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        entity.add("birthDate", _birth_dates(birth))
    for place in element.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        entity.add("birthPlace", joined(place.findtext(tag) for tag in _PLACE_TAGS))
        entity.add("birthCountry", clean_text(place.findtext("COUNTRY")))
    for document in element.iterfind("INDIVIDUAL_DOCUMENT"):
        kind = (document.findtext("TYPE_OF_DOCUMENT") or "").lower()
        prop = "passportNumber" if "pas" in kind else "idNumber"
        entity.add(prop, clean_text(document.findtext("NUMBER")))
    return entity


def _organisation(element: ET.Element, dataset: str) -> ValueEntity:
    name = _name(element)
    comments = clean_text(element.findtext("COMMENTS1"))
    schema = "Vessel" if _calls_itself_a_vessel(name, comments) else "Organization"
    entity = new_entity(schema, _entry_id(element), dataset)
    _add_listing(entity, element)
    _add_aliases(entity, element.iterfind("ENTITY_ALIAS"))
    _add_addresses(entity, element.iterfind("ENTITY_ADDRESS"))
    entity.add("imoNumber", _IMO.findall(comments or ""))
    return entity


def _entry_id(element: ET.Element) -> str:
    reference = clean_text(element.findtext("REFERENCE_NUMBER"))
    return f"unsc-{reference or element.findtext('DATAID')}"


def _name(element: ET.Element) -> str | None:
    return joined((element.findtext(tag) for tag in _NAME_TAGS), " ")


def _add_listing(entity: ValueEntity, element: ET.Element) -> None:
    """Add the name, programme, dates, comments and source shared by both kinds."""
    entity.add("name", _name(element))
    entity.add("alias", clean_text(element.findtext("NAME_ORIGINAL_SCRIPT")))
    entity.add("program", clean_text(element.findtext("UN_LIST_TYPE")))
    entity.add("createdAt", clean_text(element.findtext("LISTED_ON")))
    updates = [value for value in _values(element, "LAST_DAY_UPDATED") if value]
    entity.add("modifiedAt", max(updates, default=None))
    entity.add("notes", clean_text(element.findtext("COMMENTS1")))
    entity.add("sourceUrl", UN_SOURCE_URL, cleaned=True)


def _values(element: ET.Element, tag: str) -> list[str | None]:
    return [clean_text(value.text) for value in element.iterfind(f"{tag}/VALUE")]


def _add_aliases(entity: ValueEntity, aliases: Iterable[ET.Element]) -> None:
    for alias in aliases:
        quality = (alias.findtext("QUALITY") or "").strip().lower()
        entity.add(_ALIAS_PROPS.get(quality, "alias"), clean_text(alias.findtext("ALIAS_NAME")))


def _add_addresses(entity: ValueEntity, addresses: Iterable[ET.Element]) -> None:
    for address in addresses:
        entity.add("address", joined(address.findtext(tag) for tag in _ADDRESS_TAGS))
        entity.add("country", clean_text(address.findtext("COUNTRY")))


def _birth_dates(birth: ET.Element) -> list[str]:
    """Full dates, single years and year ranges (each year of a short range)."""
    dates = [text[:10] for text in (clean_text(birth.findtext("DATE")),) if text]
    year = clean_text(birth.findtext("YEAR"))
    if year:
        dates.append(year)
    first, last = clean_text(birth.findtext("FROM_YEAR")), clean_text(birth.findtext("TO_YEAR"))
    if first and last and first.isdigit() and last.isdigit():
        start, end = int(first), int(last)
        if 0 <= end - start <= _MAX_YEAR_SPAN:
            dates.extend(str(value) for value in range(start, end + 1))
    return dates


def _calls_itself_a_vessel(name: str | None, comments: str | None) -> bool:
    """Do the comments call this very entry a vessel ("the vessel X", "X is a tanker")?"""
    if not name or not comments:
        return False
    own = re.escape(name)
    kinds = r"(?:vessel|tanker|ship)"
    pattern = rf"\b{kinds}\s+{own}\b|\b{own},?\s+(?:is\s+)?an?\s+(?:[\w-]+\s+){{0,3}}{kinds}\b"
    return re.search(pattern, comments, re.IGNORECASE) is not None
