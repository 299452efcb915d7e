"""`sanctrace serve` loads everything before the first request, and keeps the collector off it."""

from __future__ import annotations

import gc
from pathlib import Path

from sanctrace.pipeline import Analyzer
from web.conftest import fill, serving

QUERY = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Kim Jong Un"]}}}}


def test_preload_warms_the_screener_and_freezes_what_it_loaded(
    tmp_path: Path, analyzer: Analyzer
) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    tokens = fill(url, analyzer)
    gc.unfreeze()
    try:
        with serving(url, analyzer, tokens, preload=True) as served:
            # Everything loaded at start-up is out of the collector's reach, so no
            # full collection walks the model and the index inside a request.
            assert gc.get_freeze_count() > 0
            with served.client("reader") as client:
                response = client.post("/match/default", json=QUERY)
            assert response.status_code == 200
            [result, *_] = response.json()["responses"]["q"]["results"]
            assert result["caption"] == "Kim Jong Un"
    finally:
        gc.unfreeze()
