"""End to end in a real browser: sign in, open the challenge, submit wrong then right."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from tests.factories import UserFactory

pytestmark = [pytest.mark.docker, pytest.mark.browser]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts"


@pytest.fixture
def page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # around it are synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
            headless=True,
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(60_000)
        yield page
        browser.close()
        # Playwright runs this test inside its own greenlet context, where Django opened its
        # own database connection: close it here, or it outlives the test database.
        connections.close_all()


def set_code(page, code: str) -> None:
    """Replace the editor's text the way a paste does (typing would trigger auto-indent)."""
    page.locator("#workspace[data-editor=ready]").wait_for()
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    assert editor_text(page) == code


def editor_text(page) -> str:
    # The hidden textarea mirrors the editor (it is what a form would post).
    return page.locator("#code").input_value()


def test_candidate_submits_wrong_then_right(
    page, live_server, worker_process, order_total, order_total_solution
):
    UserFactory(username="ada")
    page.goto(f"{live_server.url}/challenges/order-total/")
    assert page.url.startswith(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/challenges/order-total/")
    assert page.get_by_role("heading", name="Checkout total with a coupon").is_visible()

    # The starter code is a wrong answer.
    page.get_by_role("button", name="Submit").click()
    verdict = page.locator("#verdict")
    verdict.wait_for()
    assert verdict.inner_text() == "Wrong answer"
    assert page.locator("#editorial").is_hidden()
    # Zeros are right for the two empty-cart cases only.
    assert page.locator(".case.fail").count() == 10
    assert "2 / 12 cases passed" in page.locator("#result").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "challenge-wrong-answer.png"), full_page=True)

    set_code(page, order_total_solution)
    page.get_by_role("button", name="Submit").click()
    page.locator('#verdict[data-verdict="accepted"]').wait_for()
    assert verdict.inner_text() == "Accepted"
    assert page.locator(".case.pass").count() == 12
    assert "12 / 12 cases passed" in page.locator("#result").inner_text()
    # Solving reveals the editorial.
    page.locator("#editorial:not([hidden])").wait_for()
    assert "Keep everything in integer cents" in page.locator("#editorial").inner_text()
    page.screenshot(path=str(ARTIFACTS / "challenge-accepted.png"), full_page=True)

    # The draft survives a reload.
    page.reload()
    assert editor_text(page) == order_total_solution


def sign_in(page, live_server, next_path: str) -> None:
    page.goto(f"{live_server.url}{next_path}")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}{next_path}")


def load_test_package(name: str) -> None:
    from challenges.packages import read_package
    from challenges.services import challenge_import_package

    challenge_import_package(
        package=read_package(Path(__file__).parent.parent / "challenges" / "packages" / name)
    )


def test_sql_challenge_shows_the_schema_and_a_row_diff(page, live_server, worker_process):
    UserFactory(username="ada")
    load_test_package("late-orders")
    sign_in(page, live_server, "/challenges/late-orders/")
    assert page.locator(".schema-panel").get_by_text("orders").first.is_visible()
    set_code(page, "SELECT id, 2 AS days_late FROM orders WHERE id > 1 ORDER BY id")
    page.get_by_role("button", name="Run").click()
    page.locator("#verdict").wait_for()
    assert page.locator("#verdict").inner_text() == "Wrong answer"
    assert "0 row(s) missing, 1 extra" in page.locator("#result").inner_text()
    set_code(
        page,
        (
            Path(__file__).parent.parent
            / "challenges"
            / "packages"
            / "late-orders"
            / "solution.sql"
        ).read_text(),
    )
    page.get_by_role("button", name="Submit").click()
    page.locator('#verdict[data-verdict="accepted"]').wait_for()
    page.screenshot(path=str(ARTIFACTS / "sql-accepted.png"), full_page=True)


def test_design_answers_score_at_once_and_free_text_waits(page, live_server, worker_process):
    UserFactory(username="ada")
    load_test_package("cache-sizing")
    sign_in(page, live_server, "/challenges/cache-sizing/")
    page.get_by_label("Your estimate").fill("410")
    page.get_by_label("LRU").check()
    page.get_by_label("Delete on write").check()
    page.get_by_label("Versioned keys").check()
    selects = page.locator('fieldset[data-name="layers"] select')
    for index, position in enumerate(["3", "1", "2"]):
        selects.nth(index).select_option(position)
    page.get_by_label("Your answer").fill("Coalesce misses behind a lock and refresh early.")
    page.get_by_role("button", name="Submit answers").click()
    page.locator('#verdict[data-verdict="pending_review"]').wait_for()
    text = page.locator("#result").inner_text()
    assert "Pending review" in text
    assert "A reviewer will score this answer." in text
    assert "4 / 5 questions right · score 63%" in text
    page.screenshot(path=str(ARTIFACTS / "design-pending-review.png"), full_page=True)


def test_a_new_user_signs_up_from_the_home_page(page, live_server, order_total):
    page.goto(live_server.url)
    page.get_by_role("link", name="Create a free account").click()
    page.get_by_label("Username").fill("newcomer")
    page.get_by_label("Email").fill("newcomer@example.com")
    page.get_by_label("Password").fill("a-long-unusual-passphrase")
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url(f"{live_server.url}/challenges/")
    assert page.get_by_text("Signed in as").is_visible()
    assert page.get_by_role("link", name="Checkout total with a coupon").is_visible()
