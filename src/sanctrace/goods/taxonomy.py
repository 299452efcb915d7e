"""The goods taxonomy: words naming goods -> contract tags and HS headings.

The knowledge lives in `taxonomy.yaml` beside this module; its shape is
`TaxonomySpec` below. Matching is longest-first over word tokens (see
`sanctrace.goods.text`), so "artillery shells" wins over "shells" and
"armoured vehicles" (military) wins over the modifier "armoured" (luxury).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from sanctrace.datafiles import check_keys
from sanctrace.goods.spec import TaxonomyError, read_spec
from sanctrace.goods.text import NUMBER, forms, is_number, match_at, plurals, tokens
from sanctrace.model import TAGS

DEFAULT_PATH = Path(__file__).with_name("taxonomy.yaml")

#: Tags that always come with `arms` (the contract's rule for weapons).
WEAPON_TAGS = frozenset({"small_arms", "ammunition", "missile", "drone", "military_vehicle"})


class CategorySpec(TypedDict):
    """One goods category in `taxonomy.yaml`."""

    id: str
    label: str
    #: Lower-case words or phrases as news text writes them (singular; a
    #: plural-only word such as "arms" is written plural). "#" stands for a
    #: model number, written after a hyphen: "mig-#" matches "MiG-21".
    terms: list[str]
    tags: list[str]
    #: HS 2022 chapters (2 digits) or headings (4 digits).
    hs: NotRequired[list[str]]
    #: Goods that humanitarian exemptions cover (medicine, medical supplies).
    humanitarian: NotRequired[bool]
    #: Vague words ("goods", "equipment"): dropped when a specific category matches.
    generic: NotRequired[bool]
    #: Words after which a term of this category is the value of other goods
    #: ("4 million euros of machine parts"): then those goods, if named, are the goods.
    value_of: NotRequired[list[str]]


class EffectSpec(TypedDict):
    """Tags a modifier adds, and to which goods."""

    add: list[str]
    #: Only qualifies categories carrying one of these tags; absent = any.
    applies_to: NotRequired[list[str]]


class ModifierSpec(TypedDict):
    """Words that add tags to the goods they qualify ("luxury", "military")."""

    id: str
    words: list[str]
    effects: list[EffectSpec]


class TaxonomySpec(TypedDict):
    categories: list[CategorySpec]
    #: Phrases holding goods words that name no goods ("think tank", "arms embargo").
    not_goods: list[str]
    modifiers: list[ModifierSpec]


@dataclass(frozen=True)
class GoodsMatch:
    """What a goods phrase denotes."""

    tags: tuple[str, ...]
    hs: tuple[str, ...]
    #: The data-file terms that matched, in phrase order.
    terms: tuple[str, ...]
    #: True when every matched category is humanitarian (e.g. medicines).
    humanitarian: bool


@dataclass(frozen=True)
class _Category:
    id: str
    tags: frozenset[str]
    hs: tuple[str, ...]
    humanitarian: bool
    generic: bool
    value_of: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Effect:
    add: frozenset[str]
    applies_to: frozenset[str] | None


@dataclass(frozen=True)
class _Pattern:
    words: tuple[str, ...]
    text: str
    #: Position in the file: among equally long matches the earlier one wins.
    order: int
    category: _Category | None = None
    #: Set for modifier words; a pattern with neither is a not-goods phrase.
    effects: tuple[_Effect, ...] = ()


class Taxonomy:
    """Classifies goods phrases; build it with `Taxonomy.load()`."""

    def __init__(self, patterns: list[_Pattern]) -> None:
        self._by_first: dict[str, list[_Pattern]] = {}
        for pattern in patterns:
            self._by_first.setdefault(pattern.words[0], []).append(pattern)
        terms = [p for p in patterns if p.category is not None]
        self._terms = tuple(p.words for p in terms)
        self._words = frozenset(_surface_words(terms))
        self._heads = frozenset(
            p.words[-1] for p in terms if p.words[-1] != NUMBER and not is_number(p.words[-1])
        )

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        """Load and check a taxonomy file; the packaged one is cached.

        path (Path | None): a taxonomy YAML file. Defaults to the packaged one.
        RETURNS (Taxonomy): the classifier. Raises TaxonomyError when invalid.
        """
        if path is None:
            return _default()
        return _build(path, read_spec(path))

    def classify(self, phrase: str) -> GoodsMatch | None:
        """Tags, HS headings and matched terms for a goods phrase, or None.

        phrase (str): words naming goods, e.g. "three Su-25 ground-attack aircraft".
        RETURNS (GoodsMatch | None): None when no goods word occurs.
        """
        words = tokens(phrase)
        matched: list[tuple[_Pattern, bool]] = []  # each with: is it a value?
        i = 0
        while i < len(words):
            pattern = self._longest(words, i)
            if pattern is None:
                i += 1
                continue
            i += len(pattern.words)
            if matched and _names_the_model(matched[-1][0], pattern, words, i):
                matched.pop()
            matched.append((pattern, _is_a_value(pattern, words, i)))
        # "4 million euros of machine parts": money that is the value of other goods
        # only measures them; alone, it is the goods.
        found = [p for p, value in matched if not value]
        if not any(p.category is not None for p in found):
            found = [p for p, _ in matched]
        categories = [p.category for p in found if p.category is not None]
        if not categories:
            return None
        if any(not c.generic for c in categories):
            categories = [c for c in categories if not c.generic]
        tags: set[str] = set().union(*(c.tags for c in categories))
        for effect in (e for p in found for e in p.effects):
            if effect.applies_to is None or any(c.tags & effect.applies_to for c in categories):
                tags |= effect.add
        if tags & WEAPON_TAGS:
            tags.add("arms")
        terms = [p.text for p in found if p.category is not None and p.category in categories]
        return GoodsMatch(
            tags=tuple(t for t in TAGS if t in tags),
            hs=tuple(sorted({h for c in categories for h in c.hs})),
            terms=tuple(dict.fromkeys(terms)),
            humanitarian=all(c.humanitarian for c in categories),
        )

    def last_named(self, text: str, money: bool = True) -> tuple[str, ...]:
        """The tags of the goods term `text` names last, more specific than "other"
        (and, unless `money`, other than money): what "the goods" after it refer to."""
        words = tokens(text)
        for start in range(len(words) - 1, -1, -1):
            pattern = self._longest(words, start)
            category = pattern.category if pattern is not None else None
            if category is None or category.generic or category.tags <= {"other"}:
                continue
            if start and words[start - 1] == "by":
                continue  # "imports by truck": the means of carriage, not the goods
            if money or "money" not in category.tags:
                return tuple(t for t in TAGS if t in category.tags)
        return ()

    def tags_named(self, text: str) -> frozenset[str]:
        """The tags of every goods term more specific than "other" that `text` names:
        what a sentence such as "X denied the claim about oil" speaks of."""
        words = tokens(text)
        tags: set[str] = set()
        start = 0
        while start < len(words):
            pattern = self._longest(words, start)
            if pattern is None:
                start += 1
                continue
            start += len(pattern.words)
            category = pattern.category
            if category is not None and not category.generic and not category.tags <= {"other"}:
                tags |= category.tags
        return frozenset(tags)

    def goods_words(self) -> frozenset[str]:
        """Every lower-case word (with plural forms) that occurs in a goods term.

        Words are split as `sanctrace.goods.text.tokens` splits them, so a
        prefilter should split hyphenated tokens ("MiG-21" -> "mig", "21")
        before looking them up. Model numbers are not included.
        """
        return self._words

    def terms(self) -> tuple[tuple[str, ...], ...]:
        """The word tokens of every goods term, "#" standing for a model number."""
        return self._terms

    def is_goods_head(self, lemma: str) -> bool:
        """Can this noun lemma head a phrase naming goods ("sedan", "shell", "MiG-29")?"""
        words = tokens(lemma)
        if len(words) == 1:
            return bool(forms(words[0]) & self._heads)
        return bool(words) and self.classify(lemma) is not None

    def _longest(self, words: list[str], start: int) -> _Pattern | None:
        candidates: list[_Pattern] = []
        for form in forms(words[start]):
            candidates.extend(self._by_first.get(form, ()))
        # Longest first, then file order (categories come before modifiers).
        candidates.sort(key=lambda p: (-len(p.words), p.order))
        return next((p for p in candidates if match_at(p.words, words, start)), None)


def _surface_words(terms: list[_Pattern]) -> set[str]:
    """Word tokens of all terms with their plurals; model numbers are left out."""
    return {
        form
        for pattern in terms
        for word in pattern.words
        if word != NUMBER and not is_number(word)
        for form in plurals(word)
    }


@lru_cache(maxsize=1)
def _default() -> Taxonomy:
    return _build(DEFAULT_PATH, read_spec(DEFAULT_PATH))


def _build(path: Path, spec: dict[str, Any]) -> Taxonomy:
    """Validate the parsed file and compile its patterns."""
    patterns: list[_Pattern] = []
    seen: dict[tuple[str, ...], str] = {}
    ids: set[str] = set()
    for raw in _entries(path, spec, "categories"):
        entry = _check_keys(path, raw, f"category '{raw.get('id', '?')}'", CategorySpec)
        cid = entry["id"]
        if cid in ids:
            raise TaxonomyError(path, f"category '{cid}'", "its id is used twice")
        ids.add(cid)
        tags = _check_tags(path, f"category '{cid}'", entry["tags"])
        if tags & WEAPON_TAGS and "arms" not in tags:
            raise TaxonomyError(path, f"category '{cid}'", "a weapon tag needs the tag 'arms' too")
        hs = _check_hs(path, cid, entry.get("hs", []))
        value_of = entry.get("value_of")
        if value_of is not None:
            value_of = _strings(path, f"category '{cid}'", "value_of", value_of)
        category = _Category(
            cid,
            tags,
            hs,
            bool(entry.get("humanitarian")),
            bool(entry.get("generic")),
            frozenset(value_of or ()),
        )
        for term in _strings(path, f"category '{cid}'", "terms", entry["terms"]):
            words = _compile(path, f"category '{cid}'", term, seen)
            patterns.append(_Pattern(words, term, len(patterns), category=category))
    for phrase in _strings(path, "'not_goods'", "not_goods", spec.get("not_goods")):
        words = _compile(path, "'not_goods'", phrase, seen)
        patterns.append(_Pattern(words, phrase, len(patterns)))
    for raw in _entries(path, spec, "modifiers"):
        entry = _check_keys(path, raw, f"modifier '{raw.get('id', '?')}'", ModifierSpec)
        where = f"modifier '{entry['id']}'"
        effects = tuple(_effect(path, where, e) for e in _entries(path, entry, "effects"))
        for word in _strings(path, where, "words", entry["words"]):
            words = _compile(path, where, word, seen)
            patterns.append(_Pattern(words, word, len(patterns), effects=effects))
    return Taxonomy(patterns)


def _effect(path: Path, where: str, raw: dict[str, Any]) -> _Effect:
    entry = _check_keys(path, raw, f"an effect of {where}", EffectSpec)
    add = _check_tags(path, where, entry["add"])
    if add & WEAPON_TAGS and "arms" not in add:
        raise TaxonomyError(path, where, "a weapon tag needs the tag 'arms' too")
    applies = entry.get("applies_to")
    return _Effect(add, None if applies is None else _check_tags(path, where, applies))


def _entries(path: Path, spec: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entries = spec.get(key)
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise TaxonomyError(path, f"'{key}'", "it must be a list of mappings")
    return entries


def _check_keys(path: Path, raw: dict[str, Any], name: str, spec: type) -> dict[str, Any]:
    return check_keys(raw, spec, name, lambda where, problem: TaxonomyError(path, where, problem))


def _strings(path: Path, where: str, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise TaxonomyError(path, where, f"'{key}' must be a non-empty list of strings")
    return value


def _check_tags(path: Path, where: str, value: Any) -> frozenset[str]:
    for tag in _strings(path, where, "tags", value):
        if tag not in TAGS:
            raise TaxonomyError(path, where, f"'{tag}' is not a contract tag ({', '.join(TAGS)})")
    return frozenset(value)


def _check_hs(path: Path, cid: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TaxonomyError(path, f"category '{cid}'", "'hs' must be a list")
    for heading in value:
        if not (isinstance(heading, str) and heading.isdigit() and len(heading) in (2, 4)):
            raise TaxonomyError(
                path, f"category '{cid}'", f"HS heading {heading!r} is not 2 or 4 quoted digits"
            )
    return tuple(value)


def _compile(
    path: Path, where: str, term: str, seen: dict[tuple[str, ...], str]
) -> tuple[str, ...]:
    if term != term.lower():
        raise TaxonomyError(path, where, f"term '{term}' must be lower case")
    parts = term.replace(NUMBER, f" {NUMBER} ").split()
    words = tuple(w for part in parts for w in ([part] if part == NUMBER else tokens(part)))
    if not words or words[0] == NUMBER:
        raise TaxonomyError(path, where, f"term '{term}' must start with a word")
    if words in seen:
        raise TaxonomyError(path, where, f"term '{term}' duplicates one in {seen[words]}")
    seen[words] = where
    return words


def _names_the_model(before: _Pattern, weapon: _Pattern, words: list[str], end: int) -> bool:
    """Whether `before`, a model number of another kind of weapon just before the weapon
    term ending at `end`, names that weapon's model: "an F-5 grenade launcher" is no
    F-5 aircraft (but "KN-23 missiles" are the ballistic missiles KN-23 names)."""
    if NUMBER not in before.words or before.category is None or weapon.category is None:
        return False
    start = end - len(weapon.words) - len(before.words)
    adjacent = start >= 0 and match_at(before.words, words, start)
    kinds = weapon.category.tags & WEAPON_TAGS
    return adjacent and bool(kinds) and not kinds & before.category.tags


def _is_a_value(pattern: _Pattern, words: list[str], end: int) -> bool:
    """Whether the term ending at `end` gives the value of goods named after it."""
    category = pattern.category
    return category is not None and end + 1 < len(words) and words[end] in category.value_of
