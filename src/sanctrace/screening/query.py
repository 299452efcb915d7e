"""What is screened: a name with everything known about the party, as FtM query entities.

A `PartyQuery` is checked before anything is loaded, so that bad input is
one sentence at once. `matcher.build_queries` turns it into followthemoney entities
(one per schema the party may be: a party of unknown kind is asked as a
legal entity, a vessel and an aircraft) carrying the context nomenklatura's
logic-v2 weighs: `country`/`nationality`, `birthDate`, a vessel's `flag` and
`imoNumber`, and the aliases.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from sanctrace.screening.names import ScreeningInputError, check_query_name

#: Query schemata for each kind of party (the contract's kinds plus vessel and
#: aircraft). A name of unknown kind is asked as everything a list names, so
#: that an exact listed name always finds its entry.
KIND_SCHEMATA: dict[str, tuple[str, ...]] = {
    "person": ("Person",),
    "organization": ("Organization",),
    "state": ("PublicBody",),
    "vessel": ("Vessel",),
    "aircraft": ("Airplane",),
    "unknown": ("LegalEntity", "Vessel", "Airplane"),
}

_EARLIEST_BIRTH_YEAR = 1850
_BIRTH_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_IMO = re.compile(r"(?:IMO)?\s*(\d{7})", re.IGNORECASE)


@dataclass(slots=True)
class PartyQuery:
    """A name to screen and what else is known about the party (all optional)."""

    name: str
    kind: str | None = None
    country: str | None = None
    #: "YYYY", "YYYY-MM" or "YYYY-MM-DD": people only.
    birth_date: str | None = None
    aliases: list[str] = field(default_factory=list)
    #: Vessels only: the IMO number ("9161003" or "IMO 9161003") and the flag.
    imo: str | None = None
    flag: str | None = None


@dataclass(frozen=True, slots=True)
class CheckedQuery:
    """A `PartyQuery` whose values are clean: the kind key, codes and forms."""

    name: str
    kind: str
    country: str | None
    birth_date: str | None
    aliases: tuple[str, ...]
    imo: str | None
    flag: str | None


def check_query(query: PartyQuery) -> CheckedQuery:
    """Clean and check `query`; raise ScreeningInputError with one sentence."""
    name = check_query_name(query.name)
    kind = (query.kind or "unknown").strip().lower()
    if kind not in KIND_SCHEMATA:
        kinds = ", ".join(KIND_SCHEMATA)
        raise ScreeningInputError(
            f"The kind of party {query.kind!r} is not known: use one of {kinds}."
        )
    birth_date = _birth_date(query.birth_date) if query.birth_date else None
    if birth_date is not None:
        kind = _only_for(kind, "person", "A birth year or date", "people")
    imo = _imo(query.imo) if query.imo else None
    flag = _country(query.flag) if query.flag else None
    if imo is not None or flag is not None:
        kind = _only_for(kind, "vessel", "An IMO number or flag", "vessels")
    aliases = tuple(
        dict.fromkeys(a for a in (" ".join(alias.split()) for alias in query.aliases) if a)
    )
    return CheckedQuery(
        name=name,
        kind=kind,
        country=_country(query.country) if query.country else None,
        birth_date=birth_date,
        aliases=tuple(a[:400] for a in aliases if a != name),
        imo=imo,
        flag=flag,
    )


def _only_for(kind: str, wanted: str, what: str, who: str) -> str:
    if kind == "unknown":
        return wanted
    if kind != wanted:
        raise ScreeningInputError(f"{what} was given for a {kind}: it applies only to {who}.")
    return kind


def _birth_date(value: str) -> str:
    match = _BIRTH_DATE.fullmatch(value.strip())
    if match is None:
        raise ScreeningInputError(
            f"The birth date {value!r} is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD."
        )
    year = int(match.group(1))
    this_year = datetime.date.today().year
    if not _EARLIEST_BIRTH_YEAR <= year <= this_year:
        raise ScreeningInputError(
            f"The birth year {year} is impossible: give a year between "
            f"{_EARLIEST_BIRTH_YEAR} and {this_year}."
        )
    if match.group(3):
        try:
            datetime.date.fromisoformat(match.group(0))
        except ValueError:
            raise ScreeningInputError(f"The birth date {value!r} is not a real day.") from None
    return match.group(0)


def _imo(value: str) -> str:
    """An IMO ship number: seven digits whose last is the check digit of the others."""
    match = _IMO.fullmatch(value.strip())
    digits = match.group(1) if match else ""
    check = sum(int(d) * weight for d, weight in zip(digits[:6], range(7, 1, -1), strict=False))
    if not digits or check % 10 != int(digits[6]):
        raise ScreeningInputError(
            f"The IMO number {value!r} is not valid: give the seven digits, such as 9161003."
        )
    return digits


def _country(value: str) -> str:
    from followthemoney.types import registry

    code = registry.country.clean(value)
    if code is None:
        raise ScreeningInputError(
            f"The country {value!r} is not known: give an ISO code such as 'kp' or a name."
        )
    return code
