"""Sanctions list loaders: each turns one published list into followthemoney entities.

`read_list` looks at a file's content (not only its name) and hands it to
the matching loader. Every loader returns a `ListFile` whose entities are
`followthemoney.ValueEntity` objects with `datasets` set to the list's
dataset id, the topic "sanction", the list's programmes in `program`, the
listing date (where the list gives one) in `createdAt`, and the entry's
details (aliases, `weakAlias`, birth dates, nationalities, IMO numbers).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from sanctrace.errors import ListImportError
from sanctrace.screening.loaders.base import ListFile
from sanctrace.screening.loaders.ftm_json import read_ftm_json
from sanctrace.screening.loaders.ofac_csv import SDN_COLUMNS, read_ofac_csv
from sanctrace.screening.loaders.un_xml import read_un_xml

__all__ = ["ListFile", "detect_kind", "read_list"]

Reader = Callable[[Path, str | None], ListFile]

#: Kind of list file -> its loader.
READERS: dict[str, Reader] = {
    "un_xml": read_un_xml,
    "ofac_csv": read_ofac_csv,
    "ftm_json": read_ftm_json,
}

#: Bytes read from the start of a file to tell its kind.
_SNIFF_BYTES = 8192


def read_list(path: Path, dataset: str | None = None, force: bool = False) -> ListFile:
    """Open the sanctions list at `path` (a file, or a folder holding OFAC's sdn.csv).

    `dataset` overrides the list's own dataset id ("un_sc_sanctions",
    "us_ofac_sdn", or the id an entity file names). Raises `ListImportError`
    when the path is missing or holds no list sanctrace can read. `force`
    skips the OFAC files' completeness checks (end-of-file byte, entries
    named by the companion files).
    """
    path = Path(path)
    if not path.exists():
        raise ListImportError(f"Cannot import {path}: no such file or folder; check the path.")
    if path.is_dir():
        return read_ofac_csv(path, dataset, force)
    kind = detect_kind(path)
    if kind == "ofac_csv":
        return read_ofac_csv(path, dataset, force)
    return READERS[kind](path, dataset)


def detect_kind(path: Path) -> str:
    """Tell a list file's kind from its first bytes: "un_xml", "ofac_csv" or "ftm_json"."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(_SNIFF_BYTES)
    except OSError as error:
        raise ListImportError(f"Cannot import {path}: {error.strerror}.") from None
    head = raw.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not head:
        raise ListImportError(f"Cannot import {path}: the file is empty.")
    if head.startswith("<"):
        return "un_xml"
    if head.startswith("{"):
        return "ftm_json"
    first_row = next(csv.reader([head.splitlines()[0]]), [])
    if len(first_row) == SDN_COLUMNS and first_row[0].strip().isdigit():
        return "ofac_csv"
    raise ListImportError(
        f"Cannot import {path}: it is not a list sanctrace can read "
        "(the UN consolidated list XML, OFAC's sdn.csv or a followthemoney entity file)."
    )
