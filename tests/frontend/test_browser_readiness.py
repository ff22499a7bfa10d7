"""Readiness in a real browser: open a hint, solve through the real worker and sandbox, and see
the skill's score and band move on the dashboard; reveal an editorial behind its confirm."""

import pytest
from playwright.sync_api import expect

from readiness.models import AssistEvent
from tests.factories import UserFactory
from tests.frontend.browser import set_code, sign_in, wait_for_verdict

SKILL_ROW = 'li.readiness-row[data-skill="money-correctness"] .readiness-value'
FIRST_HINT = "Work in whole cents from start to finish: floats and money don't mix."

# Polls the readiness API (in the page, with its session) until the skill has evidence: the
# update runs as a task after grading, so the page may briefly show the old score.
SCORED = """async () => {
  const response = await fetch("/api/readiness/", {headers: {Accept: "application/json"}});
  const body = await response.json();
  return body.skills.some((s) => s.slug === "money-correctness" && s.challenges > 0);
}"""


def parse(row: str) -> tuple[int, int, int]:
    """The chart row's text, e.g. "63 31\u201389 \u00b7 1 challenge": score, low, high."""
    score, band = row.split()[:2]
    low, high = band.split("\u2013")
    return int(score), int(low), int(high)


@pytest.mark.docker
@pytest.mark.browser
def test_a_hint_then_a_solve_moves_the_skill_and_its_band(
    page, live_server, worker_process, order_total, order_total_solution
):
    user = UserFactory(username="ada")
    sign_in(page, live_server, "/dashboard/")
    before = page.locator(SKILL_ROW).inner_text()
    assert before.endswith("· 0 challenges")

    page.goto(f"{live_server.url}/challenges/order-total/")
    assert page.locator(".hint-item").count() == 0
    page.get_by_role("button", name="Open hint 1 of 3").click()
    page.locator('.hint-item[data-hint="1"]').wait_for()
    assert page.locator('.hint-item[data-hint="1"]').inner_text() == f"Hint 1. {FIRST_HINT}"
    expect(page.get_by_role("button", name="Open hint 2 of 3")).to_be_visible()
    assert list(AssistEvent.objects.filter(user=user).values_list("kind", "index")) == [("hint", 0)]

    set_code(page, order_total_solution)
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"

    page.wait_for_function(SCORED, polling=250, timeout=60_000)
    page.goto(f"{live_server.url}/dashboard/")
    after = page.locator(SKILL_ROW).inner_text()
    assert after != before
    assert after.endswith("· 1 challenge")
    score_before, low_before, high_before = parse(before)
    score_after, low_after, high_after = parse(after)
    assert score_after > score_before
    assert high_after - low_after < high_before - low_before
    # Its explanation links the solve.
    explain = page.locator('details.readiness-explain[data-skill="money-correctness"]')
    explain.locator("summary").click()
    expect(explain.get_by_role("link", name="Checkout total with a coupon")).to_be_visible()
    expect(explain.get_by_role("link", name="the submission")).to_be_visible()


@pytest.mark.browser
def test_the_editorial_opens_only_after_the_confirm(page, live_server, order_total):
    user = UserFactory(username="ada")
    sign_in(page, live_server, "/challenges/order-total/")
    assert page.locator("#editorial").is_hidden()

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reveal the editorial").click()
    assert page.locator("#editorial").is_hidden()
    assert not AssistEvent.objects.filter(user=user).exists()

    messages = []

    def accept(dialog):
        messages.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    page.get_by_role("button", name="Reveal the editorial").click()
    page.locator("#editorial:not([hidden])").wait_for()
    assert "Keep everything in integer cents" in page.locator("#editorial").inner_text()
    assert "count for little toward your readiness" in messages[0]
    assert page.locator("#editorial-reveal").is_hidden()
    assert list(AssistEvent.objects.filter(user=user).values_list("kind", flat=True)) == [
        "editorial"
    ]
