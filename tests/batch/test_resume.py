"""A batch killed (SIGKILL) at several points and restarted writes every document once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from itertools import islice
from pathlib import Path

from sanctrace.batch.engine import Partition
from sanctrace.batch.output import LEDGER, JsonlSink, part_name
from sanctrace.documents import load_inputs
from sanctrace.model import Document, InputError
from sanctrace.pipeline import Analyzer

from .helpers import SANCTRACE, analyzed, batch_output

#: Stored partitions (ledger lines) at which each run is killed: early, middle, late.
KILL_AT = (1, 5, 11)


def _ledger_lines(out: Path) -> int:
    path = out / LEDGER
    return path.read_text("utf-8").count("\n") if path.exists() else 0


def test_batch_killed_at_several_points_resumes_writing_each_document_once(
    analyzer: Analyzer, corpus: Path, cli_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = [str(SANCTRACE), "batch", str(corpus), "--out", str(out), "--no-screen"]
    command += ["--workers", "1", "--partition-size", "2"]
    env = {**os.environ, **cli_env}
    for stop in KILL_AT:
        run = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 90
        while _ledger_lines(out) < stop and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(run.pid, signal.SIGKILL)  # the command and its worker, at once
        run.wait(timeout=30)
        assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
        assert _ledger_lines(out) >= stop
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert final.returncode == 0, final.stderr
    assert "already done" in final.stderr
    documents = batch_output(out)
    ids = [d["id"] for d in documents]
    assert len(ids) == len(set(ids))
    assert documents == analyzed(analyzer, [str(corpus)])


def test_batch_partition_stored_without_its_ledger_line_is_redone_not_doubled(
    analyzer: Analyzer, corpus: Path, tmp_path: Path
) -> None:
    results = list(analyzer.iter_analyze(load_first(corpus, 2)))
    sink = JsonlSink(tmp_path, {"job": 1})
    sink.write(Partition(0, results))
    # A kill after the part file's rename and before its ledger line, and a torn line.
    (tmp_path / part_name(1)).write_text((tmp_path / part_name(0)).read_text("utf-8"), "utf-8")
    with (tmp_path / LEDGER).open("a", encoding="utf-8") as ledger:
        ledger.write('{"partition": 1, "docum')
    resumed = JsonlSink(tmp_path, {"job": 1})
    assert resumed.done() == {0: 2}
    resumed.write(Partition(1, results[:1]))
    resumed.finish()
    ledger = (tmp_path / LEDGER).read_text("utf-8").splitlines()
    assert [json.loads(line)["partition"] for line in ledger] == [0, 1]
    assert len(batch_output(tmp_path)) == 3


def load_first(corpus: Path, count: int) -> list[Document | InputError]:
    return list(islice(load_inputs([str(corpus)]), count))
