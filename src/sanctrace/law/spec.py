"""Regime files: their schema (TypedDicts), the loader and its checks.

One YAML file per sanctions regime lives in `law/regimes/`; the format is
documented for users in `docs/regimes.md`. Loading turns each file into a
`Regime` of plain frozen dataclasses, or raises `RegimeError` naming the
file and the entry at fault.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NotRequired, TypedDict, get_args

from sanctrace.datafiles import check_keys, read_yaml
from sanctrace.errors import DataFileError
from sanctrace.goods.text import tokens
from sanctrace.model import TAGS, Certainty, Outcome

Direction = Literal["to_target", "from_target", "both", "sts"]
#: Which recipients a supply ban binds: any, or only those that are not the state or
#: a body of its government (armed groups, militias, firms, people).
Recipients = Literal["any", "non_state"]
SourceStatus = Literal["V", "V2", "M"]
DATE_FACTORS = ("within", "straddles_adoption", "from_publication", "unknown")


class RegimeError(DataFileError):
    """A regime file is missing, unreadable or breaks its schema."""

    def __init__(self, path: Path, where: str, problem: str) -> None:
        self.path = path
        self.where = where
        super().__init__(f"The regime file {path} is invalid at {where}: {problem}; correct it.")


class GoodsRuleSpec(TypedDict):
    """Which items a measure covers (or exempts); every key given must hold."""

    tags_any: NotRequired[list[str]]
    tags_all: NotRequired[list[str]]
    tags_none: NotRequired[list[str]]
    #: HS chapters/headings: an item heading that starts with one of them matches.
    hs: NotRequired[list[str]]
    #: Words looked for in the item text ("helicopter", "iron ore").
    terms: NotRequired[list[str]]
    #: Matches items the goods taxonomy marks humanitarian (medicines).
    humanitarian: NotRequired[bool]
    all_goods: NotRequired[bool]
    #: Items priced below this (when the text gives a US$ value) are not covered.
    min_value_usd: NotRequired[float]
    #: How surely a match means the measure covers the item (0..1, default 1).
    weight: NotRequired[float]
    note: NotRequired[str]


class MeasureSpec(TypedDict):
    id: str
    resolution: str
    provision: str
    #: Source status of the paragraph number (V, V2 or M).
    provision_status: SourceStatus
    #: Source status of the measure's substance; M measures never yield findings.
    status: SourceStatus
    source: str
    direction: Direction
    #: What the measure forbids, in words (copied to Finding.measure).
    measure: str
    #: Short verb phrase for explanations: "bans all transportation vehicles to the DPRK".
    summary: str
    goods: list[GoodsRuleSpec]
    exempt: NotRequired[list[GoodsRuleSpec]]
    #: For `sts`: words the evidence must contain ("ship-to-ship").
    evidence_terms: NotRequired[list[str]]
    #: For `to_target`: "non_state" binds only supplies to recipients that are not the
    #: state or its government; "any" (the default) binds every recipient.
    recipients: NotRequired[Recipients]
    #: A `number` from `resolutions` whose adoption ended the measure.
    lifted_by: NotRequired[str]
    weight: NotRequired[float]
    notes: NotRequired[str]


class ResolutionSpec(TypedDict):
    number: str
    instrument: str
    adopted: str
    status: SourceStatus
    source: str


class ConfidenceSpec(TypedDict):
    certainty: dict[str, float]
    outcome: dict[str, float]
    #: Factors for how the transfer date relates to adoption (see DATE_FACTORS).
    date: dict[str, float]


class RegimeSpec(TypedDict):
    id: str
    label: str
    #: ISO 3166-1 alpha-2 code of the targeted state ("kp").
    target: str
    target_name: str
    confidence: ConfidenceSpec
    resolutions: list[ResolutionSpec]
    measures: list[MeasureSpec]


@dataclass(frozen=True)
class GoodsRule:
    tags_any: frozenset[str] = frozenset()
    tags_all: frozenset[str] = frozenset()
    tags_none: frozenset[str] = frozenset()
    hs: tuple[str, ...] = ()
    terms: tuple[tuple[str, ...], ...] = ()
    humanitarian: bool | None = None
    all_goods: bool = False
    min_value_usd: float | None = None
    weight: float = 1.0


@dataclass(frozen=True)
class Resolution:
    number: str
    instrument: str
    adopted: dt.date


@dataclass(frozen=True)
class Measure:
    id: str
    resolution: Resolution
    provision: str
    provision_verified: bool
    binding: bool
    direction: Direction
    measure: str
    summary: str
    goods: tuple[GoodsRule, ...]
    exempt: tuple[GoodsRule, ...]
    evidence_terms: tuple[tuple[str, ...], ...]
    weight: float
    recipients: Recipients = "any"
    #: The resolution that lifted the measure; None while it is in force.
    lifted: Resolution | None = None


@dataclass(frozen=True)
class Confidence:
    certainty: dict[str, float]
    outcome: dict[str, float]
    date: dict[str, float]


@dataclass(frozen=True)
class Regime:
    id: str
    target: str
    target_name: str
    confidence: Confidence
    measures: tuple[Measure, ...]


def load_regime(path: Path) -> Regime:
    """Read and check one regime file."""
    raw = read_yaml(path, lambda where, problem: RegimeError(path, where, problem))
    spec = _keys(path, "the top level", raw, RegimeSpec)
    confidence = _confidence(path, _keys(path, "'confidence'", spec["confidence"], ConfidenceSpec))
    resolutions: dict[str, Resolution] = {}
    for entry in _list(path, "'resolutions'", spec["resolutions"]):
        res = _keys(path, f"resolution {entry.get('number', '?')}", entry, ResolutionSpec)
        where = f"resolution {res['number']}"
        resolutions[str(res["number"])] = Resolution(
            str(res["number"]), _text(path, where, res["instrument"]), _date(path, where, res)
        )
    measures = []
    ids: set[str] = set()
    for entry in _list(path, "'measures'", spec["measures"]):
        measure = _measure(path, entry, resolutions)
        if measure.id in ids:
            raise RegimeError(path, f"measure '{measure.id}'", "its id is used twice")
        ids.add(measure.id)
        measures.append(measure)
    return Regime(
        id=_text(path, "'id'", spec["id"]),
        target=_text(path, "'target'", spec["target"]).lower(),
        target_name=_text(path, "'target_name'", spec["target_name"]),
        confidence=confidence,
        measures=tuple(measures),
    )


def _measure(path: Path, raw: Any, resolutions: dict[str, Resolution]) -> Measure:
    where = f"measure '{raw.get('id', '?') if isinstance(raw, dict) else '?'}'"
    spec = _keys(path, where, raw, MeasureSpec)
    resolution = resolutions.get(str(spec["resolution"]))
    if resolution is None:
        raise RegimeError(path, where, f"resolution {spec['resolution']} is not listed")
    direction = _choice(path, where, "direction", spec["direction"], Direction)
    evidence = tuple(tuple(tokens(t)) for t in _strings(path, where, spec.get("evidence_terms")))
    if direction == "sts" and not evidence:
        raise RegimeError(path, where, "an 'sts' measure needs 'evidence_terms'")
    recipients = _choice(path, where, "recipients", spec.get("recipients", "any"), Recipients)
    if recipients != "any" and direction != "to_target":
        raise RegimeError(path, where, f"'recipients: {recipients}' needs direction 'to_target'")
    lifted = _lifted(path, where, spec, resolution, resolutions)
    return Measure(
        id=str(spec["id"]),
        resolution=resolution,
        provision=_text(path, where, spec["provision"]),
        provision_verified=_choice(path, where, "provision_status", spec["provision_status"])
        != "M",
        binding=_choice(path, where, "status", spec["status"]) != "M",
        direction=direction,
        measure=_text(path, where, spec["measure"]),
        summary=_text(path, where, spec["summary"]),
        goods=tuple(_rule(path, where, r) for r in _list(path, where, spec["goods"])),
        exempt=tuple(_rule(path, where, r) for r in spec.get("exempt", [])),
        evidence_terms=evidence,
        weight=_weight(path, where, spec.get("weight", 1.0)),
        recipients=recipients,
        lifted=lifted,
    )


def _lifted(
    path: Path,
    where: str,
    spec: dict[str, Any],
    resolution: Resolution,
    resolutions: dict[str, Resolution],
) -> Resolution | None:
    if "lifted_by" not in spec:
        return None
    lifted = resolutions.get(str(spec["lifted_by"]))
    if lifted is None:
        raise RegimeError(path, where, f"'lifted_by' resolution {spec['lifted_by']} is not listed")
    if lifted.adopted <= resolution.adopted:
        raise RegimeError(
            path, where, f"'lifted_by' resolution {lifted.number} is not adopted after it"
        )
    return lifted


def _rule(path: Path, where: str, raw: Any) -> GoodsRule:
    spec = _keys(path, f"a goods rule of {where}", raw, GoodsRuleSpec)
    conditions = {"tags_any", "tags_all", "hs", "terms", "humanitarian", "all_goods"}
    if not conditions & set(spec):
        raise RegimeError(path, where, f"a goods rule needs one of {sorted(conditions)}")
    for hs in spec.get("hs", []):
        if not (isinstance(hs, str) and hs.isdigit() and len(hs) in (2, 4)):
            raise RegimeError(path, where, f"HS heading {hs!r} is not 2 or 4 quoted digits")
    minimum = spec.get("min_value_usd")
    return GoodsRule(
        tags_any=_tags(path, where, spec.get("tags_any")),
        tags_all=_tags(path, where, spec.get("tags_all")),
        tags_none=_tags(path, where, spec.get("tags_none")),
        hs=tuple(spec.get("hs", [])),
        terms=tuple(tuple(tokens(t)) for t in _strings(path, where, spec.get("terms"))),
        humanitarian=spec.get("humanitarian"),
        all_goods=bool(spec.get("all_goods")),
        min_value_usd=None if minimum is None else float(minimum),
        weight=_weight(path, where, spec.get("weight", 1.0)),
    )


def _confidence(path: Path, spec: dict[str, Any]) -> Confidence:
    tables = {
        "certainty": get_args(Certainty),
        "outcome": get_args(Outcome),
        "date": DATE_FACTORS,
    }
    checked = {}
    for name, keys in tables.items():
        table = spec[name]
        if not isinstance(table, dict) or set(table) != set(keys):
            raise RegimeError(path, f"'confidence.{name}'", f"it must give exactly {list(keys)}")
        checked[name] = {k: _weight(path, f"'confidence.{name}'", v) for k, v in table.items()}
    return Confidence(**checked)


def _keys(path: Path, where: str, raw: Any, spec: type) -> dict[str, Any]:
    return check_keys(raw, spec, where, lambda at, problem: RegimeError(path, at, problem))


def _list(path: Path, where: str, value: Any) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise RegimeError(path, where, "it must be a non-empty list")
    return value


def _strings(path: Path, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegimeError(path, where, "a word list must hold non-empty strings")
    return value


def _tags(path: Path, where: str, value: Any) -> frozenset[str]:
    for tag in _strings(path, where, value):
        if tag not in TAGS:
            raise RegimeError(path, where, f"'{tag}' is not a contract tag")
    return frozenset(value or ())


def _text(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RegimeError(path, where, "a text field is empty or not a string")
    return value


def _choice(path: Path, where: str, key: str, value: Any, kind: Any = SourceStatus) -> Any:
    if value not in get_args(kind):
        raise RegimeError(path, where, f"'{key}' is {value!r}, not one of {get_args(kind)}")
    return value


def _weight(path: Path, where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise RegimeError(path, where, f"weight {value!r} is not a number in (0, 1]")
    return float(value)


def _date(path: Path, where: str, spec: dict[str, Any]) -> dt.date:
    _choice(path, where, "status", spec["status"])
    value = spec["adopted"]
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise RegimeError(path, where, f"'adopted' {value!r} is not an ISO date") from error
