"""Rows derived from the stored analysis: party identities across documents, and events.

Rebuilt whole, in one transaction, from the machine results and the
analysts' decisions, so they always agree with both (and a killed rebuild
leaves the previous ones).
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from sqlalchemy import Connection, delete, insert, select

from sanctrace.events.certainty import assess
from sanctrace.events.dates import day_span
from sanctrace.events.identity import EntityInfo, Identity, PartyRecord, identify
from sanctrace.events.merge import Group, Report, Side, group_reports
from sanctrace.events.rules import EventRules, default_rules
from sanctrace.parties.gazetteer import Gazetteer
from sanctrace.store import schema
from sanctrace.store.workspace import Workspace


def rebuild(workspace: Workspace, rules: EventRules | None = None) -> int:
    """Recompute party identities and events; returns the number of events."""
    rules = rules or default_rules()
    with workspace.writing("rebuild the events") as connection:
        if connection.dialect.name == "postgresql":
            # Two ingests finishing together would both rewrite these tables:
            # the second waits for the first instead of failing on its keys.
            connection.exec_driver_sql(
                "LOCK TABLE ws_events, ws_event_reports, ws_party_links, ws_party_entities "
                "IN EXCLUSIVE MODE"
            )
        identities, entities = _identities(connection, rules)
        groups = group_reports(
            _reports(connection, identities, {e.id: e for e in entities}, rules),
            rules,
            _duplicates(connection),
        )
        for table in (schema.EVENT_REPORTS, schema.EVENTS, schema.PARTY_LINKS, schema.ENTITIES):
            connection.execute(delete(table))
        _write_identities(connection, identities, entities)
        _write_events(connection, groups, rules)
    workspace.refresh_statistics()  # every ingest ends here, with the tables' new sizes
    return len(groups)


def _identities(
    connection: Connection, rules: EventRules
) -> tuple[dict[str, Identity], list[EntityInfo]]:
    p = schema.PARTIES.c
    parties = [
        PartyRecord(row.id, row.name, row.kind, row.country, row.imo)
        for row in connection.execute(select(p.id, p.name, p.kind, p.country, p.imo))
    ]
    d = schema.PARTY_DECISIONS.c
    decisions = [tuple(row) for row in connection.execute(select(d.party, d.other, d.decision))]
    return identify(parties, Gazetteer.load(), rules, decisions)  # type: ignore[arg-type]


def _duplicates(connection: Connection) -> dict[str, str]:
    d = schema.EVENT_DECISIONS.c
    return {
        row.transfer: row.duplicate_of
        for row in connection.execute(select(d.transfer, d.duplicate_of))
    }


def _reports(
    connection: Connection,
    identities: dict[str, Identity],
    entities: dict[str, EntityInfo],
    rules: EventRules,
) -> list[Report]:
    t, doc = schema.TRANSFERS.c, schema.DOCUMENTS.c
    query = select(
        t.id, t.document, t.giver, t.recipient, t.tags, t.date_value, t.date_basis,
        t.certainty, t.data, doc.source, doc.url,
    ).join(schema.DOCUMENTS, doc.key == t.document)  # fmt: skip

    def side(party: str | None) -> Side | None:
        if party is None or party not in identities:
            return None
        entity = entities[identities[party].entity]
        if rules.descriptions_are_unnamed and entity.name[:1].islower():
            return None  # "a foreign vessel" says nothing about which vessel
        label = entity.country if entity.kind == "state" and entity.country else entity.name
        return Side(entity.id, label)

    return [
        Report(
            transfer=row.id,
            document=row.document,
            outlet=_outlet(row.source, row.url, row.document),
            giver=side(row.giver),
            recipient=side(row.recipient),
            tags=frozenset(row.tags.split()),
            date=row.date_value,
            span=day_span(row.date_value, row.date_basis, rules.published_lookback_days),
            certainty=row.certainty,
            attributed_to=tuple(row.data.get("attributed_to") or ()),
            basis=row.date_basis or "text",
        )
        for row in connection.execute(query)
    ]


def _outlet(source: str | None, url: str | None, document: str) -> str:
    """Who published a document: its source, else its URL's host, else the document itself."""
    if source:
        return source.strip()
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return document


def _write_identities(
    connection: Connection, identities: dict[str, Identity], entities: list[EntityInfo]
) -> None:
    if entities:
        connection.execute(
            insert(schema.ENTITIES),
            [
                {"id": e.id, "name": e.name, "kind": e.kind, "country": e.country, "basis": e.basis}
                for e in entities
            ],
        )
    if identities:
        connection.execute(
            insert(schema.PARTY_LINKS),
            [
                {"party": party, "entity": i.entity, "reason": i.reason}
                for party, i in identities.items()
            ],
        )


def event_id(group: Group) -> str:
    first = min(report.transfer for report in group.reports)
    return "e-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]


def _write_events(connection: Connection, groups: list[Group], rules: EventRules) -> None:
    events, links = [], []
    for group in groups:
        identifier = event_id(group)
        assessment = assess(group.reports, rules)
        giver = next((r.giver for r in group.reports if r.giver), None)
        recipient = next((r.recipient for r in group.reports if r.recipient), None)
        # The event's dates are those the texts state; publication dates only
        # when no report states one.
        stated = [r.span for r in group.reports if r.span and r.basis == "text"]
        spans = stated or [r.span for r in group.reports if r.span]
        events.append(
            {
                "id": identifier,
                "giver": giver.entity if giver else None,
                "recipient": recipient.entity if recipient else None,
                "giver_name": giver.label if giver else None,
                "recipient_name": recipient.label if recipient else None,
                "tags": " " + " ".join(sorted({t for r in group.reports for t in r.tags})) + " ",
                "date_start": min(s[0] for s in spans) if spans else None,
                "date_end": max(s[1] for s in spans) if spans else None,
                "certainty": assessment.certainty,
                "confidence": assessment.confidence,
                "disputed": assessment.disputed,
                "reports": len(group.reports),
                "outlets": assessment.outlets,
                "explanation": {"certainty": assessment.explanation},
            }
        )
        links += [
            {"transfer": r.transfer, "event": identifier, "reason": group.reasons[r.transfer]}
            for r in group.reports
        ]
    if events:
        connection.execute(insert(schema.EVENTS), events)
        connection.execute(insert(schema.EVENT_REPORTS), links)
