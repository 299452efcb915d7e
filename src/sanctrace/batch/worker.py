"""What runs in a worker: one Analyzer per process, built on first use."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sanctrace.model import AnalysedDocument, Document, InputError

if TYPE_CHECKING:
    from sanctrace.pipeline import Analyzer, Screener


@dataclass(frozen=True, slots=True)
class Settings:
    """What a worker needs to build its Analyzer; hashable, so one per process."""

    model: str | None = None
    prefilter: bool = True
    #: Store whose lists screen the parties; None screens nothing.
    store: str | None = None


_analyzers: dict[Settings, Analyzer] = {}
# A Dask worker may run tasks in threads; one Analyzer serves one task at a time.
_lock = threading.Lock()


def analyse_items(
    settings: Settings, items: list[Document | InputError]
) -> list[AnalysedDocument | InputError]:
    """Analyse one partition in this process, in input order."""
    with _lock:
        return list(_analyzer(settings).iter_analyze(items))


def _analyzer(settings: Settings) -> Analyzer:
    if settings not in _analyzers:
        from sanctrace.pipeline import Analyzer

        _analyzers[settings] = Analyzer(
            settings.model, _screener(settings.store), settings.prefilter
        )
    return _analyzers[settings]


def _screener(store_url: str | None) -> Screener | None:
    if store_url is None:
        return None
    from sanctrace.store import Store

    store = Store(store_url)
    if not store.datasets():
        store.close()  # nothing to screen against: skip the matcher's costly imports
        return None
    from sanctrace.screening import Screener

    return Screener.from_store(store)
