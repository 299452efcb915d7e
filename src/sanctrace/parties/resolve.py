"""Who is who: turn the words filling a role into a party.

A role is filled by a noun phrase ("Vladimir Putin", "a Hong Kong-flagged
tanker", "the North Korean leader", "Her brother", "it"). This module finds
the party it denotes: a gazetteer entry, a named entity, or the phrase
itself, with its country, and resolves pronouns and descriptions against the
parties already met in the document (a small, rule-based coreference).
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import ahocorasick  # type: ignore[import-not-found]  # it ships no type stubs

from sanctrace.nlp.sentences import split_sentences
from sanctrace.parties.gazetteer import Entry, Gazetteer
from sanctrace.parties.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from sanctrace.nlp.dates import DateResolution

PERSON_PRONOUNS = words()["person_pronouns"]
THING_PRONOUNS = words()["thing_pronouns"]
HAULING_VERBS = words()["hauling_verbs"]
SHARED_STATE_WORDS = words()["shared_state_words"]
GROUP_PRONOUNS = words()["group_pronouns"]
AUTHOR_OPENINGS = sorted(words()["author_openings"], key=len, reverse=True)
AUTHOR_PRONOUNS = words()["author_pronouns"]
AUTHOR_NAME_ENDS = words()["author_name_ends"]
#: A document's first line with text.
_FIRST_LINE = re.compile(r"\s*([^\n]+)")
SPEECH_PRONOUNS = words()["speech_pronouns"]
KINSHIP = words()["kinship"]
SPEECH_VERBS = words()["speech_verbs"]
STATE_DESCRIPTIONS = words()["state_descriptions"]
ABSTRACT_NOUNS = words()["abstract_nouns"]
VESSEL_WORDS = words()["vessel_words"]
VESSEL_PRONOUNS = words()["vessel_pronouns"]
ORG_WORDS = words()["org_words"]
BUYER_NOUNS = words()["buyer_nouns"]
SELLER_NOUNS = words()["seller_nouns"]
GOAL_PREPS = words()["goal_preps"]
DETERMINERS = words()["determiners"]
DEFINITE = words()["definite"]
PLACE_WORDS = words()["place_words"]
SITE_WORDS = words()["site_words"]
#: Gazetteer kinds that place a text: "SEOUL -", "In Myanmar, ...".
PLACE_KINDS = frozenset({"place", "state"})
#: Entity labels of dates and times, which name no party.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
NAMING_VERBS = words()["naming_verbs"]
LOCATION_PARTICIPLES = words()["location_participles"]
FLAGGED = words()["flag_participles"]
CONTROL_PARTICIPLES = words()["control_participles"]
AFFILIATION_PARTICIPLES = words()["affiliation_participles"]
BACKING_SUFFIXES = words()["backing_suffixes"]
EVENT_NOUNS = words()["event_nouns"]
MEMBER_NOUNS = words()["member_nouns"]
PARTITIVE_WORDS = words()["partitive_words"]
LOCAL_WORDS = words()["local_words"]
DESCRIPTION_STOPS = words()["description_stops"]
ARREST_VERBS = words()["arrest_verbs"]
#: The prepositions by which a description places a party: "a trader in Minsk".
PLACING_PREPS = frozenset({"in", "from"})
#: Dependencies that end a noun phrase: what follows is not part of the name.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Dependencies that open a clause of its own.
CLAUSES = frozenset({"ROOT", "relcl", "advcl", "ccomp", "acl", "conj", "xcomp", "parataxis"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PHRASE_END = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "case"})
#: Punctuation no name runs across, leftwards: a dateline's spaced dash, a heading's colon.
PHRASE_BREAKS = frozenset({"-", "–", "—", ":", "--"})

_SPACES = re.compile(r"\s+")
VESSEL_PREFIX = re.compile(r"^(?:M/[TV]|MV|MT|M\.V\.)\s+")


@dataclass(slots=True)
class Mention:
    """One phrase naming a party, resolved to its identity."""

    text: str
    start: int
    end: int
    name: str
    kind: str  # person | organization | state | vessel | unknown
    country: str | None
    key: str  # the identity the document's mentions are grouped by
    proper: bool = True  # a name, not a description like "a trading house"
    role: bool = False  # filled a giver or recipient role (not only named in passing)
    gave: bool = False  # filled a giver role
    #: The document rule that found this party from an earlier mention ("coreference-pronoun").
    via: str | None = None
    #: The noun the text describes it by, as a lemma ("firm" in "Acme, a Cypriot firm").
    head: str | None = None
    #: A description of many ("donors in the area"), never one person.
    plural: bool = False


#: A mention with its place in the text: (start, arrival number, mention). Tuples
#: sort in text order, ties in order of arrival, and never compare the mentions.
_Placed = tuple[int, int, "Mention"]


class _InOrder:
    """Placed mentions in text order, searched by bisection."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[_Placed] = []

    def add(self, placed: _Placed) -> None:
        # Mentions arrive in reading order, so this inserts at or near the end.
        bisect.insort(self.items, placed)

    def count_before(self, before: int) -> int:
        return bisect.bisect_left(self.items, (before,))

    def last_before(self, before: int) -> _Placed | None:
        end = self.count_before(before)
        return self.items[end - 1] if end else None


class DocumentContext:
    """What the reader remembers while reading one document.

    Every question below is answered from indexes kept as mentions arrive, by
    bisection or a dictionary look-up, never by a pass over all the
    document's mentions, so a sentence costs as much at the end of a long
    document as in a short one. A mention's kind, name, key, head and flags
    (proper, role, gave) must be final when it is added; its country may
    still change.
    """

    __slots__ = (
        "_arrivals",
        "_dates",
        "_described",
        "_first",
        "_kinds",
        "_merged",
        "_met",
        "_people",
        "_relatives",
        "_roles",
        "_scanned",
        "_ships",
        "_takers",
        "author",
        "dates_of",
        "headings",
        "published",
        "sentence_starts",
        "setting",
        "states_named",
        "text",
    )

    def __init__(self, published: str | None) -> None:
        self.published = published
        #: The document's text, where descriptions are looked for by their words.
        self.text = ""
        #: Who the document's first line says wrote it ("Statement by Acme Ltd"), if any.
        self.author: Mention | None = None
        #: The country of the first place or state the text names: where it is set.
        self.setting: str | None = None
        #: Where each of the text's sentences starts, in text order.
        self.sentence_starts: list[int] = []
        #: How often the text names each state, by its code.
        self.states_named: Counter[str] = Counter()
        self._arrivals = 0
        # The scan's names arrive in text order over the whole document and the
        # mentions met in roles sentence by sentence; kept apart, each list grows at its end.
        self._scanned = _InOrder()
        self._met = _InOrder()
        #: (scanned?, kind) -> mentions of that kind.
        self._kinds: dict[tuple[bool, str], _InOrder] = {}
        #: (kind, names only?, givers only?) -> mentions that took a role.
        self._roles: dict[tuple[str, bool, bool], _InOrder] = {}
        #: The mentions that took a recipient's role.
        self._takers = _InOrder()
        #: A word of a person's name -> person key -> that person's named mentions.
        self._people: dict[str, dict[str, _InOrder]] = {}
        #: Key -> its first mention.
        self._first: dict[str, _Placed] = {}
        #: The noun a mention is described by ("firm") -> the mentions so described.
        self._described: dict[str, _InOrder] = {}
        #: The ships the text names by a ship noun, whatever roles they take.
        self._ships = _InOrder()
        #: Family names (one, both, or none for every person) -> person key -> (count, last).
        self._relatives: dict[frozenset[str], dict[str, tuple[int, _Placed]]] = {}
        self._merged: list[Mention] | None = None
        #: Lines that are only a date (a live blog's), by offset: each dates what follows.
        self.headings: list[tuple[int, DateResolution]] = []
        #: Reads every date the text gives, by offset: what "that year" and "at the time"
        #: mean. Called once, when a sentence first needs it: most documents never do.
        self.dates_of: Callable[[], list[tuple[int, DateResolution]]] = list
        self._dates: list[tuple[int, DateResolution]] | None = None

    def heading_before(self, offset: int) -> DateResolution | None:
        """The date heading the text at `offset` stands under, if any."""
        index = bisect.bisect_right(self.headings, offset, key=lambda h: h[0])
        return self.headings[index - 1][1] if index else None

    def date_before(self, offset: int) -> DateResolution | None:
        """The latest date the text gives before `offset`, if any."""
        if self._dates is None:
            self._dates = self.dates_of()
        index = bisect.bisect_left(self._dates, offset, key=lambda d: d[0])
        return self._dates[index - 1][1] if index else None

    @property
    def mentions(self) -> list[Mention]:
        """Every mention remembered, in text order (ties: in order of arrival)."""
        if self._merged is None:
            merged = heapq.merge(self._scanned.items, self._met.items)
            self._merged = [placed[2] for placed in merged]
        return self._merged

    def add_scanned(self, mention: Mention) -> None:
        """Remember a name the scan found; the scan finds them in text order."""
        self._remember(mention, scanned=True)

    def add(self, mention: Mention) -> None:
        """Remember a party met in a role, or a person named as a speaker."""
        self._remember(mention, scanned=False)

    def _remember(self, mention: Mention, scanned: bool) -> None:
        placed = (mention.start, self._arrivals, mention)
        self._arrivals += 1
        self._merged = None
        (self._scanned if scanned else self._met).add(placed)
        self._kinds.setdefault((scanned, mention.kind), _InOrder()).add(placed)
        if mention.role:
            for named_only in {False, mention.proper}:
                for givers_only in {False, mention.gave}:
                    key = (mention.kind, named_only, givers_only)
                    self._roles.setdefault(key, _InOrder()).add(placed)
            if not mention.gave:
                self._takers.add(placed)
        first = self._first.get(mention.key)
        if first is None or placed < first:
            self._first[mention.key] = placed
        if mention.head is not None:
            self._described.setdefault(mention.head, _InOrder()).add(placed)
        if mention.kind != "person":
            return
        if mention.proper:
            for word in set(mention.name.lower().split()):
                people = self._people.setdefault(word, {})
                people.setdefault(mention.key, _InOrder()).add(placed)
        family = _family_names(mention.name)
        # Under no family name (every person), each one alone, and both together.
        tables = {frozenset(), frozenset(family), *(frozenset({name}) for name in family)}
        for names in tables:
            counts = self._relatives.setdefault(names, {})
            count, last = counts.get(mention.key, (0, placed))
            counts[mention.key] = (count + 1, max(last, placed))

    def latest(self, before: int, kinds: frozenset[str]) -> Mention | None:
        lists = (self._kinds.get((s, k)) for s in (True, False) for k in kinds)
        return _latest_in([found for found in lists if found is not None], before)

    def relative_of(self, person_key: str | None) -> Mention | None:
        """The most mentioned other person sharing a family name with `person_key`."""
        owner = self._first.get(person_key) if person_key is not None else None
        family = _family_names(owner[2].name) if owner else set()
        # A person counts once however many of the family names it shares.
        single = [self._relatives.get(frozenset({name}), {}) for name in family]
        both = self._relatives.get(frozenset(family), {}) if len(family) == 2 else {}
        counts: dict[str, int] = {}
        last: dict[str, _Placed] = {}
        for table in single or [self._relatives.get(frozenset(), {})]:
            for key, (count, placed) in table.items():
                if key == person_key:
                    continue
                counts[key] = counts.get(key, 0) + count
                last[key] = max(last.get(key, placed), placed)
        for key, (count, _) in both.items():
            if key in counts:
                counts[key] -= count
        if not counts:
            return None
        return last[max(counts, key=lambda key: (counts[key], key))][2]

    def person_named(self, word: str, before: int) -> Mention | None:
        """The person a bare name means ("Kim" after "Kim Jong Un"): of the earlier
        people so named, the most mentioned, then the first named, as a story's
        main figure is."""
        found = []
        for key, mentions in self._people.get(word.lower(), {}).items():
            count = mentions.count_before(before)
            if count:
                found.append((mentions.items[0], key, count))
        if not found:
            return None
        # Ties go to the person named first, as the text order of first mentions gives.
        found.sort(key=lambda entry: entry[0][:2])
        first, _, _ = max(found, key=lambda entry: (entry[2], -entry[0][0]))
        return first[2]

    def latest_named(self, before: int, kinds: frozenset[str]) -> Mention | None:
        """The named party a definite description ("the tanker") refers back to.

        The party that gave goods is the story's focus, so it comes first.
        """
        return self._focus(before, kinds, named_only=True)

    def describe(self, mention: Mention) -> None:
        """Remember a party the text describes by a noun without giving it a role, as
        only what a definite description may refer back to ("a local firm, Acme Ltd.,
        acting as broker ... the same firm")."""
        if mention.head is not None:
            placed = (mention.start, self._arrivals, mention)
            self._arrivals += 1
            self._described.setdefault(mention.head, _InOrder()).add(placed)

    def name_ship(self, mention: Mention) -> None:
        """Remember a ship the text names ("the Sea Star, a tanker"), as what a pronoun
        that hauls goods may later stand for."""
        self._ships.add((mention.start, self._arrivals, mention))
        self._arrivals += 1

    def latest_ship(self, before: int) -> Mention | None:
        """The latest ship named before `before`."""
        placed = self._ships.last_before(before)
        return placed[2] if placed else None

    def latest_described(self, before: int, head: str) -> Mention | None:
        """The latest party before `before` the text described by the noun `head`: what
        "the developer" refers back to after "a resort developer in Cambodia"."""
        found = self._described.get(head)
        placed = found.last_before(before) if found is not None else None
        return placed[2] if placed else None

    def latest_side(self, before: int, gave: bool) -> Mention | None:
        """The latest party before `before` that gave goods (`gave`) or took them: what
        "the seller" or "the buyer" refers back to."""
        if gave:
            every = frozenset({"person", "organization", "state", "vessel", "unknown"})
            lists = [found for k in every if (found := self._roles.get((k, False, True)))]
        else:
            lists = [self._takers]
        return _latest_in(lists, before)

    def latest_role(self, before: int, kinds: frozenset[str]) -> Mention | None:
        """The latest party that already took a role in a transfer, givers first."""
        return self._focus(before, kinds, named_only=False)

    def _focus(self, before: int, kinds: frozenset[str], named_only: bool) -> Mention | None:
        """The latest party in a role before `before`, preferring parties that gave goods."""
        for givers_only in (True, False):
            lists = (self._roles.get((kind, named_only, givers_only)) for kind in kinds)
            found = _latest_in([found for found in lists if found is not None], before)
            if found is not None:
                return found
        return None


def _latest_in(lists: list[_InOrder], before: int) -> Mention | None:
    """Of the mentions in `lists` that start before `before`, the last in text order."""
    latest = max((p for found in lists if (p := found.last_before(before))), default=None)
    return latest[2] if latest else None


class PartyResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._aliases = self._compile_aliases()
        #: Each state's entry by its code, for nationality words ("Chinese" -> China).
        self._states = {e.country: e for _, e in gazetteer.aliases() if e.kind == "state"}
        #: A word two states' names share -> those states ("Korea" -> kp, kr).
        self._sharing = {
            word: {e.country for e in self._states.values() if word in e.name.lower().split()}
            for word in SHARED_STATE_WORDS
        }

    def _compile_aliases(self) -> Any:
        # One pass over the text for every name at once (a regular expression of
        # thousands of alternatives costs a tenth of the analysis of news text).
        automaton = ahocorasick.Automaton()
        for alias, _ in self.gazetteer.aliases():
            if len(alias) > 2:
                key = _SEPARATORS.sub(" ", alias.lower())
                automaton.add_word(key, len(key))
        automaton.make_automaton()
        return automaton

    def scan(self, text: str, published: str | None) -> DocumentContext:
        """Find every gazetteer name in the whole text: the antecedents for coreference."""
        context = DocumentContext(published=published)
        context.text = text
        context.sentence_starts = [span.start for span in split_sentences(text)]
        for start, end in _names_in(self._aliases, text):
            found = text[start:end]
            entry = self.gazetteer.lookup(found)
            if context.setting is None and entry is not None and entry.kind in PLACE_KINDS:
                context.setting = entry.country if entry.country not in NOT_STATES else None
            # A news outlet or a sanctions body tells of transfers: no pronoun or
            # description stands for it.
            if entry is None or entry.kind == "place" or entry.media or entry.watchdog:
                continue
            if entry.kind == "state":
                context.states_named[entry.country] += 1
            context.add_scanned(_from_entry(entry, found, start, end))
        context.author = self._author(text)
        return context

    def _author(self, text: str) -> Mention | None:
        """'STATEMENT BY ACME TRADING LTD ON MEDIA REPORTS': the body a statement's
        first line names as its author, with the country its name or legal form gives."""
        line = _FIRST_LINE.match(text)
        if line is None:
            return None
        start = line.start(1)
        opening = next(
            (o for o in AUTHOR_OPENINGS if line.group(1).lower().startswith(o + " ")), None
        )
        if opening is None:
            return None
        words = line.group(1)[len(opening) + 1 :].split()
        ends = [i for i, word in enumerate(words) if i and word.lower() in AUTHOR_NAME_ENDS]
        name = _strip_determiner(" ".join(words[: ends[0]] if ends else words).strip(" .,:;"))
        if len(name) < 2:
            return None
        # The name as the text writes it below a heading in capitals ("Acme Trading").
        below = re.search(re.escape(name), text[line.end() :], re.IGNORECASE)
        if below is not None:
            name = below.group()
        elif name.isupper():
            name = name.title()
        entry = self.gazetteer.lookup(name)
        if entry is not None and entry.kind != "place":
            return _from_entry(entry, name, start, line.end(1))
        country = self.gazetteer.legal_form_country(name) or next(
            (
                code
                for word in name.split()
                if (code := self.gazetteer.demonym(word) or self.gazetteer.country_code(word))
            ),
            None,
        )
        return Mention(name, start, line.end(1), name, "organization", country, _key(name))

    def note(self, sent: Doc, offset: int, context: DocumentContext) -> None:
        """Remember the firms a sentence introduces by description, named or not ("with
        a local firm, Acme Ltd., acting as broker"), whatever roles they take: what
        "the firm" may later refer to. `offset` places the sentence in the document."""
        for token in sent:
            if token.pos_ == "PROPN" and token.dep_ != "compound":
                self._note_ship(token, offset, context)
                self._note_speaker(token, offset, context)
            if token.pos_ != "NOUN" or token.lemma_.lower() not in ORG_WORDS:
                continue
            if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
                continue  # "the firm" refers back; it introduces no one
            mention = self.resolve(token, offset, context)
            if mention is not None:
                context.describe(mention)

    def _note_ship(self, head: Token, offset: int, context: DocumentContext) -> None:
        """Remember a name a ship noun tells is a ship's ("the Sea Star, one of the
        tankers")."""
        if not _names_a_vessel(_without_time(noun_phrase(head)), head):
            return
        mention = self.resolve(head, offset, context)
        if mention is not None and mention.kind == "vessel" and mention.proper:
            context.name_ship(mention)

    def _note_speaker(self, head: Token, offset: int, context: DocumentContext) -> None:
        """Remember a person a sentence names as its speaker by a title or as a person
        ("Chief executive Ben Zhou says", "Ana Soto told us"), whether or not they take
        a role: whom a later bare surname ("Zhou") or "he" means."""
        speaks = head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_VERBS
        if not speaks or not (head.ent_type_ == "PERSON" or _titled(head)):
            return
        mention = self.resolve(head, offset, context)
        if mention is None or not mention.proper or mention.via is not None:
            return
        context.add(replace(mention, kind="person"))

    def resolve(self, head: Token, offset: int, context: DocumentContext) -> Mention | None:
        """The party a role's head token denotes, or None when it denotes none."""
        phrase = _without_time(noun_phrase(head))
        # "shipped by a firm to Chad", the parse hanging "to Chad" on the firm: where
        # the goods go is no part of who sends them.
        goal = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in GOAL_PREPS), None)
        if goal is not None and phrase.start < goal.i:
            phrase = phrase.doc[phrase.start : goal.i]
        text = phrase.text
        start, end = offset + phrase.start_char, offset + phrase.end_char
        lower = head.lower_
        if len(text) < 2 and head.pos_ != "PRON":
            return None  # the "A:" before an interview's answer, a list's "b"
        if head.ent_type_ in TIME_ENTITIES:
            return None  # "arrived at the port in May": a month is nobody
        partitive = lower in PARTITIVE_WORDS or head.pos_ == "NUM"
        # (a capital inside the sentence is a name, or a sentence start the splitter missed)
        lower_case = head.text[:1].islower() or head.i == head.sent.start
        if partitive and lower_case and head.dep_ != "appos":
            # "most of the banks", "two of the firms": the group is the party (but in
            # "Acme, one of the brokers", the apposition only describes Acme).
            groups = [o for p in head.children if p.lower_ == "of" for o in p.children]
            if groups and groups[0].dep_ == "pobj" and groups[0].pos_ in {"NOUN", "PROPN"}:
                return self.resolve(groups[0], offset, context)

        if lower in PERSON_PRONOUNS and head.pos_ == "PRON":
            found = context.latest(start, frozenset({"person"}))
            ship = self._ship_before(start, found, context) if lower in VESSEL_PRONOUNS else None
            if ship is not None:
                return _moved(ship, text, start, end, "coreference-pronoun")
            if found is None:
                return _unresolved(text, start, end, "person")
            return _moved(found, text, start, end, "coreference-pronoun")
        if lower in AUTHOR_PRONOUNS and head.pos_ == "PRON" and context.author is not None:
            # "we" in a statement is whoever its first line says issued it.
            return _moved(context.author, text, start, end, "author-pronoun")
        if lower in GROUP_PRONOUNS and head.pos_ == "PRON":
            # "they", "we": the latest party that acted in a transfer.
            every = frozenset({"person", "organization", "state", "vessel", "unknown"})
            found = self._speaker(head, offset, context)
            found = found or self._group_object_before(head, offset, context)
            found = found or context.latest_role(start, every)
            if found is None:
                return _unresolved(text, start, end, "unknown")
            return _moved(found, text, start, end, "coreference-pronoun")
        if lower in SPEECH_PRONOUNS and head.pos_ == "PRON":
            return _unresolved(text, start, end, "person")
        if lower in THING_PRONOUNS and head.pos_ == "PRON":
            bodies = frozenset({"vessel", "organization"})
            found = self._speaker(head, offset, context)
            if _hauls(head):
                found = found or context.latest(start, frozenset({"vessel"}))
                found = found or self._ship_before(start, None, context)
                # Only a ship hauls: one named paragraphs before, rather than a state.
                found = found or context.latest_ship(start)
            found = found or self._subject_before(head, offset, context)
            found = found or self._object_before(head, offset, context)
            found = found or context.latest_role(start, bodies)
            found = found or context.latest(start, bodies)
            # "Acme sold lathes to Russia. In May it sold drones": a name of no known
            # kind that gave goods is more likely "it" than the state it gave them to.
            found = found or context.latest_named(start, frozenset({"unknown"}))
            found = found or context.latest_role(start, frozenset({"state"}))
            found = found or context.latest(start, frozenset({"state"}))
            return _moved(found, text, start, end, "coreference-pronoun") if found else None

        entry = self._entry_in(phrase, context)
        names = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if entry is not None and entry.kind == "person" and head.pos_ == "NOUN" and names:
            # "Russia's president, Boris Yeltsin": the name beside the office says who,
            # not the office's holder at publication.
            named = self.resolve(names[0], offset, context)
            if named is not None:
                named.country = named.country or self._country_in(phrase)
                return named
        if entry is not None:
            return _from_entry(entry, text, start, end)
        if head.pos_ == "ADJ":
            # "the paramilitary Rapid Support Forces", parsed as the adjective with the
            # name in apposition: the name is the party.
            names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if names:
                return self.resolve(names[0], offset, context)
            state = self._states.get(self.gazetteer.demonym(head.text) or "")
            return _from_entry(state, text, start, end) if state else None

        if lower in KINSHIP:
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            owner_key = None
            if owner is not None:
                antecedent = context.latest(offset + owner.idx, frozenset({"person"}))
                owner_key = antecedent.key if antecedent else None
            found = context.relative_of(owner_key)
            return _moved(found, text, start, end, "coreference-kinship") if found else None

        if head.lemma_.lower() in STATE_DESCRIPTIONS and head.tag_ == "NN" and _is_definite(phrase):
            # "the country": the state last acting in a transfer, givers first ("the
            # countries of Africa" are many states, none of them that one).
            # "The Swiss government" names its state itself.
            # "the government in Asmara", the parse hanging "in Asmara" on the verb, too.
            own = self._states.get(self._country_in(phrase) or self._placed_after(phrase) or "")
            if own is not None:
                return _from_entry(own, text, start, end)
            states = frozenset({"state"})
            found = context.latest_role(start, states) or context.latest(start, states)
            return _moved(found, text, start, end, "coreference-state") if found else None

        if head.dep_ == "appos" and head.head.pos_ == "PROPN":
            named = self.resolve(head.head, offset, context)
            if named is None:
                return None
            if named.country is None:
                named.country = self._country_in(phrase)
            # "X, a state-funded broadcaster": the description mentions X where it
            # stands, as the name does beside it.
            context.add(named)
            return replace(named, text=text, start=start, end=end)
        if head.pos_ == "PROPN" and len(phrase) == 1:
            found = context.person_named(head.text, start)
            if found is not None:
                return _moved(found, text, start, end, "coreference-surname")
        named = self._named(phrase, head)
        if named is not None:
            name, kind = named
            name = VESSEL_PREFIX.sub("", name)
            if _names_a_vessel(phrase, head):
                kind = "vessel"
            elif kind == "person" and len(phrase) > 1 and phrase[-1].like_num:
                kind = "vessel"  # "Ryu Gyong 7": no person's name ends in a hull number
            # "the Blue Dawn, a Togolese vessel" / "a Panamanian tanker, the Sea Star 3":
            # a name and its description in apposition share the country.
            described = [c for c in head.children if c.dep_ == "appos"]
            if head.dep_ == "appos":
                described.append(head.head)
            # "the Panama-flagged tanker Blue Star": the ship noun just before the name,
            # however it was parsed, describes it.
            before = head.doc[phrase.start - 1] if phrase.start > 0 else None
            if before is not None and before.lemma_.lower() in VESSEL_WORDS:
                described.append(before)
                kind = "vessel"
            country = self._country_in(phrase) or self._placed_in(head)
            country = country or self._placed_after(phrase) or self._comma_place(head)
            country = country or self._owned_by(head)
            if any(d.lemma_.lower() in PLACE_WORDS for d in described):
                kind = "state"  # "Dunmore, a port in Chile": a place stands for its state
            for description in described:
                placing = noun_phrase(description, PLACING_PREPS)
                country = country or self._country_in(placing)
                country = country or self._placed_in(description) or self._owned_by(description)
                country = country or _local(placing, context)
            country = country or _local(phrase, context) or self._held_by(head)
            if kind == "state":
                # A name the recognizer calls a place but the gazetteer does not know
                # ("Fujian Haixing") keeps the country its words give.
                country = self.gazetteer.country_code(name) or country
            # "PT Bara Jaya", "Orion Trading FZE": a legal form used in one country.
            legal = self._legal_form_country(phrase, name)
            if legal is not None and kind in {"person", "unknown", "state"}:
                kind = "organization"
            if kind in {"organization", "unknown"} and country is None:
                country = self._shared_word_country(name, context)
            nouns = [d for d in (head, *described) if d.pos_ == "NOUN"]
            noun = nouns[0].lemma_.lower() if nouns else None
            return Mention(text, start, end, name, kind, country or legal, _key(name), head=noun)

        kind = _description_kind(head)
        noun = head.lemma_.lower() if head.pos_ == "NOUN" else None
        definite = _is_definite(phrase)
        referent = self._referent(phrase, start, noun, kind, context) if definite else None
        if referent is not None:
            return _moved(referent, text, start, end, "coreference-description", noun)
        if head.pos_ not in {"NOUN", "PROPN"}:
            return None
        body = _body_of(head)
        if body is not None:
            return self.resolve(body, offset, context)
        owner = _site_owner(head)
        if owner is not None:
            # "flew rifles to their camp": what reaches a party's own site reaches it.
            return self.resolve(owner, offset, context)
        if lower in ABSTRACT_NOUNS or head.lemma_.lower() in ABSTRACT_NOUNS:
            owners = [c for c in head.children if c.dep_ in {"poss", "nmod"} and _owns(c)]
            return self.resolve(owners[0], offset, context) if owners else None
        name = _strip_determiner(_described_name(phrase))
        country = self._country_in(phrase) or self._placed_in(head) or self._placed_after(phrase)
        country = country or _local(phrase, context) or self._held_by(head)
        country = country or _held_here(head, context)
        country = country or self._linked_to(head) or self._owned_by(head)
        country = country or self._appositive_country(head)
        via = None
        if country is None and definite and kind != "vessel":
            country = self._introduced(name, start, context)
            via = INTRODUCED_RULE if country is not None else None
        plural = head.tag_ in PLURAL_TAGS
        mention = Mention(
            text, start, end, name, kind, country, _key(name), False, head=noun, plural=plural
        )
        mention.via = via
        return mention

    def site_country(self, place: Token, offset: int, context: DocumentContext) -> str | None:
        """'the navy said the jets landed at its base': the country of the party whose
        own site a place is, or None for a place no party is said to own."""
        owner = _site_owner(place)
        found = self.resolve(owner, offset, context) if owner is not None else None
        return found.country if found is not None else None

    def _ship_before(
        self, before: int, person: Mention | None, context: DocumentContext
    ) -> Mention | None:
        """'... detained the tanker Silver Egret. She had delivered diesel': the ship a
        ship noun names in the sentence before the pronoun or its own, when no person was
        met after it."""
        text = context.text
        # (the start of the sentence before the one holding `before`)
        own = bisect.bisect_right(context.sentence_starts, before) - 1
        opening = context.sentence_starts[own - 1] if own > 0 else 0
        named = list(_SHIP_NAMED.finditer(text, opening, before))
        if not named:
            return None
        last = named[-1]
        if person is not None and person.start >= last.start():
            return None
        name = VESSEL_PREFIX.sub("", last.group(1).strip())
        return Mention(last.group(1), last.start(1), last.end(1), name, "vessel", None, _key(name))

    def _introduced(self, name: str, before: int, context: DocumentContext) -> str | None:
        """'a local trading company ... the trading company', 'Chinese buyers ... the
        buyers': the country the words just before an earlier mention of a definite
        description's words give (a demonym, a placed name, "local"), or a place right
        after it ("a trading company in Osaka"), the latest such mention first. It finds
        the party a sentence without any transfer introduced, which no parse has read."""
        words = name.split()
        if not words or len(words) > INTRODUCED_WORDS:
            return None
        said = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
        text = context.text[:before]
        for found in reversed(list(said.finditer(text))):
            earlier = [w.strip(",;:()\"'’") for w in text[: found.start()].split()]
            earlier = earlier[-INTRODUCED_WORDS:]
            for at in range(len(earlier) - 1, -1, -1):
                word = earlier[at]
                if word.lower() in DETERMINERS or word.lower() in DESCRIPTION_STOPS:
                    break
                if word.lower() in LOCAL_WORDS and context.setting is not None:
                    return context.setting
                # Two words first: "North Korean hackers", where "Korean" alone is no state.
                pair = " ".join(earlier[at - 1 : at + 1]) if at else ""
                code = (pair and self._place_word(pair)) or self._place_word(word)
                if code is not None:
                    return code
            after = _INTRODUCED_PLACE.match(context.text, found.end())
            if after is not None:
                place = after.group(1).split()
                for size in range(len(place), 0, -1):
                    code = self._place_word(" ".join(place[:size]))
                    if code is not None:
                        return code
        return None

    def _place_word(self, word: str) -> str | None:
        """The country a capitalised word or name of a place names ("Osaka", "Chinese",
        "Oslo-based"), if any."""
        if not word[:1].isupper():
            return None
        code = self.gazetteer.country_code(word)
        return None if code in NOT_STATES else code

    def _referent(
        self,
        phrase: SpacySpan,
        start: int,
        noun: str | None,
        kind: str,
        context: DocumentContext,
    ) -> Mention | None:
        """What a definite description refers back to: the latest party the text
        described by its noun ("a resort developer ... the developer") or, for a ship
        or firm, the named one last in a role, whichever came later; never one whose
        country it contradicts ("the Russian company" is not the North Korean firm
        named before). `start` places the phrase in the document.

        Ship nouns are not matched: "the vessel" may be the tanker, not the vessel
        a tanker fuelled."""
        found: list[Mention] = []
        same = context.latest_described(start, noun) if noun and kind != "vessel" else None
        if same is not None:
            found.append(same)
        if kind in {"vessel", "organization"}:
            named = context.latest_named(start, frozenset({kind, "unknown"}))
            if named is not None:
                found.append(named)
        # "Acme sold coal to Beta Corp ... the buyer paid": a side of a sale is the
        # party that last took that side (not a pronoun no one was found for).
        for side, gave in ((BUYER_NOUNS, False), (SELLER_NOUNS, True)):
            taker = context.latest_side(start, gave) if noun in side else None
            if taker is not None and not taker.key.startswith(UNRESOLVED):
                found.append(taker)
        described = self._country_in(phrase)
        found = [f for f in found if described in {None, f.country}]
        return max(found, key=lambda f: f.start, default=None)

    def _appositive_country(self, head: Token) -> str | None:
        """'the buyer, a Chinese national', 'the consignee, a firm in Egypt': the country
        a description in apposition gives the party it describes."""
        for description in head.children:
            if description.dep_ == "appos" and description.pos_ in {"NOUN", "ADJ"}:
                placing = noun_phrase(description, PLACING_PREPS)
                return self._country_in(placing) or self._placed_in(description)
        return None

    def _held_by(self, head: Token) -> str | None:
        """'Police in Osaka arrested a dealer', 'a dealer was detained by Osaka police':
        whom a state's police or courts hold is in that state."""
        verb = head.head
        if verb.lemma_.lower() not in ARREST_VERBS or verb == head:
            return None
        if head.dep_ == "dobj":
            holders = [c for c in verb.children if c.dep_ == "nsubj"]
        elif head.dep_ == "nsubjpass":
            holders = [o for a in verb.children if a.dep_ == "agent" for o in a.children]
        else:
            return None
        return self._country_in(noun_phrase(holders[0])) if holders else None

    def _owned_by(self, head: Token) -> str | None:
        """'a chain owned by a Cuban': the country of whoever owns or runs it."""
        for participle in head.children:
            if participle.dep_ != "acl" or participle.lower_ not in CONTROL_PARTICIPLES:
                continue
            for agent in participle.children:
                if agent.dep_ == "agent":
                    return self._country_in(agent.doc[agent.i + 1 : agent.right_edge.i + 1])
        return None

    def _linked_to(self, head: Token) -> str | None:
        """'a company linked to the LNA': the country of the known person or body (not
        a state) that a participle after the noun ties it to."""
        for participle in head.children:
            if participle.dep_ != "acl" or participle.lower_ not in AFFILIATION_PARTICIPLES:
                continue
            for prep in participle.children:
                if prep.dep_ == "prep" and prep.lower_ in {"to", "with"}:
                    return self._body_country_in(prep.doc[prep.i + 1 : prep.right_edge.i + 1])
        return None

    def _placed_in(self, head: Token) -> str | None:
        """'a firm based in Osh, Kyrgyzstan', 'Acme, which is registered in Malta': the
        country of the place a participle after the noun, or its relative clause, puts it in."""
        for participle in head.children:
            if participle.dep_ not in {"acl", "relcl"}:
                continue
            if participle.lower_ not in LOCATION_PARTICIPLES | CONTROL_PARTICIPLES:
                continue
            # "run from Dubai", "run out of Dubai": where it is run from places it too.
            preps = [p for p in participle.children if p.dep_ == "prep"]
            preps += [o for p in preps if p.lower_ == "out" for o in p.children if o.lower_ == "of"]
            # "a tanker flagged to Togo": a flag is given to a state.
            placing = {"in", "at", "from", "of"} | (
                {"to"} if participle.lower_ in FLAGGED else set()
            )
            for prep in preps:
                if prep.lower_ in placing:
                    return self._country_in(prep.doc[prep.i + 1 : prep.right_edge.i + 1])
        return None

    def _comma_place(self, head: Token) -> str | None:
        """'Falcon Trading, Sharjah', 'the Ministry of Health, Tripoli': a place the
        gazetteer knows, set after a name by a comma alone (however the parse hangs it),
        places the named party; one in a list ("Acme, Russia and China") does not."""
        doc = head.doc
        for child in head.rights:
            if child.dep_ not in {"appos", "conj", "npadvmod"} or child.left_edge.i < 1:
                continue
            if doc[child.left_edge.i - 1].text != "," or not child.text[:1].isupper():
                continue
            if any(c.dep_ in {"cc", "conj"} for c in child.children):
                continue
            if any(c.dep_ == "cc" for c in head.children):
                continue
            entry = self.gazetteer.lookup(doc[child.left_edge.i : child.i + 1].text)
            if entry is not None and entry.kind in PLACE_KINDS:
                return None if entry.country in NOT_STATES else entry.country
        return None

    def _placed_after(self, phrase: SpacySpan) -> str | None:
        """'shipped chips to a broker in Yerevan', the parse hanging "in Yerevan" on the
        verb: a place right after the object of a preposition places that object."""
        doc = phrase.doc
        if phrase.root.dep_ != "pobj" or phrase.end >= len(doc):
            return None
        after = doc[phrase.end]
        if after.lower_ != "in" or after.dep_ != "prep":  # ("from" there is the seller)
            return None
        # "in" must hang where the preposition before the phrase hangs, or on the verb
        # of the object that preposition hangs on ("sold rifles to officials in Minsk").
        hangs = phrase.root.head.head
        if after.head != hangs and not (hangs.dep_ == "dobj" and after.head == hangs.head):
            return None
        return self._country_in(doc[after.i + 1 : after.right_edge.i + 1])

    def _object_before(
        self, pronoun: Token, offset: int, context: DocumentContext
    ) -> Mention | None:
        """'moored alongside the tanker and pumped diesel into it': a pronoun after a
        preposition stands for the ship or firm an earlier clause of its sentence last
        named as an object (its own clause's subject does nothing to itself, and its own
        clause's objects are not it: "besides the tanker, ships took fuel from it")."""
        if pronoun.dep_ != "pobj":
            return None
        own = _clause_verb(pronoun)
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.dep_ not in {"pobj", "dobj"} or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            if _clause_verb(token) == own:
                continue
            if token.lemma_.lower() in VESSEL_WORDS | ORG_WORDS or token.pos_ == "PROPN":
                found = self.resolve(token, offset, context)
                if found is not None and found.kind in {"vessel", "organization"}:
                    return found
        return None

    def _group_object_before(
        self, pronoun: Token, offset: int, context: DocumentContext
    ) -> Mention | None:
        """'hired 200 drivers and paid them $5': an object pronoun stands for the group an
        earlier clause of its sentence names as its object (but people who act for a body,
        "two men", stand for one the document names, perhaps elsewhere)."""
        if pronoun.dep_ not in {"dobj", "dative", "pobj"}:
            return None
        own = _clause_verb(pronoun)
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.dep_ not in {"dobj", "pobj"} or token.tag_ not in PLURAL_TAGS:
                continue
            if _clause_verb(token) == own or token.pos_ != "NOUN":
                continue
            body = _body_of(token)
            if body is not None:
                return self.resolve(body, offset, context)
            if token.lemma_.lower() not in MEMBER_NOUNS:
                return self.resolve(token, offset, context)
        return None

    def _subject_before(
        self, pronoun: Token, offset: int, context: DocumentContext
    ) -> Mention | None:
        """'When the firm ran short of cash, it sold the ship': the subject of an earlier
        clause of the same sentence (not of the pronoun's own clause: in "three ships
        took fuel from it" the ships are not "it", nor in "the ship moored and pumped fuel
        into it" the ship, the subject its clause shares)."""
        own = _clause_verb(pronoun)
        shares = own.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in own.children)
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.dep_ not in SUBJECTS or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            if token.head == own or token.head.lemma_.lower() in SPEECH_VERBS:
                continue  # nor the one who tells it
            if shares and token.head == own.head:
                continue
            if _tells(token.head, own):
                continue  # "the court found that the ship pumped fuel into it"
            if token.lemma_.lower() in ABSTRACT_NOUNS | PLACE_WORDS | EVENT_NOUNS:
                continue
            return self.resolve(token, offset, context)
        return None

    def _speaker(self, pronoun: Token, offset: int, context: DocumentContext) -> Mention | None:
        """In reported speech ("X denied that it ..."), 'it' is the speaker X."""
        token = pronoun
        while token.head.i != token.i:
            token = token.head
            if token.lemma_.lower() in SPEECH_VERBS:
                for child in token.children:
                    if child.dep_ == "nsubj" and child.pos_ != "PRON" and child.i < pronoun.i:
                        if pronoun.lower_ in THING_PRONOUNS and child.tag_ in PLURAL_TAGS:
                            continue  # "officials said ... from it": "it" is not them
                        return self.resolve(child, offset, context)
        return None

    def _entry_in(self, phrase: SpacySpan, context: DocumentContext) -> Entry | None:
        """A gazetteer entry the phrase names, trying the whole and then its parts."""
        candidates = [phrase.text, _strip_determiner(phrase.text)]
        candidates += [ent.text for ent in phrase.ents if ent.root == phrase.root]
        # "Iran-backed Houthi rebels": the body its backer backs.
        backers = _backers(phrase)
        if backers and max(backers) + 1 < phrase.end:
            candidates.append(phrase.doc[max(backers) + 1 : phrase.end].text)
        # "Yemen's Houthi movement", "Russia's Wagner Group": the body its state owns.
        ends = [t.i for t in phrase if t.tag_ == "POS" and t.i < phrase.root.i]
        if ends:
            candidates.append(phrase.doc[max(ends) + 1 : phrase.end].text)
        # "the Second Economic Committee of the ruling party": the name before "of".
        head = phrase.root
        if head.pos_ == "PROPN" and any(c.lower_ == "of" for c in head.rights):
            candidates.append(phrase.doc[phrase.start : head.i + 1].text)
        for candidate in candidates:
            entry = self.gazetteer.lookup(candidate)
            if entry is not None and entry.kind != "place":
                return entry
        role = self._office(phrase, context.published)
        if role is not None:
            return role
        return None

    def _long_place_at(self, phrase: SpacySpan, token: Token) -> str | None:
        """The country of a state or place named by three or more words of the phrase
        from `token` on ("British Virgin Islands"), if any."""
        for size in (4, 3):
            end = token.i + size
            if end > phrase.end:
                continue
            entry = self.gazetteer.lookup(token.doc[token.i : end].text)
            if entry is not None and entry.kind in PLACE_KINDS and entry.country:
                return entry.country
        return None

    def _waters_in(self, phrase: SpacySpan) -> set[int]:
        """Token indexes of the places without a country (seas, straits) a phrase names."""
        found: set[int] = set()
        for size in (4, 3, 2):
            for i in range(len(phrase) - size + 1):
                words = phrase[i : i + size]
                entry = self.gazetteer.lookup(words.text)
                if entry is not None and entry.kind == "place" and entry.country is None:
                    found.update(t.i for t in words)
        return found

    def _office(self, phrase: SpacySpan, published: str | None) -> Entry | None:
        """'the North Korean leader', "North Korea's leader" -> the holder on that date."""
        words = [token.lower_ for token in phrase]
        role_words = self.gazetteer.role_words()
        role = next((w for w in reversed(words) if w in role_words), None)
        if role is None or phrase.root.lower_ != role:
            return None
        country = self._country_in(phrase)
        if country is None:
            return None
        return self.gazetteer.office_holder(country, role, published)

    def _named(self, phrase: SpacySpan, head: Token) -> tuple[str, str] | None:
        """A proper name in the phrase: an appositive name ("Enermax"), a name given
        by "named"/"called" ("a vessel named New Konk") or a named entity. A name
        already at the head keeps it: in "Acme Trading, Ajman" the apposition places it."""
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and head.pos_ != "PROPN":
                return _proper_text(child), _kind_of_label(child.ent_type_) or "organization"
            if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                for name in child.children:
                    if name.pos_ == "PROPN" and name.dep_ in {"oprd", "attr", "dobj", "xcomp"}:
                        return _proper_text(name), _description_kind(head)
        ents = [ent for ent in phrase.ents if ent.label_ in NAME_LABELS]
        if ents and any(token in ents[-1] for token in [head]):
            ent = ents[-1]
            name = _clean_name(ent.text) + _hull_number(head, ent.end)
            return name, _kind_of_label(ent.label_) or "unknown"
        if head.pos_ == "PROPN":
            name = _clean_name(_proper_text(head)) + _hull_number(head, head.i + 1)
            return name, _kind_of_label(head.ent_type_) or "unknown"
        return None

    def _shared_word_country(self, name: str, context: DocumentContext) -> str | None:
        """'Korea Pugang Trading Corporation': a firm's name opening with a word two
        states' names share is of the one of them the document names more (none on a tie)."""
        first, _, rest = name.partition(" ")
        states = self._sharing.get(first.lower())
        if not states or not rest:
            return None
        counts = sorted(((context.states_named[code], code) for code in states), reverse=True)
        return counts[0][1] if counts[0][0] > counts[1][0] else None

    def _legal_form_country(self, phrase: SpacySpan, name: str) -> str | None:
        """The country of the legal form that begins or ends the name, however the
        parse cut it ("PT" may fall outside the name the recognizer found)."""
        ents = [ent.text for ent in phrase.ents]
        for text in (name, *ents, phrase.text):
            country = self.gazetteer.legal_form_country(_strip_determiner(text))
            if country is not None:
                return country
        return None

    def _country_in(self, phrase: SpacySpan) -> str | None:
        """The state a phrase locates its party in: demonyms, flags, places, countries;
        none where it joins places of two states ("suppliers in China and Japan",
        "Chinese and Russian firms"): such a party has no one country."""
        code = self._any_country_in(phrase)
        if code in NOT_STATES or self._joins_other_states(phrase, code):
            return None
        return code

    def _joins_other_states(self, phrase: SpacySpan, code: str | None) -> bool:
        """Whether a word of the phrase naming a state's place is coordinated with one
        naming a place of another state than `code` (the list may run past the phrase)."""
        if code is None:
            return False
        for token in phrase:
            if not (token.pos_ in {"PROPN", "ADJ"} and self.gazetteer.country_code(token.text)):
                continue
            for other in token.children:
                if other.dep_ != "conj":
                    continue
                named = other.doc[min(other.left_edge.i, other.i) : other.i + 1]
                found = self._any_country_in(named)
                if found is not None and found != code:
                    return True
        return False

    def _any_country_in(self, phrase: SpacySpan) -> str | None:
        # "a vessel in the East China Sea": international waters name no state.
        waters = self._waters_in(phrase) | _backers(phrase)
        for token in phrase:
            if token.i in waters:
                continue
            # "a British Virgin Islands company": a state's or place's name of several
            # words beginning here comes before a demonym among its words.
            code = self._long_place_at(phrase, token)
            if code:
                return code
            # "South Sudanese officers": the two words before the last one alone.
            pair = token.doc[token.i - 1 : token.i + 1].text if token.i > phrase.start else None
            code = (pair and self.gazetteer.demonym(pair)) or self.gazetteer.demonym(token.text)
            if code:
                return code
        for size in (4, 3, 2, 1):
            for i in range(len(phrase) - size + 1):
                words = phrase[i : i + size]
                if any(t.i in waters for t in words):
                    continue
                code = self.gazetteer.demonym(words.text) or self.gazetteer.country_code(words.text)
                if code and any(t.pos_ in {"PROPN", "ADJ", "NOUN"} for t in words):
                    if size == 1 and words[0].pos_ not in {"PROPN", "ADJ"}:
                        continue
                    return code
        return self._body_country_in(phrase)

    def _body_country_in(self, phrase: SpacySpan) -> str | None:
        """'fighters loyal to Khalifa Haftar': the country of a known person or body named
        (not of one that backs the party: "Hezbollah-backed militias")."""
        backers = _backers(phrase)
        for size in (4, 3, 2, 1):
            for i in range(len(phrase) - size + 1):
                words = phrase[i : i + size]
                if not (_name_word(words[0]) and _name_word(words[-1])):
                    continue
                if any(t.i in backers for t in words):
                    continue
                entry = self.gazetteer.lookup(words.text)
                if entry is not None and entry.kind in {"person", "organization"}:
                    return entry.country
        return None


#: The rule by which a definite description takes the country of its introduction.
INTRODUCED_RULE = "country-introduced-description"
#: At most this many words make a description looked for, or describe it before it.
INTRODUCED_WORDS = 3
#: 'a trading company in Osaka', 'a broker based in Riga': the place after a description.
_INTRODUCED_PLACE = re.compile(
    r"\s+(?:(?:based|registered|located|headquartered)\s+)?(?:in|from|of)\s+"
    r"((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})"
)

#: 'the product tanker Silver Egret', 'the ship Ryu Gyong 7': a ship noun and the name after it.
_SHIP_NAMED = re.compile(
    r"\b(?:" + "|".join(sorted(VESSEL_WORDS, key=len, reverse=True)) + r")\s+"
    r"((?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|\d{1,3}\b)){0,3})"
)
#: What may separate the words of a name in running text: spaces, line breaks, hyphens.
_SEPARATORS = re.compile(r"[\s-]+")


def _names_in(automaton: Any, text: str) -> list[tuple[int, int]]:
    """Where the automaton's names stand in `text` as whole words, ignoring case and
    the separators between words; at each place the longest, left to right, none
    overlapping."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ")
        lowered = "".join(c.lower()[0] for c in text)
    # Each run of separators becomes one space; `segments` maps each stretch of
    # words back: (start in the squeezed text, start in the text).
    pieces: list[str] = []
    segments: list[tuple[int, int]] = []
    squeezed_length = position = 0
    for run in _SEPARATORS.finditer(lowered):
        segments.append((squeezed_length, position))
        pieces += [lowered[position : run.start()], " "]
        squeezed_length += run.start() - position + 1
        position = run.end()
    segments.append((squeezed_length, position))
    pieces.append(lowered[position:])
    squeezed = "".join(pieces)

    def original(at: int) -> int:  # `at` is never a separator: names start and end in words
        index = bisect.bisect_right(segments, at, key=lambda segment: segment[0]) - 1
        start, source = segments[index]
        return source + at - start

    found: list[tuple[int, int]] = []
    for last, length in automaton.iter(squeezed):
        start, end = original(last - length + 1), original(last) + 1
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not _word_char(before) and not _word_char(after):
            found.append((start, end))
    found.sort(key=lambda span: (span[0], span[0] - span[1]))
    chosen: list[tuple[int, int]] = []
    for start, end in found:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end))
    return chosen


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


#: Codes the country registry knows that are not states ("European" -> eu).
NOT_STATES = frozenset({"eu", "zz"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})


def _kind_of_label(label: str) -> str | None:
    return {"PERSON": "person", "ORG": "organization", "GPE": "state", "FAC": "organization"}.get(
        label
    )


def noun_phrase(head: Token, preps: frozenset[str] | None = None) -> SpacySpan:
    """The noun phrase a head token governs, without clauses, appositions or lists.

    `preps` limits which prepositional phrases belong to it (None: all of them).
    """
    doc = head.doc
    right = _phrase_right(head, preps)
    while right > head.i and doc[right].is_punct:
        right -= 1
    left = head.left_edge.i
    # "The ship unloaded sugar" parsed as "ship-unloaded sugar": a modifier with a
    # subject of its own is a verb (unlike "Oslo-based"), and the phrase begins after it.
    for verb in head.lefts:
        if verb.pos_ != "VERB" or not any(c.dep_ in {"npadvmod", "nsubj"} for c in verb.lefts):
            continue
        if not {t.text for t in doc[max(verb.i - 1, 0) : verb.i + 2]} & {"-", "–"}:
            left = max(left, verb.i + 1)
    # "SEOUL, May 3 - North Korea ...": a dateline parsed into the name ends at its dash.
    breaks = [
        t.i
        for t in doc[left : head.i]
        if t.text in PHRASE_BREAKS and t.i and doc[t.i - 1].whitespace_
    ]
    if breaks:
        left = breaks[-1] + 1
    return doc[left : right + 1]


def _backers(phrase: SpacySpan) -> set[int]:
    """Token indexes of the words naming who backs or arms the party ("Iran-backed",
    "North Korea-supplied"): the name before a hyphen and a backing word, and both."""
    found: set[int] = set()
    doc = phrase.doc
    for token in phrase:
        if token.text not in {"-", "–"} or token.i + 1 >= phrase.end or token.i == phrase.start:
            continue
        if doc[token.i + 1].lower_ not in BACKING_SUFFIXES:
            continue
        found.update({token.i, token.i + 1})
        at = token.i - 1
        while at >= phrase.start and doc[at].pos_ in {"PROPN", "ADJ"}:
            found.add(at)
            at -= 1
    return found


def _without_time(phrase: SpacySpan) -> SpacySpan:
    """'In 2020 Chinese firms sold ...', the parse taking the year for the firms' number:
    the words of a date, and a preposition before them, that open a party's phrase are
    no part of it."""
    start = phrase.start
    while start < phrase.root.i:
        token = phrase.doc[start]
        if token.ent_type_ not in TIME_ENTITIES and not (
            token.pos_ == "ADP" and phrase.doc[start + 1].ent_type_ in TIME_ENTITIES
        ):
            break
        start += 1
    return phrase.doc[start : phrase.end]


def _phrase_right(token: Token, preps: frozenset[str] | None) -> int:
    """The last token of the phrase, stopping before any clause, apposition or list."""
    right = token.i
    for child in token.rights:
        if child.dep_ in PHRASE_END:
            break
        if child.dep_ == "prep" and preps is not None and child.lower_ not in preps:
            break
        if child.dep_ == "amod" and any(c.dep_ == "xcomp" for c in child.children):
            break  # "donors ready to fund the group": the adjective opens a clause
        if child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.subtree):
            # "a company for selling watches", "a dealer on suspicion of selling
            # pianos": a clause, however deep, is not part of the name
            break
        right = _phrase_right(child, preps)
    return right


def _hauls(pronoun: Token) -> bool:
    """Whether a pronoun is who hauls goods: the subject of a verb of hauling, or the
    one a verb holds to it ("suspected it of hauling coal")."""
    verb = pronoun.head
    if pronoun.dep_ in {"nsubj", "nsubjpass"}:
        return verb.lemma_.lower() in HAULING_VERBS
    deeds = [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pcomp"]
    return pronoun.dep_ == "dobj" and any(d.lemma_.lower() in HAULING_VERBS for d in deeds)


def _name_word(token: Token) -> bool:
    """A proper noun, or an acronym the tagger took for a common noun ("an
    LAAF-affiliated unit")."""
    return token.pos_ == "PROPN" or (token.is_upper and token.is_alpha and len(token) > 1)


def _proper_text(token: Token) -> str:
    parts = [t for t in token.subtree if t.dep_ in {"compound", "flat"} or t == token]
    parts = [t for t in parts if t.i <= token.i and (t.pos_ in {"PROPN", "NUM"} or t == token)]
    start = min(t.i for t in parts)
    return token.doc[start : token.i + 1].text


def _described_name(phrase: SpacySpan) -> str:
    return _SPACES.sub(" ", phrase.text).strip(" ,")


def _strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in DETERMINERS and rest else text


def _hull_number(head: Token, after: int) -> str:
    """'the Sea Star 3', 'Blue Dawn 12': a number right after a name, counting it,
    is part of the name (ships are numbered so)."""
    number = head.doc[after] if after < len(head.doc) else None
    if number is None or number.pos_ != "NUM" or number.dep_ != "nummod":
        return ""
    counts = number.head == head and number.like_num and len(number.text) <= 3
    return " " + number.text if counts else ""


def _clean_name(text: str) -> str:
    text = _strip_determiner(_SPACES.sub(" ", text).strip())
    return re.sub(r"[’']s$", "", text)


def _site_owner(head: Token) -> Token | None:
    """'its base', 'the militia's camp': the owner of a site word, if it has one."""
    if head.lemma_.lower() not in SITE_WORDS:
        return None
    return next((c for c in head.children if c.dep_ == "poss" and _owns(c)), None)


def _owns(token: Token) -> bool:
    """A possessor: "its", or a noun with its possessive ending ("the firm's")."""
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children)


def _local(phrase: SpacySpan, context: DocumentContext) -> str | None:
    """'a local firm': of the country where the text is set."""
    return context.setting if any(t.lower_ in LOCAL_WORDS for t in phrase) else None


def _held_here(head: Token, context: DocumentContext) -> str | None:
    """'the detained man', 'the arrested dealer': whom the text calls held, naming no
    state that holds them, is held where the text is set."""
    held = any(c.dep_ == "amod" and c.lemma_.lower() in ARREST_VERBS for c in head.children)
    return context.setting if held else None


def _is_definite(phrase: SpacySpan) -> bool:
    return phrase[0].lower_ in DEFINITE


def refers_back(mention: Mention) -> bool:
    """Whether a mention's words open by referring back ("the company", "this firm")."""
    return mention.text.split(" ", 1)[0].lower() in DEFINITE


def introduces(mention: Mention) -> bool:
    """Whether a description introduces a party of its own ("a company", "an exporter"):
    another so described is not it."""
    first = mention.text.split(" ", 1)[0].lower()
    return not mention.proper and first in DETERMINERS and first not in DEFINITE


def _description_kind(head: Token) -> str:
    lemma = head.lemma_.lower()
    if lemma in VESSEL_WORDS:
        return "vessel"
    if lemma in ORG_WORDS:
        return "organization"
    if lemma in PLACE_WORDS:
        return "place"
    return "unknown"


def _tells(verb: Token, clause: Token) -> bool:
    """Whether `clause` is, or is joined to, the complement `verb` takes ("found that X")."""
    token = clause
    while token.head.i != token.i:
        if token.head == verb:
            return token.dep_ == "ccomp"
        token = token.head
    return False


def _body_of(head: Token) -> Token | None:
    """'two men from Acme': people acting for a named body stand for it."""
    if head.lemma_.lower() not in MEMBER_NOUNS:
        return None
    bodies = [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in {"from", "of"}
        for o in p.children
        if o.dep_ == "pobj" and o.pos_ == "PROPN"
    ]
    return bodies[0] if bodies else None


def _titled(name: Token) -> bool:
    """'Chief executive Ben Zhou', 'Zhou, the spokesman': a name a person's title describes."""
    return any(
        c.dep_ in {"compound", "appos"} and c.lemma_.lower() in MEMBER_NOUNS and c.pos_ == "NOUN"
        for c in name.children
    )


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a token belongs to (the sentence root if none)."""
    verb = token
    while verb.head.i != verb.i and not (verb.pos_ in {"VERB", "AUX"} and verb.dep_ in CLAUSES):
        verb = verb.head
    return verb


def _names_a_vessel(phrase: SpacySpan, head: Token) -> bool:
    """'the North Korean-flagged Sam Jong 2', 'the M/T Courageous', 'Saebyol, a vessel',
    'the tanker Blue Star'."""
    if VESSEL_PREFIX.match(phrase.text.removeprefix("the ").removeprefix("The ")):
        return True
    if any(t.lower_.endswith("flagged") for t in phrase):
        return True
    if any(t.lemma_.lower() in VESSEL_WORDS for t in phrase if t.i <= head.i):
        return True  # "the tanker Blue Star", and a name in apposition to "the tanker"
    if any(
        c.dep_ in {"appos", "compound"} and c.lemma_.lower() in VESSEL_WORDS for c in head.children
    ):
        return True
    # "the Sea Star, one of four tankers"
    ones = [c for c in head.children if c.dep_ == "appos" and c.lower_ == "one"]
    groups = [g for one in ones for p in one.children if p.lower_ == "of" for g in p.children]
    return any(g.dep_ == "pobj" and g.lemma_.lower() in VESSEL_WORDS for g in groups)


def _focus(mentions: list[Mention]) -> Mention | None:
    """The latest of the mentions, preferring parties that gave goods: the story's focus."""
    givers = [m for m in mentions if m.gave]
    return (givers or mentions)[-1] if mentions else None


def _family_names(name: str) -> set[str]:
    # Korean and Chinese names put the family name first, Western names last.
    parts = name.split()
    return {parts[0].lower(), parts[-1].lower()} if parts else set()


def _key(name: str) -> str:
    return _SPACES.sub(" ", name.lower().replace("-", " ")).strip()


def _from_entry(entry: Entry, text: str, start: int, end: int) -> Mention:
    return Mention(text, start, end, entry.name, entry.kind, entry.country, entry.key)


#: The key prefix of a pronoun with no antecedent.
UNRESOLVED = "pronoun:"


def _unresolved(text: str, start: int, end: int, kind: str) -> Mention:
    """A pronoun with no antecedent in the document: the party as the text names it."""
    return Mention(text, start, end, text, kind, None, UNRESOLVED + text.lower(), proper=False)


def _moved(
    found: Mention, text: str, start: int, end: int, via: str, head: str | None = None
) -> Mention:
    """The antecedent's identity at a new place in the text, found by the rule `via`
    (and described there by the noun `head`, if any)."""
    return Mention(
        text,
        start,
        end,
        found.name,
        found.kind,
        found.country,
        found.key,
        found.proper,
        via=via,
        head=head,
    )
