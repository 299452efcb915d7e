"""`sanctrace lists`: import, show and remove through the command line (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from sanctrace.cli.lists import register
from screening.loaders.real_lists import UN_XML, real_list

from .apps import command_app

RUNNER = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    """A bare application with only the `lists` group, as the real one registers it."""
    return command_app(register)


@pytest.fixture
def store(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def _run(app: typer.Typer, *args: str) -> Result:
    return RUNNER.invoke(app, ["lists", *args])


def _entities_file(path: Path, names: list[str]) -> Path:
    lines = [
        json.dumps(
            {
                "id": f"p{n}",
                "schema": "Person",
                "properties": {"name": [name]},
                "datasets": ["test_list"],
            }
        )
        for n, name in enumerate(names)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def _assert_one_sentence_error(result: Result, text: str) -> None:
    assert result.exit_code == 1
    assert text in result.stderr
    assert "Traceback" not in result.output


def test_lists_import_show_and_remove_the_real_un_list(app: typer.Typer, store: str) -> None:
    source = real_list(UN_XML)
    text = source.read_text(encoding="utf-8")
    count = text.count("<INDIVIDUAL>") + text.count("<ENTITY>")

    imported = _run(app, "import", str(source), "--store", store)
    assert imported.exit_code == 0, imported.output
    assert f"Imported {count:,} entries into 'un_sc_sanctions'" in imported.stdout

    shown = _run(app, "--store", store)
    assert shown.exit_code == 0
    assert "un_sc_sanctions" in shown.stdout
    assert f"{count:,}" in shown.stdout
    assert "2026-02-27" in shown.stdout

    removed = _run(app, "remove", "un_sc_sanctions", "--store", store)
    assert removed.exit_code == 0
    assert "No lists are loaded" in _run(app, "--store", store).stdout


def test_lists_import_under_a_chosen_dataset_id(
    app: typer.Typer, store: str, tmp_path: Path
) -> None:
    path = _entities_file(tmp_path / "e.json", ["Kim Jong Un", "Kim Yo Jong"])
    result = _run(app, "import", str(path), "--dataset", "my_list", "--store", store)
    assert result.exit_code == 0, result.output
    assert "Imported 2 entries into 'my_list'" in result.stdout
    assert "my_list" in _run(app, "--store", store).stdout


def test_lists_bad_file_keeps_the_previous_version(
    app: typer.Typer, store: str, tmp_path: Path
) -> None:
    good = _entities_file(tmp_path / "e.json", ["Kim Jong Un", "Kim Yo Jong"])
    assert _run(app, "import", str(good), "--dataset", "dprk", "--store", store).exit_code == 0
    broken = tmp_path / "broken.json"
    broken.write_text(good.read_text()[:-20])
    result = _run(app, "import", str(broken), "--dataset", "dprk", "--store", store)
    _assert_one_sentence_error(result, f"Cannot import {broken}: line 2 is not valid JSON")
    shown = _run(app, "--store", store).stdout
    assert "dprk" in shown
    assert " 2 " in shown


def test_lists_file_of_the_wrong_kind(app: typer.Typer, store: str, tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text("name,country\nKim Jong Un,kp\n")
    result = _run(app, "import", str(names), "--store", store)
    _assert_one_sentence_error(result, "it is not a list sanctrace can read")


def test_lists_missing_path_does_not_stop_the_other_files(
    app: typer.Typer, store: str, tmp_path: Path
) -> None:
    good = _entities_file(tmp_path / "e.json", ["Vladimir Putin"])
    missing = tmp_path / "missing.xml"
    result = _run(app, "import", str(missing), str(good), "--store", store)
    _assert_one_sentence_error(result, f"Cannot import {missing}: no such file or folder")
    assert "Imported 1 entries into 'test_list'" in result.stdout


def test_lists_dataset_option_takes_one_file(app: typer.Typer, store: str, tmp_path: Path) -> None:
    path = _entities_file(tmp_path / "e.json", ["Kim Jong Un"])
    result = _run(app, "import", str(path), str(path), "--dataset", "x", "--store", store)
    _assert_one_sentence_error(result, "--dataset names one list")


def test_lists_remove_unknown_id(app: typer.Typer, store: str) -> None:
    result = _run(app, "remove", "nothing_here", "--store", store)
    _assert_one_sentence_error(result, "No list with id 'nothing_here' is in the store")


def test_lists_store_that_is_not_a_database(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 200)
    result = _run(app, "--store", f"sqlite:///{path}")
    _assert_one_sentence_error(result, "(file is not a database)")


def test_lists_shrinking_import_needs_force(app: typer.Typer, store: str, tmp_path: Path) -> None:
    full = _entities_file(tmp_path / "full.json", [f"Person Number {n} Example" for n in range(10)])
    half = _entities_file(tmp_path / "half.json", [f"Person Number {n} Example" for n in range(5)])
    assert _run(app, "import", str(full), "--store", store).exit_code == 0
    refused = _run(app, "import", str(half), "--store", store)
    _assert_one_sentence_error(refused, "(50% fewer, more than the 20% a list update removes)")
    forced = _run(app, "import", str(half), "--store", store, "--force")
    assert forced.exit_code == 0, forced.output
    assert "Imported 5 entries into 'test_list'" in forced.stdout


def test_lists_store_before_the_subcommand_is_the_store_used(
    app: typer.Typer, store: str, tmp_path: Path
) -> None:
    path = _entities_file(tmp_path / "e.json", ["Kim Jong Un", "Kim Yo Jong"])
    # The default store of this run: what `--store` before `import` used to fall back to.
    default = {"SANCTRACE_STORE": f"sqlite:///{tmp_path / 'default.sqlite'}"}
    imported = RUNNER.invoke(app, ["lists", "--store", store, "import", str(path)], env=default)
    assert imported.exit_code == 0, imported.output
    assert "test_list" in _run(app, "--store", store).stdout
    assert "No lists are loaded" in RUNNER.invoke(app, ["lists"], env=default).stdout
    removed = RUNNER.invoke(app, ["lists", "--store", store, "remove", "test_list"], env=default)
    assert removed.exit_code == 0, removed.output
    assert "No lists are loaded" in _run(app, "--store", store).stdout
