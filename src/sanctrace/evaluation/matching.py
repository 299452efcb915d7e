"""Pair gold transfers with predictions: a maximum bipartite matching.

Greedy pairing can lose a match (a prediction that fits two gold transfers
taken by the one that had an alternative), so pairs are found with
augmenting paths (Kuhn's algorithm). Gold transfers are tried in the order
given and predictions in index order, free ones first, which makes the
result deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def maximum_matching(candidates: Sequence[Sequence[int]], order: Iterable[int]) -> dict[int, int]:
    """Match gold transfers to predictions, each used at most once.

    candidates: for each gold index, the prediction indices it may pair with.
    order: gold indices in the order they claim predictions. A gold transfer
        once matched stays matched when later ones augment, so the gold
        transfers listed first get the largest number of matches possible,
        and the later ones the most that leaves them intact.
    RETURNS: gold index -> prediction index.
    """
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(gold: int, visited: set[int]) -> bool:
        # A free prediction is taken before any is moved, so matches stay as
        # plain as the maximum allows (first gold with first prediction).
        free = next((p for p in candidates[gold] if p not in owner), None)
        if free is not None:
            owner[free] = gold
            return True
        for prediction in candidates[gold]:
            if prediction in visited:
                continue
            visited.add(prediction)
            if augment(owner[prediction], visited):
                owner[prediction] = gold
                return True
        return False

    for gold in order:
        augment(gold, set())
    return {gold: prediction for prediction, gold in owner.items()}
