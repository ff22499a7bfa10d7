"""A new candidate in a real browser: sign up, solve, dashboard, history, restore."""

import pytest
from playwright.sync_api import expect

from tests.frontend.browser import editor_text, set_code, wait_for_verdict

pytestmark = [pytest.mark.docker, pytest.mark.browser]


def stat(page, name: str) -> str:
    return (
        page.locator(".dashboard-stats .card", has=page.locator(f"dt:text-is('{name}')"))
        .locator("dd strong")
        .inner_text()
    )


def test_sign_up_solve_see_the_dashboard_and_restore_from_history(
    page, live_server, worker_process, order_total, order_total_solution
):
    url = live_server.url
    page.goto(url)
    page.get_by_role("link", name="Create a free account").click()
    page.get_by_label("Username").fill("newcomer")
    page.get_by_label("Email").fill("newcomer@example.com")
    page.get_by_label("Password").fill("a-long-unusual-passphrase")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url(f"{url}/challenges/")
    expect(page.get_by_text("Signed in as")).to_be_visible()

    # A first visit to the dashboard: nothing yet, and somewhere to start.
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Welcome, newcomer!")).to_be_visible()
    assert page.locator(".suggestions a").all_inner_texts() == ["Checkout total with a coupon"]

    # Solve it: the starter code first (wrong), then the reference solution.
    page.locator(".suggestions a").first.click()
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page) == "Wrong answer"
    starter = editor_text(page)
    set_code(page, order_total_solution)
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"

    # The dashboard has caught up.
    page.get_by_role("link", name="Dashboard").click()
    assert stat(page, "Challenges solved") == "1"
    assert stat(page, "Streak") == "1"
    assert stat(page, "Submissions") == "2"
    assert stat(page, "Submits passed") == "1"
    kinds = page.locator("section[aria-labelledby=kinds-heading] .bar-label").all_inner_texts()
    assert kinds == ["Python — 1 / 1 solved (100%)"]
    activity = page.locator(".activity li")
    assert activity.locator("a").all_inner_texts() == ["Checkout total with a coupon"] * 2
    outcomes = activity.locator("span:not(.muted)").all_inner_texts()
    assert outcomes == ["Accepted", "Wrong answer"]

    # The catalogue marks it solved.
    page.get_by_role("link", name="Challenges").click()
    assert page.locator(".mark.solved").inner_text() == "✓ Solved"

    # History: both submissions, newest first; the wrong one's code comes back into the editor.
    page.get_by_role("link", name="History").click()
    results = page.locator("table.history tbody tr td:nth-child(4)").all_inner_texts()
    assert results == ["Accepted", "Wrong answer"]
    page.locator("table.history tbody tr").nth(1).get_by_role("link", name="Details").click()
    assert page.locator("pre code").inner_text() == starter
    page.get_by_role("link", name="Restore this code into the editor").click()
    page.locator("#restored").wait_for()
    assert page.locator("#restored").inner_text().startswith("Restored your code from submission #")
    assert editor_text(page) == starter
    assert page.url == f"{url}/challenges/order-total/"
    # The restored code is the draft now: a reload keeps it.
    page.reload()
    page.locator("#workspace[data-editor=ready]").wait_for()
    assert editor_text(page) == starter

    # Signing out ends the session: the pages ask to sign in again.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{url}/")
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    page.goto(f"{url}/dashboard/")
    assert page.url == f"{url}/accounts/login/?next=/dashboard/"
