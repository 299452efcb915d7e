import pytest

from sanctrace.evaluation import GoldFileError, dates_agree, score
from sanctrace.evaluation.scoring import f1

from .helpers import (
    TEXT,
    gold_line,
    gold_transfer,
    predicted,
    predicted_transfer,
    sentence,
)

LIMOUSINE = sentence("Russia sent")
REACHED = sentence("The car reached")
COAL = sentence("China shipped")
WEATHER = sentence("The weather")


def test_scoring_overlapping_evidence_with_a_shared_tag_is_a_hit():
    gold = [gold_line([gold_transfer(["an armoured limousine to Kim"], ["vehicle", "luxury"])])]
    report = score(gold, predicted(("d1", [predicted_transfer(LIMOUSINE, ["luxury"])])))
    counts = report.total.transfers
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)


def test_scoring_partial_overlap_is_enough():
    gold = [gold_line([gold_transfer([LIMOUSINE], ["vehicle"])])]
    part = "Kim Jong Un in June 2023. The car"  # straddles the end of the gold span
    report = score(gold, predicted(("d1", [predicted_transfer(part, ["vehicle"])])))
    assert report.total.transfers.tp == 1


def test_scoring_evidence_elsewhere_is_a_false_positive_and_a_miss():
    gold = [gold_line([gold_transfer([LIMOUSINE], ["vehicle"])])]
    report = score(gold, predicted(("d1", [predicted_transfer(COAL, ["vehicle"])])))
    counts = report.total.transfers
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)
    assert counts.precision == 0.0 and counts.recall == 0.0 and counts.f1 == 0.0
    [document] = report.documents
    assert document.misses[0].evidence == LIMOUSINE
    assert document.false_positives[0].evidence == COAL
    assert not document.false_positives[0].duplicate


def test_scoring_adjacent_spans_do_not_overlap():
    gold = [gold_line([gold_transfer([LIMOUSINE], ["vehicle"])])]
    after = TEXT[TEXT.index(LIMOUSINE) + len(LIMOUSINE) :].strip()
    report = score(gold, predicted(("d1", [predicted_transfer(after, ["vehicle"])])))
    assert report.total.transfers.tp == 0


def test_scoring_needs_a_shared_tag():
    gold = [gold_line([gold_transfer([COAL], ["coal"])])]
    report = score(gold, predicted(("d1", [predicted_transfer(COAL, ["metals", "minerals"])])))
    assert (report.total.transfers.tp, report.total.transfers.fp) == (0, 1)


def test_scoring_any_listed_evidence_sentence_matches():
    gold = [gold_line([gold_transfer([LIMOUSINE, REACHED], ["vehicle"])])]
    report = score(gold, predicted(("d1", [predicted_transfer(REACHED, ["vehicle"])])))
    assert report.total.transfers.tp == 1


def test_scoring_every_occurrence_of_an_evidence_string_counts():
    text = "Coal went north. Officials denied it. Coal went north."
    gold = [gold_line([gold_transfer(["Coal went north."], ["coal"])], text=text)]
    second = {
        **predicted_transfer("Coal went north.", ["coal"], text=text),
        "evidence": {"text": "Coal went north.", "start": 38, "end": 54},
    }
    assert text[38:54] == "Coal went north."
    assert score(gold, predicted(("d1", [second]))).total.transfers.tp == 1


def test_scoring_second_prediction_of_one_transfer_is_a_duplicate():
    gold = [gold_line([gold_transfer([LIMOUSINE, REACHED], ["vehicle"])])]
    transfers = [
        predicted_transfer(LIMOUSINE, ["vehicle"]),
        predicted_transfer(REACHED, ["vehicle"]),
    ]
    report = score(gold, predicted(("d1", transfers)))
    counts = report.total.transfers
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)
    assert counts.precision == 0.5
    assert report.documents[0].false_positives[0].duplicate


def test_scoring_optional_transfers_count_neither_way():
    gold = [
        gold_line(
            [
                gold_transfer([LIMOUSINE], ["vehicle"], optional=True),
                gold_transfer([COAL], ["coal"], optional=True),
            ]
        )
    ]
    report = score(gold, predicted(("d1", [predicted_transfer(LIMOUSINE, ["vehicle"])])))
    counts = report.total.transfers
    assert (counts.tp, counts.fp, counts.fn, counts.optional) == (0, 0, 0, 1)
    assert counts.precision is None and counts.recall is None and counts.f1 is None
    assert report.documents[0].misses == []


def test_scoring_prefers_a_required_transfer_over_an_optional_one():
    gold = [
        gold_line(
            [
                gold_transfer([LIMOUSINE], ["vehicle"], optional=True),
                gold_transfer([LIMOUSINE], ["vehicle"]),
            ]
        )
    ]
    report = score(gold, predicted(("d1", [predicted_transfer(LIMOUSINE, ["vehicle"])])))
    counts = report.total.transfers
    assert (counts.tp, counts.fn, counts.optional) == (1, 0, 0)


def test_scoring_finds_the_maximal_assignment_where_greedy_fails():
    # The first gold transfer could take either prediction; greedy gives it the
    # first, which is the only one the second gold transfer fits.
    gold = [
        gold_line(
            [
                gold_transfer([LIMOUSINE, REACHED], ["vehicle"]),
                gold_transfer([LIMOUSINE], ["vehicle"]),
            ]
        )
    ]
    transfers = [
        predicted_transfer(LIMOUSINE, ["vehicle"]),
        predicted_transfer(REACHED, ["vehicle"]),
    ]
    counts = score(gold, predicted(("d1", transfers))).total.transfers
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)


def test_scoring_findings_right_and_false():
    gold = [
        gold_line(
            [
                gold_transfer([LIMOUSINE], ["vehicle"], un_instruments=["1718", "2397"]),
                gold_transfer([COAL], ["coal"], un_instruments=[]),
            ]
        )
    ]
    transfers = [
        predicted_transfer(
            LIMOUSINE, ["vehicle"], findings=("UNSCR 2397 (2017)", "UNSCR 2270 (2016)")
        ),
        predicted_transfer(COAL, ["coal"], findings=("UNSCR 2371 (2017)",)),
        predicted_transfer(WEATHER, ["other"], findings=("UNSCR 1718 (2006)",)),
    ]
    report = score(gold, predicted(("d1", transfers)))
    findings = report.total.findings
    # right: 2397 on the limousine; false: 2270 (not listed), 2371 (coal has
    # no UN breach), 1718 on an unmatched prediction.
    assert (findings.right, findings.false) == (1, 3)
    assert (findings.found, findings.expected) == (1, 1)
    assert findings.precision == 0.25 and findings.recall == 1.0
    assert findings.f1 == pytest.approx(0.4)
    gold_numbers = [finding.gold for finding in report.documents[0].false_findings]
    assert gold_numbers == [1, 2, None]


def test_scoring_breach_without_a_right_finding_is_not_found():
    gold = [gold_line([gold_transfer([COAL], ["coal"], un_instruments=["2371"])])]
    transfers = [predicted_transfer(COAL, ["coal"], findings=("UNSCR 2397 (2017)",))]
    findings = score(gold, predicted(("d1", transfers))).total.findings
    assert (findings.right, findings.false, findings.found, findings.expected) == (0, 1, 0, 1)
    assert findings.f1 == 0.0


def test_scoring_missed_breach_counts_against_finding_recall():
    gold = [gold_line([gold_transfer([COAL], ["coal"], un_instruments=["2371"])])]
    findings = score(gold, predicted(("d1", []))).total.findings
    assert (findings.found, findings.expected, findings.recall) == (0, 1, 0.0)
    assert findings.precision is None


def test_scoring_findings_on_optional_transfers_count_in_precision_only():
    gold = [
        gold_line(
            [
                gold_transfer([LIMOUSINE], ["vehicle"], un_instruments=["2397"], optional=True),
                gold_transfer([COAL], ["coal"], optional=True),
            ]
        )
    ]
    transfers = [
        predicted_transfer(LIMOUSINE, ["vehicle"], findings=("UNSCR 2397 (2017)",)),
        predicted_transfer(COAL, ["coal"], findings=("UNSCR 2371 (2017)",)),
    ]
    findings = score(gold, predicted(("d1", transfers))).total.findings
    assert (findings.right, findings.false, findings.expected) == (1, 1, 0)


@pytest.mark.parametrize(
    ("gold", "value", "basis", "agrees"),
    [
        ("2022", "2022-06", "text", True),
        ("2022-06", "2022", "text", True),
        ("2022-06-01", "2022-06-01", "text", True),
        ("2022-06", "2022-07", "text", False),
        ("2022", "2023-01", "text", False),
        ("2022-06-01", "2022-06-11", "text", False),
        ("2022", None, None, False),
        (None, None, None, True),
        (None, "2024-02-20", "published", True),
        (None, "2024-02", "text", False),
        ("2024-02", "2024-02-20", "published", True),
    ],
)
def test_scoring_dates_agree_up_to_the_coarser_precision(gold, value, basis, agrees):
    assert dates_agree(gold, value, basis) is agrees


def test_scoring_attributes_compare_matched_pairs():
    gold = [
        gold_line(
            [
                gold_transfer(
                    [LIMOUSINE],
                    ["vehicle"],
                    giver_country="ru",
                    recipient_country="kp",
                    date="2023-06",
                    certainty="confirmed",
                ),
                gold_transfer(
                    [COAL], ["coal"], giver_country="cn", date="2019", outcome="completed"
                ),
            ]
        )
    ]
    transfers = [
        predicted_transfer(
            LIMOUSINE,
            ["vehicle"],
            giver_country="ru",
            recipient_country=None,
            date=("2023", "text"),
            certainty="reported",
        ),
        predicted_transfer(
            COAL, ["coal"], giver_country="cn", date=("2019-03", "text"), outcome="planned"
        ),
    ]
    report = score(gold, predicted(("d1", transfers)))
    accuracy = {name: (a.agree, a.total) for name, a in report.total.attributes.items()}
    assert accuracy == {
        "giver_country": (2, 2),
        "recipient_country": (1, 2),  # kp vs null is wrong; null vs null agrees
        "date": (2, 2),
        "certainty": (1, 2),
        "outcome": (1, 2),
    }
    wrong = {
        (d.gold, d.attribute, d.expected, d.predicted) for d in report.documents[0].disagreements
    }
    assert wrong == {
        (1, "recipient_country", "kp", None),
        (1, "certainty", "confirmed", "reported"),
        (2, "outcome", "completed", "planned"),
    }


def test_scoring_attributes_skip_optional_pairs():
    gold = [gold_line([gold_transfer([LIMOUSINE], ["vehicle"], giver_country="ru", optional=True)])]
    report = score(gold, predicted(("d1", [predicted_transfer(LIMOUSINE, ["vehicle"])])))
    assert report.total.attributes["giver_country"].total == 0
    assert report.total.attributes["giver_country"].accuracy is None


def test_scoring_totals_sum_the_documents():
    gold = [
        gold_line([gold_transfer([LIMOUSINE], ["vehicle"])], id="a"),
        gold_line([gold_transfer([COAL], ["coal"]), gold_transfer([REACHED], ["vehicle"])], id="b"),
    ]
    report = score(
        gold,
        predicted(
            ("a", [predicted_transfer(LIMOUSINE, ["vehicle"])]),
            ("b", [predicted_transfer(COAL, ["coal"]), predicted_transfer(WEATHER, ["other"])]),
        ),
    )
    rows = [
        (d.id, d.tally.transfers.tp, d.tally.transfers.fp, d.tally.transfers.fn)
        for d in report.documents
    ]
    assert rows == [("a", 1, 0, 0), ("b", 1, 1, 1)]
    total = report.total.transfers
    assert (total.tp, total.fp, total.fn) == (2, 1, 1)
    assert total.precision == pytest.approx(2 / 3) and total.recall == pytest.approx(2 / 3)


def test_scoring_gold_without_an_analysed_document_is_all_misses():
    gold = [gold_line([gold_transfer([COAL], ["coal"])], id="lost")]
    report = score(gold, predicted(("other", [predicted_transfer(COAL, ["coal"])])))
    [document] = report.documents
    assert not document.analysed
    assert (document.tally.transfers.fn, document.tally.transfers.fp) == (1, 0)


def test_scoring_pairs_by_input_before_id():
    first = gold_line([gold_transfer([COAL], ["coal"])], id="same") | {"input": "gold.jsonl:2"}
    contract = predicted(("same", []), ("same", [predicted_transfer(COAL, ["coal"])]))
    assert score([first], contract).total.transfers.tp == 1
    del first["input"]  # by id, the first document of that id is taken
    assert score([first], contract).total.transfers.tp == 0


def test_scoring_refuses_a_line_without_gold():
    line = {"id": "d9", "text": TEXT}
    with pytest.raises(GoldFileError, match=r"d9 has no \"gold\" object"):
        score([line], predicted())


def test_scoring_report_serialises_counts_and_rates():
    gold = [gold_line([gold_transfer([LIMOUSINE], ["vehicle"], un_instruments=["2397"])])]
    transfers = [predicted_transfer(COAL, ["coal"], findings=("UNSCR 2397 (2017)",))]
    data = score(gold, predicted(("d1", transfers))).to_dict()
    assert data["total"]["transfers"] == {
        "tp": 0,
        "fp": 1,
        "fn": 1,
        "optional": 0,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    document = data["documents"][0]
    assert document["misses"][0]["gold"] == 1
    assert document["false_findings"][0]["instrument"] == "UNSCR 2397 (2017)"


def test_scoring_f1_is_the_harmonic_mean_or_none():
    assert f1(0.5, 1.0) == pytest.approx(2 / 3)
    assert f1(0.0, 0.0) == 0.0
    assert f1(None, 1.0) is None


def test_scoring_giver_country_without_a_giver_is_the_origin():
    gold = [gold_line([gold_transfer([COAL], ["coal"], giver_country="cn")])]
    unnamed = predicted_transfer(COAL, ["coal"]) | {"giver": None, "origin": "cn"}
    named = predicted_transfer(COAL, ["coal"], giver_country="ru") | {"origin": "cn"}
    for transfer, agree in ((unnamed, 1), (named, 0)):
        report = score(gold, predicted(("d1", [transfer])))
        assert report.total.attributes["giver_country"].agree == agree


def test_scoring_recipient_country_without_a_recipient_is_the_destination():
    gold = [gold_line([gold_transfer([COAL], ["coal"], recipient_country="vn")])]
    unnamed = predicted_transfer(COAL, ["coal"]) | {"recipient": None, "destination": "vn"}
    named = predicted_transfer(COAL, ["coal"], recipient_country="cn") | {"destination": "vn"}
    for transfer, agree in ((unnamed, 1), (named, 0)):
        report = score(gold, predicted(("d1", [transfer])))
        assert report.total.attributes["recipient_country"].agree == agree
