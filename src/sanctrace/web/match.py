"""yente-compatible screening: `POST /match/{dataset}`, `GET /catalog`, `GET /algorithms`.

Clients written for OpenSanctions' yente send the same body here and read
the same response: each query example (a followthemoney schema and its
properties) is screened by `Screener.screen_query` against the lists in
the store, and each result is the listed entity with its score, `match`
(score at least `threshold`) and `features` (each feature's weighted
contribution to the score, as `sanctrace screen` explains hits).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from sanctrace.errors import SanctraceError
from sanctrace.screening.query import PartyQuery
from sanctrace.store.users import Session
from sanctrace.web.auth import requires

router = APIRouter(tags=["matching"])
Reader = Annotated[Session, Depends(requires("reader"))]
DEFAULT_ALGORITHM = "logic-v2"
#: yente's defaults: 5 results per query, at most 500, 0.7 to be a match, 100 queries a batch.
DEFAULT_LIMIT, MAX_LIMIT, DEFAULT_THRESHOLD, MAX_BATCH = 5, 500, 0.7, 100
#: The `dataset` that means every loaded list, as yente's collection of everything.
ALL_LISTS = "default"

#: followthemoney schemata a query may use, and the kind of party each asks for.
SCHEMA_KINDS = {
    "Person": "person",
    "Organization": "organization",
    "Company": "organization",
    "PublicBody": "state",
    "Vessel": "vessel",
    "Airplane": "aircraft",
    "LegalEntity": "unknown",
    "Thing": "unknown",
}
_COUNTRY_PROPERTIES = ("nationality", "country", "citizenship", "jurisdiction")


class EntityExample(BaseModel):
    id: str | None = None
    schema_: str = Field(alias="schema", examples=["Person"])
    properties: dict[str, str | list[Any]] = Field(examples=[{"name": ["John Doe"]}])


class MatchRequest(BaseModel):
    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)
    queries: dict[str, EntityExample]


def _values(example: EntityExample, prop: str) -> list[str]:
    value = example.properties.get(prop, [])
    values = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in values if str(v).strip()]


def party_query(name: str, example: EntityExample) -> PartyQuery:
    """The screening query for one yente example; one sentence when it cannot be one."""
    kind = SCHEMA_KINDS.get(example.schema_)
    if kind is None:
        raise HTTPException(
            400,
            f"Query {name!r} has the schema {example.schema_!r}, which cannot be screened: "
            f"use one of {', '.join(SCHEMA_KINDS)}.",
        )
    names = _values(example, "name")
    if not names:
        raise HTTPException(
            400, f'Query {name!r} has no name: give one in "properties": {{"name": [...]}}.'
        )
    country = next((v for p in _COUNTRY_PROPERTIES for v in _values(example, p)), None)
    birth = _values(example, "birthDate")
    imo, flag = _values(example, "imoNumber"), _values(example, "flag")
    return PartyQuery(
        names[0],
        kind=kind,
        country=country,
        birth_date=birth[0][:10] if birth else None,
        aliases=names[1:] + _values(example, "alias"),
        imo=imo[0] if imo else None,
        flag=flag[0] if flag else None,
    )


@lru_cache(maxsize=8)
def _feature_docs(algorithm: str) -> dict[str, Any]:
    """The algorithm's features as yente describes them: fixed, so built once (1-3 ms)."""
    from nomenklatura.matching import get_algorithm

    found = get_algorithm(algorithm)
    return found.get_feature_docs() if found else {}  # type: ignore[no-any-return]


def _datasets(request: Request) -> list[Any]:
    return list(request.app.state.web.lists.datasets())


@router.post("/match/{dataset}", summary="Query by example matcher (yente-compatible)")
def match(
    request: Request,
    dataset: str,
    body: MatchRequest,
    _: Reader,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    cutoff: Annotated[float, Query(ge=0.0, le=1.0, deprecated=True)] = DEFAULT_THRESHOLD,
    algorithm: str = DEFAULT_ALGORITHM,
) -> dict[str, Any]:
    """Screen each example of `queries` against one loaded list, or all (`default`)."""
    state = request.app.state.web
    loaded = {info.id for info in _datasets(request)}
    if dataset != ALL_LISTS and dataset not in loaded:
        choices = ", ".join(sorted(loaded | {ALL_LISTS}))
        raise HTTPException(404, f"No list {dataset!r} is loaded: use one of {choices}.")
    if not body.queries:
        raise HTTPException(400, 'No queries provided: give at least one in "queries".')
    if len(body.queries) > MAX_BATCH:
        raise HTTPException(400, f"Too many queries in one batch: send at most {MAX_BATCH}.")
    queries = {name: party_query(name, example) for name, example in body.queries.items()}
    screener = state.screener(algorithm)
    lowest = min(cutoff, threshold)
    responses = {}
    for name, query in queries.items():
        try:
            hits = screener.screen_query(query, MAX_LIMIT) if screener else []
        except SanctraceError as error:
            raise HTTPException(400, f"Query {name!r}: {error}") from None
        kept = [
            hit
            for hit in hits
            if hit.score >= lowest and (dataset == ALL_LISTS or hit.list == dataset)
        ]
        entities = state.lists.get_entities([(hit.list, hit.entry_id) for hit in kept[:limit]])
        results = []
        for hit in kept[:limit]:
            entity = entities[(hit.list, hit.entry_id)].to_dict()
            features = {k: v for k, v in hit.explanation.items() if not k.startswith("name: ")}
            entity.update(score=hit.score, match=hit.score >= threshold, features=features)
            entity["datasets"] = [hit.list]
            results.append(entity)
        example = body.queries[name]
        responses[name] = {
            "status": 200,
            "results": results,
            "total": {"value": len(kept), "relation": "eq"},
            "query": {
                "id": example.id,
                "schema": example.schema_,
                "properties": example.properties,
            },
        }
    matcher = _feature_docs(algorithm) if screener else {}
    return {"responses": responses, "matcher": matcher, "limit": limit}


@router.get("/catalog", summary="The loaded lists (yente's dataset catalog)")
def catalog(request: Request, _: Reader) -> dict[str, Any]:
    datasets = [
        {
            "name": info.id,
            "title": info.title,
            "summary": f"{info.entity_count:,} entries from {info.source_path}",
            "load": True,
            "version": info.source_date or info.imported_at,
            "entity_count": info.entity_count,
            "updated_at": info.imported_at,
            "index_current": True,
            "children": [],
        }
        for info in _datasets(request)
    ]
    everything = {
        "name": ALL_LISTS,
        "title": "All loaded lists",
        "summary": "Every list loaded in this store (sanctrace lists import).",
        "load": True,
        "version": max((d["version"] for d in datasets), default=""),
        "entity_count": sum(d["entity_count"] for d in datasets),
        "updated_at": max((d["updated_at"] for d in datasets), default=""),
        "index_current": True,
        "children": [d["name"] for d in datasets],
    }
    names = [everything["name"], *(d["name"] for d in datasets)]
    return {"datasets": [everything, *datasets], "current": names, "outdated": []}


@router.get("/algorithms", summary="The matching algorithms /match accepts")
def algorithms(_: Reader) -> dict[str, Any]:
    from nomenklatura.matching import ALGORITHMS

    listed = [
        {"name": a.NAME, "description": a.__doc__, "features": a.get_feature_docs()}
        for a in ALGORITHMS
    ]
    return {"algorithms": listed, "default": DEFAULT_ALGORITHM, "best": DEFAULT_ALGORITHM}
