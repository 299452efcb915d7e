"""What a hit says about the listing: list id, programmes, date of listing.

The loaders put the programme in `program` and the listing date in
`createdAt` on the listed entity itself; followthemoney files published by
OpenSanctions keep them on separate `Sanction` entities that point at the
listed entity. Both shapes are read, so hits look the same whatever list
the entry came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from followthemoney import EntityProxy

#: Used when an entity carries no dataset (entities built by hand).
UNKNOWN_LIST = "unknown"


@dataclass(slots=True)
class Listing:
    """The listing facts of one entry, as a hit reports them."""

    list: str
    programs: list[str] = field(default_factory=list)
    listed_on: str | None = None


def sanctions_by_entity(entities: Iterable[EntityProxy]) -> dict[str, list[EntityProxy]]:
    """Group `Sanction` entities by the id of the entity they sanction."""
    found: dict[str, list[EntityProxy]] = {}
    for entity in entities:
        if entity.schema.name == "Sanction":
            for target in entity.get("entity"):
                found.setdefault(target, []).append(entity)
    return found


def listing_of(entity: EntityProxy, sanctions: Iterable[EntityProxy] = ()) -> Listing:
    """Return the list id, programmes and earliest listing date of `entity`."""
    datasets = sorted(getattr(entity, "datasets", None) or ())
    programs = list(entity.get("program"))
    dates = [value[:10] for value in entity.get("createdAt")]
    for sanction in sanctions:
        programs.extend(sanction.get("program") or sanction.get("programId"))
        dates.extend(value[:10] for value in sanction.get("listingDate"))
        dates.extend(value[:10] for value in sanction.get("startDate"))
    return Listing(
        list=datasets[0] if datasets else UNKNOWN_LIST,
        programs=sorted(set(programs)),
        listed_on=min(dates, default=None),
    )
