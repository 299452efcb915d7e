"""A seeded corpus of news-like articles for the throughput benchmark.

Run from the repository root to write it as JSON lines (benchmarks/corpus/
is git-ignored), or import `generate` to build it in memory:

    .venv/bin/python benchmarks/corpus.py --words 200000

Articles are composed from sentence templates with slot fillers (people,
countries, firms, goods, quantities, dates, places), grouped into paragraphs
under a headline and a dateline. Most sentences are the filler of real wire
copy (background, quotes, politics, markets, sport, weather); about one in
seven states a transfer of goods or money, half of them sanctions-relevant
(arms, fuel, coal, luxury goods to or from North Korea) and half ordinary
trade. The templates are written for this project. The same seed and word
count always give the same articles.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

SEED = 20240220
#: Share of sentences that state a transfer (wire copy: roughly 10-20%).
TRANSFER_SHARE = 0.15
OUT = Path(__file__).resolve().parent / "corpus" / "corpus.jsonl"

FILLERS: dict[str, tuple[str, ...]] = {
    "person": (
        "Maria Okafor",
        "Daniel Brandt",
        "Lee Min-ho",
        "Sofia Marquez",
        "Yusuf Demir",
        "Anna Kowalski",
        "Hiroshi Tanaka",
        "Priya Raman",
        "Oleg Petrenko",
        "Claire Dubois",
        "Ahmed Karimi",
        "Ingrid Larsen",
        "Chen Wei",
        "Thabo Nkosi",
        "Lucia Ferrari",
    ),
    "title": (
        "the foreign minister",
        "a senior diplomat",
        "the trade minister",
        "an analyst at a Seoul think tank",
        "a spokesman for the coast guard",
        "the central bank governor",
        "a former customs official",
        "the opposition leader",
        "a professor of economics",
        "a shipping industry consultant",
        "the defence ministry spokeswoman",
    ),
    "country": (
        "Germany",
        "Brazil",
        "Japan",
        "India",
        "Turkey",
        "South Korea",
        "Vietnam",
        "Indonesia",
        "Egypt",
        "Mexico",
        "Poland",
        "Kenya",
        "Australia",
        "Canada",
        "Chile",
    ),
    "adjective": (
        "German",
        "Brazilian",
        "Japanese",
        "Indian",
        "Turkish",
        "Vietnamese",
        "Polish",
        "Kenyan",
        "Canadian",
        "Chilean",
        "Malaysian",
        "Thai",
        "Dutch",
        "Nigerian",
    ),
    "city": (
        "Hamburg",
        "Rotterdam",
        "Busan",
        "Singapore",
        "Mumbai",
        "Santos",
        "Istanbul",
        "Jakarta",
        "Durban",
        "Valparaiso",
        "Gdansk",
        "Osaka",
        "Mombasa",
        "Vancouver",
    ),
    "capital": ("Berlin", "Tokyo", "New Delhi", "Ankara", "Seoul", "Hanoi", "Warsaw"),
    "company": (
        "Northstar Logistics",
        "Kestrel Trading",
        "Blue Harbour Shipping",
        "Meridian Metals",
        "Golden Field Agro",
        "Orion Machinery",
        "Silver Lake Commodities",
        "Pacific Crest",
        "Atlas Freight",
        "Harbin Eastern Trade",
        "Lotus Maritime",
        "Delta Agritech",
    ),
    "ministry": (
        "trade ministry",
        "agriculture ministry",
        "finance ministry",
        "customs agency",
        "statistics office",
        "energy ministry",
    ),
    "sector": (
        "manufacturing",
        "tourism",
        "construction",
        "retail",
        "semiconductor",
        "farming",
        "banking",
        "shipbuilding",
        "textile",
    ),
    "team": (
        "the home side",
        "the national team",
        "the visitors",
        "the league leaders",
        "the defending champions",
        "the under-21 squad",
    ),
    "sport": ("football", "cricket", "basketball", "rugby", "volleyball", "tennis"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "month": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "when": (
        "last month",
        "in March",
        "on Tuesday",
        "earlier this year",
        "in late 2022",
        "last September",
        "in the first quarter",
        "two weeks ago",
        "in mid-2023",
        "over the summer",
        "in 2019",
        "on Friday",
    ),
    "number": ("two", "three", "five", "12", "18", "40", "65", "120", "300", "1,500"),
    "percent": ("1.2", "2.5", "3.8", "4.1", "6", "7.5", "11", "14.2", "0.8"),
    "amount": ("$4 million", "$12.5 million", "$300,000", "$1.2 billion", "$85 million"),
    "tonnes": ("2,000", "5,400", "12,000", "35,000", "600", "80,000", "1,200"),
    "barrels": ("50,000", "120,000", "8,000", "300,000", "26,000"),
    "source": (
        "ship-tracking data",
        "a confidential UN report",
        "customs records",
        "satellite images reviewed by analysts",
        "people familiar with the matter",
        "court documents",
        "a regional intelligence agency",
    ),
    "agency": ("KCNA", "Yonhap", "state television", "the official news agency", "NHK"),
    # Goods the sanctions on North Korea cover, and the parties trading them.
    "arms": (
        "artillery shells",
        "ballistic missiles",
        "rocket launchers",
        "rifles and ammunition",
        "anti-tank missiles",
        "drones",
        "military radios",
    ),
    "fuel": ("diesel", "refined petroleum products", "jet fuel", "gasoline"),
    "luxury": (
        "luxury watches",
        "high-end limousines",
        "cognac and whisky",
        "designer handbags",
        "jewellery",
        "a fleet of armoured SUVs",
        "pianos",
    ),
    "dprk_side": ("North Korea", "Pyongyang", "a North Korean trading company"),
    "dprk_port": ("Nampo", "Chongjin", "Rajin"),
    "partner": ("Russia", "Moscow", "Iran", "a Chinese front company", "a Syrian arms agency"),
    "vessel": ("the tanker Sea Pearl", "the freighter Morning Star", "a bulk carrier"),
    # Ordinary goods in legal trade.
    "commodity": (
        "soybeans",
        "iron ore",
        "wheat",
        "coffee",
        "copper",
        "palm oil",
        "frozen beef",
        "cotton",
        "sugar",
        "liquefied natural gas",
        "timber",
    ),
    "machines": (
        "wind turbines",
        "electric buses",
        "tractors",
        "medical scanners",
        "railway carriages",
        "solar panels",
        "excavators",
    ),
}

HEADLINES = (
    "{country} hosts {adjective} officials as trade tensions rise",
    "Markets steady after {adjective} central bank decision",
    "Panel says sanctions evasion continues at sea",
    "{company} reports higher profit on strong {sector} demand",
    "Ports busy as exporters race to beat new tariffs",
    "{person} urges calm after talks stall",
    "Customs officers step up checks at {city}",
    "Record harvest lifts {commodity} exports",
)

DATELINES = ("SEOUL", "BRUSSELS", "TOKYO", "GENEVA", "SINGAPORE", "NEW YORK", "BEIJING", "LONDON")

#: Sentences with no transfer: the bulk of any wire story.
BACKGROUND = (
    "{person}, {title}, said the talks had been difficult but useful.",
    '"We are not going to accept this situation," {person} told reporters in {capital}.',
    '"Everybody at the table understands what is at stake," said {person}, {title}.',
    "The {ministry} did not respond to a request for comment.",
    "Officials in {capital} have denied any wrongdoing and called the report politically "
    "motivated.",
    "The economy grew {percent}% in the three months to {month}, faster than most "
    "economists had expected.",
    "Inflation eased to {percent}% in {month}, the {ministry} said on {weekday}.",
    "Shares in {company} rose {percent}% in early trading after the results were published.",
    "The {sector} sector employs about {number} thousand people in the region.",
    "{person} is expected to visit {capital} next week for a two-day summit.",
    "The opposition has called for an inquiry, saying parliament was not consulted.",
    "Talks between the two governments stalled {when} over the question of fishing rights.",
    "Diplomats said a vote at the Security Council was unlikely before the end of the month.",
    "The council has imposed nine rounds of measures on Pyongyang since 2006.",
    "Analysts say enforcement depends on how strictly neighbouring states inspect cargo.",
    "The report runs to more than {number} pages and covers the period to {month}.",
    "Heavy rain is forecast for the coast on {weekday}, with temperatures near 14 degrees.",
    "Flights out of {city} were delayed for several hours because of fog.",
    "In {sport}, {team} won 3-1 on {weekday} to move top of the table.",
    "{team} lost their opening match despite a late goal from the captain.",
    "The festival drew more than {number} thousand visitors over the weekend.",
    "Police said {number} people were detained after protests outside the parliament.",
    "{person} has led the department since 2019 and is seen as a possible successor.",
    "The government plans to raise spending on roads and schools by {percent}% next year.",
    "Unemployment held steady at {percent}%, the {ministry} reported.",
    "The currency fell to its weakest level against the dollar in {number} months.",
    "Critics say the new rules will make it harder for small firms to compete.",
    '"This is a first step, not the last one," {title} said in a statement.',
    "The agreement still needs the approval of both parliaments before it takes effect.",
    "Satellite images show new construction near the border since {month}.",
    "A spokesperson for {company} declined to comment on the investigation.",
    "The coast guard said it had stepped up patrols in the strait {when}.",
    "Researchers at the university said the trend was likely to continue.",
    "Both leaders pledged to deepen cooperation in science, culture and education.",
    "The ministry said it was monitoring the situation closely.",
    "Tourist arrivals rose to {number} thousand in {month}, a record for the season.",
    "The summit ended without a joint statement, a sign of lingering differences.",
    "Voters go to the polls in {month}, and the governing party trails in most surveys.",
    "The delegation toured a factory and a hospital before flying home on {weekday}.",
    "Oil prices edged higher on {weekday} as traders weighed supply risks.",
)

#: Sentences that state a transfer the sanctions on North Korea may cover.
SANCTIONED = (
    "{partner} received {arms} from {dprk_side} {when}, according to {source}.",
    "{dprk_side} is believed to have supplied {partner} with {arms} for use in the war.",
    "{vessel} delivered about {barrels} barrels of {fuel} to {dprk_port} {when}, {source} showed.",
    "A {adjective} broker sold {luxury} to {dprk_side} through a company in {city}.",
    "Customs officers in {city} seized {luxury} bound for Pyongyang on {weekday}.",
    "{dprk_side} shipped {tonnes} tonnes of coal to a port near {city} {when}, {agency} reported.",
    "The panel found that {company} had exported {fuel} to {dprk_port} in violation of the cap.",
    "{partner} transferred {amount} to accounts controlled by {dprk_side}, {source} said.",
)

#: Sentences that state ordinary, legal trade.
ORDINARY = (
    "{country} exported {tonnes} tonnes of {commodity} to {adjective} buyers {when}, the "
    "{ministry} said.",
    "{company} delivered {number} {machines} to a customer in {city} {when}.",
    "{country} imported a record {tonnes} tonnes of {commodity} in {month}.",
    "The government bought {number} {machines} from {company} for {amount}.",
    "{company} shipped its first cargo of {commodity} to {country} on {weekday}.",
    "Farmers sold {tonnes} tonnes of {commodity} to processors {when}, lifting prices.",
    "{country} supplied {commodity} worth {amount} to its neighbours last year.",
    "A {adjective} firm will supply {number} {machines} to the national railway.",
)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str
    published: str
    text: str


class _Slots(dict):
    """Format mapping that draws each slot once, so a sentence stays consistent."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        value = self.rng.choice(FILLERS[key])
        self[key] = value
        return value


def _sentence(rng: random.Random, transfer_share: float = TRANSFER_SHARE) -> str:
    if rng.random() < transfer_share:
        template = rng.choice(SANCTIONED if rng.random() < 0.5 else ORDINARY)
    else:
        template = rng.choice(BACKGROUND)
    text = template.format_map(_Slots(rng))
    return text[0].upper() + text[1:]


def _article(
    rng: random.Random, number: int, target_words: int, transfer_share: float = TRANSFER_SHARE
) -> Article:
    published = date(2018, 1, 1) + timedelta(days=rng.randrange(2400))
    title = rng.choice(HEADLINES).format_map(_Slots(rng))
    paragraphs: list[str] = []
    words = 0
    while words < target_words:
        paragraph = " ".join(_sentence(rng, transfer_share) for _ in range(rng.randint(1, 4)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    dateline = f"{rng.choice(DATELINES)}, {published:%b} {published.day} — "
    return Article(
        id=f"bench-{number:05d}",
        title=title,
        published=published.isoformat(),
        text=dateline + "\n\n".join(paragraphs) + "\n",
    )


def generate(
    words: int = 200_000, seed: int = SEED, firehose: float | None = None
) -> list[Article]:
    """Articles of 250-900 words until their text holds at least `words` words.

    firehose: share of articles that concern transfers at all (their sentences
    as usual); every other article is background only, as in a news feed
    where almost nothing is about a sanctioned transfer. None: every article
    is mixed as usual.
    """
    rng = random.Random(seed)
    articles: list[Article] = []
    total = 0
    while total < words:
        share = TRANSFER_SHARE
        if firehose is not None and rng.random() >= firehose:
            share = 0.0
        article = _article(rng, len(articles) + 1, rng.randint(250, 900), share)
        articles.append(article)
        total += word_count(article.text)
    return articles


def word_count(text: str) -> int:
    return len(text.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="at least this many words")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--firehose", type=float, help="share of articles about transfers (e.g. 0.04)"
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"JSON lines file (default {OUT})")
    args = parser.parse_args()
    articles = generate(args.words, args.seed, args.firehose)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as stream:
        for article in articles:
            stream.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
    total = sum(word_count(article.text) for article in articles)
    print(f"wrote {len(articles)} articles, {total} words, to {args.out}")


if __name__ == "__main__":
    main()
