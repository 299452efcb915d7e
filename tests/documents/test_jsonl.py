import io
import json

import pytest

from sanctrace.documents import document_id
from sanctrace.documents.jsonl import read_jsonl
from sanctrace.model import Document, InputError


def lines(*rows: object) -> bytes:
    return b"".join(
        (row if isinstance(row, bytes) else json.dumps(row).encode()) + b"\n" for row in rows
    )


def read(raw: bytes, limit: int = 10_000) -> list[Document | InputError]:
    return list(read_jsonl(io.BytesIO(raw), "feed.jsonl", limit))


def test_jsonl_reads_fields_and_ignores_unknown_ones():
    row = {
        "id": "d01",
        "text": " Exact text, kept as given. ",
        "published": "2019-07-18",
        "title": "A title",
        "source": "Wire",
        "url": "https://example.org/a",
        "gold": {"transfers": []},
    }
    [document] = read(lines(row))
    assert document == Document(
        text=" Exact text, kept as given. ",
        input="feed.jsonl:1",
        id="d01",
        published="2019-07-18",
        title="A title",
        source="Wire",
        url="https://example.org/a",
    )


def test_jsonl_only_text_is_required_and_id_is_derived():
    [document] = read(lines({"text": "Coal left Nampo."}))
    assert document.id == document_id("Coal left Nampo.")
    assert (document.published, document.title, document.source, document.url) == (None,) * 4


def test_jsonl_numeric_id_is_kept_as_its_digits():
    [document] = read(lines({"id": 7, "text": "Coal left Nampo."}))
    assert document.id == "7"


def test_jsonl_blank_lines_are_skipped_but_counted():
    [first, second] = read(lines({"text": "One."}) + b"\n   \n" + lines({"text": "Two."}))
    assert (first.input, second.input) == ("feed.jsonl:1", "feed.jsonl:4")


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (b'{"text": "unterminated', "is not valid JSON"),
        (b'["text", "a list"]', "is an array, not a JSON object"),
        (b'"just a string"', "is a string, not a JSON object"),
        (b"null", "is null, not a JSON object"),
        (b'{"title": "no text"}', 'has no "text" field'),
        (b'{"text": 42}', 'has a non-string "text" field'),
        (b'{"text": "  "}', 'has an empty "text"'),
        (
            b'{"text": "ok.", "published": "last week"}',
            'has "published": "last week", which is not a date',
        ),
        (
            b'{"text": "ok.", "published": 20240220}',
            'has "published": 20240220, which is not a date',
        ),
        (b'{"text": "ok.", "title": ["a"]}', 'has a "title" that is not a string'),
        (b'{"text": "ok.", "id": {"a": 1}}', 'has an "id" that is neither a string nor'),
        (b'{"text": "caf\xe9"}', "is not valid UTF-8 text (bad byte at byte offset 13)"),
    ],
)
def test_jsonl_malformed_line_is_an_error_and_others_still_load(row, problem):
    results = read(lines({"text": "Before."}, row, {"text": "After."}))
    assert [type(result) for result in results] == [Document, InputError, Document]
    error = results[1]
    assert error.input == "feed.jsonl:2"
    assert error.error.startswith(f"feed.jsonl:2 {problem}")
    assert [results[0].text, results[2].text] == ["Before.", "After."]


def test_jsonl_overlong_line_is_refused_alone():
    long_row = {"text": "x" * 5000}
    results = read(lines({"text": "Short."}, long_row, {"text": "Also short."}), limit=1000)
    assert [type(result) for result in results] == [Document, InputError, Document]
    size = len(json.dumps(long_row)) + 1
    assert results[1].error.startswith(
        f"feed.jsonl:2 is {size:,} bytes, above the limit of 1,000 bytes per input"
    )
    assert "--max-bytes" in results[1].error
    assert results[2].input == "feed.jsonl:3"


def test_jsonl_is_streamed_line_by_line():
    class OneLineAtATime(io.BytesIO):
        def read(self, *args):
            raise AssertionError("the whole file was read at once")

    stream = OneLineAtATime(lines({"text": "One."}, {"text": "Two."}))
    reader = read_jsonl(stream, "feed.jsonl", 10_000)
    assert next(reader).text == "One."
    assert stream.tell() < len(stream.getvalue())  # the second line is not read yet
    assert next(reader).text == "Two."


def test_jsonl_binary_file_is_one_error():
    results = read(lines({"text": "One."}) + b"\x00\x01\x02garbage\n" + lines({"text": "Two."}))
    assert [type(result) for result in results] == [Document, InputError]
    assert results[1].input == "feed.jsonl"
    assert results[1].error.startswith("feed.jsonl looks like a binary file")


@pytest.mark.parametrize("raw", [b"", b"\n  \n\n"])
def test_jsonl_empty_file_is_an_error(raw):
    [error] = read(raw)
    assert error == InputError(
        "feed.jsonl",
        'feed.jsonl holds no JSON lines; give one JSON object per line with a "text" field.',
    )


def test_jsonl_bom_on_first_line_is_accepted():
    [document] = read("\ufeff".encode() + lines({"id": "a", "text": "T."}))
    assert document.id == "a"


def test_jsonl_endless_nul_bytes_stop_at_the_first_line():
    class Endless(io.RawIOBase):
        """A stream of NUL bytes without end, as /dev/zero is."""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = bytes(len(buffer))
            return len(buffer)

    [error] = read_jsonl(io.BufferedReader(Endless()), "zero.jsonl", 10_000)
    assert error.error.startswith("zero.jsonl looks like a binary file (NUL byte at byte offset 0)")


def test_jsonl_utf16_file_is_named_as_utf16():
    raw = (json.dumps({"text": "Coal went north."}) + "\n").encode("utf-16")
    [error] = read(raw)
    assert error == InputError(
        "feed.jsonl",
        "feed.jsonl is UTF-16 text, but JSON lines must be UTF-8; convert it, "
        "for example with iconv -f UTF-16 -t UTF-8.",
    )
