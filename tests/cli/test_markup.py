"""Rich markup in user data ("[/x]") prints as written through every command and input kind.

Each case used to end in rich.errors.MarkupError with no output at all; now
the bad input gets its one sentence, with the brackets shown, and the rest
of the run goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

ARTICLE = "Kestrel Freight shipped two armoured cars to North Korea in May 2023.\n"


def _stderr_lines(result: Result) -> list[str]:
    assert "Traceback" not in result.output
    assert "MarkupError" not in result.output
    return [line for line in result.stderr.splitlines() if line.strip()]


def _documents(result: Result) -> list[dict]:
    return json.loads(result.stdout)["documents"]


@pytest.fixture
def small_list(tmp_path: Path) -> Path:
    """A one-person followthemoney list under a folder named "[", so its path holds "[/"."""
    folder = tmp_path / "["
    folder.mkdir()
    path = folder / "x].ftm.json"
    entity = {
        "id": "p1",
        "schema": "Person",
        "properties": {"name": ["Tomas [Unit] Varga"]},
        "datasets": ["markup_list"],
    }
    path.write_text(json.dumps(entity) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def loaded_store(
    tmp_path: Path, small_list: Path, invoke: Callable[..., Result]
) -> tuple[str, Result]:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    return url, invoke(["lists", "import", str(small_list), "--store", url])


def test_markup_in_file_names_is_printed_as_written(
    tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    (tmp_path / "[").mkdir()
    closing = tmp_path / "[" / "x].txt"  # the path reads ".../[/x].txt"
    closing.write_text("", encoding="utf-8")
    tag = tmp_path / "[x].txt"
    tag.write_text("  \n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = invoke(["analyze", str(closing), str(tag), str(good), "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = _stderr_lines(result)
    assert lines == [
        f"{closing} is empty or holds only whitespace; give a file with the article text.",
        f"{tag} is empty or holds only whitespace; give a file with the article text.",
    ]
    assert [d["input"] for d in _documents(result)] == [str(good)]


def test_markup_in_jsonl_published_is_one_error_line(
    tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [{"id": "a", "text": ARTICLE, "published": "[/x]"}, {"id": "b", "text": ARTICLE}]
    feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = invoke(["analyze", str(feed), "--format", "json"])
    assert result.exit_code == 0, result.output
    (line,) = _stderr_lines(result)
    assert line.startswith(f'{feed}:1 has "published": "[/x]", which is not a date')
    assert [d["id"] for d in _documents(result)] == ["b"]


def test_markup_in_published_option_is_one_error_line(
    tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = invoke(["analyze", str(good), "--published", "[/x]", "--format", "json"])
    assert result.exit_code == 0, result.output
    (line,) = _stderr_lines(result)
    assert "'[/x]' is not written as YYYY-MM-DD" in line
    (document,) = _documents(result)
    assert document["published"] is None


def test_markup_in_a_screened_name_and_country(
    loaded_store: tuple[str, Result], invoke: Callable[..., Result]
) -> None:
    store, _ = loaded_store
    no_letters = invoke(["screen", "[/]", "--store", store])
    assert no_letters.exit_code == 1
    assert _stderr_lines(no_letters) == [
        "Error: The name to screen ('[/]') has no letters or digits: give a real name."
    ]
    country = invoke(["screen", "Tomas Varga", "--country", "[/x]", "--store", store])
    assert country.exit_code == 1
    (line,) = _stderr_lines(country)
    assert line.startswith("Error: The country '[/x]' is not known")


def test_markup_in_screen_output_is_printed(
    loaded_store: tuple[str, Result], invoke: Callable[..., Result]
) -> None:
    store, _ = loaded_store
    hit = invoke(["screen", "Tomas [Unit] Varga", "--store", store])
    assert hit.exit_code == 0, hit.output
    assert "Tomas [Unit] Varga" in hit.stdout  # the table's title and the listed name
    miss = invoke(["screen", "Quill [/x] Ostrander", "--store", store])
    assert miss.exit_code == 0, miss.output
    assert "for 'Quill [/x] Ostrander'." in miss.stdout


def test_markup_in_list_paths_and_ids(
    tmp_path: Path,
    small_list: Path,
    loaded_store: tuple[str, Result],
    invoke: Callable[..., Result],
) -> None:
    store, imported = loaded_store
    assert imported.exit_code == 0, imported.output
    assert f"Imported 1 entries into 'markup_list' from {small_list}." in imported.stdout
    missing = tmp_path / "[/x].xml"
    result = invoke(["lists", "import", str(missing), "--store", store])
    assert result.exit_code == 1
    assert _stderr_lines(result) == [
        f"Cannot import {missing}: no such file or folder; check the path."
    ]
    removed = invoke(["lists", "remove", "[/x]", "--store", store])
    assert removed.exit_code == 1
    (line,) = _stderr_lines(removed)
    assert line.startswith("No list with id '[/x]' is in the store")
    shown = invoke(["lists", "--store", store])
    assert "markup_list" in shown.stdout  # the failed import left the stored list alone


def test_markup_in_batch_error_lines_is_printed_as_written(
    tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    (tmp_path / "in" / "[").mkdir(parents=True)
    closing = tmp_path / "in" / "[" / "x].txt"  # the path reads ".../[/x].txt"
    closing.write_text("", encoding="utf-8")
    (tmp_path / "in" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    args = ["batch", str(tmp_path / "in"), "--out", str(out), "--workers", "1", "--no-screen"]
    result = invoke(args)
    assert result.exit_code == 0, result.output
    lines = _stderr_lines(result)
    assert lines[0] == (
        f"{closing} is empty or holds only whitespace; give a file with the article text."
    )
    assert lines[-1].startswith("1 documents analysed in 1 partitions")
