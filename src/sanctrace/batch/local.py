"""Worker processes on this machine, each loading the model once."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from sanctrace.batch.engine import BatchProblem, Items, Results
from sanctrace.batch.worker import Settings, analyse_items


class LocalRunner:
    """A process pool; use it as a context manager."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        # spawn: a fresh interpreter per worker, never a copy of this one's threads.
        # Each builds its Analyzer on its first partition, so a model that cannot be
        # loaded comes back as that error, not as a broken pool.
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn")
        )

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, items: Items) -> Future[Results]:
        return self._pool.submit(analyse_items, self.settings, items)

    def wait(self, pending: list[Future[Results]]) -> list[Future[Results]]:
        return list(wait(pending, return_when=FIRST_COMPLETED).done)

    def result(self, handle: Future[Results]) -> Results:
        try:
            return handle.result()
        except BrokenProcessPool:
            raise BatchProblem(
                "A worker process died (out of memory, or killed); run the same command "
                "again to continue, perhaps with fewer --workers."
            ) from None
