"""Review: decisions with an audit trail, kept through re-analysis and event rebuilds."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from sanctrace.documents import load_inputs
from sanctrace.errors import StoreError
from sanctrace.pipeline import Analyzer
from sanctrace.store import schema
from sanctrace.store.ingest import flag_missing_reviews, ingest, reanalyse
from sanctrace.store.queries import Filters, events, findings
from sanctrace.store.review import audit_trail, decide_parties, mark_duplicate, review_finding
from sanctrace.store.workspace import Workspace
from store.helpers import WORKSPACE_EXAMPLES, generated_articles, write_jsonl


@pytest.fixture
def workspace(store_url: str, analyzer: Analyzer) -> Workspace:
    workspace = Workspace(store_url)
    ingest(workspace, analyzer, load_inputs([str(WORKSPACE_EXAMPLES)]))
    return workspace


def test_review_every_change_is_an_audit_row(workspace: Workspace) -> None:
    key = findings(workspace, Filters(party="putin"))[0]["key"]
    review_finding(workspace, key, "confirmed", note="Kremlin confirmed it", actor="ana")
    review_finding(workspace, key, "dismissed", reason="duplicate of UN finding", actor="bo")
    trail = audit_trail(workspace, key)
    assert [(row["actor"], row["action"]) for row in trail] == [
        ("ana", "finding confirmed"),
        ("bo", "finding dismissed"),
    ]
    assert trail[0]["before"] is None and trail[0]["after"]["note"] == "Kremlin confirmed it"
    assert trail[1]["before"]["status"] == "confirmed"
    assert trail[1]["after"]["reason"] == "duplicate of UN finding"
    assert [row["key"] for row in findings(workspace, Filters(review="dismissed"))] == [key]
    with pytest.raises(StoreError, match="A dismissal needs a reason"):
        review_finding(workspace, key, "dismissed")
    with pytest.raises(StoreError, match="No finding f-nope"):
        review_finding(workspace, "f-nope", "confirmed")
    workspace.close()


def test_review_reanalysis_keeps_decisions_and_flags_lost_findings(
    workspace: Workspace, analyzer: Analyzer
) -> None:
    kept, lost = (row["key"] for row in findings(workspace, Filters(party="putin"))[:2])
    review_finding(workspace, kept, "confirmed", actor="ana")
    review_finding(workspace, lost, "dismissed", reason="legal trade", actor="ana")
    with workspace.writing("age the analysis") as connection:
        connection.execute(update(schema.DOCUMENTS).values(analyser_version="0.0.1 old"))
    summary = reanalyse(workspace, analyzer)
    assert summary.reanalysed == 7 and summary.flagged == 0
    assert [row["key"] for row in findings(workspace, Filters(review="confirmed"))] == [kept]
    # A new analyser that no longer produces a reviewed finding: flagged, never deleted.
    with workspace.writing("drop a finding") as connection:
        connection.execute(delete(schema.FINDINGS).where(schema.FINDINGS.c.key == lost))
    assert flag_missing_reviews(workspace) == 1
    missing = findings(workspace, Filters(review="missing"))
    assert [(row["key"], row["review"], row["review_reason"]) for row in missing] == [
        (lost, "dismissed", "legal trade")
    ]
    assert missing[0]["missing_since"] and missing[0]["instrument"]  # the reviewed snapshot
    assert len(audit_trail(workspace)) == 2  # re-analysis wrote no human decision
    workspace.close()


def test_review_duplicate_events_stay_merged_after_rebuilds(
    workspace: Workspace, analyzer: Analyzer, tmp_path: Path
) -> None:
    # Two events the machine keeps apart (a car and a fuel delivery), joined by hand.
    [car] = events(workspace, Filters(tag="vehicle"))
    [fuel] = events(workspace, Filters(tag="petroleum_refined"))
    first, second = car["id"], fuel["id"]
    before = len(events(workspace, Filters()))
    assert mark_duplicate(workspace, second, first, note="one case", actor="ana") == before - 1
    more = write_jsonl(tmp_path / "more.jsonl", generated_articles(2))
    ingest(workspace, analyzer, load_inputs([str(more)]))  # rebuilds every event
    merged = events(workspace, Filters(tag="vehicle"))
    reports = len(car["reports"]) + len(fuel["reports"])
    assert len(merged) == 1 and len(merged[0]["reports"]) == reports
    assert any("marked a duplicate" in r["reason"] for r in merged[0]["reports"])
    assert audit_trail(workspace, second)[0]["action"] == "event duplicate"
    workspace.close()


def test_review_party_split_and_merge_are_respected(workspace: Workspace) -> None:
    p = schema.PARTIES.c
    with workspace.reading() as connection:
        kims = (
            connection.execute(select(p.id).where(p.name == "Kim Jong Un").order_by(p.id))
            .scalars()
            .all()
        )
    assert len(kims) == 2
    limousine = events(workspace, Filters(party="putin"))
    assert len(limousine) == 1 and len(limousine[0]["reports"]) == 2
    decide_parties(workspace, kims[0], kims[1], "different", note="namesake", actor="ana")
    assert len(events(workspace, Filters(party="putin"))) == 2
    decide_parties(workspace, kims[0], kims[1], "same", actor="bo")
    assert len(events(workspace, Filters(party="putin"))) == 1
    trail = audit_trail(workspace, kims[0])
    assert [row["after"]["decision"] for row in trail] == ["different", "same"]
    assert trail[1]["before"] == {"decision": "different"}
    workspace.close()
