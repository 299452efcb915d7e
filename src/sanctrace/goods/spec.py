"""Reading the goods taxonomy file and reporting what is wrong with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sanctrace.datafiles import load_yaml
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
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise TaxonomyError(path, "the file", f"it cannot be read ({error.strerror})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "the file"
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        raise TaxonomyError(path, where, f"it is not valid YAML ({problem})") from error
    if not isinstance(data, dict):
        raise TaxonomyError(path, "the top level", "it must be a mapping")
    return data
