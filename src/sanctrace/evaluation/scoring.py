"""Score an analysis against gold files, as the contract's "Gold files" section says.

Pure functions over plain data: the gold lines and the contract JSON of
`sanctrace analyze`. Choices the contract leaves open, made here once:

- Transfers: a prediction pairs with a gold transfer when its evidence span
  overlaps an occurrence of one of the gold evidence strings and their item
  tags (the union over items) share a tag. Pairs form a maximum matching that
  first maximises matched non-optional gold transfers, then optional ones. A
  prediction left unpaired is a false positive (a "duplicate" when it could
  only have paired with a gold transfer already taken). A prediction paired
  with an optional gold transfer counts neither way.
- Findings: right when the instrument's resolution number (its first run of
  digits) is in the paired gold transfer's `un_instruments`. Findings on
  predictions paired with optional gold transfers count in precision, right
  or false by the same rule: a finding stated is a claim to be checked,
  whatever the transfer's status. Recall counts the non-optional gold
  transfers with instruments whose prediction carries a right finding.
- Attributes are compared over pairs with non-optional gold transfers. Dates
  agree when one is a prefix of the other in whole units ("2022" and
  "2022-06"); a gold null agrees with no date or a publication-date fallback.
- A rate whose denominator is zero is None (shown as "n/a"); F1 is None
  unless both precision and recall are defined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from sanctrace.evaluation.gold import GoldDocument, GoldTransfer, parse_gold
from sanctrace.evaluation.matching import maximum_matching

#: The transfer fields compared over matched pairs, in report order.
ATTRIBUTES = ("giver_country", "recipient_country", "date", "certainty", "outcome")

_NUMBER = re.compile(r"\d+")


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(slots=True)
class TransferCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    #: Predictions paired with optional gold transfers: counted neither way.
    optional: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)


@dataclass(slots=True)
class FindingCounts:
    right: int = 0
    false: int = 0
    #: Non-optional gold transfers with at least one UN instrument.
    expected: int = 0
    #: Of those, the ones whose prediction carries a right finding.
    found: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.right, self.right + self.false)

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.expected)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)


@dataclass(slots=True)
class Agreement:
    agree: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return ratio(self.agree, self.total)


@dataclass(slots=True)
class Tally:
    """Counts for one document or for the whole set; rates derive from them."""

    transfers: TransferCounts = field(default_factory=TransferCounts)
    findings: FindingCounts = field(default_factory=FindingCounts)
    attributes: dict[str, Agreement] = field(
        default_factory=lambda: {name: Agreement() for name in ATTRIBUTES}
    )

    def add(self, other: Tally) -> None:
        for mine, theirs in (
            (self.transfers, other.transfers),
            (self.findings, other.findings),
            *((self.attributes[name], other.attributes[name]) for name in ATTRIBUTES),
        ):
            for counter in fields(mine):
                name = counter.name
                setattr(mine, name, getattr(mine, name) + getattr(theirs, name))

    def to_dict(self) -> dict[str, Any]:
        t, f = self.transfers, self.findings
        return {
            "transfers": {
                "tp": t.tp,
                "fp": t.fp,
                "fn": t.fn,
                "optional": t.optional,
                "precision": t.precision,
                "recall": t.recall,
                "f1": t.f1,
            },
            "findings": {
                "right": f.right,
                "false": f.false,
                "expected": f.expected,
                "found": f.found,
                "precision": f.precision,
                "recall": f.recall,
                "f1": f.f1,
            },
            "attributes": {
                name: {"agree": a.agree, "total": a.total, "accuracy": a.accuracy}
                for name, a in self.attributes.items()
            },
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """A non-optional gold transfer no prediction paired with."""

    gold: int
    giver: str | None
    recipient: str | None
    item_tags: list[str]
    evidence: str


@dataclass(frozen=True, slots=True)
class FalsePositive:
    transfer: str
    evidence: str
    tags: list[str]
    #: True when it could only pair with a gold transfer another prediction took.
    duplicate: bool


@dataclass(frozen=True, slots=True)
class FalseFinding:
    transfer: str
    instrument: str
    evidence: str
    gold: int | None  # the paired gold transfer, if any


@dataclass(frozen=True, slots=True)
class Disagreement:
    gold: int
    transfer: str
    attribute: str
    expected: str | None
    predicted: str | None
    evidence: str


@dataclass(slots=True)
class DocumentScore:
    id: str | None
    input: str | None
    #: False when the analysis holds no document for this gold line.
    analysed: bool
    tally: Tally
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    false_findings: list[FalseFinding] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "input": self.input,
            "analysed": self.analysed,
            **self.tally.to_dict(),
            "misses": [asdict(miss) for miss in self.misses],
            "false_positives": [asdict(fp) for fp in self.false_positives],
            "false_findings": [asdict(finding) for finding in self.false_findings],
            "disagreements": [asdict(d) for d in self.disagreements],
        }


@dataclass(slots=True)
class EvalReport:
    documents: list[DocumentScore]
    total: Tally

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": [document.to_dict() for document in self.documents],
            "total": self.total.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class _Prediction:
    """The parts of a contract transfer the scorer reads."""

    id: str
    start: int
    end: int
    evidence: str
    tags: frozenset[str]
    instruments: tuple[str, ...]
    values: dict[str, str | None]
    date_basis: str | None


def score(gold_documents: list[dict[str, Any]], predicted: dict[str, Any]) -> EvalReport:
    """Score the contract JSON `predicted` against parsed gold lines.

    gold_documents: gold lines as JSON objects (id, text, gold). A line with
        an "input" key ("path:N") pairs with the predicted document of that
        input, otherwise with the one of the same id.
    predicted: the object `sanctrace analyze --format json` printed for them.
    Raises GoldFileError when a gold line is malformed.
    """
    return score_gold(
        [
            parse_gold(record, str(record.get("input") or record.get("id") or f"gold line {n}"))
            for n, record in enumerate(gold_documents, 1)
        ],
        predicted,
    )


def score_gold(gold_documents: Sequence[GoldDocument], predicted: dict[str, Any]) -> EvalReport:
    """`score` for gold lines already checked by `parse_gold`."""
    by_input = {document["input"]: document for document in predicted["documents"]}
    by_id: dict[str, dict[str, Any]] = {}
    for document in predicted["documents"]:
        by_id.setdefault(document["id"], document)
    documents = []
    total = Tally()
    for gold in gold_documents:
        found = by_input.get(gold.input) if gold.input else by_id.get(gold.id or "")
        result = _score_document(gold, found)
        total.add(result.tally)
        documents.append(result)
    return EvalReport(documents, total)


def _score_document(gold: GoldDocument, document: dict[str, Any] | None) -> DocumentScore:
    predictions = [_prediction(t) for t in document["transfers"]] if document else []
    result = DocumentScore(gold.id, gold.input, document is not None, Tally())
    candidates = [[i for i, p in enumerate(predictions) if _fits(g, p)] for g in gold.transfers]
    order = sorted(range(len(gold.transfers)), key=lambda i: gold.transfers[i].optional)
    pairs = maximum_matching(candidates, order)
    paired_gold = {p: gold.transfers[g] for g, p in pairs.items()}
    counts, findings = result.tally.transfers, result.tally.findings

    for index, prediction in enumerate(predictions):
        partner = paired_gold.get(index)
        if partner is None:
            counts.fp += 1
            duplicate = any(index in options for options in candidates)
            result.false_positives.append(
                FalsePositive(
                    prediction.id, prediction.evidence, sorted(prediction.tags), duplicate
                )
            )
        elif partner.optional:
            counts.optional += 1
        for instrument in prediction.instruments:
            if partner is not None and _resolution(instrument) in partner.un_instruments:
                findings.right += 1
            else:
                findings.false += 1
                number = None if partner is None else partner.number
                result.false_findings.append(
                    FalseFinding(prediction.id, instrument, prediction.evidence, number)
                )

    for index, transfer in enumerate(gold.transfers):
        if transfer.optional:
            continue
        prediction = predictions[pairs[index]] if index in pairs else None
        if transfer.un_instruments:
            findings.expected += 1
            if prediction is not None and any(
                _resolution(i) in transfer.un_instruments for i in prediction.instruments
            ):
                findings.found += 1
        if prediction is None:
            counts.fn += 1
            result.misses.append(
                Miss(
                    transfer.number,
                    transfer.giver,
                    transfer.recipient,
                    sorted(transfer.item_tags),
                    transfer.evidence[0],
                )
            )
        else:
            counts.tp += 1
            _compare(transfer, prediction, result)
    return result


def _compare(gold: GoldTransfer, prediction: _Prediction, result: DocumentScore) -> None:
    for name in ATTRIBUTES:
        expected = getattr(gold, name)
        predicted = prediction.values[name]
        if name == "date":
            agrees = dates_agree(expected, predicted, prediction.date_basis)
        else:
            agrees = expected == predicted
        agreement = result.tally.attributes[name]
        agreement.total += 1
        if agrees:
            agreement.agree += 1
        else:
            result.disagreements.append(
                Disagreement(
                    gold.number, prediction.id, name, expected, predicted, prediction.evidence
                )
            )


def dates_agree(gold: str | None, value: str | None, basis: str | None) -> bool:
    """Whether a predicted date (value, basis) agrees with a gold date.

    Dates agree when they are equal up to the coarser one's precision; a gold
    null agrees with no date and with the publication-date fallback.
    """
    if gold is None:
        return value is None or basis == "published"
    if value is None:
        return False
    expected, got = gold.split("-"), value.split("-")
    shared = min(len(expected), len(got))
    return expected[:shared] == got[:shared]


def _fits(gold: GoldTransfer, prediction: _Prediction) -> bool:
    return bool(gold.item_tags & prediction.tags) and any(
        prediction.start < end and start < prediction.end for start, end in gold.spans
    )


def _resolution(instrument: str) -> str | None:
    """The resolution number of an instrument: "UNSCR 2397 (2017)" -> "2397"."""
    found = _NUMBER.search(instrument)
    return found.group() if found else None


def _prediction(transfer: dict[str, Any]) -> _Prediction:
    evidence = transfer["evidence"]
    date = transfer.get("date") or {}
    giver, recipient = transfer.get("giver") or {}, transfer.get("recipient") or {}
    return _Prediction(
        id=transfer["id"],
        start=evidence["start"],
        end=evidence["end"],
        evidence=evidence["text"],
        tags=frozenset(tag for item in transfer["items"] for tag in item["tags"]),
        instruments=tuple(finding["instrument"] for finding in transfer.get("findings", [])),
        values={
            # Gold gives a country for a party the text does not name ("a cargo of Russian
            # crude arrived at Havana"): where the goods came from, the transfer's
            # `origin`, and where they went, its `destination`.
            "giver_country": giver.get("country") if giver else transfer.get("origin"),
            "recipient_country": (
                recipient.get("country") if recipient else transfer.get("destination")
            ),
            "date": date.get("value"),
            "certainty": transfer.get("certainty"),
            "outcome": transfer.get("outcome"),
        },
        date_basis=date.get("basis"),
    )
