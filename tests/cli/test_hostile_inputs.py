"""Inputs that used to take a run down: each now gets one sentence and the run goes on.

A sentence past spaCy's length limit, repeated document ids, a store URL
with a word for a port, a named pipe in a directory, and standard output
on a full disk or a closed pipe.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import REPO_ROOT, SANCTRACE
from sanctrace.nlp.sentences import MAX_SENTENCE_CHARS

ARTICLE = "Kestrel Freight shipped two armoured cars to North Korea in May 2023.\n"
HUGE = "Russia shipped oil " + "x" * 1_000_000
BAD_PORT = "postgresql+psycopg://analyst@db.example:fivefour/lists"


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert "E088" not in result.output


def test_hostile_huge_sentence_is_analysed_in_windows(
    tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    (tmp_path / "huge.txt").write_text(HUGE, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    line = {"id": "huge-line", "text": HUGE.replace("oil", "diesel")}
    feed.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    paths = [str(tmp_path / "huge.txt"), str(feed), str(tmp_path / "good.txt")]
    result = invoke(["analyze", *paths, "--format", "json", "--no-screen"])
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["errors"] == []
    documents = {d["input"]: d for d in output["documents"]}
    assert set(documents) == {paths[0], f"{feed}:1", paths[2]}
    assert documents[paths[2]]["transfers"], "the ordinary article is still analysed"
    evidence = [t["evidence"]["text"] for d in documents.values() for t in d["transfers"]]
    assert all(len(text) <= MAX_SENTENCE_CHARS for text in evidence)


def test_hostile_repeated_ids_give_distinct_entities(
    tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "w1", "text": ARTICLE},
        {"id": "w1", "text": "Orla Marine sold a luxury yacht to North Korea in 2022."},
        {"id": "w2", "text": ARTICLE},
    ]
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = invoke(["analyze", str(feed), "--format", "ftm", "--no-screen"])
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert errors == [
        f"{feed}:2 has the id 'w1', which {feed}:1 already has; it is analysed as 'w1-2' "
        "(give each document its own id).",
        f"{feed}:3 repeats the text of {feed}:1; it is analysed once, as {feed}:1 "
        "(remove the copy to silence this).",
    ]
    entities = [json.loads(line) for line in result.stdout.splitlines()]
    ids = [entity["id"] for entity in entities]
    assert len(ids) == len(set(ids))
    assert sum(entity["schema"] == "Article" for entity in entities) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "-", "--store", BAD_PORT],
        ["screen", "Orla Marine", "--store", BAD_PORT],
        ["lists", "--store", BAD_PORT],
    ],
)
def test_hostile_store_url_with_a_word_for_port(
    args: list[str], invoke: Callable[..., Result]
) -> None:
    result = invoke(args, stdin=ARTICLE)
    _no_traceback(result)
    assert result.exit_code == 1
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.endswith(
        f"The store URL {BAD_PORT} has the port 'fivefour', which is not a number; "
        "write it like postgresql+psycopg://user@host:5432/database."
    )


def test_hostile_named_pipe_in_a_directory_is_skipped(
    tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # nothing ever writes: reading it would wait forever
    result = invoke(["analyze", str(tmp_path), "--format", "json", "--no-screen"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert [d["input"] for d in output["documents"]] == [str(tmp_path / "good.txt")]
    (error,) = output["errors"]
    assert error["error"].startswith(f"{tmp_path / 'pipe.txt'} is a named pipe")


def _child(args: list[str], stdout: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(SANCTRACE), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "NO_COLOR": "1", "TERM": "dumb"},
    )


def test_hostile_output_to_a_full_disk_is_one_sentence(tmp_path: Path) -> None:
    article = tmp_path / "good.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with open("/dev/full", "w") as full:
        child = _child(["analyze", str(article), "--format", "json", "--no-screen"], full)
        _, stderr = child.communicate(timeout=120)
    assert child.returncode == 1
    assert stderr.strip() == (
        "Error: Cannot write the output (No space left on device); "
        "free some disk space or send the output somewhere else."
    )


def test_hostile_output_to_a_closed_pipe_is_one_sentence(tmp_path: Path) -> None:
    article = tmp_path / "good.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    child = _child(["analyze", str(article), "--format", "json", "--no-screen"], subprocess.PIPE)
    assert child.stdout is not None
    child.stdout.close()  # the reader goes away before anything is written
    stderr = child.stderr.read() if child.stderr else ""
    assert child.wait(timeout=120) == 1
    assert stderr.strip() == (
        "Error: The output was closed before sanctrace finished writing it (broken pipe)."
    )
