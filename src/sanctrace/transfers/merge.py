"""One transfer per event per document: merge sentences that retell an event.

A later sentence retells an earlier event when it concerns the same kind of
goods, at a compatible date, between compatible parties, and either refers
back to the goods ("the car", "the yachts") or names the same giver and
recipient again. A headline or lead that omits a party or the date is retold
by the first such sentence of the body. Two clauses of one sentence on one kind
of goods (not money), one of them undated, tell one event ("a car sent by X
reached Y on Sunday"). Two events told in sentences in a row that a later
sentence retells both are one event told twice (a summary and its detail).
"""

from __future__ import annotations

from dataclasses import replace

from sanctrace.parties.resolve import Mention, refers_back
from sanctrace.transfers.document import DOCUMENT_RULES, tags_of
from sanctrace.transfers.extract import Candidate

#: The document rule of a reference back to a description a retelling named.
DESCRIPTION_NAMED = "description-named-by-retelling"


def merge_retellings(candidates: list[Candidate]) -> list[tuple[Candidate, list[Candidate]]]:
    """Group candidates into events: (first telling, later retellings), in text order."""
    events: list[tuple[Candidate, list[Candidate]]] = []
    # The events by kind of goods, date and quantity: a retelling shares a kind of
    # goods with its event, at a compatible date and quantity, so only those events
    # are compared, in order, not every event of the document. An event is listed
    # under every key it ever had (as it absorbs goods and a date); `_same_event`
    # still decides.
    index: dict[_Key, list[int]] = {}
    listed: list[set[_Key]] = []
    named: dict[str, Mention] = {}
    joined: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: c.position):
        shared = sorted({i for key in _wanted_keys(candidate) for i in index.get(key, ())})
        live = [i for i in shared if i not in joined]
        found = next((i for i in live if _retells(candidate, events[i], named)), None)
        if found is None:
            found = len(events)
            events.append((candidate, []))
            listed.append(set())
        else:
            # Another event it retells, a summary's detail in the next sentence, is this one.
            for other in live:
                if (
                    other > found
                    and _told_twice(events[found][0], events[other][0])
                    and _retells(candidate, events[other], named)
                ):
                    _join(events[found], events[other], named)
                    joined.add(other)
            _absorb(events[found][0], candidate, named)
            events[found][1].append(candidate)
        for key in _event_keys(events[found][0]):
            if key not in listed[found]:
                listed[found].add(key)
                index.setdefault(key, []).append(found)
    events = [event for i, event in enumerate(events) if i not in joined]
    _name_described(events, named)
    return events


def _name_described(
    events: list[tuple[Candidate, list[Candidate]]], named: dict[str, Mention]
) -> None:
    """'Hackers stole $9m ... police traced the theft to the Kuro Group ... the hackers
    moved it on': a description a retelling named is that party wherever the text
    refers back to it (`named`: the description's key -> the name)."""
    for event, _ in events:
        for role in ("giver", "recipient"):
            mention = getattr(event, role)
            name = named.get(mention.key) if mention is not None and not mention.proper else None
            if name is None or mention.via is None:
                continue  # (another "a buyer" is another buyer: only references back)
            setattr(
                event, role, replace(name, text=mention.text, start=mention.start, end=mention.end)
            )
            event.rules.document.append(DESCRIPTION_NAMED)
            if role == "giver" and name.kind != "vessel":
                event.origin = event.origin or name.country
            elif role == "recipient":
                event.destination = event.destination or name.country


#: The most characters between two sentences in a row (a space, or a blank line).
_NEXT_SENTENCE = 3

#: A kind of goods, a date key and a quantity key (a quantity's value, or a word).
_Key = tuple[str, str, str | float]
#: The keys of an event with no date (or no quantity), and of every event.
_UNDATED, _NO_QUANTITY, _ANY = "undated", "no quantity", "any"


def told_below(events: list[tuple[Candidate, list[Candidate]]]) -> set[int]:
    """The events that are only a heading over a later telling of goods of their kind
    ("Sale of an elderly tanker." over "the tanker was sold by ..."), by index."""
    below: set[int] = set()
    for index, (first, _) in enumerate(events):
        if first.heading and any(
            other.position > first.position and tags_of(other) & tags_of(first)
            for other, _ in events
        ):
            below.add(index)
    return below


def _event_keys(event: Candidate) -> set[_Key]:
    quantities: list[str | float] = [_ANY, *_quantities(event)]
    if not _quantities(event):
        quantities.append(_NO_QUANTITY)
    dates = _date_keys(event)
    return {
        (tag, date, amount) for tag in tags_of(event) for date in dates for amount in quantities
    }


def _wanted_keys(later: Candidate) -> set[_Key]:
    """Keys of the events `_same_event` may accept for `later`."""
    # With no quantity it may retell any event; with some, one without or sharing one.
    amounts: list[str | float] = (
        [_NO_QUANTITY, *_quantities(later)] if _quantities(later) else [_ANY]
    )
    dates = _wanted_dates(later)
    return {(tag, date, amount) for tag in tags_of(later) for date in dates for amount in amounts}


def _date_keys(event: Candidate) -> list[str]:
    """Keys an event is found under: its date, each prefix of it ("2023" of "2023-05")."""
    if event.date is None:
        return [_UNDATED, _ANY]
    value = event.date.value
    starts = (f"starts:{value[:end]}" for end in range(len(value) + 1))
    return [_ANY, f"date:{value}", *starts]


def _wanted_dates(later: Candidate) -> list[str]:
    """Keys of the events whose dates `_dates_compatible` may accept for `later`."""
    # (An undated clause may tell the event another clause of its sentence dates.)
    if later.date is None:
        return [_ANY]
    value = later.date.value
    # An earlier date that starts this one ("2023" for "2023-05"), or one it starts;
    # undated events too (a headline may retell it, or it may refer back).
    wanted = [f"date:{value[:end]}" for end in range(len(value) + 1)] + [f"starts:{value}"]
    return [*wanted, _UNDATED] if _told_date(later) else [*wanted, _ANY]


def _same_event(
    first: Candidate,
    later: Candidate,
    retold: bool = False,
    named: dict[str, Mention] | None = None,
) -> bool:
    """Whether `later` retells the event `first` told (`retold`: some sentence did already;
    `named`: the descriptions retellings have named so far, by key)."""
    if not tags_of(first) & tags_of(later):
        return False
    # A headline or lead the body retells, once ("Vaccines arrive in Nampo - A
    # consignment sent by a charity reached ..."), whatever date and parties it omits.
    # (A verbless heading is dropped for the telling below it instead: `told_below`.)
    lead = (
        _headline(first)
        and not (retold or first.heading)
        and None in (first.giver, first.recipient)
        and _lead_agrees(first.giver, later.giver)
        and _lead_agrees(first.recipient, later.recipient)
    )
    # Two clauses of one sentence on one kind of goods ("a consignment sent by a
    # charity arrived on Saturday") tell one event when one of them gives no date;
    # (not sums: "paid $5 million for rates banks lend at" are two flows of money).
    together = first.evidence.start == later.evidence.start
    goods = tags_of(first) & tags_of(later) - {"money"}
    undated = together and bool(goods) and not (_told_date(first) and _told_date(later))
    if not (lead and first.date is None) and not undated and not _dates_compatible(first, later):
        return False
    if _quantities(first) and _quantities(later) and not _quantities(first) & _quantities(later):
        return False  # 24 horses and 447 goats are two gifts
    # The ship that delivers goods first took them on: its loading retells the delivery.
    loaded = _same_key(first.giver, later.recipient) and first.giver.kind == "vessel"
    if not (
        _compatible(first.giver, later.giver)
        and (loaded or _compatible(first.recipient, later.recipient))
    ):
        return False
    # ("the hackers" who move the coins on are the Kuro Group that stole them)
    if _same_key(first.recipient, later.giver, named) or (
        _same_key(first.giver, later.recipient, named) and not loaded
    ):
        return False  # a party does not change sides within one event
    if _refers_back(later) or lead or undated:
        return True
    return _same_party(first.giver, later.giver) and _same_party(first.recipient, later.recipient)


def _retells(
    later: Candidate, event: tuple[Candidate, list[Candidate]], named: dict[str, Mention]
) -> bool:
    first, retellings = event
    return _same_event(first, later, bool(retellings), named)


def _told_twice(event: Candidate, other: Candidate) -> bool:
    """Whether two events a later sentence retells both are one event told in two
    sentences in a row, as a summary that leaves a party unsaid and its detail ("Drones
    keep reaching the Iranian army. A Kazan plant sent forty drones to a base near
    Isfahan. The drones were loaded at Astrakhan.")."""
    first, second = sorted((event, other), key=lambda c: c.evidence.start)
    if second.evidence.start - first.evidence.end > _NEXT_SENTENCE:
        return False  # (retold by one sentence, events told apart are still two)
    if not tags_of(event) & tags_of(other) or not _dates_compatible(first, second):
        return False
    if _quantities(event) and _quantities(other) and not _quantities(event) & _quantities(other):
        return False
    if None not in (event.giver, event.recipient, other.giver, other.recipient):
        return False  # (two tellings of both parties, by other nouns, are two events)
    if _same_key(event.recipient, other.giver) or _same_key(event.giver, other.recipient):
        return False
    return _compatible(event.giver, other.giver) and _compatible(event.recipient, other.recipient)


def _join(
    event: tuple[Candidate, list[Candidate]],
    other: tuple[Candidate, list[Candidate]],
    named: dict[str, Mention],
) -> None:
    """Join every telling of `other` to `event`."""
    first, retellings = event
    for telling in (other[0], *other[1]):
        _absorb(first, telling, named)
        retellings.append(telling)
    retellings.sort(key=lambda c: c.position)


def _lead_agrees(a: Mention | None, b: Mention | None) -> bool:
    """A party a lead names is the body's: the same, or a state and one acting in it
    (two descriptions of no named party may be anyone)."""
    if a is None or b is None or a.key == b.key:
        return True
    return "state" in {a.kind, b.kind} and _compatible(a, b)


def _headline(candidate: Candidate) -> bool:
    """Told in the document's opening sentence: a headline or lead the body retells."""
    return candidate.evidence.start == 0


def _refers_back(later: Candidate) -> bool:
    """'The car', or a denial: "X never received a single rifle" answers a claim told
    before, however it names the goods."""
    # (A denial found in a later sentence marks a claim; it does not retell one.)
    denial = later.certainty == "denied" and DOCUMENT_RULES["denied"] not in later.rules.document
    return later.definite or denial


def _told_date(candidate: Candidate) -> bool:
    """Whether the text dates the candidate (not the publication date standing in)."""
    return candidate.date is not None and candidate.date.basis != "published"


def _quantities(candidate: Candidate) -> set[float]:
    return {item.quantity.value for item in candidate.items if item.quantity is not None}


def _dates_compatible(first: Candidate, later: Candidate) -> bool:
    if first.date is None or later.date is None:
        return (first.date is None and later.date is None) or _refers_back(later)
    a, b = first.date.value, later.date.value
    return a.startswith(b) or b.startswith(a)


def _compatible(a: Mention | None, b: Mention | None) -> bool:
    """Two role fillers can be the same party (or one of them is unknown)."""
    if a is None or b is None or a.key == b.key:
        return True
    if a.kind == "state" or b.kind == "state":
        # A state stands for everyone acting for it.
        state, other = (a, b) if a.kind == "state" else (b, a)
        return other.country in {None, state.country}
    if a.proper and b.proper:
        # A headline's "Kim" is the "Kim Jong Un" of the lead.
        return a.kind == b.kind == "person" and _shorter_name(a, b) is not None
    # A description ("a North Korean ship") may name a named party ("Sam Jong 2")
    # if nothing they say about kind and country disagrees.
    kinds = {a.kind, b.kind}
    # People act through groups ("handed to a group of officials"): persons and bodies agree.
    kinds_agree = "unknown" in kinds or len(kinds) == 1 or kinds == {"person", "organization"}
    countries_agree = None in {a.country, b.country} or a.country == b.country
    return kinds_agree and countries_agree


def _more_specific(first: Mention | None, later: Mention | None) -> Mention | None:
    """Keep the first filler unless the retelling names the party behind a state or description."""
    if first is None:
        return later
    if later is not None and _shorter_name(first, later) is first:
        return later  # the fuller name of the same person
    if later is not None and later.kind == "vessel" and first.kind != "vessel":
        return first  # the ship that carried the goods acts for the one who sent them
    if later is not None and first.kind == later.kind == "state":
        return first  # "unloaded at Vladivostok" retells "shipped to Russia": a place of it
    if later is not None and not (first.proper or first.country) and later.country:
        return later  # "an Iranian crew" says more than "attackers"
    if later is not None and later.proper and (first.kind == "state" or not first.proper):
        if later.country is None:
            later.country = first.country
        return later
    return first


def _shorter_name(a: Mention, b: Mention) -> Mention | None:
    """Of two names of one person, the one whose words are all in the other's."""
    words_a, words_b = set(a.name.lower().split()), set(b.name.lower().split())
    if words_a < words_b:
        return a
    if words_b < words_a:
        return b
    return None


def _a_party_says(event: Candidate, later: Candidate) -> bool:
    """Whether the later telling names one of the event's own parties."""
    keys = {m.key for m in (event.giver, event.recipient) if m is not None}
    return any(m is not None and m.key in keys for m in (later.giver, later.recipient))


def _same_key(
    a: Mention | None, b: Mention | None, named: dict[str, Mention] | None = None
) -> bool:
    """Whether two fillers are one party, also as a description a retelling named."""
    if a is None or b is None:
        return False
    names = named or {}
    keys_a = {a.key, *([names[a.key].key] if a.key in names else [])}
    keys_b = {b.key, *([names[b.key].key] if b.key in names else [])}
    return bool(keys_a & keys_b)


def _same_party(a: Mention | None, b: Mention | None) -> bool:
    """Whether `b`, of a later sentence, can be `a` again: compatible, not a new
    party the text introduces by another noun ("a donor gave cash to a campaign ...
    donors fund outside groups"), and not one person for a description of many."""
    if a is None or b is None or not _compatible(a, b):
        return False
    many, one = (a, b) if a.plural else (b, a)
    if many.plural and not many.proper and one.proper and one.kind == "person":
        return False  # "donors in the area" are many, never the one person named again
    introduced = not b.proper and not b.via and not refers_back(b)
    return not (introduced and not a.proper and None not in (a.head, b.head) and a.head != b.head)


def _absorb(event: Candidate, later: Candidate, named: dict[str, Mention]) -> None:
    """Join `later` to `event`; a description it names goes into `named`."""
    for first, name in ((event.giver, later.giver), (event.recipient, later.recipient)):
        description = first is not None and not first.proper
        if description and name is not None and name.proper and _more_specific(first, name) is name:
            named.setdefault(first.key, name)
    event.giver = _more_specific(event.giver, later.giver)
    event.origin = event.origin or later.origin
    if not _same_key(event.giver, later.recipient):
        # (The ship that took the goods on is no recipient of what it then delivers.)
        event.recipient = _more_specific(event.recipient, later.recipient)
        event.destination = event.destination or later.destination
    event.route = event.route or later.route
    if event.date is None:
        event.date = later.date
    if later.certainty == "denied" and not (later.none_passed and not _a_party_says(event, later)):
        # "customs recorded no imports" contradicts but denies nothing; "Chad says it
        # received no rifles" is a party's denial.
        event.certainty = "denied"
    if later.outcome == "prevented":
        event.outcome = "prevented"
    event.attributed_to = list(dict.fromkeys(event.attributed_to + later.attributed_to))
    known = tags_of(event)
    for item in later.items:
        if not set(item.tags) <= known:
            event.items.append(item)
            known |= set(item.tags)
