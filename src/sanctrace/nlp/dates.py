"""Find date expressions in a sentence and resolve them against the publication date.

The contract wants the precision the text allows, with approximate dates rounded
to the coarser unit: "mid-2022" -> "2022", "last September" in a story published
2024-02-20 -> "2023-09", "between August and December 2019" -> "2019". Relative
expressions ("last week", "on Tuesday", "in May") need the publication date;
without one only absolute dates resolve. Expressions that place nothing ("in the
following days", "between 2020 and 2023", "the 1950s") are recognised so that no
part of them is read as a date, and yield nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Seasons that fall within one calendar year: first and last month.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

# Month and weekday names are matched case-sensitively ("May" the month, not "may"
# the verb); the words around them are not.
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH = _FULL_MONTH + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?P<month>{_MONTH})(?![A-Za-z])"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_DAY = r"(?<![\d,.$])(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
_YEAR = r"(?<![\d,.$£€])(?P<year>(?:19|20)\d\d)(?!\d|s\b|['’]s\b|\s*[-–—]\s*\d)"
_PREP = (
    r"(?:(?i:in|on|since|by|during|until|till|before|after|from|of|at|as of|as early as|"
    r"around|through|throughout|between|starting|beginning|and|or|to)\s+)?"
)
_APPROX = (
    r"(?:(?P<approx>(?i:early|mid|late|the end of|the beginning of|the start of|"
    r"the middle of|the first half of|the second half of|the turn of))[\s-]+)"
)
_REL = r"(?:(?P<rel>(?i:last|this|next))\s+)"
_ORDER = r"(?:(?i:earlier|later)\s+)?"
_OPT_WEEKDAY = rf"(?:(?:{_WEEKDAY.replace('?P<weekday>', '')}),?\s+)?"
_UNITS = r"(?P<unit>(?i:days?|weeks?|weekend|months?|years?))"


@dataclass(frozen=True)
class DateResolution:
    """A resolved date and the words it came from."""

    value: str  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    text: str


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: str | None
    month: int | None = None  # set when the year was inferred, not written
    day: int | None = None


_Result = tuple[str | None, int | None, int | None]
_Handler = Callable[[re.Match[str], date | None, bool], _Result]


def _day_value(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _infer_year(month: int, day: int | None, published: date, future: bool) -> int:
    """The year of a month (and day) given without one: the latest such date on or
    before publication, or with `future` the first on or after it."""
    here = (published.month, published.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    if future:
        return published.year if there >= here else published.year + 1
    return published.year if there <= here else published.year - 1


def _month_of(day: date) -> str:
    return day.isoformat()[:7]


def _shift_months(published: date, months: int) -> str:
    index = published.year * 12 + published.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# Each handler returns (value, month, day); month and day are set only when the
# year was inferred, so that a range can take the year from its other end.


def _iso(match: re.Match[str], published: date | None, future: bool) -> _Result:
    year, month, day = (int(part) for part in match.group(0)[-10:].split("-"))
    return _day_value(year, month, day), None, None


def _calendar(match: re.Match[str], published: date | None, future: bool) -> _Result:
    """Month and day, month and year, or all three; a missing year is inferred."""
    month = _MONTHS[match.group("month").rstrip(".").lower()]
    day = int(match.group("day")) if "day" in match.groupdict() and match.group("day") else None
    year_text = match.groupdict().get("year")
    if year_text:
        year = int(year_text)
        return (_day_value(year, month, day) if day else f"{year}-{month:02d}"), None, None
    if published is None:
        return None, month, day
    year = _infer_year(month, day, published, future)
    value = _day_value(year, month, day) if day else f"{year}-{month:02d}"
    return value, month, day


def _named_month(match: re.Match[str], published: date | None, future: bool) -> _Result:
    """A month without a year, possibly "last", "this" or "next"."""
    rel = (match.group("rel") or "").lower()
    if not rel:
        return _calendar(match, published, future)
    month = _MONTHS[match.group("month").lower()]
    if published is None:
        return None, None, None
    year = published.year
    if rel == "last" and month >= published.month:
        year -= 1
    elif rel == "next" and month <= published.month:
        year += 1
    return f"{year}-{month:02d}", None, None


def _month_relative_year(match: re.Match[str], published: date | None, future: bool) -> _Result:
    """'May last year', 'in August this year': the month of the year before, of, or after
    publication."""
    if published is None:
        return None, None, None
    month = _MONTHS[match.group("month").rstrip(".").lower()]
    step = {"last": -1, "next": 1}.get(match.group("rel").lower(), 0)
    return f"{published.year + step}-{month:02d}", None, None


def _year(match: re.Match[str], published: date | None, future: bool) -> _Result:
    return match.group("year"), None, None


def _decade(match: re.Match[str], published: date | None, future: bool) -> _Result:
    """'in the 1990s' -> 1990; 'the mid-1990s' -> 1994; 'the late 1990s' -> 1997.

    A transfer date is at most a year, so a decade reads as one year in it: its
    start (or middle, or end when the text says so). A decade must not fall back
    to the publication date, which would wrongly put old transfers under new law."""
    offset = {"mid": 4, "late": 7}.get((match.group("part") or "").lower(), 0)
    return str(int(match.group("decade")) * 10 + offset), None, None


def _relative_unit(match: re.Match[str], published: date | None, future: bool) -> _Result:
    """this/last/next year, month, week or weekend."""
    rel = match.group("rel").lower()
    unit = match.group("unit").lower().rstrip("s")
    if published is None or (rel == "the" and not match.groupdict().get("approx")):
        return None, None, None
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "year":
        return str(published.year + step), None, None
    if unit == "month":
        return _shift_months(published, step), None, None
    return _month_of(published + timedelta(days=7 * step)), None, None


def _ago(match: re.Match[str], published: date | None, future: bool) -> _Result:
    count_text = match.group("count").lower()
    count = int(count_text) if count_text.isdigit() else _COUNTS[count_text]
    unit = match.group("unit").lower().rstrip("s")
    if published is None or count > 1000:
        return None, None, None
    if unit == "day":
        return (published - timedelta(days=count)).isoformat(), None, None
    if unit in ("week", "weekend"):
        return _month_of(published - timedelta(days=7 * count)), None, None
    if unit == "month":
        return _shift_months(published, -count), None, None
    return str(published.year - count), None, None


def _yesterday(match: re.Match[str], published: date | None, future: bool) -> _Result:
    if published is None:
        return None, None, None
    return (published - timedelta(days=1)).isoformat(), None, None


def _weekday(match: re.Match[str], published: date | None, future: bool) -> _Result:
    """The nearest such weekday on or before publication ("last": strictly before;
    "next", or "this" and bare names with `future`: on or after)."""
    if published is None:
        return None, None, None
    wanted = _WEEKDAYS.index(match.group("weekday").lower())
    rel = (match.group("rel") or "").lower()
    back = (published.weekday() - wanted) % 7
    if rel == "last":
        back = back or 7
    elif rel == "next" or future:
        ahead = (wanted - published.weekday()) % 7
        ahead = ahead or (7 if rel == "next" else 0)
        return (published + timedelta(days=ahead)).isoformat(), None, None
    return (published - timedelta(days=back)).isoformat(), None, None


def _season(match: re.Match[str], published: date | None, future: bool) -> _Result:
    """last/this/next spring, summer or autumn, to the year."""
    first, last = _SEASONS[match.group("season").lower()]
    rel = match.group("rel").lower()
    if published is None:
        return None, None, None
    if rel == "last":
        return str(published.year if published.month > last else published.year - 1), None, None
    if rel == "next":
        return str(published.year if published.month < first else published.year + 1), None, None
    return str(published.year), None, None


def _nothing(match: re.Match[str], published: date | None, future: bool) -> _Result:
    return None, None, None


_YEAR_PREP = (
    r"(?i:in|since|by|until|till|before|after|during|from|of|through|throughout|around|"
    r"between|as of|circa|starting|beginning|the year)\s+"
)
_MONTH_PREP = (
    r"(?i:in|on|since|by|during|until|till|before|after|from|of|between|and|or|to|through)\s+"
)
_NEXT_YEAR = r"(?:(?<=\d{4} and )|(?<=\d{4} or )|(?<=\d{4}, )|(?<=\d{4} to )|(?<=\d{4} until ))"
_COUNT = rf"(?:\d{{1,4}}|(?i:{'|'.join(_COUNTS)}))"
_SEASON = r"(?P<season>(?i:spring|summer|autumn|fall|winter))"
_EVENT_RELATIVE = (
    r"(?i:(?:in\s+)?(?:the|that)\s+(?:following|next|previous|preceding|same|subsequent|past|"
    rf"last|coming)\s+(?:(?:few|several|{_COUNT})\s+)?(?:days?|weeks?|months?|years?|decades?))\b"
)

_RULES: list[tuple[str, _Handler]] = [
    (r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])", _iso),
    (rf"{_PREP}{_OPT_WEEKDAY}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", _calendar),
    (rf"{_PREP}{_OPT_WEEKDAY}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?", _calendar),
    (rf"{_PREP}{_APPROX}?{_MONTH},?\s+(?:of\s+)?{_YEAR}", _calendar),
    (rf"{_PREP}{_APPROX}?{_MONTH}\s+(?:of\s+)?{_REL}(?i:year)\b", _month_relative_year),
    # A month on its own needs a word before it: "April" may be a name, "May" a verb.
    (
        rf"(?:{_PREP}{_APPROX}|{_PREP}{_REL}|{_MONTH_PREP})"
        rf"(?P<month>{_FULL_MONTH})(?![A-Za-z]|\s+\d)",
        _named_month,
    ),
    (rf"{_PREP}(?:the\s+)?{_APPROX}?{_SEASON}\s+(?:of\s+)?{_YEAR}", _year),
    (rf"{_PREP}{_APPROX}{_YEAR}", _year),
    (rf"{_YEAR_PREP}{_YEAR}", _year),
    (rf"(?i:the|its|their|his|her|a|an)\s+{_YEAR}(?=\s+[a-z])", _year),
    # Further years in a list or range: "in 2006 and 2009", "between 2020 and 2023".
    (rf"{_NEXT_YEAR}{_YEAR}", _year),
    (
        rf"{_PREP}{_ORDER}{_APPROX}?(?P<rel>(?i:this|last|next|the))\s+"
        r"(?P<unit>(?i:year|month))(?![\w-])",
        _relative_unit,
    ),
    (
        rf"{_PREP}{_ORDER}(?P<rel>(?i:this|last|next))\s+(?P<unit>(?i:week|weekend))(?![\w-])",
        _relative_unit,
    ),
    (rf"(?P<count>{_COUNT})\s+{_UNITS}\s+(?i:ago)\b", _ago),
    (r"(?i:yesterday)\b", _yesterday),
    (
        rf"{_PREP}(?:{_REL}|(?i:early|late)\s+)?{_WEEKDAY}"
        r"(?:\s+(?i:morning|afternoon|evening|night))?",
        _weekday,
    ),
    (rf"{_PREP}{_REL}(?P<season>(?i:spring|summer|autumn|fall))\b", _season),
    (
        rf"{_PREP}(?:the\s+)?(?:(?P<part>(?i:early|mid|late))[\s-]+)?(?P<decade>(?:19|20)\d)0s\b",
        _decade,
    ),
    # Placed by nothing the resolver knows: consumed, so that no part reads as a date.
    (rf"{_PREP}(?<![\d,.$])(?:19|20)\d\d\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d)(?![\d-])", _nothing),
    (_EVENT_RELATIVE, _nothing),
    (
        rf"(?i:(?:{_COUNT}|few|several|some)?\s*(?:days?|weeks?|months?|years?)\s+"
        r"(?:later|earlier|before|after))\b",
        _nothing,
    ),
    (r"(?i:(?:in\s+)?recent\s+(?:days|weeks|months|years))\b", _nothing),
    (rf"{_PREP}(?:the\s+)?{_SEASON}\b(?!\s+(?:of\s+)?\d)", _nothing),
]
# No rule may start inside a word ("within May" holds no "in May").
_PATTERNS = [(re.compile(rf"(?<!\w){pattern}"), handler) for pattern, handler in _RULES]

_RANGE_GAP = re.compile(r"\s*(?:(?i:and|to|until|till|through)|[-–—])\s*")
_CONNECTOR = re.compile(r"(?i:and|or|to)\s+")
_RANGE_OPEN = re.compile(r"(?i:between|from)\b")


def _scan(sentence: str, published: date | None, future: bool) -> list[_Found]:
    """Every date expression, longest first where they overlap, in text order."""
    candidates: list[_Found] = []
    for pattern, handler in _PATTERNS:
        for match in pattern.finditer(sentence):
            if match.end() > match.start():
                value, month, day = handler(match, published, future)
                candidates.append(_Found(match.start(), match.end(), value, month, day))
    candidates.sort(key=lambda found: (found.start - found.end, found.start))
    chosen: list[_Found] = []
    for found in candidates:
        if all(found.end <= other.start or found.start >= other.end for other in chosen):
            chosen.append(found)
    chosen.sort(key=lambda found: found.start)
    merged = _share_years(sentence, _merge_ranges(sentence, chosen))
    return [_trim(sentence, found) for found in merged]


def _share_years(sentence: str, found: list[_Found]) -> list[_Found]:
    """'In February and March 2023': a month listed before one with a year takes that
    year, as the start of a range does."""
    shared = list(found)
    for n in range(len(shared) - 2, -1, -1):
        first, second = shared[n], shared[n + 1]
        between = sentence[first.end : second.start].strip(" ,")
        listed = between.lower() in {"", "and", "or"} or _CONNECTOR.fullmatch(between + " ")
        if first.month is not None and second.month is None and second.value and listed:
            shared[n] = _Found(first.start, first.end, _anchor(first, second.value))
    return shared


def _trim(sentence: str, found: _Found) -> _Found:
    """Drop a leading "and"/"or"/"to" that only linked the expression to another."""
    connector = _CONNECTOR.match(sentence, found.start)
    if connector is None or connector.end() >= found.end:
        return found
    return _Found(connector.end(), found.end, found.value, found.month, found.day)


def _merge_ranges(sentence: str, found: list[_Found]) -> list[_Found]:
    """Join "between A and B" / "from A to B" into one span, worth what both share."""
    merged: list[_Found] = []
    for current in found:
        previous = merged[-1] if merged else None
        gap = _RANGE_GAP.match(sentence, previous.end) if previous is not None else None
        if (
            previous is not None
            and gap is not None
            and current.start <= gap.end() < current.end
            and sentence[previous.end : current.start].strip(" ,") in ("", gap.group(0).strip())
            and _RANGE_OPEN.match(sentence, previous.start)
        ):
            value = _shared(_anchor(previous, current.value), current.value)
            merged[-1] = _Found(previous.start, current.end, value)
        else:
            merged.append(current)
    return merged


def _anchor(start: _Found, end_value: str | None) -> str | None:
    """The start of a range, taking its year from the end when it gave none."""
    if start.month is None or end_value is None:
        return start.value
    year = int(end_value[:4])
    end_month = int(end_value[5:7]) if len(end_value) >= 7 else 12
    if start.month > end_month:
        year -= 1
    return _day_value(year, start.month, start.day) if start.day else f"{year}-{start.month:02d}"


def _shared(first: str | None, second: str | None) -> str | None:
    """The most precise date both ends of a range fall in; None across years."""
    if first is None or second is None or first[:4] != second[:4]:
        return None
    if len(first) >= 7 and len(second) >= 7 and first[:7] == second[:7]:
        return first if first == second else first[:7]
    return first[:4]


def _published(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def find_dates(
    sentence: str, published: str | None, future: bool = False
) -> list[tuple[int, int, DateResolution]]:
    """All resolvable date expressions in a sentence, with character offsets, in order.

    `published` is the article's "YYYY-MM-DD" date; `future` reads bare month
    and weekday names forward ("will ship in May").
    """
    return [
        (found.start, found.end, DateResolution(found.value, sentence[found.start : found.end]))
        for found in _scan(sentence, _published(published), future)
        if found.value is not None
    ]


_LINE = re.compile(r"[^\n]+")
_HEADING_REST = re.compile(rf"\W*(?:{_WEEKDAY.replace('?P<weekday>', '')})?\W*")
#: A heading is short: "Friday 21 February", "Sunday, September 17 2023".
HEADING_LENGTH = 40


def date_headings(text: str, published: str | None) -> list[tuple[int, DateResolution]]:
    """Lines that are only a date, as a live blog dates its entries, with their offsets:
    each dates what follows it, up to the next."""
    headings = []
    for line in _LINE.finditer(text):
        if len(line.group().strip()) > HEADING_LENGTH:
            continue
        found = find_dates(line.group(), published)
        if len(found) != 1:
            continue
        start, end, resolution = found[0]
        rest = line.group()[:start] + " " + line.group()[end:]
        if _HEADING_REST.fullmatch(rest):
            headings.append((line.start(), resolution))
    return headings


def text_dates(text: str, published: str | None) -> list[tuple[int, DateResolution]]:
    """Every resolvable date a whole text gives, with the offset where each starts."""
    return [(start, resolution) for start, _, resolution in find_dates(text, published)]


_LIST_GAP = re.compile(r"\s*(?:,|(?:,\s*)?(?i:and|or))\s*")


def listed_across_years(
    sentence: str, found: list[tuple[int, int, DateResolution]], index: int
) -> bool:
    """Whether `found[index]` (from `find_dates` on `sentence`) is listed with the next
    date, of another year: "sold coal in 2019 and 2020" places the sales in neither
    year, as a range across years places them in none."""
    if index + 1 >= len(found):
        return False
    (_, end, here), (start, _, after) = found[index], found[index + 1]
    listed = _LIST_GAP.fullmatch(sentence[end:start]) is not None
    return listed and here.value[:4] != after.value[:4]


def date_spans(sentence: str) -> list[tuple[int, int]]:
    """Where date expressions are, resolvable or not (so numbers in them are not counts)."""
    return [(found.start, found.end) for found in _scan(sentence, None, False)]


def resolve_date(text: str, published: str | None, future: bool = False) -> DateResolution | None:
    """The first date a piece of text gives, or None when it gives none."""
    found = find_dates(text, published, future)
    return found[0][2] if found else None


#: Words that count an offset forward; the others ("earlier", "previous") count back.
_STEPS = {"later": 1, "following": 1, "next": 1, "subsequent": 1}
_SHIFT = re.compile(
    rf"(?<!\w)(?i:(?:(?P<count>{_COUNT}|few|several|some)\s+)?(?P<unit>days?|weeks?|months?|years?)"
    r"\s+(?P<after>later|earlier)"
    r"|(?:the|that)\s+(?P<order>following|next|subsequent|previous|preceding)\s+"
    rf"(?:(?P<listed>{_COUNT}|few|several)\s+)?(?P<units>days?|weeks?|months?|years?))\b"
)
#: The finest precision a shift by each unit can keep: "a week later" names no day.
_UNIT_PRECISION = {"day": 10, "week": 7, "month": 7, "year": 4}


def tells_an_offset(text: str) -> bool:
    """Whether the text gives a time as an offset from one told before."""
    found = _SHIFT.search(text)
    return found is not None and not _from_now(found)


def _from_now(found: re.Match[str]) -> bool:
    """'Over the next few weeks', 'in the next two months': a stretch ahead of the
    telling, not an offset from a time told ("the next day" is one)."""
    order = (found.group("order") or "").lower()
    return order == "next" and (
        found.group("listed") is not None or found.group("units").endswith("s")
    )


def shift_told(text: str, base: str) -> DateResolution | None:
    """A time given as an offset from one told before ("two years later", "a week
    earlier", "the following month", "in the following days"), resolved against that
    time's value `base`, at no finer precision than either; None when the text gives no
    such offset or an unplaceable one ("several years later")."""
    found = _SHIFT.search(text)
    if found is None or _from_now(found):
        return None
    unit_word = (found.group("unit") or found.group("units")).lower()
    unit = unit_word.rstrip("s")
    count_text = (found.group("count") or found.group("listed") or "").lower()
    word = (found.group("after") or found.group("order")).lower()
    step = _STEPS.get(word, -1)
    count = int(count_text) if count_text.isdigit() else _COUNTS.get(count_text)
    precision = min(_UNIT_PRECISION[unit], len(base))
    if count is None:
        if count_text or unit_word.endswith("s"):
            # "the following days", "some weeks later": the time told, a unit coarser.
            value = base[: min({"day": 7, "week": 7, "month": 4, "year": 0}[unit], len(base))]
            return DateResolution(value, found.group()) if value else None
        count = 1  # "the following month"
    # A month or a year told stands for its middle: "a week before" May is in May.
    start = date.fromisoformat((base + ("-07-01" if len(base) == 4 else "-15"))[:10])
    if unit in ("day", "week"):
        moved = start + timedelta(days=step * count * (7 if unit == "week" else 1))
        value = moved.isoformat()
    elif unit == "month":
        value = _shift_months(start, step * count) + "-01"
    else:
        value = f"{start.year + step * count:04d}"
    return DateResolution(value[:precision], found.group())
