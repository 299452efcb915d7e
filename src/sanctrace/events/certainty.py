"""How sure an event is, from its reports: independent outlets add up, denials stand apart."""

from __future__ import annotations

from dataclasses import dataclass

from sanctrace.events.merge import Report
from sanctrace.events.rules import CLAIMS, EventRules


@dataclass(frozen=True, slots=True)
class Assessment:
    certainty: str  # the strongest claim, or "denied" when every report denies it
    confidence: float  # 1 - prod(1 - weight) over independent outlets that claim it
    disputed: bool  # some party denies it
    outlets: int  # independent outlets that claim it
    explanation: str


def assess(reports: list[Report], rules: EventRules) -> Assessment:
    claims = [r for r in reports if r.certainty in CLAIMS]
    denials = [r for r in reports if r.certainty not in CLAIMS]
    best_by_outlet: dict[str, float] = {}
    for report in claims:
        weight = rules.weights[report.certainty]
        best_by_outlet[report.outlet] = max(best_by_outlet.get(report.outlet, 0.0), weight)
    doubt = 1.0
    for weight in best_by_outlet.values():
        doubt *= 1.0 - weight
    confidence = round(1.0 - doubt, 3) if claims else 0.0
    certainty = min((r.certainty for r in claims), key=CLAIMS.index) if claims else "denied"
    parts = [
        f"{len(best_by_outlet)} independent outlet{'s' if len(best_by_outlet) != 1 else ''}"
        f" ({', '.join(sorted(best_by_outlet))})"
        if best_by_outlet
        else "no outlet claims it",
        f"strongest claim {certainty}" if claims else "every report denies it",
        f"confidence {confidence:.2f}",
    ]
    if denials:
        who = sorted({name for r in denials for name in r.attributed_to} or {"a party"})
        parts.append(f"denied by {', '.join(who)} in {len(denials)} report(s)")
    return Assessment(certainty, confidence, bool(denials), len(best_by_outlet), "; ".join(parts))
