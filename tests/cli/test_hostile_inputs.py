"""Inputs that used to take a run down: each now gets one sentence and the run goes on.

A sentence past spaCy's length limit, repeated document ids, a store URL
with a word for a port, a named pipe in a directory, and the standard output
of every command that prints results on a full disk or a closed pipe.
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


FULL_DISK = (
    "Error: Cannot write the output (No space left on device); "
    "free some disk space or send the output somewhere else."
)
CLOSED_PIPE = "Error: The output was closed before sanctrace finished writing it (broken pipe)."


@pytest.fixture(scope="module")
def output_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An article, a CSV of names, a one-firm list file and a store holding that list."""
    from sanctrace.screening.loaders import read_list
    from sanctrace.store import Store

    folder = tmp_path_factory.mktemp("output")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "names.csv").write_text("name,kind\nKestrel Freight,organization\n")
    entity = {
        "id": "o1",
        "schema": "Organization",
        "properties": {"name": ["Kestrel Freight"]},
        "datasets": ["output_list"],
    }
    (folder / "list.ftm.json").write_text(json.dumps(entity) + "\n", encoding="utf-8")
    store = f"sqlite:///{folder / 'store.sqlite'}"
    with Store(store) as opened:
        opened.import_list(read_list(folder / "list.ftm.json"))
    return {
        "folder": str(folder),
        "store": store,
        "new_store": f"sqlite:///{folder / 'new.sqlite'}",
    }


#: Every command that prints its results on standard output, with what it needs.
OUTPUT_COMMANDS = {
    "analyze": ["analyze", "{folder}/good.txt", "--format", "json", "--no-screen"],
    "screen": ["screen", "Kestrel Freight", "--kind", "organization", "--store", "{store}"],
    "screen-json": ["screen", "Kestrel Freight", "--kind", "organization", "-f", "json",
                    "--store", "{store}"],
    "screen-file": ["screen", "--file", "{folder}/names.csv", "--store", "{store}"],
    "lists": ["lists", "--store", "{store}"],
    "lists-import": ["lists", "import", "{folder}/list.ftm.json", "--store", "{new_store}"],
}  # fmt: skip


def _output_command(name: str, inputs: dict[str, str]) -> list[str]:
    return [arg.format(**inputs) for arg in OUTPUT_COMMANDS[name]]


def _last_line(stderr: str) -> str:
    # A progress display on stderr may leave an empty line before the sentence.
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_hostile_output_to_a_full_disk_is_one_sentence(
    command: str, output_inputs: dict[str, str]
) -> None:
    with open("/dev/full", "w") as full:
        child = _child(_output_command(command, output_inputs), full)
        _, stderr = child.communicate(timeout=120)
    assert child.returncode == 1
    assert _last_line(stderr) == FULL_DISK


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_hostile_output_to_a_closed_pipe_is_one_sentence(
    command: str, output_inputs: dict[str, str]
) -> None:
    child = _child(_output_command(command, output_inputs), subprocess.PIPE)
    assert child.stdout is not None
    child.stdout.close()  # the reader goes away before anything is written
    stderr = child.stderr.read() if child.stderr else ""
    assert child.wait(timeout=120) == 1
    assert _last_line(stderr) == CLOSED_PIPE
