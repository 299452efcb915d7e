"""RAMS transfer events: how many the analyser finds, and with which giver, recipient and goods.

Run from the repository root on the RAMS 1.0 dev split (never committed here):

    .venv/bin/python benchmarks/rams.py /tmp/rams/dev.jsonlines --details /tmp/rams/details.jsonl

Events: types `transaction.transferownership.*`, `transaction.transfermoney.*` and
`movement.transportartifact.*`, less the subtypes in `SKIPPED` (no transfer from one party to
another: embargoes, hiding, falling, preventing entry or exit); 122 in dev. Each RAMS document
becomes one input: its tokens joined by single spaces, sentences too.

Measures: an event is *found* when a transfer's `evidence` span, or one of its
`also_evidence` spans, overlaps the trigger's characters. On found events, a role is right when
one of those transfers fills it so that the predicted party name or item text shares a content
word (case-insensitive, stop words left out) with a gold argument of the role, or when one of the
predicted party's mention spans overlaps the argument's characters. Each role's accuracy is over
the found events whose gold has an argument in that role.

Role mapping (RAMS role name -> sanctrace role):
- giver: `giver`; for transport events `transporter` and `origin` (the sender and where the
  goods come from), except in `receiveimport` / `grantentry`, where the transporter imports;
- recipient: `recipient` or `beneficiary`; for transport events `destination`, and the
  transporter in `receiveimport` / `grantentry`;
- artifact (`items`): `artifact` or `money`;
- in `transfermoney.purchase` ("X bought Y from Z": the money goes from X to Z) RAMS giver and
  recipient swap, as sanctrace reports the goods, which go from Z to X (the beneficiary, the
  buyer's side, stays a recipient).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from sanctrace.model import AnalysedDocument, Document, Span, Transfer
from sanctrace.pipeline import Analyzer

FAMILIES = (
    "transaction.transferownership.",
    "transaction.transfermoney.",
    "movement.transportartifact.",
)
SKIPPED = {
    "embargosanction",
    "fall",
    "hide",
    "disperseseparate",
    "nonviolentthrowlaunch",
    "preventexit",
    "prevententry",
}
#: Money paid for a purchase: its giver is the buyer, who gets the goods sanctrace reports.
BUYING_MONEY = "transaction.transfermoney.purchase"
#: Transport subtypes whose transporter is the one that takes the goods in.
IMPORTING = {"receiveimport", "grantentry"}
DEV_EVENTS = 122
ROLES = ("giver", "recipient", "artifact")
#: Party id -> the spans where the document mentions the party.
Mentions = dict[str, list[Span]]
HOW_TO_GET = (
    "{path} is missing: fetch the repository LWL-cpu/SCPRG-master and write its file "
    "data/rams/dev.jsonlines there (git --git-dir=REPO show HEAD:data/rams/dev.jsonlines)."
)


@dataclass(slots=True)
class Event:
    """One RAMS transfer event with its document text and gold arguments as character spans."""

    doc_key: str
    type: str
    trigger: Span
    sentence: str
    document: Document
    gold: dict[str, list[Span]] = field(default_factory=dict)


def sanctrace_role(event_type: str, rams_role: str) -> str | None:
    """The sanctrace role a RAMS role name (`evt139arg01giver`) stands for, if any."""
    name = rams_role.split("arg", 1)[1][2:]
    if name in ("giver", "recipient"):
        swap = event_type == BUYING_MONEY
        return {"giver": "recipient", "recipient": "giver"}[name] if swap else name
    if name == "beneficiary":
        return "recipient"
    if name in ("artifact", "money"):
        return "artifact"
    if name == "transporter":
        return "recipient" if event_type.split(".")[2] in IMPORTING else "giver"
    return {"origin": "giver", "destination": "recipient"}.get(name)


def is_transfer(event_type: str) -> bool:
    return event_type.startswith(FAMILIES) and event_type.split(".")[2] not in SKIPPED


def token_offsets(tokens: list[str]) -> list[tuple[int, int]]:
    """Character (start, end) of each token in the tokens joined by single spaces."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return offsets


def char_span(text: str, offsets: list[tuple[int, int]], first: int, last: int) -> Span:
    """The characters of tokens `first` to `last` (inclusive, as RAMS counts them)."""
    start, end = offsets[first][0], offsets[last][1]
    return Span(text[start:end], start, end)


def read_events(path: Path) -> Iterator[Event]:
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        tokens = [token for sentence in record["sentences"] for token in sentence]
        text = " ".join(tokens)
        offsets = token_offsets(tokens)
        document = Document(text=text, input=f"{path}:{record['doc_key']}", id=record["doc_key"])
        for first, last, types in record["evt_triggers"]:
            event_type = types[0][0]
            if not is_transfer(event_type):
                continue
            event = Event(
                record["doc_key"],
                event_type,
                char_span(text, offsets, first, last),
                sentence_of(record["sentences"], first),
                document,
            )
            for (trigger_first, _), (arg_first, arg_last), role in record["gold_evt_links"]:
                mapped = sanctrace_role(event_type, role)
                if trigger_first == first and mapped:
                    argument = char_span(text, offsets, arg_first, arg_last)
                    event.gold.setdefault(mapped, []).append(argument)
            yield event


def sentence_of(sentences: list[list[str]], token: int) -> str:
    for sentence in sentences:
        if token < len(sentence):
            return " ".join(sentence)
        token -= len(sentence)
    raise ValueError("trigger token beyond the document")


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def content_words(text: str) -> set[str]:
    words = ("".join(c for c in word if c.isalnum()) for word in text.lower().split())
    return {word for word in words if word and word not in STOP_WORDS}


def matching_transfers(event: Event, analysed: AnalysedDocument) -> list[Transfer]:
    return [
        transfer
        for transfer in analysed.transfers
        if any(overlaps(event.trigger, s) for s in [transfer.evidence, *transfer.also_evidence])
    ]


def role_right(event: Event, role: str, transfers: list[Transfer], mentions: Mentions) -> bool:
    """Whether any found transfer fills `role` with words or a mention of a gold argument."""
    for gold in event.gold[role]:
        words = content_words(gold.text)
        for transfer in transfers:
            if role == "artifact":
                if any(words & content_words(item.text) for item in transfer.items):
                    return True
                continue
            ref = transfer.giver if role == "giver" else transfer.recipient
            if ref is None:
                continue
            if words & content_words(ref.name):
                return True
            if any(overlaps(gold, span) for span in mentions[ref.party]):
                return True
    return False


def predicted(transfer: Transfer) -> dict[str, object]:
    return {
        "giver": transfer.giver.name if transfer.giver else None,
        "recipient": transfer.recipient.name if transfer.recipient else None,
        "items": [item.text for item in transfer.items],
        "evidence": transfer.evidence.text,
    }


def score(event: Event, analysed: AnalysedDocument) -> dict[str, object]:
    """One event's detail line: found, and right / wrong / absent (None) for each role."""
    transfers = matching_transfers(event, analysed)
    mentions = {party.id: party.mentions for party in analysed.parties}
    judged = {role for role in ROLES if transfers and role in event.gold}
    right = {
        role: role_right(event, role, transfers, mentions) if role in judged else None
        for role in ROLES
    }
    return {
        "doc_key": event.doc_key,
        "trigger": event.trigger.text,
        "type": event.type,
        "found": bool(transfers),
        "right": right,
        "gold": {role: [s.text for s in event.gold.get(role, [])] for role in ROLES},
        "predicted": [predicted(transfer) for transfer in transfers],
        "sentence": event.sentence,
    }


def summary(details: list[dict]) -> dict[str, object]:
    found = [d for d in details if d["found"]]
    result: dict[str, object] = {
        "events": len(details),
        "found": len(found),
        "recall": round(len(found) / len(details), 3) if details else 0.0,
    }
    for role in ROLES:
        judged = [d["right"][role] for d in found if d["right"][role] is not None]
        result[role] = {
            "events": len(judged),
            "right": sum(judged),
            "accuracy": round(sum(judged) / len(judged), 3) if judged else None,
        }
    return result


def table(result: dict) -> str:
    rows = [
        "| measure | events | right | value |",
        "| --- | --- | --- | --- |",
        f"| event recall | {result['events']} | {result['found']} | {result['recall']} |",
    ]
    for role in ROLES:
        cell = result[role]
        rows.append(
            f"| {role} accuracy (found events) | {cell['events']} | {cell['right']} "
            f"| {cell['accuracy']} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a RAMS .jsonlines file (the dev split)")
    parser.add_argument("--json", action="store_true", help="print a JSON summary instead")
    parser.add_argument("--details", type=Path, help="write one JSON line per event here")
    args = parser.parse_args()
    if not args.path.is_file():
        sys.exit(HOW_TO_GET.format(path=args.path))
    events = list(read_events(args.path))
    if args.path.name == "dev.jsonlines" and len(events) != DEV_EVENTS:
        sys.exit(f"Expected {DEV_EVENTS} transfer events in the dev split, read {len(events)}.")
    analysis = Analyzer(model=None, screener=None).analyze([e.document for e in events])
    details = [score(e, a) for e, a in zip(events, analysis.documents, strict=True)]
    if args.details:
        lines = (json.dumps(d, ensure_ascii=False) for d in details)
        args.details.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = summary(details)
    print(json.dumps(result, indent=2) if args.json else table(result))


if __name__ == "__main__":
    main()
