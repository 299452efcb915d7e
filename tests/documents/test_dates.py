import pytest

from sanctrace.documents import InvalidPublishedDate, parse_published
from sanctrace.errors import InputProblem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-20", "2024-02-20"),
        (" 2024-02-20 ", "2024-02-20"),
        ("2024-02-20T09:30:00Z", "2024-02-20"),
        ("2023-11-14T08:15:00+00:00", "2023-11-14"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_dates_parse_published_accepts_iso_dates(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    ["20/02/2024", "2024-02", "20240220", "2023-02-29", "2024-13-01", "2024-02-20Tnoon", ""],
)
def test_dates_parse_published_refuses_other_forms(value):
    with pytest.raises(InvalidPublishedDate) as caught:
        parse_published(value)
    message = str(caught.value)
    assert repr(value) in message
    assert "2024-02-20" in message  # shows the expected form
    assert message.endswith(".")


def test_dates_error_is_a_value_error_and_input_problem():
    with pytest.raises(ValueError):
        parse_published("yesterday")
    with pytest.raises(InputProblem):
        parse_published("yesterday")
