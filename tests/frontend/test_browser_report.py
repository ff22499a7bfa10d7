"""A public readiness report in a real browser: shared, opened anonymously, then revoked."""

import pytest
from playwright.sync_api import expect

from readiness.models import PublicReport
from tests.frontend.browser import photograph, sign_in
from tests.readiness.reporting import practised_candidate

pytestmark = pytest.mark.browser


def test_a_shared_report_opens_anonymously_until_it_is_revoked(page, browser_context, live_server):
    practised_candidate(username="ada-login-name", display_name="")
    url = live_server.url
    sign_in(page, live_server, "/dashboard/", username="ada-login-name")

    # The candidate shares: the nav leads to the page, the link appears once created.
    page.get_by_role("link", name="Share", exact=True).click()
    page.wait_for_url(f"{url}/readiness/share/")
    expect(page.get_by_text("No links yet.")).to_be_visible()
    page.get_by_label("Name shown on the report").fill("Ada Lovelace")
    page.get_by_role("button", name="Create a public link").click()
    link = page.locator(".share-link:not(.revoked) .share-url")
    expect(link).to_have_count(1)
    report_url = link.inner_text()
    token = PublicReport.objects.get().token
    assert report_url == f"{url}/r/{token}/"
    photograph(page, "share-readiness")

    # Someone else, not signed in, opens it: the name, the chart, the evidence, the JSON link.
    stranger = browser_context.browser.new_context(viewport={"width": 1280, "height": 900})
    stranger.set_default_timeout(60_000)
    visitor = stranger.new_page()
    response = visitor.goto(report_url)
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Readiness report: Ada Lovelace")
    expect(visitor.locator(".readiness-chart .readiness-row")).to_have_count(13)
    money = visitor.locator('.readiness-row[data-skill="money-correctness"]')
    expect(money.locator(".readiness-band")).to_be_visible()
    assert int(money.locator("[data-score]").inner_text()) > 50
    expect(visitor.get_by_role("link", name="Ledger rounding")).to_be_visible()
    expect(visitor.get_by_role("link", name="signed report (JSON)")).to_have_attribute(
        "href", f"{url}/r/{token}.json"
    )
    assert "ada-login-name" not in visitor.content()
    photograph(visitor, "public-report")

    # The candidate revokes it; the stranger's reload is a 404 at once.
    page.get_by_role("button", name="Revoke").click()
    expect(page.locator(".share-link.revoked")).to_have_count(1)
    expect(page.locator(".share-url")).to_have_count(0)
    response = visitor.reload()
    assert response.status == 404
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Report not found")
    stranger.close()
