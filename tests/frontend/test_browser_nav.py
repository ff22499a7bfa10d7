"""The main navigation at a phone's width, with every item a staff reviewer and author sees."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.frontend.browser import PASSWORD, photograph

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def test_every_item_stays_whole_and_nothing_scrolls_sideways(browser_context, live_server):
    UserFactory(username="rita", is_staff=True)
    context = browser_context.browser.new_context(viewport=PHONE, is_mobile=True)
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/challenges/")

    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Reviews (0)")).to_be_visible()
    items = nav.locator("a, button")
    names = items.all_inner_texts()
    assert names == [
        "Dashboard",
        "Challenges",
        "History",
        "Jobs",
        "Applications",
        "Share",
        "Reviews (0)",
        "Studio",
        "Signed in as rita",
        "Sign out",
    ]
    # One line box per item: "Reviews (0)" used to break between its word and its count.
    lines = items.evaluate_all("items => items.map(item => item.getClientRects().length)")
    assert lines == [1] * len(names)
    # Tap targets at least 24 px tall (WCAG 2.2 target size, minimum).
    heights = items.evaluate_all("items => items.map(i => i.getBoundingClientRect().height)")
    assert min(heights) >= 24
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    photograph(page, "nav-phone", full_page=False)
    context.close()
