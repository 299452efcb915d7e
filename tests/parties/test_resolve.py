"""Who is who: names, capitals, offices, descriptions and the small coreference.

Each text is parsed by the real model and scanned for gazetteer names as the
pipeline does; the role's head token is then resolved.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctrace.model import AnalysedDocument
from sanctrace.parties.resolve import Mention
from sanctrace.pipeline import Analyzer

PUBLISHED = "2024-03-01"

Resolve = Callable[[str, str, int], Mention | None]


@pytest.fixture(scope="module")
def resolve(analyzer: Analyzer) -> Resolve:
    """Resolve the `nth` token spelled `word` in `text`."""

    def run(text: str, word: str, nth: int = 0) -> Mention | None:
        doc = analyzer.nlp(text)
        context = analyzer.resolver.scan(text, PUBLISHED)
        token = [t for t in doc if t.text == word][nth]
        mention = analyzer.resolver.resolve(token, 0, context)
        if mention is not None:
            assert text[mention.start : mention.end] == mention.text
        return mention

    return run


def _who(mention: Mention | None) -> tuple[str, str, str | None] | None:
    return None if mention is None else (mention.name, mention.kind, mention.country)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Pyongyang bought grain from a trader.", "Pyongyang", ("North Korea", "state", "kp")),
        ("Officials at the Kremlin sold arms.", "Kremlin", ("Russia", "state", "ru")),
        ("Seoul sent rice to the border.", "Seoul", ("South Korea", "state", "kr")),
        ("The DPRK imported fuel.", "DPRK", ("North Korea", "state", "kp")),
    ],
)
def test_resolve_state_names_and_capitals(
    resolve: Resolve, text: str, word: str, expected: tuple[str, str, str]
) -> None:
    assert _who(resolve(text, word, 0)) == expected


def test_resolve_person_by_alias_spelling(resolve: Resolve) -> None:
    assert _who(resolve("Kim Jong-un received a car.", "un", 0)) == ("Kim Jong Un", "person", "kp")


def test_resolve_office_holder_on_the_publication_date(resolve: Resolve) -> None:
    found = resolve("The North Korean leader received a car.", "leader", 0)
    assert _who(found) == ("Kim Jong Un", "person", "kp")
    assert found is not None and found.text == "The North Korean leader"


def test_resolve_description_keeps_its_country_and_is_not_a_name(resolve: Resolve) -> None:
    found = resolve("A Hong Kong-flagged tanker delivered fuel.", "tanker", 0)
    assert found is not None
    assert (found.kind, found.country, found.proper) == ("vessel", "hk", False)


def test_resolve_person_pronoun_takes_the_latest_person(resolve: Resolve) -> None:
    text = "Vladimir Putin arrived on Monday. He gave a car to a friend."
    assert _who(resolve(text, "He", 0)) == ("Vladimir Putin", "person", "ru")


def test_resolve_her_brother_is_the_sisters_relative(resolve: Resolve) -> None:
    text = (
        "Kim Jong Un toured a farm on Monday. Kim Yo Jong, his sister, spoke on Tuesday. "
        "Her brother received a car."
    )
    assert _who(resolve(text, "brother", 0)) == ("Kim Jong Un", "person", "kp")


def test_resolve_bare_family_name_means_the_main_person(resolve: Resolve) -> None:
    # News style: after "Kim Jong Un", a bare "Kim" is the leader, not his sister,
    # even when the sister was named more recently.
    text = (
        "Kim Jong Un met Vladimir Putin in Vladivostok. Kim Yo Jong, his sister, praised "
        "the talks. Kim later received a rifle."
    )
    assert _who(resolve(text, "Kim", 2)) == ("Kim Jong Un", "person", "kp")


def test_resolve_it_in_reported_speech_is_the_speaker(resolve: Resolve) -> None:
    text = "A Dalian trading firm denied that it had sold steel to North Korea."
    found = resolve(text, "it", 0)
    assert found is not None
    assert (found.kind, found.country) == ("organization", "cn")


def test_resolve_definite_state_description(resolve: Resolve) -> None:
    text = "North Korea held a parade. The regime bought grain from China."
    assert _who(resolve(text, "regime", 0)) == ("North Korea", "state", "kp")
    assert resolve("The regime bought grain from China.", "regime", 0) is None


def test_resolve_state_description_naming_its_own_state(resolve: Resolve) -> None:
    # a nationality or place in the description names the state, not the one before
    text = "North Korea held a parade. The Swiss government paid for a school."
    assert _who(resolve(text, "government", 0)) == ("Switzerland", "state", "ch")
    text = "North Korea held a parade. The government in Juba bought grain."
    assert _who(resolve(text, "government", 0)) == ("South Sudan", "state", "ss")


def test_resolve_port_is_not_a_person(resolve: Resolve) -> None:
    found = resolve("A Hong Kong company shipped cigarettes to Nampo.", "Nampo", 0)
    assert found is not None
    assert found.kind != "person"
    assert found.country == "kp"


def test_resolve_the_country_is_the_state_last_acting(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    analysed = analyse(
        "China sold 35,000 tonnes of rice to North Korea in October. "
        "The country also bought iron ore from North Korea, officials said."
    )
    ore = analysed.transfers[-1]
    assert ore.recipient is not None and ore.recipient.country == "cn"
    assert ore.giver is not None and ore.giver.country == "kp"


def test_resolve_a_definite_description_is_the_party_last_described_so(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    # the same noun refers back to a description that named no one...
    analysed = analyse(
        "A bronze statue was delivered to a hotel developer in Laos. "
        "Later the developer wired $90,000 to a Macau firm."
    )
    assert [t.giver and t.giver.country for t in analysed.transfers] == [None, "la"]
    # ...unless a firm named in a role since is the nearer one
    analysed = analyse(
        "A Riga company sold drones to Iran. Then Kestrel Trading bought radios from a broker. "
        "The company later sold the radios to a buyer in Minsk."
    )
    giver = analysed.transfers[-1].giver
    assert giver is not None and giver.name == "Kestrel Trading"


def test_resolve_the_same_firm_is_the_one_a_sentence_described_in_passing(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    # the described firm takes no role in the first sentence's transfer
    analysed = analyse(
        "Russia sold rifles to Mali in 2019, with a Cypriot firm, Kyrenia Ltd., acting as "
        "broker. The same firm bought drones from Iran in 2020."
    )
    recipient = analysed.transfers[-1].recipient
    assert recipient is not None
    assert (recipient.name, recipient.country) == ("Kyrenia Ltd.", "cy")


def test_resolve_it_never_stands_for_a_news_outlet(resolve: Resolve) -> None:
    text = "KOMID was named last year. Reuters saw the records. It sold rifles to Iran."
    found = resolve(text, "It", 0)
    assert found is not None and found.name == "Korea Mining Development Trading Corporation"


def test_resolve_scan_finds_names_as_the_text_spells_them(analyzer: Analyzer) -> None:
    text = (
        "Kim  Jong-un met North\nKorea's envoys; north-korea sold coal. "
        "KOMIDS is no name, nor is xNorth Korea. İstanbul traders met the U.S. Treasury."
    )
    context = analyzer.resolver.scan(text, PUBLISHED)
    found = [text[m.start : m.end] for m in context.mentions]
    # runs of spaces, line breaks and hyphens between words; any case; whole words;
    # the longest name at each place ("the U.S. Treasury", not "U.S.")
    assert found[:3] == ["Kim  Jong-un", "North\nKorea", "north-korea"]
    assert "KOMID" not in " ".join(found) and "xNorth Korea" not in found
    assert found[-1] == "the U.S. Treasury"


@pytest.mark.parametrize(
    ("heading", "name", "country"),
    [
        ("STATEMENT BY DEMIR MAKINA A.Ş. ON MEDIA REPORTS", "Demir Makina", "tr"),
        ("Press release from the Foreign Trade Bank", "Foreign Trade Bank", "kp"),
        ("Statement by the Cuban Sugar Board regarding exports", "Cuban Sugar Board", "cu"),
    ],
)
def test_resolve_we_is_the_author_a_statement_names(
    resolve: Resolve, heading: str, name: str, country: str
) -> None:
    text = f"{heading}\n\nIn May we sold four lathes to a firm in Almaty."
    found = resolve(text, "we", 0)
    assert found is not None and found.name.startswith(name) and found.country == country
    assert found.via == "author-pronoun"


def test_resolve_a_story_names_no_author(analyzer: Analyzer) -> None:
    text = "Police statement by the harbour was brief.\n\nWe sold lathes to Almaty."
    assert analyzer.resolver.scan(text, PUBLISHED).author is None


def test_resolve_a_description_in_apposition_mentions_the_named_party(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Radio Nord, a government funded broadcaster, opened a bureau in Minsk in 2019."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.name == "Radio Nord"
    [party] = [p for p in analyse(text).parties if p.id == transfer.recipient.party]
    assert [m.text for m in party.mentions] == ["Radio Nord", "broadcaster"]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Supplier: Falcon Trading, Sharjah.", "Trading", ("Falcon Trading", "ae")),
        (
            "Rifles went to the Ministry of Defence, Tripoli.",
            "Ministry",
            ("Ministry of Defence", "ly"),
        ),
        # A list of parties places none of them.
        ("Rifles went to Nordlys Trading, Russia and China.", "Trading", ("Nordlys Trading", None)),
    ],
)
def test_resolve_a_place_after_a_name_and_a_comma_places_it(
    resolve: Resolve, text: str, word: str, expected: tuple[str, str | None]
) -> None:
    found = resolve(text, word, 0)
    assert found is not None and (found.name, found.country) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Acme bought rifles from suppliers in China and Japan.", "suppliers", None),
        ("Acme bought rifles from suppliers in Dalian and Shanghai.", "suppliers", "cn"),
        ("Chinese and Russian firms sold rifles to Iran.", "firms", None),
        ("Chinese firms sold rifles to Iran.", "firms", "cn"),
    ],
)
def test_resolve_a_party_joining_places_of_two_states_has_no_country(
    resolve: Resolve, text: str, word: str, expected: str | None
) -> None:
    found = resolve(text, word, 0)
    assert found is not None and found.country == expected


def test_resolve_a_long_place_name_comes_before_a_demonym_among_its_words(
    resolve: Resolve,
) -> None:
    found = resolve("A British Virgin Islands company bought rifles.", "company", 0)
    assert found is not None and found.country == "vg"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Rifles went to a firm linked to the LNA.", "ly"),
        ("Rifles went to a firm affiliated with Hezbollah.", "lb"),
        # A group tied to a state may act abroad: the state does not place it.
        ("Rifles went to a militia tied to Iran.", None),
    ],
)
def test_resolve_a_party_tied_to_a_known_body_takes_its_country(
    resolve: Resolve, text: str, country: str | None
) -> None:
    found = resolve(text, text.split()[4], 0)
    assert found is not None and found.country == country


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Police named a shipping agent in Osaka. The shipping agent sold rifles.", "agent", "jp"),
        ("Chinese buyers gather at the border. The buyers paid cash for coal.", "buyers", "cn"),
        ("SEOUL - Police named a local dealer. The dealer sold rifles.", "dealer", "kr"),
        # Only the words just before or after an earlier mention place it.
        ("A dealer met officials in Osaka. The dealer sold rifles.", "dealer", None),
    ],
)
def test_resolve_a_definite_description_takes_the_country_of_its_introduction(
    resolve: Resolve, text: str, word: str, country: str | None
) -> None:
    found = resolve(text, word, 1)
    assert found is not None and found.country == country
    if country is not None:
        assert found.via == "country-introduced-description"


def test_resolve_she_after_a_named_ship_is_that_ship(resolve: Resolve) -> None:
    text = "Police detained the Togo-flagged tanker Blue Dawn. She had delivered diesel."
    assert _who(resolve(text, "She", 0)) == ("Blue Dawn", "vessel", None)


def test_resolve_she_after_a_person_named_since_the_ship_is_that_person(
    resolve: Resolve,
) -> None:
    text = "The tanker Blue Dawn docked. Kim Yo Jong inspected it. She had ordered diesel."
    found = resolve(text, "She", 0)
    assert found is not None and found.kind == "person"


def test_resolve_the_ship_she_stands_for_keeps_the_flag_its_description_gave(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "In May police detained the Togo-flagged tanker Blue Dawn at Busan. "
        "She had pumped fuel oil into a Liberian barge in April."
    )
    (transfer,) = analyse(text).transfers
    assert transfer.giver is not None
    assert (transfer.giver.name, transfer.giver.country) == ("Blue Dawn", "tg")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("North Korea's trade grew. Korea Pugang Trading Corporation sold valves.", "kp"),
        ("South Korea's trade grew. Korea Pugang Trading Corporation sold valves.", "kr"),
        ("Korea Pugang Trading Corporation sold valves.", None),
    ],
)
def test_resolve_a_firm_named_by_a_word_two_states_share_is_of_the_one_named_more(
    resolve: Resolve, text: str, country: str | None
) -> None:
    found = resolve(text, "Corporation", 0)
    assert found is not None and found.country == country


def test_resolve_it_that_hauls_is_the_ship_named_paragraphs_before(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "The Sea Lark, one of three cargo ships on the list, went dark in May.\n\n"
        "The old freighter, flagged to Antigua and Barbuda, went quiet near Busan.\n\n"
        "The ship belongs to Orion Ltd, a firm in Hong Kong. "
        "Officials suspect it of hauling Iranian crude oil to Syria."
    )
    (transfer,) = analyse(text).transfers
    assert transfer.giver is not None
    assert (transfer.giver.name, transfer.giver.country) == ("Sea Lark", "ag")


def test_resolve_a_date_opening_the_phrase_is_no_part_of_the_party(resolve: Resolve) -> None:
    found = resolve("In 2020 Chinese firms sold rifles to Iran.", "firms", 0)
    assert found is not None and (found.name, found.country) == ("Chinese firms", "cn")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rifles went to Yemen's Houthi movement.", "movement", ("Houthis", "organization", "ye")),
        (
            "Rifles went to Sudan's Rapid Support Forces.",
            "Forces",
            ("Rapid Support Forces", "organization", "sd"),
        ),
    ],
)
def test_resolve_a_known_body_after_its_states_possessive_is_that_body(
    resolve: Resolve, text: str, word: str, expected: tuple[str, str, str]
) -> None:
    assert _who(resolve(text, word, 0)) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Iran sold rifles to Norvik Trading, which is registered in Malta.", "Trading"),
        ("Iran sold rifles to a firm that is based in Malta.", "firm"),
    ],
)
def test_resolve_a_relative_clause_placing_a_party_gives_its_country(
    resolve: Resolve, text: str, word: str
) -> None:
    found = resolve(text, word, 0)
    assert found is not None and found.country == "mt"


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Acme sold rifles to a firm run out of Dubai.", "firm", "ae"),
        ("Acme sold rifles to a trader operating from Dalian.", "trader", "cn"),
        # The parse hangs "to" on the goods and "in" on the verb: "in" still places them.
        ("Acme sold rifles to officials in Pyongyang.", "officials", "kp"),
        ("Acme sold rifles to officials in May.", "officials", None),
    ],
)
def test_resolve_where_a_party_is_run_from_or_met_places_it(
    resolve: Resolve, text: str, word: str, country: str | None
) -> None:
    found = resolve(text, word, 0)
    assert found is not None and found.country == country


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # What reaches a party's own site reaches the party.
        ("Rebels in Chad said a plane flew rifles to their camp.", "camp", ("Rebels", "td")),
        ("A plane flew rifles to the militia's depot.", "depot", ("militia", None)),
        # A site no one owns is a place where a party may be, described as such.
        ("A plane flew rifles to a camp in Chad.", "camp", ("camp in Chad", "td")),
    ],
)
def test_resolve_a_site_with_an_owner_is_the_owner(
    resolve: Resolve, text: str, word: str, expected: tuple[str, str | None]
) -> None:
    found = resolve(text, word, 0)
    assert found is not None and (found.name, found.country) == expected


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Rifles went to Iran-backed Houthi rebels.", "rebels", "ye"),
        ("Rifles went to Iran-backed militias.", "militias", None),
        ("Rifles went to Hezbollah-backed militias in Syria.", "militias", "sy"),
        ("Oil went to a Hong Kong-flagged tanker.", "tanker", "hk"),
    ],
)
def test_resolve_who_backs_a_party_does_not_place_it(
    resolve: Resolve, text: str, word: str, country: str | None
) -> None:
    found = resolve(text, word, 0)
    assert found is not None and found.country == country


def test_resolve_the_government_in_a_capital_is_its_state(resolve: Resolve) -> None:
    found = resolve("Acme sold rifles to the government in Asmara.", "government", 0)
    assert _who(found) == ("Eritrea", "state", "er")


def test_resolve_an_adjective_before_a_name_in_apposition_is_that_name(resolve: Resolve) -> None:
    text = "Acme sold rifles to the paramilitary Rapid Support Forces."
    found = resolve(text, "paramilitary", 0)
    assert _who(found) == ("Rapid Support Forces", "organization", "sd")


@pytest.mark.parametrize(
    ("later", "word"),
    [
        ("Novak sold rifles to a buyer in Iran, the court heard.", "Novak"),
        ("In May he sold rifles to a buyer in Iran, the court heard.", "Lee Novak"),
    ],
)
def test_resolve_a_titled_speaker_is_the_person_a_later_surname_or_pronoun_means(
    analyse: Callable[..., AnalysedDocument], later: str, word: str
) -> None:
    text = f"Chief executive Lee Novak says the firm sold no drones. {later}"
    [transfer] = [t for t in analyse(text).transfers if t.recipient is not None]
    assert transfer.giver is not None
    assert (transfer.giver.name, transfer.giver.kind) == ("Lee Novak", "person")
