"""Read followthemoney entity files: one JSON entity per line.

This is the `entities.ftm.json` export OpenSanctions publishes for each of
its datasets and collections, so users with an OpenSanctions licence can
load any of them. Every entity is kept, whatever its schema (the matcher
picks the ones that carry names); values are cleaned by followthemoney, so a
wrong value is dropped rather than stored.

The dataset id is `--dataset` if given, else the single dataset the first
entity names in its `datasets` field. Each stored entity is tagged with that
id only, so `sanctrace lists remove ID` removes exactly what was imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followthemoney import ValueEntity
from followthemoney.exc import FollowTheMoneyException

from sanctrace.errors import ListImportError
from sanctrace.screening.loaders.base import ListFile, date_in_path, require_file


def read_ftm_json(path: Path, dataset: str | None = None) -> ListFile:
    """Open the entity file at `path`; entities are read lazily.

    The first entity is read at once to check the file and to find the
    dataset id; a bad line later raises `ListImportError` while iterating.
    """
    require_file(path, "followthemoney entity")
    first = next(_records(path), None)
    if first is None:
        raise ListImportError(f"Cannot import {path}: the file holds no entities.")
    dataset_id = dataset or _dataset_of(path, first[1])
    title = f"followthemoney entities from {path.name}"
    source_date = date_in_path(path)
    return ListFile(
        dataset_id, title, str(path), source_date, _entities(path, dataset_id), "ftm_json"
    )


def _dataset_of(path: Path, record: dict[str, Any]) -> str:
    datasets = record.get("datasets") or []
    if isinstance(datasets, list) and len(datasets) == 1 and isinstance(datasets[0], str):
        return datasets[0]
    named = ", ".join(str(name) for name in datasets) if isinstance(datasets, list) else ""
    raise ListImportError(
        f"Cannot import {path}: its entities do not name one dataset "
        f"({named or 'none given'}); choose an id with --dataset."
    )


def _entities(path: Path, dataset: str) -> Iterator[ValueEntity]:
    for line_number, record in _records(path):
        try:
            entity = ValueEntity.from_dict(record, cleaned=False)
        except FollowTheMoneyException as error:
            reason = f"was rejected by followthemoney ({str(error).rstrip('.')})"
            raise _bad_line(path, line_number, reason) from None
        entity.datasets = {dataset}
        yield entity


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, JSON object) for each non-blank line, checked for the entity shape."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line_number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise _bad_line(path, line_number, f"is not valid JSON ({error.msg})") from None
            if not (
                isinstance(record, dict)
                and isinstance(record.get("id"), str)
                and isinstance(record.get("schema"), str)
                and isinstance(record.get("properties", {}), dict)
            ):
                reason = "is not a followthemoney entity with id, schema and properties"
                raise _bad_line(path, line_number, reason)
            yield line_number, record


def _bad_line(path: Path, line_number: int, reason: str) -> ListImportError:
    return ListImportError(
        f"Cannot import {path}: line {line_number} {reason}; "
        "a followthemoney entity file has one JSON entity per line."
    )
