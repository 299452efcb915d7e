"""How much the workspace holds, for `sanctrace store status`."""

from __future__ import annotations

from sqlalchemy import func, select

from sanctrace.store import schema
from sanctrace.store.workspace import Workspace

_COUNTED = {
    "documents": schema.DOCUMENTS,
    "transfers": schema.TRANSFERS,
    "findings": schema.FINDINGS,
    "events": schema.EVENTS,
    "parties": schema.ENTITIES,
    "reviews": schema.FINDING_REVIEWS,
    "audit rows": schema.AUDIT,
}


def counts(workspace: Workspace) -> dict[str, int]:
    with workspace.reading() as connection:
        return {
            name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in _COUNTED.items()
        }
