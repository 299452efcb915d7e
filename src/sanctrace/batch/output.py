"""Partitioned JSON lines: the default sink, resumable and never writing a document twice.

The output folder holds
  job.json              what the run is (inputs and settings); a restart must match it
  part-NNNNNN.jsonl     one contract document object per line, for partition NNNNNN
  ledger.jsonl          one line per stored partition: its number, documents, errors
  errors.jsonl          every input error of the run, {"input", "error"} per line

A part file is written to a temporary name and renamed into place, then its
ledger line is appended and flushed to disk: the ledger line is the commit.
A run killed between the two redoes that partition and replaces the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sanctrace.batch.engine import BatchProblem, Partition
from sanctrace.export.contract import to_contract
from sanctrace.model import Analysis, InputError

JOB = "job.json"
LEDGER = "ledger.jsonl"
ERRORS = "errors.jsonl"


def part_name(index: int) -> str:
    return f"part-{index:06d}.jsonl"


class JsonlSink:
    """Writes each partition to `out`; `job` (JSON-ready) identifies the run."""

    def __init__(self, out: Path, job: dict[str, Any]) -> None:
        self.out = out
        try:
            out.mkdir(parents=True, exist_ok=True)
            self._check_job(job)
            self._ledger = self._read_ledger()
            self._stream = (out / LEDGER).open("a", encoding="utf-8")
        except OSError as error:
            raise BatchProblem(
                f"The output folder {out} cannot be written ({error.strerror}); "
                "choose another --out."
            ) from None

    def done(self) -> dict[int, int]:
        return {index: entry["documents"] for index, entry in self._ledger.items()}

    def write(self, partition: Partition) -> None:
        documents = partition.documents
        if documents:
            rendered = to_contract(Analysis(documents=documents))["documents"]
            lines = "".join(_line(document) for document in rendered)
            _write_atomically(self.out / part_name(partition.index), lines)
        entry = {
            "partition": partition.index,
            "documents": len(documents),
            "errors": [{"input": e.input, "error": e.error} for e in partition.errors],
        }
        self._stream.write(_line(entry))
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._ledger[partition.index] = entry

    def finish(self) -> None:
        self._stream.close()
        errors = [e for i in sorted(self._ledger) for e in self._ledger[i]["errors"]]
        _write_atomically(self.out / ERRORS, "".join(_line(e) for e in errors))

    def errors(self) -> list[InputError]:
        return [
            InputError(e["input"], e["error"])
            for i in sorted(self._ledger)
            for e in self._ledger[i]["errors"]
        ]

    def _check_job(self, job: dict[str, Any]) -> None:
        path = self.out / JOB
        if not path.exists():
            _write_atomically(path, json.dumps(job, indent=2, sort_keys=True) + "\n")
            return
        try:
            earlier = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            earlier = None
        if earlier != job:
            raise BatchProblem(
                f"{self.out} holds the output of another batch (other inputs or settings, "
                f"see {path}); choose another --out, or rerun that batch's command."
            )

    def _read_ledger(self) -> dict[int, dict[str, Any]]:
        path = self.out / LEDGER
        if not path.exists():
            return {}
        entries: dict[int, dict[str, Any]] = {}
        text = path.read_text(encoding="utf-8")
        kept = []
        for line in text.splitlines(keepends=True):
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # the torn last line of a killed run: that partition is redone
            if line.endswith("\n"):
                entries[entry["partition"]] = entry
                kept.append(line)
        if "".join(kept) != text:
            _write_atomically(path, "".join(kept))
        return entries


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n"


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)
