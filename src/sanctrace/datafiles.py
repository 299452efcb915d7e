"""Read the project's YAML knowledge files quickly, with errors that name the place.

libyaml's C loader is several times faster than the pure-Python one, which
matters because every `analyze` run reads the gazetteer, taxonomy, lexicon
and regimes at start. Loading is strict: a key given twice in one mapping is
an error (YAML would silently keep the last), and every mapping remembers the
line of each key so that an unknown key is reported where it stands.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NotRequired, get_origin, get_type_hints

import yaml

from sanctrace.errors import DataFileError

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Builds a loader's own error from where in the file and what is wrong.
ErrorFactory = Callable[[str, str], DataFileError]


class KeyedMap(dict[Any, Any]):
    """A mapping read from YAML that knows the line (1-based) of each of its keys."""

    lines: dict[Any, int]


class DuplicateKey(yaml.YAMLError):
    """A mapping names one key twice."""

    def __init__(self, key: object, line: int) -> None:
        super().__init__(f"key {key!r} appears twice")
        self.key = key
        self.line = line


class _StrictLoader(_BASE_LOADER):  # type: ignore[misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> KeyedMap:
        self.flatten_mapping(node)
        mapping = KeyedMap()
        mapping.lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in mapping:
                raise DuplicateKey(key, line)
            mapping[key] = self.construct_object(value_node, deep=deep)
            mapping.lines[key] = line
        return mapping


def _construct_map(loader: _StrictLoader, node: yaml.MappingNode) -> Any:
    # A generator, as PyYAML's own constructors are, so that recursive nodes work.
    mapping = KeyedMap()
    mapping.lines = {}
    yield mapping
    built = loader.construct_mapping(node)
    mapping.update(built)
    mapping.lines = built.lines


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely; raises yaml.YAMLError on bad input or a repeated key."""
    return yaml.load(text, Loader=_StrictLoader)


def line_of(raw: Any, key: object) -> int | None:
    """The line a key of a mapping read by `load_yaml` stands on, when known."""
    return getattr(raw, "lines", {}).get(key)


def read_yaml(path: Path, error: ErrorFactory) -> Any:
    """Parse a knowledge file; unreadable files and bad YAML raise `error(where, problem)`."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error("the file", f"it cannot be read ({exc.strerror})") from exc
    except DuplicateKey as exc:
        raise error(f"line {exc.line}", f"gives the key {exc.key!r} twice") from exc
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
    if not getattr(spec, "__total__", True):
        required = set()  # total=False: every key is optional
    if unknown := sorted(set(raw) - set(hints), key=str):
        line = line_of(raw, unknown[0])
        at = f"line {line}, {where}" if line else where
        raise error(at, f"it has unknown keys {unknown}")
    if missing := sorted(required - set(raw)):
        raise error(where, f"it lacks the keys {missing}")
    return raw
