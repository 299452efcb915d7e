"""Named classes of words that the grammar reads (containers, vessel nouns, ...).

The words are data beside the code that uses them (`transfers/words.yaml`,
`parties/words.yaml`); the code names a class, never its members. Each file
must give exactly the classes its reader expects, each a list of distinct
lower-case words, so a misspelt class name fails at load instead of leaving
a class silently empty.
"""

from __future__ import annotations

from pathlib import Path

from sanctrace.datafiles import line_of, read_yaml
from sanctrace.errors import DataFileError


class WordClassError(DataFileError):
    """A word-class file is invalid."""


def load_word_classes(path: Path, expected: frozenset[str]) -> dict[str, frozenset[str]]:
    """Read a word-class file, raising WordClassError naming the file, line and class."""

    def fail(where: str, problem: str) -> WordClassError:
        return WordClassError(f"Word classes {path}: {where} {problem}; fix the file and retry.")

    raw = read_yaml(path, fail)
    if not isinstance(raw, dict):
        raise fail("the file", "is not a mapping of class names to word lists")
    for name in sorted(set(raw) - expected):
        raise fail(f"line {line_of(raw, name)}", f"names the unknown class {name!r}")
    for name in sorted(expected - set(raw)):
        raise fail("the file", f"lacks the class {name!r}")
    classes: dict[str, frozenset[str]] = {}
    for name, words in raw.items():
        where = f"line {line_of(raw, name)}, class {name!r},"
        if not (isinstance(words, list) and words and all(isinstance(w, str) for w in words)):
            raise fail(where, "is not a non-empty list of words")
        if len(set(words)) != len(words):
            twice = sorted({w for w in words if words.count(w) > 1})
            raise fail(where, f"lists {twice} twice")
        if any(w != w.lower() for w in words):
            raise fail(where, "has words that are not lower case")
        classes[name] = frozenset(words)
    return classes
