"""Quantities of goods and money parse to a value, a unit and a qualifier."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctrace.model import Quantity
from sanctrace.nlp.quantities import find_quantities, parse_quantity

CASES = [
    ("more than one million shells", Quantity(1_000_000, None, "more_than")),
    ("some 2,588 tonnes", Quantity(2588, "tonnes", "about")),
    ("about 600 tonnes of refined oil products", Quantity(600, "tonnes", "about")),
    ("roughly $580,000", Quantity(580_000, "USD", "about")),
    ("$200,000", Quantity(200_000, "USD", "exact")),
    ("more than $1.5 million worth", Quantity(1_500_000, "USD", "more_than")),
    ("at least $600,000", Quantity(600_000, "USD", "at_least")),
    ("no fewer than 30 horses", Quantity(30, None, "at_least")),
    ("up to 500,000 barrels", Quantity(500_000, "barrels", "up_to")),
    ("as many as 60 buses", Quantity(60, None, "up_to")),
    ("fewer than 100", Quantity(100, None, "less_than")),
    ("less than 40 tonnes", Quantity(40, "tonnes", "less_than")),
    ("Twenty-four purebred Orlov Trotters", Quantity(24, None, "exact")),
    ("30 Orlov Trotters", Quantity(30, None, "exact")),
    ("447 goats", Quantity(447, None, "exact")),
    ("Putin sent Kim 447 goats", Quantity(447, None, "exact")),
    ("four new foreign vehicles", Quantity(4, None, "exact")),
    ("a pair of Pungsan dogs", Quantity(2, None, "exact")),
    ("a couple of cars", Quantity(2, None, "about")),
    ("two dozen", Quantity(24, None, "exact")),
    ("a dozen", Quantity(12, None, "exact")),
    ("half a dozen", Quantity(6, None, "exact")),
    ("half a million barrels", Quantity(500_000, "barrels", "exact")),
    ("13 million euros", Quantity(13_000_000, "EUR", "exact")),
    ("€5 million", Quantity(5_000_000, "EUR", "exact")),
    ("£2m", Quantity(2_000_000, "GBP", "exact")),
    ("$2bn", Quantity(2_000_000_000, "USD", "exact")),
    ("1 million won", Quantity(1_000_000, "KRW", "exact")),
    ("300 million roubles", Quantity(300_000_000, "RUB", "exact")),
    ("300 million rubles", Quantity(300_000_000, "RUB", "exact")),
    ("5 billion yuan", Quantity(5_000_000_000, "CNY", "exact")),
    ("100 yen", Quantity(100, "JPY", "exact")),
    ("a 4-million-dollar upgrade", Quantity(4_000_000, "USD", "exact")),
    ("4 million barrels or 525,000 tons", Quantity(4_000_000, "barrels", "exact")),
    ("40 tonnes", Quantity(40, "tonnes", "exact")),
    ("1 tonne", Quantity(1, "tonnes", "exact")),
    ("25,000 tonnes", Quantity(25_000, "tonnes", "exact")),
    ("10,000 tonnes", Quantity(10_000, "tonnes", "exact")),
    ("the 4,355-tonne ship", Quantity(4355, "tonnes", "exact")),
    ("nearly 100 cars", Quantity(100, None, "about")),
    ("almost 50 trucks", Quantity(50, None, "about")),
    ("around 300 metric tons", Quantity(300, "metric tons", "about")),
    ("an estimated 220,000 sacks", Quantity(220_000, "sacks", "about")),
    ("approximately 2.5 million barrels", Quantity(2_500_000, "barrels", "about")),
    ("a crew of 21", Quantity(21, None, "exact")),
    # vague amounts and numbers that are not amounts
    ("millions of rockets", None),
    ("hundreds of thousands of shells", None),
    ("a significant number", None),
    ("several fire engines", None),
    ("one of the ships", None),
    ("S560", None),
    ("Azimut 105", None),
    ("an Azimut 95 and an Azimut 105", None),
    ("the Sam Jong 2 in international waters", None),
    ("MiG-21 fighters", None),
    ("the Covid-19 pandemic", None),
    ("resolution 2397", None),
    ("UNSCR 2270", None),
    ("the 1718 Committee", None),
    ("adopted in 2017", None),
    ("on Oct. 19", None),
    ("20 percent", None),
    ("20%", None),
    ("for four months", None),
    ("a 60-year-old man", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quantities_parse_quantity_table(text: str, expected: Quantity | None) -> None:
    assert parse_quantity(text) == expected


def test_quantities_find_quantities_gives_all_with_offsets_in_order() -> None:
    text = (
        "Twenty-four purebred Orlov Trotters — 19 stallions and five mares — arrived; "
        "North Korea spent at least $600,000 on horses between 2020 and 2023."
    )
    found = find_quantities(text)
    assert [text[start:end] for start, end, _ in found] == [
        "Twenty-four",
        "19",
        "five",
        "at least $600,000",
    ]
    assert [quantity.value for _, _, quantity in found] == [24, 19, 5, 600_000]


def test_quantities_paired_number_shares_the_unit() -> None:
    found = find_quantities("The yachts measure roughly 95 and 105 feet.")
    assert [(q.value, q.unit, q.qualifier) for _, _, q in found] == [
        (95, "feet", "about"),
        (105, "feet", "exact"),
    ]


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=120))
def test_quantities_never_raise_and_are_never_negative(text: str) -> None:
    previous_end = 0
    for start, end, quantity in find_quantities(text):
        assert previous_end <= start < end <= len(text)
        assert quantity.value >= 0
        previous_end = end
    parse_quantity(text)


@settings(max_examples=200, deadline=None)
@given(
    value=st.integers(min_value=2, max_value=10**9),
    unit=st.sampled_from(["tonnes", "barrels", "sacks", "tons"]),
    qualifier=st.sampled_from([("about", "about"), ("more than", "more_than"), ("", "exact")]),
)
def test_quantities_round_trip_formatted_amounts(
    value: int, unit: str, qualifier: tuple[str, str]
) -> None:
    words, expected = qualifier
    text = f"officials said {words} {value:,} {unit} were loaded".replace("  ", " ")
    assert parse_quantity(text) == Quantity(value, unit, expected)  # type: ignore[arg-type]
