"""Screening on the real UN and OFAC lists: the names news uses find the listed entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from followthemoney import model

from sanctrace.errors import InputProblem
from sanctrace.model import ScreeningHit
from sanctrace.screening import DEFAULT_THRESHOLD, Screener, ScreeningInputError
from sanctrace.store import Store

SDN = "us_ofac_sdn"
UN = "un_sc_sanctions"

# (spelling news uses, kind the parties stage gives, list, listed name, programme)
FOUND = [
    ("Kim Jong-un", "person", SDN, "KIM, Jong Un", "DPRK3"),
    ("Kim Jong Un", None, SDN, "KIM, Jong Un", "DPRK3"),
    ("Kim Jong Eun", "person", SDN, "KIM, Jong Un", "DPRK3"),
    ("KIM JONG UN", "person", SDN, "KIM, Jong Un", "DPRK3"),
    ("Ким Чен Ын", "person", SDN, "KIM, Jong Un", "DPRK3"),
    ("Kim Yo-jong", "person", SDN, "KIM, Yo Jong", "DPRK2"),
    ("Kim Yo Jong", None, SDN, "KIM, Yo Jong", "DPRK2"),
    ("Vladimir Putin", "person", SDN, "PUTIN, Vladimir Vladimirovich", "RUSSIA-EO14024"),
    ("Putin", "person", SDN, "PUTIN, Vladimir Vladimirovich", "RUSSIA-EO14024"),
    ("Владимир Путин", "person", SDN, "PUTIN, Vladimir Vladimirovich", "RUSSIA-EO14024"),
    ("Aurus", "organization", SDN, "LIMITED LIABILITY COMPANY AURUS", "RUSSIA-EO14024"),
    ("LLC Aurus", None, SDN, "LIMITED LIABILITY COMPANY AURUS", "RUSSIA-EO14024"),
    ("KOMID", "organization", SDN, "KOREA MINING DEVELOPMENT TRADING CORPORATION", "DPRK2"),
    ("KOMID", "organization", UN, "KOREA MINING DEVELOPMENT TRADING CORPORATION", "DPRK"),
    (
        "Korea Mining Development Trading Corporation",
        None,
        UN,
        "KOREA MINING DEVELOPMENT TRADING CORPORATION",
        "DPRK",
    ),
    (
        "Korea Mining Development Trading Corp.",
        "organization",
        SDN,
        "KOREA MINING DEVELOPMENT TRADING CORPORATION",
        "NPWMD",
    ),
    ("Yuk Tung", "vessel", SDN, "YUK TUNG", "DPRK4"),
    ("Ji Song 6", "vessel", SDN, "JI SONG 6", "DPRK4"),
    ("Ji Song 6", None, SDN, "JI SONG 6", "DPRK4"),
    ("Sam Jong 2", "vessel", SDN, "SAM JONG 2", "DPRK4"),
    ("Lady R", "vessel", SDN, "LADY R", "RUSSIA-EO14024"),
    ("Lady R", None, SDN, "LADY R", "RUSSIA-EO14024"),
]

# Names news uses for people and ships that are not on these lists, and
# ordinary names nobody listed carries.
NOT_FOUND = [
    ("Kim Jong Il", "person"),
    ("Kim Jong-il", None),
    ("Choe Son Hui", "person"),
    ("Choe Son-hui", None),
    ("Wise Honest", "vessel"),
    ("Wise Honest", None),
    ("Ingrid Lindqvist", "person"),
    ("Thomas Becker", "person"),
    ("Priya Raghunathan", "person"),
    ("Haruto Watanabe", "person"),
    ("Greenfield Bakery GmbH", "organization"),
    ("Bluewater Dental Care Ltd", "organization"),
]


@pytest.mark.parametrize(("query", "kind", "dataset", "listed", "program"), FOUND)
def test_matcher_finds_listed_entry_from_news_spelling(
    real_screener: Screener, query: str, kind: str | None, dataset: str, listed: str, program: str
) -> None:
    hits = real_screener.screen(query, kind=kind)
    found = [hit for hit in hits if hit.list == dataset and hit.name == listed]
    assert found, f"{query!r} did not find {listed!r} on {dataset}: {hits}"
    hit = found[0]
    assert hit.score >= DEFAULT_THRESHOLD
    assert program in hit.programs
    assert hit.explanation["name_match"] > 0


@pytest.mark.parametrize(("query", "kind"), NOT_FOUND)
def test_matcher_reports_nothing_for_unlisted_names(
    real_screener: Screener, query: str, kind: str | None
) -> None:
    assert real_screener.screen(query, kind=kind) == []


def test_matcher_komid_is_on_both_lists(real_screener: Screener) -> None:
    hits = real_screener.screen("KOMID", kind="organization")
    assert {hit.list for hit in hits if hit.score == 1.0} == {UN, SDN}


def test_matcher_un_hit_carries_listing_date(real_screener: Screener) -> None:
    hits = real_screener.screen("Korea Mining Development Trading Corporation")
    un_hit = next(hit for hit in hits if hit.list == UN)
    assert un_hit.entry_id == "unsc-KPe.001"
    assert un_hit.listed_on == "2009-04-24"


def test_matcher_kim_jong_il_scores_below_kim_jong_un(scoring_screener: Screener) -> None:
    un = scoring_screener.screen("Kim Jong Un", kind="person")[0]
    il = [
        hit for hit in scoring_screener.screen("Kim Jong Il", kind="person") if hit.name == un.name
    ]
    assert un.score == 1.0
    assert il and il[0].score < DEFAULT_THRESHOLD
    # The explanation says which part failed to match.
    assert "name: 'il' extraQueryPart" in il[0].explanation


def test_matcher_birth_year_separates_namesakes(scoring_screener: Screener) -> None:
    plain = _score_of(scoring_screener, "Kim Jong Un", "KIM, Jong Un")
    right = _score_of(scoring_screener, "Kim Jong Un", "KIM, Jong Un", birth_year=1984)
    wrong = _score_of(scoring_screener, "Kim Jong Un", "KIM, Jong Un", birth_year=1941)
    assert plain == right == 1.0
    assert wrong < plain
    hit = _hit(scoring_screener, "Kim Jong Un", "KIM, Jong Un", birth_year=1941)
    assert hit.explanation["dob_year_disjoint"] < 0


def test_matcher_country_separates_namesakes(scoring_screener: Screener) -> None:
    home = _score_of(
        scoring_screener, "Vladimir Putin", "PUTIN, Vladimir Vladimirovich", country="ru"
    )
    abroad = _score_of(
        scoring_screener, "Vladimir Putin", "PUTIN, Vladimir Vladimirovich", country="fr"
    )
    assert abroad < home
    hit = _hit(scoring_screener, "Vladimir Putin", "PUTIN, Vladimir Vladimirovich", country="fr")
    assert hit.explanation["country_mismatch"] < 0


def test_matcher_kind_rules_out_other_schemata(real_screener: Screener) -> None:
    as_vessel = real_screener.screen("Yuk Tung", kind="vessel")
    as_company = real_screener.screen("Yuk Tung", kind="organization")
    assert [hit.name for hit in as_vessel] == ["YUK TUNG"]
    assert "YUK TUNG" not in {hit.name for hit in as_company}
    assert real_screener.screen("Kim Jong Un", kind="vessel") == []


def test_matcher_explains_name_parts(real_screener: Screener) -> None:
    hit = real_screener.screen("Kim Jong Eun", kind="person")[0]
    assert hit.explanation["name_match"] == hit.score
    assert hit.explanation["name: 'eun'≈'un' symbolMatch"] < 1.0


def test_matcher_results_are_deterministic_and_ordered(real_screener: Screener) -> None:
    first = real_screener.screen("Kim Jong Un", limit=10)
    second = real_screener.screen("Kim Jong Un", limit=10)
    assert first == second
    assert [hit.score for hit in first] == sorted((hit.score for hit in first), reverse=True)
    assert all(hit.score >= DEFAULT_THRESHOLD for hit in first)
    assert len(real_screener.screen("Kim Jong Un", limit=1)) == 1


def test_matcher_mixed_scripts_do_not_fail(real_screener: Screener) -> None:
    hits = real_screener.screen("Kim Чен Ын", kind="person")
    assert hits and hits[0].name == "KIM, Jong Un"


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"name": ""}, "empty"),
        ({"name": "   \t "}, "empty"),
        ({"name": "x" * 10_000}, "10,000 characters"),
        ({"name": "!!! ---"}, "no letters"),
        ({"name": "Kim", "kind": "planet"}, "kind of party"),
        ({"name": "Kim", "country": "Atlantis"}, "country"),
        ({"name": "Kim", "birth_year": 3000}, "birth year"),
        ({"name": "Aurus", "kind": "organization", "birth_year": 1990}, "only to people"),
    ],
)
def test_matcher_bad_input_is_one_sentence(
    real_screener: Screener, kwargs: dict[str, object], words: str
) -> None:
    with pytest.raises(ScreeningInputError) as caught:
        real_screener.screen(**kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert isinstance(caught.value, InputProblem)
    assert isinstance(caught.value, ValueError)
    assert words in message
    assert message.endswith(".")
    assert "\n" not in message


def test_matcher_unknown_algorithm_is_refused(real_screener: Screener) -> None:
    with pytest.raises(ScreeningInputError, match="logic-v2"):
        Screener(real_screener.index, algorithm="magic")


def test_matcher_other_algorithm_by_name(real_screener: Screener) -> None:
    logic_v1 = Screener(real_screener.index, algorithm="logic-v1")
    hits = logic_v1.screen("Kim Jong Un", kind="person")
    assert hits[0].name == "KIM, Jong Un"
    assert logic_v1.algorithm.NAME == "logic-v1"


def test_matcher_from_entities_reads_sanction_entities() -> None:
    person = model.make_entity("Person")
    person.id = "p-1"
    person.add("name", "Ivan Testovich Primerov")
    sanction = model.make_entity("Sanction")
    sanction.id = "s-1"
    sanction.add("entity", "p-1")
    sanction.add("program", "Example programme")
    sanction.add("listingDate", "2022-02-28")
    screener = Screener.from_entities([person, sanction])
    (hit,) = screener.screen("Ivan Primerov", kind="person")
    assert hit.entry_id == "p-1"
    assert hit.programs == ["Example programme"]
    assert hit.listed_on == "2022-02-28"


def _hit(screener: Screener, query: str, listed: str, **kwargs: object) -> ScreeningHit:
    hits = screener.screen(query, kind="person", limit=20, **kwargs)  # type: ignore[arg-type]
    return next(hit for hit in hits if hit.name == listed)


def _score_of(screener: Screener, query: str, listed: str, **kwargs: object) -> float:
    return _hit(screener, query, listed, **kwargs).score


def test_matcher_aircraft_by_registration(real_screener: Screener) -> None:
    hits = real_screener.screen("EP-GOM", kind="aircraft")
    assert [hit.entry_id for hit in hits] == ["ofac-15431"]
    assert real_screener.screen("EP-GOM", kind="person") == []


def test_matcher_from_store_is_none_without_lists(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'empty.sqlite'}") as store:
        assert Screener.from_store(store) is None


def test_matcher_vessel_found_by_imo_number_under_another_name(real_screener: Screener) -> None:
    hits = real_screener.screen("Renamed Tanker", kind="vessel", imo="9357406")
    assert [(hit.name, hit.explanation["vessel_imo_mmsi_match"]) for hit in hits] == [
        ("AMBER", 0.95)
    ]
    assert real_screener.screen("Renamed Tanker", kind="vessel") == []


def test_matcher_without_kind_every_schema_is_asked(real_screener: Screener) -> None:
    for name, entry in [
        ("JOINT STOCK COMPANY AVTOVAZ", "ofac-44877"),
        ("EP-GOM", "ofac-15431"),
        ("KIM, Jong Un", "ofac-20157"),
    ]:
        assert real_screener.screen(name)[0].entry_id == entry
