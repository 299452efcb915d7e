"""`.jsonl.gz` inputs: the same documents as the `.jsonl`, a damaged file one sentence."""

from __future__ import annotations

import gzip
from pathlib import Path

from sanctrace.documents import load_inputs
from sanctrace.model import Document, InputError

LINES = "".join(f'{{"id": "d{n}", "text": "Article number {n}."}}\n' for n in range(40))


def test_gzipped_jsonl_gives_the_documents_of_the_plain_file(tmp_path: Path) -> None:
    plain = tmp_path / "feed.jsonl"
    plain.write_text(LINES, encoding="utf-8")
    packed = tmp_path / "feed.JSONL.GZ"
    packed.write_bytes(gzip.compress(LINES.encode("utf-8")))
    documents = list(load_inputs([str(packed)]))
    assert [d.text for d in documents] == [d.text for d in load_inputs([str(plain)])]
    assert documents[0].input == f"{packed}:1"


def test_gzipped_jsonl_in_a_directory_is_read(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(LINES.encode("utf-8")))
    assert len([d for d in load_inputs([str(tmp_path)]) if isinstance(d, Document)]) == 40


def test_truncated_gzip_keeps_the_lines_before_and_adds_one_error(tmp_path: Path) -> None:
    # Distinct texts: a text repeated in one run is an error of its own.
    many = "".join(f'{{"id": "d{n}", "text": "Article number {n}."}}\n' for n in range(500))
    packed = gzip.compress(many.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    items = list(load_inputs([str(path)]))
    errors = [item for item in items if isinstance(item, InputError)]
    assert len(items) > 1 and len(errors) == 1
    assert errors[0].input == str(path) and "cut short" in errors[0].error


def test_file_that_is_not_gzip_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_text(LINES, encoding="utf-8")
    (error,) = list(load_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert "is not valid gzip" in error.error
