"""The batch engine: inputs -> numbered partitions -> runner -> sink.

Partition k always holds the same input items (the k-th `size` items of the
same inputs), so a restarted run skips what its sink already holds and
writes nothing twice. At most `window` partitions are in flight, which
bounds memory however large the input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from sanctrace.errors import SanctraceError
from sanctrace.model import AnalysedDocument, Document, InputError

Items = list[Document | InputError]
Results = list[AnalysedDocument | InputError]


class BatchProblem(SanctraceError):
    """The batch cannot run or go on (output folder, workers, scheduler)."""


@dataclass(slots=True)
class Partition:
    """The results of one partition, in input order."""

    index: int
    results: Results

    @property
    def documents(self) -> list[AnalysedDocument]:
        return [r for r in self.results if isinstance(r, AnalysedDocument)]

    @property
    def errors(self) -> list[InputError]:
        return [r for r in self.results if isinstance(r, InputError)]


class Sink(Protocol):
    """Where results go: partition files, or (later) the store."""

    def done(self) -> dict[int, int]:
        """Partitions already stored, with their number of documents."""
        ...

    def write(self, partition: Partition) -> None:
        """Store one partition for good; after this returns it counts as done."""
        ...

    def finish(self) -> None:
        """Called once every partition is stored."""
        ...


class Progress(Protocol):
    def advance(self, documents: int) -> None: ...


class Runner(Protocol):
    """Runs `analyse(items)` somewhere: `submit` gives a handle, `wait` the finished ones."""

    def submit(self, items: Items) -> Any: ...

    def wait(self, pending: list[Any]) -> list[Any]: ...

    def result(self, handle: Any) -> Results: ...


@dataclass(slots=True)
class Summary:
    partitions: int = 0
    skipped: int = 0
    documents: int = 0
    errors: list[InputError] = field(default_factory=list)


def partitions(items: Iterable[Document | InputError], size: int) -> Iterator[tuple[int, Items]]:
    iterator = iter(items)
    index = 0
    while chunk := list(islice(iterator, size)):
        yield index, chunk
        index += 1


def run_batch(
    items: Iterable[Document | InputError],
    sink: Sink,
    runner: Runner,
    size: int,
    window: int,
    progress: Progress | None = None,
    on_partition: Callable[[Partition], None] | None = None,
) -> Summary:
    """Analyse every partition the sink does not hold yet and hand it to the sink."""
    summary = Summary()
    done = sink.done()
    pending: dict[Any, int] = {}

    def collect(handles: list[Any]) -> None:
        for handle in handles:
            partition = Partition(pending.pop(handle), runner.result(handle))
            sink.write(partition)
            summary.partitions += 1
            summary.documents += len(partition.documents)
            summary.errors += partition.errors
            if progress is not None:
                progress.advance(len(partition.results))
            if on_partition is not None:
                on_partition(partition)

    for index, chunk in partitions(items, size):
        if index in done:
            summary.skipped += 1
            if progress is not None:
                progress.advance(len(chunk))
            continue
        pending[runner.submit(chunk)] = index
        if len(pending) >= window:
            collect(runner.wait(list(pending)))
    while pending:
        collect(runner.wait(list(pending)))
    sink.finish()
    return summary
