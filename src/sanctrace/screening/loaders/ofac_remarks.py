"""Turn the free-text Remarks of OFAC's SDN CSV into followthemoney properties.

OFAC packs every detail of an entry into one Remarks string of "; "-separated
facts: "DOB 08 Jan 1984; nationality Korea, North; Gender Male; a.k.a.
'KOMID'; Vessel Registration Identification IMO 9161003; Linked To: ...".
Each fact whose label is known here becomes a property; the whole string is
also kept in `notes` by the caller, so nothing is lost.
"""

from __future__ import annotations

import re
from datetime import datetime

from followthemoney import ValueEntity

#: Fact pattern (matched at the start of a fact) -> FtM property.
#: Facts whose property the entity's schema lacks are skipped.
_FACTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), prop)
    for pattern, prop in (
        (r"(?:alt\. )?POB (.+)", "birthPlace"),
        (r"(?:alt\. )?nationality (.+)", "nationality"),
        (r"(?:alt\. )?citizen (.+)", "citizenship"),
        (r"Gender (.+)", "gender"),
        (r"(?:alt\. )?Passport (\S+)", "passportNumber"),
        (r"(?:alt\. )?Tax ID No\. (\S+)", "taxNumber"),
        (r"(?:alt\. )?National ID No\. (\S+)", "idNumber"),
        (r"(?:alt\. )?Registration Number (\S+)", "registrationNumber"),
        (r"(?:alt\. )?Email Address (\S+)", "email"),
        (r"(?:alt\. )?Website (\S+)", "website"),
        (r"(?:alt\. )?MMSI (\d{9})", "mmsi"),
        (r"Aircraft Model (.+)", "model"),
        (r"Aircraft Manufacturer's Serial Number \(MSN\) (.+)", "serialNumber"),
        (r"Aircraft Tail Number (.+)", "registrationNumber"),
        (r"Organization Established Date (.+)", "incorporationDate"),
    )
)
#: a.k.a. / f.k.a. / n.k.a. -> the name property it feeds.
_NAME_FACT = re.compile(r"([afn])\.k\.a\.,? '(.+)'$")
_NAME_PROPS = {"a": "alias", "f": "previousName", "n": "alias"}
_BIRTH_DATE = re.compile(r"(?:alt\. )?DOB (.+)")
_IMO = re.compile(r"\bIMO (\d{7})\b")
_DATE_FORMATS = (("%d %b %Y", "%Y-%m-%d"), ("%b %Y", "%Y-%m"), ("%Y", "%Y"))
#: A birth-year range wider than this is a data error, not a range to expand.
_MAX_YEAR_SPAN = 20


def split_remarks(remarks: str) -> list[str]:
    """Split Remarks into facts, without the full stop that ends the last one."""
    text = remarks.strip()
    if text.endswith("."):
        text = text[:-1]
    return [fact.strip() for fact in text.split("; ") if fact.strip()]


def apply_remarks(entity: ValueEntity, remarks: str) -> None:
    """Add the properties that the known facts of `remarks` give to `entity`."""
    properties = entity.schema.properties
    for fact in split_remarks(remarks):
        names = _NAME_FACT.match(fact)
        if names:
            prop = _NAME_PROPS[names.group(1)]
            entity.add(prop, names_of(names.group(2), entity.schema.is_a("Person")))
            continue
        birth = _BIRTH_DATE.fullmatch(fact)
        if birth and "birthDate" in properties:
            entity.add("birthDate", parse_dates(birth.group(1)))
            continue
        if "imoNumber" in properties:
            entity.add("imoNumber", _IMO.findall(fact))
        for pattern, prop in _FACTS:
            found = pattern.match(fact)
            if found and prop in properties:
                entity.add(prop, found.group(1).strip())
                break


def names_of(raw: str, is_person: bool) -> list[str]:
    """The listed name, plus "First LAST" for a person written "LAST, First[, Jr.]"."""
    parts = [part.strip() for part in raw.split(",")]
    if not is_person or len(parts) < 2 or not parts[0] or not parts[1]:
        return [raw]
    last, first, *suffixes = parts
    return [raw, " ".join([first, last, *suffixes])]


def parse_dates(text: str) -> list[str]:
    """ISO dates or prefixes from OFAC's "08 Jan 1984", "Jan 1984", "circa 1984", "1960 to 1962"."""
    text = text.removeprefix("circa ").strip()
    if " to " in text:
        first, last = (_parse_date(part) for part in text.split(" to ", 1))
        if first is None or last is None:
            return []
        start, end = int(first[:4]), int(last[:4])
        if not 0 <= end - start <= _MAX_YEAR_SPAN:
            return []
        return [str(year) for year in range(start, end + 1)]
    date = _parse_date(text)
    return [date] if date else []


def _parse_date(text: str) -> str | None:
    for source, target in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), source).strftime(target)
        except ValueError:
            continue
    return None
