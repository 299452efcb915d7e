"""How the text tells a transfer, end to end with the real model: table-driven cases.

Each case is a sentence written for the behaviour, and what the analyser must
report: no transfer at all, or the one transfer's certainty and outcome, or
its giver's or recipient's country.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctrace.model import AnalysedDocument

NO_EVENT = [
    "Who is sending tanks to the border?",
    # a ship diverted is a voyage
    "The freighter carrying the rifles was diverted to Lima.",
    # a choice weighed passes nothing
    "Oslo is weighing whether to sell rifles to Peru.",
    "Selling rifles to North Korea has been illegal since 2006.",
    "Selling rifles to Iran violates the embargo.",
    # what is lent out is neither goods nor money nor a party
    "Cuba has won friends in Africa by lending out the skills of its doctors.",
    # an act that breaches an instrument, or is an offence, is a rule
    "A ship-to-ship transfer of diesel to a Syrian-flagged tanker breaches resolution 2216.",
    "Under the law it is an offence to sell rifles to Iran.",
    "It is a crime to buy or sell rifles from Cuba.",
    # a relative clause with a modal names a kind of goods, not a sale
    "The treaty caps the fuel the island may import from abroad.",
    # none passed, and no claim told before it answers
    "Customs reported no sugar imports from Chad in 2018.",
    "The ministry says it has bought no rifles since the embargo began.",
    # goods of no stated kind between no named parties tell nothing to follow
    "Traders say sanctioned goods were smuggled across the river in May.",
    # a rate of trade is a statistic
    "Chadian oil exports reached about 90,000 barrels a day in May.",
    # leave to pass so much per period is a quota
    "Cuba may import up to 9,000 tonnes of rice a year from Peru.",
    "Under the deal Chad can buy 50 rifles per month from Peru.",
    # an obligation is a rule, a total a statistic
    "The treaty obliges Chad to sell its mortars to no one.",
    "Chadian rifle imports from Belarus totalled 9,000 in 2023.",
    # a habit denied tells no transfer of its own
    "Oslo says it does not sell rifles to Iran.",
    # a trade that picks up is a trend
    "Smuggling of rifles across the border has picked up again, traders say.",
    # what has gone on for ages is a habit, told as background
    "The state workshops have exported carpets to Gulf buyers for generations.",
]

MODALITY = [
    ("If Russia sends fighter jets to North Korea, sanctions will follow.", "possible", "planned"),
    ("Pyongyang wants to buy fighter jets from Russia.", "confirmed", "planned"),
    # what a party is asked or urged to do is planned
    ("The minister urged Norway to send tanks to Chad.", "confirmed", "planned"),
    # what an aim is to do is planned
    ("Norway's goal is to send tanks to Chad in May.", "confirmed", "planned"),
    ("Russia denies that it supplied rifles to North Korea.", "denied", "completed"),
    ("North Korea never received the helicopters from Russia.", "denied", "completed"),
    ("There is no evidence that Iran paid cash to the militia.", "denied", "completed"),
    ("Russia did not agree to supply wheat to Cuba.", "denied", "planned"),
    ("The broker failed to deliver the rifles to Syria.", "denied", "completed"),
    # "appear" suspects what its infinitive says, not what appeared
    ("Acme appears to have sold rifles to Chad.", "suspected", "completed"),
    (
        "The article appeared two days after the army said Acme had sold rifles to Chad.",
        "reported",
        "completed",
    ),
    # a party's own denial in a relative clause on it
    ("Iran, which denies the claim, has sold drones to Chad, Kyiv says.", "denied", "completed"),
    # an assessment is a judgement, not a fact
    ("We assess that a Togolese tanker delivered diesel to Syria.", "suspected", "completed"),
    (
        "Russia delivered rifles to North Korea, Ukraine said. The Kremlin denied the report.",
        "denied",
        "completed",
    ),
    # a denial negated denies nothing
    (
        "Russia delivered rifles to Mali, Ukraine said. The Kremlin does not dispute the report.",
        "reported",
        "completed",
    ),
    # who seeks a carrier for goods plans to send them
    ("A dealer is looking for a cheap ship to carry 40 trucks to Peru.", "confirmed", "planned"),
    ("The broker is looking to sell rifles to Chad.", "confirmed", "planned"),
    # a guess at a rate of trade is still an event
    ("Cuba may have imported 9,000 tonnes of rice a year from Peru.", "possible", "completed"),
    # what is only believed of part of a transfer leaves all of it suspected
    (
        "Police stopped the sale of two yachts built by Acme that officials believe were"
        " bound for Peru.",
        "suspected",
        "prevented",
    ),
    # what those who bring the charge say is alleged, what others say is reported
    ("Prosecutors say the firm sold rifles to Chad in 2019.", "suspected", "completed"),
    (
        "Prosecutors sued the Sea Star, a tanker they say delivered diesel to Chad in 2019.",
        "suspected",
        "completed",
    ),
    ("Officials say the firm sold rifles to Chad in 2019.", "reported", "completed"),
    # "the agency" telling of what it sent is the giver telling it
    (
        "A cargo of vaccines sent by UNICEF reached Chad in May, the agency said.",
        "confirmed",
        "completed",
    ),
    # the giver telling of what it sent, though the noun heard the telling first
    (
        "A shipment of tents sent by Oxfam reached Haiti in May, Oxfam said.",
        "confirmed",
        "completed",
    ),
    # a party disowning the goods denies the transfer, but not one of other goods
    (
        "Iran sold drones to Russia in 2022, Kyiv said. Tehran had nothing to do with them.",
        "denied",
        "completed",
    ),
    (
        "Iran sold drones to Russia in 2022, Kyiv said. Tehran had nothing to do with any oil.",
        "reported",
        "completed",
    ),
    # denying knowledge of where goods came from denies no transfer
    ("The broker denied knowing that the rifles came from Iran.", "confirmed", "completed"),
    (
        "Acme Trading sold rifles to Chad in 2019, police said. Acme Trading denies knowing it.",
        "reported",
        "completed",
    ),
    # one who speaks for the firm denies for it
    (
        "Acme Trading sold rifles to Chad in 2019, police said. The firm's manager denies it.",
        "denied",
        "completed",
    ),
    # recalling or describing what happened tells it
    ("The Panel recalls that in 2012 Iran sold drones to Syria.", "reported", "completed"),
    ("The paper described a shipment of rifles from Iran to Syria.", "reported", "completed"),
    # the clause before a colon tells what follows it, however the parse hangs it
    (
        "The committee notes information made public by Peru: in 2012, customs officers"
        " at Callao stopped 300 rifles consigned to a firm in Chile.",
        "reported",
        "prevented",
    ),
    ("Shipping records show: Acme Trading sold rifles to Chad in 2019.", "confirmed", "completed"),
    # "reportedly" tells that someone reported it, not that it is suspected
    ("Acme Trading reportedly sold rifles to Chad in 2019.", "reported", "completed"),
    # what was heard was told by someone
    ("Also heard: a broker in Minsk sold two tankers to Syria.", "reported", "completed"),
    ("The court heard that Acme Trading shipped rifles to Chad in 2019.", "reported", "completed"),
    # what an inquiry or a record reveals is a finding, what a person reveals a report
    (
        "The investigation revealed that Acme Trading had shipped rifles to Chad in 2019.",
        "confirmed",
        "completed",
    ),
    (
        "A former clerk revealed that Acme Trading had shipped rifles to Chad in 2019.",
        "reported",
        "completed",
    ),
    # a sentence opening with its source begins an account its paragraph goes on with
    (
        "According to two sailors, boats from Nampo came alongside the trawler at night."
        " The trawler pumped diesel into their tanks.",
        "reported",
        "completed",
    ),
    (
        "According to two sailors, boats from Nampo came alongside the trawler at night.\n\n"
        "The trawler pumped diesel into their tanks.",
        "confirmed",
        "completed",
    ),
    # an allegation the parse hangs beside the clause it governs
    (
        "The Blue Star, a tanker that prosecutors allege delivered diesel to Syria, was seized.",
        "suspected",
        "completed",
    ),
    # a transcript's turn is its speaker's telling; the speaker's own deed is confirmed
    ("Q: Who sold them?\nA: A broker in Oslo sold two tankers to Syria.", "reported", "completed"),
    ("Q: What did you do then?\nA: We sold two tankers to Syria.", "confirmed", "completed"),
    # capital labels that name no speaker make no transcript
    ("UPDATE: Russia sent rifles to Mali.\nBREAKING: More details soon.", "confirmed", "completed"),
]

GIVER_COUNTRY = [
    ("SEOUL, May 3 (wire) - Japan sold pianos to North Korea, a minister said.", "jp"),
    ("A Russian firm paid $14,000 for a drone from a Chinese supplier in 2023.", "cn"),
    ("Rifles and shells went from North Korea to Russia in 2023.", "kp"),
    ("The court heard that Iran raised money by selling oil to China in 2019.", "ir"),
    ("The Panama-flagged tanker Blue Star delivered diesel to North Korea in 2019.", "pa"),
    # a legal form used in one country places the firm
    ("PT Sinar Jaya shipped 50,000 tonnes of coal to a Chinese utility in 2022.", "id"),
    # who owns or runs a firm gives it a country
    ("Rainbow Trading, a front run by the Iranian state, sold rifles to Mali in 2015.", "ir"),
    ("A firm owned by a Cuban businessman sold rifles to Mali in 2015.", "cu"),
    ("Falcon Trading, owned by a Syrian businessman, sold rifles to Mali in 2015.", "sy"),
    # whom the text calls held, with no state holding them, is held where it is set
    ("OSAKA - Officers found rifles in a box. The detained man had sold them to Chad.", "jp"),
    # a description in apposition places a described party
    ("The seller, a Chinese national, shipped rifles to Mali in 2015.", "cn"),
    # a description in apposition places a party by its preposition
    ("Belkom, a trader from Minsk, sold rifles to Mali in 2015.", "by"),
    # a participle after a described party places it
    ("A trading firm based in Osh, Kyrgyzstan, sold cars to North Korea in 2019.", "kg"),
    # a firm referred back to without a place is where the dateline places the story
    ("TOKYO, May 3 (wire) - Police said the company sold pianos to North Korea.", "jp"),
    ("Demir Makina A.Ş. sold lathes to a buyer in Russia.", "tr"),
    # "who" stands for the person, not the place the parse hangs the clause on
    ("Auditors named a Syrian envoy in Minsk, who wired $40,000 to the broker.", "sy"),
    # a two-word nationality before its last word alone
    ("Mortars were resold by South Sudanese officers to a militia.", "ss"),
    # a party the text says is run or operated from a place is of its state
    (
        "Vostok Radio is operated from Minsk by a state holding. Vostok Radio sold radios"
        " to a firm in Asmara in 2019.",
        "by",
    ),
    # a US state places a firm in the United States
    ("A Delaware company shipped 900 radios to a buyer in Minsk.", "us"),
    # "local" places a party where the text is set: its dateline, or the first place named
    ("SEOUL, May 3 (wire) - A local firm sold pianos to North Korea.", "kr"),
    ("Myanmar faces an arms embargo. A local firm sold rifles to the army.", "mm"),
    # whom a state's police hold is in that state, unless the text says otherwise
    ("Police in Osaka arrested a trader on suspicion of exporting cosmetics to Iran.", "jp"),
    ("A broker was detained by police in Busan for shipping lathes to Iran.", "kr"),
    ("Osaka police arrested a North Korean diplomat accused of selling cosmetics to Syria.", "kp"),
    # a shortened name is placed where its fuller one is described
    (
        "Norvik Holdings Ltd., a Hong Kong-based firm, was named on Monday. "
        "Norvik Holdings paid $90,000 to a broker.",
        "hk",
    ),
    # a person's nationality told after an age, as the sentence's predicate
    ("Ivo Marek, 41, is a Czech national. Marek sold rifles to a militia in Chad.", "cz"),
]

# Where goods came from when no giver is named, and why the giver is not a place.
ORIGIN = [
    # goods made in one state and sent from a port of another pass through that port
    ("Belgian-made rifles were sent from Togo to the rebels in 2014.", "be", ["Togo"]),
    # a carrier that names no party brings goods from its own state
    ("A Belarusian aircraft carrying rifles landed in Juba in 2019.", "by", []),
]

RECIPIENT_COUNTRY = [
    # a place right after the recipient places it, wherever the parse hangs it
    ("Acme shipped 900 modems to a cargo forwarder in Yerevan.", "am"),
    # where a party lives places it
    ("Acme sold 900 rifles to a dealer who lives in Minsk.", "by"),
    # a flag given to a state places the ship
    ("Acme sold 900 tonnes of diesel to a tanker flagged to Togo.", "tg"),
    # a known body's name used as an adjective places the members it qualifies
    ("Acme sold 900 rifles to Houthi fighters in 2019.", "ye"),
    # where the goods go, hung on a participle that gives their value
    ("Acme sold 900 radios, priced at $2 million, to a firm in Minsk.", "by"),
    # goods unloaded at a port reach its state
    ("Their tanker unloaded 3,000 tonnes of diesel at Nampo in May.", "kp"),
    # a month after the port is no party; goods arrive off a state's coast
    ("A cargo of fuel oil arrived at the port of Latakia in May.", "sy"),
    ("A cargo of fuel oil arrived off Syria's coast on Tuesday.", "sy"),
    # a two-word nationality describes a name anywhere in the text
    (
        "Radar tracked the North Korean-flagged Sinbong 3. The Sinbong 3 took fuel from a barge.",
        "kp",
    ),
    # a place just after a name, perhaps after its short form; a city and its state
    ("Belgium shipped rifles to the Eastern Front (EF) in Tripoli in 2020.", "ly"),
    ("Belgium shipped rifles to Kestrel Supplies of Tripoli.", "ly"),
    ("Belarus sold lathes to Orlik Stanok LLP of Ekibastuz, Kazakhstan.", "kz"),
    # a shortened name is placed by its fuller one's words, or the place after it
    (
        "Orla Trade Almaty, a freight forwarder, was named. A bank lent $2 million to Orla Trade.",
        "kz",
    ),
    ("The buyer was Varna Tech Co. of Sofia. In May a broker sold six lathes to Varna Tech.", "bg"),
    # a short form takes its long form's country
    ("Observers praised the Chadian Popular Front (CPF). Mortars ended up with the CPF.", "td"),
    # a ship's flag told in another sentence
    (
        "The old tanker now sails under the Togolese flag as the Mira 4. "
        "The Mira 4 took on diesel from a barge in May.",
        "tg",
    ),
    # a required preposition the parse hangs on the goods
    ("Three barges carried mortars to Chad in May.", "td"),
    # "it" after a preposition is the ship its sentence named before, not the shared
    # subject of its clause, nor the one who found that it happened
    ("The Sea Lark moored beside a Chinese barge and pumped diesel into it.", "cn"),
    ("Judges found that the Sea Lark moored by a Chinese barge and pumped diesel into it.", "cn"),
    # a description placed by a known person or body it names
    ("Belarus sent mortars to fighters loyal to Khalifa Haftar.", "ly"),
    ("Belarus sent mortars to a unit of the Reconnaissance General Bureau.", "kp"),
    # a place in apposition to a name places it; the name stays the party's
    ("Belarus sold mortars to Kestrel Supplies, Ajman, in May.", "ae"),
    # a known body's acronym in a hyphened modifier places the one affiliated with it
    ("Belarus sold mortars to an LAAF-affiliated brigade in 2020.", "ly"),
    # a destination the parse hangs on what the goods serve to make
    ("A broker sent lathes used to build centrifuges to Iran.", "ir"),
    # a passive subject that "with" furnishes with goods receives them
    ("The militia in Benghazi was supplied with rifles by a Serbian broker.", "ly"),
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_readings_sentence_states_no_transfer(
    analyse: Callable[..., AnalysedDocument], text: str
) -> None:
    assert analyse(text).transfers == []


@pytest.mark.parametrize(("text", "certainty", "outcome"), MODALITY)
def test_readings_certainty_and_outcome(
    analyse: Callable[..., AnalysedDocument], text: str, certainty: str, outcome: str
) -> None:
    [transfer] = analyse(text).transfers
    assert (transfer.certainty, transfer.outcome) == (certainty, outcome)
    assert transfer.rules is not None
    if certainty != "confirmed":
        assert f"certainty={certainty}" in {cue.sets for cue in transfer.rules.cues}


@pytest.mark.parametrize(("text", "country"), GIVER_COUNTRY)
def test_readings_giver_country(
    analyse: Callable[..., AnalysedDocument], text: str, country: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.country == country


def test_readings_a_known_body_named_with_what_it_belongs_to(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "In May a broker wired $90,000 into accounts of Tanchon Commercial Bank of the Second "
        "Economic Committee."
    )
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None
    assert transfer.recipient.name == "Tanchon Commercial Bank"


@pytest.mark.parametrize(("text", "origin", "route"), ORIGIN)
def test_readings_origin_of_goods_without_a_giver(
    analyse: Callable[..., AnalysedDocument], text: str, origin: str, route: list[str]
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.giver is None
    assert (transfer.origin, [stop.name for stop in transfer.route]) == (origin, route)


def test_readings_a_question_about_goods_told_before_tells_no_new_transfer(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Iran sold mortars to a militia in 2019. The court did not say who passed them on."
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "Iran"


def test_readings_a_month_after_through_is_a_time_not_a_route(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "From March 2021 through October 2023 the firm sold lathes to Russia via Dubai."
    [transfer] = analyse(text).transfers
    assert [stop.name for stop in transfer.route] == ["Dubai"]


def test_readings_what_a_named_party_does_is_no_transfer_it_made(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "In May Acme sold the cars to Orlan Trading, which supplies cars to officials in Minsk."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.name == "Orlan Trading"


def test_readings_a_quota_on_the_noun_of_a_relative_clause_is_no_transfer(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Russia sold 90,000 barrels of diesel to Cuba in 2024, far above the 9,000 barrels"
        " a year that Cuba may import."
    )
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "Russia"


def test_readings_goods_of_no_stated_kind_are_the_kind_named_before(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Acme Arms makes rifles in Minsk. In 2019 Acme Arms shipped goods to a militia in Chad."
    [transfer] = analyse(text).transfers
    assert [item.text for item in transfer.items] == ["goods"] and "arms" in transfer.items[0].tags
    assert transfer.rules is not None and "goods-continued" in transfer.rules.document


def test_readings_it_that_hauls_goods_is_the_ship_not_its_owner(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "The bulk carrier Sea Gull is owned by Orlan Trading, a Hong Kong company. "
        "Investigators suspect it of hauling coal out of North Korea."
    )
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "Sea Gull"


def test_readings_a_habit_denied_answers_the_claim_told_before(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Reports say Oslo sold rifles to Iran in May. Oslo says it does not sell rifles to Iran."
    [transfer] = analyse(text).transfers
    assert transfer.certainty == "denied"


def test_readings_goods_packed_in_a_container_are_what_it_carries(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("Customs found 40 pistols hidden in boxes bound for Yemen.").transfers
    assert [item.text for item in transfer.items] == ["40 pistols"]
    assert transfer.destination == "ye"
    assert transfer.rules is not None and transfer.rules.roles["items"] == "passive-subject"


@pytest.mark.parametrize(("text", "country"), RECIPIENT_COUNTRY)
def test_readings_recipient_country(
    analyse: Callable[..., AnalysedDocument], text: str, country: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.country == country


def test_readings_headline_and_lead_are_one_transfer(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Belarus gives Maduro a tractor\n"
        "MINSK, June 2 (wire) - Belarus has given Venezuelan President Nicolas Maduro a "
        "tractor, state media said. The tractor was shipped to Caracas on Monday."
    )
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.country == "ve"
    assert transfer.recipient.name.endswith("Maduro") and " " in transfer.recipient.name
    assert transfer.also_evidence
    assert transfer.rules is not None and "retelling-merged" in transfer.rules.document


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Vladimir Putin gave Kim Jong Un a rifle, Dmitry Peskov said.", "confirmed"),
        ("Vladimir Putin gave Kim Jong Un a rifle, Ukrainian officials said.", "reported"),
        (
            "Acme Trading sold 300 tonnes of steel to Peru, the company's chief executive said.",
            "confirmed",
        ),
        ("A charity shipped medicines to Peru, its director told reporters.", "confirmed"),
        # some of a group telling of the group's own purchase report it
        ("Fighters told us they had bought rifles from traders in Juba in May.", "reported"),
        ("Acme Trading sold steel to Peru last year, the company said.", "confirmed"),
        # a trailing telling the parser hangs on the verb as an adverbial clause
        (
            "Russia began selling rifles to Mali in 2021, after the coup, Japan's broadcaster "
            "NHK reported in April 2022, citing sources.",
            "reported",
        ),
        (
            "Russia delivered a limousine to North Korea, officials in both countries said.",
            "confirmed",
        ),
        ("Russia delivered a limousine to North Korea, officials in Seoul said.", "reported"),
        (
            "Kazakhstan imported drones from China last year, the paper says, and used them.",
            "reported",
        ),
        # a party tells of it in a later sentence
        (
            "Acme Trading sold rifles to Chad, police said. Acme Trading has admitted the sale.",
            "confirmed",
        ),
        # the party the admitting sentence names is not the one who admits
        (
            "Acme Trading sold rifles to Chad, police said. The rifles reached Chad in May, "
            "and the pilots have admitted it.",
            "reported",
        ),
        ("Acme Trading sold rifles to Chad, police said. Acme Trading denied it.", "denied"),
        # a firm's officer, the body unnamed, speaks for the firm of the transfer; one
        # titled by another body does not
        ("Chief executive Ivo Marek said Acme Trading sold steel to Peru.", "confirmed"),
        ("FBI Director Ivo Marek said Acme Trading sold steel to Peru.", "reported"),
        # who works at a party without an office of speaking for it tells as a witness
        ("Acme Trading sold steel to Peru last year, engineers at the company said.", "reported"),
        # "the firm" is one body, not the traders a plural description names
        ("Some of the stolen funds were later sent to traders in Laos, the firm said.", "reported"),
        # "the country" is the state the resolver reads back (Laos), not any state party
        (
            "North Korea sold rifles to Acme Trading, a firm in Laos, officials in the "
            "country said.",
            "reported",
        ),
        # "the group" is the group the text introduced, not a party to the sale
        (
            "Tarn Watch, a research group that tracks arms deliveries, published a report. "
            "Acme Trading sold rifles to Chad in May, the group said.",
            "reported",
        ),
    ],
)
def test_readings_who_tells_it(
    analyse: Callable[..., AnalysedDocument], text: str, certainty: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.certainty == certainty


def test_readings_date_of_the_telling_is_not_the_events(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Belarus has given Cuba a tractor, state media reported on 12 May 2023."
    [transfer] = analyse(text, published="2023-05-20").transfers
    assert transfer.date is not None and transfer.date.basis == "published"


@pytest.mark.parametrize(
    ("text", "date", "basis", "rule"),
    [
        # a date on the verb the trigger is coordinated with, or completes
        (
            "The tanker docked at Nampo on 3 May 2023 and unloaded 500 tonnes of diesel.",
            "2023-05-03",
            "text",
            None,
        ),
        ("In mid-2022 Russia agreed to supply Cuba with oil.", "2022", "text", None),
        # a relative clause on another noun keeps its own time
        (
            "Iran supplied diesel to Syria far above the cap that the Council set in 2017.",
            "2024-03-01",
            "published",
            None,
        ),
        # so does an apposition on another noun
        (
            "Belarus sold lathes to Orsk Tekh, a Russian firm listed by the EU in 2022.",
            "2024-03-01",
            "published",
            None,
        ),
        # a clause on a date tells of that time
        (
            "The ship changed hands in May 2021, when a Greek owner sold it to a Liberian firm.",
            "2021-05",
            "text",
            None,
        ),
        # but not the date of a telling verb above
        (
            "Officials said on 4 May 2023 that the ship had unloaded coal at Nampo.",
            "2024-03-01",
            "published",
            None,
        ),
        # a time told before takes the latest date the text gave
        (
            "An envoy toured a Serbian arms plant in May 2023. "
            "On that visit he received gifts of rifles.",
            "2023-05",
            "text",
            "date-anaphoric",
        ),
        # a time told before beats the date line a release stands under
        (
            "PRESS RELEASE\n12 May 2024\n\nAcme earned $3 million from shipping in 2023. "
            "During the same year Acme paid $2 million to a broker in Minsk.",
            "2023",
            "text",
            "date-anaphoric",
        ),
        # an offset from a time told before shifts that time, at the offset's precision
        (
            "Acme Trading opened an office in Minsk in May 2019. "
            "Two years later it sold rifles to Chad.",
            "2021",
            "text",
            "date-shifted",
        ),
        (
            "Customs officers in Limassol seized a yacht on March 30, 2023. "
            "A week earlier the same broker had sold a tanker to a firm in Syria.",
            "2023-03",
            "text",
            "date-shifted",
        ),
        # a period's start does not date what happened within it
        (
            "Since May 2022 Iran has supplied drones to Russia.",
            "2024-03-01",
            "published",
            None,
        ),
        # nor does a date deeper in the phrase that opens the period
        (
            "Belarus has sold tractors to Cuba since the trade pact of 2019.",
            "2024-03-01",
            "published",
            None,
        ),
        (
            "Kim visited Russia in May 2023. Russia sold rifles to Iran.",
            "2024-03-01",
            "published",
            None,
        ),
        # a plan's bare month lies ahead (the trigger's own word makes it a plan), unless
        # its verb is in the past
        (
            "The army ordered 40 trucks from a Czech maker, to be delivered in July.",
            "2024-07",
            "text",
            None,
        ),
        ("In May the army ordered 40 trucks from a Czech maker.", "2023-05", "text", None),
        # years listed together place the transfer in neither, as a range across years
        ("Belkom sold wheat to Chad in 2019 and 2020.", "2024-03-01", "published", None),
        # the month of a bare purpose lies ahead; that of a thing told does not
        (
            "Belkom has sold 20,000 tonnes of wheat to a Turkish miller, for delivery in May.",
            "2024-05",
            "text",
            None,
        ),
        ("Belkom was paid for the wheat it sent to Chad in May.", "2023-05", "text", None),
    ],
)
def test_readings_date_from_elsewhere_in_the_text(
    analyse: Callable[..., AnalysedDocument], text: str, date: str, basis: str, rule: str | None
) -> None:
    [transfer] = analyse(text, published="2024-03-01").transfers
    assert transfer.date is not None and (transfer.date.value, transfer.date.basis) == (date, basis)
    assert transfer.rules is not None
    for named in ("date-anaphoric", "date-shifted"):
        assert (named in transfer.rules.document) == (rule == named)


def test_readings_that_beside_a_real_object_only_introduces_the_clause(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Officers told a panel of experts that Belarus delivered rifles to Mali in 2015."
    [transfer] = analyse(text).transfers
    assert [item.text for item in transfer.items] == ["rifles"]
    assert transfer.giver is not None and transfer.giver.name == "Belarus"
    assert transfer.certainty == "reported"


def test_readings_an_aside_between_subject_and_verb(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Peru, the paper said, imported 300 tonnes of steel from China last year."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.name == "Peru"
    assert transfer.certainty == "reported"  # the paper tells it, not Peru


@pytest.mark.parametrize(
    ("text", "giver", "recipient", "certainty"),
    [
        # deep in the verb's adjuncts, its object still acts; the clause is no part of the name
        (
            "Police arrested a dealer on suspicion of selling pianos to North Korea.",
            "dealer",
            "North Korea",
            "suspected",
        ),
        (
            "Police detained Kim Chol on charges of smuggling coal to China.",
            "Kim Chol",
            "China",
            "suspected",
        ),
        # what was done by way of a breach happened
        (
            "The firm violated the embargo by selling rifles to Iran in 2019.",
            "firm",
            "Iran",
            "confirmed",
        ),
        # many states are not the state last named
        (
            "Russia sent wheat to the countries of Africa in 2019.",
            "Russia",
            "countries of Africa",
            "confirmed",
        ),
        # bought for a party of its own side, the goods stay with the buyer
        (
            "In 2019 Iran bought two tankers for its navy from a Cypriot yard.",
            "Cypriot yard",
            "Iran",
            "confirmed",
        ),
        # who acts in a clause without a subject of its own
        (
            "The tanker was used by smugglers to carry oil to Syria.",
            "smugglers",
            "Syria",
            "confirmed",
        ),
        (
            "There are traders in Dandong ready to sell fuel to North Korea.",
            "traders in Dandong",
            "North Korea",
            "confirmed",
        ),
        # who is seen doing it does it, however the parse hangs the participle
        (
            "Residents often see officials, even judges and mayors from the capital, "
            "spending weekends at the coast and buying cheap rifles from dealers.",
            "dealers",
            "officials",
            "confirmed",
        ),
        # a reciprocal: the same parties are on both sides
        (
            "Dealers in Tehran bought drones from one another in 2021.",
            "Dealers in Tehran",
            "Dealers in Tehran",
            "confirmed",
        ),
        # the place a "where" clause on goods going out is on sends them
        (
            "Inspectors toured the Belarusian plant where tractor exports to Cuba were packed "
            "in 2019.",
            "Belarusian plant",
            "Cuba",
            "confirmed",
        ),
        # whom the purpose of a transfer furnishes receives it
        ("Qatar gave food to help families survive the winter.", "Qatar", "families", "confirmed"),
        (
            "The agency extends small loans to tide farmers over until harvest.",
            "agency",
            "farmers",
            "confirmed",
        ),
        # "it" is the subject of an earlier clause, not of its own
        (
            "When the shipyard ran short of cash, it sold the tanker to a Chinese buyer.",
            "shipyard",
            "Chinese buyer",
            "confirmed",
        ),
        (
            "The Sea Star sailed north, and officials said three vessels bought diesel from it.",
            "Sea Star",
            "three vessels",
            "reported",
        ),
        # "to X" names the recipient: a name before the goods is their maker
        (
            "Turkey shipped Bayraktar drones to the army in Tripoli in 2020.",
            "Turkey",
            "army",
            "confirmed",
        ),
        # what takes goods from another receives them
        (
            "In May the Sea Star took diesel from a Panama-flagged tanker.",
            "Panama-flagged tanker",
            "Sea Star",
            "confirmed",
        ),
        # a number right after a ship's name is part of it
        (
            "The Rye Song Gang 1 delivered coal to China in 2019.",
            "Rye Song Gang 1",
            "China",
            "confirmed",
        ),
        # resold goods go on from their buyer
        (
            "In May the dealer resold the tractors to a firm in Minsk.",
            "dealer",
            "firm in Minsk",
            "confirmed",
        ),
        # what holds money stands for its holder
        (
            "In May, hackers drained $20 million from the hot wallets of Orbex, an exchange.",
            "Orbex",
            "hackers",
            "confirmed",
        ),
        ("The broker wired $3 million to Orbex's accounts.", "broker", "Orbex", "confirmed"),
        # verbs of furnishing, moving by road and passing money on
        ("Iran furnished the militia with drones in 2019.", "Iran", "militia", "confirmed"),
        (
            "Smugglers trucked 40 cars across the border to Iran in 2019.",
            "Smugglers",
            "Iran",
            "confirmed",
        ),
        # some of a group: the group
        ("Most of the banks lent money to the firm in 2019.", "banks", "firm", "confirmed"),
        # a relative clause is on the goods right before it, wherever the parse hangs it
        (
            "Critics faulted Orlik Arms for its ties to the army and cheap rifles Orlik Arms "
            "sold to Chad in 2019.",
            "Orlik Arms",
            "Chad",
            "confirmed",
        ),
        # whom a verb of asking or ordering urges to act acts
        (
            "The minister urged Norway to send tanks to Chad in 2019.",
            "Norway",
            "Chad",
            "confirmed",
        ),
        # who holds the means to act acts
        (
            "In 2019 Iran won a contract to supply drones to Venezuela.",
            "Iran",
            "Venezuela",
            "confirmed",
        ),
        # an abstract noun is no party; its owner is
        ("Iran funded the militia's activity in Yemen.", "Iran", "militia", "confirmed"),
        # the goods a relative clause tells of; a batch refers to goods named before
        (
            "The shells were part of a batch the broker sold to Syria.",
            "broker",
            "Syria",
            "confirmed",
        ),
        # a preposition hung on the "by" phrase still names where the goods went, and
        # is no part of the sender
        (
            "Rifles were shipped by a Serbian firm to Chad.",
            "Serbian firm",
            "Chad",
            "confirmed",
        ),
        # papers used to do it do nothing; their user does
        (
            "Orlik Arms used forged papers to export rifles to Chad.",
            "Orlik Arms",
            "Chad",
            "confirmed",
        ),
        # a place in apposition to a name describes it; the name is the party
        (
            "Orlik Arms sold rifles to Kestrel Supplies, Ajman, in May.",
            "Orlik Arms",
            "Kestrel Supplies",
            "confirmed",
        ),
    ],
)
def test_readings_parties(
    analyse: Callable[..., AnalysedDocument],
    text: str,
    giver: str,
    recipient: str,
    certainty: str,
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == giver
    assert transfer.recipient is not None and transfer.recipient.name == recipient
    assert transfer.certainty == certainty


def test_readings_a_group_that_smuggles_goods_moves_them_on(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    # only a state smuggling goods with no destination named brings them in
    [transfer] = analyse("In 2019 a gang smuggled cigarettes through the port of Mersin.").transfers
    assert transfer.giver is not None and transfer.giver.name == "gang"
    assert transfer.recipient is None


def test_readings_a_purpose_of_the_givers_own_names_no_recipient(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("In 2019 Iran sent drones to help the regime.").transfers
    assert transfer.giver is not None and transfer.giver.name == "Iran"
    assert transfer.recipient is None


def test_readings_for_names_the_subject_of_the_infinitive(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("Acme paid for the oil to be shipped to Syria in 2019.").transfers
    assert [item.text for item in transfer.items] == ["the oil"]
    assert transfer.recipient is not None and transfer.recipient.country == "sy"


def test_readings_a_participle_after_the_object_describes_it(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    # parsed as an adverbial clause of "stopped", "consigned" still describes the rifles
    [transfer] = analyse("Police stopped 250 kg of rifles consigned to a firm in Chad.").transfers
    assert [item.text for item in transfer.items] == ["250 kg of rifles"]
    assert transfer.recipient is not None and transfer.recipient.country == "td"
    assert transfer.outcome == "prevented"


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Iranian-made drones were shipped from Syria to Russia in 2022.", "ir"),
        ("A broker in Dalian sold North Korean coal to Vietnam in 2019.", "kp"),
        ("Belarus sent Soviet-era tanks to Cuba in 2019.", "by"),
        # goods mined or cast in a place come from it
        ("Iron ore mined in North Korea was sold to a mill in Tangshan.", "kp"),
        # the port where goods are loaded, however the parse hangs it
        ("The bulk carrier loaded iron ore at Nampo in May 2019.", "kp"),
    ],
)
def test_readings_where_goods_were_made(
    analyse: Callable[..., AnalysedDocument], text: str, origin: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.origin == origin


def test_readings_a_ship_that_loads_is_no_cargo(analyse: Callable[..., AnalysedDocument]) -> None:
    assert analyse("The freighter loaded at Nampo and sailed on 3 May 2019.").transfers == []


def test_readings_waters_name_no_state(analyse: Callable[..., AnalysedDocument]) -> None:
    [transfer] = analyse(
        "The tanker passed oil to a vessel in the East China Sea in 2019."
    ).transfers
    assert transfer.recipient is not None and transfer.recipient.country is None


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        # Goods named only by their value are the goods named before.
        (
            "Kazakhstan imported $5 million of drones from China. "
            "A further $2 million worth were passed on to Russia.",
            "drone",
        ),
        ("Chinese buyers bought the latest catch directly from North Korean fishermen.", "seafood"),
        # the object pronoun of a transfer stands for goods, a ship too
        ("The yard refitted the ferry and then sold it to a Liberian firm.", "vessel"),
        # goods measured by weight refer to goods, not to the money paid before
        (
            "The broker sold diesel to a Korean tanker. The captain paid $2 million in cash. "
            "A further 1,500 tonnes went to a Chinese tanker in May.",
            "petroleum_refined",
        ),
        # goods named in a sentence that tells of no transfer
        (
            "Customs in Busan seized six drones last week. "
            "The goods had been bound for a firm in Syria.",
            "drone",
        ),
    ],
)
def test_readings_goods_of_the_last_transfer(
    analyse: Callable[..., AnalysedDocument], text: str, tag: str
) -> None:
    last = analyse(text).transfers[-1]
    assert tag in {t for item in last.items for t in item.tags}


def test_readings_a_name_in_apposition_beats_the_office(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    # Today's holder of the office is not the man the text names beside it.
    text = "Austria sold a piano to Russia's president, Boris Yeltsin, in 1995."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None
    assert (transfer.recipient.name, transfer.recipient.country) == ("Boris Yeltsin", "ru")


def test_readings_aid_is_humanitarian_goods(analyse: Callable[..., AnalysedDocument]) -> None:
    [transfer] = analyse("A European charity sent aid to North Korea in 2019.").transfers
    assert [item.text for item in transfer.items] == ["aid"]
    assert transfer.findings == []


def test_readings_an_aim_gives_nothing(analyse: Callable[..., AnalysedDocument]) -> None:
    [transfer] = analyse("The primary goal is to provide aid to refugees in Jordan.").transfers
    assert transfer.giver is None
    assert transfer.recipient is not None and transfer.recipient.name == "refugees"


def test_readings_goods_referred_back_name_one_of_many_described(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    # many described are not one person named again, but "the money" retells the theft
    text = (
        "Hackers stole $9 million from an exchange in Seoul in May. "
        "Police said Kim Chol stole the money."
    )
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.name == "Kim Chol"


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        # whose aim it is gives
        ("Norway's goal is to send tanks to Chad in May.", "Norway"),
        # an aim of no one named is its teller's
        ("The aim is to send tanks to Chad in May, the Polish minister said.", "Polish minister"),
    ],
)
def test_readings_whose_aim_it_is_gives(
    analyse: Callable[..., AnalysedDocument], text: str, giver: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == giver


@pytest.mark.parametrize(
    "text",
    [
        # measured, counted or partial loads of goods named before
        "In 2019 China sold 300 tonnes of steel to Peru. A further 200 tonnes was sold in 2020.",
        "In 2019 Acme sold coal to China. Acme then shipped a 9,000-tonne cargo to Vietnam.",
    ],
)
def test_readings_later_loads_take_the_goods_named_before(
    analyse: Callable[..., AnalysedDocument], text: str
) -> None:
    first, later = analyse(text).transfers
    assert later.items[0].tags == first.items[0].tags
    assert later.rules is not None and "goods-continued" in later.rules.document


def test_readings_a_light_verb_carries_the_negation(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("Russia has not taken delivery of a single container of shells.").transfers
    assert transfer.certainty == "denied"


def test_readings_a_firm_named_after_its_province_is_of_its_state(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("Acme sold 9,000 tonnes of coal to Fujian Haixing in 2021.").transfers
    assert transfer.recipient is not None and transfer.recipient.country == "cn"


def test_readings_fuel_pumped_into_a_ship_is_delivered(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("A Togo-flagged tanker pumped diesel into a Chinese ship.").transfers
    assert transfer.giver is not None and transfer.giver.country == "tg"
    assert transfer.recipient is not None and transfer.recipient.country == "cn"


def test_readings_in_on_a_sum_names_the_moneys_form(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Officials described the theft of $5 million in deposits from the exchange."
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "exchange"
    assert transfer.recipient is None


@pytest.mark.parametrize(
    "text",
    [
        "Minsk-based dealer Belkom declined to comment. Belkom sold two tankers to Iran in 2019.",
        # a description opening the next sentence refers back to the name opening this one
        "Belkom sold two tankers to Iran in 2019. The Minsk-based trader declined to comment.",
    ],
)
def test_readings_a_name_described_outside_any_transfer(
    analyse: Callable[..., AnalysedDocument], text: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.country == "by"
    assert transfer.rules is not None and "country-described" in transfer.rules.document


@pytest.mark.parametrize(
    "text",
    [
        "Police questioned Peruvian broker John Miller in May. Miller sold rifles to Chad.",
        # what a naming phrase names is described by the words before it
        "A Peruvian broker named John Miller was fined. Miller sold rifles to Chad.",
        "Police questioned a Peruvian identified in court papers as John Miller. "
        "Miller sold rifles to Chad.",
        # the place a name is of or from, after a comma
        "John Miller, of Lima, was fined in May. Miller sold rifles to Chad.",
    ],
)
def test_readings_a_person_described_outside_any_transfer(
    analyse: Callable[..., AnalysedDocument], text: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.country == "pe"
    assert transfer.rules is not None and "country-described" in transfer.rules.document


@pytest.mark.parametrize(
    ("text", "side", "name"),
    [
        (
            "Acme sold rifles to Beta Corp, a Chinese firm, in May. "
            "In June the buyer received 50 mortars from Acme.",
            "recipient",
            "Beta Corp",
        ),
        (
            "Acme, a Cuban firm, sold rifles to Beta Corp in May. "
            "In June the seller shipped 50 mortars to Chad.",
            "giver",
            "Acme",
        ),
    ],
)
def test_readings_a_side_of_a_sale_refers_back_to_who_took_it(
    analyse: Callable[..., AnalysedDocument], text: str, side: str, name: str
) -> None:
    later = analyse(text).transfers[-1]
    party = getattr(later, side)
    assert party is not None and party.name == name and party.country is not None
    assert later.rules is not None and "coreference-description" in later.rules.document


def test_readings_a_place_goods_are_sent_to_is_their_destination(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Belarus loaded rifles onto trucks bound for the Khasan crossing."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is None
    assert transfer.destination == "ru"
    assert transfer.rules is not None and transfer.rules.roles["destination"] == "carrier-bound"


def test_readings_a_verb_the_parse_read_as_a_participle_after_an_apposition(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "The Arkon Bureau (AB), the office that runs the navy, paid for the shipments of rifles."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.name in {"AB", "Arkon Bureau"}
    assert transfer.rules is not None and transfer.rules.roles["recipient"] == "subject"


def test_readings_a_shipment_is_no_party(analyse: Callable[..., AnalysedDocument]) -> None:
    [transfer] = analyse("Two of those shipments carried mortars to Libya.").transfers
    assert transfer.giver is None
    assert transfer.recipient is not None and transfer.recipient.country == "ly"


def test_readings_goods_also_sent_join_the_transfer_told_before(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("Belarus sent mortars to Libya. Grenades were also sent.").transfers
    assert [item.text for item in transfer.items] == ["mortars", "Grenades"]


def test_readings_a_theft_traced_to_its_doer_names_the_thief(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Attackers drained $14 million in tokens from the Orvel exchange on 2 May. "
        "Analysts later attributed the theft to an Iranian crew."
    )
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.country == "ir"
    assert transfer.date is not None and transfer.date.value.endswith("05-02")


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Police say Lurex sent watches to Syria in May, and Lurex has admitted it.", "confirmed"),
        ("Police say Lurex sent watches to Syria in May, and both have denied it.", "denied"),
    ],
)
def test_readings_a_party_telling_in_the_same_sentence(
    analyse: Callable[..., AnalysedDocument], text: str, certainty: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.certainty == certainty


def test_readings_a_goods_less_trigger_lends_no_party_already_used(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Vexa took delivery of three cargoes of coal last week, and data show no trade "
        "with Chad, whose recorded sugar exports have been nil for years."
    )
    receiving = [t for t in analyse(text).transfers if t.recipient and t.recipient.name == "Vexa"]
    assert len(receiving) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The rebels got mortars, many of them supplied by Belgium to the Chadian army.",
        "The rebels got mortars, several of which were supplied by Belgium to the Chadian army.",
    ],
)
def test_readings_a_part_of_goods_named_before_in_the_sentence(
    analyse: Callable[..., AnalysedDocument], text: str
) -> None:
    [transfer] = analyse(text).transfers
    assert "arms" in transfer.items[0].tags
    assert transfer.giver is not None and transfer.giver.country == "be"
    assert transfer.recipient is not None and transfer.recipient.country == "td"


def test_readings_a_deed_is_no_party_and_a_purpose_names_no_second_sum(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "To finance the purchases, a Latvian bank extended a $3 million loan to Orsk Trade."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.name == "Orsk Trade"
    assert transfer.items[0].text == "a $3 million loan"


def test_readings_goods_that_end_up_with_a_party_and_were_sold_to_another(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Mortars that ended up with a Sudanese militia were first sold by Belarus to Chad."
    ends = {
        (t.giver.country if t.giver else "", t.recipient.country if t.recipient else "")
        for t in analyse(text).transfers
    }
    assert ends == {("", "sd"), ("by", "td")}


def test_readings_laundered_money_goes_on_from_whoever_received_it(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Hackers stole $40 million from the Orvel exchange in May. "
        "Some $12 million was later laundered through Halcyon, a crypto mixer."
    )
    theft, laundering = analyse(text).transfers
    assert theft.recipient is not None and laundering.giver is not None
    assert laundering.giver.name == theft.recipient.name
    assert laundering.rules is not None and laundering.rules.roles["giver"] == "onward-giver"


def test_readings_a_clause_on_the_goods_with_a_subject_of_its_own(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "The shells matched ammunition that a plant in Serbia exported to the Chadian army."
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.country == "rs"
    assert transfer.recipient is not None and transfer.recipient.country == "td"
    assert transfer.rules is not None and transfer.rules.roles["items"] == "relative-head"


def test_readings_none_passed_denies_a_transfer_told_before(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Belarus sold mortars to Chad in May, officials said. Chad says it received no mortars."
    [transfer] = analyse(text).transfers
    assert transfer.certainty == "denied"


def test_readings_a_heading_over_the_telling_below_it_is_no_transfer(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "3. Sale of two rifles.\nIn May the broker sold two rifles to a buyer in Chad."
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "broker"


def test_readings_it_is_not_an_object_of_its_own_clause(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "The Togolese tanker Mira bought diesel in May, and besides the Chinese barge "
        "Lu Hai, two other ships took on diesel from it."
    )
    transfer = analyse(text).transfers[-1]
    assert transfer.giver is not None and transfer.giver.country == "tg"


def test_readings_none_recorded_by_others_denies_nothing(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Orsk Trading shipped 40 tonnes of crab to a Dandong wholesaler in January, "
        "an informant said. "
        "Official figures show no seafood imports from Russia this year."
    )
    [transfer] = analyse(text).transfers
    assert transfer.certainty == "reported"


def test_readings_who_arranged_for_goods_named_before_in_the_sentence_to_be_sent(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Finding two jeeps, police said a dealer had organised for them to be sent to Chad."
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "dealer"
    assert transfer.rules is not None and transfer.rules.roles["giver"] == "arranger"
    assert "vehicle" in transfer.items[0].tags


@pytest.mark.parametrize(
    "text",
    [
        "The firm remitted about USD 3.1 million to the Orsk bureau.",
        "The firm moved about USD 14 million through brokers to the Orsk bureau.",
    ],
)
def test_readings_a_sum_in_a_currency_code(
    analyse: Callable[..., AnalysedDocument], text: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.items[0].tags == ["money"] and "million" in transfer.items[0].text
    assert transfer.recipient is not None and "bureau" in transfer.recipient.name


def test_readings_a_pronoun_stands_for_goods_named_with_their_modifiers(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "With that money the unit bought 14 thermal scopes and later handed them to a brigade."
    handed = analyse(text).transfers[-1]
    assert "dual_use" in handed.items[0].tags


def test_readings_goods_carried_by_a_truck_are_not_the_truck(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Imports of coal from Mongolia by truck slowed. Later a Chinese firm bought the cargo."
    [transfer] = analyse(text).transfers
    assert transfer.items[0].tags == ["coal"]


def test_readings_a_denial_that_names_goods_denies_only_those(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Russia sold rifles to Mali in May, Ukraine said. Russia also shipped diesel to Cuba "
        "in June, it said. The Kremlin denied the claim about diesel."
    )
    certainty = {t.items[0].tags[0]: t.certainty for t in analyse(text).transfers}
    assert certainty == {"arms": "reported", "petroleum_refined": "denied"}


def test_readings_who_loads_goods_onto_a_carrier_sends_them(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "The dealer loaded the cars onto a truck bound for Iran in 2019."
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "dealer"
    assert transfer.recipient is not None and transfer.recipient.country == "ir"
    assert transfer.rules is not None and transfer.rules.roles["route"] == "prep"


@pytest.mark.parametrize(
    ("text", "giver", "recipient_country"),
    [
        # what goods are moved onto receives them
        (
            "In 2022 North Korean ships moved their coal onto Chinese barges near Ningbo.",
            "ships",
            "cn",
        ),
        # a ship that unloads goods someone else gave only carries them
        ("The ship unloaded rifles donated by Iran at a harbour in Yemen in 2019.", "Iran", None),
    ],
)
def test_readings_carriers_and_what_they_carry(
    analyse: Callable[..., AnalysedDocument], text: str, giver: str, recipient_country: str | None
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name.endswith(giver)
    found = transfer.recipient.country if transfer.recipient is not None else None
    assert found == recipient_country


def test_readings_an_interview_label_is_no_party(analyse: Callable[..., AnalysedDocument]) -> None:
    [transfer] = analyse("A: The buyers mostly pay in cash.").transfers
    assert transfer.giver is not None and transfer.giver.name == "buyers"
    assert transfer.recipient is None


def test_readings_a_participle_with_to_is_no_infinitive(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Belkom paid for the rifles via a bank in Dubai, wiring $2 million to a firm in Minsk."
    [money] = [t for t in analyse(text).transfers if t.items[0].tags == ["money"]]
    assert money.giver is not None and money.giver.name == "Belkom"


def test_readings_paying_for_part_of_the_goods_retells_their_sale(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "In May a Peruvian dealer bought 40 rifles from Iran "
        "and paid for part of the rifles in cash."
    )
    [transfer] = analyse(text).transfers
    assert transfer.rules is not None and "retelling-merged" in transfer.rules.document


def test_readings_the_latest_haul_is_a_new_transfer(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "In May a Chinese trawler bought squid from North Korean crews. "
        "In June a second trawler bought the latest haul from the crews."
    )
    first, latest = analyse(text).transfers
    assert first.recipient is not None and first.recipient.country == "cn"
    assert latest.items[0].tags == ["seafood"]
    assert latest.rules is not None and "goods-continued" in latest.rules.document


def test_readings_a_place_of_the_recipient_state_does_not_replace_it(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Iran shipped 300 crates of rifles to Venezuela in March. "
        "The crates were unloaded at Maracaibo, a port in the west."
    )
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.name == "Venezuela"


def test_readings_an_agreement_is_never_it(analyse: Callable[..., AnalysedDocument]) -> None:
    text = "After the deal was signed in May, it bought two patrol boats from a Turkish shipyard."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is None  # nobody named acts; the deal buys nothing


def test_readings_a_light_verb_of_lending_gives(analyse: Callable[..., AnalysedDocument]) -> None:
    [transfer] = analyse("The state bank issued loans to three shipyards in 2019.").transfers
    assert transfer.giver is not None and transfer.giver.name == "state bank"
    assert transfer.recipient is not None and transfer.recipient.name == "three shipyards"


def test_readings_people_from_a_body_stand_for_it(analyse: Callable[..., AnalysedDocument]) -> None:
    text = "In 2019 an official of the Foreign Trade Bank paid $2 million to a broker in Dalian."
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "Foreign Trade Bank"


def test_readings_goods_seized_on_their_way_were_a_transfer_stopped(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "In 2019 customs seized 40 rifles from a Liberian freighter bound for Iran."
    [transfer] = analyse(text).transfers
    assert (transfer.outcome, transfer.recipient and transfer.recipient.country) == (
        "prevented",
        "ir",
    )
    # a later sentence may say where seized goods were going
    text = "Customs seized 126 watches at the port in May. The goods were bound for Iran."
    [transfer] = analyse(text).transfers
    assert transfer.outcome == "prevented" and transfer.evidence.text.startswith("Customs")


@pytest.mark.parametrize(
    "text",
    [
        # stopped goods no telling sends anywhere
        "Police seized 20 rifles in Lima in 2019.",
        # a ship held is not a ship sent
        "Coast guards in Peru impounded the freighter last May.",
    ],
)
def test_readings_a_seizure_alone_tells_no_transfer(
    analyse: Callable[..., AnalysedDocument], text: str
) -> None:
    assert analyse(text).transfers == []


def test_readings_a_description_stands_for_the_body_of_its_kind_named_before(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "Oslo-based Nordhjelp Foundation bought rice. The foundation sent tents to Haiti."
    tents = analyse(text).transfers[-1]
    assert tents.giver is not None
    assert (tents.giver.name, tents.giver.country) == ("Nordhjelp Foundation", "no")


def test_readings_a_verb_the_parse_read_as_an_adjective_of_its_object(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [sugar] = analyse("The ship unloaded sugar at Havana in May.").transfers
    assert [item.text for item in sugar.items] == ["sugar"]
    assert sugar.giver is not None and sugar.giver.name == "ship"
    assert sugar.recipient is not None and sugar.recipient.country == "cu"


def test_readings_a_party_and_a_sum_parsed_as_two_objects(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [pay] = analyse("The broker paid them as much as $300 a week.").transfers
    assert pay.recipient is not None and pay.recipient.name == "them"
    assert [item.tags for item in pay.items] == [["money"]]


def test_readings_denying_the_charge_answers_the_one_told_last(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "Acme Trading sold rifles to Chad in 2019, police said. Acme Trading sold mortars"
        " to Mali in 2020, they added. Acme Trading denies the charge."
    )
    assert [t.certainty for t in analyse(text).transfers] == ["reported", "denied"]


#: Texts whose last transfer's goods are named before it, and the tags they must take.
GOODS_TOLD_BEFORE = [
    # a ship's cargo is what it carried, never the ship sold in between
    (
        "The Blue Heron took on 5,000 tonnes of diesel at Vanino in May. A Greek owner sold"
        " the tanker to a Panama firm in June. In July it unloaded most of the cargo near Nampo.",
        "petroleum_refined",
    ),
    # a counted load that names its goods is those goods
    (
        "In May a charity gave $2 million to a clinic in Haiti. The charity expects to ship"
        " a third cargo of powdered milk to Haiti in 2025.",
        "food",
    ),
    # what the crew saw is not the cargo
    (
        "In May the Blue Heron took on 900 tonnes of diesel at Vanino. In June its crew"
        " sighted a patrol aircraft, and the remaining cargo was sold to a trader in Keelung.",
        "petroleum_refined",
    ),
    # a dhow is a ship, not what it unloaded
    (
        "In May Iran sent 200 rifles to the Houthis by sea. Officials said a second dhow,"
        " seen by a patrol plane in June, unloaded its cargo at a harbour near Hodeidah.",
        "small_arms",
    ),
]


@pytest.mark.parametrize(("text", "tag"), GOODS_TOLD_BEFORE)
def test_readings_goods_named_before_the_last_transfer(
    analyse: Callable[..., AnalysedDocument], text: str, tag: str
) -> None:
    goods = analyse(text).transfers[-1].items
    assert [tag in item.tags for item in goods] == [True]


def test_readings_a_ships_flag_is_not_where_its_cargo_comes_from(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    found = analyse(
        "The North Korean freighter Ocean Star brought cranes into North Korea in 2019."
    )
    (transfer,) = found.transfers
    assert transfer.giver is not None and transfer.giver.kind == "vessel"
    assert transfer.origin is None
    assert "UNSCR 2397 (2017)" in [f.instrument for f in transfer.findings]


def test_readings_them_stands_for_goods_the_sentence_before_named(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    found = analyse(
        "Four armoured cars left a showroom in Oslo in May. "
        "A dealer in Dubai sold them in June to a trading firm in Minsk."
    )
    sold = [t for t in found.transfers if "sold" in t.evidence.text]
    assert len(sold) == 1
    assert "vehicle" in {tag for item in sold[0].items for tag in item.tags}
    assert sold[0].recipient is not None and sold[0].recipient.country == "by"


def test_readings_a_vague_word_means_the_goods_not_what_hid_them(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    found = analyse(
        "Peru said the rifles hidden under a load of rice were its own, saying the equipment"
        " was being shipped to Chile."
    )
    (transfer,) = found.transfers
    tags = {tag for item in transfer.items for tag in item.tags}
    assert "arms" in tags and "food" not in tags


def test_readings_goods_sent_along_the_same_route_go_where_the_last_went(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    found = analyse(
        "In 2019 Norvik Trading sold pianos to Peru via Lima. In 2020 the firm shipped more"
        " pianos along the same route. It also shipped pianos to a buyer in Chile by air."
    )
    later = {t.evidence.text.split()[-1]: t.destination for t in found.transfers}
    assert later["route."] == "pe"
    assert later["air."] == "cl"  # no route told before: its own destination


def test_readings_a_headline_is_retold_once_by_the_body(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    found = analyse(
        "Rifles arrive in Chad\nA cargo of 400 rifles sent by the Belarusian firm Avtek reached"
        " N'Djamena on Monday. A second cargo of rifles from Serbia reached the army in May."
    )
    first, second = found.transfers
    assert first.giver is not None and first.giver.country == "by"
    assert [span.text for span in first.also_evidence] == [
        "A cargo of 400 rifles sent by the Belarusian firm Avtek reached N'Djamena on Monday."
    ]
    assert second.giver is not None and second.giver.country == "rs"


def test_readings_the_ship_taking_goods_on_retells_its_delivery_of_them(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    found = analyse(
        "Prosecutors say the Sea Star, a North Korean tanker, was used to export coal to a"
        " buyer in Vietnam. The ship took on the coal at Nampo on 3 May 2019."
    )
    (transfer,) = found.transfers
    assert transfer.recipient is not None and transfer.recipient.country == "vn"
    assert transfer.date is not None and transfer.date.value == "2019-05-03"
    assert "UNSCR 2371 (2017)" in [f.instrument for f in transfer.findings]


def test_readings_a_lead_names_no_other_party_than_the_body(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    found = analyse("Miners sell rifles\nIn May a dealer sold rifles to a militia in Peru.")
    assert sorted(t.giver.name for t in found.transfers if t.giver) == ["Miners", "dealer"]


def test_readings_a_verb_listed_with_the_trigger_does_not_govern_it(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    # the lathes are on order; the money was paid
    transfers = analyse("Acme ordered lathes and paid $9,000 to a broker.").transfers
    outcomes = {transfer.items[0].text: transfer.outcome for transfer in transfers}
    assert outcomes == {"lathes": "planned", "$9,000": "completed"}


def test_readings_an_interviewers_turn_asks_and_tells_nothing(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    asked = "Q: Reports say Acme sold rifles to Chad.\nA: We have seen no sign of that.\n"
    assert analyse(asked).transfers == []
    answered = "Q: Reports say Acme sold rifles to Chad.\nA: Acme sold 30 rifles to Chad in May.\n"
    [transfer] = analyse(answered).transfers
    assert "Acme sold 30 rifles" in transfer.evidence.text


def test_readings_fishing_rights_are_sold_like_the_catch(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("In 2019 North Korea sold fishing rights to a Chinese fleet.").transfers
    assert transfer.items[0].tags == ["seafood"]
    assert [f.instrument for f in transfer.findings] == ["UNSCR 2397 (2017)"]


def test_readings_it_is_the_named_giver_rather_than_the_state_it_gave_to(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "In 2019 Acme shipped lathes to Peru. In May it shipped mortars to Chad."
    second = analyse(text).transfers[-1]
    assert second.giver is not None and second.giver.name == "Acme"


def test_readings_a_model_designation_names_the_goods_its_noun_heads(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("In 2023 Belarus handed over 20 MiG-29 fighters to Chad.").transfers
    assert "aircraft" in transfer.items[0].tags
    # a goods word that only modifies another noun still names none
    assert analyse("In 2023 Belarus sold its weapons programme to Chad.").transfers == []


def test_readings_goods_that_find_their_way_to_a_party(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse(
        "Belarusian rifles found their way to a militia in Chad in 2019."
    ).transfers
    assert transfer.recipient is not None and transfer.recipient.name.startswith("militia")
    assert transfer.rules is not None and transfer.rules.frame == "flow"


def test_readings_a_way_of_carrying_is_no_sender(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    [transfer] = analyse("The mortars were sent by rail to Chad in 2019.").transfers
    assert transfer.giver is None
    assert transfer.recipient is not None and transfer.recipient.name == "Chad"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Investigators have linked the attack on the exchange to the Kuro Group of North "
            "Korea. The hackers later moved $9 million to a broker in Macau.",
            "country-of-the-blamed",
        ),
        # blamed "on" someone, as "to" someone
        (
            "Investigators blamed the theft on North Korea's Kuro Group. "
            "The hackers later moved $9 million to a broker in Macau.",
            "country-of-the-blamed",
        ),
        # a known body blamed places the thieves by its own country
        (
            "The FBI attributed the hack to the Lazarus Group. "
            "The hackers later moved $9 million to a broker in Macau.",
            "country-of-the-blamed",
        ),
        # a two-word demonym before the earlier mention of the description
        (
            "The FBI said North Korean hackers were behind the theft. "
            "The hackers later moved $9 million to a broker in Macau.",
            "country-introduced-description",
        ),
    ],
)
def test_readings_the_thieves_are_of_the_country_of_whoever_is_blamed(
    analyse: Callable[..., AnalysedDocument], text: str, rule: str
) -> None:
    moved = analyse(text).transfers[-1]
    assert moved.giver is not None and moved.giver.country == "kp"
    assert moved.rules is not None and rule in moved.rules.document


@pytest.mark.parametrize(
    ("text", "date", "rule"),
    [
        # the entry's earlier sentence dates its story
        (
            "Friday 7 June\n\n10:30 - Envoys met in Minsk on Thursday. "
            "Belarus handed Iran six rifles, officials said.",
            "2024-06-06",
            "date-entry",
        ),
        # the first date it gives, not an aside's
        (
            "Friday 7 June\n\n10:30 - On Thursday envoys of a firm founded in 2015 met in Minsk. "
            "Belarus handed Iran six rifles, officials said.",
            "2024-06-06",
            "date-entry",
        ),
        # an entry that gives no date stands under its heading
        (
            "Friday 7 June\n\n10:30 - Envoys met in Minsk. "
            "Belarus handed Iran six rifles, officials said.",
            "2024-06-07",
            "date-heading",
        ),
    ],
)
def test_readings_date_of_a_live_blog_entry(
    analyse: Callable[..., AnalysedDocument], text: str, date: str, rule: str
) -> None:
    [transfer] = analyse(text, published="2024-06-08").transfers
    assert transfer.date is not None and transfer.date.value == date
    assert transfer.rules is not None and rule in transfer.rules.document


def test_readings_a_verb_listed_after_a_passive_shares_it(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    # a middle verb parsed as a clause of the first, the sum in apposition
    [transfer] = analyse(
        "The rest, some $30 million, was split into small sums, swapped for tether "
        "and sent to a dealer in Macau in June."
    ).transfers
    assert transfer.recipient is not None and transfer.recipient.name == "dealer in Macau"
    assert [item.text for item in transfer.items] == ["some $30 million"]
    assert transfer.rules is not None and transfer.rules.roles["items"] == "conjoined-passive"
    # a party, not goods, as the shared subject: the listed verb stays active
    [transfer] = analyse("The broker was questioned in May and paid to a lawyer.").transfers
    assert transfer.giver is not None and transfer.giver.name == "broker"
    # a participle the parse lists with "were" after an adjective
    [transfer] = analyse("The funds were unfrozen and transferred to a firm in Iran.").transfers
    assert transfer.recipient is not None and transfer.recipient.country == "ir"
    assert transfer.rules is not None and transfer.rules.roles["items"] == "conjoined-passive"
    # listed after a passive trigger, it goes on telling that transfer
    text = "The rifles were bought by Chad in May and then smuggled into Sudan."
    [transfer] = analyse(text).transfers
    assert transfer.recipient is not None and transfer.recipient.country == "td"


@pytest.mark.parametrize(
    ("text", "giver", "recipient"),
    [
        # a bribe is money to whoever is bribed
        (
            "In 2020 a shipping agent bribed a port inspector in Nampo.",
            "shipping agent",
            "port inspector",
        ),
        (
            "The port inspector took bribes from a shipping agent in 2020.",
            "shipping agent",
            "port inspector",
        ),
        (
            "A shipping agent paid kickbacks to a port inspector in 2020.",
            "shipping agent",
            "port inspector",
        ),
        # money repaid goes back to the lender
        ("In 2021 the shipyard repaid $4 million to a state bank.", "shipyard", "state bank"),
        # money collected comes from whoever pays it
        (
            "In 2022 a tax office collected $9,000 from truck drivers.",
            "truck drivers",
            "tax office",
        ),
        # money extorted comes from whoever is made to pay
        ("A militia extorted $20,000 from truck drivers in 2022.", "truck drivers", "militia"),
    ],
)
def test_readings_verbs_of_money(
    analyse: Callable[..., AnalysedDocument], text: str, giver: str, recipient: str
) -> None:
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == giver
    assert transfer.recipient is not None and transfer.recipient.name == recipient
    assert [tag for item in transfer.items for tag in item.tags] == ["money"]


def test_readings_what_is_owed_is_the_money_that_pays_it(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "In 2021 a Dubai broker paid the invoices to a shipyard in Nampo."
    [transfer] = analyse(text).transfers
    assert transfer.giver is not None and transfer.giver.name == "Dubai broker"
    assert transfer.recipient is not None and transfer.recipient.name == "shipyard in Nampo"
    assert [item.tags for item in transfer.items] == [["money"]]
    [transfer] = analyse("In 2021 the broker settled the bills through a bank in Dubai.").transfers
    assert transfer.giver is not None and transfer.giver.name == "broker"
    assert [item.text for item in transfer.items] == ["the bills"]
    # what is settled that is not owed is no party paid
    assert not analyse("In 2021 the banks that settle these trades were named.").transfers


def test_readings_no_less_than_bounds_the_sum_and_denies_nothing(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = "The hackers laundered no less than $40 million of stolen funds through a mixer."
    [transfer] = analyse(text).transfers
    assert transfer.certainty == "confirmed"
    assert transfer.items[0].quantity is not None
    assert transfer.items[0].quantity.qualifier == "at_least"


def test_readings_a_sum_with_its_scale_written_on(analyse: Callable[..., AnalysedDocument]) -> None:
    [transfer] = analyse("In 2019 a Dubai broker sent $2.4m to a bank in Pyongyang.").transfers
    assert [item.text for item in transfer.items] == ["$2.4m"]
    assert transfer.items[0].quantity is not None and transfer.items[0].quantity.value == 2.4e6
    assert transfer.recipient is not None and transfer.recipient.country == "kp"
    # the scale the parse leaves beside the number is the sum's all the same
    [transfer] = analyse("In 2019 a Dubai broker paid £5m to a bank in Pyongyang.").transfers
    assert [item.text for item in transfer.items] == ["£5m"]
    assert transfer.items[0].quantity is not None and transfer.items[0].quantity.value == 5e6


def test_readings_contents_set_off_by_a_comma_name_the_goods(
    analyse: Callable[..., AnalysedDocument],
) -> None:
    text = (
        "In May a Swiss charity got a grant of 2 million francs from the state. "
        "The charity intends to send a further shipment, of canned fish for schools, in the spring."
    )
    grant, consignment = analyse(text).transfers
    assert [item.tags for item in consignment.items] == [["seafood"]]
    assert consignment.giver is not None and consignment.giver.name == grant.recipient.name
