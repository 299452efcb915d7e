"""Which sanctions measures a transfer may breach, with confidence and reasons.

A measure binds a transfer when (1) the transfer runs in the measure's
direction relative to the regime's target state (for a measure on non-state
recipients, it reaches one there), (2) one of its items falls in the
measure's goods scope and no exemption, and (3) the measure had been adopted
by the end of the period the transfer date denotes, and not lifted before
it began. Everything specific to a regime is data (`law/regimes/*.yaml`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from sanctrace.goods import Taxonomy
from sanctrace.goods.text import contains, tokens
from sanctrace.law.spec import GoodsRule, Measure, Regime, RegimeError, load_regime
from sanctrace.model import Finding, Item, PartyRef, Transfer
from sanctrace.wordclasses import load_word_classes

DEFAULT_DIRECTORY = Path(__file__).with_name("regimes")
WORDS_PATH = Path(__file__).with_name("words.yaml")
_USD_UNITS = frozenset({"usd", "us$", "$", "dollar", "dollars", "us dollars"})


@dataclass(frozen=True)
class _Period:
    """When a transfer happened, as far as is known."""

    start: dt.date | None
    end: dt.date | None
    #: "text": from the transfer's own date; "published": only known to precede publication.
    basis: str


class Regimes:
    """All loaded regimes; build with `Regimes.load()`."""

    def __init__(self, regimes: list[Regime], taxonomy: Taxonomy) -> None:
        self.regimes = tuple(regimes)
        self._taxonomy = taxonomy

    @classmethod
    def load(cls, directory: Path | None = None, taxonomy: Taxonomy | None = None) -> Regimes:
        """Load every `*.yaml` regime file of a directory; the packaged set is cached.

        directory (Path | None): folder of regime files. Defaults to the packaged one.
        taxonomy (Taxonomy | None): goods taxonomy for humanitarian checks. Defaults to packaged.
        RETURNS (Regimes): the engine. Raises RegimeError when a file is invalid.
        """
        if directory is None and taxonomy is None:
            return _default()
        folder = directory or DEFAULT_DIRECTORY
        files = sorted(folder.glob("*.yaml"))
        if not files:
            raise RegimeError(folder, "the directory", "it holds no *.yaml regime file")
        return cls([load_regime(f) for f in files], taxonomy or Taxonomy.load())

    def findings_for(self, transfer: Transfer, published: str | None = None) -> list[Finding]:
        """The potential breaches of one transfer, sorted by instrument and provision.

        transfer (Transfer): the transfer with its items, parties, places and date.
        published (str | None): the document's publication date, used when the
            transfer has no date of its own.
        RETURNS (list[Finding]): one finding per measure that binds the transfer.
        """
        period = _period(transfer, published)
        found: list[tuple[tuple[object, ...], Finding]] = []
        for regime in self.regimes:
            direction = _direction(transfer, regime.target)
            for measure in regime.measures:
                finding = self._check(regime, measure, transfer, direction, period)
                if finding is not None:
                    key = (regime.id, int(measure.resolution.number), _natural(measure.provision))
                    found.append((key, finding))
        return [finding for _, finding in sorted(found, key=lambda kf: kf[0])]

    def _check(
        self,
        regime: Regime,
        measure: Measure,
        transfer: Transfer,
        direction: str | None,
        period: _Period,
    ) -> Finding | None:
        if not measure.binding or not _binds_direction(measure, transfer, direction, regime):
            return None
        date_factor = _date_factor(period, measure, regime)
        if date_factor is None:
            return None
        matched = [(item, w) for item in transfer.items if (w := self._covers(measure, item))]
        if not matched:
            return None
        table = regime.confidence
        factors = {
            "measure": measure.weight,
            "goods_match": max(w for _, w in matched),
            "certainty": table.certainty[transfer.certainty],
            "outcome": table.outcome[transfer.outcome],
            "date_basis": date_factor,
        }
        confidence = math.prod(factors.values())
        return Finding(
            regime=regime.id,
            instrument=measure.resolution.instrument,
            provision=measure.provision,
            measure=measure.measure,
            confidence=round(min(1.0, confidence), 2),
            explanation=_explain(
                regime, measure, transfer, [i for i, _ in matched], direction, period
            ),
            factors={name: round(value, 4) for name, value in factors.items()},
        )

    def _covers(self, measure: Measure, item: Item) -> float:
        """The weight with which the measure covers the item; 0 when it does not."""
        if any(self._rule_matches(rule, item) for rule in measure.exempt):
            return 0.0
        return max((r.weight for r in measure.goods if self._rule_matches(r, item)), default=0.0)

    def _rule_matches(self, rule: GoodsRule, item: Item) -> bool:
        tags = set(item.tags)
        checks = [
            not rule.tags_all or rule.tags_all <= tags,
            not rule.tags_any or bool(rule.tags_any & tags),
            not rule.tags_none & tags,
            not rule.hs or any(h.startswith(r) for h in item.hs for r in rule.hs),
            not rule.terms or any(contains(t, tokens(item.text)) for t in rule.terms),
            rule.humanitarian is None or self._humanitarian(item) == rule.humanitarian,
            rule.min_value_usd is None or not _below(item, rule.min_value_usd),
        ]
        return all(checks)

    def _humanitarian(self, item: Item) -> bool:
        match = self._taxonomy.classify(item.text)
        return match is not None and match.humanitarian


@lru_cache(maxsize=1)
def _default() -> Regimes:
    return Regimes.load(DEFAULT_DIRECTORY, Taxonomy.load())


def _direction(transfer: Transfer, target: str) -> str | None:
    """ "to_target", "from_target" or None (the transfer does not cross the target's border)."""
    giver = transfer.giver.country if transfer.giver else None
    recipient = transfer.recipient.country if transfer.recipient else None
    inbound = target in (recipient, transfer.destination)
    # A ship's flag says where it is registered, not where its cargo comes from: a
    # target-flagged ship that brings goods into the target imports them.
    carrier = transfer.giver is not None and transfer.giver.kind == "vessel"
    outbound = target == transfer.origin or (giver == target and not (carrier and inbound))
    if inbound and not outbound:
        return "to_target"
    if outbound and not inbound:
        return "from_target"
    if inbound and outbound:
        # A target-state party on both ends: the stated places decide, if any.
        if transfer.origin not in (None, target) and transfer.destination in (None, target):
            return "to_target"
        if transfer.destination not in (None, target) and transfer.origin in (None, target):
            return "from_target"
    return None


def _binds_direction(
    measure: Measure, transfer: Transfer, direction: str | None, regime: Regime
) -> bool:
    if measure.direction == "sts":
        parties = (transfer.giver, transfer.recipient)
        if not any(p is not None and p.country == regime.target for p in parties):
            return False
        evidence = [transfer.evidence, *transfer.also_evidence]
        return any(
            contains(t, tokens(span.text)) for t in measure.evidence_terms for span in evidence
        )
    if measure.recipients == "non_state":
        return _reaches_non_state(transfer, direction, regime.target)
    if direction is None:
        return False
    return measure.direction in (direction, "both")


def _reaches_non_state(transfer: Transfer, direction: str | None, target: str) -> bool:
    """Does a supply reach a recipient in the target that is not its state or government?

    Such a measure protects against arms reaching armed groups in the territory, so
    a delivery inside the target (a local dealer selling to a militia) binds too.
    """
    recipient = transfer.recipient
    if recipient is None or _state_body(recipient):
        return False
    if direction == "to_target":
        return True
    inside = recipient.country == target and transfer.destination in (None, target)
    return direction is None and inside


def _state_body(party: PartyRef) -> bool:
    """A state, or a body its name marks as a government's or a peacekeeping force's."""
    return party.kind == "state" or _names_state_body(party.name)


@lru_cache(maxsize=1 << 12)
def _names_state_body(name: str) -> bool:
    words = tokens(name)
    bodies, marks = _words()
    return any(contains(b, words) for b in bodies) and not any(contains(m, words) for m in marks)


@cache
def _words() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    classes = load_word_classes(WORDS_PATH, frozenset({"state_bodies", "non_state_marks"}))
    return _phrases(classes["state_bodies"]), _phrases(classes["non_state_marks"])


def _phrases(words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(tuple(tokens(word)) for word in words))


def _period(transfer: Transfer, published: str | None) -> _Period:
    if transfer.date is not None and transfer.date.basis == "text":
        start, end = _bounds(transfer.date.value)
        return _Period(start, end, "text")
    stamp = transfer.date.value if transfer.date is not None else published
    if stamp is None:
        return _Period(None, None, "unknown")
    return _Period(None, _bounds(stamp)[1], "published")


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31)
        if len(numbers) == 2:
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            return dt.date(numbers[0], numbers[1], 1), dt.date(numbers[0], numbers[1], last)
        if len(numbers) == 3:
            day = dt.date(*numbers)
            return day, day
    except ValueError:
        pass
    raise ValueError(f"Transfer date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD; fix its source.")


def _date_factor(period: _Period, measure: Measure, regime: Regime) -> float | None:
    """How far the date supports the measure being in force; None when it was not."""
    factors = regime.confidence.date
    adopted = measure.resolution.adopted
    lifted = measure.lifted.adopted if measure.lifted is not None else None
    if period.end is None:
        return factors["unknown"]
    if period.end < adopted:
        return None
    if period.basis == "published":
        # Known only to precede publication: after a lift it may postdate the measure.
        return None if lifted is not None and period.end >= lifted else factors["from_publication"]
    assert period.start is not None
    if lifted is not None and period.start >= lifted:
        return None
    within = period.start >= adopted and (lifted is None or period.end < lifted)
    return factors["within"] if within else factors["straddles_adoption"]


def _below(item: Item, minimum: float) -> bool:
    quantity = item.quantity
    if quantity is None or (quantity.unit or "").lower() not in _USD_UNITS:
        return False
    return quantity.value < minimum


def _explain(
    regime: Regime,
    measure: Measure,
    transfer: Transfer,
    items: list[Item],
    direction: str | None,
    period: _Period,
) -> str:
    goods = " and ".join(f"{item.text} ({', '.join(item.tags)})" for item in items)
    if measure.direction == "sts":
        action = f"Ship-to-ship transfer of {goods} with a vessel of {regime.target_name}"
    elif measure.recipients == "non_state" and transfer.recipient is not None:
        recipient = transfer.recipient.name
        action = f"Supplying {goods} to {recipient}, a non-state recipient in {regime.target_name}"
    elif direction == "from_target":
        action = f"Exporting {goods} from {regime.target_name}"
    else:
        action = f"Supplying {goods} to {regime.target_name}"
    res, lifted = measure.resolution, measure.lifted
    when = f"since {res.adopted}"
    if lifted is not None:
        when = f"from {res.adopted} until {lifted.instrument} lifted it on {lifted.adopted}"
    text = f"{action}; {res.instrument} {measure.provision} {measure.summary} {when}."
    dated = period.basis == "text"
    if dated and period.start is not None and period.start < res.adopted:
        text += " The transfer date does not show whether it falls after adoption."
    elif dated and lifted is not None and period.end is not None and period.end >= lifted.adopted:
        text += " The transfer date does not show whether it falls before the lift."
    elif period.basis == "published":
        text += " The transfer is undated; the publication date was used."
    elif period.basis == "unknown":
        text += " The transfer is undated, so whether the measure was in force is unknown."
    if not measure.provision_verified:
        text += " The paragraph number is not verified."
    return text


def _natural(text: str) -> tuple[object, ...]:
    """Sort key that puts OP9 before OP10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))
