"""The same batch on Dask: a LocalCluster, and a scheduler and two workers started apart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from sanctrace.batch import Settings
from sanctrace.batch.job import run_job
from sanctrace.pipeline import Analyzer

from .helpers import SANCTRACE, analyzed, batch_output

DASK = Path(sys.executable).with_name("dask")


def test_batch_on_a_local_cluster_gives_what_analyze_gives(
    analyzer: Analyzer, corpus: Path, bad_inputs: list[Path], tmp_path: Path
) -> None:
    from distributed import LocalCluster

    inputs = [str(corpus), str(bad_inputs[0])]
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary, sink = run_job(
            inputs, tmp_path, Settings(), scheduler=cluster.scheduler_address, partition_size=6
        )
    assert summary.partitions > 2
    assert batch_output(tmp_path) == analyzed(analyzer, inputs)
    assert [e.input for e in sink.errors()] == [f"{bad_inputs[0]}:2"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    """`dask scheduler` and two `dask worker` processes on 127.0.0.1, stopped afterwards."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    log = (tmp_path / "dask.log").open("w")
    processes = [
        subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            stdout=log,
            stderr=log,
        )
    ]
    worker = [str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard"]
    worker += ["--host", "127.0.0.1", "--local-directory", str(tmp_path)]
    processes += [subprocess.Popen(worker, stdout=log, stderr=log) for _ in range(2)]
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


def test_batch_on_a_scheduler_and_two_workers_gives_what_analyze_gives(
    analyzer: Analyzer, corpus: Path, cli_env: dict[str, str], scheduler: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = [str(SANCTRACE), "batch", str(corpus), "--out", str(out), "--no-screen"]
    command += ["--scheduler", scheduler, "--partition-size", "4"]
    done = subprocess.run(
        command, env={**os.environ, **cli_env}, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr
    assert batch_output(out) == analyzed(analyzer, [str(corpus)])


def test_batch_unreachable_scheduler_is_one_sentence(
    invoke: Callable[..., Result],
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sanctrace.batch.cluster.CONNECT_TIMEOUT", 1)
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = invoke(["batch", str(corpus), "--out", str(tmp_path), "--scheduler", address])
    assert result.exit_code == 1
    assert "cannot be reached" in result.output
    assert len(result.output.strip().splitlines()) == 1
    bad = invoke(["batch", str(corpus), "--out", str(tmp_path), "--scheduler", "nowhere"])
    assert bad.exit_code == 1
    assert "tcp://HOST:PORT" in bad.output
