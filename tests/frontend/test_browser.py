"""End to end in a real browser: each kind of challenge, wrong first then right, and the editor."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.frontend.browser import (
    ARTIFACTS,
    PACKAGES,
    editor_text,
    load_test_package,
    set_code,
    sign_in,
    wait_for_verdict,
)

pytestmark = [pytest.mark.docker, pytest.mark.browser]


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_python_challenge_wrong_then_right(
    page, live_server, worker_process, order_total, order_total_solution
):
    UserFactory(username="ada")
    page.goto(f"{live_server.url}/challenges/order-total/")
    # A visitor reads the statement; running it takes signing in, which comes back here.
    expect(page.get_by_role("heading", name="Checkout total with a coupon")).to_be_visible()
    page.get_by_role("link", name="Sign in to run").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/**")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/challenges/order-total/")
    expect(page.get_by_role("heading", name="Checkout total with a coupon")).to_be_visible()
    # The editor is CodeMirror with Python highlighting and line numbers.
    page.locator("#workspace[data-editor=ready]").wait_for()
    expect(page.locator(".cm-editor .cm-lineNumbers")).to_be_visible()
    expect(page.get_by_role("textbox", name="Your solution (Python)")).to_be_visible()

    # The starter code is a wrong answer.
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page) == "Wrong answer"
    assert page.locator("#editorial").is_hidden()
    # Zeros are right for the two empty-cart cases only: both examples fail, then the first
    # failing hidden case; the hidden cases after it are not shown.
    assert page.locator(".case.fail").count() == 3
    assert "2 / 12 cases passed (7 hidden not shown)" in page.locator("#result").inner_text()
    assert page.locator(".case", has_text="Not shown").count() == 7
    # A visible case says where the answer differs.
    percent = page.locator(".case", has_text="percent coupon")
    assert percent.locator(".diff-list li").all_inner_texts() == [
        "discount_cents: expected 260, got 0",
        "subtotal_cents: expected 2598, got 0",
        "total_cents: expected 2338, got 0",
    ]
    # Time and memory are shown.
    assert page.locator("#verdict-timing").inner_text().endswith("MB peak memory")
    screenshot(page, "challenge-wrong-answer")

    set_code(page, order_total_solution)
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"
    assert page.locator(".case.pass").count() == 12
    assert "12 / 12 cases passed" in page.locator("#result").inner_text()
    # Solving reveals the editorial.
    page.locator("#editorial:not([hidden])").wait_for()
    assert "Keep everything in integer cents" in page.locator("#editorial").inner_text()

    # The draft survives a reload.
    page.reload()
    page.locator("#workspace[data-editor=ready]").wait_for()
    assert editor_text(page) == order_total_solution
    assert "def order_total" in page.locator(".cm-content").inner_text()


def test_editor_keyboard_shortcuts_indentation_and_reset(
    page, live_server, worker_process, order_total
):
    UserFactory(username="ada")
    sign_in(page, live_server, "/challenges/order-total/")
    starter = editor_text(page)
    set_code(page, "def order_total(items, coupon=None):")
    # Enter after a colon indents the next line by four spaces; brackets close themselves.
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("return sum(")
    assert editor_text(page) == "def order_total(items, coupon=None):\n    return sum()"
    page.keyboard.type("item['unit_price_cents'] * item['quantity'] for item in items")
    # Ctrl+' runs the visible examples without leaving the editor.
    page.keyboard.press("Control+'")
    assert wait_for_verdict(page) == "Wrong answer"
    assert page.locator("#verdict-summary").inner_text().startswith("Run: ")
    # Ctrl+Enter submits.
    page.locator(".cm-content").click()
    page.keyboard.press("Control+Enter")
    page.locator("#verdict-summary", has_text="Submit: ").wait_for()

    # Reset asks first, then brings the starter code back and forgets the draft.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset to starter").click()
    assert editor_text(page) == starter
    page.reload()
    page.locator("#workspace[data-editor=ready]").wait_for()
    assert editor_text(page) == starter


def test_network_drop_is_explained_and_nothing_is_lost(
    page, browser_context, live_server, worker_process, order_total, order_total_solution
):
    UserFactory(username="ada")
    sign_in(page, live_server, "/challenges/order-total/")
    set_code(page, order_total_solution)
    browser_context.set_offline(True)
    page.get_by_role("button", name="Run").click()
    error = page.locator("#result-error")
    error.wait_for()
    assert error.inner_text() == (
        "You are offline. Nothing was sent; your code is kept in this browser. "
        "Check your connection and try again."
    )
    assert page.locator("#connection").inner_text().startswith("You are offline.")
    assert editor_text(page) == order_total_solution
    browser_context.set_offline(False)
    page.locator("#connection").wait_for(state="hidden")
    page.get_by_role("button", name="Run").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"


def test_sql_challenge_shows_the_schema_and_a_row_diff(page, live_server, worker_process):
    UserFactory(username="ada")
    load_test_package("late-orders")
    sign_in(page, live_server, "/challenges/late-orders/")
    expect(page.locator(".schema-panel").get_by_text("orders").first).to_be_visible()
    expect(page.get_by_role("textbox", name="Your query (SQL, SQLite dialect)")).to_be_visible()
    # The editor completes the schema's tables and columns as you type.
    set_code(page, "")
    page.keyboard.type("SELECT id FROM ord")
    # A click, not Enter: CodeMirror ignores Enter for a moment after the list changes (on
    # purpose, against accidental picks), which a loaded machine can hit.
    page.locator(".cm-tooltip-autocomplete li", has_text="orders").click()
    assert editor_text(page) == "SELECT id FROM orders"
    set_code(page, "SELECT id, 2 AS days_late FROM orders WHERE id > 1 ORDER BY id")
    page.get_by_role("button", name="Run").click()
    assert wait_for_verdict(page) == "Wrong answer"
    assert "0 row(s) missing, 1 extra" in page.locator("#result").inner_text()
    extra = page.locator(".diff-rows.extra")
    assert extra.locator("tbody tr").all_inner_texts() == ["3\t2"]
    screenshot(page, "sql-wrong-answer")
    set_code(page, (PACKAGES / "late-orders" / "solution.sql").read_text())
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"


def test_api_challenge_shows_request_expected_and_actual(page, live_server, worker_process):
    UserFactory(username="ada")
    load_test_package("stock-reservations")
    sign_in(page, live_server, "/challenges/stock-reservations/")
    expect(page.get_by_role("textbox", name="Your app (Python: Flask or WSGI)")).to_be_visible()
    # The starter answers 200 with only an id.
    page.get_by_role("button", name="Run").click()
    assert wait_for_verdict(page) == "Wrong answer"
    case = page.locator(".case.fail").first
    assert case.locator(".diff").first.inner_text().startswith("Step 1: ")
    first_step = case.locator(".scenario li").first
    # HTTP, as the statement writes it: a short body on one line, matchers in words.
    assert first_step.locator(".request").inner_text() == (
        'POST /reservations\n\n{"sku": "MUG", "quantity": 7}'
    )
    sides = first_step.locator(".io.two > div")
    assert sides.nth(0).locator("strong").inner_text() == "Expected"
    expected = sides.nth(0).locator("pre").inner_text()
    assert expected.startswith("HTTP 201\nLocation: <text matching ")
    assert expected.endswith('{"id": <an integer>, "sku": "MUG", "quantity": 7}')
    assert sides.nth(1).locator("strong").inner_text() == "Actual"
    assert sides.nth(1).locator("pre").inner_text().startswith("HTTP 200\n")
    screenshot(page, "api-wrong-answer")
    set_code(page, (PACKAGES / "stock-reservations" / "solution.py").read_text())
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"


def answer_cache_sizing(page, *, estimate: str, eviction: str, invalidation: list, order: list):
    page.get_by_label("Your estimate").fill(estimate)
    page.get_by_label(eviction).check()
    for option in ("TTL of a day", "Delete on write", "Versioned keys", "Never cache prices"):
        page.get_by_label(option).set_checked(option in invalidation)
    selects = page.locator('fieldset[data-name="layers"] select')
    for index, position in enumerate(order):
        selects.nth(index).select_option(position)
    page.get_by_label("Your answer").fill("Coalesce misses behind a lock and refresh early.")
    page.get_by_role("button", name="Submit answers").click()


def test_design_answers_score_at_once_and_free_text_waits(page, live_server, worker_process):
    UserFactory(username="ada")
    load_test_package("cache-sizing")
    sign_in(page, live_server, "/challenges/cache-sizing/")
    # The tolerance is stated next to the estimate.
    expect(page.get_by_text("Accepted within ±25% of the answer.")).to_be_visible()
    answer_cache_sizing(
        page, estimate="4000", eviction="FIFO", invalidation=["TTL of a day"], order=["1", "2", "3"]
    )
    page.locator("#verdict-summary", has_text="0 / 5 questions right").wait_for()
    assert page.locator(".case.fail").count() == 4
    assert "[capacity] 100,000 pages x 4 KB." in page.locator("#result").inner_text()
    # The answers are a draft: a reload keeps them.
    page.reload()
    assert page.get_by_label("Your estimate").input_value() == "4000"
    assert page.get_by_label("FIFO").is_checked()
    assert page.get_by_label("TTL of a day").is_checked()
    assert not page.get_by_label("Versioned keys").is_checked()
    assert page.locator('fieldset[data-name="layers"] select').nth(2).input_value() == "3"

    answer_cache_sizing(
        page,
        estimate="410",
        eviction="LRU",
        invalidation=["Delete on write", "Versioned keys"],
        order=["3", "1", "2"],
    )
    page.locator("#verdict-summary", has_text="4 / 5 questions right").wait_for()
    text = page.locator("#result").inner_text()
    assert wait_for_verdict(page, "pending_review") == "Pending review"
    assert "A reviewer will score this answer." in text
    assert "4 / 5 questions right · score 63%" in text
    screenshot(page, "design-pending-review")


def test_keyboard_only_use_and_a_layout_that_does_not_jump(
    page, live_server, worker_process, order_total
):
    UserFactory(username="ada")
    sign_in(page, live_server, "/challenges/order-total/")
    page.locator("#workspace[data-editor=ready]").wait_for()
    # Tab reaches the editor; Tab inside it indents; Escape then Tab leaves it for Run.
    page.locator(".cm-content").focus()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert editor_text(page).endswith("\n    ")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "run-button"
    before = page.locator("#run-button").bounding_box()
    # Ctrl+Enter works from the buttons too; results arrive below without moving them.
    page.keyboard.press("Control+Enter")
    page.locator("#result[data-state=pending]").wait_for()
    assert page.locator("#run-button").bounding_box() == before
    assert wait_for_verdict(page) == "Wrong answer"
    assert page.locator("#run-button").bounding_box() == before
    # Screen readers hear the verdict line, not the whole panel.
    assert page.locator("#announcer").inner_text().startswith("Wrong answer. Submit: 2 / 12")


def test_a_session_that_ended_is_explained_and_the_code_kept(
    page, browser_context, live_server, order_total, order_total_solution
):
    UserFactory(username="ada")
    sign_in(page, live_server, "/challenges/order-total/")
    set_code(page, order_total_solution)
    browser_context.clear_cookies()
    page.get_by_role("button", name="Submit").click()
    error = page.locator("#result-error")
    error.wait_for()
    assert error.inner_text() == (
        "Your session has ended. Your code is kept in this browser: sign in again "
        "and send it once more."
    )
    error.get_by_role("link", name="sign in again").click()
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/challenges/order-total/")
    page.locator("#workspace[data-editor=ready]").wait_for()
    assert editor_text(page) == order_total_solution
