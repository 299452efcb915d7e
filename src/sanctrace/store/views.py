"""One finding, party or document in full, the party network and the timeline: what the
web workspace shows, read from the store by plain functions any face can call."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, func, or_, select

from sanctrace.errors import NotFound
from sanctrace.store import schema
from sanctrace.store.queries import Filters, event_reports, events, like
from sanctrace.store.review import audit_trail
from sanctrace.store.workspace import Workspace


def _missing(what: str, key: str, workspace: Workspace, hint: str) -> NotFound:
    return NotFound(f"No {what} {key} is in the store {workspace.shown_url}; {hint}.")


def _party_rows(connection: Connection, ids: list[str]) -> list[dict[str, Any]]:
    """Stored parties (one document's mention of an actor) with their screening hits."""
    p, h, link = schema.PARTIES.c, schema.SCREENING_HITS.c, schema.PARTY_LINKS.c
    query = (
        select(p.id, p.name, p.kind, p.country, p.document, link.entity)
        .outerjoin(schema.PARTY_LINKS, link.party == p.id)
        .where(p.id.in_(ids))
        .order_by(p.id)
    )
    parties = [dict(row._mapping) for row in connection.execute(query)]
    hits = connection.execute(
        select(h.party, h.data).where(h.party.in_(ids)).order_by(h.party, h.score.desc(), h.id)
    )
    by_party: dict[str, list[dict[str, Any]]] = {}
    for party, data in hits:
        by_party.setdefault(party, []).append(data)
    for party in parties:
        party["screening"] = by_party.get(party["id"], [])
    return parties


def finding_detail(workspace: Workspace, key: str) -> dict[str, Any]:
    """A finding with its legal basis, its sentence in the article, every report of its
    event, the screening hits of its parties, its review and its audit rows."""
    f, t, d = schema.FINDINGS.c, schema.TRANSFERS.c, schema.DOCUMENTS.c
    r, e = schema.FINDING_REVIEWS.c, schema.EVENT_REPORTS.c
    with workspace.reading() as connection:
        row = connection.execute(
            select(
                schema.FINDINGS,
                t.data.label("transfer_data"),
                t.giver,
                t.recipient,
                d.title,
                d.text,
                d.url,
                d.source,
                d.published,
                e.event,
            )
            .join(schema.TRANSFERS, t.id == f.transfer)
            .join(schema.DOCUMENTS, d.key == f.document)
            .outerjoin(schema.EVENT_REPORTS, e.transfer == t.id)
            .where(f.key == key)
        ).first()
        if row is None:
            raise _missing("finding", key, workspace, "the findings list gives the keys")
        found = dict(row._mapping)
        review = connection.execute(
            select(r.status, r.reason, r.note, r.actor, r.at).where(r.finding == key)
        ).first()
        reports = event_reports(connection, [found["event"]]) if found["event"] else {}
        parties = _party_rows(connection, [p for p in (found["giver"], found["recipient"]) if p])
    transfer = found.pop("transfer_data")
    found["factors"] = found.pop("data").get("factors", {})
    found["transfer_id"] = found.pop("transfer")
    found["transfer"] = transfer
    found["review"] = dict(review._mapping) if review else {"status": "unreviewed"}
    found["reports"] = reports.get(found["event"], [])
    found["parties"] = parties
    found["audit"] = audit_trail(workspace, key)
    return found


def documents(workspace: Workspace, filters: Filters) -> list[dict[str, Any]]:
    """Stored documents without their text, newest first; `text` filters titles."""
    d = schema.DOCUMENTS.c
    query = select(
        d.key, d.id, d.title, d.published, d.source, d.url, d.analyser_version, d.analysed_at
    )
    if filters.text:
        query = query.where(like(d.title, filters.text))
    query = query.order_by(d.published.desc(), d.key).offset(filters.offset)
    if filters.limit:
        query = query.limit(filters.limit)
    with workspace.reading() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def search_parties(workspace: Workspace, words: str, limit: int, offset: int = 0) -> list[dict]:
    """Party identities whose name holds `words` (any case), with how many events name them."""
    en, ev = schema.ENTITIES.c, schema.EVENTS.c
    count = (
        select(func.count())
        .where(or_(ev.giver == en.id, ev.recipient == en.id))
        .scalar_subquery()
        .label("events")
    )
    query = select(en.id, en.name, en.kind, en.country, en.basis, count)
    if words.strip():
        query = query.where(like(en.name, words.strip()))
    query = query.order_by(en.name, en.id).limit(limit).offset(offset)
    with workspace.reading() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def party_detail(workspace: Workspace, entity: str) -> dict[str, Any]:
    """A party identity, its mentions across documents with their screening hits, and
    every event it took part in."""
    en, link = schema.ENTITIES.c, schema.PARTY_LINKS.c
    ev = schema.EVENTS.c
    with workspace.reading() as connection:
        row = connection.execute(select(schema.ENTITIES).where(en.id == entity)).first()
        if row is None:
            raise _missing("party", entity, workspace, "search the parties to find their ids")
        linked = list(connection.execute(select(link.party).where(link.entity == entity)).scalars())
        mentions = _party_rows(connection, linked)
        event_ids = list(
            connection.execute(
                select(ev.id).where(or_(ev.giver == entity, ev.recipient == entity))
            ).scalars()
        )
    party = dict(row._mapping)
    party["mentions"] = mentions
    party["events"] = [e for e in events(workspace, Filters()) if e["id"] in set(event_ids)]
    return party


def _event_findings(connection: Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    """Each event's findings (over all its reports), one per legal basis."""
    f, er = schema.FINDINGS.c, schema.EVENT_REPORTS.c
    found: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    for start in range(0, len(event_ids), 500):
        query = (
            select(er.event, f.key, f.regime, f.instrument, f.provision, f.confidence)
            .join(schema.FINDINGS, f.transfer == er.transfer)
            .where(er.event.in_(event_ids[start : start + 500]))
            .order_by(er.event, f.confidence.desc(), f.key)
        )
        for row in connection.execute(query):
            basis = (row.regime, row.provision)
            found.setdefault(row.event, {}).setdefault(basis, dict(row._mapping))
    return {event: list(by_basis.values()) for event, by_basis in found.items()}


def network(workspace: Workspace, filters: Filters) -> dict[str, Any]:
    """Parties as nodes, events as edges from giver to recipient with goods and findings."""
    chosen = events(workspace, filters)
    with workspace.reading() as connection:
        findings = _event_findings(connection, [event["id"] for event in chosen])
        entities = {
            row.id: dict(row._mapping) for row in connection.execute(select(schema.ENTITIES)).all()
        }
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for event in chosen:
        if not (event["giver"] and event["recipient"]):
            continue  # an edge needs both ends
        for end in (event["giver"], event["recipient"]):
            nodes.setdefault(end, entities.get(end, {"id": end, "name": end, "kind": "unknown"}))
        edges.append(
            {
                "event": event["id"],
                "giver": event["giver"],
                "recipient": event["recipient"],
                "tags": event["tags"],
                "date_start": event["date_start"],
                "certainty": event["certainty"],
                "findings": findings.get(event["id"], []),
            }
        )
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": edges}


def timeline(workspace: Workspace, filters: Filters) -> list[dict[str, Any]]:
    """Events in date order (undated last), each with its findings; a page of them."""
    chosen = events(workspace, replace(filters, limit=None, offset=0))
    chosen.sort(key=lambda e: (e["date_start"] is None, e["date_start"] or "", e["id"]))
    end = filters.offset + filters.limit if filters.limit else None
    chosen = chosen[filters.offset : end]
    with workspace.reading() as connection:
        findings = _event_findings(connection, [event["id"] for event in chosen])
    for event in chosen:
        event["findings"] = findings.get(event["id"], [])
    return chosen
