"""Parties across documents: gazetteer, IMO, same name, nomenklatura, analysts' decisions."""

from __future__ import annotations

from sanctrace.events.identity import PartyRecord, identify, imo_near
from sanctrace.events.rules import default_rules
from sanctrace.parties.gazetteer import Gazetteer


def entities(
    parties: list[PartyRecord], decisions: tuple[tuple[str, str, str], ...] = ()
) -> list[set[str]]:
    identities, _ = identify(parties, Gazetteer.load(), default_rules(), decisions)
    by_entity: dict[str, set[str]] = {}
    for party, identity in identities.items():
        by_entity.setdefault(identity.entity, set()).add(party)
    return sorted(by_entity.values(), key=min)


def test_identity_cases() -> None:
    parties = [
        PartyRecord("a/1", "Kim Jong Un", "person", "kp"),
        PartyRecord("b/1", "Kim Jong-un", "person", "kp"),  # gazetteer alias
        PartyRecord("a/2", "Chon Ma San", "unknown", None, imo="8660313"),
        PartyRecord("b/2", "Chon Ma San", "unknown", "kp"),  # same name, no IMO
        PartyRecord("c/2", "Yu Jong", "unknown", None, imo="9216248"),
        PartyRecord("d/2", "Yu Jong", "unknown", None, imo="8660313"),  # IMO decides
        PartyRecord("a/3", "Korea Ryonbong General Corporation", "organization", "kp"),
        PartyRecord("b/3", "Korea Ryonbong General Corp", "organization", "kp"),  # nomenklatura
        PartyRecord("c/3", "Korea Ryonbong General Corporation", "organization", "cn"),
    ]
    assert entities(parties) == [
        {"a/1", "b/1"},
        {"a/2", "b/2", "d/2"},
        {"a/3", "b/3"},
        {"c/2"},
        {"c/3"},
    ]


def test_identity_analyst_decisions_win() -> None:
    kims = [
        PartyRecord("a/1", "Kim Jong Un", "person", "kp"),
        PartyRecord("b/1", "Kim Jong Un", "person", "kp"),
    ]
    assert entities(kims, (("a/1", "b/1", "different"),)) == [{"a/1"}, {"b/1"}]
    firms = [
        PartyRecord("a/1", "Alpha", "organization", None),
        PartyRecord("b/1", "Omega", "organization", None),
    ]
    assert entities(firms, (("a/1", "b/1", "same"),)) == [{"a/1", "b/1"}]


def test_identity_imo_near_a_mention_with_a_valid_check_digit() -> None:
    text = "the tanker Chon Ma San (IMO 8660313) and the Yu Jong, IMO number 1234568"
    assert imo_near(text, [22]) == "8660313"
    assert imo_near(text, [50]) is None  # 1234568 fails the check digit
