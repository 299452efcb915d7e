"""The workspace in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium).

`make test` installs Chromium when it is missing. Set SANCTRACE_SCREENSHOTS
to a folder to keep the screenshots (docs/screenshots is made that way).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from sanctrace.pipeline import Analyzer
from web.conftest import PASSWORD, Served, fill, serving

CHROMIUM = Path("/usr/bin/chromium")
#: As root on a closed network: no sandbox, and none of Chromium's calls home.
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Iterator[Served]:
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'store.sqlite'}"
    with serving(url, analyzer, fill(url, analyzer)) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with `apt-get install chromium` (make test does).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _shot(page: Page, name: str, tmp_path: Path) -> None:
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    keep = os.environ.get("SANCTRACE_SCREENSHOTS")
    if keep:
        page.screenshot(path=str(Path(keep) / f"{name}.png"), full_page=True)


def _login(browser: Browser, site: Served, name: str) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site.url}/findings")
    expect(page).to_have_url(f"{site.url}/login?next=/findings")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Findings")
    return page


def test_browser_analyst_filters_opens_and_confirms_a_finding(
    browser: Browser, site: Served, tmp_path: Path
) -> None:
    page = _login(browser, site, "analyst")
    page.fill("input[name=party]", "kim jong un")
    page.click("form.filters button")
    rows = page.locator("table.findings tbody tr")
    expect(rows.first).to_contain_text("Kim Jong Un")
    assert all("Kim Jong Un" in text for text in rows.all_inner_texts())
    _shot(page, "findings", tmp_path)
    rows.first.locator("a").first.click()
    mark = page.locator("mark#evidence")
    expect(mark).to_be_visible()
    assert mark.inner_text() in page.locator(".article .text").inner_text()
    expect(page.locator(".basis")).to_contain_text("Instrument")
    page.fill("input[name=note]", "checked against the Kremlin readout")
    _shot(page, "finding", tmp_path)
    page.click("button[value=confirmed]")
    audit = page.locator("#audit tbody tr").last
    expect(audit).to_contain_text("finding confirmed")
    expect(audit).to_contain_text("analyst")
    expect(audit).to_contain_text("checked against the Kremlin readout")
    expect(page.locator(".subject .review")).to_have_text("confirmed")
    page.goto(f"{site.url}/network")
    expect(page.locator("svg.network")).to_be_visible()
    _shot(page, "network", tmp_path)
    page.goto(f"{site.url}/timeline")
    expect(page.locator("ol.timeline li").first).to_be_visible()
    _shot(page, "timeline", tmp_path)
    page.close()


def test_browser_reader_cannot_confirm(browser: Browser, site: Served) -> None:
    page = _login(browser, site, "reader")
    page.locator("table.findings tbody tr a").first.click()
    expect(page.locator("mark#evidence")).to_be_visible()
    expect(page.locator("button[value=confirmed]")).to_have_count(0)
    expect(page.locator(".review-controls")).to_contain_text("may read findings but not review")
    key = page.url.rsplit("/", 1)[-1]
    token = page.locator("header input[name=csrf]").get_attribute("value")
    answer = page.request.post(
        f"{site.url}/findings/{key}/review", form={"status": "confirmed", "csrf": token or ""}
    )
    assert answer.status == 403 and "needs the analyst role" in answer.text()
    page.reload()
    expect(page.locator("#audit tbody")).not_to_contain_text("reader")
    page.close()


def test_browser_hostile_article_runs_no_script(browser: Browser, site: Served) -> None:
    page = _login(browser, site, "reader")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.fill("input[name=party]", "evil")
    page.click("form.filters button")
    page.locator("table.findings tbody tr a").first.click()
    expect(page.locator("h2").first).to_be_visible()
    expect(page.locator(".article h2")).to_contain_text("<script>window.pwned=3</script>Coal deal")
    expect(page.locator(".article h2 a")).to_have_count(0)  # the javascript: URL is no link
    expect(page.locator(".article .text")).to_contain_text("<script>window.pwned=1</script>")
    for path in ("", "/network", "/timeline"):
        if path:
            page.goto(f"{site.url}{path}")
        assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []
    page.close()
