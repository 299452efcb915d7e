"""Bad stores: wrong or unreachable URL, read-only, newer schema, full disk; one sentence each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from typer.testing import Result

from sanctrace.documents import load_inputs
from sanctrace.errors import StoreError
from sanctrace.pipeline import Analyzer
from sanctrace.store import schema
from sanctrace.store.ingest import ingest
from sanctrace.store.workspace import Workspace
from store.helpers import generated_articles, write_jsonl


def _documents(url: str) -> int:
    with Workspace(url) as workspace, workspace.reading() as connection:
        return int(connection.execute(select(func.count()).select_from(schema.DOCUMENTS)).scalar())


def _one_sentence(result: Result) -> str:
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("nonsense://nowhere", "is not usable"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/test", "Cannot open the store"),
        ("sqlite:////no/such/folder/store.sqlite", "Cannot open the store"),
    ],
)
def test_bad_store_url_is_one_sentence(url: str, words: str, invoke: Callable[..., Result]) -> None:
    line = _one_sentence(invoke(["findings", "--store", url]))
    assert words in line


def _read_only(url: str, tmp_path: Path) -> str:
    if url.startswith("sqlite"):
        return f"sqlite:///file:{tmp_path / 'store.sqlite'}?mode=ro&uri=true"
    return url + "%20-cdefault_transaction_read_only%3Don"


def test_bad_store_read_only_loses_nothing(
    store_url: str, analyzer: Analyzer, tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    with Workspace(store_url) as workspace:
        ingest(
            workspace,
            analyzer,
            load_inputs([str(write_jsonl(tmp_path / "a.jsonl", generated_articles(2)))]),
        )
    more = write_jsonl(tmp_path / "b.jsonl", generated_articles(2, start=2))
    line = _one_sentence(
        invoke(["ingest", str(more), "--no-screen", "--store", _read_only(store_url, tmp_path)])
    )
    assert "read" in line.lower() and "0 documents were stored before this" in line
    assert _documents(store_url) == 2


def test_bad_store_newer_schema_is_refused_by_every_command(
    store_url: str, invoke: Callable[..., Result]
) -> None:
    from sqlalchemy import text

    with Workspace(store_url) as workspace, workspace.writing("test") as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    for command in (["ingest", "-"], ["findings"], ["events"], ["export"], ["store", "upgrade"]):
        line = _one_sentence(invoke([*command, "--store", store_url], stdin="text"))
        assert "made by a newer sanctrace" in line


def test_bad_store_full_disk_keeps_what_was_stored(analyzer: Analyzer, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'small.sqlite'}"
    source = write_jsonl(tmp_path / "a.jsonl", generated_articles(60))
    with Workspace(url) as workspace:
        with workspace.reading() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

        def limit(connection: Any, _record: Any) -> None:
            connection.execute(f"PRAGMA max_page_count = {int(pages) + 12}")

        event.listen(workspace.engine, "connect", limit)
        workspace.engine.dispose()
        with pytest.raises(StoreError) as caught:
            ingest(workspace, analyzer, load_inputs([str(source)]))
    assert "database or disk is full" in str(caught.value)
    assert "nothing of it was stored" in str(caught.value)
    stored = _documents(url)
    assert 0 < stored < 60
    with Workspace(url) as workspace:  # room again: the rest is stored, once
        summary = ingest(workspace, analyzer, load_inputs([str(source)]))
    assert (summary.new, summary.stored) == (60 - stored, stored)
