"""Bulk screening of a CSV of names: reading, per-row errors, CSV and JSON output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sanctrace.screening import Screener
from sanctrace.screening.bulk import BulkFileError, read_names, screen_rows, write_results


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_bulk_reads_header_and_qualifiers(tmp_path: Path) -> None:
    rows = read_names(
        _write(
            tmp_path / "in.csv",
            "name,country,kind,birth_year\nKim Jong Un,kp,person,1984\n\nAurus,,,\n",
        )
    )
    assert [(r.line, r.name, r.country, r.kind, r.birth_year) for r in rows] == [
        (2, "Kim Jong Un", "kp", "person", "1984"),
        (4, "Aurus", None, None, None),
    ]


def test_bulk_reads_headerless_file_in_column_order(tmp_path: Path) -> None:
    rows = read_names(_write(tmp_path / "in.csv", "Lady R,ru,vessel\n"))
    assert (rows[0].name, rows[0].country, rows[0].kind) == ("Lady R", "ru", "vessel")


@pytest.mark.parametrize(
    ("text", "words"),
    [("name,colour\nKim,red\n", "unknown column 'colour'"), ("name\n", "holds no names")],
)
def test_bulk_refuses_unusable_files(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(BulkFileError, match=words):
        read_names(_write(tmp_path / "in.csv", text))


def test_bulk_refuses_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(BulkFileError, match="no such file"):
        read_names(tmp_path / "absent.csv")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81name")
    with pytest.raises(BulkFileError, match="UTF-8"):
        read_names(binary)


def test_bulk_screens_rows_and_keeps_row_errors(real_screener: Screener, tmp_path: Path) -> None:
    source = _write(
        tmp_path / "in.csv",
        "name,kind,birth_year\nKim Jong-un,person,1984\n   ,person,\n"
        "Putin,person,soon\nThomas Becker,person,\n",
    )
    seen: list[int] = []
    results = list(screen_rows(real_screener, read_names(source), advance=lambda: seen.append(1)))
    assert len(seen) == 4
    assert results[0].hits[0].name == "KIM, Jong Un"
    assert results[1].error is not None and "empty" in results[1].error
    assert results[2].error is not None and "'soon'" in results[2].error
    assert results[3].hits == [] and results[3].error is None


def test_bulk_writes_csv_and_json(real_screener: Screener, tmp_path: Path) -> None:
    rows = read_names(
        _write(tmp_path / "in.csv", "name,kind\nKOMID,organization\nThomas Becker,person\n")
    )
    assert write_results(screen_rows(real_screener, rows), tmp_path / "out.csv") == 2
    with (tmp_path / "out.csv").open(encoding="utf-8") as stream:
        written = list(csv.DictReader(stream))
    komid = [row for row in written if row["name"] == "KOMID"]
    assert {row["list"] for row in komid} >= {"un_sc_sanctions", "us_ofac_sdn"}
    assert json.loads(komid[0]["explanation"])["name_match"] > 0
    assert [row["listed_name"] for row in written if row["name"] == "Thomas Becker"] == [""]

    write_results(screen_rows(real_screener, rows), tmp_path / "out.json")
    records = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert records[0]["name"] == "KOMID" and records[0]["hits"][0]["score"] == 1.0
    assert records[1]["hits"] == []


def test_bulk_refuses_unknown_output_extension(real_screener: Screener, tmp_path: Path) -> None:
    rows = read_names(_write(tmp_path / "in.csv", "name\nKOMID\n"))
    with pytest.raises(BulkFileError, match=r"\.csv or \.json"):
        write_results(screen_rows(real_screener, rows), tmp_path / "out.xlsx")
