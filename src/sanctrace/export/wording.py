"""Short wordings shared by the human-readable formats (table, report, FtM text fields)."""

from __future__ import annotations

from sanctrace.model import PartyRef, Quantity


def plain_number(value: float) -> int | float:
    """`1000000` rather than `1000000.0`: counts read as counts."""
    return int(value) if float(value).is_integer() else value


def quantity_text(quantity: Quantity) -> str:
    """'more than 1,000,000 barrels', '2.5 tonnes', '12'."""
    qualifier = "" if quantity.qualifier == "exact" else quantity.qualifier.replace("_", " ")
    parts = (qualifier, f"{plain_number(quantity.value):,}", quantity.unit)
    return " ".join(part for part in parts if part)


def party_text(ref: PartyRef | None) -> str:
    """'Vladimir Putin (ru)'; '(not named)' when the text does not say who."""
    if ref is None:
        return "(not named)"
    return f"{ref.name} ({ref.country})" if ref.country else ref.name
