"""The HTTP API through a real client against the real app on uvicorn, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import re

import httpx
import pytest
from fastapi.routing import APIRoute

from sanctrace.export.contract import to_contract, validate_contract
from sanctrace.model import Document
from sanctrace.pipeline import Analyzer
from sanctrace.web.app import ROUTERS
from sanctrace.web.auth import route_role
from web.conftest import ROLES, Served

#: Routes anyone may reach: logging in, and the API's own documentation.
OPEN = {
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/redoc"),
    ("GET", "/openapi.json"),
}


def _ids(served: Served) -> dict[str, str]:
    """A real value for each path parameter."""
    with served.client("reader") as client:
        finding = client.get("/api/findings", params={"limit": 1}).json()["results"][0]
        party = client.get("/api/search", params={"q": "kim"}).json()["results"][0]
        event = client.get("/api/events", params={"limit": 1}).json()["results"][0]
    return {
        "key": finding["key"],
        "entity": party["id"],
        "event": event["id"],
        "dataset": "default",
        "name": "nobody",
    }


def _routes() -> list[tuple[str, str, str | None]]:
    """Every method and path of the app's routers, with the role each asks for."""
    found = [
        (method, route.path, route_role(route.dependant.dependencies))
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in sorted(route.methods - {"HEAD"})
    ]
    return [*found, ("GET", "/docs", None), ("GET", "/openapi.json", None)]


def test_api_every_route_checks_its_role(served: Served) -> None:
    ids = _ids(served)
    routes = _routes()
    assert len(routes) > 30
    for method, path, role in routes:
        if (method, path) in OPEN:
            assert role is None
            continue
        assert role in ROLES, f"{method} {path} checks no role"
        url = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)
        for asking in (None, *ROLES):
            with served.client(asking) as client:
                # An empty JSON object: no write goes through, whatever the role.
                body = {} if method in ("POST", "DELETE") else None
                response = client.request(method, url, json=body)
            allowed = asking is not None and ROLES.index(asking) >= ROLES.index(role)
            if asking is None:
                assert response.status_code in (401, 303), (method, path, response.text)
                if response.status_code == 303:
                    assert response.headers["location"].startswith("/login")
            elif allowed:
                assert response.status_code not in (401, 403), (method, path, asking)
            else:
                assert response.status_code == 403, (method, path, asking, response.text)
                assert f"needs the {role} role" in response.text


def test_api_reader_cannot_review_ingest_or_manage_users(served: Served) -> None:
    key = _ids(served)["key"]
    with served.client("reader") as client:
        before = client.get(f"/api/findings/{key}").json()["review"]
        assert (
            client.post(f"/api/findings/{key}/review", json={"status": "confirmed"}).status_code
            == 403
        )
        assert client.post("/api/documents", json={"documents": [{"text": "x"}]}).status_code == 403
        assert (
            client.post(
                "/api/users", json={"name": "x", "role": "admin", "password": "12345678"}
            ).status_code
            == 403
        )
        assert client.get("/api/users").status_code == 403
        assert client.get(f"/api/findings/{key}").json()["review"] == before


def test_api_review_is_stored_with_its_audit_row(served: Served) -> None:
    with served.client("analyst") as client:
        key = client.get("/api/findings", params={"party": "putin"}).json()["results"][-1]["key"]
        refused = client.post(f"/api/findings/{key}/review", json={"status": "dismissed"})
        assert refused.status_code == 400
        assert refused.json()["detail"] == "A dismissal needs a reason: give one with --reason."
        done = client.post(
            f"/api/findings/{key}/review", json={"status": "dismissed", "reason": "legal trade"}
        )
        assert done.status_code == 200 and done.json()["actor"] == "analyst"
        detail = client.get(f"/api/findings/{key}").json()
        assert detail["review"]["status"] == "dismissed"
        assert [(r["actor"], r["action"]) for r in detail["audit"]] == [
            ("analyst", "finding dismissed")
        ]
        listed = client.get("/api/findings", params={"review": "dismissed"}).json()["results"]
        assert key in [row["key"] for row in listed]
        trail = client.get("/api/audit", params={"target": key}).json()
        assert trail[-1]["after"]["reason"] == "legal trade"
        missing = client.post("/api/findings/f-nope/review", json={"status": "confirmed"})
        assert missing.status_code == 404 and "No finding f-nope" in missing.json()["detail"]


def test_api_finding_detail_has_basis_sentence_reports_and_screening(served: Served) -> None:
    with served.client("reader") as client:
        rows = client.get("/api/findings", params={"party": "kim jong un", "limit": 5}).json()
        detail = client.get(f"/api/findings/{rows['results'][0]['key']}").json()
    evidence = detail["transfer"]["evidence"]
    assert detail["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    assert detail["instrument"] and detail["provision"] and detail["measure"]
    assert detail["factors"] and detail["explanation"]
    assert len(detail["reports"]) >= 2  # the car gift is told by several outlets
    screened = {party["name"]: party["screening"] for party in detail["parties"]}
    assert any(hit["entry_id"] == "t-kim" for hit in screened["Kim Jong Un"])


def test_api_pages_through_findings_without_gaps_or_repeats(served: Served) -> None:
    with served.client("reader") as client:
        everything = client.get("/api/findings", params={"limit": 1000}).json()
        keys, url = [], "/api/findings?limit=3"
        while url:
            page = client.get(url).json()
            assert page["limit"] == 3 and len(page["results"]) <= 3
            keys += [row["key"] for row in page["results"]]
            url = page["next"]
    assert everything["next"] is None
    assert keys == [row["key"] for row in everything["results"]]
    assert len(keys) > 6


@pytest.mark.parametrize(
    "words", ["%", "_", "' OR 1=1 --", '"; DROP TABLE ws_findings; --', "\\", "[a-z]*", "\x00"]
)
def test_api_filters_take_sql_metacharacters_as_plain_text(served: Served, words: str) -> None:
    with served.client("reader") as client:
        for path in ("/api/findings", "/api/events", "/api/transfers", "/api/documents"):
            response = client.get(
                path,
                params={"text": words, "party": words}
                if path != "/api/documents"
                else {"text": words},
            )
            assert response.status_code in (200, 400), response.text
            if response.status_code == 200:
                assert response.json()["results"] == []
        search = client.get("/api/search", params={"q": words})
        assert search.status_code == 400 or search.json()["results"] == []
        # The store is untouched: everything is still there.
        assert len(client.get("/api/findings", params={"limit": 1000}).json()["results"]) > 6


def test_api_filters_match_the_cli_filters(served: Served) -> None:
    with served.client("reader") as client:
        coal = client.get("/api/findings", params={"tag": "coal"}).json()["results"]
        assert coal and all("coal" in row["tags"] for row in coal)
        dated = client.get("/api/events", params={"from": "2024", "to": "2024-12"}).json()
        assert all(e["date_start"] >= "2024" for e in dated["results"])
        kp = client.get("/api/transfers", params={"country": "KP"}).json()["results"]
        assert kp and all(
            "kp" in (r["giver_country"], r["recipient_country"], r["origin"], r["destination"])
            for r in kp
        )
        bad = client.get("/api/findings", params={"from": "last week"})
    assert bad.status_code == 400
    assert bad.json() == {
        "detail": "The date 'last week' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD."
    }


@pytest.mark.parametrize(
    ("params", "sentence"),
    [
        ({"limit": "0"}, "The query parameter 'limit' is not valid"),
        ({"limit": "many"}, "The query parameter 'limit' is not valid"),
        ({"offset": "-1"}, "The query parameter 'offset' is not valid"),
        ({"review": "maybe"}, "The review state 'maybe' is not known: use one of unreviewed"),
    ],
)
def test_api_bad_parameters_are_one_sentence(served: Served, params: dict, sentence: str) -> None:
    with served.client("reader") as client:
        response = client.get("/api/findings", params=params)
    assert response.status_code == 422
    assert response.json()["detail"].startswith(sentence)
    assert "Traceback" not in response.text


def test_api_refuses_oversized_bodies_before_reading_them(served: Served) -> None:
    big = {"text": "North Korea sold coal. " * 120_000}  # about 2.8 MB
    with served.client("analyst") as client:
        response = client.post("/api/analyze", json=big)
        assert response.status_code == 413
        assert response.json()["detail"].startswith(
            "The request body is larger than 2,097,152 bytes"
        )

        def chunks():  # no Content-Length: the limit holds for streamed bodies too
            for _ in range(30):
                yield b"x" * 100_000

        streamed = client.post(
            "/api/documents", content=chunks(), headers={"content-type": "application/json"}
        )
        assert streamed.status_code == 413
        before = client.get("/api/documents", params={"limit": 1000}).json()["results"]
        broken = client.post(
            "/api/documents",
            content=b'{"documents": [',
            headers={"content-type": "application/json"},
        )
        assert broken.status_code == 422 and "not valid" in broken.json()["detail"]
        assert client.get("/api/documents", params={"limit": 1000}).json()["results"] == before


def test_api_analyze_returns_the_cli_contract(served: Served, analyzer: Analyzer) -> None:
    text = "North Korea sold 300 tonnes of coal to the firm Sea Star Ltd on 2 May 2023."
    with served.client("reader") as client:
        response = client.post(
            "/api/analyze", json={"text": text, "published": "2023-06-01", "id": "a1"}
        )
    assert response.status_code == 200
    data = response.json()
    assert validate_contract(data) == []
    document = Document(text=text, input="article 1", id="a1", published="2023-06-01")
    assert data == json.loads(json.dumps(to_contract(analyzer.analyze([document]))))
    assert data["documents"][0]["transfers"][0]["findings"]
    with served.client("reader") as client:
        empty = client.post("/api/analyze", json={"text": "   "})
    assert empty.status_code == 400 and empty.json()["detail"].startswith(
        'article 1 has an empty "text"'
    )


def test_api_ingest_stores_once_and_rebuilds_events(served: Served) -> None:
    article = {
        "text": "Iran shipped 40 drones to Russia on 4 June 2023, officials said.",
        "source": "Wire",
    }
    with served.client("analyst") as client:
        first = client.post("/api/documents", json={"documents": [article]}).json()
        again = client.post("/api/documents", json={"documents": [article]}).json()
        assert first["new"] == 1 and again == {**first, "new": 0, "stored": 1}
        found = client.get("/api/documents", params={"text": "", "limit": 1000}).json()["results"]
        key = next(d["key"] for d in found if d["source"] == "Wire")
        stored = client.get(f"/api/documents/{key}").json()
    assert stored["source"] == "Wire" and stored["transfers"][0]["evidence"]["text"]


def test_api_exports_contract_ftm_and_csv(served: Served) -> None:
    with served.client("reader") as client:
        contract = client.get("/api/export", params={"format": "contract"}).json()
        ftm = client.get("/api/export", params={"format": "ftm"}).text.splitlines()
        rows = client.get("/api/export", params={"format": "csv"}).text.splitlines()
        store = client.get("/api/export", params={"format": "json"}).json()
        unknown = client.get("/api/export", params={"format": "xml"})
    assert validate_contract(contract) == [] and len(contract["documents"]) >= 8
    schemata = {json.loads(line)["schema"] for line in ftm}
    assert {"Article", "EconomicActivity", "Documentation"} <= schemata
    assert rows[0].startswith("id,certainty,confidence") and len(rows) == len(store["events"]) + 1
    assert unknown.status_code == 422


def test_api_users_are_managed_by_admins(served: Served) -> None:
    with served.client("admin") as client:
        weak = client.post(
            "/api/users", json={"name": "eve", "role": "reader", "password": "short"}
        )
        assert weak.status_code == 422
        odd = client.post(
            "/api/users", json={"name": "a b", "role": "reader", "password": "long enough"}
        )
        assert odd.status_code == 400 and "not usable" in odd.json()["detail"]
        made = client.post(
            "/api/users", json={"name": "eve", "role": "reader", "password": "long enough"}
        )
        assert made.json() == {"name": "eve", "role": "reader"}
        assert "eve" in [u["name"] for u in client.get("/api/users").json()]
        assert client.delete("/api/users/eve").json() == {"removed": "eve"}
        assert client.delete("/api/users/eve").status_code == 404


def test_api_unknown_tokens_and_rows_are_one_sentence(served: Served) -> None:
    with httpx.Client(base_url=served.url, headers={"Authorization": "Bearer nope"}) as client:
        response = client.get("/api/findings")
    assert response.status_code == 401 and "needs a login" in response.json()["detail"]
    with served.client("reader") as client:
        for path in ("/api/findings/f-0", "/api/parties/pe-0", "/api/documents/doc-0"):
            missing = client.get(path)
            assert missing.status_code == 404 and missing.json()["detail"].startswith("No ")
        assert client.get("/api/nothing").status_code == 404


def test_api_answers_fifty_concurrent_clients(served: Served) -> None:
    """50 clients at once, each on its own connection, two requests each: all answered."""
    clients, rounds = 50, 2
    key = _ids(served)["key"]
    paths = ["/findings?limit=50", f"/findings/{key}", "/api/findings?limit=50"]
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {served.tokens['reader']}"}

    async def run() -> list[int | str]:
        async with httpx.AsyncClient(
            base_url=served.url, headers=headers, limits=limits, timeout=30
        ) as client:

            async def one(number: int) -> list[int | str]:
                answers: list[int | str] = []
                for turn in range(rounds):
                    try:
                        response = await client.get(paths[(number + turn) % len(paths)])
                        answers.append(response.status_code)
                    except httpx.HTTPError as error:  # a dropped connection, named
                        answers.append(type(error).__name__)
                return answers

            results = await asyncio.gather(*(one(n) for n in range(clients)))
        return [answer for answers in results for answer in answers]

    answers = asyncio.run(run())
    assert answers == [200] * (clients * rounds)
