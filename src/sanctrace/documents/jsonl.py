"""JSON lines inputs: one document per line, streamed so a big file stays cheap."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from sanctrace.documents.dates import InvalidPublishedDate, parse_published
from sanctrace.documents.decoding import decode_utf8, refuse_binary, wide_encoding
from sanctrace.documents.identity import document_id
from sanctrace.documents.limits import too_large
from sanctrace.documents.problems import UnreadableInput
from sanctrace.model import Document, InputError

_JSON_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}
_SKIP_CHUNK = 1024 * 1024


def read_jsonl(stream: BinaryIO, name: str, limit: int) -> Iterator[Document | InputError]:
    """Yield one Document or InputError per non-blank line of a .jsonl stream.

    Lines are named "name:N" (N counts from 1 over all lines, blank ones
    included, as editors do). A line longer than `limit` bytes is skipped
    without being held in memory. A NUL byte means the file is binary: one
    error for the whole file is yielded and reading stops. A file with no
    non-blank line at all yields one error for the file.
    """
    number = 0
    seen_content = False
    while line := stream.readline(limit + 1):
        number += 1
        where = f"{name}:{number}"
        if number == 1 and (encoding := wide_encoding(line)) is not None:
            yield InputError(
                name,
                f"{name} is {encoding} text, but JSON lines must be UTF-8; convert it, "
                f"for example with iconv -f {encoding} -t UTF-8.",
            )
            return
        # Binary first: an endless run of NUL bytes has no line end to skip to.
        try:
            refuse_binary(line, name)
        except UnreadableInput as problem:
            yield InputError(name, str(problem))
            return
        if len(line) > limit and not line.endswith(b"\n"):
            seen_content = True
            yield InputError(where, str(too_large(where, len(line) + _skip_line(stream), limit)))
            continue
        if not line.strip():
            continue
        seen_content = True
        try:
            yield parse_line(line, where)
        except UnreadableInput as problem:
            yield InputError(where, str(problem))
    if not seen_content:
        yield InputError(
            name, f'{name} holds no JSON lines; give one JSON object per line with a "text" field.'
        )


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line, returning how many bytes it had."""
    skipped = 0
    while chunk := stream.readline(_SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def parse_line(line: bytes, where: str) -> Document:
    """Turn one JSON line into a Document; `where` ("path:N") names it in errors."""
    try:
        record = json.loads(decode_utf8(line, where))
    except json.JSONDecodeError as error:
        raise UnreadableInput(
            f"{where} is not valid JSON ({error.msg} at column {error.colno}); "
            "fix the line or remove it."
        ) from None
    except RecursionError:
        raise UnreadableInput(
            f"{where} is JSON nested too deeply to read; write it as one flat object."
        ) from None
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), "a literal")
        raise UnreadableInput(
            f'{where} is {kind}, not a JSON object; write each line as {{"text": "..."}}.'
        )
    text = record.get("text")
    if "text" not in record or not isinstance(text, str):
        state = "has no" if text is None else "has a non-string"
        raise UnreadableInput(
            f'{where} {state} "text" field; give the article text as a string in "text".'
        )
    if not text.strip():
        raise UnreadableInput(
            f'{where} has an empty "text"; give the article text or drop the line.'
        )
    return Document(
        text=text,
        input=where,
        id=_own_id(record.get("id"), where) or document_id(text),
        published=_published(record.get("published"), where),
        title=_optional_text(record, "title", where),
        source=_optional_text(record, "source", where),
        url=_optional_text(record, "url", where),
    )


def _own_id(value: Any, where: str) -> str | None:
    """The line's own id, if it gives a usable one (a number is taken as its digits)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise UnreadableInput(
        f'{where} has an "id" that is neither a string nor a whole number; fix it.'
    )


def _published(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return parse_published(value)
    except InvalidPublishedDate:
        raise UnreadableInput(
            f'{where} has "published": {json.dumps(value)}, which is not a date; '
            "write it as YYYY-MM-DD or leave it out."
        ) from None


def _optional_text(record: dict[str, Any], field: str, where: str) -> str | None:
    value = record.get(field)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise UnreadableInput(
            f'{where} has a "{field}" that is not a string; fix it or leave it out.'
        )
    return value
