"""yente's /match as its documentation shows it, replayed against the served lists."""

from __future__ import annotations

from web.conftest import Served

#: The request of yente's own /match documentation, with names our test lists hold.
YENTE_EXAMPLE = {
    "queries": {
        "entity1": {
            "schema": "Person",
            "properties": {
                "name": ["Kim Jong Un"],
                "birthDate": ["1984-01-08"],
                "nationality": ["kp"],
            },
        },
        "entity2": {
            "schema": "Company",
            "properties": {
                "name": ["Brilliant Amazing Limited"],
                "jurisdiction": ["hk"],
                "registrationNumber": ["84BA99810"],
            },
        },
    }
}


def test_match_answers_in_yentes_shape(served: Served) -> None:
    with served.client("reader") as client:
        response = client.post("/match/default", json=YENTE_EXAMPLE)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"responses", "matcher", "limit"} and data["limit"] == 5
    assert "name_match" in data["matcher"]
    kim, unlisted = data["responses"]["entity1"], data["responses"]["entity2"]
    assert kim["status"] == 200 and kim["total"] == {"value": 1, "relation": "eq"}
    assert kim["query"] == {"id": None, **YENTE_EXAMPLE["queries"]["entity1"]}
    [result] = kim["results"]
    assert {
        "id",
        "caption",
        "schema",
        "properties",
        "datasets",
        "score",
        "match",
        "features",
    } <= set(result)
    assert result["id"] == "t-kim" and result["caption"] == "Kim Jong Un"
    assert result["schema"] == "Person" and result["datasets"] == ["test_un"]
    assert result["properties"]["birthDate"] == ["1984-01-08"]
    assert result["match"] is True and result["score"] >= 0.7
    assert result["features"]["name_match"] > 0
    assert unlisted["results"] == [] and unlisted["total"]["value"] == 0


def test_match_threshold_limit_dataset_and_algorithm(served: Served) -> None:
    query = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Kim Jong Nam"]}}}}
    with served.client("reader") as client:
        strict = client.post("/match/default", json=query).json()["responses"]["q"]
        loose = client.post("/match/default", params={"threshold": 0.3}, json=query).json()
        other_list = client.post("/match/test_ofac", params={"threshold": 0.3}, json=query).json()
        ofac = client.post(
            "/match/default",
            params={"algorithm": "name-based", "threshold": 0.3, "limit": 1},
            json=query,
        ).json()
        unknown_list = client.post("/match/nowhere", json=query)
        unknown_algorithm = client.post("/match/default", params={"algorithm": "magic"}, json=query)
        too_many = client.post("/match/default", params={"limit": 501}, json=query)
    partial = loose["responses"]["q"]["results"]
    assert strict["results"] == [] and partial and partial[0]["id"] == "t-kim"
    assert all(r["match"] == (r["score"] >= 0.3) for r in partial)
    assert other_list["responses"]["q"]["results"] == []
    assert ofac["limit"] == 1 and len(ofac["responses"]["q"]["results"]) == 1
    assert unknown_list.status_code == 404
    assert (
        unknown_list.json()["detail"]
        == "No list 'nowhere' is loaded: use one of default, test_ofac, test_un."
    )
    assert (
        unknown_algorithm.status_code == 400
        and "no matching algorithm called 'magic'" in unknown_algorithm.json()["detail"]
    )
    assert too_many.status_code == 422


def test_match_bad_queries_are_one_sentence(served: Served) -> None:
    cases = [
        ({"queries": {}}, 'No queries provided: give at least one in "queries".'),
        (
            {"queries": {"a": {"schema": "Address", "properties": {"name": ["x"]}}}},
            "Query 'a' has the schema 'Address', which cannot be screened",
        ),
        (
            {"queries": {"a": {"schema": "Person", "properties": {"birthDate": ["1980"]}}}},
            "Query 'a' has no name",
        ),
        (
            {
                "queries": {
                    "a": {
                        "schema": "Person",
                        "properties": {"name": ["Kim"], "birthDate": ["1700"]},
                    }
                }
            },
            "Query 'a': The birth year 1700 is impossible",
        ),
    ]
    with served.client("reader") as client:
        for body, sentence in cases:
            response = client.post("/match/default", json=body)
            assert response.status_code == 400, response.text
            assert response.json()["detail"].startswith(sentence)


def test_match_catalog_lists_the_loaded_lists(served: Served) -> None:
    with served.client("reader") as client:
        catalog = client.get("/catalog").json()
        algorithms = client.get("/algorithms").json()
    names = [d["name"] for d in catalog["datasets"]]
    assert names == ["default", "test_ofac", "test_un"] and catalog["current"] == names
    everything = catalog["datasets"][0]
    assert everything["children"] == ["test_ofac", "test_un"] and everything["entity_count"] == 5
    assert catalog["datasets"][2]["title"] == "Test UN list" and catalog["datasets"][2]["load"]
    assert algorithms["default"] == "logic-v2"
    assert "logic-v2" in [a["name"] for a in algorithms["algorithms"]]


def test_match_accepts_yentes_apikey_header(served: Served) -> None:
    import httpx

    headers = {"Authorization": f"ApiKey {served.tokens['reader']}"}
    with httpx.Client(base_url=served.url, headers=headers) as client:
        assert client.post("/match/default", json=YENTE_EXAMPLE).status_code == 200
