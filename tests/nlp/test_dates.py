"""Date expressions resolve against the publication date at the precision the text allows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctrace.nlp.dates import (
    date_headings,
    date_spans,
    find_dates,
    listed_across_years,
    resolve_date,
    shift_told,
)

CASES = [
    # (text, published, future, expected value)
    ("last September", "2024-02-20", False, "2023-09"),
    ("in May last year", "2010-09-16", False, "2009-05"),
    ("in August this year", "2010-09-16", False, "2010-08"),
    ("in March next year", "2010-09-16", False, "2011-03"),
    ("In February and March 2023", "2024-06-01", False, "2023-02"),
    ("last December", "2024-02-20", False, "2023-12"),
    ("last September", "2024-10-02", False, "2024-09"),
    ("last September", "2024-09-15", False, "2023-09"),
    ("next May", "2024-02-20", False, "2024-05"),
    ("next January", "2024-02-20", False, "2025-01"),
    ("mid-2022", None, False, "2022"),
    ("in 2019", None, False, "2019"),
    ("earlier this month", "2024-02-20", False, "2024-02"),
    ("this month", "2024-02-20", False, "2024-02"),
    ("last month", "2024-02-20", False, "2024-01"),
    ("last month", "2024-01-05", False, "2023-12"),
    ("next month", "2023-06-14", False, "2023-07"),
    ("next month", "2023-12-14", False, "2024-01"),
    ("last week", "2024-02-20", False, "2024-02"),
    ("last week", "2024-03-05", False, "2024-02"),
    ("on Tuesday", "2024-02-20", False, "2024-02-20"),
    ("Tuesday morning", "2024-02-20", False, "2024-02-20"),
    ("on Sunday", "2024-02-21", False, "2024-02-18"),
    ("on Thursday", "2016-03-06", False, "2016-03-03"),
    ("last Sunday", "2024-08-31", False, "2024-08-25"),
    ("last Sunday", "2024-08-25", False, "2024-08-18"),
    ("on Friday", "2025-03-12", True, "2025-03-14"),
    ("in May", "2009-07-24", False, "2009-05"),
    ("in May", "2025-03-12", True, "2025-05"),
    ("in May", "2025-03-12", False, "2024-05"),
    ("in February", "2025-03-12", True, "2026-02"),
    ("In September", "2022-11-09", False, "2022-09"),
    ("In June", "2024-08-31", False, "2024-06"),
    ("In August", "2024-08-31", False, "2024-08"),
    ("in October", "2017-12-29", False, "2017-10"),
    ("in early June", "2023-06-14", False, "2023-06"),
    ("on Oct. 19", "2017-12-29", False, "2017-10-19"),
    ("Oct. 11", "2017-12-29", False, "2017-10-11"),
    ("on Dec. 30", "2018-01-02", False, "2017-12-30"),
    ("Feb 21", "2024-02-21", False, "2024-02-21"),
    ("March 11, 2018", None, False, "2018-03-11"),
    ("on March 11, 2018", "2019-05-10", False, "2018-03-11"),
    ("11 March 2018", None, False, "2018-03-11"),
    ("the 5th of May 2018", None, False, "2018-05-05"),
    ("Tuesday, Feb. 20", "2024-03-01", False, "2024-02-20"),
    ("in July 2019", None, False, "2019-07"),
    ("between August and December 2019", None, False, "2019"),
    ("between August and December 2019", "2021-04-24", False, "2019"),
    ("from May 5 to May 9, 2020", None, False, "2020-05"),
    ("between January and May", "2023-06-14", False, "2023"),
    ("between 2020 and 2023", "2024-08-31", False, None),
    ("from 2020 to 2023", "2024-08-31", False, None),
    ("in 2020-2023", "2024-08-31", False, None),
    ("in March 2020", None, False, "2020-03"),
    ("in April 2018", None, False, "2018-04"),
    ("mid-March 2020", None, False, "2020-03"),
    ("last year", "2024-02-20", False, "2023"),
    ("this year", "2024-02-20", False, "2024"),
    ("earlier this year", "2024-02-20", False, "2024"),
    ("next year", "2024-02-20", False, "2025"),
    ("before the end of the year", "2025-03-12", False, "2025"),
    ("by the end of the year", "2025-03-12", False, "2025"),
    ("in the following days", "2017-12-29", False, None),
    ("the following month", "2017-12-29", False, None),
    ("four days later", "2017-12-29", False, None),
    ("over the last year", "2024-03-01", False, None),
    ("in recent weeks", "2024-03-01", False, None),
    ("in 2022", None, False, "2022"),
    ("since December 2017", None, False, "2017-12"),
    ("Since December 2017", "2024-02-21", False, "2017-12"),
    ("in early 2020", None, False, "2020"),
    ("late 2021", None, False, "2021"),
    ("the summer of 2019", None, False, "2019"),
    ("last summer", "2024-02-20", False, "2023"),
    ("last summer", "2024-10-20", False, "2024"),
    ("the 2019 shipment", None, False, "2019"),
    ("February 2024", None, False, "2024-02"),
    ("2024-02-18", None, False, "2024-02-18"),
    ("yesterday", "2024-03-01", False, "2024-02-29"),
    ("three days ago", "2024-03-01", False, "2024-02-27"),
    ("two weeks ago", "2024-03-05", False, "2024-02"),
    ("a year ago", "2024-03-05", False, "2023"),
    # A decade is one year in it, never the publication date (which would put an
    # old transfer under new law).
    ("in the late 1950s", None, False, "1957"),
    ("in the 1990s", "2023-06-01", False, "1990"),
    ("during the mid-2000s", "2023-06-01", False, "2004"),
    # relative expressions need the publication date
    ("last September", None, False, None),
    ("in May", None, False, None),
    ("on Tuesday", None, False, None),
    ("Oct. 19", None, False, None),
    ("last week", None, False, None),
    ("this year", None, False, None),
    ("in May", "not a date", False, None),
    # numbers and words that are not dates
    ("2,588 tonnes", "2024-01-01", False, None),
    ("$200,000", "2024-01-01", False, None),
    ("S560", "2024-01-01", False, None),
    ("Azimut 105", "2024-01-01", False, None),
    ("19 stallions", "2024-01-01", False, None),
    ("447 goats", "2024-01-01", False, None),
    ("1718 Committee", "2024-01-01", False, None),
    ("resolution 2397", "2024-01-01", False, None),
    ("resolution 2397 (2017)", "2024-01-01", False, None),
    ("within May", "2024-01-01", False, None),
    ("May have shipped", "2024-01-01", False, None),
    ("April Smith said", "2024-01-01", False, None),
    ("Feb. 30, 2024", None, False, None),
    ("2024-13-45", None, False, None),
]


@pytest.mark.parametrize(("text", "published", "future", "expected"), CASES)
def test_dates_resolve_date_table(
    text: str, published: str | None, future: bool, expected: str | None
) -> None:
    resolution = resolve_date(text, published, future)
    assert (resolution.value if resolution else None) == expected


SHIFTS = [
    ("Two years later the firm sold a tanker.", "2019-05-20", "2021"),
    ("A week earlier the ship had loaded coal.", "2024-01-28", "2024-01"),
    ("The tanker arrived three days later.", "2023-10-11", "2023-10-14"),
    ("Three days later it arrived.", "2023-10", "2023-10"),  # no finer than the time told
    ("The following month it paid the broker.", "2023-12-05", "2024-01"),
    ("Other ships took on fuel in the following days.", "2017-10-11", "2017-10"),
    ("The previous year the firm bought rifles.", "2020", "2019"),
    ("Several years later it sold the ship.", "2019-05", None),  # an unplaceable offset
    ("The firm sold a tanker in 2019.", "2018", None),  # no offset
    ("The next day the ship unloaded its coal.", "2023-10-11", "2023-10-12"),
    ("Russia will send rifles in the next few weeks.", "2023-10-11", None),  # from now
]


@pytest.mark.parametrize(("text", "base", "expected"), SHIFTS)
def test_dates_an_offset_shifts_the_time_told_before(
    text: str, base: str, expected: str | None
) -> None:
    shifted = shift_told(text, base)
    assert (shifted.value if shifted else None) == expected


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("The firm sold coal in 2019 and 2020.", True),
        ("The firm sold coal in 2019, 2020 and 2021.", True),
        ("The firm sold coal in December 2019 or January 2020.", True),
        ("The firm sold coal in May and June 2019.", False),  # one year
        ("The firm sold coal in 2019 after a ban of 2017.", False),  # not listed
    ],
)
def test_dates_a_date_listed_with_another_years_spans_them(text: str, listed: bool) -> None:
    assert listed_across_years(text, find_dates(text, "2024-03-01"), 0) is listed


def test_dates_find_dates_gives_offsets_and_words_in_order() -> None:
    sentence = (
        "Kim visited Russia last September, and the car was handed over on Sunday, "
        "KCNA reported on Tuesday; sanctions have applied since December 2017."
    )
    found = find_dates(sentence, "2024-02-21")
    assert [(r.text, r.value) for _, _, r in found] == [
        ("last September", "2023-09"),
        ("on Sunday", "2024-02-18"),
        ("on Tuesday", "2024-02-20"),
        ("since December 2017", "2017-12"),
    ]
    for start, end, resolution in found:
        assert sentence[start:end] == resolution.text


def test_dates_find_dates_keeps_years_listed_together() -> None:
    sentence = "Resolutions adopted in 2006 and 2009 bar the trade."
    assert [r.value for _, _, r in find_dates(sentence, None)] == ["2006", "2009"]


def test_dates_date_spans_cover_unresolvable_expressions() -> None:
    sentence = "It was seen on Oct. 19 and again in the following days."
    spans = [sentence[start:end] for start, end in date_spans(sentence)]
    assert spans == ["on Oct. 19", "in the following days"]
    assert find_dates(sentence, None) == []


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=120), published=st.dates(date(1990, 1, 1), date(2030, 12, 31)))
def test_dates_never_raise_on_arbitrary_text(text: str, published: date) -> None:
    for start, end, resolution in find_dates(text, published.isoformat()):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == resolution.text
        _assert_valid_prefix(resolution.value)


_RELATIVE = [
    "last September", "in May", "on Tuesday", "last Sunday", "next month", "last month",
    "this year", "last year", "next year", "last week", "next week", "earlier this month",
    "Oct. 19", "11 March", "yesterday", "two weeks ago", "by the end of the year",
    "in early June", "next summer", "last summer", "between January and May", "next Friday",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    expression=st.sampled_from(_RELATIVE),
    filler=st.sampled_from(["", "It said ", "The 2,588 tonnes arrived ", "Some $200,000 went "]),
    published=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    future=st.booleans(),
)
def test_dates_relative_values_are_valid_and_within_a_year_of_publication(
    expression: str, filler: str, published: date, future: bool
) -> None:
    resolution = resolve_date(filler + expression, published.isoformat(), future)
    assert resolution is not None
    assert resolution.text.endswith(expression.split()[-1])
    _assert_valid_prefix(resolution.value)
    latest = published + timedelta(days=366)
    assert resolution.value <= latest.isoformat()[: len(resolution.value)]


def _assert_valid_prefix(value: str) -> None:
    padded = {4: "-01-01", 7: "-01", 10: ""}[len(value)]
    date.fromisoformat(value + padded)


def test_dates_lines_that_are_only_a_date_are_headings() -> None:
    text = (
        "Live: the week\n\nTuesday 4 June\n\n09:10 - Ships left on Monday.\n"
        "Sunday, 9 June 2024\nIn May the firm sold oil.\n"
    )
    headings = [(offset, found.value) for offset, found in date_headings(text, "2024-06-10")]
    assert headings == [(text.index("Tuesday"), "2024-06-04"), (text.index("Sunday"), "2024-06-09")]
