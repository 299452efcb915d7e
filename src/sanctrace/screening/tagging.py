"""Person-name symbols read from the store instead of rigour's person-name tagger.

rigour attaches symbols to name parts ("jong un" -> NAME:Q6312539, "abd al"
-> SYMBOL:ABDUL) with a tagger it builds, on the first person name a process
analyses, from its corpus of given and family names in every script: 5 s and
more, holding Python's lock, longer than all the rest of a cold `sanctrace
screen`. Whether a phrase carries a symbol depends on the phrase alone, so
`lists import`, which builds the tagger anyway, records the tagger's answer
for every word and every tagged phrase of the list's names (`harvest`), and
screening analyses a person's name as rigour does (`analyze_names`): rigour
without symbols, then the recorded phrases, initials and numbers applied as
rigour applies them. A name with a word the lists never use ("Ким", a
spelling of its own) is left to rigour itself, so what the recorded phrases
cannot answer is never guessed.

nomenklatura's matchers analyse names only through followthemoney's
`entity_names`, which calls the `analyze_names` of `followthemoney.names`:
`install` puts this module's function there. It answers from a lexicon only
inside `PersonLexicon.active()` (a screener's calls); everywhere else it is
rigour's own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import permutations
from typing import Any

import followthemoney.names
from followthemoney import EntityProxy
from followthemoney.names import schema_type_tag
from followthemoney.types import registry
from rigour.names import Name, NamePartTag, NameTypeTag, Span, Symbol, SymbolCategory
from rigour.names import analyze_names as rigour_analyze_names
from rigour.names.tag import INITIAL_TAGS

from sanctrace.errors import StoreError

#: Symbol categories by their serialised key ("NAME", "SYMBOL", "NUM" ...).
_CATEGORIES = {
    category.value: category
    for category in (
        SymbolCategory.ORG_CLASS,
        SymbolCategory.SYMBOL,
        SymbolCategory.DOMAIN,
        SymbolCategory.INITIAL,
        SymbolCategory.NAME,
        SymbolCategory.NICK,
        SymbolCategory.NUMERIC,
        SymbolCategory.LOCATION,
        SymbolCategory.PHONETIC,
    )
}

#: An ORG_CLASS span of at least this many letters makes rigour read a name
#: of unknown kind as an organisation's, without the person tagger.
_ORG_CLASS_UPGRADE_CHARS = 3

#: Looks phrases up in the store: phrase -> its symbols as "CATEGORY:id"
#: strings; phrases the lists never use are left out.
#: Part tags rigour infers for parts nothing else tagged.
_INFERRED = (NamePartTag.UNSET, NamePartTag.STOP, NamePartTag.NUM)

PhraseSource = Callable[[Sequence[str]], Mapping[str, Sequence[str]]]

_ACTIVE: ContextVar[PersonLexicon | None] = ContextVar("sanctrace_person_lexicon", default=None)


def rigour_version() -> str:
    """The installed rigour's version: recorded phrases hold for it alone."""
    from importlib.metadata import version

    return version("rigour")


def harvest(entity: EntityProxy) -> dict[str, list[str]]:
    """The words and tagged phrases of `entity`'s names read as a person's, with their symbols.

    Every word is recorded (most with no symbol: that, too, is the tagger's
    answer) and every phrase the person tagger tagged. Names are read as a
    person's and, rewritten the way an unknown kind's are (legal forms
    replaced), again as a person's, as nomenklatura reads a LegalEntity.
    Each pair of a person's (or unknown kind's) words is tagged in both
    orders too, so that a query putting the family name first or last ("Ho Nam RI" as "RI Nam
    Ho") finds the given names its new order joins ("nam ho"). Initials
    and plain numbers are left out: they come from the name itself.
    """
    values = entity.get_type_values(registry.name)
    if not values:
        return {}
    rewritten = [
        name.form
        for name in rigour_analyze_names(NameTypeTag.ENT, values, symbols=False, consolidate=False)
    ]
    names = rigour_analyze_names(NameTypeTag.PER, values, numerics=False, consolidate=False)
    names |= _tagged(rewritten)
    if schema_type_tag(entity.schema) in (NameTypeTag.PER, NameTypeTag.ENT):
        pairs = {
            f"{first} {second}"
            for name in names
            for first, second in permutations(dict.fromkeys(p.form for p in name.parts), 2)
        }
        names |= _tagged(sorted(pairs))
    found: dict[str, list[str]] = {}
    for name in names:
        for part in name.parts:
            found.setdefault(part.form, [])
        for span in name.spans:
            if span.symbol.category == SymbolCategory.INITIAL:
                continue
            phrase = " ".join(part.form for part in span.parts)
            key = f"{span.symbol.category.value}:{span.symbol.id}"
            symbols = found.setdefault(phrase, [])
            if key not in symbols:
                symbols.append(key)
    return found


def _tagged(forms: Sequence[str]) -> set[Name]:
    """Already rewritten name forms, tagged as a person's."""
    return rigour_analyze_names(
        NameTypeTag.PER, forms, numerics=False, consolidate=False, rewrite=False
    )


def merge_harvest(into: dict[str, list[str]], found: Mapping[str, Sequence[str]]) -> None:
    """Add one entity's `harvest` to a list's, keeping the tagger's order of symbols."""
    for phrase, symbols in found.items():
        known = into.setdefault(phrase, [])
        known.extend(symbol for symbol in symbols if symbol not in known)


def encode(symbols: Sequence[str]) -> str:
    """How a phrase's symbols are stored."""
    return json.dumps(list(symbols), ensure_ascii=False)


def decode(stored: str) -> list[str]:
    """A phrase's symbols as `encode` stored them; StoreError (one sentence) if unreadable."""
    try:
        found = json.loads(stored)
    except ValueError:
        found = None
    if not isinstance(found, list) or not all(
        isinstance(key, str) and key.partition(":")[0] in _CATEGORIES for key in found
    ):
        raise StoreError(
            "The name phrases stored with the lists are unreadable; "
            "import the lists again with `sanctrace lists import`."
        )
    return found


class PersonLexicon:
    """The recorded phrases of the loaded lists, read from the store as names need them."""

    def __init__(self, source: PhraseSource) -> None:
        self._source = source
        #: phrase -> its symbols; None for a phrase the lists never use.
        self._known: dict[str, tuple[Symbol, ...] | None] = {}

    @classmethod
    def preloaded(cls, phrases: Iterable[tuple[str, Sequence[str]]]) -> PersonLexicon:
        """A lexicon holding every recorded phrase (for many names at once)."""
        lexicon = cls(lambda wanted: {})
        for phrase, symbols in phrases:
            lexicon._known[phrase] = _symbols(symbols)
        return lexicon

    @contextmanager
    def active(self) -> Iterator[None]:
        """Within this block, person names are analysed with this lexicon."""
        install()
        token = _ACTIVE.set(self)
        try:
            yield
        finally:
            _ACTIVE.reset(token)

    def symbols(self, phrases: Iterable[str]) -> dict[str, tuple[Symbol, ...] | None]:
        """Each phrase's recorded symbols; None for phrases the lists never use."""
        wanted = list(dict.fromkeys(phrases))
        missing = [phrase for phrase in wanted if phrase not in self._known]
        if missing:
            found = self._source(missing)
            for phrase in missing:
                stored = found.get(phrase)
                self._known[phrase] = None if stored is None else _symbols(stored)
        return {phrase: self._known[phrase] for phrase in wanted}

    def analyze(
        self,
        type_tag: NameTypeTag,
        names: Sequence[str],
        part_tags: Mapping[NamePartTag, Sequence[str]] | None,
        options: dict[str, Any],
    ) -> set[Name] | None:
        """rigour's analysis of person names (or names of unknown kind) from the lexicon.

        None when a name has a word the lexicon does not know: rigour
        answers those itself.
        """
        consolidate = options.pop("consolidate", True)
        infer_initials = options.get("infer_initials", False)
        numerics = options.get("numerics", True)
        bare = dict(options, symbols=False)
        built = rigour_analyze_names(type_tag, names, part_tags, consolidate=False, **bare)
        organisations: dict[str, Name] = {}
        if type_tag == NameTypeTag.ENT:
            read = rigour_analyze_names(
                NameTypeTag.ORG, names, part_tags, consolidate=False, **options
            )
            organisations = {name.form: name for name in read}
        phrases = {name: _phrases(name) for name in built}
        symbols = self.symbols(phrase for found in phrases.values() for phrase in found)
        result: set[Name] = set()
        for name in built:
            if any(symbols[part.form] is None for part in name.parts):
                return None
            organisation = organisations.get(name.form)
            if organisation is not None:
                classes = [
                    span
                    for span in organisation.spans
                    if span.symbol.category == SymbolCategory.ORG_CLASS
                ]
                if any(_letters(span) >= _ORG_CLASS_UPGRADE_CHARS for span in classes):
                    result.add(organisation)  # rigour reads it as an organisation's
                    continue
                for span in organisation.spans:
                    if not _inferred_number(span):  # numbers come last, as in rigour
                        name.apply_phrase(" ".join(p.form for p in span.parts), span.symbol)
                # A short legal form ("AO") is a legal part, as rigour tags it
                # before it tells numbers and stopwords.
                legal = {part.index for span in classes for part in span.parts}
                for part in name.parts:
                    if part.index in legal and part.tag in _INFERRED:
                        part.tag = NamePartTag.LEGAL
            else:
                _apply_initials(name, infer_initials)
            for phrase in phrases[name]:
                for symbol in symbols[phrase] or ():
                    name.apply_phrase(phrase, symbol)
            if numerics:
                _apply_numbers(name)
            result.add(name)
        return Name.consolidate_names(result) if consolidate else result


def analyze_names(
    type_tag: NameTypeTag,
    names: Sequence[str],
    part_tags: Mapping[NamePartTag, Sequence[str]] | None = None,
    **options: Any,
) -> set[Name]:
    """rigour's `analyze_names`, answered from the active lexicon where it can be."""
    lexicon = _ACTIVE.get()
    if (
        lexicon is not None
        and options.get("symbols", True)
        and options.get("rewrite", True)
        and type_tag in (NameTypeTag.PER, NameTypeTag.ENT)
    ):
        found = lexicon.analyze(type_tag, names, part_tags, dict(options))
        if found is not None:
            return found
    return rigour_analyze_names(type_tag, names, part_tags, **options)


def install() -> None:
    """Make followthemoney's name analysis (and so nomenklatura's) go through `analyze_names`."""
    followthemoney.names.analyze_names = analyze_names  # type: ignore[assignment]


def _symbols(stored: Sequence[str]) -> tuple[Symbol, ...]:
    found = []
    for key in stored:
        category, _, identifier = key.partition(":")
        found.append(Symbol(_CATEGORIES[category], identifier))
    return tuple(found)


def _phrases(name: Name) -> list[str]:
    """Every run of consecutive parts of `name`, in the order rigour's tagger reports them.

    The tagger reports matches by where they end, the longest first; a
    phrase's symbols apply only to whole parts, so runs of parts are all
    the phrases that can carry one.
    """
    forms = [part.form for part in name.parts]
    return [" ".join(forms[start:end]) for end in range(1, len(forms) + 1) for start in range(end)]


def _apply_initials(name: Name, infer_initials: bool) -> None:
    """rigour's INITIAL symbols: given and middle names, and any one letter in a query."""
    for part in name.parts:
        if not part.latinize or not part.comparable:
            continue
        if (infer_initials and len(part.form) == 1) or part.tag in INITIAL_TAGS:
            name.apply_part(part, Symbol(SymbolCategory.INITIAL, part.comparable[0]))


def _apply_numbers(name: Name) -> None:
    """rigour's NUMERIC symbols for numbers no recorded phrase (an ordinal) covers."""
    covered = {
        part.index
        for span in name.spans
        if span.symbol.category == SymbolCategory.NUMERIC
        for part in span.parts
    }
    for part in name.parts:
        if part.tag == NamePartTag.NUM and part.index not in covered:
            covered.add(part.index)
            if part.integer is not None:
                name.apply_part(part, Symbol(SymbolCategory.NUMERIC, part.integer))


def _inferred_number(span: Span) -> bool:
    """Is `span` a NUMERIC symbol rigour gave a plain number (not one of its ordinals)?"""
    parts = span.parts
    return (
        span.symbol.category == SymbolCategory.NUMERIC
        and len(parts) == 1
        and parts[0].tag == NamePartTag.NUM
    )


def _letters(span: Span) -> int:
    return sum(len(part.form) for part in span.parts)
