"""The OFAC SDN CSV loader, on the real 2024 file and the 2021 set with companions."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from followthemoney import EntityProxy

from sanctrace.errors import ListImportError
from sanctrace.screening.loaders.ofac_csv import OFAC_DATASET, find_sdn_file, read_ofac_csv

from .real_lists import SDN_2021, SDN_2024, real_list


def _sdn_rows(path: Path) -> dict[str, list[str]]:
    with path.open(encoding="utf-8", newline="") as lines:
        return {row[0]: row for row in csv.reader(lines) if len(row) == 12}


def test_ofac_csv_reads_every_row_with_its_kind(sdn_2024_entities: dict[str, EntityProxy]) -> None:
    rows = _sdn_rows(real_list(SDN_2024))
    kinds = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
    assert len(sdn_2024_entities) == len(rows)
    for number, row in rows.items():
        expected = kinds.get(row[2].strip(), "Organization")
        assert sdn_2024_entities[f"ofac-{number}"].schema.name == expected


def test_ofac_csv_list_identity_comes_from_the_path() -> None:
    listfile = read_ofac_csv(real_list(SDN_2024))
    assert listfile.dataset == OFAC_DATASET
    assert listfile.source_date == "2024-05-03"


def test_ofac_csv_person_keeps_listed_name_and_adds_natural_order(
    sdn_2024_entities: dict[str, EntityProxy],
) -> None:
    kim = sdn_2024_entities["ofac-20157"]
    assert kim.caption == "KIM, Jong Un"
    assert "Jong Un KIM" in kim.get("alias")
    assert kim.get("lastName") == ["KIM"]
    assert kim.get("firstName") == ["Jong Un"]
    assert kim.get("program") == ["DPRK3"]
    assert kim.get("birthDate") == ["1984-01-08"]


def test_ofac_csv_remarks_become_properties(sdn_2024_entities: dict[str, EntityProxy]) -> None:
    putin = sdn_2024_entities["ofac-35096"]
    assert putin.get("nationality") == ["ru"]
    assert putin.get("gender") == ["male"]
    assert putin.get("birthPlace") == ["Leningrad, Russia"]
    assert putin.get("position") == ["President of the Russian Federation"]
    kim_yo_jong = sdn_2024_entities["ofac-21444"]
    assert kim_yo_jong.get("gender") == ["female"]
    assert kim_yo_jong.get("birthDate") == ["1989-09-26"]


def test_ofac_csv_programs_in_brackets_and_akas_in_remarks(
    sdn_2024_entities: dict[str, EntityProxy],
) -> None:
    komid = sdn_2024_entities["ofac-9345"]
    assert sorted(komid.get("program")) == ["DPRK2", "NPWMD"]
    assert komid.get("alias") == ["KOMID"]
    assert "Secondary sanctions risk" in komid.get("notes")[0]


@pytest.mark.parametrize(
    ("number", "name", "imo"),
    [
        ("23734", "SAM JONG 2", "IMO7408873"),
        ("23738", "JI SONG 6", "IMO8898740"),
        ("23788", "YUK TUNG", "IMO9030591"),
        ("37095", "LADY R", "IMO9161003"),
    ],
)
def test_ofac_csv_vessels_carry_imo_numbers(
    sdn_2024_entities: dict[str, EntityProxy], number: str, name: str, imo: str
) -> None:
    vessel = sdn_2024_entities[f"ofac-{number}"]
    assert vessel.schema.name == "Vessel"
    assert vessel.get("name") == [name]
    assert vessel.get("imoNumber") == [imo]


def test_ofac_csv_vessel_columns(sdn_2024_entities: dict[str, EntityProxy]) -> None:
    lady_r = sdn_2024_entities["ofac-37095"]
    assert lady_r.get("flag") == ["ru"]
    assert lady_r.get("type") == ["Roll-on Roll-off"]
    assert lady_r.get("grossRegisteredTonnage") == ["7260"]


def test_ofac_csv_companion_files_add_aliases_addresses_and_remarks(
    sdn_2021_entities: dict[str, EntityProxy],
) -> None:
    folder = real_list(SDN_2021)
    rows = _sdn_rows(folder / "sdn.csv")
    assert len(sdn_2021_entities) == len(rows)
    bank = sdn_2021_entities["ofac-306"]
    assert "NATIONAL BANK OF CUBA" in bank.get("alias")  # alt.csv
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bank.get("address")  # add.csv
    assert "ch" in bank.get("country")
    with (folder / "sdn_comments.csv").open(encoding="utf-8", newline="") as lines:
        comments = list(csv.reader(lines))
    for number, tail in comments:
        notes = sdn_2021_entities[f"ofac-{number}"].get("notes")
        assert any(note.endswith(" ".join(tail.split())) for note in notes)


def test_ofac_csv_folder_without_sdn_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ListImportError, match=r"the folder has no sdn\.csv"):
        find_sdn_file(tmp_path)


def test_ofac_csv_reads_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "SDN.CSV"
    row = '7,"CAFÉ DEL MAR S.A.",-0- ,"SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a'
    path.write_bytes(row.encode("cp1252"))
    (entity,) = list(read_ofac_csv(tmp_path).entities)
    assert entity.get("name") == ["CAFÉ DEL MAR S.A."]
    assert not entity.has("notes")


def test_ofac_csv_truncated_file_fails_with_its_line(tmp_path: Path) -> None:
    data = real_list(SDN_2024).read_bytes()
    cut = data.index(b"\r\n", len(data) // 2) - 20  # inside a row
    path = tmp_path / "sdn.csv"
    path.write_bytes(data[:cut])
    lines = data[:cut].count(b"\n") + 1
    with pytest.raises(ListImportError, match=r"lacks the end-of-file mark \(\^Z\)"):
        read_ofac_csv(path)
    # Forced past the missing mark, the cut row is still caught, with its line.
    with pytest.raises(ListImportError) as caught:
        list(read_ofac_csv(path, force=True).entities)
    message = str(caught.value)
    assert str(path) in message
    assert f"line {lines}" in message


def test_ofac_csv_cut_at_a_line_boundary_is_refused(tmp_path: Path) -> None:
    data = real_list(SDN_2024).read_bytes()
    path = tmp_path / "sdn.csv"
    path.write_bytes(data[: data.index(b"\r\n", len(data) // 2) + 2])
    with pytest.raises(ListImportError) as caught:
        read_ofac_csv(path)
    assert str(caught.value) == (
        f"Cannot import {path}: it lacks the end-of-file mark (^Z) OFAC ends it with, so it "
        "was cut short; download it again, or import it anyway with --force."
    )


def test_ofac_csv_companions_naming_missing_entries_are_refused(tmp_path: Path) -> None:
    source = real_list("ofac-sdn-2021-07-07/sdn.csv").parent
    for name in ("add.csv", "alt.csv", "sdn_comments.csv"):
        (tmp_path / name).write_bytes((source / name).read_bytes())
    rows = (source / "sdn.csv").read_bytes().split(b"\r\n")
    # Half the rows, closed with OFAC's mark: only the companions tell.
    (tmp_path / "sdn.csv").write_bytes(b"\r\n".join(rows[: len(rows) // 2]) + b"\r\n\x1a")
    with pytest.raises(
        ListImportError, match=r"alt.csv beside it names [\d,]+ entries that sdn.csv lacks"
    ):
        list(read_ofac_csv(tmp_path).entities)
    assert len(list(read_ofac_csv(tmp_path, force=True).entities)) > 1000
