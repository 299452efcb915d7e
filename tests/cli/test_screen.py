"""`sanctrace screen` through the command line (CliRunner), on a store loaded with the UN list.

The store holds the real UN consolidated list only, so that each command
builds its screener in a second or two; the must-show cases on both lists
run against the Python API in tests/screening/test_matcher.py.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from sanctrace.cli.screen import register
from sanctrace.screening.loaders import read_list
from sanctrace.store import Store
from screening.loaders.real_lists import UN_XML, real_list

from .apps import command_app

RUNNER = CliRunner()


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """A bare application with only `screen`, as the real one registers it."""
    return command_app(register)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('screen') / 'store.sqlite'}"
    with Store(url) as opened:
        opened.import_list(read_list(real_list(UN_XML)))
    return url


def _run(app: typer.Typer, *args: str) -> Result:
    # A wide terminal, so that table cells are not folded across lines.
    return RUNNER.invoke(app, ["screen", *args], env={"COLUMNS": "250"})


def _assert_one_sentence_error(result: Result, text: str) -> None:
    assert result.exit_code == 1
    assert text in result.stderr
    assert "Traceback" not in result.output


def test_screen_json_finds_komid(app: typer.Typer, store: str) -> None:
    result = _run(app, "KOMID", "--kind", "organization", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits[0]["entry_id"] == "unsc-KPe.001"
    assert hits[0]["list"] == "un_sc_sanctions"
    assert hits[0]["programs"] == ["DPRK"]
    assert hits[0]["explanation"]["name_match"] == 1.0


def test_screen_table_shows_hit_and_reasons(app: typer.Typer, store: str) -> None:
    result = _run(app, "Korea Mining Development Trading Corporation", "--store", store)
    assert result.exit_code == 0, result.output
    assert "unsc-KPe.001" in result.stdout
    assert "name_match" in result.stdout


def test_screen_qualifiers_and_threshold_change_hits(app: typer.Typer, store: str) -> None:
    args = ["--store", store, "--format", "json", "--kind", "organization"]
    loose = json.loads(_run(app, "Korea Mining Trading", *args, "--threshold", "0.5").stdout)
    strict = json.loads(_run(app, "Korea Mining Trading", *args, "--threshold", "0.99").stdout)
    assert loose and not strict
    abroad = json.loads(
        _run(app, "Korea Mining Trading", *args, "--threshold", "0.5", "--country", "fr").stdout
    )
    assert abroad[0]["score"] < loose[0]["score"]


def test_screen_no_hit_says_so(app: typer.Typer, store: str) -> None:
    result = _run(app, "Ingrid Lindqvist", "--kind", "person", "--store", store)
    assert result.exit_code == 0
    assert "No listed entry scores 0.70 or more" in result.stdout


def test_screen_bulk_writes_csv_with_progress(app: typer.Typer, store: str, tmp_path: Path) -> None:
    source = tmp_path / "names.csv"
    source.write_text("name,kind\nKOMID,organization\nIngrid Lindqvist,person\n", encoding="utf-8")
    target = tmp_path / "hits.csv"
    result = _run(app, "--file", str(source), "--output", str(target), "--store", store)
    assert result.exit_code == 0, result.output
    assert "Screened 2 names" in result.stderr
    with target.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["entry_id"] == "unsc-KPe.001"
    assert rows[-1]["name"] == "Ingrid Lindqvist" and rows[-1]["entry_id"] == ""


def test_screen_bulk_prints_json(app: typer.Typer, store: str, tmp_path: Path) -> None:
    source = tmp_path / "names.csv"
    source.write_text("KOMID\n\n", encoding="utf-8")
    result = _run(app, "--file", str(source), "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["hits"][0]["entry_id"] == "unsc-KPe.001"


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["x" * 10_000], "10,000 characters long"),
        ([" "], "empty"),
        (["KOMID", "--kind", "planet"], "kind of party"),
        (["KOMID", "--algorithm", "magic"], "no matching algorithm"),
        (["KOMID", "--threshold", "7"], "outside 0..1"),
        (["KOMID", "--output", "out.csv"], "--output only applies to --file"),
        ([], "Give either a NAME"),
        (["--file", "absent.csv"], "no such file"),
    ],
)
def test_screen_bad_input_is_one_red_sentence(
    app: typer.Typer, store: str, args: list[str], text: str
) -> None:
    _assert_one_sentence_error(_run(app, *args, "--store", store), text)


def test_screen_empty_store_says_how_to_load(app: typer.Typer, tmp_path: Path) -> None:
    result = _run(app, "KOMID", "--store", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    _assert_one_sentence_error(result, "sanctrace lists import")


def test_screen_table_fits_80_columns_with_reasons_below(app: typer.Typer, store: str) -> None:
    result = RUNNER.invoke(app, ["screen", "Kim Jong Sik", "--store", store], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    hit = next(n for n, line in enumerate(lines) if "unsc-KPi.066" in line)
    assert lines[hit].startswith("1.00  un_sc_sanctions  unsc-KPi.066  KIM JONG SIK")
    assert lines[hit + 1].strip().startswith("programmes: DPRK; listed on 2017-12-22")
    assert "name_match +1.00" in lines[hit + 2]


def test_screen_groups_namesakes_below_the_best_hit(app: typer.Typer, store: str) -> None:
    result = RUNNER.invoke(
        app,
        ["screen", "Kim Jong Sik", "--store", store, "--threshold", "0.5"],
        env={"COLUMNS": "80"},
    )
    text = result.stdout
    assert text.index("unsc-KPi.066") < text.index("Namesakes scoring lower than the best hit")


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"country,kind\nkp,person\n", "its header (country, kind) has no name column"),
        ("name\nK\xf6nig GmbH\n".encode("latin-1"), "it is not UTF-8 text; save it as UTF-8 CSV"),
    ],
)
def test_screen_bad_file_is_one_sentence(
    app: typer.Typer, store: str, tmp_path: Path, content: bytes, text: str
) -> None:
    source = tmp_path / "names.csv"
    source.write_bytes(content)
    _assert_one_sentence_error(_run(app, "--file", str(source), "--store", store), text)


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ([""], "The name to screen is empty"),
        (["x" * 10_000], "The name to screen is 10,000 characters long"),
        (["Kim", "--imo", "123"], "The IMO number '123' is not valid"),
        (["Kim", "--birth-date", "1984-13-40"], "is not a real day"),
        (["[/x]", "--kind", "[/x]"], "The kind of party '[/x]' is not known"),
    ],
)
def test_screen_checks_arguments_before_opening_the_store(
    app: typer.Typer, tmp_path: Path, args: list[str], text: str
) -> None:
    # The store cannot be opened: only a check made before opening it can answer.
    result = _run(app, *args, "--store", "sqlite:///" + str(tmp_path / "no" / "such" / "x.db"))
    _assert_one_sentence_error(result, text)


def test_screen_exact_listed_name_without_kind_finds_itself(app: typer.Typer, store: str) -> None:
    result = _run(
        app, "KOREA MINING DEVELOPMENT TRADING CORPORATION", "--store", store, "-f", "json"
    )
    assert json.loads(result.stdout)[0]["entry_id"] == "unsc-KPe.001"


def test_screen_says_once_when_the_stored_lists_need_importing_again(
    app: typer.Typer, tmp_path: Path
) -> None:
    from sqlalchemy import update

    from sanctrace.store.tables import NAME_LEXICONS

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    with Store(url) as opened:
        opened.import_list(read_list(real_list(UN_XML)))
        with opened._engine.begin() as connection:
            connection.execute(update(NAME_LEXICONS).values(rigour="0.0.1"))
    result = _run(app, "KOMID", "--kind", "organization", "--store", url, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["entry_id"] == "unsc-KPe.001"
    assert result.stderr.count("import them again with `sanctrace lists import`") == 1
    assert "Traceback" not in result.output
