"""Screen a CSV file of names and write the hits as CSV or JSON.

The input has a `name` column and optional `country`, `kind` and
`birth_year` columns, with a header row naming them; a file without a
header is read as those four columns in that order. A row that cannot be
screened (an empty name, a birth year that is not a year) does not stop
the file: its error sentence is written in the output instead of hits.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sanctrace.errors import InputProblem
from sanctrace.model import ScreeningHit
from sanctrace.screening.matcher import Screener
from sanctrace.screening.names import ScreeningInputError

COLUMNS = ("name", "country", "kind", "birth_year")
OUTPUT_FORMATS = (".csv", ".json")
_HIT_COLUMNS = (
    "rank",
    "list",
    "entry_id",
    "listed_name",
    "score",
    "programs",
    "listed_on",
    "explanation",
)


class BulkFileError(InputProblem):
    """A bulk screening file cannot be read or written."""


@dataclass(slots=True)
class NameRow:
    """One name to screen, with its line number in the input file."""

    line: int
    name: str
    country: str | None = None
    kind: str | None = None
    birth_year: str | None = None


@dataclass(slots=True)
class RowResult:
    """The hits for one row, or the sentence saying why it was not screened."""

    row: NameRow
    hits: list[ScreeningHit] = field(default_factory=list)
    error: str | None = None


def read_names(path: Path) -> list[NameRow]:
    """Read the rows of a names CSV; raise BulkFileError if it cannot be used."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            lines = list(csv.reader(stream))
    except FileNotFoundError:
        raise BulkFileError(f"Cannot screen {path}: there is no such file.") from None
    except UnicodeDecodeError:
        raise BulkFileError(
            f"Cannot screen {path}: it is not UTF-8 text; save it as UTF-8 CSV."
        ) from None
    except (OSError, csv.Error) as error:
        raise BulkFileError(f"Cannot screen {path}: {error}.") from None
    header = [cell.strip().lower() for cell in lines[0]] if lines else []
    if "name" not in header and set(header) & set(COLUMNS):
        named = ", ".join(cell for cell in header if cell)
        raise BulkFileError(
            f"Cannot screen {path}: its header ({named}) has no name column; "
            "add a column named 'name' holding the names to screen."
        )
    if "name" in header:
        unknown = [cell for cell in header if cell and cell not in COLUMNS]
        if unknown:
            raise BulkFileError(
                f"Cannot screen {path}: unknown column {unknown[0]!r}; "
                f"the columns are {', '.join(COLUMNS)}."
            )
        columns, start = header, 1
    else:
        columns, start = list(COLUMNS), 0
    rows = []
    for number, cells in enumerate(lines[start:], start=start + 1):
        if not any(cell.strip() for cell in cells):
            continue
        values = {col: cell.strip() or None for col, cell in zip(columns, cells, strict=False)}
        rows.append(NameRow(line=number, name=values.get("name") or "", **_qualifiers(values)))
    if not rows:
        raise BulkFileError(f"Cannot screen {path}: it holds no names.")
    return rows


def _qualifiers(values: dict[str, str | None]) -> dict[str, str | None]:
    return {key: values.get(key) for key in ("country", "kind", "birth_year")}


def screen_rows(
    screener: Screener,
    rows: Iterable[NameRow],
    limit: int = 5,
    advance: Callable[[], None] | None = None,
) -> Iterator[RowResult]:
    """Screen each row; `advance` is called after each (for a progress bar)."""
    for row in rows:
        try:
            hits = screener.screen(
                row.name,
                kind=row.kind,
                country=row.country,
                birth_year=_birth_year(row.birth_year),
                limit=limit,
            )
            yield RowResult(row, hits)
        except InputProblem as error:
            yield RowResult(row, error=str(error))
        if advance is not None:
            advance()


def _birth_year(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.isdigit():
        raise ScreeningInputError(
            f"The birth year {value!r} is not a year: write it as four digits."
        )
    return int(value)


def write_results(results: Iterable[RowResult], path: Path) -> int:
    """Write results as CSV or JSON (by `path`'s extension); return rows written."""
    suffix = path.suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise BulkFileError(
            f"Cannot write {path}: the output must end in .csv or .json to choose its format."
        )
    try:
        with path.open("w", encoding="utf-8", newline="") as stream:
            if suffix == ".json":
                records = [result_record(result) for result in results]
                json.dump(records, stream, ensure_ascii=False, indent=2)
                return len(records)
            writer = csv.writer(stream)
            writer.writerow(["line", *COLUMNS, *_HIT_COLUMNS, "error"])
            count = 0
            for result in results:
                for cells in csv_rows(result):
                    writer.writerow(cells)
                count += 1
            return count
    except OSError as error:
        raise BulkFileError(f"Cannot write {path}: {error.strerror}.") from None


def result_record(result: RowResult) -> dict[str, object]:
    """The JSON object for one row: its input, its hits and its error."""
    record: dict[str, object] = asdict(result.row)
    record["hits"] = [asdict(hit) for hit in result.hits]
    record["error"] = result.error
    return record


def csv_rows(result: RowResult) -> list[list[object]]:
    """One CSV row per hit (one row with empty hit cells when there is none)."""
    row = result.row
    head: list[object] = [row.line, row.name, row.country, row.kind, row.birth_year]
    if not result.hits:
        return [[*head, *([None] * len(_HIT_COLUMNS)), result.error]]
    return [
        [
            *head,
            rank,
            hit.list,
            hit.entry_id,
            hit.name,
            hit.score,
            "; ".join(hit.programs),
            hit.listed_on,
            json.dumps(hit.explanation, ensure_ascii=False),
            None,
        ]
        for rank, hit in enumerate(result.hits, start=1)
    ]
