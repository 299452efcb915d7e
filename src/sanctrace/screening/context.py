"""Screen an analysed party with everything the document and the gazetteer know about it.

The analyser finds a party's name, kind and country; the gazetteer knows
more about the people and organisations it lists (canonical name, other
spellings, country, birth date). `party_query` gathers that into one
`PartyQuery`, and refuses to screen what cannot name a listed party on its
own: generic descriptions ("the firm"), single words that are not a known
party, an acronym or a numbered name, and bare surnames of people. A name
the document cuts short ("Sam Jong" where it says "Sam Jong 2") is screened
by the fullest form the text gives.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from sanctrace.errors import InputProblem
from sanctrace.screening.query import PartyQuery

if TYPE_CHECKING:
    from sanctrace.model import Party, ScreeningHit
    from sanctrace.parties.gazetteer import Gazetteer

#: What may follow a mention and still be part of the name: the number that
#: ends many ship names ("Sam Jong 2", "Ji Song No. 6"). A following
#: capitalised word is not taken: it is as often the next sentence's start.
_CONTINUATION = re.compile(r"\s+(?:No\.?\s*)?\d{1,4}\b")
_ACRONYM = re.compile(r"[A-Z0-9&-]{3,}")


class QueryScreener(Protocol):
    """What `screen_party` needs of a screener (`sanctrace.screening.Screener` is one)."""

    def screen_query(self, query: PartyQuery, limit: int = 5) -> list[ScreeningHit]: ...


def party_query(
    party: Party, gazetteer: Gazetteer | None = None, text: str | None = None
) -> PartyQuery | None:
    """The query to screen `party` with, or None when its name alone names no one.

    `text` is the document the party was found in: it gives the fullest form
    of a name the analyser cut short.
    """
    name = _fullest(party, text)
    kind = party.kind if party.kind != "unknown" else None
    country = party.country
    entry = gazetteer.lookup(name) if gazetteer is not None else None
    if entry is not None and entry.kind in ("person", "organization"):
        return PartyQuery(
            entry.name,
            kind=entry.kind,
            country=entry.country or country,
            birth_date=entry.birth_date,
            aliases=[alias for alias in entry.aliases if " " in alias],
        )
    if entry is not None or not _names_someone(name, party.kind):
        return None
    return PartyQuery(name, kind=kind, country=country)


def screen_party(
    screener: QueryScreener,
    party: Party,
    gazetteer: Gazetteer | None = None,
    text: str | None = None,
    limit: int = 5,
) -> list[ScreeningHit]:
    """The hits for `party`, screened with its context; [] when it is not screened."""
    query = party_query(party, gazetteer, text)
    if query is None:
        return []
    try:
        return screener.screen_query(query, limit)
    except InputProblem:
        return []  # a name screening refuses (no letters, too long) has no hits


def _fullest(party: Party, text: str | None) -> str:
    """The party's name, extended where the text continues it past a mention."""
    best = party.name
    if text is None:
        return best
    for mention in party.mentions:
        if not mention.text or text[mention.start : mention.end] != mention.text:
            continue
        following = _CONTINUATION.match(text, mention.end)
        if following:
            longer = mention.text + following.group(0)
            if len(longer) > len(best):
                best = " ".join(longer.split())
    return best


def _names_someone(name: str, kind: str) -> bool:
    """Can `name` alone name a listed party (not "the firm", "North", a bare surname)?"""
    words = name.split()
    if not words or not any(word[:1].isupper() or word[:1].isdigit() for word in words):
        return False
    if words[0] in ("the", "a", "an", "its", "their", "this", "that"):
        return False
    if len(words) > 1:
        return True
    # One word: an acronym or a numbered name ("KOMID", "EP-GOM"), or an
    # organisation's own name ("Aurus"); never a person's bare surname.
    if _ACRONYM.fullmatch(name):
        return True
    return kind == "organization"
