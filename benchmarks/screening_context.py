"""Context cases for benchmarks/screening.py: what birth years, countries and IMO numbers buy.

Groups (each probe is screened twice: with its context, and by name and kind only):

- listed persons: a listed person's name in news order, with the birth year
  and country the list gives;
- namesakes (not listed): a listed person's three-part name with its last
  part swapped for another listed person's last part ("Kim Jong" + another
  given name, "Mohammad Reza" + another surname), same country, a birth year
  seven years off, and a token set no list entry has;
- vessels by name: a listed vessel's name with its flag;
- vessels by IMO: a listed vessel under a name it is not listed with, with
  its IMO number;
- unlisted vessels: made-up ship names with a flag.

The exact-name case screens every primary name of both lists as given,
without a kind, and counts the entries found among their own hits.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from followthemoney import EntityProxy

from sanctrace.errors import InputProblem
from sanctrace.screening import Screener
from sanctrace.screening.query import PartyQuery

#: Birth-year offset of a made-up namesake from the person it is modelled on.
NAMESAKE_YEARS = 7
SHIP_WORDS = ("Ocean", "Pearl", "Star", "Harmony", "Fortune", "Grace", "Horizon", "Jade", "Lotus")


@dataclass(slots=True)
class ContextProbe:
    group: str
    query: PartyQuery
    expected: str | None


def _year(entity: EntityProxy) -> str | None:
    dates = sorted(entity.get("birthDate", quiet=True))
    return dates[0][:4] if dates else None


def _country(entity: EntityProxy) -> str | None:
    values = entity.get("nationality", quiet=True) + entity.get("country", quiet=True)
    return sorted(values)[0] if values else None


def context_probes(
    entities: list[EntityProxy],
    count: int,
    listed_keys: set[str],
    token_key: Callable[[str], str],
    news_order: Callable[[EntityProxy], list[str]],
    rng: random.Random,
) -> list[ContextProbe]:
    """Up to `count` probes per group, drawn deterministically from the lists."""
    ordered = sorted(entities, key=lambda e: e.id or "")
    people = [e for e in ordered if e.schema.name == "Person" and _year(e) and _country(e)]
    vessels = [e for e in ordered if e.schema.name == "Vessel"]
    probes: list[ContextProbe] = []
    for person in rng.sample(people, min(count, len(people))):
        name = " ".join(news_order(person))
        query = PartyQuery(name, "person", _country(person), _year(person))
        probes.append(ContextProbe("listed persons", query, person.id))
    three = [p for p in people if len(news_order(p)) == 3]
    lasts = sorted({news_order(p)[2] for p in three})
    namesakes = 0
    for person in rng.sample(three, len(three)):
        if namesakes == count:
            break
        parts = news_order(person)
        name = " ".join([*parts[:2], rng.choice(lasts)])
        if token_key(name) in listed_keys:
            continue
        year = str(int(_year(person) or 0) + NAMESAKE_YEARS)
        query = PartyQuery(name, "person", _country(person), year)
        probes.append(ContextProbe("namesakes", query, None))
        namesakes += 1
    for vessel in rng.sample(vessels, min(count, len(vessels))):
        flag = (vessel.get("flag", quiet=True) or [None])[0]
        query = PartyQuery(vessel.caption, "vessel", flag=flag)
        probes.append(ContextProbe("vessels by name", query, vessel.id))
    numbered = [v for v in vessels if v.get("imoNumber", quiet=True)]
    for vessel in rng.sample(numbered, min(count, len(numbered))):
        imo = vessel.get("imoNumber", quiet=True)[0].removeprefix("IMO")
        name = f"{rng.choice(SHIP_WORDS)} {rng.choice(SHIP_WORDS)} {rng.randint(1, 99)}"
        probes.append(
            ContextProbe("vessels by IMO", PartyQuery(name, "vessel", imo=imo), vessel.id)
        )
    made_up = 0
    while made_up < count:
        name = f"{rng.choice(SHIP_WORDS)} {rng.choice(SHIP_WORDS)} {rng.randint(100, 999)}"
        if token_key(name) in listed_keys:
            continue
        query = PartyQuery(name, "vessel", flag=rng.choice(("pa", "lr", "mh", "kp", "ru")))
        probes.append(ContextProbe("unlisted vessels", query, None))
        made_up += 1
    return probes


def name_only(query: PartyQuery) -> PartyQuery:
    """The same probe without its context: name and kind only."""
    return PartyQuery(query.name, query.kind)


def context_rates(
    screener: Screener, probes: list[ContextProbe], strip: bool
) -> dict[str, tuple[int, float]]:
    """group -> (probes, recall for listed groups or false-positive rate), and overall."""
    found: dict[str, list[bool]] = {}
    for probe in probes:
        query = name_only(probe.query) if strip else probe.query
        ids = {hit.entry_id for hit in screener.screen_query(query, limit=10)}
        good = probe.expected in ids if probe.expected else bool(ids)
        found.setdefault(probe.group, []).append(good)
        found.setdefault("recall, all listed" if probe.expected else "FP rate, all unlisted", [])
        found["recall, all listed" if probe.expected else "FP rate, all unlisted"].append(good)
    return {group: (len(values), sum(values) / len(values)) for group, values in found.items()}


def exact_names(screener: Screener, entities: list[EntityProxy]) -> tuple[int, int, list[str]]:
    """(entries, entries found among their own hits, a few captions that were not)."""
    missed: list[str] = []
    found = 0
    for entity in entities:
        try:
            hits = screener.screen(entity.caption, limit=10)
        except InputProblem:
            hits = []
        if any(hit.entry_id == entity.id for hit in hits):
            found += 1
        else:
            missed.append(entity.caption)
    return len(entities), found, missed[:5]
