"""Reports of one event: which stored transfers from different documents are the same event.

Deterministic and explainable: reports are taken in a fixed order, each
joins the first event all of whose reports it agrees with, and the reason
it joined is kept as a sentence ("same giver kp, recipient ru, tags
arms+ammunition, dates 2023-10 and 2023").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sanctrace.events.dates import spans_meet
from sanctrace.events.rules import EventRules


@dataclass(frozen=True, slots=True)
class Side:
    """One end of a transfer after cross-document identity."""

    entity: str  # the party's identity across documents
    label: str  # what explanations call it: a state's country code, else the name


@dataclass(frozen=True, slots=True)
class Report:
    """One stored transfer, as event merging sees it."""

    transfer: str
    document: str
    outlet: str  # who published it: reports from one outlet are not independent
    giver: Side | None
    recipient: Side | None
    tags: frozenset[str]
    date: str | None  # the contract's date value
    span: tuple[str, str] | None  # the date as days (see events.dates)
    certainty: str
    attributed_to: tuple[str, ...] = ()
    basis: str = "text"  # "published": only the article's date dates it


@dataclass(slots=True)
class Group:
    """An event in the making: its reports, and why each joined."""

    reports: list[Report] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # transfer -> sentence


def group_reports(
    reports: Iterable[Report], rules: EventRules, duplicates: Mapping[str, str] | None = None
) -> list[Group]:
    """Group `reports` into events; `duplicates` (transfer -> transfer) are analysts' merges.

    Reports naming both parties come first, so that a report naming one side
    joins an event whose parties are settled rather than deciding them.
    """
    ordered = sorted(reports, key=lambda r: (r.giver is None or r.recipient is None, r.transfer))
    groups: list[Group] = []
    by_entity: dict[str, list[Group]] = defaultdict(list)
    for report in ordered:
        joined = False
        for group in _candidates(report, by_entity):
            reason = _agreement(report, group.reports, rules)
            if reason is not None:
                group.reports.append(report)
                group.reasons[report.transfer] = reason
                joined = True
                break
        if not joined:
            group = Group([report], {report.transfer: "first report"})
            groups.append(group)
            for side in (report.giver, report.recipient):
                if side is not None:
                    by_entity[side.entity].append(group)
    return _apply_duplicates(groups, duplicates or {})


def _candidates(report: Report, by_entity: Mapping[str, list[Group]]) -> list[Group]:
    seen: dict[int, Group] = {}
    for side in (report.giver, report.recipient):
        if side is not None:
            for group in by_entity.get(side.entity, ()):
                seen.setdefault(id(group), group)
    return list(seen.values())


def _agreement(report: Report, members: list[Report], rules: EventRules) -> str | None:
    """The sentence saying why `report` is the event of `members`, or None if it is not."""
    for member in members:
        if report.document == member.document:
            return None  # one article's transfers were already merged by the analyser
        if not (
            _sides_agree(report.giver, member.giver, rules)
            and _sides_agree(report.recipient, member.recipient, rules)
        ):
            return None
        if not _named_in_common(report, member):
            return None
        if not _shared_tags(report.tags, member.tags, rules):
            return None
        if not spans_meet(report.span, member.span, rules.date_slack_days):
            return None
    return _explain(report, members[0], rules)


def _sides_agree(a: Side | None, b: Side | None, rules: EventRules) -> bool:
    if a is None or b is None:
        return rules.unnamed_side_matches
    return a.entity == b.entity


def _named_in_common(a: Report, b: Report) -> bool:
    return any(
        x is not None and y is not None and x.entity == y.entity
        for x, y in ((a.giver, b.giver), (a.recipient, b.recipient))
    )


def _shared_tags(a: frozenset[str], b: frozenset[str], rules: EventRules) -> frozenset[str]:
    shared = a & b
    narrow = shared - rules.broad_tags
    if narrow:
        return shared
    # Only broad tags in common: enough when one side names nothing narrower.
    if not (a - rules.broad_tags) or not (b - rules.broad_tags):
        return shared
    return frozenset()


def _explain(report: Report, first: Report, rules: EventRules) -> str:
    parts = []
    if report.giver is not None and first.giver is not None:
        parts.append(f"same giver {report.giver.label}")
    if report.recipient is not None and first.recipient is not None:
        word = "recipient" if parts else "same recipient"
        parts.append(f"{word} {report.recipient.label}")
    tags = sorted(_shared_tags(report.tags, first.tags, rules))
    parts.append("tags " + "+".join(tags))
    if report.date and first.date:
        parts.append(f"dates {_date_words(first)} and {_date_words(report)}")
    return ", ".join(parts)


def _date_words(report: Report) -> str:
    return f"{report.date} (published)" if report.basis == "published" else str(report.date)


def _apply_duplicates(groups: list[Group], duplicates: Mapping[str, str]) -> list[Group]:
    """Fold each event an analyst marked as a duplicate into the event it duplicates."""
    owner = {r.transfer: index for index, g in enumerate(groups) for r in g.reports}
    parent = list(range(len(groups)))

    def root(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    for transfer, original in sorted(duplicates.items()):
        if transfer in owner and original in owner:
            a, b = root(owner[transfer]), root(owner[original])
            if a != b:
                parent[a] = b
                groups[b].reasons.update(
                    {
                        r.transfer: f"marked a duplicate of {original} by an analyst"
                        for r in groups[a].reports
                    }
                )
                groups[b].reports.extend(groups[a].reports)
    return [group for index, group in enumerate(groups) if root(index) == index]
