"""Screening: parties against sanctions lists, with explained scores.

`Screener` screens a name with what is known of the party (kind, country,
birth date, aliases, a vessel's flag and IMO number: a `PartyQuery`) against
the entries of the loaded lists (followthemoney entities, see
`sanctrace.screening.loaders` and `sanctrace.store`), through a candidate
index stored with the lists, using one of nomenklatura's matching
algorithms, logic-v2 by default. `screen_party` screens a party the
analyser found, with what the gazetteer knows of it. Each
`sanctrace.model.ScreeningHit` carries the per-feature contributions to its
score and the name parts that matched. `read_names`, `screen_rows` and
`write_results` screen a CSV file of names.

The names below are imported on first use: nomenklatura pulls in
scikit-learn (seconds), which the list loaders in this package never need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sanctrace.screening.bulk import read_names, screen_rows, write_results
    from sanctrace.screening.context import screen_party
    from sanctrace.screening.matcher import (
        DEFAULT_ALGORITHM,
        DEFAULT_THRESHOLD,
        KIND_SCHEMATA,
        Screener,
    )
    from sanctrace.screening.names import MAX_NAME_LENGTH, ScreeningInputError
    from sanctrace.screening.query import PartyQuery

_EXPORTS = {
    "DEFAULT_ALGORITHM": "sanctrace.screening.matcher",
    "DEFAULT_THRESHOLD": "sanctrace.screening.matcher",
    "KIND_SCHEMATA": "sanctrace.screening.matcher",
    "MAX_NAME_LENGTH": "sanctrace.screening.names",
    "PartyQuery": "sanctrace.screening.query",
    "screen_party": "sanctrace.screening.context",
    "Screener": "sanctrace.screening.matcher",
    "ScreeningInputError": "sanctrace.screening.names",
    "read_names": "sanctrace.screening.bulk",
    "screen_rows": "sanctrace.screening.bulk",
    "write_results": "sanctrace.screening.bulk",
}

__all__ = [
    "DEFAULT_ALGORITHM",
    "DEFAULT_THRESHOLD",
    "KIND_SCHEMATA",
    "MAX_NAME_LENGTH",
    "PartyQuery",
    "Screener",
    "ScreeningInputError",
    "read_names",
    "screen_party",
    "screen_rows",
    "write_results",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sanctrace.screening' has no attribute {name!r}")
    return getattr(import_module(module), name)
