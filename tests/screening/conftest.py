"""A screener over the real UN and 2024 OFAC SDN lists, built once per test session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from followthemoney import EntityProxy

from sanctrace.screening import Screener
from sanctrace.screening.loaders import read_list
from screening.loaders.real_lists import SDN_2024, UN_XML, real_list


def real_entities() -> Iterator[EntityProxy]:
    """Every entity of the real UN XML and 2024 sdn.csv, read by the list loaders."""
    for name in (UN_XML, SDN_2024):
        yield from read_list(real_list(name)).entities


@pytest.fixture(scope="session")
def real_screener() -> Screener:
    """The screener the must-show cases run on (default algorithm and threshold)."""
    return Screener.from_entities(real_entities())


@pytest.fixture(scope="session")
def scoring_screener(real_screener: Screener) -> Screener:
    """The same index with no threshold, to compare scores that are not reported."""
    return Screener(real_screener.index, threshold=0.0)
