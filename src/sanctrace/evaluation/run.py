"""`evaluate`: analyse the documents of gold files and score the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sanctrace.evaluation.gold import GoldEntry, read_gold
from sanctrace.evaluation.scoring import EvalReport, Tally, score_gold
from sanctrace.model import InputError


@dataclass(slots=True)
class Evaluation:
    report: EvalReport
    #: Gold lines or files that could not be read or analysed; the rest were scored.
    errors: list[InputError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The report's JSON object with an "errors" list, as `sanctrace eval --json` prints."""
        errors = [{"input": error.input, "error": error.error} for error in self.errors]
        return {**self.report.to_dict(), "errors": errors}


def evaluate(paths: Sequence[str], model: str | None = None) -> Evaluation:
    """Run the analyser over every good gold line in `paths` and score it.

    paths: gold .jsonl files, or directories holding them.
    model: the spaCy pipeline to analyse with (default: the analyser's).
    Bad lines become errors and the others are still scored; the model is
    loaded only when at least one gold line was read.
    Raises SanctraceError when the analyser cannot start (e.g. a missing model).
    """
    entries: list[GoldEntry] = []
    errors: list[InputError] = []
    for item in read_gold(paths):
        (errors if isinstance(item, InputError) else entries).append(item)
    if not entries:
        return Evaluation(EvalReport([], Tally()), errors)

    from sanctrace.export.contract import to_contract
    from sanctrace.pipeline import Analyzer

    analysis = Analyzer(model=model).analyze(entry.document for entry in entries)
    errors.extend(analysis.errors)
    report = score_gold([entry.gold for entry in entries], to_contract(analysis))
    return Evaluation(report, errors)
