"""Read the US OFAC SDN list in its CSV form into followthemoney entities.

OFAC publishes `sdn.csv` (one row per entry, no header: ent_num, SDN_Name,
SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
Vess_owner, Remarks) and, beside it, `add.csv` (addresses), `alt.csv`
(aliases) and `sdn_comments.csv` (the rest of Remarks longer than the
column). Empty cells hold "-0-"; files end with a DOS end-of-file byte (^Z).

Each row becomes a Person ("individual"), Vessel, Airplane or Organization
("-0-") with id "ofac-<ent_num>"; `program` holds the programmes
("[NPWMD] [DPRK2]" -> NPWMD, DPRK2); Remarks facts become properties (see
`ofac_remarks`) and the whole Remarks stay in `notes`. The CSV carries no
listing date and no alias quality, so `createdAt` and `weakAlias` stay empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from followthemoney import ValueEntity

from sanctrace.errors import ListImportError
from sanctrace.screening.loaders.base import (
    ListFile,
    clean_text,
    date_in_path,
    joined,
    new_entity,
    require_file,
)
from sanctrace.screening.loaders.ofac_remarks import apply_remarks, names_of

OFAC_DATASET = "us_ofac_sdn"
OFAC_TITLE = "US OFAC Specially Designated Nationals (SDN) list"
OFAC_SOURCE_URL = "https://www.treasury.gov/ofac/downloads/sdn.csv"
SDN_FILE = "sdn.csv"
SDN_COLUMNS = 12
NULL = "-0-"
#: The DOS end-of-file byte OFAC writes at the end of sdn.csv, add.csv and alt.csv.
END_MARKER = b"\x1a"

_SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
_ALIAS_PROPS = {"aka": "alias", "fka": "previousName", "nka": "alias"}
#: Companion file -> its number of columns.
_COMPANIONS = {"add.csv": 6, "alt.csv": 5, "sdn_comments.csv": 2}

Row = list[str | None]


def find_sdn_file(path: Path) -> Path:
    """`path` itself, or the sdn.csv inside the folder `path` (any letter case)."""
    if path.is_dir():
        for child in path.iterdir():
            if child.name.lower() == SDN_FILE:
                return child
        raise ListImportError(
            f"Cannot import {path}: the folder has no {SDN_FILE}; "
            "give the path of OFAC's sdn.csv or of the folder that holds it."
        )
    require_file(path, "OFAC SDN CSV")
    return path


def read_ofac_csv(path: Path, dataset: str | None = None, force: bool = False) -> ListFile:
    """Open the SDN CSV at `path` (file or folder) with its companion files.

    Companion files are read at once (they are small and keyed by entry);
    sdn.csv rows are converted lazily, so a malformed row raises
    `ListImportError` while iterating. Unless `force`, a file without OFAC's
    end-of-file byte, or companions naming entries sdn.csv lacks, is
    refused as truncated.
    """
    sdn = find_sdn_file(path)
    companion_paths = {name: _companion_path(sdn.parent, name) for name in _COMPANIONS}
    if not force:
        for checked in (sdn, companion_paths["add.csv"], companion_paths["alt.csv"]):
            if checked is not None:
                _check_end_marker(checked)
    companions = {
        name: _companion(companion_paths[name], width) for name, width in _COMPANIONS.items()
    }
    dataset_id = dataset or OFAC_DATASET
    entities = _entities(sdn, companions, dataset_id, force)
    return ListFile(dataset_id, OFAC_TITLE, str(sdn), date_in_path(sdn), entities, "ofac_csv")


def _check_end_marker(path: Path) -> None:
    """OFAC ends sdn.csv, add.csv and alt.csv with ^Z: a file without it was cut short."""
    with path.open("rb") as stream:
        stream.seek(max(path.stat().st_size - 64, 0))
        tail = stream.read()
    if not tail.rstrip(b" \t\r\n").endswith(END_MARKER):
        raise ListImportError(
            f"Cannot import {path}: it lacks the end-of-file mark (^Z) OFAC ends it with, so "
            "it was cut short; download it again, or import it anyway with --force."
        )


def _entities(
    sdn: Path, companions: dict[str, dict[str, list[Row]]], dataset: str, force: bool
) -> Iterator[ValueEntity]:
    remarks_tails = {key: rows[0][1] or "" for key, rows in companions["sdn_comments.csv"].items()}
    seen: set[str] = set()
    for row in _rows(sdn, SDN_COLUMNS):
        entry = row[0] or ""
        seen.add(entry)
        entity = _entry(row, remarks_tails.get(entry, ""), dataset)
        for alias in companions["alt.csv"].get(entry, []):
            prop = _ALIAS_PROPS.get((alias[2] or "").lower(), "alias")
            entity.add(prop, names_of(alias[3] or "", entity.schema.is_a("Person")))
        for address in companions["add.csv"].get(entry, []):
            entity.add("address", joined(address[2:5]))
            entity.add("country", address[4])
        if entity.has("name"):
            yield entity
    if not force:
        _check_counts(sdn, companions, seen)


def _check_counts(sdn: Path, companions: dict[str, dict[str, list[Row]]], seen: set[str]) -> None:
    """Every entry the aliases and addresses files name must be in sdn.csv."""
    for name in ("alt.csv", "add.csv"):
        missing = companions[name].keys() - seen
        if missing:
            raise ListImportError(
                f"Cannot import {sdn}: {name} beside it names {len(missing):,} entries that "
                f"{sdn.name} lacks, so one of the files is cut short or from another day; "
                "download them again, or import anyway with --force."
            )


def _entry(row: Row, remarks_tail: str, dataset: str) -> ValueEntity:
    (
        entry,
        name,
        kind,
        programs,
        title,
        call_sign,
        vessel_type,
        tonnage,
        grt,
        flag,
        owner,
        remarks,
    ) = row
    schema = _SCHEMAS.get((kind or "").lower(), "Organization")
    entity = new_entity(schema, f"ofac-{entry}", dataset)
    is_person = schema == "Person"
    listed, *reordered = names_of(name or "", is_person)
    # The listed form ("KIM, Jong Un") stays the name users see; the reordered
    # form and the surname marked by the comma help matching.
    entity.add("name", listed)
    entity.add("alias", reordered)
    if reordered:
        last, first = (part.strip() for part in listed.split(",")[:2])
        entity.add("lastName", last)
        entity.add("firstName", first)
    entity.add("program", [part.strip(" []") for part in (programs or "").split("] [")])
    entity.add("position" if is_person else "notes", title)
    if schema == "Vessel":
        entity.add("callSign", call_sign)
        entity.add("type", vessel_type)
        entity.add("tonnage", tonnage)
        entity.add("grossRegisteredTonnage", grt)
        entity.add("flag", flag)
        entity.add("notes", f"Owner: {owner}" if owner else None)
    full_remarks = (remarks or "") + remarks_tail
    apply_remarks(entity, full_remarks)
    entity.add("notes", clean_text(full_remarks))
    entity.add("sourceUrl", OFAC_SOURCE_URL, cleaned=True)
    return entity


def _companion_path(folder: Path, name: str) -> Path | None:
    """The companion file `name` in `folder` (any letter case), if there is one."""
    return next((child for child in folder.iterdir() if child.name.lower() == name), None)


def _companion(path: Path | None, width: int) -> dict[str, list[Row]]:
    """Rows of a companion file keyed by ent_num ({} if absent)."""
    keyed: dict[str, list[Row]] = {}
    if path is not None:
        for row in _rows(path, width):
            keyed.setdefault(row[0] or "", []).append(row)
    return keyed


def _rows(path: Path, width: int) -> Iterator[Row]:
    """Cleaned rows of an OFAC CSV file, checked for shape; "-0-" becomes None."""
    reader = csv.reader(io.StringIO(_decode(path), newline=""), strict=True)
    try:
        for row in reader:
            if not any(clean_text(cell) for cell in row):
                continue  # blank lines and the trailing ^Z
            if len(row) != width or not row[0].strip().isdigit():
                raise ListImportError(
                    f"Cannot import {path}: line {reader.line_num} is not a {path.name} row "
                    f"({width} columns starting with an entry number); the file is "
                    "truncated or not an OFAC SDN CSV file."
                )
            yield [None if cell.strip() == NULL else clean_text(cell) for cell in row]
    except csv.Error as error:
        raise ListImportError(
            f"Cannot import {path}: the CSV is malformed at line {reader.line_num} ({error}); "
            "download the list again."
        ) from None


def _decode(path: Path) -> str:
    """OFAC files are UTF-8 today and were Windows-1252 once; read either."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
