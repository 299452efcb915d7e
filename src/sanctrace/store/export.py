"""The store's events, parties and documents as followthemoney entities, JSON or CSV rows.

followthemoney: each document an `Article`; each party identity a
`Person`, `Organization`, `PublicBody` (states), `Vessel` or `LegalEntity`;
each event an `EconomicActivity` (goods) or a `Payment` (money only), with
a `Documentation` link from every article that reports it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

from followthemoney import EntityProxy, model
from followthemoney.util import make_entity_id
from sqlalchemy import select

from sanctrace.store import schema
from sanctrace.store.queries import Filters, events
from sanctrace.store.workspace import Workspace

SCHEMA_BY_KIND = {
    "person": "Person",
    "organization": "Organization",
    "state": "PublicBody",
    "vessel": "Vessel",
    "unknown": "LegalEntity",
}
_PREFIX = "sanctrace-store"


def _id(*parts: str) -> str:
    entity_id = make_entity_id(*parts, key_prefix=_PREFIX)
    assert entity_id is not None
    return entity_id


def parties(workspace: Workspace) -> list[dict[str, Any]]:
    with workspace.reading() as connection:
        query = select(schema.ENTITIES).order_by(schema.ENTITIES.c.id)
        return [dict(row._mapping) for row in connection.execute(query)]


def documents(workspace: Workspace) -> list[dict[str, Any]]:
    with workspace.reading() as connection:
        query = select(schema.DOCUMENTS).order_by(schema.DOCUMENTS.c.key)
        return [dict(row._mapping) for row in connection.execute(query)]


def ftm_entities(workspace: Workspace) -> Iterator[EntityProxy]:
    """Articles, parties, then events with their documentation links, in a stable order."""
    for document in documents(workspace):
        article = model.make_entity("Article")
        article.id = _id("article", document["key"])
        article.add("title", document["title"])
        article.add("bodyText", document["text"])
        article.add("publishedAt", document["published"])
        article.add("publisher", document["source"])
        article.add("sourceUrl", document["url"])
        yield article
    for party in parties(workspace):
        entity = model.make_entity(SCHEMA_BY_KIND.get(party["kind"], "LegalEntity"))
        entity.id = _id("party", party["id"])
        entity.add("name", party["name"])
        entity.add("country", party["country"])
        yield entity
    for event in events(workspace, Filters()):
        yield from _event_entities(event)


def _event_entities(event: dict[str, Any]) -> Iterator[EntityProxy]:
    money_only = set(event["tags"]) == {"money"}
    entity = model.make_entity("Payment" if money_only else "EconomicActivity")
    entity.id = _id("event", event["id"])
    sender, receiver = ("payer", "beneficiary") if money_only else ("sender", "receiver")
    if event["giver"]:
        entity.add(sender, _id("party", event["giver"]))
    if event["recipient"]:
        entity.add(receiver, _id("party", event["recipient"]))
    entity.add("startDate", event["date_start"])
    entity.add("endDate", event["date_end"])
    entity.add("summary", event["reports"][0]["evidence_text"] if event["reports"] else None)
    entity.add(
        "description",
        f"Certainty {event['certainty']}, confidence {event['confidence']:.2f}"
        f"{', disputed' if event['disputed'] else ''}; goods: {', '.join(event['tags'])}. "
        f"{event['explanation']['certainty']}.",
    )
    for report in event["reports"]:
        entity.add("proof", _id("article", report["document"]))
    yield entity
    for report in event["reports"]:
        link = model.make_entity("Documentation")
        link.id = _id("documentation", report["transfer"])
        link.add("document", _id("article", report["document"]))
        link.add("entity", entity.id)
        link.add("role", f"report ({report['certainty']}): {report['reason']}")
        yield link


def event_rows(workspace: Workspace) -> list[dict[str, Any]]:
    rows = events(workspace, Filters())
    for row in rows:
        row["report_count"] = len(row["reports"])
        row["documents"] = sorted({report["document"] for report in row["reports"]})
    return rows


#: The columns of the CSV export: one row per event.
EVENT_CSV_COLUMNS = (
    "id", "certainty", "confidence", "disputed", "outlets", "giver", "giver_name", "recipient",
    "recipient_name", "tags", "date_start", "date_end", "report_count", "documents",
)  # fmt: skip


def everything(workspace: Workspace) -> dict[str, list[dict[str, Any]]]:
    """The JSON export: events with their reports, party identities, documents."""
    return {
        "events": event_rows(workspace),
        "parties": parties(workspace),
        "documents": documents(workspace),
    }


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """CSV of `columns`; lists become ";"-joined cells, mappings JSON."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def events_csv(workspace: Workspace) -> str:
    return csv_text(event_rows(workspace), EVENT_CSV_COLUMNS)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
