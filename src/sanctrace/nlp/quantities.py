"""Find and parse quantities of goods and money: "some 2,588 tonnes", "roughly $580,000".

A quantity is a number (digits, words, or both: "1.5 million", "Twenty-four",
"a pair of"), an optional qualifier before it ("more than", "about") and an
optional unit after it: a measure as written, lower-case plural ("tonnes",
"barrels", "sacks") or a currency code ("USD" for "$" or "dollars"). Numbers
that are not amounts are skipped: dates, years, percentages, names and
designations ("Azimut 105", "MiG-21", "resolution 2397", "1718 Committee").
Vague amounts ("millions of rockets", "a significant number") give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sanctrace.model import Qualifier, Quantity
from sanctrace.nlp.dates import date_spans

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUES = {word: index for index, word in enumerate(_ONES)} | {
    word: 20 + 10 * index for index, word in enumerate(_TENS)
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "dozen": 12, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}  # fmt: skip

_QUALIFIERS: dict[str, Qualifier] = {
    "more than": "more_than", "over": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "above": "more_than", "exceeding": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "a maximum of": "up_to",
    "no more than": "up_to", "not more than": "up_to", "at most": "up_to",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than",
    "about": "about", "around": "about", "roughly": "about", "some": "about",
    "approximately": "about", "approx.": "about", "nearly": "about", "almost": "about",
    "close to": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "an approximate": "about",
}  # fmt: skip
_CURRENCY_SIGNS = {"us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                   "£": "GBP", "gbp": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB",
                   "rmb": "CNY", "cny": "CNY", "hk$": "HKD", "s$": "SGD"}  # fmt: skip
_CURRENCY_WORDS = {
    "u.s. dollars": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "north korean won": "KPW", "south korean won": "KRW", "won": "KRW",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "swiss francs": "CHF",
    "hong kong dollars": "HKD", "singapore dollars": "SGD",
}  # fmt: skip
# Measures and containers, each written form -> its lower-case plural.
_UNITS = {
    form: plural
    for plural, forms in {
        "tonnes": ("tonnes", "tonne"), "tons": ("tons", "ton"),
        "metric tons": ("metric tons", "metric ton"), "kg": ("kg",),
        "kilograms": ("kilograms", "kilogram", "kilos"), "grams": ("grams", "gram"),
        "pounds": ("pounds", "pound", "lbs"), "ounces": ("ounces", "ounce"),
        "carats": ("carats", "carat"), "barrels": ("barrels", "barrel", "bbl"),
        "litres": ("litres", "litre"), "liters": ("liters", "liter"),
        "gallons": ("gallons", "gallon"), "cubic metres": ("cubic metres", "cubic metre"),
        "cubic meters": ("cubic meters", "cubic meter"), "sacks": ("sacks", "sack"),
        "bags": ("bags", "bag"), "boxes": ("boxes", "box"), "crates": ("crates", "crate"),
        "containers": ("containers", "container"), "cartons": ("cartons", "carton"),
        "bottles": ("bottles", "bottle"), "cases": ("cases", "case"),
        "pieces": ("pieces", "piece"), "units": ("units", "unit"), "feet": ("feet", "foot"),
        "metres": ("metres", "metre"), "meters": ("meters", "meter"), "km": ("km",),
        "kilometres": ("kilometres", "kilometre"), "miles": ("miles", "mile"),
    }.items()
    for form in forms
}  # fmt: skip
# Words after which a number is a designation, not an amount.
_DESIGNATORS = frozenset(
    {"resolution", "resolutions", "unscr", "article", "articles", "paragraph", "paragraphs",
     "para", "op", "section", "no", "number", "flight", "route", "page", "chapter", "phase",
     "level", "model", "type", "class", "series", "version", "block", "grade", "channel",
     "room", "gate", "pier", "berth", "line", "highway", "road", "committee", "annex"}
)  # fmt: skip
_FUNCTION_WORDS = frozenset(
    {"and", "or", "in", "on", "at", "of", "to", "from", "for", "with", "by", "as", "but", "nor"}
)
# A number before one of these is a duration or an age, not an amount of goods.
_TIME_WORDS = frozenset(
    {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
     "year", "years", "decade", "decades", "century", "centuries"}
)  # fmt: skip
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z]+)")


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first ("no less than" before "less than")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_WORD = (
    rf"(?:{_alternation(_TENS)})(?:[-\s](?:{_alternation(_ONES[1:10])}))?|{_alternation(_ONES)}"
)
_DIGITS = r"(?<![\w.,-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"hundred|thousand|million|billion|trillion|dozen"
_PATTERN = re.compile(
    rf"(?<![\w$€£¥₩₽])(?:(?P<qualifier>{_alternation(_QUALIFIERS)})\s+)?"
    rf"(?:(?P<sign>{_alternation(_CURRENCY_SIGNS)})\s?)?"
    rf"(?:(?P<pair>(?:a\s+)?(?:pair|couple)\s+of)"
    rf"|(?P<number>{_DIGITS}|half\s+an?|an?|{_NUMBER_WORD})"
    rf"(?P<attached>bn|mn|m|k)?(?P<scales>(?:[\s-]+(?:{_SCALE}))*)(?![\w%])"
    rf"(?:[\s-]+(?P<unit>{_alternation(_CURRENCY_WORDS)}|{_alternation(_UNITS)})(?![\w-]))?)",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"(?<!\w)(?:tens\s+of\s+|hundreds\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions|"
    r"scores)\s+of\b|\d[\d,.]*\s*(?:%|per\s?cent\b|percent\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    quantity: Quantity


def _number(match: re.Match[str]) -> float | None:
    """The value of the number words and scales, or None if they are no amount."""
    if match.group("pair"):
        return 2.0
    number = match.group("number").lower()
    scales = [s.lower() for s in re.split(r"[\s-]+", match.group("scales")) if s]
    if match.group("attached"):
        scales.insert(0, match.group("attached").lower())
    if number in ("a", "an", "half a", "half an") or re.fullmatch(r"half\s+an?", number):
        if not scales:
            return None  # "a" alone is an article, not a number
        value = 0.5 if number.startswith("half") else 1.0
    elif number[0].isdigit():
        value = float(number.replace(",", ""))
    else:
        words = re.split(r"[-\s]+", number)
        value = float(sum(_WORD_VALUES[word] for word in words))
        # "one" alone is far more often a pronoun than an amount.
        if number == "one" and not scales and not match.group("unit"):
            return None
    for scale in scales:
        value *= _SCALES[scale]
    return value


def _is_designation(text: str, match: re.Match[str]) -> bool:
    """Whether a bare number names something: "Azimut 105", "resolution 2397", "(2017)"."""
    number = match.group("number")
    if not number or not number[0].isdigit() or match.group("sign") or match.group("unit"):
        return False
    if match.group("scales") or match.group("attached") or match.group("qualifier"):
        return False
    before = text[: match.start("number")].rstrip()
    previous = before.split()[-1] if before.split() else ""
    following = text[match.end() :].lstrip()
    next_word = re.match(r"[^\s,.;:!?)]*", following).group(0)  # type: ignore[union-attr]
    if previous.lower().rstrip(".") in _DESIGNATORS:
        return True
    if re.fullmatch(r"(?:19|20)\d\d", number) and not next_word[:1].islower():
        return True  # a year, e.g. "(2017)"
    if len(number) == 4 and next_word[:1].isupper():
        return True  # "1718 Committee"
    name_before = previous[:1].isupper() and before[-1:].isalpha()
    return name_before and (not next_word[:1].islower() or next_word.lower() in _FUNCTION_WORDS)


def _unit(match: re.Match[str]) -> str | None:
    sign = match.group("sign")
    if sign:
        return _CURRENCY_SIGNS[sign.lower()]
    unit = match.group("unit")
    if not unit:
        return None
    unit = " ".join(unit.lower().split())
    return _CURRENCY_WORDS.get(unit) or _UNITS[unit]


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every amount in a text with its character offsets, in order."""
    blocked = date_spans(text) + [(m.start(), m.end()) for m in _VAGUE.finditer(text)]
    found: list[_Match] = []
    for match in _PATTERN.finditer(text):
        start, end = match.span()
        if match.group("attached") in ("m", "M", "k", "K") and not match.group("sign"):
            continue  # "5m" without a currency is more likely metres than millions
        if any(start < b_end and b_start < end for b_start, b_end in blocked):
            continue
        if _is_designation(text, match):
            continue
        following = _NEXT_WORD.match(text, end)
        if following and following.group(1).lower() in _TIME_WORDS and not match.group("unit"):
            continue
        value = _number(match)
        if value is None:
            continue
        qualifier = _QUALIFIERS.get((match.group("qualifier") or "").lower(), "exact")
        if "couple" in (match.group("pair") or "").lower():
            qualifier = "about"  # "a couple of" is loose
        found.append(_Match(start, end, Quantity(value, _unit(match), qualifier)))
    return [(m.start, m.end, m.quantity) for m in _share_units(text, found)]


def _share_units(text: str, found: list[_Match]) -> list[_Match]:
    """Give "95" in "95 and 105 feet" the unit of the number it is paired with."""
    shared = list(found)
    for index in range(len(shared) - 2, -1, -1):
        first, second = shared[index], shared[index + 1]
        gap = text[first.end : second.start]
        if first.quantity.unit is None and re.fullmatch(r"\s*(?:and|or|to|-|–)\s*", gap):
            quantity = Quantity(
                first.quantity.value, second.quantity.unit, first.quantity.qualifier
            )
            shared[index] = _Match(first.start, first.end, quantity)
    return shared


def parse_quantity(text: str) -> Quantity | None:
    """The first amount a piece of text gives, or None when it gives none."""
    found = find_quantities(text)
    return found[0][2] if found else None
