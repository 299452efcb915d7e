"""Measure the analyser against gold files (the contract's "Gold files" section).

`score` is a pure function of gold lines and contract JSON; `evaluate` runs
the analyser over gold files first; `render` prints the result.
"""

from sanctrace.evaluation.gold import (
    GoldDocument,
    GoldFileError,
    GoldTransfer,
    parse_gold,
    read_gold,
)
from sanctrace.evaluation.run import Evaluation, evaluate
from sanctrace.evaluation.scoring import (
    ATTRIBUTES,
    DocumentScore,
    EvalReport,
    Tally,
    dates_agree,
    score,
    score_gold,
)

__all__ = [
    "ATTRIBUTES",
    "DocumentScore",
    "EvalReport",
    "Evaluation",
    "GoldDocument",
    "GoldFileError",
    "GoldTransfer",
    "Tally",
    "dates_agree",
    "evaluate",
    "parse_gold",
    "read_gold",
    "score",
    "score_gold",
]
