"""Inputs for batch tests: the gold documents as one .jsonl, plus bad inputs."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest

GOLD = ("corpus/dev/seed.gold.jsonl", "corpus/dev/dev.gold.jsonl", "corpus/dev/devb.gold.jsonl")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, shared_file: Callable[[str], Path]) -> Path:
    """Every gold document as one input line (gold lines are valid input lines)."""
    path = tmp_path_factory.mktemp("batch-in") / "gold.jsonl"
    lines = [line for name in GOLD for line in shared_file(name).read_text("utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> list[Path]:
    """A malformed line among good ones, a truncated .gz, a binary file, a dangling link."""
    folder = tmp_path_factory.mktemp("batch-bad")
    lines = corpus.read_text("utf-8").splitlines()
    malformed = folder / "malformed.jsonl"
    # Texts of their own: a text the run already has is analysed once (a repeat is an error).
    good = [_retold(line) for line in lines[:2]]
    malformed.write_text(good[0] + "\n{not json\n" + good[1] + "\n", encoding="utf-8")
    packed = gzip.compress(("\n".join(map(_retold, lines[2:6])) + "\n").encode("utf-8"))
    truncated = folder / "truncated.jsonl.gz"
    truncated.write_bytes(packed[: len(packed) // 2])
    binary = folder / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    dangling = folder / "gone.txt"
    dangling.symlink_to(folder / "missing.txt")
    return [malformed, truncated, binary, dangling]


def _retold(line: str) -> str:
    """The corpus document as another article: a new id and one more sentence."""
    document = json.loads(line)
    document["id"] = f"{document['id']}-retold"
    document["text"] += " The story was later retold by another paper."
    return json.dumps(document)
