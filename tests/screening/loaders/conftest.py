"""The real list files, parsed once per session (they are read-only inputs)."""

from __future__ import annotations

import pytest
from followthemoney import EntityProxy

from sanctrace.screening.loaders.ofac_csv import read_ofac_csv
from sanctrace.screening.loaders.un_xml import read_un_xml

from .real_lists import SDN_2021, SDN_2024, UN_XML, real_list


def by_id(entities: list[EntityProxy]) -> dict[str, EntityProxy]:
    return {entity.id or "": entity for entity in entities}


@pytest.fixture(scope="session")
def un_entities() -> dict[str, EntityProxy]:
    return by_id(list(read_un_xml(real_list(UN_XML)).entities))


@pytest.fixture(scope="session")
def sdn_2024_entities() -> dict[str, EntityProxy]:
    return by_id(list(read_ofac_csv(real_list(SDN_2024)).entities))


@pytest.fixture(scope="session")
def sdn_2021_entities() -> dict[str, EntityProxy]:
    return by_id(list(read_ofac_csv(real_list(SDN_2021)).entities))
