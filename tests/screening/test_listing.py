"""Listing facts of a hit: the list id, programmes and listing date."""

from __future__ import annotations

from followthemoney import ValueEntity, model

from sanctrace.screening.listing import UNKNOWN_LIST, listing_of, sanctions_by_entity


def test_listing_reads_loader_properties() -> None:
    entity = ValueEntity(
        model.get("Organization"),
        {
            "id": "unsc-KPe.001",
            "datasets": ["un_sc_sanctions"],
            "properties": {"name": ["KOMID"], "program": ["DPRK"], "createdAt": ["2009-04-24"]},
        },
    )
    listing = listing_of(entity)
    assert listing.list == "un_sc_sanctions"
    assert listing.programs == ["DPRK"]
    assert listing.listed_on == "2009-04-24"


def test_listing_merges_sanction_entities() -> None:
    person = model.make_entity("Person")
    person.id = "p"
    person.add("name", "Someone Listed")
    person.add("program", "B")
    early, late = model.make_entity("Sanction"), model.make_entity("Sanction")
    for sanction, sanction_id, day, program in (
        (early, "s1", "2014-03-17", "A"),
        (late, "s2", "2022-02-25", "B"),
    ):
        sanction.id = sanction_id
        sanction.add("entity", "p")
        sanction.add("startDate", day)
        sanction.add("program", program)
    found = sanctions_by_entity([person, early, late])
    listing = listing_of(person, found["p"])
    assert listing.list == UNKNOWN_LIST
    assert listing.programs == ["A", "B"]
    assert listing.listed_on == "2014-03-17"
