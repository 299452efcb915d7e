"""Stored documents back as the analyser's dataclasses, so every face writes the same contract.

Each stored party and transfer keeps its whole dataclass in its `data`
column (`store.rows`); reading it back through the model's own types gives
an `Analysis` that `export.contract.to_contract` turns into exactly the
JSON `sanctrace analyze` prints.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sanctrace.model import (
    AnalysedDocument,
    Analysis,
    Cue,
    Document,
    Finding,
    Item,
    Party,
    PartyRef,
    Quantity,
    RouteStop,
    Rules,
    ScreeningHit,
    Span,
    Transfer,
    TransferDate,
)
from sanctrace.store import schema
from sanctrace.store.workspace import Workspace


def _party(data: dict[str, Any]) -> Party:
    return Party(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        country=data["country"],
        mentions=[Span(**m) for m in data["mentions"]],
        screening=[ScreeningHit(**hit) for hit in data["screening"]],
    )


def _ref(data: dict[str, Any] | None) -> PartyRef | None:
    return PartyRef(**data) if data else None


def _rules(data: dict[str, Any] | None) -> Rules | None:
    if not data:
        return None
    return Rules(
        trigger=Span(**data["trigger"]),
        frame=data["frame"],
        roles=data["roles"],
        cues=[Cue(**cue) for cue in data["cues"]],
        document=data["document"],
    )


def _transfer(data: dict[str, Any]) -> Transfer:
    items = [
        Item(
            text=item["text"],
            tags=item["tags"],
            hs=item["hs"],
            quantity=Quantity(**item["quantity"]) if item["quantity"] else None,
        )
        for item in data["items"]
    ]
    return Transfer(
        id=data["id"],
        giver=_ref(data["giver"]),
        recipient=_ref(data["recipient"]),
        items=items,
        date=TransferDate(**data["date"]) if data["date"] else None,
        evidence=Span(**data["evidence"]),
        origin=data["origin"],
        destination=data["destination"],
        route=[RouteStop(**stop) for stop in data["route"]],
        certainty=data["certainty"],
        outcome=data["outcome"],
        attributed_to=data["attributed_to"],
        findings=[Finding(**finding) for finding in data["findings"]],
        also_evidence=[Span(**span) for span in data["also_evidence"]],
        rules=_rules(data.get("rules")),
    )


def stored_analysis(workspace: Workspace, keys: list[str] | None = None) -> Analysis:
    """The stored documents (all, or those with `keys`) as one `Analysis`, in key order."""
    d, p, t = schema.DOCUMENTS.c, schema.PARTIES.c, schema.TRANSFERS.c
    query = select(schema.DOCUMENTS).order_by(d.key)
    if keys is not None:
        query = query.where(d.key.in_(keys))
    analysis = Analysis()
    with workspace.reading() as connection:
        for row in connection.execute(query).all():
            document = Document(
                row.text, row.input, row.id, row.published, row.title, row.source, row.url
            )
            parties = connection.execute(
                select(p.data).where(p.document == row.key).order_by(p.id)
            ).scalars()
            transfers = connection.execute(
                select(t.data).where(t.document == row.key).order_by(t.position)
            ).scalars()
            analysis.documents.append(
                AnalysedDocument(
                    document,
                    sorted((_party(data) for data in parties), key=_party_order),
                    [_transfer(data) for data in transfers],
                )
            )
    return analysis


def _party_order(party: Party) -> tuple[int, str]:
    # Party ids are "p1", "p2", ...: in the analyser's order, "p10" after "p9".
    digits = party.id.lstrip("p")
    return (int(digits) if digits.isdigit() else 0, party.id)
