"""Parties across documents: which stored parties are the same person, state, firm or vessel.

In order: an analyst's decision ("same", "different") wins; a gazetteer
entry is an identity; so is a vessel's IMO number; other parties of one
kind with the same name are one; remaining names are compared with
nomenklatura's matcher (blocked on shared name words), never across
different countries.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sanctrace.events.rules import EventRules
from sanctrace.parties.gazetteer import Gazetteer, fold

#: "IMO 9216248", "IMO number 9216248", "IMO No. 9216248": seven digits.
IMO_PATTERN = re.compile(r"\bIMO(?:\s+(?:number|no\.?))?[\s:#]*(\d{7})\b", re.IGNORECASE)
#: How far after a mention an IMO number still belongs to it, in characters.
IMO_REACH = 60

#: followthemoney schemata for nomenklatura's comparisons.
_SCHEMA = {"person": "Person", "organization": "Organization", "vessel": "Vessel"}


@dataclass(frozen=True, slots=True)
class PartyRecord:
    id: str
    name: str
    kind: str
    country: str | None
    imo: str | None = None


@dataclass(frozen=True, slots=True)
class Identity:
    entity: str
    reason: str


@dataclass(frozen=True, slots=True)
class EntityInfo:
    id: str
    name: str
    kind: str
    country: str | None
    basis: str  # gazetteer | imo | name | analyst


def imo_near(text: str, ends: Iterable[int]) -> str | None:
    """The valid IMO number written just after one of the mentions ending at `ends`."""
    for end in ends:
        match = IMO_PATTERN.search(text, end, end + IMO_REACH)
        if match and _imo_checks(match.group(1)):
            return match.group(1)
    return None


def _imo_checks(number: str) -> bool:
    # The seventh digit is the check digit of the weighted sum of the first six.
    digits = [int(d) for d in number]
    return sum(d * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True)) % 10 == digits[6]


class _Sets:
    """Union-find over party ids that refuses unions an analyst said were wrong."""

    def __init__(self, ids: Iterable[str], different: Mapping[str, set[str]]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: {i} for i in self.parent}
        self.different = different

    def root(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str, forced: bool = False) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        small, large = sorted((ra, rb), key=lambda r: len(self.members[r]))
        if not forced:
            for member in self.members[small]:
                if self.different.get(member, set()) & self.members[large]:
                    return False
        self.parent[small] = large
        self.members[large] |= self.members.pop(small)
        return True


def identify(
    parties: list[PartyRecord],
    gazetteer: Gazetteer,
    rules: EventRules,
    decisions: Iterable[tuple[str, str, str]] = (),
) -> tuple[dict[str, Identity], list[EntityInfo]]:
    """Each party's identity and the identities' descriptions; `decisions` are
    (party, other, "same" | "different") from analysts."""
    by_id = {party.id: party for party in parties}
    different: dict[str, set[str]] = defaultdict(set)
    same: list[tuple[str, str]] = []
    for party, other, decision in decisions:
        if party in by_id and other in by_id:
            if decision == "different":
                different[party].add(other)
                different[other].add(party)
            else:
                same.append((party, other))
    sets = _Sets(by_id, different)
    reasons: dict[str, str] = {}
    for a, b in same:
        sets.union(a, b, forced=True)
        reasons.setdefault(b, f"merged with {a} by an analyst")
    keyed: dict[str, list[PartyRecord]] = defaultdict(list)
    basis: dict[str, str] = {}
    for party in sorted(parties, key=lambda p: p.id):
        key, why, kind = _key(party, gazetteer)
        keyed[key].append(party)
        reasons.setdefault(party.id, why)
        basis[party.id] = kind
    for members in keyed.values():
        for member in members[1:]:
            sets.union(members[0].id, member.id)
    _match_names(keyed, sets, reasons, rules)
    return _results(by_id, sets, reasons, basis, gazetteer)


def _key(party: PartyRecord, gazetteer: Gazetteer) -> tuple[str, str, str]:
    entry = gazetteer.lookup(party.name)
    if entry is not None and (party.country is None or entry.country in (None, party.country)):
        return f"gazetteer:{entry.key}", f"gazetteer entry {entry.key}", "gazetteer"
    if party.kind == "state" and party.country:
        return f"gazetteer:state:{party.country}", f"state {party.country}", "gazetteer"
    if party.imo:
        return f"imo:{party.imo}", f"IMO {party.imo}", "imo"
    name = fold(party.name)
    return (
        f"name:{party.kind}:{party.country or ''}:{name}",
        f"same {party.kind} name '{party.name}'",
        "name",
    )


def _match_names(
    keyed: Mapping[str, list[PartyRecord]],
    sets: _Sets,
    reasons: dict[str, str],
    rules: EventRules,
) -> None:
    """Join clusters that are one party by name: the same name, or nomenklatura's score.

    IMO clusters take part too (a vessel named without its number in one
    article is the vessel whose number another gives), but two different
    IMO numbers are never one vessel.
    """
    named = [members[0] for key, members in keyed.items() if not key.startswith("gazetteer:")]
    blocks: dict[str, list[PartyRecord]] = defaultdict(list)
    for party in named:
        for word in set(fold(party.name).split()):
            if len(word) >= 3:
                blocks[word].append(party)
    pairs = {
        (a.id, b.id): (a, b)
        for block in blocks.values()
        if len(block) <= 50  # a word shared by many names ("trading") tells nothing
        for i, a in enumerate(block)
        for b in block[i + 1 :]
        if _comparable(a, b)
    }
    fuzzy = {}
    for (a_id, b_id), (a, b) in sorted(pairs.items()):
        if fold(a.name) == fold(b.name):
            # The reason goes to the party that lacks an IMO number: the other has its own.
            named, other = (b, a) if b.imo is None else (a, b)
            if sets.union(a_id, b_id):
                reasons[named.id] = f"same name '{named.name}' as {other.id}"
        else:
            fuzzy[(a_id, b_id)] = (a, b)
    if fuzzy:
        _score_names(fuzzy, sets, reasons, rules)


def _score_names(
    pairs: Mapping[tuple[str, str], tuple[PartyRecord, PartyRecord]],
    sets: _Sets,
    reasons: dict[str, str],
    rules: EventRules,
) -> None:
    from followthemoney import model
    from nomenklatura.matching import get_algorithm

    algorithm = get_algorithm(rules.party_algorithm)
    assert algorithm is not None  # the rules loader checked the name
    config = algorithm.default_config()
    entities = {}
    for a, b in pairs.values():
        for party in (a, b):
            if party.id not in entities:
                entity = model.make_entity(_SCHEMA.get(party.kind, "LegalEntity"))
                entity.id = "sanctrace-party-" + hashlib.sha1(party.id.encode()).hexdigest()
                entity.add("name", party.name)
                entity.add("country", party.country)
                entities[party.id] = entity
    for (a_id, b_id), (a, b) in sorted(pairs.items()):
        score = algorithm.compare(entities[a_id], entities[b_id], config).score
        if score >= rules.party_threshold and sets.union(a_id, b_id):
            reasons[b_id] = f"{rules.party_algorithm} {score:.2f}: '{b.name}' ~ '{a.name}'"


def _comparable(a: PartyRecord, b: PartyRecord) -> bool:
    kinds_fit = a.kind == b.kind or "unknown" in (a.kind, b.kind)
    countries_fit = a.country is None or b.country is None or a.country == b.country
    imos_fit = a.imo is None or b.imo is None or a.imo == b.imo
    return kinds_fit and countries_fit and imos_fit and a.kind != "state"


def _results(
    by_id: Mapping[str, PartyRecord],
    sets: _Sets,
    reasons: Mapping[str, str],
    basis: Mapping[str, str],
    gazetteer: Gazetteer,
) -> tuple[dict[str, Identity], list[EntityInfo]]:
    identities: dict[str, Identity] = {}
    entities: list[EntityInfo] = []
    for members in sorted(sets.members.values(), key=min):
        first = min(members)
        entity_id = "pe-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]
        party = by_id[first]
        entry = gazetteer.lookup(party.name) if basis[first] == "gazetteer" else None
        entities.append(
            EntityInfo(
                entity_id,
                entry.name if entry else party.name,
                party.kind,
                party.country or (entry.country if entry else None),
                basis[first],
            )
        )
        for member in members:
            identities[member] = Identity(entity_id, reasons[member])
    return identities, entities
