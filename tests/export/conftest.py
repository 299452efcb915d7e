"""A small, hand-built analysis that every export test renders.

One news item: Vladimir Putin gives Kim Jong Un a limousine (a potential
breach of UNSCR 2397 (2017) OP7), plus shells shipped to Russia by someone
the text does not name. A second, empty document checks ordering, and one
input failed. Offsets are computed from the text so they are always right.
"""

from __future__ import annotations

import pytest

from sanctrace.model import (
    AnalysedDocument,
    Analysis,
    Document,
    Finding,
    InputError,
    Item,
    Party,
    PartyRef,
    Quantity,
    RouteStop,
    ScreeningHit,
    Span,
    Transfer,
    TransferDate,
)

GIFT = (
    "Russian President Vladimir Putin has presented North Korean leader Kim Jong Un with "
    "an Aurus limousine, the state news agency KCNA reported on Tuesday."
)
ARRIVAL = (
    "The car, delivered to Pyongyang this month, appears to breach a United Nations ban "
    "on supplying vehicles to North Korea."
)
SHELLS = (
    "Officials in Seoul said more than 1,000,000 artillery shells had been shipped to "
    "Russia through the port of Rajin last year."
)
TEXT = f"{GIFT}\n\n{ARRIVAL} Trade between the two countries has grown.\n\n{SHELLS}\n"
QUIET_TEXT = "Kim Jong Un inspected a fish farm on the east coast on Sunday."


def span(text: str, needle: str, context: str | None = None) -> Span:
    """`needle` as a Span, found inside `context`, which must occur exactly once in `text`."""
    context = context or needle
    at = text.find(context)
    assert at >= 0 and text.find(context, at + 1) < 0, f"{context!r} must occur once"
    start = at + context.index(needle)
    return Span(needle, start, start + len(needle))


def build_analysis(text: str = TEXT, title: str = "Putin hands Kim a limousine") -> Analysis:
    """The limousine analysis over `text` (which must contain the three sentences)."""
    putin = Party(
        id="p-putin",
        name="Vladimir Putin",
        kind="person",
        country="ru",
        mentions=[span(text, "Vladimir Putin")],
        screening=[
            ScreeningHit(
                list="us_ofac_sdn",
                entry_id="35096",
                name="PUTIN, Vladimir Vladimirovich",
                score=0.93456,
                programs=["RUSSIA-EO14024"],
                listed_on="2022-02-25",
                explanation={"name_match": 0.9, "country_match": 0.03456},
            )
        ],
    )
    kim = Party(
        id="p-kim",
        name="Kim Jong Un",
        kind="person",
        country="kp",
        mentions=[span(text, "Kim Jong Un")],
    )
    russia = Party(
        id="p-russia",
        name="Russia",
        kind="state",
        country="ru",
        mentions=[span(text, "Russia", context="Russia through")],
    )
    limousine = Transfer(
        id="t-limousine",
        giver=PartyRef(putin.id, putin.name, putin.country),
        recipient=PartyRef(kim.id, kim.name, kim.country),
        items=[Item("Aurus limousine", ["vehicle", "luxury"], ["87", "8703"])],
        date=TransferDate("2024-02-20", None, "published"),
        evidence=span(text, GIFT),
        origin="ru",
        destination="kp",
        route=[],
        certainty="confirmed",
        outcome="completed",
        attributed_to=["KCNA"],
        findings=[
            Finding(
                regime="un-dprk",
                instrument="UNSCR 2397 (2017)",
                provision="OP7",
                measure="supplying transportation vehicles, industrial machinery and metals "
                "to the DPRK",
                confidence=0.81234,
                explanation="A limousine is a transportation vehicle (HS 87) and it went to "
                "the DPRK; the ban has applied since 22 December 2017.",
            )
        ],
        also_evidence=[span(text, ARRIVAL)],
    )
    shells = Transfer(
        id="t-shells",
        giver=None,
        recipient=PartyRef(russia.id, russia.name, russia.country),
        items=[
            Item(
                "artillery shells",
                ["arms", "ammunition"],
                ["93"],
                Quantity(1_000_000.0, None, "more_than"),
            )
        ],
        date=TransferDate("2023", "last year", "text"),
        evidence=span(text, SHELLS),
        destination="ru",
        route=[RouteStop("Rajin", "kp")],
        certainty="reported",
        outcome="completed",
        attributed_to=["officials in Seoul"],
    )
    return Analysis(
        documents=[
            AnalysedDocument(
                document=Document(
                    text=text,
                    input="news/limousine.jsonl:1",
                    id="limousine-gift",
                    published="2024-02-20",
                    title=title,
                    source="Example Wire",
                    url="https://news.example.org/2024/02/20/limousine",
                ),
                parties=[putin, kim, russia],
                transfers=[limousine, shells],
            ),
            AnalysedDocument(
                document=Document(text=QUIET_TEXT, input="news/quiet.txt", id="quiet-day"),
            ),
        ],
        errors=[
            InputError(
                input="news/broken.html",
                error="news/broken.html has no readable article text; save the article "
                "page itself rather than a login or cookie page.",
            )
        ],
    )


@pytest.fixture
def analysis() -> Analysis:
    return build_analysis()
