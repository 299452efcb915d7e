"""An analysed document as store rows: a straight walk over the model's dataclasses.

Each row keeps the whole dataclass (`dataclasses.asdict`) in its `data`
column, so fields the analyser gains (a transfer's `rules`, a finding's
`factors`) are stored without a schema change.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from typing import Any

from sanctrace.documents import document_id
from sanctrace.events.dates import day_span
from sanctrace.events.identity import imo_near
from sanctrace.model import AnalysedDocument, Finding, Transfer

Row = dict[str, Any]


def document_key(text: str) -> str:
    """The store's id of an article: that of its normalised text."""
    return document_id(text)


def finding_key(document: str, transfer: str, finding: Finding) -> str:
    """Stable while the transfer and the legal basis stay: a review finds its finding again."""
    parts = (document, transfer, finding.regime, finding.instrument, finding.provision)
    return "f-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def document_rows(
    analysed: AnalysedDocument, analyser: str, knowledge: str, now: str
) -> dict[str, list[Row]]:
    """Every row of one analysed document, by table name."""
    document = analysed.document
    key = document_key(document.text)
    rows: dict[str, list[Row]] = {
        "ws_documents": [
            {
                "key": key,
                "id": document.id,
                "input": document.input,
                "title": document.title,
                "published": document.published,
                "source": document.source,
                "url": document.url,
                "text": document.text,
                "analyser_version": analyser,
                "knowledge_version": knowledge,
                "analysed_at": now,
            }
        ],
        "ws_parties": [],
        "ws_screening_hits": [],
        "ws_transfers": [],
        "ws_items": [],
        "ws_findings": [],
    }
    for party in analysed.parties:
        party_id = f"{key}/{party.id}"
        rows["ws_parties"].append(
            {
                "id": party_id,
                "document": key,
                "local_id": party.id,
                "name": party.name,
                "kind": party.kind,
                "country": party.country,
                "imo": imo_near(document.text, (m.end for m in party.mentions)),
                "data": asdict(party),
            }
        )
        rows["ws_screening_hits"] += [
            {
                "party": party_id,
                "list": hit.list,
                "entry_id": hit.entry_id,
                "name": hit.name,
                "score": hit.score,
                "data": asdict(hit),
            }
            for hit in party.screening
        ]
    for position, transfer in enumerate(analysed.transfers):
        _transfer_rows(rows, key, position, transfer)
    return rows


def _transfer_rows(rows: dict[str, list[Row]], key: str, position: int, transfer: Transfer) -> None:
    transfer_id = f"{key}/{transfer.id}"
    date = transfer.date
    # The exact span of the stated date; the lookback for publication dates
    # is an event rule, applied when events are built.
    span = day_span(date.value, "text", 0) if date else None
    tags = sorted({tag for item in transfer.items for tag in item.tags})
    giver, recipient = transfer.giver, transfer.recipient
    rows["ws_transfers"].append(
        {
            "id": transfer_id,
            "document": key,
            "local_id": transfer.id,
            "position": position,
            "giver": f"{key}/{giver.party}" if giver else None,
            "recipient": f"{key}/{recipient.party}" if recipient else None,
            "giver_name": giver.name if giver else None,
            "recipient_name": recipient.name if recipient else None,
            "giver_country": giver.country if giver else None,
            "recipient_country": recipient.country if recipient else None,
            "origin": transfer.origin,
            "destination": transfer.destination,
            "date_value": date.value if date else None,
            "date_basis": date.basis if date else None,
            "date_start": span[0] if span else None,
            "date_end": span[1] if span else None,
            "certainty": transfer.certainty,
            "outcome": transfer.outcome,
            "tags": " " + " ".join(tags) + " ",
            "evidence_text": transfer.evidence.text,
            "evidence_start": transfer.evidence.start,
            "evidence_end": transfer.evidence.end,
            "data": asdict(transfer),
        }
    )
    rows["ws_items"] += [
        {
            "transfer": transfer_id,
            "position": number,
            "text": item.text,
            "tags": list(item.tags),
            "hs": list(item.hs),
            "quantity": asdict(item.quantity) if item.quantity else None,
        }
        for number, item in enumerate(transfer.items)
    ]
    seen: set[str] = set()
    for finding in transfer.findings:
        fkey = finding_key(key, transfer.id, finding)
        if fkey in seen:
            continue  # one legal basis once per transfer
        seen.add(fkey)
        rows["ws_findings"].append(
            {
                "key": fkey,
                "transfer": transfer_id,
                "document": key,
                "regime": finding.regime,
                "instrument": finding.instrument,
                "provision": finding.provision,
                "measure": finding.measure,
                "status": finding.status,
                "confidence": finding.confidence,
                "explanation": finding.explanation,
                "data": asdict(finding),
            }
        )
