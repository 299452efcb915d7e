"""Turn nomenklatura's match explanations into a hit's `explanation` dict.

`ScreeningHit.explanation` maps a label to a number, so that it serialises
as plain JSON and prints as a table. Two kinds of label appear:

- a feature name (``name_match``, ``country_mismatch``, ``dob_year_disjoint``
  ...) with its contribution to the score: the feature's score times its
  weight in the algorithm (negative for penalties);
- one ``name: ...`` label per piece of name evidence nomenklatura's name
  matcher reports, such as ``name: 'eun'≈'un' symbolMatch`` or
  ``name: 'il' extraQueryPart``, with the score of that name part (0 for a
  part found on one side only).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only for hints: importing nomenklatura.matching would import every
    # algorithm it has (see `sanctrace.screening.algorithms`).
    from nomenklatura.matching.types import MatchingResult, ScoringAlgorithm, ScoringConfig

#: One bracketed piece of evidence in a nomenklatura name-match detail, e.g.
#: "['kim'≈'kim' symbolMatch [NAME:Q106967909]: 1.00, weight 1.00]" or, for
#: vessels, "['lady r' literalMatch]". Part strings are Python reprs, so they
#: are quoted with ' or " (when the part holds an apostrophe).
_PART = r"(?:'[^']*'|\"[^\"]*\")"
_EVIDENCE = re.compile(
    rf"\[(?P<parts>{_PART}(?:≈{_PART})?),? (?P<kind>[A-Za-z]+)"
    r"(?: \[[^\]]*\])?(?::\s*(?P<score>[0-9.]+))?"
)

#: Name features whose detail describes name parts.
_NAME_FEATURES = ("name_match",)


def feature_weights(algorithm: type[ScoringAlgorithm], config: ScoringConfig) -> dict[str, float]:
    """Each feature's weight for this algorithm and configuration (1.0 if unweighted)."""
    features = getattr(algorithm, "features", [])
    return {f.name: config.weights.get(f.name, f.weight) for f in features}


def explain(result: MatchingResult, weights: dict[str, float]) -> dict[str, float]:
    """Return the hit explanation: feature contributions, then name evidence."""
    explanation: dict[str, float] = {}
    details: list[str] = []
    for name, feature in sorted(result.explanations.items()):
        contribution = round(feature.score * weights.get(name, 1.0), 4)
        if contribution != 0.0:
            explanation[name] = contribution
        if name in _NAME_FEATURES and feature.detail:
            details.append(feature.detail)
    for detail in details:
        for match in _EVIDENCE.finditer(detail):
            score = match.group("score")
            label = f"name: {match.group('parts')} {match.group('kind')}"
            explanation[label] = round(float(score), 4) if score else 1.0
    return explanation
