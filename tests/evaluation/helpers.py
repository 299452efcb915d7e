"""Hand-built gold lines and contract JSON for the scorer's tests."""

from __future__ import annotations

from typing import Any

TEXT = (
    "Russia sent an armoured limousine to Kim Jong Un in June 2023. "
    "The car reached Pyongyang a week later, KCNA said. "
    "China shipped coal to Nampo in 2019, according to the panel. "
    "The weather in Seoul was mild."
)


def sentence(start_words: str, text: str = TEXT) -> str:
    """The sentence of `text` that begins with `start_words`."""
    start = text.index(start_words)
    return text[start : text.index(".", start) + 1]


def gold_transfer(evidence: list[str], tags: list[str], **fields: Any) -> dict[str, Any]:
    transfer = {
        "giver": None,
        "giver_country": None,
        "recipient": None,
        "recipient_country": None,
        "item_tags": tags,
        "date": None,
        "certainty": "confirmed",
        "outcome": "completed",
        "un_instruments": [],
        "optional": False,
        "evidence": evidence,
    }
    transfer.update(fields)
    return transfer


def gold_line(transfers: list[dict[str, Any]], id: str = "d1", text: str = TEXT) -> dict:
    return {"id": id, "text": text, "gold": {"transfers": transfers, "notes": ""}}


def predicted_transfer(
    evidence: str,
    tags: list[str],
    text: str = TEXT,
    findings: tuple[str, ...] = (),
    giver_country: str | None = None,
    recipient_country: str | None = None,
    date: tuple[str, str] | None = None,
    certainty: str = "confirmed",
    outcome: str = "completed",
) -> dict[str, Any]:
    """A contract transfer whose evidence is the first occurrence of `evidence` in `text`."""
    start = text.index(evidence)
    return {
        "id": f"t-{start}-{'-'.join(tags)}",
        "giver": {"party": "p-g", "name": "giver", "country": giver_country},
        "recipient": {"party": "p-r", "name": "recipient", "country": recipient_country},
        "items": [{"text": tag, "tags": [tag], "hs": [], "quantity": None} for tag in tags],
        "date": None if date is None else {"value": date[0], "text": None, "basis": date[1]},
        "certainty": certainty,
        "outcome": outcome,
        "evidence": {"text": evidence, "start": start, "end": start + len(evidence)},
        "findings": [
            {"regime": "un-dprk", "instrument": instrument, "provision": "OP7"}
            for instrument in findings
        ],
    }


def predicted(*documents: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Contract JSON with one document per (id, transfers) pair."""
    return {
        "format": 1,
        "documents": [
            {"id": id, "input": f"gold.jsonl:{n}", "transfers": transfers}
            for n, (id, transfers) in enumerate(documents, 1)
        ],
        "errors": [],
    }
