"""Every candidate page with real catalogue data, photographed (`make screenshots` keeps them).

In `make test` the pictures go to var/test-artifacts/screenshots/; `make screenshots` points
SCREENSHOTS_DIR at docs/screenshots/, which the README shows.
"""

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from submissions.models import Submission
from tests.frontend.browser import ARTIFACTS, set_code, wait_for_verdict

pytestmark = [pytest.mark.docker, pytest.mark.browser]

CATALOGUE = Path(settings.BASE_DIR) / "challenges" / "catalogue"
OUT = Path(os.environ.get("SCREENSHOTS_DIR") or ARTIFACTS / "screenshots")
PHONE = {"width": 390, "height": 844}


def shot(page, name: str, *, full_page: bool = True) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page, animations="disabled")


def solution(slug: str) -> str:
    folder = CATALOGUE / slug
    return next(folder.glob("solution.*")).read_text()


def answer_design_questions(page, slug: str) -> None:
    """Fill the form with the package's own answers, as a candidate who knows them would."""
    cases = json.loads((CATALOGUE / slug / "cases.json").read_text())["cases"]
    for case in cases:
        fieldset = page.locator(f'fieldset[data-name="{case["name"]}"]')
        kind, expected = case["input"]["type"], case["expected"]
        if kind == "single":
            fieldset.locator(f'input[value="{expected}"]').check()
        elif kind == "multiple":
            for index in expected:
                fieldset.locator(f'input[value="{index}"]').check()
        elif kind == "estimate":
            fieldset.locator("input").fill(str(expected))
        elif kind == "ordering":
            for position, item in enumerate(expected, start=1):
                fieldset.locator(f'select[data-item="{item}"]').select_option(str(position))
        elif kind == "text":
            fieldset.locator("textarea").fill(expected)


def test_every_page_with_real_data(browser_context, page, live_server, worker_process):
    call_command("loadchallenges", stdout=StringIO())
    url = live_server.url
    # Tall enough for a challenge's editor and the first results in one picture.
    page.set_viewport_size({"width": 1280, "height": 1100})

    # Signed out: the landing page, sign in, password reset, sign up.
    page.goto(url)
    expect(page.get_by_role("heading", name="Five kinds of real backend work")).to_be_visible()
    shot(page, "landing")
    page.goto(f"{url}/accounts/login/")
    shot(page, "sign-in")
    page.goto(f"{url}/accounts/password-reset/")
    page.get_by_label("Email").fill("maya@example.com")
    page.get_by_role("button", name="Send the link").click()
    page.wait_for_url(f"{url}/accounts/password-reset/sent/")
    shot(page, "password-reset-sent")
    page.goto(f"{url}/accounts/signup/")
    page.get_by_label("Username").fill("maya")
    page.get_by_label("Email").fill("maya@example.com")
    page.get_by_label("Password").fill("a-long-unusual-passphrase")
    shot(page, "sign-up")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url(f"{url}/challenges/")

    # Python: wrong first, then right (the editorial opens).
    page.goto(f"{url}/challenges/order-total/")
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page) == "Wrong answer"
    shot(page, "challenge-python-wrong-answer", full_page=False)
    set_code(page, solution("order-total"))
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"
    page.locator("#editorial:not([hidden])").wait_for()
    shot(page, "challenge-python-accepted", full_page=False)

    # SQL: the starter's NOT IN misses a row: the diff says which; then the solution.
    page.goto(f"{url}/challenges/customers-who-never-bought/")
    page.locator(".schema-panel").wait_for()
    page.get_by_role("button", name="Run").click()
    assert wait_for_verdict(page) == "Wrong answer"
    assert page.locator(".diff").count() >= 1
    shot(page, "challenge-sql-row-diff", full_page=False)
    set_code(page, solution("customers-who-never-bought"))
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"

    # API: a failed scenario shows the request and both responses side by side.
    page.goto(f"{url}/challenges/idempotent-payment-creation/")
    page.get_by_role("button", name="Run").click()
    assert wait_for_verdict(page) != "Accepted"
    assert page.locator(".case.fail .scenario").count() >= 1
    shot(page, "challenge-api-scenario", full_page=False)
    set_code(page, solution("idempotent-payment-creation"))
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"

    # Design: choices, estimates with their tolerance, ordering, free text pending review.
    page.goto(f"{url}/challenges/catalogue-cache-design/")
    answer_design_questions(page, "catalogue-cache-design")
    page.get_by_role("button", name="Submit answers").click()
    assert wait_for_verdict(page, "pending_review") == "Pending review"
    shot(page, "challenge-design-pending-review", full_page=False)

    # One started and not solved, for the catalogue's marks and the suggestions.
    page.goto(f"{url}/challenges/token-bucket-rate-limiter/")
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page) != "Accepted"

    # The catalogue pages 24 at a time: count the marks through its progress filter.
    page.goto(f"{url}/challenges/?progress=solved")
    assert page.locator(".mark.solved").count() == 4
    page.goto(f"{url}/challenges/?progress=attempted")
    assert page.locator(".mark.attempted").count() == 1
    page.goto(f"{url}/challenges/")
    shot(page, "catalogue", full_page=False)
    page.goto(f"{url}/challenges/?kind=sql&progress=new&search=patient")
    shot(page, "catalogue-filtered")

    page.goto(f"{url}/submissions/")
    assert page.locator("table.history tbody tr").count() == 8
    shot(page, "history")
    page.locator("table.history tbody tr").last.get_by_role("link", name="Details").click()
    assert page.locator("h1").inner_text().endswith("Checkout total with a coupon")
    shot(page, "submission-detail")
    page.get_by_role("link", name="Restore this code into the editor").click()
    page.locator("#restored").wait_for()
    shot(page, "challenge-restored-from-history", full_page=False)

    page.goto(f"{url}/dashboard/")
    expect(page.get_by_role("heading", name="Solved per skill")).to_be_visible()
    shot(page, "dashboard")

    # A phone's width: the same pages stack into one column.
    phone = browser_context.browser.new_context(
        viewport=PHONE, storage_state=browser_context.storage_state(), is_mobile=True
    )
    phone_page = phone.new_page()
    first = Submission.objects.filter(user__username="maya").order_by("pk").first()
    for path in ("/", "/challenges/", "/submissions/", f"/submissions/{first.pk}/", "/dashboard/"):
        phone_page.goto(f"{url}{path}")
        # Nothing scrolls sideways: wide tables and code scroll inside their own boxes.
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a phone"
    shot(phone_page, "dashboard-phone")
    phone_page.goto(f"{url}/challenges/order-total/")
    phone_page.locator("#workspace[data-editor=ready]").wait_for()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(phone_page, "challenge-phone", full_page=False)
    phone.close()
