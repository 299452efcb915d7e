"""Findings and events from the store, filtered: what `sanctrace findings` and `events` list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select

from sanctrace.errors import StoreError
from sanctrace.events.dates import day_span
from sanctrace.store import schema
from sanctrace.store.workspace import Workspace

#: Review states a filter may ask for; "missing" are reviewed findings re-analysis lost.
REVIEW_STATES = ("unreviewed", "confirmed", "dismissed", "missing")


@dataclass(frozen=True, slots=True)
class Filters:
    regime: str | None = None
    instrument: str | None = None  # words of the instrument, any case: "1718"
    country: str | None = None  # giver's, recipient's, origin or destination
    party: str | None = None  # words of the giver's or recipient's name
    tag: str | None = None
    date_from: str | None = None  # YYYY[-MM[-DD]]
    date_to: str | None = None
    certainty: str | None = None
    review: str | None = None
    text: str | None = None  # words of the evidence or explanation
    limit: int | None = None
    offset: int = 0  # rows skipped first: a page's start


def like(column: Any, words: str) -> Any:
    if "\x00" in words:
        # SQLite would cut the pattern there (matching everything); PostgreSQL refuses it.
        raise StoreError(
            f"The filter {words!r} holds a NUL character, which no text has: remove it."
        )
    return func.lower(column).contains(words.lower(), autoescape=True)


def _date_bound(value: str, end: bool) -> str:
    """A `--from` or `--to` date as a day: 2023 is 2023-01-01 (from) or 2023-12-31 (to)."""
    span = day_span(value, "text", 0)
    if span is None:
        raise StoreError(f"The date {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD.")
    return span[1] if end else span[0]


def _transfer_filters(query: Select[Any], filters: Filters) -> Select[Any]:
    t = schema.TRANSFERS.c
    if filters.country:
        code = filters.country.lower()
        query = query.where(
            or_(
                t.giver_country == code,
                t.recipient_country == code,
                t.origin == code,
                t.destination == code,
            )
        )
    if filters.party:
        query = query.where(
            or_(like(t.giver_name, filters.party), like(t.recipient_name, filters.party))
        )
    if filters.tag:
        query = query.where(t.tags.contains(f" {filters.tag.lower()} ", autoescape=True))
    if filters.date_from:
        query = query.where(t.date_end >= _date_bound(filters.date_from, end=False))
    if filters.date_to:
        query = query.where(t.date_start <= _date_bound(filters.date_to, end=True))
    if filters.certainty:
        query = query.where(t.certainty == filters.certainty.lower())
    return query


def _page(query: Select[Any], filters: Filters) -> Select[Any]:
    if filters.limit:
        query = query.limit(filters.limit)
    return query.offset(filters.offset) if filters.offset else query


def transfers(workspace: Workspace, filters: Filters) -> list[dict[str, Any]]:
    """Stored transfers (each report of an event), newest date first."""
    t, d = schema.TRANSFERS.c, schema.DOCUMENTS.c
    query = select(
        t.id, t.giver_name, t.recipient_name, t.giver_country, t.recipient_country, t.origin,
        t.destination, t.date_value, t.certainty, t.outcome, t.tags, t.evidence_text,
        d.key.label("document"), d.title, d.source,
    ).join(schema.DOCUMENTS, d.key == t.document)  # fmt: skip
    query = _transfer_filters(query, filters)
    if filters.text:
        query = query.where(like(t.evidence_text, filters.text))
    return _tagged_rows(workspace, _page(query.order_by(t.date_start.desc(), t.id), filters))


def findings(workspace: Workspace, filters: Filters) -> list[dict[str, Any]]:
    """Findings with their transfer, document, event and review, newest transfer date first."""
    if filters.review == "missing":
        return _missing(workspace, filters)
    f, t, d = schema.FINDINGS.c, schema.TRANSFERS.c, schema.DOCUMENTS.c
    r, e = schema.FINDING_REVIEWS.c, schema.EVENT_REPORTS.c
    query = (
        select(
            f.key,
            f.regime,
            f.instrument,
            f.provision,
            f.measure,
            f.confidence,
            f.explanation,
            t.giver_name,
            t.recipient_name,
            t.date_value,
            t.certainty,
            t.tags,
            t.evidence_text,
            t.evidence_start,
            t.evidence_end,
            d.key.label("document"),
            d.title,
            d.source,
            e.event,
            func.coalesce(r.status, "unreviewed").label("review"),
            r.reason.label("review_reason"),
            r.note.label("review_note"),
        )
        .join(schema.TRANSFERS, t.id == f.transfer)
        .join(schema.DOCUMENTS, d.key == f.document)
        .outerjoin(schema.FINDING_REVIEWS, r.finding == f.key)
        .outerjoin(schema.EVENT_REPORTS, e.transfer == t.id)
    )
    query = _transfer_filters(query, filters)
    if filters.regime:
        query = query.where(f.regime == filters.regime)
    if filters.instrument:
        query = query.where(like(f.instrument, filters.instrument))
    if filters.review:
        query = query.where(func.coalesce(r.status, "unreviewed") == filters.review)
    if filters.text:
        query = query.where(
            or_(like(t.evidence_text, filters.text), like(f.explanation, filters.text))
        )
    return _tagged_rows(workspace, _page(query.order_by(t.date_start.desc(), f.key), filters))


def _tagged_rows(workspace: Workspace, query: Select[Any]) -> list[dict[str, Any]]:
    """The query's rows as dicts, the stored space-separated tags as a list."""
    with workspace.reading() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
    for row in rows:
        row["tags"] = row["tags"].split()
    return rows


def _missing(workspace: Workspace, filters: Filters) -> list[dict[str, Any]]:
    """Reviewed findings that the stored analysis no longer holds: flagged, never deleted."""
    r, f = schema.FINDING_REVIEWS.c, schema.FINDINGS.c
    query = select(schema.FINDING_REVIEWS).where(r.finding.not_in(select(f.key)))
    with workspace.reading() as connection:
        rows = []
        for row in connection.execute(query.order_by(r.finding)):
            snapshot = dict(row.snapshot)
            rows.append(
                {
                    **snapshot,
                    "key": row.finding,
                    "review": row.status,
                    "review_reason": row.reason,
                    "review_note": row.note,
                    "missing_since": row.missing_since,
                    "flag": "no longer produced by the analyser",
                }
            )
    if filters.regime:
        rows = [row for row in rows if row.get("regime") == filters.regime]
    end = filters.offset + filters.limit if filters.limit else None
    return rows[filters.offset : end]


def events(workspace: Workspace, filters: Filters) -> list[dict[str, Any]]:
    """Events with all their reports, best attested first."""
    ev, t = schema.EVENTS.c, schema.TRANSFERS.c
    er, f = schema.EVENT_REPORTS.c, schema.FINDINGS.c
    matching = _transfer_filters(
        select(er.event).join(schema.TRANSFERS, t.id == er.transfer), filters
    )
    if filters.regime or filters.instrument:
        matching = matching.join(schema.FINDINGS, f.transfer == t.id)
        if filters.regime:
            matching = matching.where(f.regime == filters.regime)
        if filters.instrument:
            matching = matching.where(like(f.instrument, filters.instrument))
    if filters.text:
        matching = matching.where(like(t.evidence_text, filters.text))
    query = select(schema.EVENTS).where(ev.id.in_(matching))
    if filters.certainty:
        query = query.where(ev.certainty == filters.certainty.lower())
    query = _page(query.order_by(ev.confidence.desc(), ev.reports.desc(), ev.id), filters)
    with workspace.reading() as connection:
        found = [dict(row._mapping) for row in connection.execute(query)]
        reports = event_reports(connection, [event["id"] for event in found])
    for event in found:
        event["tags"] = event["tags"].split()
        event["reports"] = reports.get(event["id"], [])
    return found


def event_reports(connection: Any, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    er, t, d = schema.EVENT_REPORTS.c, schema.TRANSFERS.c, schema.DOCUMENTS.c
    by_event: dict[str, list[dict[str, Any]]] = {}
    for chunk in range(0, len(event_ids), 500):
        query = (
            select(
                er.event,
                er.transfer,
                er.reason,
                t.certainty,
                t.date_value,
                t.giver,
                t.recipient,
                t.giver_name,
                t.recipient_name,
                t.evidence_text,
                t.evidence_start,
                t.evidence_end,
                t.data,
                d.key.label("document"),
                d.title,
                d.source,
                d.url,
                d.published,
            )
            .join(schema.TRANSFERS, t.id == er.transfer)
            .join(schema.DOCUMENTS, d.key == t.document)
            .where(er.event.in_(event_ids[chunk : chunk + 500]))
            .order_by(er.event, d.published, er.transfer)
        )
        for row in connection.execute(query):
            report = dict(row._mapping)
            data = report.pop("data")
            report["attributed_to"] = data.get("attributed_to", [])
            by_event.setdefault(report.pop("event"), []).append(report)
    return by_event


__all__ = ["REVIEW_STATES", "Filters", "events", "findings", "transfers"]
