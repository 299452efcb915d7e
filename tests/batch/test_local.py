"""`sanctrace batch` on local worker processes: same output as `analyze`, bad input recorded."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from sanctrace.batch.output import ERRORS, LEDGER
from sanctrace.pipeline import Analyzer

from .helpers import analyzed, batch_output


def test_batch_two_workers_give_what_analyze_gives_and_record_bad_input(
    invoke: Callable[..., Result],
    analyzer: Analyzer,
    corpus: Path,
    bad_inputs: list[Path],
    tmp_path: Path,
) -> None:
    inputs = [str(corpus), *map(str, bad_inputs)]
    out = tmp_path / "out"
    args = ["batch", *inputs, "--out", str(out), "--workers", "2", "--partition-size", "5"]
    result = invoke([*args, "--no-screen"])
    assert result.exit_code == 0, result.output
    expected = analyzed(analyzer, inputs)
    assert sum(len(d["transfers"]) for d in expected) > 0  # type: ignore[arg-type]
    assert batch_output(out) == expected
    errors = [json.loads(line) for line in (out / ERRORS).read_text("utf-8").splitlines()]
    assert [e["input"] for e in errors] == [
        f"{bad_inputs[0]}:2",
        str(bad_inputs[1]),
        str(bad_inputs[2]),
        str(bad_inputs[3]),
    ]
    assert all(e["error"].count(". ") == 0 and e["error"].endswith(".") for e in errors)
    assert "cut short" in errors[1]["error"]
    assert "Traceback" not in result.output

    again = invoke([*args, "--no-screen"])
    assert again.exit_code == 0, again.output
    assert "0 documents analysed" in again.output
    assert batch_output(out) == expected
    ledger = (out / LEDGER).read_text("utf-8").splitlines()
    assert len(ledger) == len({json.loads(line)["partition"] for line in ledger})


def test_batch_other_inputs_in_a_used_folder_is_one_sentence(
    invoke: Callable[..., Result], corpus: Path, bad_inputs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out).mkdir()
    (out / "job.json").write_text('{"inputs": ["elsewhere"]}\n', encoding="utf-8")
    result = invoke(["batch", str(corpus), "--out", str(out), "--no-screen"])
    assert result.exit_code == 1
    assert "holds the output of another batch" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_batch_bad_published_is_one_sentence(
    invoke: Callable[..., Result], corpus: Path, tmp_path: Path
) -> None:
    result = invoke(["batch", str(corpus), "--out", str(tmp_path), "--published", "soon"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1


def test_batch_model_that_cannot_load_is_one_sentence(
    invoke: Callable[..., Result], corpus: Path, tmp_path: Path
) -> None:
    args = ["batch", str(corpus), "--out", str(tmp_path), "--workers", "1", "--no-screen"]
    result = invoke([*args, "--model", "no_such_pipeline"])
    assert result.exit_code == 1
    assert "no_such_pipeline" in result.output
    assert len(result.output.strip().splitlines()) == 1
