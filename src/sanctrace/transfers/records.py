"""Transfers told field by field: "Goods: 40 rifles. Supplier: Belkom. Recipient: ...".

Annexes, customs notices and court exhibits set a transfer out as a record of
labelled fields instead of a sentence with a verb. A paragraph whose sentences
open with the labels of the lexicon's `record_fields`, for goods and for at
least one party, is one record: each field's value is parsed on its own and
fills the role its label names (the extractor assembles the transfer), and the
paragraph's first date dates it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sanctrace.model import Span
from sanctrace.nlp.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled field: the role its label names, the label and the value."""

    role: str
    label: Span
    value: Span


@dataclass(frozen=True, slots=True)
class Record:
    """A paragraph of fields that tells one transfer."""

    paragraph: Span
    fields: tuple[Field, ...]

    def of(self, role: str) -> list[Field]:
        return [field for field in self.fields if field.role == role]


class RecordFinder:
    """Finds records by the field labels of the lexicon (label -> role)."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels
        words = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
        # A label opens a line or follows a sentence's end: "... 2024. Goods: ...".
        self._label = re.compile(rf"(?:^|(?<=[.;]\s))({words}):\s+", re.IGNORECASE | re.MULTILINE)

    def records(self, text: str) -> list[Record]:
        """The text's records, in text order; most texts have none and cost one search."""
        if self._label.search(text) is None:
            return []
        found = []
        for paragraph in _paragraphs(text):
            fields = tuple(self._fields(paragraph))
            roles = {field.role for field in fields}
            if "items" in roles and roles & {"giver", "recipient"}:
                found.append(Record(paragraph, fields))
        return found

    def _fields(self, paragraph: Span) -> Iterator[Field]:
        for sentence in split_sentences(paragraph.text):
            match = self._label.match(sentence.text)
            if match is None:
                continue
            start = paragraph.start + sentence.start
            label = match.group(1)
            value = sentence.text[match.end() :].rstrip(" .;")
            if value:
                yield Field(
                    self.labels[label.lower()],
                    Span(label, start, start + len(label)),
                    Span(value, start + match.end(), start + match.end() + len(value)),
                )


def _paragraphs(text: str) -> Iterator[Span]:
    """The text's paragraphs (runs between blank lines), as spans into it."""
    start = 0
    for gap in re.finditer(r"\n\s*\n", text):
        if text[start : gap.start()].strip():
            yield Span(text[start : gap.start()], start, gap.start())
        start = gap.end()
    if text[start:].strip():
        yield Span(text[start:], start, len(text))
