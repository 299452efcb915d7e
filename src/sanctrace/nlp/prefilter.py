"""Decide, before parsing, which sentences could state a transfer.

A sentence is worth the full parse only if it holds a trigger form (any
inflection of a lexicon trigger) and the anchors of some goods term: its
content words ("radio" and "way" for "two-way radio"), a money sign, or a
trigger that names money itself ("funded", "paid"); or a trigger form right
after a sentence that holds such anchors, when it holds a pronoun that may
stand for those goods ("sold them"). All
come from the knowledge files the extractor reads, so a new trigger or goods
term reaches the prefilter with no code change; function words (listed in
`prefilter.yaml`) are never anchors, since nearly every sentence holds one.

One Aho-Corasick pass over the lower-cased document finds every anchor; a
document without both kinds costs nothing more, and for the others each
hit is assigned to the sentence holding it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import ahocorasick  # type: ignore[import-not-found]  # it ships no type stubs

from sanctrace.datafiles import ErrorFactory, check_keys, read_yaml
from sanctrace.errors import DataFileError
from sanctrace.goods.text import NUMBER, is_number, plurals
from sanctrace.model import Span
from sanctrace.nlp.sentences import split_sentences

if TYPE_CHECKING:
    from sanctrace.goods.taxonomy import Taxonomy
    from sanctrace.transfers.lexicon import Lexicon

DATA_PATH = Path(__file__).with_name("prefilter.yaml")

#: Word classes of the extractor whose words name goods named before.
REFERRING_CLASSES = ("generic_goods", "measures", "value_words")
#: The verbs that name who did a deed a noun trigger tells ("attributed the theft to").
BLAMING = "attribution_verbs"
#: The extractor's pronouns that may stand for goods an earlier sentence named.
BACK_PRONOUNS = "back_pronouns"
#: Ends an anchor that may be followed by more letters or digits ("t-7" of "T-72").
PREFIX_MARK = "*"
TRIGGER = 1
GOODS = 2


class PrefilterDataError(DataFileError):
    """The prefilter's data file is invalid."""

    def __init__(self, path: Path, where: str, problem: str) -> None:
        super().__init__(f"The prefilter data {path} is invalid at {where}: {problem}.")


class UnanchoredTerm(DataFileError):
    """A goods term holds no word the prefilter can look for."""


class PrefilterSpec(TypedDict):
    #: Closed-class words, never anchors.
    function_words: list[str]
    #: Characters that write a sum of money; they count as goods.
    money_signs: list[str]


@dataclass(frozen=True, slots=True)
class PrefilterData:
    function_words: frozenset[str]
    money_signs: frozenset[str]


def load_prefilter_data(path: Path = DATA_PATH) -> PrefilterData:
    """Read `prefilter.yaml`, raising PrefilterDataError naming the bad entry."""

    def error(where: str, problem: str) -> PrefilterDataError:
        return PrefilterDataError(path, where, problem)

    spec = check_keys(read_yaml(path, error), PrefilterSpec, "the top level", error)
    words = _entries(spec, "function_words", lambda w: w.isalpha() and w == w.lower(), error)
    signs = _entries(spec, "money_signs", lambda s: len(s) == 1 and not s.isalnum(), error)
    return PrefilterData(words, signs)


def _entries(
    spec: dict[str, Any], key: str, valid: Callable[[str], bool], error: ErrorFactory
) -> frozenset[str]:
    entries = spec[key]
    if not isinstance(entries, list):
        raise error(f"'{key}'", "it must be a list")
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, str) or not valid(entry):
            raise error(f"'{key}' entry {entry!r}", "it does not fit the list (see the comments)")
        if entry in seen:
            raise error(f"'{key}' entry {entry!r}", "it is listed twice")
        seen.add(entry)
    return frozenset(seen)


@cache
def default_prefilter_data() -> PrefilterData:
    return load_prefilter_data()


def goods_anchors(
    terms: Iterable[tuple[str, ...]], function_words: frozenset[str]
) -> frozenset[frozenset[str]]:
    """For each goods term, the anchors a sentence must all hold for the term to occur in it.

    A term matches only where all its words occur, so a sentence without
    every content word of a term cannot hold it: "two way radio" needs "way"
    and "radio", never "two"; "television set" needs "television" and "set".
    A term with no content word is anchored by its whole phrase ("s 300").
    """
    anchors: set[frozenset[str]] = set()
    for term in terms:
        if not term:
            continue
        content = frozenset(w for w in term if _content(w, function_words))
        anchors.add(content or frozenset({_phrase(term)}))
    return frozenset(anchors)


def _content(word: str, function_words: frozenset[str]) -> bool:
    return word != NUMBER and not is_number(word) and word not in function_words


def _phrase(term: tuple[str, ...]) -> str:
    if term[0] == NUMBER:
        raise UnanchoredTerm(
            f"The goods term '{' '.join(term)}' starts with a model number and holds no other "
            "goods word, so the prefilter cannot look for it; add a goods word to it."
        )
    if NUMBER in term:
        return " ".join(term[: term.index(NUMBER)]) + " " + PREFIX_MARK
    return " ".join(term)


def _surface_forms(anchor: str) -> set[str]:
    """How text writes an anchor: plurals; a phrase with spaces, hyphens or nothing between.

    A model number ("t #" for "T-72") is looked for by its first digit: the
    automaton holds "t-7" and its kin as prefixes of a word.
    """
    words = anchor.split(" ")
    if len(words) == 1:
        return plurals(anchor)
    prefix = words[-1] == PREFIX_MARK
    words = words[:-1] if prefix else words
    joined = {sep.join(words) + (sep if prefix else "") for sep in (" ", "-", "")}
    if prefix:
        return {phrase + digit + PREFIX_MARK for phrase in joined for digit in "0123456789"}
    return {phrase[: -len(words[-1])] + form for phrase in joined for form in plurals(words[-1])}


def _triggers(hits: list[tuple[int, int, tuple[str, ...]]]) -> bool:
    return any(kind & TRIGGER for _, kind, _ in hits)


class Prefilter:
    """Finds the sentences holding a trigger form and every anchor of some goods term."""

    def __init__(
        self,
        trigger_forms: Iterable[str],
        goods: Iterable[Collection[str]],
        function_words: frozenset[str] = frozenset(),
        back_pronouns: frozenset[str] = frozenset(),
    ) -> None:
        self.trigger_forms = frozenset(w.lower() for w in trigger_forms) - function_words
        #: Pronouns that may stand for goods the sentence before named: they never pass a
        #: sentence, but let one with a trigger after such a sentence pass.
        words = "|".join(sorted(map(re.escape, back_pronouns)))
        self._back = re.compile(rf"\b(?:{words})\b", re.IGNORECASE) if words else None
        #: Per goods anchor, the anchor sets (one per term) that hold it.
        self._needs: dict[str, list[frozenset[str]]] = {}
        for needed in {frozenset(a.lower() for a in anchors) - function_words for anchors in goods}:
            if needed:
                for anchor in needed:
                    self._needs.setdefault(anchor, []).append(needed)
        bases: dict[str, set[str]] = {}
        for anchor in self._needs:
            for form in _surface_forms(anchor):
                bases.setdefault(form, set()).add(anchor)
        self.goods_words = frozenset(bases)
        self._automaton = ahocorasick.Automaton()
        for word in self.trigger_forms | self.goods_words:
            kind = (TRIGGER if word in self.trigger_forms else 0) | (
                GOODS if word in self.goods_words else 0
            )
            key = word.removesuffix(PREFIX_MARK)
            value = (len(key), kind, key != word, tuple(bases.get(word, ())))
            self._automaton.add_word(key, value)
        if len(self._automaton) == 0:
            self._automaton.add_word("\x00", (1, 0, False, ()))  # an empty one cannot be built
        self._automaton.make_automaton()

    @classmethod
    def from_knowledge(
        cls, lexicon: Lexicon, taxonomy: Taxonomy, data: PrefilterData | None = None
    ) -> Prefilter:
        """The prefilter for a lexicon and a taxonomy (default: the packaged `prefilter.yaml`)."""
        data = data or default_prefilter_data()
        goods = goods_anchors(taxonomy.terms(), data.function_words)
        signs = {frozenset({sign}) for sign in data.money_signs}
        money = {frozenset({form}) for form in lexicon.money_forms()}
        # "The cargo was delivered", "a further 200 tonnes", "$2 million worth": goods
        # named before, which the document pass gives their tags.
        referring = {
            frozenset({word})
            for name in REFERRING_CLASSES
            for word in lexicon.word_class(name)
            if word not in data.function_words
        }
        # "Analysts traced the theft to X": who did a deed told before, with no goods.
        referring |= {frozenset({form}) for form in lexicon.forms_of(lexicon.word_class(BLAMING))}
        anchors = goods | signs | money | referring
        back = lexicon.word_class(BACK_PRONOUNS)
        return cls(lexicon.trigger_forms(), anchors, data.function_words, back)

    def hits(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start offset, kind, goods anchors) of every anchor standing as words in `text`."""
        lowered = text.lower()
        if len(lowered) != len(text):
            # Rare letters (dotted İ) lengthen when lower-cased; keep offsets exact.
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        found = []
        for end, (length, kind, prefix, anchors) in self._automaton.iter(lowered):
            start = end - length + 1
            # Word edges only where the anchor has them: "$" may touch "US$5".
            edge = lowered[start].isalnum()
            before = lowered[start - 1] if start > 0 and edge else " "
            edge = lowered[end].isalnum() and not prefix
            after = lowered[end + 1] if end + 1 < len(lowered) and edge else " "
            if not before.isalnum() and not after.isalnum():
                found.append((start, kind, anchors))
        return found

    def is_candidate(self, sentence: str) -> bool:
        return self._passes(self.hits(sentence))

    def candidates(self, text: str) -> list[Span]:
        """The sentences of `text` that hold a trigger and a goods term's anchors, in text order.

        A text without both kinds of anchor is not even split into sentences.
        """
        hits = self.hits(text)
        if not self._passes(hits):
            return []
        sentences = split_sentences(text)
        starts = [span.start for span in sentences]
        found: list[list[tuple[int, int, tuple[str, ...]]]] = [[] for _ in sentences]
        for hit in hits:
            index = bisect_right(starts, hit[0]) - 1
            if index >= 0 and hit[0] < sentences[index].end:
                found[index].append(hit)
        # "The yachts changed hands twice. A dealer sold them to Iran": a trigger right
        # after a sentence naming goods may pass them on by a pronoun.
        goods = [self._names_goods(held) for held in found]
        return [
            span
            for index, (span, held) in enumerate(zip(sentences, found, strict=True))
            if self._passes(held)
            or (index > 0 and goods[index - 1] and _triggers(held) and self._refers(span.text))
        ]

    def _refers(self, sentence: str) -> bool:
        return self._back is not None and self._back.search(sentence) is not None

    def _passes(self, hits: list[tuple[int, int, tuple[str, ...]]]) -> bool:
        return _triggers(hits) and self._names_goods(hits)

    def _names_goods(self, hits: list[tuple[int, int, tuple[str, ...]]]) -> bool:
        present = {anchor for _, _, anchors in hits for anchor in anchors}
        return any(needed <= present for a in present for needed in self._needs[a])
