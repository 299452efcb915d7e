"""Where the real list files are: ../shared/data/lists beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

LISTS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "lists"
UN_XML = "un-consolidated-2026-02-27.xml"
SDN_2024 = "ofac-sdn-2024-05-03/sdn.csv"
SDN_2021 = "ofac-sdn-2021-07-07"


def real_list(name: str) -> Path:
    """The path of a real list file; fails the test (no skip) when it is missing."""
    path = LISTS / name
    if not path.exists():
        pytest.fail(
            f"The real list {path} is missing: these tests need ../shared/data/lists "
            "beside the repository.",
            pytrace=False,
        )
    return path
