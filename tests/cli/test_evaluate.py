"""`sanctrace eval` through the command line (CliRunner) on a small gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from sanctrace.cli.evaluate import register
from sanctrace.documents import load_inputs
from sanctrace.evaluation import EvalReport, score
from sanctrace.evaluation.render import summary_lines
from sanctrace.export.contract import to_contract
from sanctrace.pipeline import Analyzer

from .apps import command_app

RUNNER = CliRunner()

FUEL = (
    "A Russian company shipped 2,000 tonnes of refined petroleum products to North Korea "
    "last month, according to ship-tracking data reviewed by analysts"
)
WATCHES = "German customs officers seized a shipment of luxury watches bound for Pyongyang"
SOY = "Brazil exported a record volume of soybeans to China in the first quarter"

GOLD_LINES = [
    {
        "id": "fuel",
        "published": "2023-03-03",
        "text": f"VLADIVOSTOK, March 3 — {FUEL}. The tanker switched off its transponder "
        "before it entered North Korean waters. Officials in Moscow did not answer "
        "questions about the voyage.",
        "gold": {
            "transfers": [
                {
                    "giver": "A Russian company",
                    "giver_country": "ru",
                    "recipient": "North Korea",
                    "recipient_country": "kp",
                    "item_tags": ["petroleum_refined"],
                    "date": "2023-02",
                    "certainty": "reported",
                    "outcome": "completed",
                    "un_instruments": ["2375", "2397"],
                    "optional": False,
                    "evidence": [FUEL],
                }
            ],
            "notes": "The transponder sentence is no transfer.",
        },
    },
    {
        "id": "watches",
        "published": "2024-05-10",
        "text": f"HAMBURG — {WATCHES} at the port on Tuesday, prosecutors said. The watches "
        "had been ordered by a trading firm in Dandong. Fans of the local football club "
        "celebrated a late win over the weekend.",
        "gold": {
            "transfers": [
                {
                    "giver": None,
                    "giver_country": None,
                    "recipient": "Pyongyang",
                    "recipient_country": "kp",
                    "item_tags": ["luxury", "watch"],
                    "date": "2024-05-07",
                    "certainty": "reported",
                    "outcome": "prevented",
                    "un_instruments": ["1718"],
                    "optional": False,
                    "evidence": [WATCHES],
                }
            ],
            "notes": "",
        },
    },
    {
        "id": "soy",
        "published": "2024-04-15",
        "text": f"{SOY}, the agriculture ministry said on Monday. Prices rose on strong "
        "demand from feed mills.",
        "gold": {
            "transfers": [
                {
                    "giver": "Brazil",
                    "giver_country": "br",
                    "recipient": "China",
                    "recipient_country": "cn",
                    "item_tags": ["food"],
                    "date": "2024",
                    "certainty": "reported",
                    "outcome": "completed",
                    "un_instruments": [],
                    "optional": False,
                    "evidence": [SOY],
                }
            ],
            "notes": "Legal trade: no finding.",
        },
    },
]


@pytest.fixture
def app() -> typer.Typer:
    """A bare application with only the `eval` command, as the real one registers it."""
    return command_app(register)


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.gold.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in GOLD_LINES), encoding="utf-8")
    return path


def _expected(path: Path) -> EvalReport:
    """score() over the contract JSON that analysing the same file gives."""
    gold = [
        {**json.loads(line), "input": f"{path}:{n}"}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    ]
    return score(gold, to_contract(Analyzer().analyze(load_inputs([str(path)]))))


def _run(app: typer.Typer, *args: str) -> Result:
    return RUNNER.invoke(app, ["eval", *args])


def test_evaluate_json_equals_score_on_the_same_input(app, gold_file):
    result = _run(app, str(gold_file), "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed == {**_expected(gold_file).to_dict(), "errors": []}
    assert [document["id"] for document in printed["documents"]] == ["fuel", "watches", "soy"]


def test_evaluate_plain_output_ends_with_the_total_summary(app, gold_file):
    result = _run(app, str(gold_file))
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip("\n").splitlines()
    assert lines[-6:] == summary_lines(_expected(gold_file))
    for document_id in ("fuel", "watches", "soy"):
        assert document_id in result.stdout


def test_evaluate_details_list_every_miss_and_false_positive(app, gold_file):
    result = _run(app, str(gold_file), "--details")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    expected = _expected(gold_file)
    sentences = [
        item.evidence
        for document in expected.documents
        for item in (*document.misses, *document.false_positives)
    ]
    for sentence in sentences:
        assert " ".join(sentence.split()) in flat


def test_evaluate_bad_lines_are_reported_and_the_rest_scored(app, tmp_path):
    path = tmp_path / "mixed.gold.jsonl"
    good = json.dumps(GOLD_LINES[2])
    no_gold = json.dumps({"id": "x", "text": "Coal left Nampo for Ningbo."})
    path.write_text(f"{{broken\n{no_gold}\n{good}\n", encoding="utf-8")
    result = _run(app, str(path), "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert [document["input"] for document in printed["documents"]] == [f"{path}:3"]
    assert [error["input"] for error in printed["errors"]] == [f"{path}:1", f"{path}:2"]
    assert "is not valid JSON" in printed["errors"][0]["error"]
    assert 'has no "gold" object' in printed["errors"][1]["error"]
    assert "Traceback" not in result.output


def test_evaluate_missing_file_is_one_sentence_and_a_failure(app, tmp_path):
    missing = tmp_path / "nowhere.gold.jsonl"
    result = _run(app, str(missing))
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())  # Rich wraps long lines
    assert f"{missing} does not exist" in said
    assert "No gold document could be read" in said
    assert result.stdout == "" and "Traceback" not in result.output
