"""Look up the states, places, people, organisations and offices that news names.

The knowledge lives in `gazetteer.yaml` beside this module; its schema is
documented at the top of that file and by the TypedDicts below. `Gazetteer.load`
reads and checks it once (each country code's shape, every name against every
other; the tests check each code against followthemoney's country registry) and
then answers lookups that ignore case, hyphens, dots, apostrophe styles and a
trailing possessive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, Literal, NotRequired, TypedDict, TypeVar

from sanctrace.datafiles import read_yaml
from sanctrace.errors import DataFileError

DEFAULT_PATH = Path(__file__).with_name("gazetteer.yaml")

EntryKind = Literal["person", "organization", "state", "place"]


class GazetteerError(DataFileError):
    """The gazetteer file is missing, malformed or contradicts itself."""


class StateSpec(TypedDict):
    code: str
    name: str
    aliases: NotRequired[list[str]]
    demonyms: NotRequired[list[str]]
    capitals: NotRequired[list[str]]


class PlaceSpec(TypedDict):
    name: str
    country: NotRequired[str]
    aliases: NotRequired[list[str]]


class PersonSpec(TypedDict):
    key: str
    name: str
    country: NotRequired[str]
    aliases: NotRequired[list[str]]
    birth_date: NotRequired[str]  # "YYYY" or "YYYY-MM-DD"


class OrganizationSpec(TypedDict):
    key: str
    name: str
    country: NotRequired[str]
    kind: NotRequired[Literal["organization", "state"]]
    aliases: NotRequired[list[str]]
    media: NotRequired[bool]
    watchdog: NotRequired[bool]


# "from" is a keyword, so this spec needs the functional form.
HolderSpec = TypedDict("HolderSpec", {"person": str, "from": str, "to": NotRequired[str]})


class OfficeSpec(TypedDict):
    country: str
    titles: list[str]
    holders: list[HolderSpec]


class LegalFormSpec(TypedDict):
    form: str
    country: str


class GazetteerSpec(TypedDict, total=False):
    suffixes: list[str]
    legal_forms: list[LegalFormSpec]
    states: list[StateSpec]
    places: list[PlaceSpec]
    people: list[PersonSpec]
    organizations: list[OrganizationSpec]
    offices: list[OfficeSpec]
    roles: list[str]


_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    # section: (required fields, optional fields)
    "states": ({"code", "name"}, {"aliases", "demonyms", "capitals"}),
    "places": ({"name"}, {"country", "aliases"}),
    "people": ({"key", "name"}, {"country", "aliases", "birth_date"}),
    "organizations": ({"key", "name"}, {"country", "kind", "aliases", "media", "watchdog"}),
    "offices": ({"country", "titles", "holders"}, set()),
    "legal_forms": ({"form", "country"}, set()),
}
_LIST_SECTIONS = {"suffixes", "roles"}


@dataclass(frozen=True)
class Entry:
    """One thing the gazetteer knows, with every name it goes by."""

    name: str
    kind: EntryKind
    country: str | None
    aliases: tuple[str, ...]
    key: str  # stable id, e.g. "state:kp", "person:kim-jong-un"
    #: People only, where known for sure: "YYYY" or "YYYY-MM-DD".
    birth_date: str | None = None
    #: A news outlet: it tells of transfers, and a pronoun never stands for it.
    media: bool = False
    #: A body that watches over sanctions (a council, its committee, a panel): it
    #: tells of and rules on transfers, and a pronoun never stands for it either.
    watchdog: bool = False


@dataclass(frozen=True)
class _Term:
    holder: Entry
    start: str
    end: str | None  # exclusive; None for the incumbent


@dataclass(frozen=True)
class _Office:
    country: str
    titles: frozenset[str]
    terms: tuple[_Term, ...]


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"\s*[-‐‑‒–—]+\s*")
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_SUFFIXED = re.compile(r"^(.*\S)\s*[-‐‑‒–—]\s*([A-Za-z]+)$")


def _surface(text: str) -> str:
    """Clean a name for matching, keeping its case: "the U.S.'s" -> "the US"."""
    cleaned = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).strip(" ,;:\t\n")
    cleaned = _POSSESSIVE.sub("", cleaned).replace(".", "")
    cleaned = " ".join(_DASHES.sub(" ", cleaned).split())
    if cleaned[:4].lower() == "the ":
        cleaned = "the " + cleaned[4:]
    return cleaned


#: The words of a name, without dots and commas ("Sdn. Bhd." -> "Sdn", "Bhd").
_NAME_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """The case-insensitive matching form of a name or role word."""
    return _surface(text).casefold()


V = TypeVar("V")


class _Index(Generic[V]):
    """Surface forms -> values. Short all-capital acronyms match only in capitals, so
    that "US" never matches the pronoun "us"; a leading "the" is optional unless the
    rest is a single word ("the North" must keep it)."""

    def __init__(self) -> None:
        self._exact: dict[str, V] = {}
        self._folded: dict[str, V] = {}

    def _slot(self, form: str) -> tuple[dict[str, V], str]:
        cleaned = _surface(form)
        rest = cleaned[4:] if cleaned.startswith("the ") else cleaned
        if _ACRONYM.fullmatch(rest):
            return self._exact, cleaned
        key = rest if " " in rest else cleaned
        return self._folded, key.casefold()

    def add(self, form: str, value: V) -> V | None:
        """Index `form`; return the other value it already names, if any."""
        table, key = self._slot(form)
        known = table.setdefault(key, value)
        return None if known == value else known

    def get(self, text: str) -> V | None:
        cleaned = _surface(text)
        candidates = [cleaned]
        if cleaned.startswith("the "):
            candidates.append(cleaned[4:])
        for candidate in candidates:
            if candidate in self._exact:
                return self._exact[candidate]
            if candidate.casefold() in self._folded:
                return self._folded[candidate.casefold()]
        return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


class Gazetteer:
    """Answers "who or where is this name?" from the gazetteer data."""

    def __init__(self, path: Path, spec: GazetteerSpec) -> None:
        self._path = path
        self._entries: list[Entry] = []
        self._names: _Index[Entry] = _Index()
        self._demonyms: _Index[str] = _Index()
        self._state_names: _Index[str] = _Index()
        self._demonym_forms: list[tuple[str, str]] = []
        self._offices: list[_Office] = []
        self._roles: set[str] = {fold(role) for role in spec.get("roles", [])}
        self.suffixes: frozenset[str] = frozenset(fold(s) for s in spec.get("suffixes", []))
        #: Folded words of a legal form ("sdn bhd") -> the one country that uses it.
        self._legal_forms: dict[tuple[str, ...], str] = {}
        self._build(spec)

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Read and check a gazetteer file; the packaged one is read only once."""
        if path is None:
            return _default()
        return cls(path, _read(path))

    def lookup(self, text: str) -> Entry | None:
        """The entry a name denotes: "Kim Jong-un", "North Korea's", "the Kremlin"."""
        return self._names.get(text)

    def demonym(self, word: str) -> str | None:
        """The country code a nationality word or attributive name stands for:
        "North Korean", "Russians", "Hong Kong-flagged", "Russian-made"."""
        code = self._demonyms.get(word) or self._state_names.get(word)
        if code:
            return code
        if word[-1:] == "s" and not word[:-1].lower().endswith(("ese", "sh", "ch", "s")):
            code = self._demonyms.get(word[:-1])
            if code:
                return code
        suffixed = _SUFFIXED.match(word.strip())
        if suffixed and fold(suffixed.group(2)) in self.suffixes:
            return self.demonym(suffixed.group(1))
        return None

    def country_code(self, text: str) -> str | None:
        """The country a state, capital, place or demonym names ("Dandong-based" -> "cn").

        Only the gazetteer is asked: followthemoney's fuzzy country index costs
        seconds to build, which every `analyze` run would pay at start."""
        code = self.demonym(text)
        if code:
            return code
        entry = self.lookup(text)
        if entry is not None and entry.kind in ("state", "place"):
            return entry.country
        suffixed = _SUFFIXED.match(text.strip())
        if suffixed and fold(suffixed.group(2)) in self.suffixes:
            return self.country_code(suffixed.group(1))
        return None

    def office_holder(self, country: str, role: str, on: str | None) -> Entry | None:
        """Who held `role` in `country` on a date ("YYYY", "YYYY-MM" or "YYYY-MM-DD");
        the incumbent when `on` is None. None when the date falls between holders or
        a year or month spans two of them."""
        wanted = fold(role)
        if wanted.startswith("the "):
            wanted = wanted[4:]
        for office in self._offices:
            if office.country != country or wanted not in office.titles:
                continue
            holders = {term.holder for term in office.terms if _covers(term, on)}
            if len(holders) == 1:
                return holders.pop()
        return None

    def aliases(self) -> Iterator[tuple[str, Entry]]:
        """Every surface form with its entry, canonical names included."""
        for entry in self._entries:
            yield entry.name, entry
            for alias in entry.aliases:
                yield alias, entry

    def demonyms(self) -> Iterator[tuple[str, str]]:
        """Every nationality word with its country code."""
        yield from self._demonym_forms

    def legal_form_country(self, name: str) -> str | None:
        """The country a company's legal form places it in: "PT Bara Jaya" -> "id",
        "Orion Trading FZE" -> "ae"; None when its form is used in many countries."""
        words = tuple(fold(w) for w in _NAME_WORD.findall(name))
        for size in range(min(3, len(words) - 1), 0, -1):
            for part in (words[:size], words[-size:]):
                if part in self._legal_forms:
                    return self._legal_forms[part]
        return None

    def role_words(self) -> frozenset[str]:
        """Every role word, folded: office titles and the roles list."""
        titles = {title for office in self._offices for title in office.titles}
        return frozenset(titles | self._roles)

    # -- building and checking -------------------------------------------------

    def _fail(self, where: str, problem: str) -> GazetteerError:
        return _invalid(self._path, where, problem)

    def _country(self, value: Any, where: str, required: bool = False) -> str | None:
        if value is None and not required:
            return None
        if not (isinstance(value, str) and _is_country_code(value)):
            raise self._fail(
                where,
                f"has country code {value!r}, which is not an ISO 3166-1 "
                "alpha-2 code (two lower-case letters)",
            )
        return value

    def _add(
        self,
        where: str,
        name: str,
        kind: EntryKind,
        country: str | None,
        forms: list[str],
        key: str,
        birth_date: str | None = None,
        media: bool = False,
        watchdog: bool = False,
    ) -> Entry:
        if any(entry.key == key for entry in self._entries):
            raise self._fail(where, f"repeats the key {key!r}")
        aliases = tuple(dict.fromkeys(form for form in forms if form != name))
        entry = Entry(
            name=name,
            kind=kind,
            country=country,
            aliases=aliases,
            key=key,
            birth_date=birth_date,
            media=media,
            watchdog=watchdog,
        )
        for form in (name, *aliases):
            other = self._names.add(form, entry)
            if other is not None:
                raise self._fail(
                    where,
                    f"uses the name {form!r}, which already names {other.kind} {other.name!r}",
                )
        self._entries.append(entry)
        return entry

    def _build(self, spec: GazetteerSpec) -> None:
        for legal in spec.get("legal_forms", []):
            where = f"legal form {legal['form']!r}"
            country = self._country(legal["country"], where, required=True)
            assert country is not None
            words = tuple(fold(w) for w in _NAME_WORD.findall(legal["form"]))
            if not words or words in self._legal_forms:
                raise self._fail(where, "is empty or given twice")
            self._legal_forms[words] = country
        for state in spec.get("states", []):
            where = f"state {state['name']!r}"
            code = self._country(state["code"], where, required=True)
            assert code is not None
            names = [state["name"], *state.get("aliases", [])]
            self._add(
                where,
                state["name"],
                "state",
                code,
                [*names, *state.get("capitals", [])],
                f"state:{code}",
            )
            for form in names:
                self._state_names.add(form, code)
            for demonym in state.get("demonyms", []):
                other = self._demonyms.add(demonym, code)
                if other is not None:
                    raise self._fail(where, f"claims the demonym {demonym!r} of {other!r}")
                self._demonym_forms.append((demonym, code))
        for place in spec.get("places", []):
            where = f"place {place['name']!r}"
            country = self._country(place.get("country"), where)
            self._add(
                where,
                place["name"],
                "place",
                country,
                place.get("aliases", []),
                f"place:{_slug(place['name'])}",
            )
        people: dict[str, Entry] = {}
        for person in spec.get("people", []):
            where = f"person {person['key']!r}"
            country = self._country(person.get("country"), where)
            birth_date = None
            if "birth_date" in person:
                birth_date = _birth_date(person["birth_date"])
                if birth_date is None:
                    raise self._fail(
                        where, 'has a birth_date that is not a quoted "YYYY" or "YYYY-MM-DD"'
                    )
            people[person["key"]] = self._add(
                where,
                person["name"],
                "person",
                country,
                person.get("aliases", []),
                f"person:{person['key']}",
                birth_date,
            )
        for org in spec.get("organizations", []):
            where = f"organization {org['key']!r}"
            kind = org.get("kind", "organization")
            if kind not in ("organization", "state"):
                raise self._fail(where, f"has kind {kind!r}, not 'organization' or 'state'")
            country = self._country(org.get("country"), where)
            media, watchdog = org.get("media", False), org.get("watchdog", False)
            for flag, value in (("media", media), ("watchdog", watchdog)):
                if not isinstance(value, bool):
                    raise self._fail(where, f"has {flag} {value!r}, not true or false")
            self._add(
                where,
                org["name"],
                kind,
                country,
                org.get("aliases", []),
                f"organization:{org['key']}",
                media=media,
                watchdog=watchdog,
            )
        for office in spec.get("offices", []):
            self._offices.append(self._office(office, people))

    def _office(self, spec: OfficeSpec, people: dict[str, Entry]) -> _Office:
        titles = [fold(title) for title in spec["titles"]]
        where = f"office {titles[0] if titles else '?'!r} of {spec['country']!r}"
        country = self._country(spec["country"], where, required=True)
        assert country is not None
        terms: list[_Term] = []
        for holder in spec["holders"]:
            if holder.get("person") not in people:
                raise self._fail(
                    where, f"names the holder {holder.get('person')!r}, who is not among the people"
                )
            start, end = _iso(holder.get("from")), _iso(holder.get("to"))
            if start is None or (holder.get("to") is not None and end is None):
                raise self._fail(where, f"gives {holder['person']!r} dates that are not YYYY-MM-DD")
            if terms and (terms[-1].end is None or terms[-1].end > start):
                raise self._fail(
                    where, f"lets {holder['person']!r} start before the previous holder left"
                )
            if end is not None and end <= start:
                raise self._fail(where, f"ends {holder['person']!r}'s term before it starts")
            terms.append(_Term(holder=people[holder["person"]], start=start, end=end))
        return _Office(country=country, titles=frozenset(titles), terms=tuple(terms))


def _invalid(path: Path, where: str, problem: str) -> GazetteerError:
    return GazetteerError(f"The gazetteer file {path} is invalid: {where} {problem}; correct it.")


def _is_country_code(code: str) -> bool:
    # The codes' membership in followthemoney's registry is checked by the tests,
    # not here: importing followthemoney would slow every start by seconds.
    return re.fullmatch(r"[a-z]{2}", code) is not None and code != "zz"


def _iso(value: Any) -> str | None:
    """A holder date as "YYYY-MM-DD" (YAML may already have made it a date)."""
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat() if isinstance(value, str) else None
    except ValueError:
        return None


def _birth_date(value: Any) -> str | None:
    """A birth date as "YYYY" or "YYYY-MM-DD" (text only: YAML would turn 1984 into a number)."""
    if not isinstance(value, str):
        return None
    if re.fullmatch(r"\d{4}", value):
        return value if 1850 <= int(value) <= date.today().year else None
    return _iso(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def _covers(term: _Term, on: str | None) -> bool:
    """Whether the term overlaps the day, month or year `on` (the incumbent if None)."""
    if on is None:
        return term.end is None
    first = on + "-01-01"[len(on) - 4 :] if len(on) < 10 else on
    last = on + "-12-31"[len(on) - 4 :] if len(on) < 10 else on
    return term.start <= last and (term.end is None or term.end > first)


def _read(path: Path) -> GazetteerSpec:
    raw = read_yaml(path, lambda where, problem: _invalid(path, where, problem))
    _check_shape(path, raw)
    return raw  # type: ignore[no-any-return]


def _check_shape(path: Path, raw: Any) -> None:
    """Reject anything that is not the documented mapping of sections, naming the entry."""

    def fail(where: str, problem: str) -> GazetteerError:
        return _invalid(path, where, problem)

    if not isinstance(raw, dict):
        raise fail("the file", "is not a mapping of sections")
    for section, value in raw.items():
        if section in _LIST_SECTIONS:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise fail(f"section {section!r}", "is not a list of words")
            continue
        if section not in _FIELDS:
            raise fail(
                f"section {section!r}",
                f"is unknown (expected one of {', '.join(sorted([*_FIELDS, *_LIST_SECTIONS]))})",
            )
        if not isinstance(value, list):
            raise fail(f"section {section!r}", "is not a list")
        required, optional = _FIELDS[section]
        for number, item in enumerate(value, start=1):
            where = f"{section} entry {number}"
            if not isinstance(item, dict):
                raise fail(where, "is not a mapping")
            where = f"{section} entry {number} ({item.get('name') or item.get('key') or '?'})"
            missing = required - item.keys()
            if missing:
                raise fail(where, f"lacks {', '.join(sorted(missing))}")
            unknown = item.keys() - required - optional
            if unknown:
                raise fail(where, f"has unknown fields {', '.join(sorted(unknown))}")
            for field in ("name", "key"):
                if field in item and not isinstance(item[field], str):
                    raise fail(where, f"has a {field} that is not text")
            for field in ("aliases", "demonyms", "capitals", "titles"):
                forms = item.get(field, [])
                if not (isinstance(forms, list) and all(isinstance(f, str) for f in forms)):
                    raise fail(where, f"has {field} that are not a list of text")
            if section == "offices" and not (
                isinstance(item["holders"], list)
                and all(isinstance(h, dict) for h in item["holders"])
            ):
                raise fail(where, "has holders that are not a list of mappings")


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer(DEFAULT_PATH, _read(DEFAULT_PATH))
