"""The gazetteer file loads, is checked, and answers lookups as news spells names."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from followthemoney.types import registry
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctrace.parties.gazetteer import DEFAULT_PATH, WORLD_PATH, Gazetteer, GazetteerError


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_gazetteer_loads_packaged_file_with_broad_coverage(gazetteer: Gazetteer) -> None:
    kinds: dict[str, set[str]] = {}
    for _form, entry in gazetteer.aliases():
        kinds.setdefault(entry.kind, set()).add(entry.key)
    assert len(kinds["state"]) >= 120
    assert len(kinds["place"]) >= 100
    assert len(kinds["person"]) >= 100
    assert len(kinds["organization"]) >= 50
    for key in kinds["state"]:
        code = key.removeprefix("state:")
        assert registry.country.clean(code) == code


def test_gazetteer_load_is_cached_for_default_file(gazetteer: Gazetteer) -> None:
    assert Gazetteer.load() is gazetteer
    assert Gazetteer.load(DEFAULT_PATH) is not gazetteer


def test_gazetteer_aliases_each_resolve_back_to_their_entry(gazetteer: Gazetteer) -> None:
    for form, entry in gazetteer.aliases():
        assert gazetteer.lookup(form) == entry, form


LOOKUPS = [
    # spellings of the same person
    ("Kim Jong Un", "person:kim-jong-un", "kp"),
    ("Kim Jong-un", "person:kim-jong-un", "kp"),
    ("Kim Jong-Un", "person:kim-jong-un", "kp"),
    ("KIM JONG UN", "person:kim-jong-un", "kp"),
    ("Kim Jong Eun", "person:kim-jong-un", "kp"),
    ("Kim Jong Un’s", "person:kim-jong-un", "kp"),
    ("Kim Yo Jong", "person:kim-yo-jong", "kp"),
    ("Kim Yo-jong", "person:kim-yo-jong", "kp"),
    ("Kim Jong Il", "person:kim-jong-il", "kp"),
    ("Kim Jong-il", "person:kim-jong-il", "kp"),
    ("Kim Il Sung", "person:kim-il-sung", "kp"),
    ("Kim Il-sung", "person:kim-il-sung", "kp"),
    ("Choe Son Hui", "person:choe-son-hui", "kp"),
    ("Ri Son Gwon", "person:ri-son-gwon", "kp"),
    ("Pak Jong Chon", "person:pak-jong-chon", "kp"),
    ("Kim Tok Hun", "person:kim-tok-hun", "kp"),
    ("Jo Yong Won", "person:jo-yong-won", "kp"),
    ("Vladimir Putin", "person:vladimir-putin", "ru"),
    ("Putin", "person:vladimir-putin", "ru"),
    ("Dmitry Medvedev", "person:dmitry-medvedev", "ru"),
    ("Sergei Shoigu", "person:sergei-shoigu", "ru"),
    ("Andrei Belousov", "person:andrei-belousov", "ru"),
    ("Sergei Lavrov", "person:sergei-lavrov", "ru"),
    ("Dmitry Peskov", "person:dmitry-peskov", "ru"),
    ("Maria Zakharova", "person:maria-zakharova", "ru"),
    ("Oleg Kozhemyako", "person:oleg-kozhemyako", "ru"),
    ("Xi Jinping", "person:xi-jinping", "cn"),
    ("Li Qiang", "person:li-qiang", "cn"),
    ("Wang Yi", "person:wang-yi", "cn"),
    ("Joe Biden", "person:joe-biden", "us"),
    ("Donald Trump", "person:donald-trump", "us"),
    ("Antony Blinken", "person:antony-blinken", "us"),
    ("Marco Rubio", "person:marco-rubio", "us"),
    ("Yoon Suk Yeol", "person:yoon-suk-yeol", "kr"),
    ("Yoon Suk-yeol", "person:yoon-suk-yeol", "kr"),
    ("Lee Jae-myung", "person:lee-jae-myung", "kr"),
    ("Moon Jae-in", "person:moon-jae-in", "kr"),
    ("Fumio Kishida", "person:fumio-kishida", "jp"),
    ("Shigeru Ishiba", "person:shigeru-ishiba", "jp"),
    ("Sanae Takaichi", "person:sanae-takaichi", "jp"),
    ("Ali Khamenei", "person:ali-khamenei", "ir"),
    ("Ebrahim Raisi", "person:ebrahim-raisi", "ir"),
    ("Masoud Pezeshkian", "person:masoud-pezeshkian", "ir"),
    ("Abbas Araghchi", "person:abbas-araghchi", "ir"),
    ("Alexander Lukashenko", "person:alexander-lukashenko", "by"),
    ("Volodymyr Zelensky", "person:volodymyr-zelensky", "ua"),
    # states, their other names and the places that stand for their governments
    ("North Korea", "state:kp", "kp"),
    ("North Korea's", "state:kp", "kp"),
    ("DPRK", "state:kp", "kp"),
    ("Democratic People's Republic of Korea", "state:kp", "kp"),
    ("Democratic People’s Republic of Korea", "state:kp", "kp"),
    ("the North", "state:kp", "kp"),
    ("Pyongyang", "state:kp", "kp"),
    ("the Russian Federation", "state:ru", "ru"),
    ("Russian Federation", "state:ru", "ru"),
    ("Moscow", "state:ru", "ru"),
    ("the Kremlin", "state:ru", "ru"),
    ("The Kremlin", "state:ru", "ru"),
    ("Kremlin", "state:ru", "ru"),
    ("the US", "state:us", "us"),
    ("U.S.", "state:us", "us"),
    ("the United States", "state:us", "us"),
    ("America", "state:us", "us"),
    ("Washington", "state:us", "us"),
    ("the White House", "state:us", "us"),
    ("ROK", "state:kr", "kr"),
    ("Seoul", "state:kr", "kr"),
    ("South Korea", "state:kr", "kr"),
    ("Beijing", "state:cn", "cn"),
    ("Tokyo", "state:jp", "jp"),
    ("Tehran", "state:ir", "ir"),
    ("Kyiv", "state:ua", "ua"),
    ("Minsk", "state:by", "by"),
    ("Havana", "state:cu", "cu"),
    ("Hong Kong", "state:hk", "hk"),
    ("Taiwan", "state:tw", "tw"),
    ("Macau", "state:mo", "mo"),
    ("the Marshall Islands", "state:mh", "mh"),
    ("Sierra Leone", "state:sl", "sl"),
    # places
    ("Dandong", "place:dandong", "cn"),
    ("Nampo", "place:nampo", "kp"),
    ("Rajin", "place:rajin", "kp"),
    ("Vladivostok", "place:vladivostok", "ru"),
    ("Khasan", "place:khasan", "ru"),
    ("Tumangan", "place:tumangan", "kp"),
    ("Primorsky Krai", "place:primorsky-krai", "ru"),
    ("Russia's Far East", "place:russian-far-east", "ru"),
    ("the Russian Far East", "place:russian-far-east", "ru"),
    ("Vostochny Cosmodrome", "place:vostochny-cosmodrome", "ru"),
    ("Busan", "place:busan", "kr"),
    ("Yeosu", "place:yeosu", "kr"),
    ("Hamburg", "place:hamburg", "de"),
    ("Lucca", "place:lucca", "it"),
    ("Viareggio", "place:viareggio", "it"),
    ("Subic Bay", "place:subic-bay", "ph"),
    ("Palembang", "place:palembang", "id"),
    ("Manzanillo", "place:manzanillo", "pa"),
    ("Ho Chi Minh City", "place:ho-chi-minh-city", "vn"),
    ("the East China Sea", "place:east-china-sea", None),
    # organisations
    ("KCNA", "organization:kcna", "kp"),
    ("the Korean Central News Agency", "organization:kcna", "kp"),
    ("Rodong Sinmun", "organization:rodong-sinmun", "kp"),
    ("Yonhap", "organization:yonhap", "kr"),
    ("TASS", "organization:tass", "ru"),
    ("Xinhua", "organization:xinhua", "cn"),
    ("Reuters", "organization:reuters", "gb"),
    ("the U.S. Treasury", "organization:us-treasury", "us"),
    ("U.S. Treasury's", "organization:us-treasury", "us"),
    ("OFAC", "organization:ofac", "us"),
    ("the Justice Department", "organization:us-doj", "us"),
    ("the Korea Customs Service", "organization:korea-customs-service", "kr"),
    ("South Korea's National Intelligence Service", "organization:nis", "kr"),
    ("South Korean intelligence", "organization:nis", "kr"),
    ("KOMID", "organization:komid", "kp"),
    ("Ocean Maritime Management", "organization:omm", "kp"),
    ("Korea Songi Shipping Company", "organization:korea-songi-shipping", "kp"),
    ("the UN Security Council", "organization:unsc", None),
    ("the 1718 Committee", "organization:un-1718-committee", None),
    ("the panel of experts", "organization:un-panel-of-experts", None),
]


@pytest.mark.parametrize(("text", "key", "country"), LOOKUPS)
def test_gazetteer_lookup_finds_entry(
    gazetteer: Gazetteer, text: str, key: str, country: str | None
) -> None:
    entry = gazetteer.lookup(text)
    assert entry is not None, text
    assert (entry.key, entry.country) == (key, country)


@pytest.mark.parametrize(
    "text",
    ["North", "north", "us", "Us", "Korean", "Kim", "one", "Kcna", "the", "", "   ", "Narnia"],
)
def test_gazetteer_lookup_rejects_common_words_and_unknowns(
    gazetteer: Gazetteer, text: str
) -> None:
    assert gazetteer.lookup(text) is None


def test_gazetteer_entry_carries_kind_name_and_aliases(gazetteer: Gazetteer) -> None:
    kim = gazetteer.lookup("Kim Jong-un")
    assert kim is not None
    assert (kim.name, kim.kind) == ("Kim Jong Un", "person")
    assert "Kim Jong-un" in kim.aliases
    kremlin = gazetteer.lookup("the Kremlin")
    assert kremlin is not None
    assert (kremlin.name, kremlin.kind) == ("Russia", "state")


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("North Korean", "kp"),
        ("north korean", "kp"),
        ("North Koreans", "kp"),
        ("Russian", "ru"),
        ("Russians", "ru"),
        ("Soviet", "ru"),
        ("Soviet-era", "ru"),
        ("South Korean", "kr"),
        ("Chinese", "cn"),
        ("Japanese", "jp"),
        ("Iranian", "ir"),
        ("American", "us"),
        ("U.S.", "us"),
        ("Hong Kong-flagged", "hk"),
        ("Hong Kong–flagged", "hk"),
        ("North Korean-flagged", "kp"),
        ("Sierra Leone-flagged", "sl"),
        ("Panamanian-flagged", "pa"),
        ("Russian-made", "ru"),
        ("Russian-built", "ru"),
        ("Chinese-owned", "cn"),
        ("Singaporean", "sg"),
        ("Cameroon-registered", "cm"),
    ],
)
def test_gazetteer_demonym_gives_country(gazetteer: Gazetteer, word: str, code: str) -> None:
    assert gazetteer.demonym(word) == code


@pytest.mark.parametrize("word", ["Korean", "us", "Swisss", "Russian-ish", "flagged", "Chineses"])
def test_gazetteer_demonym_rejects_non_demonyms(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.demonym(word) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pyongyang", "kp"),
        ("the Kremlin", "ru"),
        ("Dandong", "cn"),
        ("Dandong-based", "cn"),
        ("Pyongyang-based", "kp"),
        ("North Korean", "kp"),
        ("Vladivostok", "ru"),
        ("Busan", "kr"),
        ("Germany", "de"),
        ("Cameroon", "cm"),
    ],
)
def test_gazetteer_country_code_covers_states_places_and_demonyms(
    gazetteer: Gazetteer, text: str, code: str
) -> None:
    assert gazetteer.country_code(text) == code


@pytest.mark.parametrize(
    "text", ["Kim Jong Un", "KCNA", "in", "us", "no", "Soviet Union", "tanker"]
)
def test_gazetteer_country_code_is_only_for_places(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.country_code(text) is None


@pytest.mark.parametrize(
    ("country", "role", "on", "key"),
    [
        ("kp", "leader", "1994-07-07", "person:kim-il-sung"),
        ("kp", "leader", "1994-07-08", "person:kim-jong-il"),
        ("kp", "leader", "2009-07-24", "person:kim-jong-il"),
        ("kp", "leader", "2011-12-16", "person:kim-jong-il"),
        ("kp", "leader", "2011-12-17", "person:kim-jong-un"),
        ("kp", "Leader", "2024-02-20", "person:kim-jong-un"),
        ("kp", "supreme leader", "2017", "person:kim-jong-un"),
        ("kp", "leader", "2011-11", "person:kim-jong-il"),
        ("kp", "leader", None, "person:kim-jong-un"),
        ("ru", "president", "2008-05-06", "person:vladimir-putin"),
        ("ru", "president", "2008-05-07", "person:dmitry-medvedev"),
        ("ru", "president", "2012-05-07", "person:vladimir-putin"),
        ("ru", "leader", "2024-02-21", "person:vladimir-putin"),
        ("ru", "the president", "2010", "person:dmitry-medvedev"),
        ("ru", "defence minister", "2024-05-13", "person:sergei-shoigu"),
        ("ru", "defense minister", "2024-05-14", "person:andrei-belousov"),
        ("ru", "Kremlin spokesman", "2024-02-21", "person:dmitry-peskov"),
        ("ru", "foreign minister", "2023-09-13", "person:sergei-lavrov"),
        ("us", "president", "2019-03-05", "person:donald-trump"),
        ("us", "president", "2021-01-20", "person:joe-biden"),
        ("us", "president", "2025-01-20", "person:donald-trump"),
        ("us", "secretary of state", "2024-06-01", "person:antony-blinken"),
        ("cn", "president", "2013-03-14", "person:xi-jinping"),
        ("kr", "president", "2022-05-09", "person:moon-jae-in"),
        ("kr", "president", "2022-05-10", "person:yoon-suk-yeol"),
        ("jp", "prime minister", "2024-09-30", "person:fumio-kishida"),
        ("jp", "prime minister", "2024-10-01", "person:shigeru-ishiba"),
        ("ir", "supreme leader", "2020-01-01", "person:ali-khamenei"),
        ("ir", "president", "2022-01-01", "person:ebrahim-raisi"),
    ],
)
def test_gazetteer_office_holder_follows_dates(
    gazetteer: Gazetteer, country: str, role: str, on: str | None, key: str
) -> None:
    holder = gazetteer.office_holder(country, role, on)
    assert holder is not None
    assert holder.key == key


@pytest.mark.parametrize(
    ("country", "role", "on"),
    [
        ("kp", "leader", "2011"),  # two holders that year
        ("kp", "leader", "1940-01-01"),  # before the state
        ("ir", "president", "2024-06-01"),  # between Raisi's death and Pezeshkian
        ("kr", "president", "2017-04-01"),  # acting president, not listed
        ("kp", "astronaut", "2020-01-01"),
        ("xx", "leader", "2020-01-01"),
    ],
)
def test_gazetteer_office_holder_is_none_when_not_single(
    gazetteer: Gazetteer, country: str, role: str, on: str
) -> None:
    assert gazetteer.office_holder(country, role, on) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("PT Sinar Jaya", "id"),
        ("Orion Trading FZE", "ae"),
        ("Lumen Marine Sdn. Bhd.", "my"),
        ("Nova Shipping Pte. Ltd.", "sg"),
        ("OOO Vektor", "ru"),
        # a form used in many countries, or a form alone, places nothing
        ("Acme Trading Ltd", None),
        ("Pt", None),
        ("Patrick Holdings", None),
    ],
)
def test_gazetteer_legal_form_country(gazetteer: Gazetteer, name: str, country: str | None) -> None:
    assert gazetteer.legal_form_country(name) == country


def test_gazetteer_role_words_cover_titles(gazetteer: Gazetteer) -> None:
    words = gazetteer.role_words()
    expected = {
        "leader",
        "president",
        "prime minister",
        "supreme leader",
        "foreign minister",
        "defence minister",
        "defense minister",
        "kremlin spokesman",
        "spokesman",
    }
    assert expected <= words


def test_gazetteer_demonyms_list_every_nationality_word(gazetteer: Gazetteer) -> None:
    demonyms = dict(gazetteer.demonyms())
    assert demonyms["North Korean"] == "kp"
    assert all(gazetteer.demonym(word) == code for word, code in demonyms.items())


GOOD_STATE = '  - {code: "kp", name: North Korea, aliases: [DPRK], capitals: [Pyongyang]}\n'


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "entry", "problem"),
    [
        (
            'states:\n  - {code: "xqq", name: Narnia}\n',
            "state 'Narnia'",
            "'xqq'",
        ),
        (
            "states:\n" + GOOD_STATE + 'places:\n  - {name: Dandong, country: "zz"}\n',
            "place 'Dandong'",
            "'zz'",
        ),
        (
            "states:\n" + GOOD_STATE + '  - {code: "kr", name: South Korea, aliases: [DPRK]}\n',
            "state 'South Korea'",
            "'DPRK'",
        ),
        (
            "states:\n" + GOOD_STATE + "people:\n"
            '  - {key: kju, name: Kim Jong Un, country: "kp", aliases: [PYONGYANG]}\n',
            "person 'kju'",
            "'PYONGYANG'",
        ),
        (
            "states:\n" + GOOD_STATE + 'offices:\n  - {country: "kp", titles: [leader], '
            'holders: [{person: nobody, from: "2011-12-17"}]}\n',
            "office 'leader' of 'kp'",
            "'nobody'",
        ),
        (
            "people:\n  - {key: a, name: A Person}\n  - {key: b, name: B Person}\n"
            'offices:\n  - {country: "kp", titles: [leader], holders: '
            '[{person: a, from: "2000-01-01"}, {person: b, from: "2010-01-01"}]}\n',
            "office 'leader' of 'kp'",
            "'b'",
        ),
        (
            'states:\n  - {code: "kp", name: North Korea, flag: red}\n',
            "states entry 1 (North Korea)",
            "flag",
        ),
        (
            'legal_forms:\n  - {form: FZE, country: "ae"}\n  - {form: Fze, country: "ae"}\n',
            "legal form 'Fze'",
            "given twice",
        ),
        ('legal_forms:\n  - {form: PT, country: "xqq"}\n', "legal form 'PT'", "'xqq'"),
        ("planets:\n  - {name: Mars}\n", "section 'planets'", "unknown"),
        ("states:\n  - {name: Nowhere}\n", "states entry 1 (Nowhere)", "code"),
    ],
)
def test_gazetteer_load_names_file_and_entry_of_bad_data(
    tmp_path: Path, text: str, entry: str, problem: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load(path)
    message = str(caught.value)
    assert str(path) in message
    assert entry in message
    assert problem in message


def test_gazetteer_load_reports_missing_file_and_bad_yaml(tmp_path: Path) -> None:
    missing = tmp_path / "absent.yaml"
    with pytest.raises(GazetteerError, match="cannot be read"):
        Gazetteer.load(missing)
    broken = _write(tmp_path, "states: [\n  {code: kp\n")
    with pytest.raises(GazetteerError, match=r"line \d+ it is not valid YAML"):
        Gazetteer.load(broken)


def test_gazetteer_load_accepts_small_valid_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "states:\n" + GOOD_STATE)
    small = Gazetteer.load(path)
    assert small.country_code("Pyongyang") == "kp"
    assert small.lookup("Seoul") is None


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60))
def test_gazetteer_lookups_never_raise(text: str) -> None:
    gazetteer = Gazetteer.load()
    entry = gazetteer.lookup(text)
    assert entry is None or entry.kind in ("person", "organization", "state", "place")
    code = gazetteer.country_code(text)
    assert code is None or len(code) == 2
    gazetteer.demonym(text)


def test_gazetteer_country_codes_are_known_to_followthemoney(gazetteer: Gazetteer) -> None:
    # The loader checks only the codes' shape (importing followthemoney at every
    # start costs seconds); this test holds the data to the real registry.
    from followthemoney.types import registry

    codes = {entry.country for _, entry in gazetteer.aliases() if entry.country}
    codes |= {code for _, code in gazetteer.demonyms()}
    unknown = sorted(code for code in codes if code not in registry.country.names)
    assert unknown == []


def test_gazetteer_people_carry_birth_dates(gazetteer: Gazetteer) -> None:
    kim = gazetteer.lookup("Kim Jong-un")
    assert kim is not None and kim.birth_date == "1984-01-08"
    ri = gazetteer.lookup("Ri Sol Ju")
    assert ri is not None and ri.birth_date is None


@pytest.mark.parametrize("value", ["1984-13-01", "84", "1700", "1984-01-08 or so"])
def test_gazetteer_load_rejects_bad_birth_dates(tmp_path: Path, value: str) -> None:
    path = _write(
        tmp_path, f'people:\n  - {{key: kju, name: Kim Jong Un, birth_date: "{value}"}}\n'
    )
    with pytest.raises(GazetteerError, match="person 'kju' has a birth_date that is not"):
        Gazetteer.load(path)


def test_gazetteer_load_rejects_unquoted_birth_year(tmp_path: Path) -> None:
    path = _write(tmp_path, "people:\n  - {key: kju, name: Kim Jong Un, birth_date: 1984}\n")
    with pytest.raises(GazetteerError, match="birth_date that is not a quoted"):
        Gazetteer.load(path)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Brooklyn", "us"),
        ("the Bronx", "us"),
        ("Brooklyn-based", "us"),
        ("Aleppo", "sy"),
        ("Dusseldorf", "de"),
        ("Düsseldorf", "de"),
        ("Kraków", "pl"),
        ("Xi’an", "cn"),
        ("Gaziantep", "tr"),
    ],
)
def test_gazetteer_world_places_give_big_cities_their_country(
    gazetteer: Gazetteer, text: str, code: str
) -> None:
    assert gazetteer.country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hyderabad", None),  # India and Pakistan
        ("Valencia", None),  # Spain and Venezuela
        ("San Jose", "cr"),  # also in the United States; the curated capital wins
        ("Sale", None),  # a word
        ("Phoenix", None),  # a name
        ("Queens", None),
        ("Ufa", None),  # too short
    ],
)
def test_gazetteer_world_places_leave_out_ambiguous_names_and_words(
    gazetteer: Gazetteer, text: str, code: str | None
) -> None:
    assert gazetteer.country_code(text) == code
    assert Gazetteer.load(DEFAULT_PATH).country_code(text) == code


def test_gazetteer_world_places_repeat_no_name_of_the_curated_file() -> None:
    curated = Gazetteer.load(DEFAULT_PATH)
    world = yaml.safe_load(WORLD_PATH.read_text("utf-8"))
    assert set(world) == {"places"} and len(world["places"]) >= 500
    forms = [form for p in world["places"] for form in [p["name"], *p.get("aliases", [])]]
    clashes = [f for f in forms if curated.lookup(f) is not None or curated.demonym(f) is not None]
    assert clashes == []


@pytest.mark.parametrize(
    ("text", "entry", "problem"),
    [
        (
            'places:\n  - {name: Brooklyn, country: "us", borough: true}\n',
            "places entry 1 (Brooklyn)",
            "unknown fields borough",
        ),
        ('states:\n  - {code: "us", name: Brooklyn}\n', "section 'states'", "unknown"),
        (
            'places:\n  - {name: Kremlin, country: "ru"}\n',
            "place 'Kremlin'",
            "already names state 'Russia'",
        ),
    ],
)
def test_gazetteer_load_names_world_file_and_entry_of_bad_data(
    tmp_path: Path, text: str, entry: str, problem: str
) -> None:
    world = tmp_path / "world-places.yaml"
    world.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load(DEFAULT_PATH, world)
    message = str(caught.value)
    assert str(world) in message
    assert entry in message
    assert problem in message
