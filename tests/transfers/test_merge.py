"""One transfer per event: retellings merge, distinct events stay apart.

Candidates are built by hand so each rule of `merge_retellings` is tested on
its own: shared goods tags, compatible dates, compatible parties, and a
definite reference back ("the car") or the same two parties named again.
"""

from __future__ import annotations

from collections.abc import Callable

from sanctrace.model import AnalysedDocument, Item, Span, TransferDate
from sanctrace.parties.resolve import Mention
from sanctrace.transfers.extract import Candidate
from sanctrace.transfers.merge import merge_retellings

#: The session fixture that analyses one text (tests/conftest.py).
Analyse = Callable[..., AnalysedDocument]

PUTIN = Mention("Vladimir Putin", 0, 14, "Vladimir Putin", "person", "ru", "vladimir-putin")
KIM = Mention("Kim Jong Un", 30, 41, "Kim Jong Un", "person", "kp", "kim-jong-un")
RUSSIA = Mention("Moscow", 0, 6, "Russia", "state", "ru", "ru")
CHINA = Mention("Beijing", 0, 7, "China", "state", "cn", "cn")
CAR = Item("a limousine", ["vehicle", "luxury"], ["8703"])
THE_CAR = Item("the car", ["vehicle"], ["8703"])
SHELLS = Item("artillery shells", ["arms", "ammunition"], ["9306"])


def _candidate(
    position: int,
    items: list[Item],
    *,
    giver: Mention | None = None,
    recipient: Mention | None = None,
    definite: bool = False,
    date: str | None = None,
    attributed_to: list[str] | None = None,
    sentence: int | None = None,
) -> Candidate:
    start = position if sentence is None else sentence
    return Candidate(
        items=list(items),
        item_tokens=frozenset({position}),
        definite=definite,
        evidence=Span(f"sentence {start}", start, start + 300),
        giver=giver,
        recipient=recipient,
        date=TransferDate(date, date, "text") if date else None,
        attributed_to=list(attributed_to or []),
        position=position,
    )


def test_merge_definite_retelling_joins_the_first_telling() -> None:
    first = _candidate(0, [CAR], giver=PUTIN, recipient=KIM)
    later = _candidate(100, [THE_CAR], definite=True, attributed_to=["KCNA"])
    ((event, retellings),) = merge_retellings([later, first])
    assert event is first
    assert retellings == [later]
    assert event.attributed_to == ["KCNA"]
    assert (event.giver, event.recipient) == (PUTIN, KIM)


def test_merge_retelling_fills_missing_roles_and_date() -> None:
    first = _candidate(0, [CAR], recipient=KIM)
    later = _candidate(100, [THE_CAR], giver=PUTIN, definite=True, date="2024-02")
    ((event, _),) = merge_retellings([first, later])
    assert event.giver == PUTIN
    assert event.date is not None and event.date.value == "2024-02"


def test_merge_same_parties_named_again_is_one_event() -> None:
    first = _candidate(0, [SHELLS], giver=RUSSIA, recipient=KIM, date="2023")
    again = _candidate(100, [SHELLS], giver=RUSSIA, recipient=KIM, date="2023-10")
    assert len(merge_retellings([first, again])) == 1


def test_merge_keeps_different_goods_apart() -> None:
    car = _candidate(0, [CAR], giver=PUTIN, recipient=KIM)
    shells = _candidate(100, [SHELLS], giver=PUTIN, recipient=KIM)
    assert [event for event, _ in merge_retellings([car, shells])] == [car, shells]


def test_merge_keeps_different_dates_apart() -> None:
    earlier = _candidate(0, [CAR], giver=PUTIN, recipient=KIM, date="2019")
    later = _candidate(100, [CAR], giver=PUTIN, recipient=KIM, date="2024-02")
    assert len(merge_retellings([earlier, later])) == 2


def test_merge_keeps_different_givers_apart() -> None:
    from_russia = _candidate(0, [CAR], giver=RUSSIA, recipient=KIM)
    from_china = _candidate(100, [THE_CAR], giver=CHINA, definite=True)
    assert len(merge_retellings([from_russia, from_china])) == 2


def test_merge_a_state_and_its_leader_are_compatible() -> None:
    by_leader = _candidate(0, [CAR], giver=PUTIN, recipient=KIM)
    by_state = _candidate(100, [THE_CAR], giver=RUSSIA, definite=True)
    assert len(merge_retellings([by_leader, by_state])) == 1


def test_merge_indefinite_goods_without_both_parties_stay_apart() -> None:
    first = _candidate(0, [CAR], giver=PUTIN, recipient=KIM)
    another = _candidate(100, [CAR], recipient=KIM)
    assert len(merge_retellings([first, another])) == 2


def test_merge_a_denial_answers_the_claim_told_before() -> None:
    claim = _candidate(0, [SHELLS], giver=RUSSIA, recipient=KIM, date="2023")
    denial = _candidate(100, [SHELLS], recipient=KIM)
    denial.certainty = "denied"
    ((event, retellings),) = merge_retellings([claim, denial])
    assert retellings == [denial]
    assert event.certainty == "denied"


def test_merge_a_party_does_not_change_sides() -> None:
    loan = _candidate(0, [SHELLS], recipient=RUSSIA)
    later = _candidate(100, [SHELLS], giver=RUSSIA, recipient=KIM, definite=True)
    assert len(merge_retellings([loan, later])) == 2


def test_merge_an_undated_clause_tells_the_event_its_sentence_dates() -> None:
    # "A car sent by Putin reached Kim on Sunday": the sending is the arrival.
    sent = _candidate(510, [CAR], giver=PUTIN, sentence=500)
    arrived = _candidate(540, [CAR], recipient=KIM, date="2024-02-18", sentence=500)
    ((event, retellings),) = merge_retellings([sent, arrived])
    assert retellings == [arrived]
    assert (event.giver, event.recipient) == (PUTIN, KIM)
    assert event.date is not None and event.date.value == "2024-02-18"


def test_merge_two_sums_in_one_sentence_stay_apart() -> None:
    money = Item("$5 million", ["money"], [])
    paid = _candidate(510, [money], giver=RUSSIA, sentence=500)
    lent = _candidate(540, [money], recipient=KIM, date="2024-02", sentence=500)
    assert len(merge_retellings([paid, lent])) == 2


def test_merge_two_dated_clauses_of_one_sentence_stay_apart() -> None:
    first = _candidate(510, [CAR], giver=PUTIN, date="2019", sentence=500)
    second = _candidate(540, [CAR], recipient=KIM, date="2024-02", sentence=500)
    assert len(merge_retellings([first, second])) == 2


def test_merge_orders_events_by_text_position() -> None:
    late = _candidate(200, [SHELLS], giver=RUSSIA, recipient=KIM)
    early = _candidate(10, [CAR], giver=PUTIN, recipient=KIM)
    assert [event.position for event, _ in merge_retellings([late, early])] == [10, 200]


def test_merge_different_quantities_are_different_events(analyse: Analyse) -> None:
    analysed = analyse(
        "In August, Vladimir Putin sent Kim Jong Un 447 goats. "
        "Vladimir Putin also sent Kim Jong Un 24 horses in August."
    )
    assert len(analysed.transfers) == 2


def test_merge_the_ship_that_carried_goods_does_not_replace_their_sender() -> None:
    ship = Mention("the Polar Star", 60, 74, "Polar Star", "vessel", None, "polar-star")
    first = _candidate(0, [SHELLS], giver=RUSSIA, recipient=CHINA)
    later = _candidate(100, [SHELLS], giver=ship, definite=True)
    ((event, _),) = merge_retellings([first, later])
    assert event.giver == RUSSIA


def test_merge_a_party_introduced_by_another_noun_is_a_new_one() -> None:
    # "A donor gave cash to a charity. ... Donors fund outside groups."
    charity = Mention("a charity", 20, 29, "charity", "organization", None, "charity", False)
    charity.head = "charity"
    groups = Mention("outside groups", 120, 134, "outside groups", "unknown", None, "groups", False)
    groups.head = "group"
    the_charity = Mention("the charity", 140, 151, "charity", "organization", None, "c2", False)
    the_charity.head = "charity"
    cash = Item("cash", ["money"], [])
    first = _candidate(0, [cash], giver=PUTIN, recipient=charity)
    other = _candidate(100, [cash], giver=PUTIN, recipient=groups)
    again = _candidate(140, [cash], giver=PUTIN, recipient=the_charity)
    events = merge_retellings([first, other, again])
    assert [event for event, _ in events] == [first, other]
    assert events[0][1] == [again]


def test_merge_many_described_are_not_one_person_named() -> None:
    # "Donors in the area fund outside groups. ... Putin donated cash to a group."
    donors = Mention("donors in the area", 0, 18, "donors in the area", "unknown", None, "d", False)
    donors.head, donors.plural = "donor", True
    groups = Mention("outside groups", 24, 38, "outside groups", "unknown", None, "groups", False)
    groups.head = "group"
    group = Mention("a group", 80, 87, "group", "unknown", None, "group", False)
    group.head = "group"
    cash = Item("cash", ["money"], [])
    first = _candidate(0, [cash], giver=donors, recipient=groups)
    later = _candidate(60, [cash], giver=PUTIN, recipient=group)
    events = merge_retellings([first, later])
    assert [event for event, _ in events] == [first, later]
    assert first.giver is donors


def test_merge_a_description_a_retelling_names_is_named_where_referred_back_to() -> None:
    # "Hackers stole $9m. Police traced the theft to the Kuro Group. The hackers then
    # moved the money to a broker."
    hackers = Mention("Hackers", 0, 7, "Hackers", "unknown", None, "hackers", False)
    kuro = Mention("the Kuro Group", 50, 64, "Kuro Group", "organization", "kp", "kuro-group")
    again = Mention("The hackers", 70, 81, "Hackers", "unknown", None, "hackers", False)
    again.via = "coreference-description"
    other = Mention("hackers", 120, 127, "hackers", "unknown", None, "hackers", False)
    cash = Item("$9m", ["money"], [])
    theft = _candidate(0, [cash], recipient=hackers)
    blamed = _candidate(40, [Item("the theft", ["money"], [])], definite=True, recipient=kuro)
    moved = _candidate(70, [Item("the money", ["money"], [])], giver=again, date="2024")
    elsewhere = _candidate(120, [Item("ether", ["money"], [])], giver=other, date="2023")
    events = merge_retellings([theft, blamed, moved, elsewhere])
    assert [event for event, _ in events] == [theft, moved, elsewhere]
    assert theft.recipient is kuro
    assert moved.giver is not None and moved.giver.key == "kuro-group"
    assert (moved.giver.text, moved.giver.country) == ("The hackers", "kp")
    assert moved.origin == "kp"
    # other hackers, not referred back to the named ones, stay unnamed
    assert elsewhere.giver is other


THE_SHELLS = Item("the shells", ["arms", "ammunition"], ["9306"])


def test_merge_a_summary_and_its_detail_a_sentence_retells_are_one_event() -> None:
    # "Shells keep reaching Kim. Russia sent Kim shells. The shells went by rail."
    # (Not the opening sentence, which a body telling retells anyway.)
    summary = _candidate(100, [SHELLS], recipient=KIM)
    detail = _candidate(401, [SHELLS], giver=RUSSIA, recipient=KIM)
    later = _candidate(702, [THE_SHELLS], definite=True)
    ((event, retellings),) = merge_retellings([summary, detail, later])
    assert event is summary
    assert retellings == [detail, later]
    assert (event.giver, event.recipient) == (RUSSIA, KIM)


def test_merge_events_told_apart_stay_two_when_a_sentence_retells_both() -> None:
    summary = _candidate(100, [SHELLS], recipient=KIM)
    detail = _candidate(1000, [SHELLS], giver=RUSSIA, recipient=KIM)
    later = _candidate(2000, [THE_SHELLS], definite=True)
    assert [event for event, _ in merge_retellings([summary, detail, later])] == [summary, detail]


def test_merge_a_summary_told_again_in_detail_is_one_transfer(analyse: Analyse) -> None:
    analysed = analyse(
        "Smuggling across the Caspian is rising. Drones keep reaching the Iranian army. "
        "A Kazan plant sent forty drones to a base near Isfahan. "
        "The drones were loaded at Astrakhan."
    )
    assert len(analysed.transfers) == 1
