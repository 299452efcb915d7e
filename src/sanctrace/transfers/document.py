"""Document-level rules over one document's candidates, in text order.

Each sentence is read alone; what only the document can tell is settled
here, by plain functions over the candidates: goods that refer back ("a
further 300 tonnes", "the cargo") take the goods and giver last named, and
each party's country is the one any of its mentions gives, and a party's
denial in a later sentence marks the claim it denies. Every rule
applied is recorded in the candidate's `rules.document` by its lexicon id.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import cache
from itertools import pairwise

from sanctrace.model import Cue, Item, Span
from sanctrace.parties.resolve import (
    MEMBER_NOUNS,
    ORG_WORDS,
    THING_PRONOUNS,
    Mention,
    introduces,
    refers_back,
)
from sanctrace.transfers.extract import WORD, Candidate, first_word
from sanctrace.transfers.lexicon import inflections
from sanctrace.transfers.words import words


def continue_goods(
    candidates: list[Candidate], named_before: Callable[[int, bool], list[str]]
) -> list[Candidate]:
    """Give goods that refer back the tags of the goods last named in a transfer (before
    the first: those named first, else those the text names before it anywhere, as
    `named_before(offset, money)` reads them); drop those that refer to nothing. Goods
    measured by weight or volume refer to goods, not money. A continued trade keeps
    its giver; goods passed on go from the last to receive them."""
    kept: list[Candidate] = []
    ordered = sorted(candidates, key=lambda c: c.position)
    # A headline's "delivered its cargo" names the goods the story names next.
    last_tags: list[str] = next(
        (_specific_tags(c) for c in ordered if not c.borrows and _specific_tags(c)), []
    )
    last_goods: list[str] = []  # the last that are not money
    last_freight: list[str] = []  # the last that are no ship: what "its cargo" can be
    last_giver: Mention | None = None
    received: list[tuple[set[str], Mention]] = []  # who received which goods, in order
    for candidate in ordered:
        if candidate.borrows:
            measured = any(_measured(candidate.items[i]) for i in candidate.borrows)
            tags = last_goods if measured and "money" in last_tags else last_tags
            if tags == [VESSEL_TAG] and any(
                _freight(candidate.items[i]) for i in candidate.borrows
            ):
                tags = last_freight  # "the ship was sold ... it discharged its cargo"
            # "Customs seized the drones. The broker had bought them in Dubai."
            tags = tags or named_before(candidate.position, not measured)
            if tags:
                for index in candidate.borrows:
                    candidate.items[index].tags = list(tags)
                    candidate.items[index].hs = []
                if candidate.giver is None and last_giver is not None and not candidate.onward:
                    candidate.giver = last_giver
                    candidate.rules.roles["giver"] = "continued-giver"
                candidate.rules.document.append("goods-continued")
            else:
                candidate.items = [i for i in candidate.items if i.tags]
            if not candidate.items:
                continue
        if candidate.giver is None and candidate.told_deed is not None:
            # "Two of those shipments carried rifles": those told before, by their giver.
            told = next((c for c in reversed(kept) if _tells_of(c, candidate.told_deed)), None)
            if told is not None and told.giver is not None:
                candidate.giver = told.giver
                candidate.rules.roles["giver"] = "told-deed-giver"
        tags = tags_of(candidate)
        if candidate.same_route and candidate.destination is None:
            # "more pianos went along the same route": to where the last ones went.
            before = next((c for c in reversed(kept) if _went_to(c) and tags_of(c) & tags), None)
            if before is not None:
                candidate.destination = _went_to(before)
                candidate.origin = candidate.origin or before.origin
                candidate.rules.document.append("same-route")
        if candidate.onward and candidate.giver is None:
            # "Ten of the drones were sold on to Syria": by the last to receive them.
            before = next((r for got, r in reversed(received) if got & tags), None)
            if before is not None:
                candidate.giver = before
                candidate.rules.roles["giver"] = "onward-giver"
        last_tags = _specific_tags(candidate) or list(candidate.items[-1].tags)
        if "money" not in last_tags:
            last_goods = last_tags
        if last_tags != [VESSEL_TAG]:
            last_freight = last_tags
        if candidate.giver is not None:
            last_giver = candidate.giver
        if candidate.recipient is not None:
            received.append((tags, candidate.recipient))
        kept.append(candidate)
    return kept


def _went_to(candidate: Candidate) -> str | None:
    """The state the candidate's goods went to, as far as its sentence tells."""
    recipient = candidate.recipient
    return candidate.destination or (recipient.country if recipient is not None else None)


def tags_of(candidate: Candidate) -> set[str]:
    """Every tag of the candidate's goods."""
    return {tag for item in candidate.items for tag in item.tags}


def _tells_of(candidate: Candidate, deed: str) -> bool:
    """Whether the candidate's trigger or goods name the deed ("shipment" in "sent six
    shipments of rifles")."""
    texts = [candidate.rules.trigger.text, *(item.text for item in candidate.items)]
    return any(word.startswith(deed) for text in texts for word in text.lower().split())


def records_absorb(
    told: list[tuple[Span, Candidate]], candidates: list[Candidate]
) -> list[Candidate]:
    """'Goods: rifles. Supplier: X. ... Assessment: the cargo was seized.': a record's
    paragraph tells of one transfer, so what its sentences tell joins the record's
    transfer (`told`: each record's paragraph and transfer) instead of standing alone."""
    kept = []
    for candidate in candidates:
        record = next((c for p, c in told if p.start <= candidate.evidence.start < p.end), None)
        if record is None:
            kept.append(candidate)
        elif RECORD_RULE not in record.rules.document:
            record.rules.document.append(RECORD_RULE)
    return kept + [candidate for _, candidate in told]


def settle_countries(
    candidates: list[Candidate],
    registration: Callable[[str], str | None],
    local: str | None,
    described: Callable[[str], str | None] = lambda name: None,
) -> None:
    """One country per party: what any mention in a transfer says, else where a named
    ship or firm is registered, else what another mention of its name says (as
    `described` reads it: "Peruvian broker John Miller" places Miller, person or
    firm), else the dateline's country for a named firm; last, a name that shortens
    a placed party's name takes its country."""
    known: dict[str, str] = {}
    for candidate in candidates:
        for mention in _parties(candidate):
            if mention.country and mention.key not in known and not introduces(mention):
                known[mention.key] = mention.country
    for candidate in candidates:
        for mention in _parties(candidate):
            rule = _settle(mention, known, registration, local, described)
            if rule is not None:
                candidate.rules.document.append(rule)
            if mention.via and mention.via not in candidate.rules.document:
                candidate.rules.document.append(mention.via)
    named: dict[str, set[str]] = {}  # the countries of proper names, for shortened ones
    for candidate in candidates:
        for mention in _parties(candidate):
            if mention.country and mention.proper:
                named.setdefault(mention.name, set()).add(mention.country)
    for candidate in candidates:
        for mention in _parties(candidate):
            if mention.country is None and mention.proper and _settle_shortened(mention, named):
                candidate.rules.document.append("country-shortened-name")
        # (A ship's flag is where it is registered, not where its cargo comes from or,
        # when the ship takes goods on, where they go.)
        sender = candidate.giver if candidate.giver and candidate.giver.kind != "vessel" else None
        taker = candidate.recipient
        taker = taker if taker and taker.kind != "vessel" else None
        candidate.origin = candidate.origin or (sender and sender.country)
        candidate.destination = candidate.destination or (taker and taker.country)


def _settle(
    mention: Mention,
    known: dict[str, str],
    registration: Callable[[str], str | None],
    local: str | None,
    described: Callable[[str], str | None],
) -> str | None:
    if mention.country is not None:
        return None
    if mention.key in known and not introduces(mention):
        mention.country = known[mention.key]
        return "country-from-other-mention"
    if mention.proper:
        # (A person is registered nowhere, but a demonym before the name places one.)
        if mention.kind != "person":
            mention.country = registration(mention.name)
            if mention.country is not None:
                return "country-registration"
        mention.country = described(mention.name)
        if mention.country is not None:
            return "country-described"
    # A firm the story names, or refers back to ("the company"), without placing it
    # is where the dateline places the story.
    referred = refers_back(mention)
    if mention.kind == "organization" and (mention.proper or referred) and local is not None:
        mention.country = local
        return "country-dateline"
    return None


def _settle_shortened(mention: Mention, named: dict[str, set[str]]) -> bool:
    """'Pentavia Logistics of Riga ... Pentavia also sold': a name that begins one
    longer name of the document's parties, and no other, is that party's."""
    if mention.kind == "person":
        return False
    countries = {
        c for name, found in named.items() if name.startswith(mention.name + " ") for c in found
    }
    if len(countries) != 1:
        return False
    mention.country = countries.pop()
    return True


def _measured(item: Item) -> bool:
    """'a further 1,500 tonnes': a quantity in a unit that is no currency."""
    quantity = item.quantity
    return quantity is not None and quantity.unit is not None and not quantity.unit.isupper()


def _freight(item: Item) -> bool:
    """'its cargo', 'the equipment': words for what a carrier carries, never the carrier."""
    return any(word in GENERIC_GOODS for word in item.text.lower().split())


def _specific_tags(candidate: Candidate) -> list[str]:
    """The tags of the last goods the candidate names that say more than "other"."""
    specific = [i for i in candidate.items if i.tags and i.tags != ["other"]]
    return list(specific[-1].tags) if specific else []


def _parties(candidate: Candidate) -> list[Mention]:
    return [m for m in (candidate.giver, candidate.recipient) if m is not None]


def tellings_nearby(
    candidates: list[Candidate],
    sentences: list[Span],
    mentions: list[Mention],
    forms: frozenset[str],
    certainty: str,
    negations: frozenset[str] = frozenset(),
    goods_named: Callable[[str], frozenset[str]] = lambda text: frozenset(),
    knowledge: frozenset[str] = frozenset(),
    phrases: frozenset[str] = frozenset(),
) -> None:
    """'Russia shipped rifles, Ukraine said. The Kremlin denied the report.': a later
    sentence in which a party of a transfer says one of `forms` (denies, or admits)
    gives the transfer that `certainty` (`denied`, or `confirmed`). An admission
    never undoes a denial. A telling that names goods (`goods_named` gives their
    tags) speaks only of transfers of such goods: "denied the claim about oil" says
    nothing of the shells.

    `sentences` and `mentions` are in text order. Each party's candidates wait in
    the order their evidence ends, and a telling sentence takes only those of its
    speakers told before it, so no candidate or mention is looked at twice per party.
    A word of telling right after one of `negations` ("does not dispute") says nothing,
    nor one just before a word of `knowledge` ("denied knowing where it came from").
    One of `phrases` says what a word of `forms` says ("has nothing to do with").
    """
    rule = DOCUMENT_RULES[certainty]
    waiting: dict[str, list[Candidate]] = {}
    for candidate in sorted(candidates, key=lambda c: c.evidence.end):
        for key in dict.fromkeys(m.key for m in _parties(candidate)):
            waiting.setdefault(key, []).append(candidate)
    taken = dict.fromkeys(waiting, 0)
    # A named party may speak where nothing else marked it: found by its words.
    named = {
        word: mention.key
        for candidate in candidates
        for mention in _parties(candidate)
        if mention.proper
        for word in _speaker_words(mention)
    }
    for sentence in sentences:
        cue = _first_cue(sentence.text, forms, phrases)
        if cue is None:
            continue
        before_cue = sentence.text[: cue.start()].lower().replace("’", "'").split()[-2:]
        if any(w in negations or w.endswith("n't") for w in before_cue):
            continue
        after_cue = WORD.findall(sentence.text[cue.end() :])[:KNOWLEDGE_GAP]
        if any(w.lower() in knowledge for w in after_cue):
            continue
        # The speaker is named just before the word: "the Kremlin on Monday denied",
        # not a party the sentence names elsewhere ("... to Russia, and both denied it").
        said = sentence.start + cue.start()
        speakers = set()
        at = bisect.bisect_left(mentions, sentence.start, key=lambda m: m.start)
        while at < len(mentions) and mentions[at].start < said:
            gap = sentence.text[mentions[at].end - sentence.start : cue.start()]
            if mentions[at].end <= said and len(gap.split()) <= SPEAKER_GAP:
                speakers.add(mentions[at].key)
            at += 1
        before = [w.lower() for w in WORD.findall(sentence.text[: cue.start()])]
        speakers.update(named[w] for w in _names_before(before[-SPEAKER_GAP - 3 :]) if w in named)
        if _speaks_for_a_body(before[-SPEAKER_GAP - 2 :]):
            # "The firm's manager denies the charge": the body last named in a transfer.
            told = [c for c in candidates if c.evidence.end <= sentence.start]
            bodies = [m for c in told for m in _parties(c) if m.kind not in {"person", "state"}]
            speakers.update(m.key for m in sorted(bodies, key=lambda m: m.start)[-1:])
        # "..., and both have admitted it": each party of what the sentence told.
        every = bool(EVERY_PARTY_WORDS & set(before[-SPEAKER_GAP:]))
        topic = goods_named(sentence.text)
        for key in waiting.keys() if every else speakers & waiting.keys():
            queue, first = waiting[key], taken[key]
            last = first
            while last < len(queue) and queue[last].evidence.end <= sentence.start:
                last += 1
            own = last
            while own < len(queue) and queue[own].evidence.end <= sentence.end:
                own += 1
            # This sentence's own transfers told before the word ("X sent rifles, and X
            # has admitted it"); "both" speaks only of those.
            same = [c for c in queue[last:own] if c.position < said]
            if every:
                told = same
            else:
                # Those taken before were told of by an earlier sentence of this speaker.
                told = [*queue[first:last], *same]
                taken[key] = last
            if told and _one_thing(after_cue):
                told = told[-1:]  # "denies the charge": the one told last, not them all
            for candidate in told:
                if candidate.certainty in {certainty, "denied"}:
                    continue
                if topic and not topic & {t for item in candidate.items for t in item.tags}:
                    continue
                candidate.certainty = certainty
                candidate.rules.cues.append(
                    Cue(cue.group(), said, said + len(cue.group()), f"certainty={certainty}")
                )
                candidate.rules.document.append(rule)


def turns_told(candidates: list[Candidate], text: str) -> None:
    """'HOST: ...  GUEST: A tanker delivered diesel.': in a transcript each turn is its
    speaker's telling, so a transfer a turn states as fact is reported, unless the
    speaker took part in it ("we delivered the diesel"), which confirms it."""
    turns = speaker_turns(text)
    starts = [start for start, _, _ in turns]
    for candidate in candidates:
        if candidate.certainty != "confirmed" or _told_with_cue(candidate):
            continue
        at = bisect.bisect_right(starts, candidate.evidence.start) - 1
        if at < 0 or candidate.evidence.start >= turns[at][1]:
            continue
        if any(_first_person(m) for m in _parties(candidate)):
            continue
        start, _, label = turns[at]
        candidate.certainty = "reported"
        candidate.rules.cues.append(Cue(label, start, start + len(label), "certainty=reported"))
        candidate.rules.document.append("reported-turn")


def accounts_told(
    candidates: list[Candidate], sentences: list[Span], text: str, openers: frozenset[str]
) -> None:
    """'According to the crew, boats came alongside. They handed over squid.': a sentence
    that opens with its source (one of `openers`) begins an account, and a transfer a
    later sentence of its paragraph states with no cue of its own goes on with it."""
    opening = _phrase_pattern(openers)
    sources = [
        (sentence, cue)
        for sentence in sentences
        if (cue := opening.match(sentence.text, len(sentence.text) - len(sentence.text.lstrip())))
    ]
    for candidate in candidates:
        if candidate.certainty != "confirmed" or _told_with_cue(candidate):
            continue
        at = candidate.evidence.start
        source = next(((s, c) for s, c in reversed(sources) if s.end <= at), None)
        if source is None or "\n" in text[source[0].end : at]:
            continue  # no account is open in this paragraph
        sentence, cue = source
        start = sentence.start + cue.start()
        candidate.certainty = "reported"
        candidate.rules.cues.append(
            Cue(cue.group(), start, start + len(cue.group()), "certainty=reported")
        )
        candidate.rules.document.append("reported-account")


def answered_only(candidates: list[Candidate], text: str) -> list[Candidate]:
    """'Q: Were drones sold to Chad?  A: We saw none.': an interviewer's turn only puts
    what it tells to the one who answers, so the transfers it alone tells are left out;
    what the answer tells stands."""
    asked = [(start, end) for start, end, label in speaker_turns(text) if _asks(label)]
    return [
        c for c in candidates if not any(start <= c.evidence.start < end for start, end in asked)
    ]


def _asks(label: str) -> bool:
    return label.lower().rstrip(".") in QUESTION_LABELS


def culprits_placed(
    candidates: list[Candidate], text: str, country_in: Callable[[str], str | None]
) -> None:
    """'Investigators linked the theft to the Kuro Group of North Korea ... the thieves
    moved the coins': whoever the text blames for its theft or attack is the thief,
    hacker or attacker it goes on to describe, who takes the blamed party's country
    (`country_in` reads the country a phrase names)."""
    blamed = _blame_pattern().search(text)
    country = country_in(blamed.group("who")) if blamed else None
    if country is None:
        return
    for candidate in candidates:
        for mention in _parties(candidate):
            last = mention.name.lower().split()[-1:] if mention.name else []
            if mention.country is None and last and last[0] in CULPRIT_NOUNS:
                mention.country = country
                candidate.rules.document.append("country-of-the-blamed")


@cache
def _blame_pattern() -> re.Pattern[str]:
    verbs = _alternatives(form for verb in ATTRIBUTION_VERBS for form in inflections(verb))
    deeds = _alternatives(DEED_NOUNS)
    return re.compile(
        rf"\b(?:{verbs})\s+(?:the|this|that|its|their)\s+(?:\w+\s+){{0,2}}?(?:{deeds})s?\b"
        r"[^.;]{0,60}?\b(?:to|on)\s+(?P<who>[^.;]{1,80})",  # "blamed the hack on X"
        re.IGNORECASE,
    )


def speaker_turns(text: str) -> list[tuple[int, int, str]]:
    """The turns of a transcript as (start, end, speaker label), in text order.

    A text is a transcript when its lines open with the labels of at least two
    speakers ("HOST: ", "Q: ", "R.: "); a turn runs from its label to the next. A
    label in `line_labels` ("UPDATE: ") names no speaker and ends no turn.
    """
    labels = [m for m in _SPEAKER_LABEL.finditer(text) if m.group(1).lower() not in LINE_LABELS]
    if len({label.group(1) for label in labels}) < 2:
        return []
    ends = [label.start() for label in labels[1:]] + [len(text)]
    return [(label.start(), end, label.group(1)) for label, end in zip(labels, ends, strict=True)]


def _told_with_cue(candidate: Candidate) -> bool:
    return any(cue.sets.startswith("certainty=") for cue in candidate.rules.cues)


def _first_person(mention: Mention) -> bool:
    words = mention.text.split()
    return bool(words) and words[0].lower() in FIRST_PERSON


def _first_cue(text: str, forms: frozenset[str], phrases: frozenset[str]) -> re.Match[str] | None:
    """The first word of `forms` or phrase of `phrases` in the text."""
    word = first_word(text, forms)
    found = [word] if word else []
    if phrases:
        phrase = _phrase_pattern(phrases).search(text)
        found += [phrase] if phrase else []
    return min(found, key=lambda m: m.start(), default=None)


@cache
def _phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternatives(phrases)})\b", re.IGNORECASE)


def _alternatives(phrases: Iterable[str]) -> str:
    """A regular expression matching any of the phrases, longest first."""
    return "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))


def _one_thing(words: list[str]) -> bool:
    """'the charge', 'this report', 'it': what a telling answers is one thing."""
    first = words[0].lower() if words else ""
    if first in THING_PRONOUNS:
        return True
    # (a plural ends in "s": "the charges" answer them all)
    return first in ONE_THING_WORDS and (len(words) < 2 or not words[1].lower().endswith("s"))


def _speaks_for_a_body(words: list[str]) -> bool:
    """'the firm's manager', 'its lawyer': a person speaking for a body named before."""
    for at, word in enumerate(words):
        if word in MEMBER_NOUNS and at:
            owner = words[max(0, at - 4) : at]
            # "its lawyer", or "the firm's": the tokenizer leaves the "s" of "'s" alone.
            possessed = any(w in ORG_WORDS and n == "s" for w, n in pairwise(owner))
            if possessed or set(owner) & THING_PRONOUNS:
                return True
    return False


def _speaker_words(mention: Mention) -> list[str]:
    """How a later sentence may name a party: its whole name, and a person by any
    long word of it ("Oyama" for "Yutaka Oyama")."""
    name = " ".join(w.lower() for w in WORD.findall(mention.name))
    if mention.kind != "person":
        return [name]
    return [name, *(w for w in name.split() if len(w) >= PERSON_WORD)]


def _names_before(words: list[str]) -> list[str]:
    """The runs of `words` ending at most `SPEAKER_GAP` words before their end."""
    ends = range(max(1, len(words) - SPEAKER_GAP), len(words) + 1)
    return [" ".join(words[i:j]) for j in ends for i in range(j)]


#: Words by which one telling speaks for every party: "both have admitted it".
EVERY_PARTY_WORDS = words()["every_party_words"]
#: A word of a person's name this long names the person alone ("Oyama", not "Kim").
PERSON_WORD = 4
#: At most this many words stand between a word of telling and the knowledge it denies.
KNOWLEDGE_GAP = 3
#: At most this many words stand between a speaker's name and its word of telling.
SPEAKER_GAP = 4
#: The document rule each telling applies, by the certainty it gives.
DOCUMENT_RULES = {"denied": "denial-nearby", "confirmed": "admission-nearby"}


# "HOST: ", "Q: ", "R.: ", "JANE DOE: " opening a line: a transcript's speaker. Field
# labels ("Goods: ", "Consignee: ") are not in capitals, so they name no speaker.
_SPEAKER_LABEL = re.compile(
    r"^[ \t]*([A-Z]\.?|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+", re.MULTILINE
)
#: The document rule by which a record's paragraph tells of its transfer alone.
RECORD_RULE = "record-retold"
#: Words before what a telling answers that make it one thing ("the charge", "it").
ONE_THING_WORDS = words()["one_thing_words"]
#: Words for goods of any kind ("cargo", "equipment"), which no ship is.
GENERIC_GOODS = words()["generic_goods"]
#: The tag of ships as goods.
VESSEL_TAG = "vessel"
#: Words of the speaker: "we delivered the fuel" is the speaker's own deed.
FIRST_PERSON = words()["first_person"]
#: Capital labels that open a line without naming a speaker ("UPDATE: ").
LINE_LABELS = words()["line_labels"]
QUESTION_LABELS = words()["question_labels"]
ATTRIBUTION_VERBS = words()["attribution_verbs"]
DEED_NOUNS = words()["deed_nouns"]
CULPRIT_NOUNS = words()["culprit_nouns"]
