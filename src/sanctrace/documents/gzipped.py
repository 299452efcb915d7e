"""Gzip-compressed JSON lines (`.jsonl.gz`): read as `.jsonl`, decompressed as streamed."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator

from sanctrace.documents.jsonl import read_jsonl
from sanctrace.model import Document, InputError


def read_jsonl_gz(path: str, limit: int) -> Iterator[Document | InputError]:
    """Yield what `read_jsonl` yields for the decompressed lines, then one error if the
    compressed stream is cut short or corrupt (the lines before it are kept)."""
    read = 0
    try:
        with gzip.open(path, "rb") as stream:
            for item in read_jsonl(stream, path, limit):  # type: ignore[arg-type]
                read += 1
                yield item
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        kind = "is cut short" if isinstance(error, EOFError) else "is not valid gzip"
        kept = f" after {read} readable lines, which were kept" if read else ""
        yield InputError(path, f"{path} {kind}{kept}; compress the file again or remove it.")
