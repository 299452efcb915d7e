"""Screening quality and speed on the real UN and OFAC lists.

Run from the repository root:

    .venv/bin/python benchmarks/screening.py            # full run, a few minutes
    .venv/bin/python benchmarks/screening.py --quick    # 100 listed / 1,000 unlisted names

What it measures (results are recorded in benchmarks/README.md):

- import: reading the UN consolidated list XML and the 2024 OFAC sdn.csv
  into a fresh SQLite store, then building the screening index from it;
- quality: recall over listed names (sampled deterministically from both
  lists) perturbed the way news and transliteration perturb them, and the
  false-positive rate over names of people and companies that are not
  listed, at the default threshold; the same figures for plain rapidfuzz
  token_set_ratio matching at its best threshold, as the baseline;
- speed: latency of single-name screening (p50, p99) over every probe, and
  bulk throughput: a CSV of 1,000 probes drawn from the same mix (about one
  listed name in nine) through the bulk screening functions, on one core.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from followthemoney import EntityProxy
from rapidfuzz import fuzz, process, utils

from sanctrace.screening import Screener, read_names, screen_rows, write_results
from sanctrace.screening.index import is_screenable
from sanctrace.screening.loaders import read_list
from sanctrace.store import Store
from screening_context import context_probes, context_rates, exact_names

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT.parent / "shared" / "data" / "lists"
UN_FILE = LISTS / "un-consolidated-2026-02-27.xml"
SDN_FILE = LISTS / "ofac-sdn-2024-05-03" / "sdn.csv"
SEED = 20240503

#: Party kinds the parties stage gives, by list schema.
KINDS = {"Person": "person", "Organization": "organization", "Vessel": "vessel"}

# --- names that are not listed -------------------------------------------------

FIRST_NAMES = (
    "Anna",
    "Thomas",
    "Maria",
    "James",
    "Sophie",
    "Lukas",
    "Elena",
    "Pierre",
    "Julia",
    "Henrik",
    "Ingrid",
    "Marco",
    "Giulia",
    "Carlos",
    "Lucia",
    "Pedro",
    "Ines",
    "Jan",
    "Katarzyna",
    "Piotr",
    "Olga",
    "Dmitri",
    "Svetlana",
    "Andrei",
    "Natalia",
    "Igor",
    "Yuki",
    "Haruto",
    "Sakura",
    "Wei",
    "Li",
    "Mei",
    "Jun",
    "Hana",
    "Min-jun",
    "Seo-yeon",
    "Ji-ho",
    "Aarav",
    "Priya",
    "Rahul",
    "Ananya",
    "Fatima",
    "Omar",
    "Layla",
    "Yusuf",
    "Amina",
    "Karim",
    "Leila",
    "Kwame",
    "Ama",
    "Chinedu",
    "Ngozi",
    "Tendai",
    "Zanele",
    "Mateo",
    "Valentina",
    "Santiago",
    "Camila",
    "Liam",
    "Olivia",
    "Noah",
    "Emma",
    "Oskar",
    "Freya",
    "Niamh",
    "Sean",
    "Aoife",
    "Tariq",
    "Nadia",
    "Emre",
    "Elif",
)
LAST_NAMES = (
    "Schneider",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Dubois",
    "Laurent",
    "Moreau",
    "Rossi",
    "Bianchi",
    "Esposito",
    "Garcia",
    "Fernandez",
    "Lopez",
    "Martins",
    "Santos",
    "Kowalski",
    "Nowak",
    "Wisniewski",
    "Novak",
    "Horvat",
    "Andersson",
    "Johansson",
    "Nielsen",
    "Virtanen",
    "Murphy",
    "Kelly",
    "Walsh",
    "Thompson",
    "Baker",
    "Turner",
    "Parker",
    "Collins",
    "Edwards",
    "Stewart",
    "Morris",
    "Rogers",
    "Cook",
    "Morgan",
    "Bell",
    "Cooper",
    "Richardson",
    "Cox",
    "Howard",
    "Ward",
    "Peterson",
    "Gray",
    "Watson",
    "Brooks",
    "Sanders",
    "Price",
    "Bennett",
    "Wood",
    "Barnes",
    "Ross",
    "Henderson",
    "Coleman",
    "Jenkins",
    "Perry",
    "Powell",
    "Long",
    "Patterson",
    "Hughes",
    "Flores",
    "Washington",
    "Butler",
    "Simmons",
    "Foster",
    "Gonzales",
    "Bryant",
    "Alexander",
    "Russell",
    "Griffin",
    "Hayes",
    "Myers",
    "Ford",
    "Hamilton",
    "Graham",
    "Sullivan",
    "Wallace",
    "Woods",
    "Cole",
    "West",
    "Jordan",
    "Owens",
    "Reynolds",
    "Fisher",
    "Ellis",
    "Harrison",
    "Gibson",
    "Mcdonald",
    "Cruz",
    "Marshall",
    "Ortiz",
    "Gomez",
    "Murray",
    "Freeman",
    "Wells",
    "Webb",
    "Simpson",
    "Stevens",
    "Tucker",
    "Porter",
    "Hunter",
    "Hicks",
    "Crawford",
    "Henry",
    "Boyd",
    "Mason",
    "Kennedy",
    "Tanaka",
    "Suzuki",
    "Watanabe",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Sato",
    "Sharma",
    "Verma",
    "Gupta",
    "Iyer",
    "Nair",
    "Reddy",
    "Okafor",
    "Mensah",
    "Boateng",
    "Mwangi",
    "Dlamini",
    "Nkosi",
    "Haddad",
    "Aydin",
    "Yilmaz",
    "Demir",
    "Petrov",
    "Smirnova",
    "Volkova",
    "Lindqvist",
    "Bergstrom",
    "Costa",
    "Pereira",
    "Almeida",
)
COMPANY_WORDS = (
    "Alpine",
    "Harbor",
    "Meridian",
    "Crescent",
    "Summit",
    "Riverside",
    "Northwind",
    "Bluewater",
    "Evergreen",
    "Granite",
    "Silverline",
    "Oakridge",
    "Sunrise",
    "Pioneer",
    "Horizon",
    "Keystone",
    "Lakeside",
    "Maple",
    "Redwood",
    "Sterling",
    "Beacon",
    "Cobalt",
    "Juniper",
    "Falcon",
    "Orchard",
    "Prairie",
    "Cedar",
    "Atlas",
    "Vantage",
    "Willow",
    "Coastal",
    "Highland",
    "Lumen",
    "Nordic",
    "Quarry",
    "Saffron",
    "Tidal",
    "Velvet",
    "Zephyr",
    "Amber",
    "Brightwater",
    "Clearview",
    "Driftwood",
    "Emerald",
    "Foxglove",
    "Goldcrest",
    "Hawthorn",
    "Ironbridge",
    "Kestrel",
    "Larkspur",
)
COMPANY_TRADES = (
    "Logistics",
    "Bakery",
    "Dental Care",
    "Software",
    "Textiles",
    "Furniture",
    "Consulting",
    "Farms",
    "Bicycles",
    "Printing",
    "Catering",
    "Architects",
    "Veterinary Clinic",
    "Bookshop",
    "Opticians",
    "Brewery",
    "Ceramics",
    "Landscaping",
    "Tutoring",
    "Florists",
    "Plumbing",
    "Translations",
    "Toys",
    "Pharmacy",
)
LEGAL_FORMS = ("Ltd", "GmbH", "Inc.", "S.A.", "B.V.", "LLC", "AB", "Oy", "S.r.l.", "")


def unlisted_names(count: int, listed: set[str], rng: random.Random) -> list[tuple[str, str]]:
    """`count` (name, kind) pairs of people and companies whose token set is on no list."""
    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(names) < count:
        if rng.random() < 0.7:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            middle = f" {rng.choice(FIRST_NAMES)[0]}." if rng.random() < 0.2 else ""
            name, kind = f"{first}{middle} {last}", "person"
            keys = {token_key(name)}
        else:
            core = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_TRADES)}"
            name, kind = f"{core} {rng.choice(LEGAL_FORMS)}".strip(), "organization"
            # Listed whatever its legal form: "Pioneer Logistics S.r.l." is the
            # listed "PIONEER LOGISTICS" for any screener.
            keys = {token_key(name), token_key(core)}
        if keys & seen or keys & listed:
            continue
        seen.update(keys)
        names.append((name, kind))
    return names


def token_key(name: str) -> str:
    """Order-free key of a name, to tell that a generated name is not listed."""
    return " ".join(sorted(utils.default_process(name).split()))


# --- perturbations of listed names -------------------------------------------

#: Spelling swaps that transliteration and news style produce.
SPELLING_SWAPS = (
    ("ou", "u"),
    ("u", "ou"),
    ("y", "i"),
    ("i", "y"),
    ("kh", "h"),
    ("j", "dj"),
    ("ee", "i"),
    ("oo", "u"),
    ("ph", "f"),
    ("w", "v"),
    ("v", "w"),
    ("ck", "k"),
    ("sh", "sch"),
    ("ei", "ey"),
    ("ai", "ay"),
    ("ch", "tch"),
    ("dh", "d"),
    ("q", "k"),
    ("mohammed", "muhammad"),
    ("abdul", "abd al"),
    ("yev", "ev"),
    ("ii", "i"),
)
#: Latin to Cyrillic, longest spellings first, as Russian news writes foreign names.
CYRILLIC = (
    ("shch", "щ"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "ё"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "ы"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "к"),
    ("j", "дж"),
    ("w", "в"),
    ("x", "кс"),
    ("q", "к"),
)
#: Long legal forms in listed company names -> the short form news uses.
LEGAL_SHORT = (
    ("closed joint stock company", "CJSC", "ЗАО"),
    ("public joint stock company", "PJSC", "ПАО"),
    ("open joint stock company", "OJSC", "ОАО"),
    ("joint stock company", "JSC", "АО"),
    ("limited liability company", "LLC", "ООО"),
    ("company limited", "Co. Ltd", ""),
    ("co., ltd.", "Co. Ltd", ""),
    ("limited", "Ltd", ""),
    ("corporation", "Corp.", ""),
)
#: Words a spelling variant is not put into: news spells these the usual way.
GENERIC_WORDS = frozenset(
    {
        *("company", "joint", "stock", "limited", "liability", "closed", "public", "open"),
        *("bank", "commercial", "trading", "corporation", "group", "industrial", "general"),
        *("international", "ministry", "shipping", "state", "national", "foundation"),
        *("organization", "of", "the", "and", "for", "co", "ltd", "llc", "jsc", "inc"),
        *("ooo", "ao", "oao", "zao", "pao", "osoo", "obshchestvo", "aktsionernoe"),
        *("otvetstvennostyu", "enterprise", "unitary", "science", "research", "institute"),
        *("ogranichennoi", "ogranichennoy", "gmbh", "sarl", "limitada", "sociedad"),
    }
)


def news_order(entity: EntityProxy) -> list[str]:
    """The name as news writes it: given names first, title case."""
    first = entity.first("firstName", quiet=True)
    last = entity.first("lastName", quiet=True)
    if entity.schema.name == "Person" and first and last:
        return f"{first} {last}".title().split()
    name = entity.first("name") or ""
    if entity.schema.name == "Person" and "," in name:
        family, given = name.split(",", 1)
        name = f"{given} {family}"
    return name.replace(",", " ").title().split()


def split_legal_form(entity: EntityProxy) -> tuple[str, str, str] | None:
    """(core name, short form, Russian form) when the listed name has a long legal form."""
    name = (entity.first("name") or "").lower()
    for long, short, russian in LEGAL_SHORT:
        if long in name:
            core = " ".join(name.replace(long, " ").replace(",", " ").split())
            if core:
                return core.title(), short, russian
    return None


def spelling(entity: EntityProxy, rng: random.Random) -> str | None:
    words = news_order(entity)
    spots = [
        i
        for i, w in enumerate(words)
        if len(w) > 3 and w.isalpha() and w.lower() not in GENERIC_WORDS
    ]
    if not spots:
        return None
    at = rng.choice(spots)
    word = words[at]
    lower = word.lower()
    swaps = [swap for swap in SPELLING_SWAPS if swap[0] in lower]
    if swaps:
        old, new = rng.choice(swaps)
        cut = lower.index(old)
        word = word[:cut] + new + word[cut + len(old) :]
    else:
        # No known swap applies: double a consonant, as transliterations do.
        letters = [i for i, c in enumerate(word) if c.lower() in "bdfgklmnprst"]
        if not letters:
            return None
        cut = rng.choice(letters)
        word = word[: cut + 1] + word[cut] + word[cut + 1 :]
    return " ".join([*words[:at], word, *words[at + 1 :]])


def word_order(entity: EntityProxy, rng: random.Random) -> str | None:
    """People: family name first. Companies: short legal form at the end."""
    if entity.schema.name == "Organization":
        split = split_legal_form(entity)
        return f"{split[0]} {split[1]}" if split else None
    words = news_order(entity)
    if entity.schema.name != "Person" or len(words) < 2:
        return None
    return " ".join([words[-1], *words[:-1]])


def hyphens(entity: EntityProxy, rng: random.Random) -> str | None:
    """Join two neighbouring name parts with a hyphen: "Jong Un Kim" -> "Jong-un Kim".

    Legal-form and generic words are left alone ("Joint Stock" stays).
    """
    words = news_order(entity)
    spots = [
        at
        for at in range(len(words) - 1)
        if not {words[at].lower(), words[at + 1].lower()} & GENERIC_WORDS
        and words[at].isalpha()
        and words[at + 1].isalpha()
    ]
    if not spots:
        return None
    at = spots[0] if entity.schema.name == "Person" else rng.choice(spots)
    return " ".join([*words[:at], f"{words[at]}-{words[at + 1].lower()}", *words[at + 2 :]])


def initials(entity: EntityProxy, rng: random.Random) -> str | None:
    """Second given names as initials: "Vladimir Vladimirovich Putin" -> "Vladimir V. Putin"."""
    if entity.schema.name != "Person":
        return None
    first = entity.first("firstName", quiet=True)
    last = entity.first("lastName", quiet=True)
    if first and last:
        given, family = first.title().split(), last.title().split()
    else:
        words = news_order(entity)
        given, family = words[:-1], words[-1:]
    if len(given) < 2:
        return None
    return " ".join([given[0], *(f"{word[0]}." for word in given[1:]), *family])


def cyrillic(entity: EntityProxy, rng: random.Random) -> str | None:
    """The name in Cyrillic, as Russian news writes it (companies with ООО, АО ...)."""
    if entity.schema.name == "Person":
        return to_cyrillic(" ".join(news_order(entity)))
    if entity.schema.name == "Organization":
        split = split_legal_form(entity)
        if split and split[2]:
            return f"{split[2]} {to_cyrillic(split[0])}"
    return None


def to_cyrillic(text: str) -> str:
    text = text.lower()
    out = []
    at = 0
    while at < len(text):
        for latin, cyr in CYRILLIC:
            if text.startswith(latin, at):
                out.append(cyr)
                at += len(latin)
                break
        else:
            out.append(text[at])
            at += 1
    return "".join(out).title()


PERTURBATIONS: dict[str, Callable[[EntityProxy, random.Random], str | None]] = {
    "spelling": spelling,
    "word order": word_order,
    "hyphens": hyphens,
    "initials": initials,
    "cyrillic": cyrillic,
}


@dataclass(slots=True)
class Probe:
    """A query with what it should find (None for a name that is not listed)."""

    name: str
    kind: str
    perturbation: str
    expected: str | None


def listed_probes(entities: list[EntityProxy], count: int, rng: random.Random) -> list[Probe]:
    """`count` perturbed listed names, cycling through the perturbations.

    Entry n gets perturbation n mod 5, or the next one that applies to its
    kind and name (companies get no initials, vessels no Cyrillic).
    """
    pool = [
        entity
        for entity in entities
        if entity.schema.name in KINDS
        and 3 <= len(entity.caption) <= 60
        and entity.caption.isascii()
    ]
    pool.sort(key=lambda entity: entity.id or "")
    kinds = list(PERTURBATIONS)
    probes: list[Probe] = []
    for entity in rng.sample(pool, len(pool)):
        for step in range(len(kinds)):
            perturbation = kinds[(len(probes) + step) % len(kinds)]
            name = PERTURBATIONS[perturbation](entity, rng)
            if name:
                probes.append(Probe(name, KINDS[entity.schema.name], perturbation, entity.id))
                break
        if len(probes) == count:
            break
    return probes


# --- measurements -------------------------------------------------------------


def load(store_url: str) -> tuple[Screener, list[EntityProxy], dict[str, float]]:
    """Import both lists (and so build the screening index) into a fresh store; open it.

    Returns the screener, the screenable entries and the timings.
    """
    started = time.perf_counter()
    store = Store(store_url)
    for path in (UN_FILE, SDN_FILE):
        store.import_list(read_list(path))
    imported = time.perf_counter()
    screener = Screener.from_store(store, many=True)
    indexed = time.perf_counter()
    if screener is None:
        raise SystemExit("The store holds no list after importing both files.")
    entities = [entity for entity in store.iter_entities() if is_screenable(entity)]
    return screener, entities, {"import": imported - started, "index": indexed - imported}


def screen_all(screener: Screener, probes: list[Probe]) -> tuple[list[set[str]], list[float]]:
    """Screen every probe; return the ids found and each call's latency in seconds."""
    found: list[set[str]] = []
    latencies: list[float] = []
    for probe in probes:
        started = time.perf_counter()
        hits = screener.screen(probe.name, kind=probe.kind, limit=10)
        latencies.append(time.perf_counter() - started)
        found.append({hit.entry_id for hit in hits})
    return found, latencies


def rates(probes: Iterable[Probe], found: Iterable[set[str]]) -> tuple[float, float]:
    """(recall over listed probes, false-positive rate over unlisted probes)."""
    listed = unlisted = recalled = false = 0
    for probe, ids in zip(probes, found, strict=True):
        if probe.expected is None:
            unlisted += 1
            false += bool(ids)
        else:
            listed += 1
            recalled += probe.expected in ids
    return recalled / max(listed, 1), false / max(unlisted, 1)


#: Baseline thresholds printed besides the best one.
BASELINE_SHOWN = (0.8, 0.85, 0.9, 0.95, 1.0)


def baseline(entities: list[EntityProxy], probes: list[Probe]) -> dict[float, tuple[float, float]]:
    """rapidfuzz token_set_ratio over every listed name: threshold -> (recall, FP rate).

    An entry is found when one of its names scores at least the threshold;
    an unlisted probe is a false positive when any listed name does.
    """
    choices: list[str] = []
    owners: list[str] = []
    for entity in entities:
        for name in entity.names:
            choices.append(utils.default_process(name))
            owners.append(entity.id or "")
    expected_scores: list[float] = []
    unlisted_scores: list[float] = []
    for probe in probes:
        query = utils.default_process(probe.name)
        if probe.expected is None:
            top = process.extractOne(query, choices, scorer=fuzz.token_set_ratio)
            unlisted_scores.append(top[1] if top else 0.0)
        else:
            own = [c for c, owner in zip(choices, owners, strict=True) if owner == probe.expected]
            expected_scores.append(max(fuzz.token_set_ratio(query, c) for c in own))
    sweep = {}
    for percent in range(50, 101):
        recall = sum(s >= percent for s in expected_scores) / max(len(expected_scores), 1)
        fpr = sum(s >= percent for s in unlisted_scores) / max(len(unlisted_scores), 1)
        sweep[percent / 100] = (recall, fpr)
    return sweep


def best_threshold(sweep: dict[float, tuple[float, float]]) -> float:
    """Highest recall at a false-positive rate of at most 1%, else the lowest FP rate."""
    allowed = [t for t, (_, fpr) in sweep.items() if fpr <= 0.01]
    if allowed:
        return max(allowed, key=lambda t: (sweep[t][0], -t))
    return min(sweep, key=lambda t: (sweep[t][1], -sweep[t][0]))


def bulk_rate(screener: Screener, probes: list[Probe], folder: Path) -> float:
    """Names per second through the bulk CSV functions (read, screen, write)."""
    source, target = folder / "names.csv", folder / "hits.csv"
    with source.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["name", "kind"])
        writer.writerows([probe.name, probe.kind] for probe in probes)
    started = time.perf_counter()
    rows = read_names(source)
    write_results(screen_rows(screener, rows), target)
    return len(rows) / (time.perf_counter() - started)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 listed / 1,000 unlisted names")
    args = parser.parse_args(argv)
    listed_count, unlisted_count = (100, 1000) if args.quick else (600, 5000)
    context_count = 100 if args.quick else 400
    for path in (UN_FILE, SDN_FILE):
        if not path.is_file():
            raise SystemExit(f"Missing list file {path}: the benchmark needs ../shared/data/lists.")
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as folder:
        screener, entities, timings = load(f"sqlite:///{folder}/bench.sqlite")
        listed_keys = {token_key(name) for entity in entities for name in entity.names}
        context = context_probes(
            entities, context_count, listed_keys, token_key, news_order, random.Random(SEED)
        )
        with_context = context_rates(screener, context, strip=False)
        without_context = context_rates(screener, context, strip=True)
        exact_pool = entities if not args.quick else random.Random(SEED).sample(entities, 1000)
        exact = exact_names(screener, exact_pool)
        probes = listed_probes(entities, listed_count, rng)
        probes += [
            Probe(name, kind, "unlisted", None)
            for name, kind in unlisted_names(unlisted_count, listed_keys, rng)
        ]
        found, latencies = screen_all(screener, probes)
        recall, fpr = rates(probes, found)
        per_kind = {
            kind: rates(
                *zip(
                    *[(p, f) for p, f in zip(probes, found, strict=True) if p.perturbation == kind],
                    strict=True,
                )
            )[0]
            for kind in PERTURBATIONS
        }
        listed_latencies = [t for p, t in zip(probes, latencies, strict=True) if p.expected]
        base = baseline(entities, probes)
        # A bulk file is mostly names that are not listed: take the probes' own mix.
        rate = bulk_rate(screener, random.Random(SEED).sample(probes, 1000), Path(folder))
    print(f"entries indexed            {len(entities):>8,}")
    print(f"import UN + SDN 2024 (s)   {timings['import']:>8.1f}  (builds the stored index)")
    print(f"load screening index (s)   {timings['index']:>8.1f}")
    print(f"listed probes              {listed_count:>8,}")
    print(f"unlisted probes            {unlisted_count:>8,}")
    print(f"threshold                  {screener.threshold:>8.2f}")
    print(f"recall                     {recall:>8.3f}")
    print(f"false-positive rate        {fpr:>8.4f}")
    for kind, value in per_kind.items():
        print(f"  recall, {kind:<17} {value:>8.3f}")
    best = best_threshold(base)
    print("baseline: rapidfuzz token_set_ratio (threshold, recall, false-positive rate)")
    for threshold in sorted({*BASELINE_SHOWN, best}):
        recall, fpr = base[threshold]
        mark = "  <- best" if threshold == best else ""
        print(f"  {threshold:>5.2f} {recall:>8.3f} {fpr:>8.4f}{mark}")
    print(f"single name p50 (ms)       {1000 * statistics.median(latencies):>8.1f}")
    print(f"single name p99 (ms)       {1000 * percentile(latencies, 0.99):>8.1f}")
    print(f"  listed names p50 (ms)    {1000 * statistics.median(listed_latencies):>8.1f}")
    print(f"  listed names p99 (ms)    {1000 * percentile(listed_latencies, 0.99):>8.1f}")
    print(f"bulk names per second      {rate:>8.0f}")
    print("context cases (probes, with context, name and kind only)")
    for group, (size, value) in with_context.items():
        print(f"  {group:<24} {size:>5,} {value:>8.3f} {without_context[group][1]:>8.3f}")
    total, found_exact, missed = exact
    print(
        f"exact primary names, no kind: {found_exact:,} of {total:,} find their entry "
        f"(recall {found_exact / total:.4f})"
    )
    for caption in missed:
        print(f"  missed: {caption}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
