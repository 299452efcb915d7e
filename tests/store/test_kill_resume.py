"""kill -9 of `sanctrace ingest` at several points of a 200-document run, then a rerun.

Every document is stored whole or not at all at every moment (checked while
the run is going), and the rerun stores the rest exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from store.helpers import generated_articles, write_jsonl

SANCTRACE = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "sanctrace"
TOTAL = 200
#: Kill when this many documents are stored (0: while the model is still loading).
KILL_AT = (0, 40, 120)
#: One transfer and three findings per generated article, so a half-written one shows.
CHECK = text(
    "SELECT"
    " (SELECT count(*) FROM ws_documents),"
    " (SELECT count(*) FROM ws_documents d WHERE NOT EXISTS"
    "   (SELECT 1 FROM ws_findings f WHERE f.document = d.key)),"
    " (SELECT count(*) FROM ws_transfers t WHERE NOT EXISTS"
    "   (SELECT 1 FROM ws_documents d WHERE d.key = t.document)),"
    " (SELECT count(*) FROM (SELECT id FROM ws_documents GROUP BY id HAVING count(*) > 1) x)"
)


def _stored(url: str) -> int:
    """Documents stored now; fails on any half-written or doubled document."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if not connection.dialect.has_table(connection, "ws_documents"):
                return 0
            documents, unfinished, orphans, doubled = connection.execute(CHECK).one()
    finally:
        engine.dispose()
    assert (unfinished, orphans, doubled) == (0, 0, 0)
    return int(documents)


def _run(source: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(SANCTRACE), "ingest", str(source), "--no-screen", "--store", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SANCTRACE_STORE": url},
    )


def test_kill_resume_stores_every_document_exactly_once(store_url: str, tmp_path: Path) -> None:
    url = store_url
    source = write_jsonl(tmp_path / "articles.jsonl", generated_articles(TOTAL))
    killed_at = []
    for threshold in KILL_AT:
        process = _run(source, url)
        deadline = time.monotonic() + 60
        if threshold == 0:
            time.sleep(1.0)
        else:
            while _stored(url) < threshold and process.poll() is None:
                assert time.monotonic() < deadline, "ingest made no progress within 60 s"
                time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        killed_at.append(_stored(url))
    assert killed_at[0] < killed_at[1] < killed_at[2] < TOTAL
    process = _run(source, url)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    done = killed_at[-1]
    assert f"{TOTAL - done} new, {done} already stored, 0 failed" in out
    assert _stored(url) == TOTAL
