"""`sanctrace analyze` end to end: every input kind, every output, every bad input.

The runs go through the real command line (CliRunner in this process, or the
installed console script where standard input and exit codes must be real)
with the real spaCy model, on the bundled example article and pages written
here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from sanctrace.documents import load_inputs

EXAMPLE = "examples/limousine-gift.txt"
EXAMPLE_DATE = "2024-02-20"

GIFT_SENTENCE = (
    "Russia's president has handed over a Russian-made Aurus limousine to Kim Jong Un, "
    "the state news agency KCNA confirmed on Tuesday."
)
PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Putin's limousine for Kim | Harbour Wire</title>
  <meta property="og:title" content="Putin's limousine for Kim">
  <meta property="og:site_name" content="Harbour Wire">
  <meta property="article:published_time" content="2024-02-21T08:00:00+00:00">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav>
  <article>
    <h1>Putin's limousine for Kim</h1>
    <p>{GIFT_SENTENCE}</p>
    <p>Diplomats in Seoul said the car showed how far the two governments had moved
    together since the North Korean leader travelled to the Russian Far East last autumn.</p>
    <p>Neither government said how the vehicle had been carried across the border,
    and the agency published no photographs of the handover ceremony.</p>
  </article>
  <footer>Copyright Harbour Wire. All rights reserved.</footer>
</body>
</html>
"""
JSONL_LINES = [
    {
        "id": "wire-1",
        "published": "2024-02-21",
        "title": "Limousine for Kim",
        "source": "Harbour Wire",
        "url": "https://example.org/wire-1",
        "text": f"SEOUL — {GIFT_SENTENCE}\n\nThe gift drew criticism in Tokyo.",
        "extra": "ignored",
    },
    {"text": "Fishing boats stayed in port on Monday because of a storm."},
]


def _json(result: Result) -> dict[str, Any]:
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return json.loads(result.stdout)


def _document_text(path: Path | str) -> str:
    """The text the loader gives for a file: the one every offset must index."""
    (document,) = list(load_inputs([str(path)]))
    return document.text


def _car_gift(document: dict[str, Any]) -> dict[str, Any]:
    gifts = [
        t
        for t in document["transfers"]
        if (t["giver"] or {}).get("country") == "ru"
        and (t["recipient"] or {}).get("country") == "kp"
        and any({"vehicle", "luxury"} <= set(item["tags"]) for item in t["items"])
    ]
    assert len(gifts) == 1, f"expected one car gift from ru to kp, got {document['transfers']}"
    return gifts[0]


def _assert_car_gift(document: dict[str, Any], text: str) -> None:
    gift = _car_gift(document)
    assert any("2397" in finding["instrument"] for finding in gift["findings"])
    assert all(f["status"] == "potential_breach" for f in gift["findings"])
    _assert_offsets(document, text)


def _assert_offsets(document: dict[str, Any], text: str) -> None:
    """Every evidence and mention span indexes `text` exactly."""
    spans = [t["evidence"] for t in document["transfers"]]
    spans += [m for party in document["parties"] for m in party["mentions"]]
    assert spans
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def _one_sentence(message: str) -> bool:
    return "\n" not in message and len(re.findall(r"[.!?](?:\s|$)", message)) == 1


def _flat(text: str) -> str:
    return " ".join(text.split())


# -- every input kind -----------------------------------------------------------------


def test_analyze_txt_with_date_header_finds_the_car_gift(
    invoke: Callable[..., Result], repo_root: Path
) -> None:
    result = invoke(["analyze", EXAMPLE, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = _json(result)
    assert data["errors"] == []
    (document,) = data["documents"]
    assert document["input"] == EXAMPLE
    assert document["published"] == EXAMPLE_DATE
    text = _document_text(repo_root / EXAMPLE)
    assert text == (repo_root / EXAMPLE).read_text("utf-8")[len("date 2024-02-20") + 1 :]
    _assert_car_gift(document, text)
    gift = _car_gift(document)
    assert gift["giver"]["name"] == "Vladimir Putin"
    assert gift["recipient"]["name"] == "Kim Jong Un"
    assert "KCNA" in gift["attributed_to"]


def test_analyze_html_page_reads_body_and_metadata(
    invoke: Callable[..., Result], tmp_path: Path
) -> None:
    page = tmp_path / "limousine.html"
    page.write_text(PAGE, encoding="utf-8")
    result = invoke(["analyze", str(page), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    (document,) = _json(result)["documents"]
    assert document["published"] == "2024-02-21"
    assert "limousine" in (document["title"] or "").lower()
    text = _document_text(page)
    assert GIFT_SENTENCE in text
    assert "Copyright" not in text and "Home" not in text
    _assert_car_gift(document, text)


def test_analyze_jsonl_keeps_ids_fields_and_offsets(
    invoke: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in JSONL_LINES), encoding="utf-8")
    result = invoke(["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    first, second = _json(result)["documents"]
    assert first["id"] == "wire-1"
    assert first["input"] == f"{path}:1"
    assert (first["title"], first["source"], first["url"]) == (
        "Limousine for Kim",
        "Harbour Wire",
        "https://example.org/wire-1",
    )
    _assert_car_gift(first, JSONL_LINES[0]["text"])
    assert second["input"] == f"{path}:2"
    assert second["id"].startswith("doc-")
    assert second["transfers"] == []


def test_analyze_directory_reads_supported_files_in_sorted_order(
    invoke: Callable[..., Result], repo_root: Path, tmp_path: Path
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text((repo_root / EXAMPLE).read_text("utf-8"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("Kim received a car.", encoding="utf-8")
    result = invoke(["analyze", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = _json(result)
    assert [d["input"] for d in data["documents"]] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "page.html"),
    ]
    for document in data["documents"]:
        _assert_car_gift(document, _document_text(document["input"]))


def test_analyze_stdin_with_published_date(
    run_sanctrace: Callable[..., Any], repo_root: Path
) -> None:
    text = (repo_root / EXAMPLE).read_text("utf-8").removeprefix("date 2024-02-20\n")
    result = run_sanctrace(["analyze", "-", "--published", "2024-02-22", "--format", "json"], text)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    assert document["input"] == "-"
    assert document["published"] == "2024-02-22"
    _assert_car_gift(document, text)


def test_analyze_published_never_replaces_a_date_the_input_has(
    invoke: Callable[..., Result], tmp_path: Path
) -> None:
    undated = tmp_path / "undated.jsonl"
    undated.write_text(json.dumps({"text": JSONL_LINES[0]["text"]}) + "\n", encoding="utf-8")
    result = invoke(["analyze", EXAMPLE, str(undated), "--published", "2024-03-05"])
    assert result.exit_code == 0, result.stderr
    dated, filled = _json(result)["documents"]
    assert dated["published"] == EXAMPLE_DATE
    assert filled["published"] == "2024-03-05"
    # Undated transfers fall back to the publication date the option gave.
    assert _car_gift(filled)["date"] == {"basis": "published", "text": None, "value": "2024-03-05"}


# -- other outputs ----------------------------------------------------------------------


def test_analyze_table_shows_parties_goods_and_legal_basis(
    invoke: Callable[..., Result],
) -> None:
    result = invoke(["analyze", EXAMPLE, "--format", "table"])
    assert result.exit_code == 0, result.stderr
    table = _flat(result.stdout)
    for expected in ("Vladimir Putin", "Kim Jong Un", "Aurus limousine", "UNSCR 2397 (2017)"):
        assert expected in table


def test_analyze_html_report_highlights_evidence(
    invoke: Callable[..., Result], repo_root: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.html"
    result = invoke(["analyze", EXAMPLE, "--format", "json", "--html", str(report)])
    assert result.exit_code == 0, result.stderr
    html = report.read_text("utf-8")
    gift = _car_gift(_json(result)["documents"][0])
    assert "<mark" in html
    assert "UNSCR 2397 (2017)" in html
    assert gift["evidence"]["text"].split(",")[0] in html


def test_analyze_unwritable_html_report_is_one_sentence(
    invoke: Callable[..., Result], tmp_path: Path
) -> None:
    result = invoke(
        ["analyze", EXAMPLE, "--format", "json", "--html", str(tmp_path / "no" / "r.html")]
    )
    assert result.exit_code != 0
    assert "Traceback" not in result.output + result.stderr
    assert "HTML report" in _flat(result.stderr)


# -- bad input ---------------------------------------------------------------------------


def _binary(path: Path) -> None:
    path.write_bytes(b"\x00\x01\x02PNG\x00\xff" * 40)


def _latin1(path: Path) -> None:
    path.write_bytes("Des voitures de luxe ont été livrées à Pyongyang.".encode("latin-1"))


def _bodiless_page(path: Path) -> None:
    path.write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/news'>News</a></nav><form><input name='q'></form></body></html>",
        encoding="utf-8",
    )


def _oversized(path: Path) -> None:
    path.write_text("Ships carried coal from Nampo to Ningbo. " * 400, encoding="utf-8")


BAD_FILES: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "empty file": ("empty.txt", lambda p: p.write_text("   \n", encoding="utf-8"), "empty"),
    "binary file": ("photo.txt", _binary, "binary"),
    "non-UTF-8 file": ("latin.txt", _latin1, "UTF-8"),
    "page without article body": ("menu.html", _bodiless_page, "no article body"),
    "file above --max-bytes": ("huge.txt", _oversized, "limit"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_analyze_bad_file_is_one_error_and_others_still_analysed(
    invoke: Callable[..., Result], tmp_path: Path, case: str
) -> None:
    name, write, words = BAD_FILES[case]
    bad = tmp_path / name
    write(bad)
    result = invoke(["analyze", str(bad), EXAMPLE, "--format", "json", "--max-bytes", "8000"])
    _assert_one_error_and_example_analysed(result, str(bad), words)


def test_analyze_missing_path_is_one_error(invoke: Callable[..., Result], tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-article.txt")
    result = invoke(["analyze", missing, EXAMPLE, "--format", "json"])
    _assert_one_error_and_example_analysed(result, missing, "does not exist")


def test_analyze_empty_directory_is_one_error(
    invoke: Callable[..., Result], tmp_path: Path
) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    result = invoke(["analyze", str(empty), EXAMPLE, "--format", "json"])
    _assert_one_error_and_example_analysed(result, str(empty), "no .txt")


def test_analyze_malformed_jsonl_line_skips_only_that_line(
    invoke: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps(JSONL_LINES[0])
    path.write_text(f'{good}\n{{"text": "unfinished\n{json.dumps(JSONL_LINES[1])}\n', "utf-8")
    result = invoke(["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = _json(result)
    assert [e["input"] for e in data["errors"]] == [f"{path}:2"]
    assert _one_sentence(data["errors"][0]["error"])
    assert [d["input"] for d in data["documents"]] == [f"{path}:1", f"{path}:3"]
    _car_gift(data["documents"][0])


def test_analyze_bad_published_is_one_error_and_inputs_still_analysed(
    invoke: Callable[..., Result],
) -> None:
    result = invoke(["analyze", EXAMPLE, "--format", "json", "--published", "2024-02-30"])
    _assert_one_error_and_example_analysed(result, "--published", "2024-02-30")


def test_analyze_unknown_format_is_refused_cleanly(invoke: Callable[..., Result]) -> None:
    result = invoke(["analyze", EXAMPLE, "--format", "xml"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    message = _flat(result.stderr)
    assert "'xml'" in message
    assert all(choice in message for choice in ("json", "table", "ftm"))
    assert result.stdout == ""


def test_analyze_exit_status_is_non_zero_only_when_nothing_was_analysed(
    invoke: Callable[..., Result], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = invoke(["analyze", str(empty), str(missing), "--format", "json"])
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["documents"] == []
    assert [e["input"] for e in data["errors"]] == [str(empty), str(missing)]
    stderr = _flat(result.stderr)
    assert all(_flat(e["error"]) in stderr for e in data["errors"])


def _assert_one_error_and_example_analysed(result: Result, where: str, words: str) -> None:
    assert result.exit_code == 0, result.stderr
    data = _json(result)
    assert [e["input"] for e in data["errors"]] == [where], data["errors"]
    error = data["errors"][0]["error"]
    assert words in error
    assert _one_sentence(error), error
    assert _flat(error) in _flat(result.stderr)
    assert [d["input"] for d in data["documents"]] == [EXAMPLE]
    _car_gift(data["documents"][0])
