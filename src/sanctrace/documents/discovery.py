"""Which files an input argument names: the file itself, or a directory's supported files."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

from sanctrace.model import InputError

#: File name endings the loader reads (compared without regard to case).
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz")

_SUPPORTED_LIST = ", ".join(SUPPORTED_SUFFIXES)


def suffix(path: str) -> str:
    """The lower-case extension of a path, such as ".txt", or "" when it has none."""
    if path.lower().endswith(".jsonl.gz"):
        return ".jsonl.gz"
    return os.path.splitext(path)[1].lower()


def expand(path: str) -> Iterator[str | InputError]:
    """Yield the files to load for one input path, or the error that stops it.

    A file is yielded as given when its extension is supported. A directory
    yields every supported file below it (symbolic links to directories are
    not followed, so a link loop cannot trap the walk), sorted by path parts
    so the order is the same on every machine. Named pipes, devices and
    sockets are refused, named or found: reading them could block or never end.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        yield InputError(path, f"{path} does not exist; check the path and its spelling.")
        return
    except OSError as error:
        yield InputError(
            path, f"{path} cannot be opened ({error.strerror}); check its permissions."
        )
        return
    if stat.S_ISDIR(mode):
        yield from _walk(path)
    elif not stat.S_ISREG(mode):
        yield _not_regular(path, mode)
    elif suffix(path) in SUPPORTED_SUFFIXES:
        yield path
    else:
        found = f"extension {suffix(path)!r}" if suffix(path) else "no extension"
        yield InputError(
            path,
            f"{path} has {found}, which sanctrace does not read; "
            f"give a {_SUPPORTED_LIST} file (save plain text as .txt).",
        )


def _not_regular(path: str, mode: int) -> InputError:
    """The error for a named pipe, device or socket: reading one could block or never end."""
    kind = (
        "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    )
    return InputError(
        path,
        f"{path} is {kind}, not a regular file, so it was skipped; "
        "save its content to a file and give that file instead.",
    )


def _mode(path: str) -> int | None:
    # None when the entry cannot be inspected (a broken link): reading it reports why.
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def _walk(directory: str) -> Iterator[str | InputError]:
    found: list[tuple[tuple[str, ...], str]] = []
    problems: list[InputError] = []

    def report(error: OSError) -> None:
        where = error.filename or directory
        problems.append(
            InputError(
                where, f"{where} cannot be listed ({error.strerror}); check its permissions."
            )
        )

    for folder, _, files in os.walk(directory, onerror=report):
        for file_name in files:
            if suffix(file_name) in SUPPORTED_SUFFIXES:
                path = os.path.join(folder, file_name)
                mode = _mode(path)
                if mode is not None and not stat.S_ISREG(mode):
                    problems.append(_not_regular(path, mode))
                    continue
                found.append((tuple(os.path.relpath(path, directory).split(os.sep)), path))
    yield from problems
    if not found and not problems:
        yield InputError(
            directory,
            f"{directory} holds no {_SUPPORTED_LIST} files; "
            "point sanctrace at a directory of articles or at the files themselves.",
        )
    for _, path in sorted(found):
        yield path
