"""Analysts' decisions, each written with its audit row in one transaction.

Decisions live in their own tables, which re-analysis never writes: a
finding's review survives a new analyser, an event's duplicate mark and a
party split or merge survive rebuilding the events.
"""

from __future__ import annotations

import getpass
import os
from typing import Any, Literal

from sqlalchemy import Connection, delete, insert, select

from sanctrace.errors import NotFound, StoreError
from sanctrace.store import schema
from sanctrace.store.derive import rebuild
from sanctrace.store.workspace import Workspace, now

#: Environment variable naming the analyst in the audit trail (else the login name).
ACTOR_ENV = "SANCTRACE_USER"
ReviewStatus = Literal["confirmed", "dismissed"]
PartyDecision = Literal["same", "different"]


def current_actor() -> str:
    configured = os.environ.get(ACTOR_ENV, "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def audit(
    connection: Connection, actor: str, action: str, target: str, before: Any, after: Any
) -> None:
    connection.execute(
        insert(schema.AUDIT).values(
            at=now(), actor=actor, action=action, target=target, before=before, after=after
        )
    )


def review_finding(
    workspace: Workspace,
    finding: str,
    status: ReviewStatus,
    reason: str | None = None,
    note: str | None = None,
    actor: str | None = None,
) -> dict[str, Any]:
    """Mark a finding confirmed or dismissed; a dismissal needs a reason."""
    if status == "dismissed" and not (reason and reason.strip()):
        raise StoreError("A dismissal needs a reason: give one with --reason.")
    actor = actor or current_actor()
    f, r = schema.FINDINGS.c, schema.FINDING_REVIEWS.c
    with workspace.writing("record the review") as connection:
        found = connection.execute(select(schema.FINDINGS).where(f.key == finding)).first()
        if found is None:
            raise NotFound(
                f"No finding {finding} is in the store {workspace.shown_url}; "
                "run `sanctrace findings` to see the finding keys."
            )
        previous = connection.execute(
            select(r.status, r.reason, r.note, r.actor, r.at).where(r.finding == finding)
        ).first()
        after = {"status": status, "reason": reason, "note": note, "actor": actor, "at": now()}
        snapshot = {k: v for k, v in found._mapping.items() if k != "data"}
        connection.execute(delete(schema.FINDING_REVIEWS).where(r.finding == finding))
        connection.execute(
            insert(schema.FINDING_REVIEWS).values(finding=finding, snapshot=snapshot, **after)
        )
        before = dict(previous._mapping) if previous else None
        audit(connection, actor, f"finding {status}", finding, before, after)
    return after


def _report_of(connection: Connection, event: str, workspace: Workspace) -> str:
    """The event's first report: decisions name transfers, which outlive event ids."""
    e = schema.EVENT_REPORTS.c
    first = connection.execute(
        select(e.transfer).where(e.event == event).order_by(e.transfer).limit(1)
    ).scalar()
    if first is None:
        raise NotFound(
            f"No event {event} is in the store {workspace.shown_url}; "
            "run `sanctrace events` to see the event ids."
        )
    return str(first)


def mark_duplicate(
    workspace: Workspace,
    event: str,
    original: str,
    note: str | None = None,
    actor: str | None = None,
) -> int:
    """Record that `event` is the same as `original`; events are rebuilt. Returns their count."""
    if event == original:
        raise StoreError("An event cannot duplicate itself: give two different event ids.")
    actor = actor or current_actor()
    d = schema.EVENT_DECISIONS.c
    with workspace.writing("record the duplicate") as connection:
        transfer = _report_of(connection, event, workspace)
        target = _report_of(connection, original, workspace)
        previous = connection.execute(select(d.duplicate_of).where(d.transfer == transfer)).scalar()
        connection.execute(delete(schema.EVENT_DECISIONS).where(d.transfer == transfer))
        connection.execute(
            insert(schema.EVENT_DECISIONS).values(
                transfer=transfer, duplicate_of=target, actor=actor, at=now(), note=note
            )
        )
        after = {"event": event, "duplicate_of": original, "report": transfer, "note": note}
        before = {"duplicate_of_report": previous} if previous else None
        audit(connection, actor, "event duplicate", event, before, after)
    return rebuild(workspace)


def decide_parties(
    workspace: Workspace,
    party: str,
    other: str,
    decision: PartyDecision,
    note: str | None = None,
    actor: str | None = None,
) -> int:
    """Record that two stored parties are (`same`) or are not (`different`) one party."""
    if party == other:
        raise StoreError("A party decision needs two different party ids.")
    actor = actor or current_actor()
    p, d = schema.PARTIES.c, schema.PARTY_DECISIONS.c
    first, second = sorted((party, other))
    with workspace.writing("record the party decision") as connection:
        for name in (first, second):
            if connection.execute(select(p.id).where(p.id == name)).first() is None:
                raise NotFound(
                    f"No party {name} is in the store {workspace.shown_url}; "
                    "run `sanctrace events --format json` to see the party ids."
                )
        pair = (d.party == first) & (d.other == second)
        previous = connection.execute(select(d.decision).where(pair)).scalar()
        connection.execute(delete(schema.PARTY_DECISIONS).where(pair))
        connection.execute(
            insert(schema.PARTY_DECISIONS).values(
                party=first, other=second, decision=decision, actor=actor, at=now(), note=note
            )
        )
        audit(
            connection,
            actor,
            f"parties {decision}",
            f"{first} {second}",
            {"decision": previous} if previous else None,
            {"decision": decision, "note": note},
        )
    return rebuild(workspace)


def audit_trail(workspace: Workspace, target: str | None = None) -> list[dict[str, Any]]:
    a = schema.AUDIT.c
    query = select(schema.AUDIT).order_by(a.id)
    if target is not None:
        query = query.where(a.target.contains(target))
    with workspace.reading() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]
