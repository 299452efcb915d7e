"""The same job on a Dask distributed cluster.

Workers import sanctrace and build one Analyzer per worker process on first
use (`sanctrace.batch.worker`); the client streams partitions to them and
hands results to the sink here, so the output folder need exist only where
`sanctrace batch` runs.
"""

from __future__ import annotations

import re
from typing import Any

from sanctrace.batch.engine import BatchProblem, Items, Results
from sanctrace.batch.worker import Settings, analyse_items

ADDRESS = re.compile(r"(tcp|tls)://[^\s/:]+:\d+")
#: Seconds to wait for the scheduler before giving up with one sentence.
CONNECT_TIMEOUT = 10


class DaskRunner:
    """A client of the scheduler at `address` (tcp://HOST:PORT); a context manager."""

    def __init__(self, settings: Settings, address: str, timeout: float | None = None) -> None:
        from distributed import Client

        self.settings = settings
        if not ADDRESS.fullmatch(address):
            raise BatchProblem(
                f"--scheduler {address!r} is not a scheduler address; write it as tcp://HOST:PORT."
            )
        try:
            self._client = Client(address, timeout=timeout or CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise BatchProblem(
                f"The Dask scheduler at {address} cannot be reached ({_reason(error)}); "
                "start it with `dask scheduler` or check --scheduler."
            ) from None

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def workers(self) -> int:
        return len(self._client.scheduler_info().get("workers", {}))

    def submit(self, items: Items) -> Any:
        return self._client.submit(analyse_items, self.settings, items, pure=False)

    def wait(self, pending: list[Any]) -> list[Any]:
        from distributed import wait

        with self._client.as_current():  # wait() finds the client as the current one
            return list(wait(pending, return_when="FIRST_COMPLETED").done)

    def result(self, handle: Any) -> Results:
        result: Results = handle.result()
        return result


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text.rstrip(".")
