"""Reports of one event: same parties, overlapping goods, compatible dates; explained."""

from __future__ import annotations

import dataclasses

from sanctrace.events.certainty import assess
from sanctrace.events.dates import day_span, spans_meet
from sanctrace.events.merge import Report, Side, group_reports
from sanctrace.events.rules import default_rules

KP, RU, CN = Side("kp", "kp"), Side("ru", "ru"), Side("cn", "cn")
RULES = default_rules()


def report(
    name: str,
    giver: Side | None = KP,
    recipient: Side | None = RU,
    tags: str = "arms ammunition",
    date: str | None = "2023-10",
    certainty: str = "reported",
    outlet: str | None = None,
    basis: str = "text",
) -> Report:
    return Report(
        transfer=name,
        document=f"doc-{name}",
        outlet=outlet or f"outlet-{name}",
        giver=giver,
        recipient=recipient,
        tags=frozenset(tags.split()),
        date=date,
        span=day_span(date, basis, RULES.published_lookback_days),
        certainty=certainty,
        basis=basis,
    )


def groups(*reports: Report) -> list[list[str]]:
    return sorted(sorted(r.transfer for r in g.reports) for g in group_reports(reports, RULES))


def test_merge_same_event_is_explained() -> None:
    (group,) = group_reports([report("a"), report("b", date="2023")], RULES)
    assert (
        group.reasons["b"]
        == "same giver kp, recipient ru, tags ammunition+arms, dates 2023-10 and 2023"
    )


def test_merge_cases() -> None:
    # Different recipient, direction reversed, other goods, far dates: separate events.
    assert groups(report("a"), report("b", recipient=CN)) == [["a"], ["b"]]
    assert groups(report("a"), report("b", giver=RU, recipient=KP)) == [["a"], ["b"]]
    assert groups(report("a", tags="arms missile"), report("b")) == [["a"], ["b"]]
    assert groups(report("a"), report("b", date="2021-01")) == [["a"], ["b"]]
    # Only a broad tag on one side: "arms" alone joins the shells.
    assert groups(report("a"), report("b", tags="arms")) == [["a", "b"]]
    # An unnamed giver matches; two unnamed sides never make an event alone.
    assert groups(report("a"), report("b", giver=None)) == [["a", "b"]]
    assert groups(
        report("a", giver=None, recipient=None), report("b", giver=None, recipient=None)
    ) == [["a"], ["b"]]
    # A publication date covers the year before it.
    assert groups(report("a"), report("b", date="2024-03-01", basis="published")) == [["a", "b"]]
    (late,) = group_reports([report("a"), report("b", date="2024-03-01", basis="published")], RULES)
    assert late.reasons["b"].endswith("dates 2023-10 and 2024-03-01 (published)")
    # One document's transfers are never merged here (the analyser did that).
    same_doc = dataclasses.replace(report("b"), document="doc-a")
    assert groups(report("a"), same_doc) == [["a"], ["b"]]


def test_merge_analyst_duplicates_join_events() -> None:
    merged = group_reports([report("a"), report("b", recipient=CN)], RULES, {"b": "a"})
    assert len(merged) == 1 and merged[0].reasons["b"] == "marked a duplicate of a by an analyst"


def test_dates_spans() -> None:
    assert day_span("2023-02", "text", 0) == ("2023-02-01", "2023-02-28")
    assert day_span("2024-02-20", "published", 10) == ("2024-02-10", "2024-02-20")
    assert day_span("mid-2022", "text", 0) is None
    assert spans_meet(("2023-01-01", "2023-01-31"), ("2023-02-20", "2023-02-21"), 31)
    assert not spans_meet(("2023-01-01", "2023-01-31"), ("2023-03-20", "2023-03-21"), 31)


def test_certainty_independent_outlets_and_denials() -> None:
    one = assess([report("a"), report("b", outlet="outlet-a", certainty="confirmed")], RULES)
    assert (one.outlets, one.confidence, one.certainty) == (1, 0.9, "confirmed")
    two = assess([report("a"), report("b"), report("c", certainty="denied")], RULES)
    assert (two.outlets, two.confidence, two.disputed) == (2, 0.91, True)
    assert "denied by a party in 1 report(s)" in two.explanation
    only = assess([report("c", certainty="denied")], RULES)
    assert (only.certainty, only.confidence) == ("denied", 0.0)
