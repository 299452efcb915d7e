"""What every list loader returns, and the small helpers they share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from followthemoney import EntityProxy, ValueEntity, model

from sanctrace.errors import ListImportError

#: The FtM topic every listed entry carries (as OpenSanctions tags sanctioned entities).
SANCTION_TOPIC = "sanction"

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PATH_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


@dataclass(slots=True)
class ListFile:
    """One opened sanctions list: its identity and a lazy stream of entities.

    `entities` is read while the store imports it, so a malformed part of the
    file raises `ListImportError` during iteration; the store then rolls back.
    """

    dataset: str
    title: str
    source_path: str
    source_date: str | None
    entities: Iterator[EntityProxy]
    #: What kind of file it came from ("un_xml", "ofac_csv", "ftm_json"): a
    #: stored list is not replaced from a file of another kind unless forced.
    kind: str


def new_entity(schema: str, entity_id: str, dataset: str) -> ValueEntity:
    """Return an empty entity of `schema`, tagged as a sanctioned entry of `dataset`."""
    entity = ValueEntity(model.get(schema), {"id": entity_id, "datasets": [dataset]})
    entity.add("topics", SANCTION_TOPIC, cleaned=True)
    return entity


def clean_text(value: str | None) -> str | None:
    """Collapse whitespace and drop control characters; `None` for empty values."""
    if value is None:
        return None
    text = _SPACES.sub(" ", _CONTROL.sub("", value)).strip()
    return text or None


def joined(parts: Iterable[str | None], sep: str = ", ") -> str | None:
    """Join the non-empty cleaned parts, or `None` when all are empty."""
    kept = [text for text in (clean_text(part) for part in parts) if text]
    return sep.join(kept) or None


def date_in_path(path: Path) -> str | None:
    """The YYYY-MM-DD date in a file or folder name (how list snapshots are kept)."""
    for part in reversed(path.parts):
        found = _PATH_DATE.search(part)
        if found:
            return found.group(1)
    return None


def require_file(path: Path, kind: str) -> None:
    """Raise `ListImportError` unless `path` is a readable file."""
    if not path.is_file():
        raise ListImportError(
            f"Cannot import {path}: no {kind} file is there; check the path and try again."
        )
