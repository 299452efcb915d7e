"""Corpus-scale analysis: inputs streamed in partitions to worker processes or a
Dask cluster, results handed to a sink (partitioned JSON lines by default).

`run_batch` is the engine; a sink decides where results go, so a store
ingest can reuse the same engine with a sink of its own.
"""

from sanctrace.batch.engine import BatchProblem, Partition, Progress, Sink, run_batch
from sanctrace.batch.output import JsonlSink
from sanctrace.batch.worker import Settings

__all__ = [
    "BatchProblem",
    "JsonlSink",
    "Partition",
    "Progress",
    "Settings",
    "Sink",
    "run_batch",
]
