from sanctrace.evaluation.matching import maximum_matching


def test_matching_augments_where_greedy_would_stop():
    # Gold 0 fits predictions 0 and 1; gold 1 fits only prediction 0.
    assert maximum_matching([[0, 1], [0]], [0, 1]) == {0: 1, 1: 0}


def test_matching_uses_each_prediction_once():
    pairs = maximum_matching([[0], [0], [0]], [0, 1, 2])
    assert pairs == {0: 0}


def test_matching_earlier_gold_keeps_its_match():
    # Gold 1 comes first in the order, so it keeps the only prediction.
    assert maximum_matching([[0], [0]], [1, 0]) == {1: 0}


def test_matching_is_deterministic_among_equal_answers():
    candidates = [[0, 1, 2], [0, 1, 2], [0, 1, 2]]
    first = maximum_matching(candidates, [0, 1, 2])
    assert first == {0: 0, 1: 1, 2: 2}
    assert all(maximum_matching(candidates, [0, 1, 2]) == first for _ in range(5))
