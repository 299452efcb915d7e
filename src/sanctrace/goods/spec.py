"""Reading the goods taxonomy file and reporting what is wrong with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sanctrace.datafiles import read_yaml
from sanctrace.errors import DataFileError


class TaxonomyError(DataFileError):
    """The goods taxonomy file is missing, unreadable or breaks its schema."""

    def __init__(self, path: Path, where: str, problem: str) -> None:
        self.path = path
        self.where = where
        super().__init__(
            f"The goods taxonomy {path} is invalid at {where}: {problem}; correct that entry."
        )


def read_spec(path: Path) -> dict[str, Any]:
    """Parse a taxonomy YAML file into a mapping, or raise TaxonomyError."""
    data = read_yaml(path, lambda where, problem: TaxonomyError(path, where, problem))
    if not isinstance(data, dict):
        raise TaxonomyError(path, "the top level", "it must be a mapping")
    return data
