"""Transfers found in single sentences written for these tests, with the real parser.

Each sentence goes through the sentence splitter and the spaCy model as in the
pipeline, then the extractor; merging and the law engine are not involved.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctrace.nlp.sentences import split_sentences
from sanctrace.pipeline import Analyzer
from sanctrace.transfers.document import continue_goods
from sanctrace.transfers.extract import Candidate

PUBLISHED = "2024-03-01"  # a Friday

Extract = Callable[[str], list[Candidate]]


@pytest.fixture(scope="module")
def extract(analyzer: Analyzer) -> Extract:
    def run(text: str) -> list[Candidate]:
        context = analyzer.resolver.scan(text, PUBLISHED)
        found: list[Candidate] = []
        for span in split_sentences(text):
            found.extend(analyzer.extractor.extract(analyzer.nlp(span.text), span.start, context))
        # goods that refer back are a document-level rule
        return continue_goods(
            found, lambda at, money: list(analyzer.taxonomy.last_named(text[:at], money))
        )

    return run


def _one(extract: Extract, text: str) -> Candidate:
    found = extract(text)
    assert len(found) == 1, f"expected one transfer in {text!r}, got {found}"
    candidate = found[0]
    assert text[candidate.evidence.start : candidate.evidence.end] == candidate.evidence.text
    return candidate


def _tags(candidate: Candidate) -> set[str]:
    return {tag for item in candidate.items for tag in item.tags}


def _countries(candidate: Candidate) -> tuple[str | None, str | None]:
    giver, recipient = candidate.giver, candidate.recipient
    return (giver.country if giver else None, recipient.country if recipient else None)


def test_extract_active_sale_with_quantity_and_date(extract: Extract) -> None:
    found = _one(
        extract,
        "A Chinese trading company sold forty tonnes of frozen fish to North Korea last year.",
    )
    assert _countries(found) == ("cn", "kp")
    assert found.giver is not None and found.giver.kind == "organization"
    assert _tags(found) == {"seafood"}
    quantity = found.items[0].quantity
    assert quantity is not None and (quantity.value, quantity.unit) == (40, "tonnes")
    assert found.date is not None and found.date.value == "2023"
    assert (found.certainty, found.outcome) == ("confirmed", "completed")


def test_extract_passive_with_agent(extract: Extract) -> None:
    found = _one(
        extract, "Two armoured Lexus cars were delivered to Pyongyang by a Singapore firm in March."
    )
    assert _countries(found) == ("sg", "kp")
    assert {"vehicle", "luxury"} <= _tags(found)
    assert found.date is not None and found.date.value == "2024-03"


def test_extract_passive_double_object(extract: Extract) -> None:
    found = _one(extract, "Kim Jong Un was given a new armoured car by the Kremlin.")
    assert _countries(found) == ("ru", "kp")
    assert found.recipient is not None and found.recipient.name == "Kim Jong Un"
    assert "vehicle" in _tags(found)


def test_extract_double_object_after_a_title(extract: Extract) -> None:
    found = _one(
        extract,
        "Vladimir Putin has given North Korean leader Kim Jong Un "
        "an Aurus limousine made in Russia.",
    )
    assert found.giver is not None and found.giver.name == "Vladimir Putin"
    assert found.recipient is not None and found.recipient.name == "Kim Jong Un"
    assert {"vehicle", "luxury"} <= _tags(found)


def test_extract_hand_with_two_objects(extract: Extract) -> None:
    found = _one(extract, "Vladimir Putin has handed Kim Jong Un a limousine.")
    assert _countries(found) == ("ru", "kp")
    assert "vehicle" in _tags(found)


def test_extract_relative_clause_subject_is_the_giver(extract: Extract) -> None:
    found = _one(
        extract, "A Hong Kong company that shipped cigarettes to North Korea was fined last week."
    )
    assert _countries(found) == ("hk", "kp")
    assert _tags(found) == {"tobacco"}


def test_extract_supplied_party_with_goods(extract: Extract) -> None:
    found = _one(extract, "Officials said Iran had supplied North Korea with drones.")
    assert _countries(found) == ("ir", "kp")
    assert {"arms", "drone"} <= _tags(found)
    assert found.certainty == "reported"
    assert found.attributed_to == ["Officials"]


def test_extract_list_along_with(extract: Extract) -> None:
    found = _one(
        extract, "Smugglers sent luxury watches to Pyongyang, along with two crates of cognac."
    )
    assert _countries(found)[1] == "kp"
    assert {"watch", "alcohol"} <= _tags(found)
    assert len(found.items) == 2


def test_extract_nominal_shipments_from_to(extract: Extract) -> None:
    found = _one(extract, "Port records show shipments of coal from North Korea to Vietnam.")
    assert _countries(found) == ("kp", "vn")
    assert _tags(found) == {"coal"}


def test_extract_route_via_a_port(extract: Extract) -> None:
    found = _one(
        extract, "Port records show shipments of coal from North Korea to Vietnam via Dalian."
    )
    assert [(stop.name, stop.country) for stop in found.route] == [("Dalian", "cn")]


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("The Norwegian navy said a plane carrying 20 missiles landed at its base.", "no"),
        # A site with no owner is no party's: the gazetteer alone may place it.
        ("A plane carrying 20 missiles landed at a base on Monday.", None),
    ],
)
def test_extract_a_site_a_party_owns_is_in_its_country(
    extract: Extract, text: str, destination: str | None
) -> None:
    assert _one(extract, text).destination == destination


def test_extract_newly_seen_goods_make_the_viewer_a_recipient(extract: Extract) -> None:
    found = _one(
        extract, "The North Korean leader was seen in a new Rolls-Royce at the airport on Sunday."
    )
    assert found.giver is None
    assert found.recipient is not None
    assert (found.recipient.name, found.recipient.country) == ("Kim Jong Un", "kp")
    assert {"vehicle", "luxury"} <= _tags(found)
    assert found.date is not None and found.date.value == "2024-02-25"


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("North Korea is believed to have sold artillery shells to Russia.", "suspected"),
        ("Moscow denied that it had bought any missiles from Pyongyang.", "denied"),
        ("Analysts say Russia may have sent fighter jets to North Korea.", "possible"),
    ],
)
def test_extract_certainty_follows_the_words(extract: Extract, text: str, certainty: str) -> None:
    found = _one(extract, text)
    assert found.certainty == certainty
    assert set(_countries(found)) == {"kp", "ru"}


def test_extract_planned_transfer(extract: Extract) -> None:
    found = _one(extract, "Russia plans to deliver fighter jets to North Korea next year.")
    assert found.outcome == "planned"
    assert found.date is not None and found.date.value == "2025"


def test_extract_seized_goods_are_prevented(extract: Extract) -> None:
    found = _one(
        extract, "Customs officers seized 300 bottles of whisky bound for North Korea in June."
    )
    assert found.outcome == "prevented"
    assert _countries(found)[1] == "kp"
    assert "alcohol" in _tags(found)
    quantity = found.items[0].quantity
    assert quantity is not None and (quantity.value, quantity.unit) == (300, "bottles")


@pytest.mark.parametrize(
    "text",
    [
        "Security Council resolutions ban the sale of luxury cars to North Korea.",
        "Hundreds of Chinese tourists arrived in Pyongyang on Monday.",
        "The tanker sailed from Vladivostok to Nampo last week.",
        "Kim and Putin pledged to deepen cooperation on tourism and trade.",
        "The report said Pyongyang could use the port to supply its missile programme.",
    ],
    ids=["rule", "tourists", "voyage", "pledge", "programme"],
)
def test_extract_finds_nothing_where_nothing_passes(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_extract_goods_named_by_their_value(extract: Extract) -> None:
    found = _one(extract, "Last year the country exported coal worth some $370 million to China.")
    assert _tags(found) == {"coal"}, "the value is not money changing hands"
    assert found.recipient is not None and found.recipient.country == "cn"


def test_extract_value_does_not_make_goods_money(extract: Extract) -> None:
    found = _one(extract, "The firm shipped 12 Swiss watches worth 80,000 euros to Pyongyang.")
    assert "money" not in _tags(found)
    assert "watch" in _tags(found)
    assert found.recipient is not None and found.recipient.country == "kp"


def test_extract_a_sum_of_money_is_money(extract: Extract) -> None:
    found = _one(extract, "North Korean hackers stole more than $300 million from an exchange.")
    assert _tags(found) == {"money"}
    assert found.recipient is not None and found.recipient.country == "kp"


def test_extract_vessel_named_in_a_participle(extract: Extract) -> None:
    found = _one(extract, "A tanker named Ocean Star delivered 900 tonnes of diesel to Nampo.")
    assert found.giver is not None and found.giver.name == "Ocean Star"
    assert found.giver.kind == "vessel"


def test_extract_object_of_the_verb_above_does_the_selling(extract: Extract) -> None:
    found = _one(
        extract, "A court fined a trading firm for selling pianos to a North Korean diplomat."
    )
    assert found.giver is not None and "court" not in found.giver.name
    assert found.recipient is not None and found.recipient.country == "kp"


def test_extract_vague_measure_borrows_the_goods_named_before(extract: Extract) -> None:
    found = extract(
        "The exporter shipped 300 tonnes of rice to Japan in May. "
        "A further 200 tonnes was sold to a buyer in Vietnam in June."
    )
    assert len(found) == 2
    assert _tags(found[1]) == {"food"}
    assert found[1].giver is not None and found[1].giver.key == found[0].giver.key


def test_extract_goods_less_trigger_lends_its_parties(extract: Extract) -> None:
    found = _one(
        extract,
        "Ten horses were taken across the border last week, in what officials called "
        "Vladimir Putin's present to Kim Jong Un.",
    )
    assert _countries(found) == ("ru", "kp")


def test_extract_goods_inside_nested_measures(extract: Extract) -> None:
    found = _one(
        extract,
        "Container ships brought thousands of containers of ammunition from Rajin to Russia.",
    )
    assert _tags(found) == {"arms", "ammunition"}
    assert found.recipient is not None and found.recipient.country == "ru"


def test_extract_origin_gives_when_no_one_else_does(extract: Extract) -> None:
    found = _one(
        extract, "Diesel was delivered to North Korea from the Russian port of Vostochny in March."
    )
    assert _countries(found) == ("ru", "kp")


def test_extract_present_participle_takes_its_noun_as_subject(extract: Extract) -> None:
    found = _one(
        extract, "Police found a Chinese trawler selling cigarettes to North Korean crews."
    )
    assert _countries(found) == ("cn", "kp")


def test_extract_account_holder_is_the_recipient(extract: Extract) -> None:
    found = _one(
        extract,
        "The firm transferred $2 million to a bank account controlled by a North Korean company.",
    )
    assert found.recipient is not None and found.recipient.country == "kp"
    assert _tags(found) == {"money"}


def test_extract_parts_take_the_tags_of_what_they_are_for(extract: Extract) -> None:
    found = _one(
        extract, "Pyongyang obtained components for its ballistic missiles from Chinese suppliers."
    )
    assert {"missile", "arms"} <= _tags(found)
    assert _countries(found) == ("cn", "kp")


def test_extract_recipient_after_a_value(extract: Extract) -> None:
    found = _one(
        extract, "A trader was accused of supplying luxury goods worth $1.2 million to North Korea."
    )
    assert found.recipient is not None and found.recipient.country == "kp"


def test_extract_relative_clause_under_a_designation_is_an_event(extract: Extract) -> None:
    found = _one(
        extract,
        "A Hong Kong company, which sold two used tankers to a North Korean firm, "
        "was sanctioned on Tuesday.",
    )
    assert _countries(found) == ("hk", "kp")
    assert "vessel" in _tags(found)


def test_extract_verb_and_noun_on_the_same_goods_are_one_transfer(extract: Extract) -> None:
    found = _one(extract, "North Korea received a shipment of Chinese trucks in April.")
    assert _tags(found) == {"vehicle"}
    assert found.date is not None and found.date.value == "2023-04"  # April after March: last year


def test_extract_nationality_of_exports_is_the_exporting_state(extract: Extract) -> None:
    found = _one(extract, "Chinese exports of crude oil to North Korea resumed in October.")
    assert _countries(found) == ("cn", "kp")
    assert found.giver is not None and found.giver.kind == "state"


def test_extract_goods_on_an_intercepted_carrier_are_prevented(extract: Extract) -> None:
    found = _one(
        extract,
        "Egyptian officers intercepted a ship carrying 30,000 grenades bound for North Korea.",
    )
    assert found.outcome == "prevented"
    assert found.recipient is not None and found.recipient.country == "kp"


def test_extract_decade_dates_the_transfer(extract: Extract) -> None:
    found = _one(extract, "North Korea sold ballistic missiles to Iran in the 1990s.")
    assert found.date is not None and found.date.value == "1990"


def test_extract_trade_statistics_are_not_transfers(extract: Extract) -> None:
    assert extract("North Korea's coal exports have fallen sharply since 2017.") == []


SUBJECTS_OF_NON_FINITE_VERBS = [
    # the doer of a noun of doing acts in the gerund on it
    ("The report faulted the broker's role in selling rifles to Chad.", "giver", "broker"),
    ("Navies showed fresh interest in acquiring patrol boats.", "recipient", "Navies"),
    ("Police described the gang's business importing cigarettes into Peru.", "recipient", "gang"),
    # a gerund the parse lists with the object before it shares that verb's subject
    (
        "The panel noted the group's activity in the area recruiting soldiers and smuggling arms.",
        "giver",  # a group, not a state, smuggling arms moves them on
        "group",
    ),
    # a progressive read as "be" with an adjective
    ("The senator was self-funding his campaign.", "giver", "senator"),
    # money used to buy buys nothing: its user does
    ("The mayor used $9,000 from a charity to buy a signed guitar.", "recipient", "mayor"),
]


@pytest.mark.parametrize(("text", "role", "word"), SUBJECTS_OF_NON_FINITE_VERBS)
def test_extract_subject_of_a_non_finite_verb(
    extract: Extract, text: str, role: str, word: str
) -> None:
    found = _one(extract, text)
    party = getattr(found, role)
    assert party is not None and word in party.name


def test_extract_a_load_names_the_goods_it_holds(extract: Extract) -> None:
    found = _one(extract, "Police seized crates containing rifles bound for Chad.")
    assert "arms" in _tags(found)
    assert found.outcome == "prevented"


def test_extract_object_pronoun_stands_for_the_group_named_as_an_object_before(
    extract: Extract,
) -> None:
    found = _one(extract, "The ranch hired 40 shepherds, paying them as little as $3 a day.")
    assert found.recipient is not None and "shepherds" in found.recipient.name
    assert found.giver is not None and found.giver.name == "ranch"


def test_extract_goods_arranged_to_travel_go_from_the_arranger(extract: Extract) -> None:
    found = _one(extract, "In May the broker arranged for two lathes to travel to Minsk.")
    assert found.giver is not None and found.giver.name == "broker"
    assert _countries(found) == (None, "by")


def test_extract_participle_after_be_describes_the_subject(extract: Extract) -> None:
    found = _one(extract, "The rifles were in a warehouse in Lima, brought in by a Cypriot firm.")
    assert _tags(found) >= {"arms"}
    assert _countries(found) == ("cy", None)


def test_extract_passive_with_an_object_that_names_no_goods_keeps_its_subject_as_goods(
    extract: Extract,
) -> None:
    # The parse takes "outside channels" for an object: the subject still went, not received.
    found = _one(extract, "Crabs from North Korea were brought in outside customs channels.")
    assert _tags(found) == {"seafood"}
    assert _countries(found) == ("kp", None)


def test_extract_a_ship_word_inside_other_goods_is_no_ship(extract: Extract) -> None:
    # "carriers" here are vehicles, so their consignment is no ship's voyage.
    found = _one(
        extract,
        "Customs found 16 armoured personnel carriers that were consigned to a trader in Misrata.",
    )
    assert "military_vehicle" in _tags(found)
    assert _countries(found) == (None, "ly")


def test_extract_goods_loading_with_no_object_are_what_passes(extract: Extract) -> None:
    found = _one(extract, "A cargo of coal was loading at Nampo for a buyer in Vietnam in 2019.")
    assert _tags(found) == {"coal"}
    assert found.rules.roles["items"] == "ergative-subject"


def test_extract_a_true_particle_makes_the_phrasal_trigger_whatever_the_preps(
    extract: Extract,
) -> None:
    # "on 11 March" is no goods, but the particle "on" of "took on" is not that "on".
    found = _one(extract, "The ship took on 9,000 tonnes of coal at Nampo on 11 March 2019.")
    assert _tags(found) == {"coal"}
    assert found.date is not None and found.date.value == "2019-03-11"
    assert not found.onward


def test_extract_a_completing_clause_takes_the_date_of_the_clause_it_completes(
    extract: Extract,
) -> None:
    found = _one(
        extract,
        "In May 2020 the navy boarded a ship and found rifles consigned to a firm in Benghazi.",
    )
    assert found.date is not None and found.date.value == "2020-05"


def test_extract_money_from_one_giver_told_twice_in_a_sentence_is_one_payment(
    extract: Extract,
) -> None:
    found = _one(
        extract,
        "Prosecutors say the money for the trucks came from Orion Bank, a Cuban lender,"
        " which wired the funds to Acme Trading through two shell firms.",
    )
    assert found.giver is not None and found.giver.name == "Orion Bank"
    assert found.recipient is not None and found.recipient.name == "Acme Trading"


def test_extract_goods_that_pass_with_no_object_are_what_passes(extract: Extract) -> None:
    found = _one(
        extract, "Dozens of oil paintings passed through a dealer in Oslo to buyers in Peru."
    )
    assert _tags(found) == {"art"}
    assert _countries(found) == (None, "pe")


PARTIES_THE_PARSE_HANGS_APART = [
    # "to" on a part of the goods: "four of an order of jets to X"
    ("Belarus had supplied the first four of an order of Yak-130 jets to the Malian air force.",
     "recipient", "air force"),
    # a name after "to" parsed as a clause, "to" as its infinitive marker
    ("The firm paid roughly $5 million to Harbour Light.", "recipient", "Harbour Light"),
    # "to" tagged as an infinitive's marker, yet with an object
    ("The firm wired $3 million to Acme.", "recipient", "Acme"),
    # a second preposition parsed as listed with the first
    ("A Chinese firm shipped the lathes in March, via Dalian, to a buyer in Pyongyang.",
     "recipient", "buyer"),
    # whom the goods are sent to protect receives them
    ("Belarus may have sent two radar systems to protect Caracas.", "recipient", "Venezuela"),
    # a preposition on the name set beside the goods
    ("Iran sold a tanker, the Grace 2, to a Syrian firm.", "recipient", "Syrian firm"),
    # a preposition on the goods' name, which the parse hangs on the light verb
    ("In 2017 a Qingdao trawling firm took delivery of a new trawler, the Haiyang 8, from a"
     " yard near Ningbo.", "giver", "yard"),
    # who arranges a deed named by a noun does it
    ("The broker arranged the sale of 12 helicopters to the junta.", "giver", "broker"),
    # a clause of its own names who took a side
    ("The lathes were shipped to Minsk in May, and the shipper was a trading house in Riga.",
     "giver", "trading house"),
    # goods booked for a place by their sender, then stopped
    ("In May 2023 customs officers at Riga detained a crate of lathes that Acme had booked"
     " for Minsk.", "giver", "Acme"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "role", "word"), PARTIES_THE_PARSE_HANGS_APART)
def test_extract_party_the_parse_hangs_apart(
    extract: Extract, text: str, role: str, word: str
) -> None:
    found = _one(extract, text)
    party = getattr(found, role)
    assert party is not None and word in party.name


def test_extract_subject_of_a_told_clause_parsed_as_the_object_of_saying(
    extract: Extract,
) -> None:
    # The parse makes "her crabs" the object of "told": they are what was smuggled.
    found = _one(
        extract,
        "A vendor told us her crabs, at 150 yuan each, had been smuggled across that morning.",
    )
    assert _tags(found) == {"seafood"}
    assert found.rules.roles["items"] == "passive-subject"


def test_extract_a_discharge_of_goods_named_unloads_them(extract: Extract) -> None:
    found = _one(extract, "In May the bulk carrier discharged 9,000 tonnes of coal at Ningbo.")
    assert _tags(found) == {"coal"}
    assert _countries(found) == (None, "cn")


def test_extract_a_discharge_of_goods_referred_back_to_retells_their_load(
    extract: Extract,
) -> None:
    text = "The tanker loaded diesel at Vostochny. In May it discharged its cargo at Nampo."
    assert [c.rules.trigger.text for c in extract(text)] == ["loaded"]


def test_extract_parts_take_the_kind_of_what_they_are_for(extract: Extract) -> None:
    # "for" on parts names what they are parts of, never who gets them
    (transfer,) = extract("In 2024 a Belgian company shipped engines for attack drones to Iran.")
    assert transfer.items[0].text == "engines for attack drones"
    assert {"drone", "machinery"} <= set(transfer.items[0].tags)
    assert transfer.recipient is not None and transfer.recipient.name == "Iran"
