from rich.console import Console

from sanctrace.evaluation import score
from sanctrace.evaluation.render import render_report, summary_lines

from .helpers import gold_line, gold_transfer, predicted, predicted_transfer, sentence

LIMOUSINE = sentence("Russia sent")
COAL = sentence("China shipped")


def report():
    gold = [
        gold_line(
            [
                gold_transfer(
                    [LIMOUSINE], ["vehicle"], giver_country="ru", un_instruments=["2397"]
                ),
                gold_transfer([COAL], ["coal"]),
            ]
        )
    ]
    transfers = [
        predicted_transfer(
            LIMOUSINE, ["vehicle"], giver_country="cn", findings=("UNSCR 2397 (2017)",)
        ),
        predicted_transfer(sentence("The weather"), ["other"]),
    ]
    return score(gold, predicted(("d1", transfers)))


def test_render_summary_lines_state_the_totals():
    lines = summary_lines(report())
    assert lines == [
        "total over 1 documents: 2 gold transfers to find, 2 predicted (0 on optional ones)",
        "transfers P/R/F1 0.50 / 0.50 / 0.50 (tp 1, fp 1, fn 1)",
        "findings P/R/F1 1.00 / 1.00 / 1.00 (right 1, false 0; 1 of 1 breaches found)",
        "giver country acc 0.00 (0/1)",
        "recipient country acc 1.00 (1/1)",
        "date/certainty/outcome acc 1.00 (1/1) / 1.00 (1/1) / 1.00 (1/1)",
    ]


def test_render_output_ends_with_the_summary_and_lists_details():
    console = Console(record=True, width=200)
    render_report(report(), console, details=True)
    text = console.export_text()
    assert text.rstrip("\n").splitlines()[-6:] == summary_lines(report())
    assert f"miss: gold #2 [coal] ? -> ?: {COAL}" in text
    assert "false positive [other]: The weather in Seoul was mild." in text
    assert "giver_country on gold #1: expected ru, got cn" in text
