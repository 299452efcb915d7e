"""`read_list` picks the loader by content, not by file name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sanctrace.errors import ListImportError
from sanctrace.screening.loaders import detect_kind, read_list

from .real_lists import SDN_2021, SDN_2024, UN_XML, real_list


@pytest.mark.parametrize(
    ("source", "disguise", "kind"),
    [(UN_XML, "list.csv", "un_xml"), (SDN_2024, "sdn.txt", "ofac_csv")],
)
def test_read_list_detects_real_files_by_content(
    tmp_path: Path, source: str, disguise: str, kind: str
) -> None:
    copy = tmp_path / disguise
    shutil.copyfile(real_list(source), copy)
    assert detect_kind(copy) == kind


def test_read_list_detects_entity_files(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text(json.dumps({"id": "a", "schema": "Person", "properties": {}}) + "\n")
    assert detect_kind(path) == "ftm_json"


def test_read_list_opens_each_kind_with_its_dataset() -> None:
    assert read_list(real_list(UN_XML)).dataset == "un_sc_sanctions"
    assert read_list(real_list(SDN_2024)).dataset == "us_ofac_sdn"
    folder = read_list(real_list(SDN_2021), dataset="sdn_2021")
    assert folder.dataset == "sdn_2021"
    assert folder.source_path.endswith("sdn.csv")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("name,country\nKim Jong Un,kp\n", "not a list sanctrace can read"),
    ],
)
def test_read_list_refuses_other_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "names.csv"
    path.write_text(content)
    with pytest.raises(ListImportError, match=message):
        read_list(path)


def test_read_list_refuses_a_companion_file() -> None:
    with pytest.raises(ListImportError, match="not a list sanctrace can read"):
        read_list(real_list(SDN_2021) / "alt.csv")


def test_read_list_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ListImportError, match="no such file or folder"):
        read_list(tmp_path / "nowhere.xml")
