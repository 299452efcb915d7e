"""Read the project's YAML knowledge files quickly, with errors that name the place.

libyaml's C loader is several times faster than the pure-Python one, which
matters because every `analyze` run reads the gazetteer, taxonomy, lexicon
and regimes at start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NotRequired, get_origin, get_type_hints

import yaml

from sanctrace.errors import DataFileError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Builds a loader's own error from where in the file and what is wrong.
ErrorFactory = Callable[[str, str], DataFileError]


def load_yaml(text: str) -> Any:
    """Parse YAML text safely; raises yaml.YAMLError on bad input."""
    return yaml.load(text, Loader=_LOADER)


def read_yaml(path: Path, error: ErrorFactory) -> Any:
    """Parse a knowledge file; unreadable files and bad YAML raise `error(where, problem)`."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error("the file", f"it cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "the file"
        problem = getattr(exc, "problem", None) or "bad syntax"
        raise error(where, f"it is not valid YAML ({problem})") from exc


def check_keys(raw: Any, spec: type, where: str, error: ErrorFactory) -> dict[str, Any]:
    """Check a mapping against a TypedDict spec: a mapping, no unknown key, no missing one."""
    if not isinstance(raw, dict):
        raise error(where, "it must be a mapping")
    hints = get_type_hints(spec, include_extras=True)
    # Resolved here because string annotations hide NotRequired from __required_keys__.
    required = {k for k, hint in hints.items() if get_origin(hint) is not NotRequired}
    if unknown := sorted(set(raw) - set(hints)):
        raise error(where, f"it has unknown keys {unknown}")
    if missing := sorted(required - set(raw)):
        raise error(where, f"it lacks the keys {missing}")
    return raw
