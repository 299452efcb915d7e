"""Decide, before parsing, which sentences could state a transfer.

A sentence is worth the full parse only if it holds a trigger form (any
inflection of a lexicon trigger) and a goods anchor (a word or phrase that
any goods term of the taxonomy must contain). Both lists come from the
knowledge files the extractor reads, so a new trigger or goods term reaches
the prefilter with no code change; function words (`function_words.yaml`)
are never anchors, since nearly every sentence holds one.

One Aho-Corasick pass over the lower-cased document finds every anchor; a
document without both kinds costs nothing more, and for the others each
hit is assigned to the sentence holding it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import ahocorasick

from sanctrace.datafiles import ErrorFactory, check_keys, read_yaml
from sanctrace.errors import DataFileError
from sanctrace.goods.text import NUMBER, is_number, plurals
from sanctrace.model import Span
from sanctrace.nlp.sentences import split_sentences

if TYPE_CHECKING:
    from sanctrace.goods.taxonomy import Taxonomy
    from sanctrace.transfers.lexicon import Lexicon

DATA_PATH = Path(__file__).with_name("prefilter.yaml")

#: Ends an anchor that may be followed by more letters or digits ("t-7" of "T-72").
PREFIX_MARK = "*"
TRIGGER = 1
GOODS = 2
BOTH = TRIGGER | GOODS


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
) -> frozenset[str]:
    """Words or phrases, one of which every goods term contains, with their plurals.

    A term matches only where all its words occur, so one word anchors it:
    a word that is a term by itself when it has one ("gun" for "air defence
    gun"), else its most specific content word: the one in the fewest terms,
    then the longest ("television" for "television set", so "set" is not
    needed). A term with no content word is anchored by its whole phrase
    ("s 300").
    """
    terms = [t for t in terms if t]
    used = Counter(w for t in terms for w in set(t))
    single = {t[0] for t in terms if len(t) == 1 and _content(t[0], function_words)}
    anchors: set[str] = set()
    for term in terms:
        content = [w for w in term if _content(w, function_words)]
        if not content:
            anchors.update(_phrase_forms(term))
        elif not any(word in single for word in content):
            anchors.add(min(content, key=lambda w: (used[w], -len(w), w)))
    anchors |= single
    return frozenset(form for anchor in anchors for form in _plural_forms(anchor))


def _content(word: str, function_words: frozenset[str]) -> bool:
    return word != NUMBER and not is_number(word) and word not in function_words


def _phrase_forms(term: tuple[str, ...]) -> set[str]:
    """Text writes "S-300", "S 300" or "S300"; goods tokens split all three alike.

    A model number ("t #" for "T-72") is looked for by its first digit: the
    automaton holds "t-7" and its kin as prefixes of a word.
    """
    if term[0] == NUMBER:
        raise UnanchoredTerm(
            f"The goods term '{' '.join(term)}' starts with a model number and holds no other "
            "goods word, so the prefilter cannot look for it; add a goods word to it."
        )
    words = term[: term.index(NUMBER)] if NUMBER in term else term
    joined = {sep.join(words) + (sep if NUMBER in term else "") for sep in (" ", "-", "")}
    if NUMBER not in term:
        return joined
    return {phrase + digit + PREFIX_MARK for phrase in joined for digit in "0123456789"}


def _plural_forms(anchor: str) -> set[str]:
    head, _, last = anchor.rpartition(" ")
    if is_number(last) or anchor.endswith(PREFIX_MARK):
        return {anchor}
    return {f"{head} {form}" if head else form for form in plurals(last)}


class Prefilter:
    """Finds the sentences holding both a trigger form and a goods anchor."""

    def __init__(
        self,
        trigger_forms: Iterable[str],
        goods_words: Iterable[str],
        function_words: frozenset[str] = frozenset(),
    ) -> None:
        self.trigger_forms = frozenset(w.lower() for w in trigger_forms) - function_words
        self.goods_words = frozenset(w.lower() for w in goods_words) - function_words
        self._automaton = ahocorasick.Automaton()
        for word in self.trigger_forms | self.goods_words:
            kind = (TRIGGER if word in self.trigger_forms else 0) | (
                GOODS if word in self.goods_words else 0
            )
            key = word.removesuffix(PREFIX_MARK)
            self._automaton.add_word(key, (len(key), kind, key != word))
        if len(self._automaton) == 0:
            self._automaton.add_word("\x00", (1, 0, False))  # an empty one cannot be built
        self._automaton.make_automaton()

    @classmethod
    def from_knowledge(
        cls, lexicon: Lexicon, taxonomy: Taxonomy, data: PrefilterData | None = None
    ) -> Prefilter:
        """The prefilter for a lexicon and a taxonomy (default: the packaged `prefilter.yaml`)."""
        data = data or default_prefilter_data()
        goods = goods_anchors(taxonomy.terms(), data.function_words) | data.money_signs
        return cls(lexicon.trigger_forms(), goods, data.function_words)

    def hits(self, text: str) -> list[tuple[int, int]]:
        """(start offset, kind) of every anchor standing as whole words in `text`."""
        lowered = text.lower()
        if len(lowered) != len(text):
            # Rare letters (dotted İ) lengthen when lower-cased; keep offsets exact.
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        found = []
        for end, (length, kind, prefix) in self._automaton.iter(lowered):
            start = end - length + 1
            # Word edges only where the anchor has them: "$" may touch "US$5".
            edge = lowered[start].isalnum()
            before = lowered[start - 1] if start > 0 and edge else " "
            edge = lowered[end].isalnum() and not prefix
            after = lowered[end + 1] if end + 1 < len(lowered) and edge else " "
            if not before.isalnum() and not after.isalnum():
                found.append((start, kind))
        return found

    def is_candidate(self, sentence: str) -> bool:
        return _kinds(self.hits(sentence)) == BOTH

    def candidates(self, text: str) -> list[Span]:
        """The sentences of `text` that hold both kinds of anchor, in text order.

        A text without both kinds is not even split into sentences.
        """
        hits = self.hits(text)
        if _kinds(hits) != BOTH:
            return []
        sentences = split_sentences(text)
        starts = [span.start for span in sentences]
        kinds = [0] * len(sentences)
        for start, kind in hits:
            index = bisect_right(starts, start) - 1
            if index >= 0 and start < sentences[index].end:
                kinds[index] |= kind
        return [span for span, kind in zip(sentences, kinds, strict=True) if kind == BOTH]


def _kinds(hits: list[tuple[int, int]]) -> int:
    kinds = 0
    for _, kind in hits:
        kinds |= kind
    return kinds
