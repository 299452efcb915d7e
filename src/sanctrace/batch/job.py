"""One batch job as a plain function: what `sanctrace batch` calls."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from sanctrace import __version__
from sanctrace.batch.engine import BatchProblem, Progress, Summary, run_batch
from sanctrace.batch.output import JsonlSink
from sanctrace.batch.worker import Settings
from sanctrace.documents import load_inputs

#: Documents per partition: the unit of work, of output files and of resuming.
PARTITION_SIZE = 32
#: Partitions in flight per worker: enough to keep workers busy, few enough to bound memory.
PER_WORKER = 2


def run_job(
    inputs: Sequence[str],
    out: Path,
    settings: Settings,
    workers: int | None = None,
    scheduler: str | None = None,
    published: str | None = None,
    max_bytes: int | None = None,
    partition_size: int = PARTITION_SIZE,
    progress: Progress | None = None,
) -> tuple[Summary, JsonlSink]:
    """Analyse `inputs` into `out`, on local processes or the Dask `scheduler`.

    inputs: files, directories, .jsonl and .jsonl.gz files (as `analyze` reads them).
    settings: the model, prefilter and store every worker uses.
    RETURNS: what this run did, and the sink (which knows every error of the run).
    """
    if partition_size < 1:
        raise BatchProblem("--partition-size must be at least 1.")
    job = {
        "inputs": [os.path.abspath(path) for path in inputs],
        "published": published,
        "max_bytes": max_bytes,
        "partition_size": partition_size,
        "settings": asdict(settings),
        "version": __version__,
    }
    sink = JsonlSink(out, job)
    items = load_inputs(list(inputs), published=published, max_bytes=max_bytes)
    if scheduler is not None:
        from sanctrace.batch.cluster import DaskRunner

        with DaskRunner(settings, scheduler) as runner:
            window = PER_WORKER * max(runner.workers(), 1)
            return run_batch(items, sink, runner, partition_size, window, progress), sink
    from sanctrace.batch.local import LocalRunner

    count = workers or os.cpu_count() or 1
    with LocalRunner(settings, count) as runner:
        return run_batch(items, sink, runner, partition_size, PER_WORKER * count, progress), sink
