"""Findings for dealings with a designated party (asset freezes), from screening hits.

Goods findings come from `law.engine`; these come from who the parties are:
a transfer to or from a party on a sanctions list breaches the list's asset
freeze whatever the goods. The measures are data (`designations.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sanctrace.datafiles import read_yaml
from sanctrace.errors import DataFileError
from sanctrace.model import Finding, Party, Transfer

DESIGNATIONS_PATH = Path(__file__).with_name("designations.yaml")
FIELDS = ("id", "regime", "list", "programs", "instrument", "provision", "adopted", "measure")


class DesignationError(DataFileError):
    """The designation measures file is invalid."""


@dataclass(frozen=True, slots=True)
class DesignationMeasure:
    id: str
    regime: str
    list: str
    programs: tuple[str, ...]
    instrument: str
    provision: str
    adopted: str
    measure: str


@dataclass(frozen=True, slots=True)
class Designations:
    measures: tuple[DesignationMeasure, ...]
    weights: dict[str, float]
    min_score: float

    def findings_for(self, transfer: Transfer, parties: dict[str, Party]) -> list[Finding]:
        """One finding per measure that a designated giver or recipient brings in."""
        date = transfer.date.value if transfer.date else None
        findings = []
        for measure in self.measures:
            if date is not None and date[: len(measure.adopted)] < measure.adopted[: len(date)]:
                continue
            hit = self._strongest_hit(measure, transfer, parties)
            if hit is None:
                continue
            party, score, name = hit
            weight = self.weights.get(transfer.certainty, 0.5)
            findings.append(
                Finding(
                    regime=measure.regime,
                    instrument=measure.instrument,
                    provision=measure.provision,
                    measure=measure.measure,
                    confidence=round(score * weight, 3),
                    explanation=(
                        f"{party.name} matches '{name}' on {measure.list} (score {score:.2f}); "
                        f"{measure.instrument} {measure.provision} freezes the assets of "
                        f"designated parties since {measure.adopted}."
                    ),
                )
            )
        return findings

    def _strongest_hit(
        self, measure: DesignationMeasure, transfer: Transfer, parties: dict[str, Party]
    ) -> tuple[Party, float, str] | None:
        best: tuple[Party, float, str] | None = None
        for ref in (transfer.giver, transfer.recipient):
            party = parties.get(ref.party) if ref else None
            if party is None or not party.screening:
                continue
            # A party is who its best match says it is; weaker hits are namesakes.
            hit = max(party.screening, key=lambda h: h.score)
            on_list = hit.list == measure.list and hit.score >= self.min_score
            in_program = any(p.startswith(measure.programs) for p in hit.programs)
            if on_list and in_program and (best is None or hit.score > best[1]):
                best = (party, hit.score, hit.name)
        return best


def load_designations(path: Path = DESIGNATIONS_PATH) -> Designations:
    """Read the designation measures, raising DesignationError naming the bad entry."""
    data = read_yaml(
        path,
        lambda where, problem: DesignationError(
            f"The designations file {path} is invalid at {where}: {problem}; correct it."
        ),
    )
    measures = []
    for number, raw in enumerate(data.get("measures", []), start=1):
        missing = [name for name in FIELDS if not raw.get(name)]
        if missing:
            raise DesignationError(
                f"The designations file {path}: measure {number} lacks {', '.join(missing)}; "
                "add the fields and retry."
            )
        values = {name: raw[name] for name in FIELDS}
        values["programs"] = tuple(raw["programs"])
        values["adopted"] = str(raw["adopted"])
        measures.append(DesignationMeasure(**values))
    weights = {k: float(v) for k, v in data.get("certainty_weights", {}).items()}
    return Designations(tuple(measures), weights, float(data.get("min_score", 0.9)))


@cache
def default_designations() -> Designations:
    return load_designations()
