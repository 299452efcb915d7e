"""The workspace commands end to end: ingest, findings, events, review, export, store."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from followthemoney import model
from typer.testing import Result

from store.helpers import WORKSPACE_EXAMPLES


def test_workspace_commands(invoke: Callable[..., Result], tmp_path: Path) -> None:
    store = ["--store", f"sqlite:///{tmp_path / 'ws.sqlite'}"]
    upgraded = invoke(["store", "upgrade", *store])
    assert upgraded.exit_code == 0 and "from schema none to 0003" in upgraded.output
    first = invoke(["ingest", str(WORKSPACE_EXAMPLES), "--no-screen", *store])
    assert first.exit_code == 0, first.output
    assert "7 new, 0 already stored, 0 failed; 3 events in the store." in first.output
    again = invoke(["ingest", str(WORKSPACE_EXAMPLES), "--no-screen", *store])
    assert "0 new, 7 already stored, 0 failed" in again.output

    rows = json.loads(invoke(["findings", "--party", "putin", "-f", "json", *store]).output)
    assert rows and {row["recipient_name"] for row in rows} == {"Kim Jong Un"}
    table = list(csv.DictReader(io.StringIO(invoke(["findings", "-f", "csv", *store]).output)))
    assert {row["key"] for row in rows} <= {row["key"] for row in table}

    key = rows[0]["key"]
    confirmed = invoke(["review", "finding", key, "confirmed", "--note", "seen", *store])
    assert confirmed.exit_code == 0 and f"Finding {key} marked confirmed." in confirmed.output
    refused = invoke(["review", "finding", key, "dismissed", *store])
    assert refused.exit_code == 1 and "A dismissal needs a reason" in refused.output
    reviewed = json.loads(
        invoke(["findings", "--review", "confirmed", "-f", "json", *store]).output
    )
    assert [row["key"] for row in reviewed] == [key]
    trail = json.loads(invoke(["review", "audit", key, "-f", "json", *store]).output)
    assert [row["action"] for row in trail] == ["finding confirmed"]

    events = json.loads(invoke(["events", "--tag", "ammunition", "-f", "json", *store]).output)
    assert len(events) == 1 and events[0]["disputed"] and len(events[0]["reports"]) == 3
    shown = invoke(["events", "--certainty", "reported", "-f", "table", *store]).output
    assert "disputed" in shown and "denied by North Korea" in shown

    lines = invoke(["export", "--format", "ftm", *store]).output.splitlines()
    entities = [model.get_proxy(json.loads(line)) for line in lines]
    schemata = {entity.schema.name for entity in entities}
    assert {"Article", "EconomicActivity", "Documentation", "Person", "PublicBody"} <= schemata
    by_id = {entity.id: entity for entity in entities}
    for entity in entities:  # every link points at an exported entity
        for prop, value in entity.itervalues():
            if prop.type.name == "entity":
                assert value in by_id, (entity.schema.name, prop.name)
    exported = json.loads(invoke(["export", "--format", "json", *store]).output)
    assert len(exported["documents"]) == 7 and len(exported["events"]) == 3
    assert invoke(["export", "--format", "csv", *store]).output.startswith("id,certainty,")
    current = invoke(["reanalyze", "--no-screen", *store])
    assert current.exit_code == 0 and current.output.startswith("0 re-analysed; 0 reviewed")
    status = invoke(["store", "status", *store]).output
    assert "documents: 7" in status and "audit rows: 1" in status
