"""The JSON API under /api: each route parses, checks the role, and calls one store function."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from sanctrace.store import export as store_export
from sanctrace.store import review, users, views
from sanctrace.store.queries import REVIEW_STATES, Filters, events, findings, transfers
from sanctrace.store.users import Session
from sanctrace.web.auth import requires

router = APIRouter(prefix="/api")
Reader = Annotated[Session, Depends(requires("reader"))]
Analyst = Annotated[Session, Depends(requires("analyst"))]
Admin = Annotated[Session, Depends(requires("admin"))]
#: A page holds at most this many rows.
MAX_LIMIT = 1000


def page_of(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Rows skipped: the page's start.")] = 0,
) -> Filters:
    return Filters(limit=limit, offset=offset)


def filters_of(
    page: Annotated[Filters, Depends(page_of)],
    regime: Annotated[str | None, Query(description="Regime id, e.g. un-dprk.")] = None,
    instrument: Annotated[str | None, Query(description="Words of the instrument.")] = None,
    country: Annotated[str | None, Query(description="ISO code of either side or route.")] = None,
    party: Annotated[
        str | None, Query(description="Words of the giver's or recipient's name.")
    ] = None,
    tag: Annotated[str | None, Query(description="Goods tag, e.g. ammunition.")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY[-MM[-DD]].")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY[-MM[-DD]].")] = None,
    certainty: Annotated[str | None, Query(description="confirmed, reported, ...")] = None,
    review_state: Annotated[
        str | None,
        Query(alias="review", description="unreviewed, confirmed, dismissed or missing."),
    ] = None,
    text: Annotated[str | None, Query(description="Words of the evidence or explanation.")] = None,
) -> Filters:
    """The CLI's `findings`/`events` options as query parameters; empty ones are unset
    (a page's filter form sends every field)."""
    if review_state and review_state not in REVIEW_STATES:
        raise HTTPException(
            422,
            f"The review state {review_state!r} is not known: use one of "
            f"{', '.join(REVIEW_STATES)}.",
        )
    return Filters(
        regime=regime or None,
        instrument=instrument or None,
        country=country or None,
        party=party or None,
        tag=tag or None,
        date_from=date_from or None,
        date_to=date_to or None,
        certainty=certainty or None,
        review=review_state or None,
        text=text or None,
        limit=page.limit,
        offset=page.offset,
    )


Listed = Annotated[Filters, Depends(filters_of)]
Paged = Annotated[Filters, Depends(page_of)]


def paged(request: Request, rows: list[Any], filters: Filters) -> dict[str, Any]:
    """A page of rows and the URL of the next one (None on the last page)."""
    limit = filters.limit or len(rows)
    following = None
    if len(rows) == limit:
        following = str(request.url.include_query_params(offset=filters.offset + limit))
    return {"results": rows, "limit": limit, "offset": filters.offset, "next": following}


def _workspace(request: Request) -> Any:
    return request.app.state.web.workspace


@router.get("/me", tags=["access"])
def me(session: Reader) -> dict[str, str]:
    """Who the token or session belongs to, and their role."""
    return {"name": session.user.name, "role": session.user.role}


@router.get("/documents", tags=["documents"])
def list_documents(request: Request, _: Reader, page: Paged, text: str | None = None) -> dict:
    """Stored documents (without their text), newest first; `text`: words of the title."""
    filters = Filters(text=text, limit=page.limit, offset=page.offset)
    return paged(request, views.documents(_workspace(request), filters), filters)


@router.get("/documents/{key}", tags=["documents"])
def document(request: Request, key: str, _: Reader) -> dict[str, Any]:
    """One stored document with its analysis, in the contract's form (as `analyze` prints)."""
    from sanctrace.errors import NotFound
    from sanctrace.export.contract import to_contract
    from sanctrace.store.analysis import stored_analysis

    analysis = stored_analysis(_workspace(request), [key])
    if not analysis.documents:
        raise NotFound(f"No document {key} is in the store; /api/documents lists the keys.")
    return to_contract(analysis)["documents"][0]  # type: ignore[no-any-return]


class Article(BaseModel):
    """One article, as a line of a .jsonl input."""

    text: str = Field(description="The article text.")
    id: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    title: str | None = None
    source: str | None = None
    url: str | None = None


def _documents(articles: list[Article]) -> list[Any]:
    from sanctrace.documents.jsonl import parse_line

    return [
        parse_line(json.dumps(a.model_dump(exclude_none=True)).encode(), f"article {n + 1}")
        for n, a in enumerate(articles)
    ]


@router.post("/analyze", tags=["analysis"])
async def analyze(request: Request, article: Article, _: Reader) -> dict[str, Any]:
    """Analyse one text without storing it: the contract JSON, as `sanctrace analyze` gives."""
    from sanctrace.export.contract import to_contract

    state = request.app.state.web
    document = _documents([article])
    analysis = await run_in_threadpool(lambda: state.analyzer().analyze(document))
    return to_contract(analysis)  # type: ignore[no-any-return]


class Ingest(BaseModel):
    documents: list[Article] = Field(min_length=1, max_length=100)


@router.post("/documents", tags=["documents"])
async def ingest(request: Request, body: Ingest, _: Analyst) -> dict[str, int]:
    """Analyse and store articles (each once, by its text); events are rebuilt."""
    from sanctrace.store.ingest import ingest as run

    state = request.app.state.web
    documents = _documents(body.documents)
    summary = await run_in_threadpool(lambda: run(state.workspace, state.analyzer(), documents))
    return {"new": summary.new, "stored": summary.stored, "events": summary.events}


@router.get("/events", tags=["events"])
def list_events(request: Request, _: Reader, filters: Listed) -> dict:
    """Events (one per real-world transfer) with every report of them."""
    return paged(request, events(_workspace(request), filters), filters)


@router.get("/transfers", tags=["events"])
def list_transfers(request: Request, _: Reader, filters: Listed) -> dict:
    """Transfers as each document states them (the reports of events)."""
    return paged(request, transfers(_workspace(request), filters), filters)


@router.get("/findings", tags=["findings"])
def list_findings(request: Request, _: Reader, filters: Listed) -> dict:
    """Potential breaches with legal basis, evidence and review, as `sanctrace findings`."""
    return paged(request, findings(_workspace(request), filters), filters)


@router.get("/findings/{key}", tags=["findings"])
def finding(request: Request, key: str, _: Reader) -> dict[str, Any]:
    """One finding in full: legal basis, sentence, reports, parties' screening, review, audit."""
    return views.finding_detail(_workspace(request), key)


class Review(BaseModel):
    status: Literal["confirmed", "dismissed"]
    reason: str | None = Field(None, description="Why; required to dismiss.")
    note: str | None = None


@router.post("/findings/{key}/review", tags=["review"])
def review_finding(request: Request, key: str, body: Review, session: Analyst) -> dict:
    """Confirm or dismiss a finding; an audit row records it."""
    return review.review_finding(
        _workspace(request), key, body.status, body.reason, body.note, session.user.name
    )


class Duplicate(BaseModel):
    of: str = Field(description="The event this one repeats.")
    note: str | None = None


@router.post("/events/{event}/duplicate", tags=["review"])
def duplicate(request: Request, event: str, body: Duplicate, session: Analyst) -> dict:
    """Mark an event a duplicate of another: they become one event."""
    total = review.mark_duplicate(_workspace(request), event, body.of, body.note, session.user.name)
    return {"events": total}


class PartyDecision(BaseModel):
    party: str
    other: str
    decision: Literal["same", "different"]
    note: str | None = None


@router.post("/parties/decisions", tags=["review"])
def decide(request: Request, body: PartyDecision, session: Analyst) -> dict:
    """Record that two stored parties are, or are not, one party."""
    total = review.decide_parties(
        _workspace(request), body.party, body.other, body.decision, body.note, session.user.name
    )
    return {"events": total}


@router.get("/parties/{entity}", tags=["parties"])
def party(request: Request, entity: str, _: Reader) -> dict[str, Any]:
    """A party identity: its mentions, their screening hits, and its events."""
    return views.party_detail(_workspace(request), entity)


@router.get("/search", tags=["parties"])
def search(
    request: Request,
    _: Reader,
    page: Paged,
    q: Annotated[str, Query(max_length=200, description="Words of the party's name.")] = "",
) -> dict:
    """Parties whose name holds the words, with how many events name them."""
    rows = views.search_parties(_workspace(request), q, page.limit or 50, page.offset)
    return paged(request, rows, page)


@router.get("/audit", tags=["review"])
def audit(request: Request, _: Reader, target: str | None = None) -> list[dict[str, Any]]:
    """Every decision: who changed what, when, before and after."""
    return review.audit_trail(_workspace(request), target)


@router.get("/network", tags=["events"])
def network(request: Request, _: Reader, filters: Listed) -> dict[str, Any]:
    """Parties as nodes, events as edges with their goods and findings."""
    return views.network(_workspace(request), filters)


@router.get("/timeline", tags=["events"])
def timeline(request: Request, _: Reader, filters: Listed) -> dict:
    """Events by date with their findings."""
    return paged(request, views.timeline(_workspace(request), filters), filters)


@router.get("/export", tags=["export"])
def export(
    request: Request,
    _: Reader,
    format: Literal["contract", "json", "ftm", "csv"] = "contract",
) -> Response:
    """The whole store: `contract` (the analysis contract of every document), or as
    `sanctrace export` writes it: `json`, `ftm` (followthemoney JSON lines), `csv`."""
    workspace = _workspace(request)
    if format == "contract":
        from sanctrace.export.contract import dumps_contract
        from sanctrace.store.analysis import stored_analysis

        return Response(dumps_contract(stored_analysis(workspace)), media_type="application/json")
    if format == "ftm":
        lines = (
            json.dumps(entity.to_dict(), sort_keys=True) + "\n"
            for entity in store_export.ftm_entities(workspace)
        )
        return PlainTextResponse("".join(lines), media_type="application/x-ndjson")
    if format == "json":
        return Response(
            json.dumps(store_export.everything(workspace), ensure_ascii=False, sort_keys=True),
            media_type="application/json",
        )
    return PlainTextResponse(store_export.events_csv(workspace), media_type="text/csv")


class NewUser(BaseModel):
    name: str
    role: Literal["reader", "analyst", "admin"]
    password: str = Field(min_length=users.MIN_PASSWORD)


@router.get("/users", tags=["access"])
def list_users(request: Request, _: Admin) -> list[dict[str, str]]:
    return users.list_users(_workspace(request))


@router.post("/users", tags=["access"])
def add_user(request: Request, body: NewUser, session: Admin) -> dict[str, str]:
    """Add a user, or give one a new role and password."""
    user = users.add_user(
        _workspace(request), body.name, body.role, body.password, session.user.name
    )
    return {"name": user.name, "role": user.role}


@router.delete("/users/{name}", tags=["access"])
def remove_user(request: Request, name: str, session: Admin) -> dict[str, str]:
    users.remove_user(_workspace(request), name, session.user.name)
    return {"removed": name}
