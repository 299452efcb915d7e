"""Gold files: JSON lines whose documents carry the transfers a reader expects.

The format is the "Gold files" section of the analysis contract. Each line is
also a valid `.jsonl` input, so the document half is read by the input
layer's own line parser and only the `gold` object is checked here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sanctrace.documents.discovery import expand, suffix
from sanctrace.documents.jsonl import parse_line
from sanctrace.documents.problems import UnreadableInput
from sanctrace.errors import InputProblem
from sanctrace.model import TAGS, Document, InputError

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_KNOWN_TAGS = frozenset(TAGS)


class GoldFileError(InputProblem):
    """A gold line is missing its `gold` object or has a malformed gold transfer."""


@dataclass(frozen=True, slots=True)
class GoldTransfer:
    """One expected transfer, with every place in the text that states it."""

    number: int  # position in the line's gold list, from 1, to name it in reports
    giver: str | None
    giver_country: str | None
    recipient: str | None
    recipient_country: str | None
    item_tags: frozenset[str]
    date: str | None
    certainty: str | None
    outcome: str | None
    un_instruments: frozenset[str]
    optional: bool
    evidence: tuple[str, ...]
    #: (start, end) of every occurrence of every evidence string in the text.
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str | None
    input: str | None  # "path:N" where it was read from a file
    text: str
    transfers: tuple[GoldTransfer, ...]
    notes: str | None


@dataclass(frozen=True, slots=True)
class GoldEntry:
    """One good gold line: the document to analyse and what it should yield."""

    document: Document
    gold: GoldDocument


def parse_gold(record: dict[str, Any], where: str) -> GoldDocument:
    """Check one parsed gold line and return its typed form.

    record: the line's JSON object (`text` and `gold` required).
    where: how errors name the line, e.g. "dev.gold.jsonl:3".
    Raises GoldFileError with one sentence naming the line and the fault.
    """
    text = record.get("text")
    if not isinstance(text, str):
        raise GoldFileError(f'{where} has no "text" string; a gold line needs the article text.')
    gold = record.get("gold")
    transfers = gold.get("transfers") if isinstance(gold, dict) else None
    if not isinstance(transfers, list):
        raise GoldFileError(
            f'{where} has no "gold" object with a "transfers" list; '
            'add {"gold": {"transfers": [...]}} (an empty list where nothing should be found).'
        )
    notes = gold.get("notes")
    return GoldDocument(
        id=None if record.get("id") is None else str(record["id"]),
        input=record.get("input"),
        text=text,
        transfers=tuple(
            _transfer(entry, text, f"{where} gold transfer {number}", number)
            for number, entry in enumerate(transfers, 1)
        ),
        notes=notes if isinstance(notes, str) else None,
    )


def read_gold(paths: Sequence[str]) -> Iterator[GoldEntry | InputError]:
    """Yield every gold line of the given files (or directories of .jsonl files).

    Lines are named "path:N" exactly as `sanctrace analyze` names them, N
    counting every line from 1. A bad line or file yields one InputError and
    reading goes on.
    """
    for path in paths:
        for found in expand(path):
            if isinstance(found, InputError):
                yield found
            elif suffix(found) != ".jsonl":
                yield InputError(
                    found, f"{found} is not a .jsonl file; give gold files in JSON lines."
                )
            else:
                yield from _read_file(found)


def _read_file(path: str) -> Iterator[GoldEntry | InputError]:
    empty = True
    try:
        with open(path, "rb") as stream:
            for number, line in enumerate(stream, 1):
                if line.strip():
                    empty = False
                    yield _entry(line, f"{path}:{number}")
    except OSError as error:
        yield InputError(path, f"{path} cannot be read ({error.strerror}); check its permissions.")
        return
    if empty:
        yield InputError(path, f"{path} holds no gold lines; write one JSON object per line.")


def _entry(line: bytes, where: str) -> GoldEntry | InputError:
    try:
        document = parse_line(line, where)
        record = json.loads(line)  # valid: parse_line has just read it
        record["input"] = where
        return GoldEntry(document, parse_gold(record, where))
    except (UnreadableInput, GoldFileError) as problem:
        return InputError(where, str(problem))


def _transfer(entry: Any, text: str, where: str, number: int) -> GoldTransfer:
    if not isinstance(entry, dict):
        raise GoldFileError(f"{where} is not a JSON object; write each transfer as an object.")
    tags = _strings(entry, "item_tags", where, required=True)
    unknown = sorted(set(tags) - _KNOWN_TAGS)
    if unknown:
        raise GoldFileError(
            f"{where} has unknown item tags {', '.join(unknown)}; use tags from the contract."
        )
    evidence = _strings(entry, "evidence", where, required=True)
    spans = []
    for quote in evidence:
        found = _occurrences(text, quote)
        if not found:
            raise GoldFileError(
                f"{where} has evidence not found in the text ({quote[:60]!r}); "
                "quote the text exactly."
            )
        spans.extend(found)
    date = _optional_string(entry, "date", where)
    if date is not None and not _DATE.fullmatch(date):
        raise GoldFileError(f'{where} has date "{date}"; write YYYY, YYYY-MM or YYYY-MM-DD.')
    optional = entry.get("optional", False)
    if not isinstance(optional, bool):
        raise GoldFileError(f'{where} has a non-boolean "optional"; write true or false.')
    return GoldTransfer(
        number=number,
        giver=_optional_string(entry, "giver", where),
        giver_country=_optional_string(entry, "giver_country", where),
        recipient=_optional_string(entry, "recipient", where),
        recipient_country=_optional_string(entry, "recipient_country", where),
        item_tags=frozenset(tags),
        date=date,
        certainty=_optional_string(entry, "certainty", where),
        outcome=_optional_string(entry, "outcome", where),
        un_instruments=frozenset(_strings(entry, "un_instruments", where, required=False)),
        optional=optional,
        evidence=tuple(evidence),
        spans=tuple(sorted(set(spans))),
    )


def _strings(entry: dict[str, Any], key: str, where: str, required: bool) -> list[str]:
    value = entry.get(key, None if required else [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GoldFileError(f'{where} needs "{key}" as a list of non-empty strings.')
    if required and not value:
        raise GoldFileError(f'{where} has an empty "{key}" list; give at least one.')
    return value


def _optional_string(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise GoldFileError(f'{where} has a non-string "{key}"; write a string or null.')
    return value


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) where `quote` occurs in `text`, overlapping ones included."""
    found = []
    start = text.find(quote)
    while start >= 0:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found
