"""The pages: login with CSRF and a rate limit, forms refused without their token, and a
hostile article shown as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from sanctrace.pipeline import Analyzer
from web.conftest import PASSWORD, Served, serving

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@contextmanager
def login(served: Served, name: str) -> Iterator[httpx.Client]:
    """A browser-like client holding a session cookie."""
    client = httpx.Client(base_url=served.url, follow_redirects=False, timeout=60)
    form = client.get("/login")
    token = _CSRF.search(form.text).group(1)  # type: ignore[union-attr]
    done = client.post("/login", data={"name": name, "password": PASSWORD, "csrf": token})
    assert done.status_code == 303 and done.headers["location"] == "/findings"
    cookie = done.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    try:
        yield client
    finally:
        client.close()


def test_pages_review_form_needs_its_csrf_token(served: Served) -> None:
    with login(served, "analyst") as client:
        listed = client.get("/findings", params={"tag": "coal"})
        key = re.search(r'href="/findings/(f-[0-9a-f]+)"', listed.text).group(1)  # type: ignore[union-attr]
        page = client.get(f"/findings/{key}")
        token = _CSRF.findall(page.text)[-1]
        forged = client.post(f"/findings/{key}/review", data={"status": "confirmed"})
        assert forged.status_code == 403 and "security token is missing" in forged.text
        wrong = client.post(f"/findings/{key}/review", data={"status": "confirmed", "csrf": "x"})
        assert wrong.status_code == 403
        assert "unreviewed" in client.get(f"/findings/{key}").text
        done = client.post(f"/findings/{key}/review", data={"status": "confirmed", "csrf": token})
        assert done.status_code == 303
        assert "finding confirmed" in client.get(f"/findings/{key}").text
        # The JSON API with a session cookie needs the token too, in a header.
        api = client.post(f"/api/findings/{key}/review", json={"status": "confirmed"})
        assert api.status_code == 403
        ok = client.post(
            f"/api/findings/{key}/review",
            json={"status": "confirmed"},
            headers={"x-csrf-token": token},
        )
        assert ok.status_code == 200


def test_pages_logout_ends_the_session(served: Served) -> None:
    with login(served, "reader") as client:
        token = _CSRF.search(client.get("/findings").text).group(1)  # type: ignore[union-attr]
        assert client.post("/logout", data={"csrf": token}).status_code == 303
        client.cookies.clear()
    with login(served, "reader") as client:
        cookie = client.cookies.get("sanctrace_session")
    with httpx.Client(base_url=served.url, cookies={"sanctrace_session": cookie}) as other:
        assert other.get("/findings").status_code == 200
        token = _CSRF.search(other.get("/findings").text).group(1)  # type: ignore[union-attr]
        other.post("/logout", data={"csrf": token})
        gone = other.get("/findings", follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/login")


def test_pages_show_a_hostile_article_as_text(served: Served) -> None:
    with served.client("reader") as client:
        key = client.get("/api/findings", params={"party": "evil"}).json()["results"][0]["key"]
        page = client.get(f"/findings/{key}")
        listed = client.get("/findings", params={"party": "evil"})
        network = client.get("/network")
        timeline = client.get("/timeline")
    for html in (page.text, listed.text, network.text, timeline.text):
        assert "<script>window" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.pwned=3&lt;/script&gt;Coal deal" in page.text
    assert "&lt;b&gt;Attacker&lt;/b&gt; Times" in page.text
    assert 'href="javascript:' not in page.text and "javascript:window.pwned=4" in page.text
    assert '<mark id="evidence">' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_pages_network_and_timeline_show_goods_and_findings(served: Served) -> None:
    with served.client("reader") as client:
        network = client.get("/network").text
        timeline = client.get("/timeline").text
        dated = client.get("/timeline", params={"from": "2024"}).text
    assert "<svg" in network and "Kim Jong Un" in network and "luxury, vehicle" in network
    assert 'marker-end="url(#finding)"' in network
    assert "UNSCR 2094 (2013) OP23 (Annex IV)" in timeline
    dates = re.findall(r"<time>(\d{4}-\d{2}-\d{2})", timeline)
    assert dates == sorted(dates) and len(dates) > 3
    assert all(d >= "2024" for d in re.findall(r"<time>(\d{4}-\d{2}-\d{2})", dated))


def test_pages_failed_logins_are_rate_limited(
    tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer
) -> None:
    from web.conftest import fill

    url = f"sqlite:///{tmp_path_factory.mktemp('limit') / 'store.sqlite'}"
    with serving(url, analyzer, fill(url, analyzer)) as served:
        client = httpx.Client(base_url=served.url, timeout=60)
        for attempt in range(6):
            token = _CSRF.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
            answer = client.post(
                "/login", data={"name": "reader", "password": "wrong", "csrf": token}
            )
            assert answer.status_code == (401 if attempt < 5 else 429), attempt
        assert "Too many failed logins for reader" in answer.text
        token = _CSRF.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
        right = client.post("/login", data={"name": "reader", "password": PASSWORD, "csrf": token})
        assert right.status_code == 429  # even the right password waits
        stale = client.post("/login", data={"name": "admin", "password": PASSWORD, "csrf": "old"})
        assert stale.status_code == 403
        client.close()
