import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctrace.documents import DEFAULT_MAX_BYTES, document_id, load_inputs
from sanctrace.model import Document, InputError

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
FIXTURE_PAGE = Path(__file__).parent / "fixtures" / "article.html"


def shared_file(relative: str) -> Path:
    path = SHARED / relative
    if not path.is_file():
        pytest.fail(f"{path} is missing: these tests need the shared corpus at ../shared")
    return path


def kinds(results):
    return [(type(result).__name__, result.input) for result in results]


def test_loader_reads_the_seed_text_with_its_date_header():
    path = shared_file("corpus/dev/seed-2024-02-20-limousine.txt")
    [document] = load_inputs([str(path)])
    assert isinstance(document, Document)
    assert document.input == str(path)
    assert document.published == "2024-02-20"
    assert document.text.startswith("Kim Jong-un and Vladimir Putin")
    raw = path.read_text(encoding="utf-8")
    assert document.text == raw[raw.index("2024-02-20") + len("2024-02-20 ") :]
    assert document.title is None
    assert document.id == document_id(document.text)


def test_loader_reads_the_dev_gold_file():
    path = shared_file("corpus/dev/dev.gold.jsonl")
    documents = list(load_inputs([str(path)]))
    assert all(isinstance(document, Document) for document in documents)
    assert [document.id for document in documents] == [f"d{n:02d}" for n in range(1, 13)]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for number, (document, row) in enumerate(zip(documents, rows, strict=True), start=1):
        assert document.input == f"{path}:{number}"
        assert document.text == row["text"]
        assert document.published == row["published"]
        assert document.title == row["title"]


def test_loader_keeps_going_around_bad_inputs_in_order(tmp_path):
    (tmp_path / "good.txt").write_text("date 2024-01-05 Tankers met at sea.")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "empty.txt").write_text(" \n")
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_bytes(b"caf\xe9")
    (folder / "a.jsonl").write_text('{"id": "x1", "text": "One."}\nnot json\n{"text": "Three."}\n')
    (folder / "sub" / "c.html").write_bytes(FIXTURE_PAGE.read_bytes())
    (folder / "notes.md").write_text("ignored")
    (tmp_path / "nothing").mkdir()
    # Another page: the same text twice in one run would be analysed once.
    page = FIXTURE_PAGE.read_bytes().replace(b"A tanker sailing", b"A second tanker sailing")
    (tmp_path / "last.htm").write_bytes(page)
    inputs = [
        "good.txt",
        "missing.txt",
        "report.pdf",
        "empty.txt",
        "folder",
        "nothing",
        "-",
        "last.htm",
    ]
    paths = [str(tmp_path / name) if name != "-" else name for name in inputs]
    results = list(load_inputs(paths, stdin=io.BytesIO(b"From standard input.")))
    assert kinds(results) == [
        ("Document", paths[0]),
        ("InputError", paths[1]),
        ("InputError", paths[2]),
        ("InputError", paths[3]),
        ("Document", f"{folder}/a.jsonl:1"),
        ("InputError", f"{folder}/a.jsonl:2"),
        ("Document", f"{folder}/a.jsonl:3"),
        ("InputError", f"{folder}/b.txt"),
        ("Document", f"{folder}/sub/c.html"),
        ("InputError", paths[5]),
        ("Document", "-"),
        ("Document", paths[7]),
    ]
    for result in results:
        if isinstance(result, InputError):
            assert result.error.startswith(result.input + " ")
            assert result.error.endswith(".")
            assert "\n" not in result.error
    assert results[0].text == "Tankers met at sea."
    assert results[10].text == "From standard input."


def test_loader_refuses_a_huge_sparse_file_without_reading_it(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)
    (tmp_path / "after.txt").write_text("Still loaded.")
    tracemalloc.start()
    try:
        results = list(load_inputs([str(path), str(tmp_path / "after.txt")]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Reading would allocate the file (or at least the 20 MiB limit); a small
    # file still costs one 1 MiB read buffer.
    assert peak < 4 * 1024 * 1024, f"{peak:,} bytes allocated: the big file was read"
    error, after = results
    assert error == InputError(
        str(path),
        f"{path} is 104,857,600 bytes, above the limit of {DEFAULT_MAX_BYTES:,} bytes per "
        "input; split it or raise the limit with --max-bytes or SANCTRACE_MAX_BYTES.",
    )
    assert after.text == "Still loaded."


def test_loader_size_limit_comes_from_argument_or_environment(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_text("A" * 500 + ".")
    [error] = load_inputs([str(path)], max_bytes=100)
    assert error.error.startswith(f"{path} is 501 bytes, above the limit of 100 bytes")
    monkeypatch.setenv("SANCTRACE_MAX_BYTES", "100")
    [error] = load_inputs([str(path)])
    assert isinstance(error, InputError)
    [document] = load_inputs([str(path)], max_bytes=1000)
    assert isinstance(document, Document)


def test_loader_bad_environment_limit_is_reported_and_default_used(tmp_path, monkeypatch):
    monkeypatch.setenv("SANCTRACE_MAX_BYTES", "big")
    path = tmp_path / "story.txt"
    path.write_text("Coal was shipped.")
    setting, document = load_inputs([str(path)])
    assert setting.input == "SANCTRACE_MAX_BYTES"
    assert "SANCTRACE_MAX_BYTES='big' is not a positive number of bytes" in setting.error
    assert document.text == "Coal was shipped."


def test_loader_published_fills_only_missing_dates(tmp_path):
    (tmp_path / "dated.txt").write_text("date 2020-03-01 Dated text.")
    (tmp_path / "undated.txt").write_text("Undated text.")
    (tmp_path / "feed.jsonl").write_text(
        '{"text": "Has a date.", "published": "2019-07-18"}\n{"text": "Has none."}\n'
    )
    names = ["dated.txt", "undated.txt", "feed.jsonl"]
    results = list(load_inputs([str(tmp_path / name) for name in names], published="2024-06-30"))
    assert [result.published for result in results] == [
        "2020-03-01",
        "2024-06-30",
        "2019-07-18",
        "2024-06-30",
    ]
    [undated] = load_inputs([str(tmp_path / "undated.txt")])
    assert undated.published is None


def test_loader_bad_published_option_is_reported_and_loading_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Undated text.")
    setting, document = load_inputs([str(tmp_path / "a.txt")], published="30/06/2024")
    assert setting.input == "--published"
    assert "'30/06/2024' is not written as YYYY-MM-DD" in setting.error
    assert document.published is None


@pytest.mark.parametrize(
    "stream",
    [
        io.BytesIO(b"date 2024-02-20 Read from a pipe."),
        io.StringIO("date 2024-02-20 Read from a pipe."),
        io.TextIOWrapper(io.BytesIO("\ufeffdate 2024-02-20 Read from a pipe.".encode())),
    ],
)
def test_loader_reads_standard_input_as_text(stream):
    [document] = load_inputs(["-"], stdin=stream)
    assert (document.input, document.published, document.text) == (
        "-",
        "2024-02-20",
        "Read from a pipe.",
    )


def test_loader_uses_sys_stdin_by_default(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Piped story.")))
    [document] = load_inputs(["-"])
    assert document.text == "Piped story."


@pytest.mark.parametrize("stream", [io.BytesIO(b"x" * 5000), io.StringIO("x" * 5000)])
def test_loader_refuses_standard_input_beyond_the_limit(stream):
    [error] = load_inputs(["-"], max_bytes=1000, stdin=stream)
    assert error == InputError(
        "-",
        "standard input is larger than the limit of 1,000 bytes per input; "
        "split it or raise the limit with --max-bytes or SANCTRACE_MAX_BYTES.",
    )


def test_loader_empty_standard_input_is_an_error():
    [error] = load_inputs(["-"], stdin=io.BytesIO(b""))
    assert error.input == "-"
    assert error.error.startswith("standard input is empty")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_loader_never_raises_on_arbitrary_bytes(tmp_path, raw, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(raw)
    results = list(load_inputs([str(path)]))
    assert results
    for result in results:
        assert isinstance(result, Document | InputError)
        assert result.input.startswith(str(path))
