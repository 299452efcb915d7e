"""The size limit per input, and reading that never goes past it."""

from __future__ import annotations

import os
from typing import BinaryIO

from sanctrace.documents.problems import InvalidSetting, UnreadableInput

#: Largest input file (or standard input, or .jsonl line) read, in bytes: 20 MiB.
#: Far above any article, low enough that a stray dump cannot exhaust memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Environment variable that replaces DEFAULT_MAX_BYTES.
MAX_BYTES_ENV = "SANCTRACE_MAX_BYTES"

_CHUNK = 1024 * 1024


def resolve_max_bytes(max_bytes: int | None = None) -> int:
    """Return the limit in force: the argument, else SANCTRACE_MAX_BYTES, else the default.

    Raises InvalidSetting when the chosen value is not a positive whole number.
    """
    if max_bytes is not None:
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
            raise InvalidSetting(
                f"The size limit {max_bytes!r} is not a positive number of bytes; "
                "give --max-bytes a whole number such as 20971520."
            )
        return max_bytes
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidSetting(
            f"{MAX_BYTES_ENV}={raw!r} is not a positive number of bytes; "
            "set it to a whole number such as 20971520 or unset it."
        )
    return int(raw)


def too_large(name: str, size: int | None, limit: int) -> UnreadableInput:
    """The error for an input above the limit, saying how to raise it."""
    actual = f"is {size:,} bytes, above" if size is not None else "is larger than"
    return UnreadableInput(
        f"{name} {actual} the limit of {limit:,} bytes per input; "
        f"split it or raise the limit with --max-bytes or {MAX_BYTES_ENV}."
    )


def read_bounded(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Read a whole stream, refusing it as soon as it passes `limit` bytes.

    Reads in chunks so that at most `limit` + one chunk is ever held, whatever
    the stream claims about its size (pipes and special files claim nothing).
    """
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise too_large(name, None, limit)
