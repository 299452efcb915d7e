"""Helpers of the batch tests: what `analyze` gives, what a batch wrote."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sanctrace.documents import load_inputs
from sanctrace.export.contract import to_contract
from sanctrace.pipeline import Analyzer

#: The installed console script, beside this interpreter.
SANCTRACE = Path(sys.executable).with_name("sanctrace")


def analyzed(analyzer: Analyzer, paths: list[str]) -> list[dict[str, object]]:
    """What `analyze` (without screening) gives for these inputs, as contract documents."""
    documents: list[dict[str, object]] = to_contract(analyzer.analyze(load_inputs(paths)))[
        "documents"
    ]
    return documents


def batch_output(out: Path) -> list[dict[str, object]]:
    """The documents of every part file, in partition order."""
    return [
        json.loads(line)
        for part in sorted(out.glob("part-*.jsonl"))
        for line in part.read_text("utf-8").splitlines()
    ]
