"""`load_inputs`: every input argument to Documents, each bad one to one InputError."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, TextIO

from sanctrace.documents.dates import parse_published
from sanctrace.documents.discovery import expand, suffix
from sanctrace.documents.distinct import distinct_documents
from sanctrace.documents.gzipped import read_jsonl_gz
from sanctrace.documents.html import parse_html
from sanctrace.documents.jsonl import read_jsonl
from sanctrace.documents.limits import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_ENV,
    read_bounded,
    resolve_max_bytes,
    too_large,
)
from sanctrace.documents.problems import InvalidSetting, UnreadableInput
from sanctrace.documents.text import parse_text
from sanctrace.model import Document, InputError

#: The input argument that means standard input.
STDIN = "-"
_STDIN_LABEL = "standard input"


def load_inputs(
    paths: Sequence[str],
    published: str | None = None,
    max_bytes: int | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Document | InputError]:
    """Yield a Document or an InputError for every input, in input order.

    paths: files, directories (every supported file below, in sorted order)
        or "-" for standard input read as plain text.
    published: "YYYY-MM-DD" for documents whose input gives no date; it never
        replaces a date the input has.
    max_bytes: largest file, standard input or .jsonl line accepted; defaults
        to SANCTRACE_MAX_BYTES, else DEFAULT_MAX_BYTES.
    stdin: stream read for "-" (sys.stdin when None).

    A text repeated in the run is analysed once and a repeated id is renamed,
    each with an InputError (see `distinct.distinct_documents`).

    Nothing raises: a bad setting (published, max_bytes) is yielded first as an
    InputError and loading goes on without it (or with the default limit).
    """
    fallback_date, limit = None, DEFAULT_MAX_BYTES
    try:
        fallback_date = parse_published(published) if published is not None else None
    except InvalidSetting as problem:
        yield InputError("--published", str(problem))
    try:
        limit = resolve_max_bytes(max_bytes)
    except InvalidSetting as problem:
        yield InputError("--max-bytes" if max_bytes is not None else MAX_BYTES_ENV, str(problem))
    for loaded in distinct_documents(_load_paths(paths, limit, stdin)):
        if isinstance(loaded, Document) and loaded.published is None:
            loaded.published = fallback_date
        yield loaded


def _load_paths(
    paths: Sequence[str], limit: int, stdin: TextIO | BinaryIO | None
) -> Iterator[Document | InputError]:
    for path in paths:
        yield from _load_path(path, limit, stdin)


def _load_path(
    path: str, limit: int, stdin: TextIO | BinaryIO | None
) -> Iterator[Document | InputError]:
    if path == STDIN:
        yield _load_stdin(stdin, limit)
        return
    for found in expand(path):
        if isinstance(found, InputError):
            yield found
        else:
            yield from _load_file(found, limit)


def _load_file(path: str, limit: int) -> Iterator[Document | InputError]:
    """Load one file of a supported kind; .jsonl is streamed, others checked by size first."""
    try:
        if suffix(path) == ".jsonl":
            with open(path, "rb") as stream:
                yield from read_jsonl(stream, path, limit)
            return
        if suffix(path) == ".jsonl.gz":
            yield from read_jsonl_gz(path, limit)
            return
        # Refuse by size before reading, so an oversized file never enters memory;
        # the bounded read still guards files that grow or report no size.
        size = os.stat(path).st_size
        if size > limit:
            raise too_large(path, size, limit)
        with open(path, "rb") as stream:
            raw = read_bounded(stream, limit, path)
        parse = parse_text if suffix(path) == ".txt" else parse_html
        yield parse(raw, path)
    except UnreadableInput as problem:
        yield InputError(path, str(problem))
    except OSError as error:
        yield InputError(path, f"{path} cannot be read ({error.strerror}); check its permissions.")


def _load_stdin(stdin: TextIO | BinaryIO | None, limit: int) -> Document | InputError:
    try:
        document = parse_text(_read_stdin(stdin, limit), _STDIN_LABEL)
    except UnreadableInput as problem:
        return InputError(STDIN, str(problem))
    except OSError as error:
        return InputError(STDIN, f"{_STDIN_LABEL} cannot be read ({error.strerror}).")
    document.input = STDIN
    return document


def _read_stdin(stdin: TextIO | BinaryIO | None, limit: int) -> bytes:
    stream = sys.stdin if stdin is None else stdin
    # Read the bytes under a text stream so a BOM or bad byte is seen as in a file.
    stream = getattr(stream, "buffer", stream)
    if isinstance(stream, io.TextIOBase):
        # An in-memory text stream (io.StringIO): at most limit + 1 characters.
        raw = stream.read(limit + 1).encode("utf-8", "surrogatepass")
        if len(raw) > limit:
            raise too_large(_STDIN_LABEL, None, limit)
        return raw
    return read_bounded(stream, limit, _STDIN_LABEL)
