"""The event rules (`rules.yaml`): a strict loader into a typed, frozen object."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypedDict

from sanctrace.datafiles import check_keys, read_yaml
from sanctrace.errors import DataFileError
from sanctrace.model import TAGS

#: Certainties that claim the event happened, strongest first ("denied" is not one).
CLAIMS = ("confirmed", "reported", "suspected", "possible")


class EventRulesError(DataFileError):
    """The event rules file is invalid."""


class MergeSpec(TypedDict):
    unnamed_side_matches: bool
    descriptions_are_unnamed: bool
    broad_tags: list[str]
    date_slack_days: int
    published_lookback_days: int


class PartyIdentitySpec(TypedDict):
    algorithm: str
    threshold: float


class CertaintySpec(TypedDict):
    weights: dict[str, float]


class EventRulesSpec(TypedDict):
    merge: MergeSpec
    party_identity: PartyIdentitySpec
    certainty: CertaintySpec


@dataclass(frozen=True, slots=True)
class EventRules:
    unnamed_side_matches: bool
    descriptions_are_unnamed: bool
    broad_tags: frozenset[str]
    date_slack_days: int
    published_lookback_days: int
    party_algorithm: str
    party_threshold: float
    weights: dict[str, float]

    @classmethod
    def load(cls, path: Path | None = None) -> EventRules:
        if path is None:
            return default_rules()
        return _parse(path, read_yaml(path, _error_for(path)))


@cache
def default_rules() -> EventRules:
    path = Path(str(resources.files(__package__).joinpath("rules.yaml")))
    return _parse(path, read_yaml(path, _error_for(path)))


def _error_for(path: Path) -> Any:
    def error(where: str, problem: str) -> EventRulesError:
        return EventRulesError(f"The event rules {path} are invalid at {where}: {problem}.")

    return error


def _parse(path: Path, raw: Any) -> EventRules:
    error = _error_for(path)
    spec = check_keys(raw, EventRulesSpec, "the top level", error)
    merge = check_keys(spec["merge"], MergeSpec, "merge", error)
    identity = check_keys(spec["party_identity"], PartyIdentitySpec, "party_identity", error)
    certainty = check_keys(spec["certainty"], CertaintySpec, "certainty", error)
    for key in ("unnamed_side_matches", "descriptions_are_unnamed"):
        if not isinstance(merge[key], bool):  # type: ignore[literal-required]
            raise error(f"merge.{key}", "it must be true or false")
    broad = merge["broad_tags"]
    if not isinstance(broad, list) or not all(isinstance(tag, str) for tag in broad):
        raise error("merge.broad_tags", "it must be a list of tags")
    if unknown := sorted(set(broad) - set(TAGS)):
        raise error("merge.broad_tags", f"{unknown} are not goods tags of the contract")
    for key in ("date_slack_days", "published_lookback_days"):
        value = merge[key]  # type: ignore[literal-required]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise error(f"merge.{key}", "it must be a whole number of days, 0 or more")
    threshold = identity["threshold"]
    if not isinstance(threshold, int | float) or not 0 < threshold <= 1:
        raise error("party_identity.threshold", "it must be a score above 0 and at most 1")
    from nomenklatura.matching import get_algorithm

    if not isinstance(identity["algorithm"], str) or get_algorithm(identity["algorithm"]) is None:
        raise error("party_identity.algorithm", "it must name a nomenklatura algorithm")
    weights = certainty["weights"]
    if not isinstance(weights, dict) or set(weights) != set(CLAIMS):
        raise error("certainty.weights", f"it must give a weight for each of {list(CLAIMS)}")
    for name, weight in weights.items():
        if not isinstance(weight, int | float) or isinstance(weight, bool) or not 0 < weight < 1:
            raise error(f"certainty.weights.{name}", "it must be a number between 0 and 1")
    return EventRules(
        unnamed_side_matches=merge["unnamed_side_matches"],
        descriptions_are_unnamed=merge["descriptions_are_unnamed"],
        broad_tags=frozenset(broad),
        date_slack_days=merge["date_slack_days"],
        published_lookback_days=merge["published_lookback_days"],
        party_algorithm=identity["algorithm"],
        party_threshold=float(threshold),
        weights={name: float(weight) for name, weight in weights.items()},
    )
