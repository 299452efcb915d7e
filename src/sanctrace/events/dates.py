"""A transfer's date as a span of days, and whether two spans can be one time."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def day_span(value: str | None, basis: str | None, lookback_days: int) -> tuple[str, str] | None:
    """("YYYY-MM-DD", "YYYY-MM-DD") for "2023", "2023-10" or "2023-10-05"; None if unreadable.

    A date that is only the publication date (`basis` "published") is the
    span of `lookback_days` before it: the transfer happened then or earlier.
    """
    if not value:
        return None
    try:
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            start, end = date(parts[0], 1, 1), date(parts[0], 12, 31)
        elif len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            start, end = date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        else:
            start = end = date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None
    if basis == "published":
        start = end - timedelta(days=lookback_days)
    return start.isoformat(), end.isoformat()


def spans_meet(a: tuple[str, str] | None, b: tuple[str, str] | None, slack_days: int) -> bool:
    """Whether the spans overlap, allowing `slack_days` either way; an unknown date meets any."""
    if a is None or b is None:
        return True
    slack = timedelta(days=slack_days)
    a_start, a_end = date.fromisoformat(a[0]), date.fromisoformat(a[1])
    b_start, b_end = date.fromisoformat(b[0]), date.fromisoformat(b[1])
    return a_start <= b_end + slack and b_start <= a_end + slack
