"""What the web app loads once and shares between requests: store, analyser, screeners."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sanctrace.store.workspace import Workspace
from sanctrace.web.auth import LoginLimiter

if TYPE_CHECKING:
    from sanctrace.pipeline import Analyzer
    from sanctrace.screening import Screener
    from sanctrace.store import Store

#: Requests served at once (anyio's default thread pool), each with its own connection.
THREADS = 40
#: Request bodies larger than this are refused (2 MiB: a long article as JSON).
DEFAULT_MAX_BODY = 2 * 1024 * 1024


@dataclass
class WebState:
    """The loaded workspace, lists and analyser of one running app."""

    workspace: Workspace
    lists: Store
    analyzer_factory: Callable[[], Analyzer]
    max_body: int = DEFAULT_MAX_BODY
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    _analyzer: Analyzer | None = None
    _screeners: dict[str, Screener | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def analyzer(self) -> Analyzer:
        with self._lock:
            if self._analyzer is None:
                self._analyzer = self.analyzer_factory()
            return self._analyzer

    def screener(self, algorithm: str) -> Screener | None:
        """The lists' screener for `algorithm`, scoring every candidate (threshold 0)."""
        with self._lock:
            if algorithm not in self._screeners:
                from sanctrace.screening import Screener

                base = next((s for s in self._screeners.values() if s is not None), None)
                if base is None:
                    built = Screener.from_store(self.lists, algorithm, 0.0, many=True)
                else:
                    built = Screener(base.index, algorithm, 0.0)
                self._screeners[algorithm] = built
            return self._screeners[algorithm]

    def close(self) -> None:
        self.workspace.close()
        self.lists.close()
