"""Publication dates: the one format the contract allows, checked once."""

from __future__ import annotations

import re
from datetime import date, datetime

from sanctrace.documents.problems import InvalidSetting

# An ISO calendar date, optionally followed by an ISO time (feeds often give
# "2024-02-20T09:30:00Z"); only the date part is kept.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", re.DOTALL)


class InvalidPublishedDate(InvalidSetting):
    """A publication date is not a real calendar date written as YYYY-MM-DD."""


def parse_published(value: str) -> str:
    """Check a publication date and return it as "YYYY-MM-DD".

    Accepts "YYYY-MM-DD" and ISO date-times that start with one (the time is
    dropped). Raises InvalidPublishedDate (a ValueError) otherwise, so the CLI
    can validate `--published` before anything is loaded.
    """
    text = value.strip() if isinstance(value, str) else ""
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise InvalidPublishedDate(
            f"The publication date {value!r} is not written as YYYY-MM-DD; give it like 2024-02-20."
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        day_value = date(year, month, day)
        if len(text) > 10:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidPublishedDate(
            f"The publication date {value!r} is not a real calendar date or time; "
            "give it like 2024-02-20."
        ) from None
    return day_value.isoformat()
