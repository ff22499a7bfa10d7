"""Custom input ("Run with my input") in a real browser, graded by the real worker: a Python
call's arguments and SQL statements on the example's data, the reference solution's output
beside the candidate's with a match/mismatch line, a parse error said in words, a phone's
width."""

import ast
import re

import pytest
from playwright.sync_api import expect

from challenges.python_literals import parse_arguments
from tests.factories import UserFactory
from tests.frontend.browser import (
    ARTIFACTS,
    load_test_package,
    photograph,
    set_code,
    sign_in,
    wait_for_verdict,
)
from tests.frontend.test_accessibility import AXE, BLOCKING

pytestmark = [pytest.mark.docker, pytest.mark.browser]

FIRST_EXAMPLE = {
    "args": [
        [{"sku": "MUG-01", "unit_price_cents": 1299, "quantity": 2}],
        {"type": "percent", "value": 10},
    ],
    "kwargs": {},
}
LATE_ORDERS_SOLUTION = (
    "SELECT id, CAST(julianday(shipped_on) - julianday(placed_on) AS INTEGER) - 2 AS days_late\n"
    "FROM orders WHERE julianday(shipped_on) - julianday(placed_on) > 2"
)
MY_INPUT = '[{"sku": "A", "unit_price_cents": 500, "quantity": 2}], {"type": "fixed", "value": 150}'


@pytest.fixture
def challenges(worker_process, order_total):
    UserFactory(username="ada")
    load_test_package("late-orders")


def panel_violations(page) -> list[str]:
    """axe's serious and critical violations in the input panel and the result panel."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run({include: [['#custom-input-panel'], ['#result']]},"
        " {resultTypes: ['violations']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
        for node in v["nodes"]
    ]


def run_with_my_input(page, text: str) -> None:
    panel = page.locator("#custom-input-panel")
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()
    page.get_by_role("textbox", name=page.locator(".custom-input-label").inner_text()).fill(text)
    page.get_by_role("button", name="Run with my input").click()


def test_python_custom_input_shows_the_reference_beside_my_output(
    browser_context, live_server, challenges, order_total_solution
):
    page = browser_context.new_page()
    sign_in(page, live_server, "/challenges/order-total/")
    page.get_by_text("Your input", exact=False).first.click()
    box = page.get_by_label("Arguments of order_total(...)")
    expect(box).not_to_have_value("")
    # The first example's arguments as literals (key order is the database's).
    assert parse_arguments(box.input_value()) == FIRST_EXAMPLE
    expect(page.get_by_role("button", name="Run with my input")).to_be_enabled()

    # A name where a value goes: refused before anything runs, saying where.
    box.fill("[1, total]")
    page.get_by_role("button", name="Run with my input").click()
    expect(page.locator("#result-error")).to_have_text(
        "Could not get a result: Your input: line 1, column 5: names are not values (`total`): "
        "write the value itself; use numbers, strings, lists, tuples, dicts, True, False and None"
    )

    wrong = order_total_solution.replace("discount = min(discount, subtotal)", "discount = 0")
    set_code(page, wrong)
    run_with_my_input(page, MY_INPUT)
    assert wait_for_verdict(page, "wrong_answer") == "Wrong answer"
    expect(page.locator("#verdict-summary")).to_have_text(
        "Custom run: your output differs from the reference solution's"
    )
    expect(page.locator("#custom-match")).to_have_text(
        "Mismatch: your output differs from the reference solution's."
    )
    expect(page.get_by_role("tab", name="Your input")).to_have_attribute("aria-selected", "true")
    case = page.locator("#result-panel-cases .case")
    shown = case.locator(".io pre")
    expect(shown.nth(0)).to_have_text(re.compile(r"^order_total\("))
    # Literals as Python reads them (dict keys in the database's order: compared as values).
    assert parse_arguments(shown.nth(0).inner_text()[len("order_total(") : -1]) == {
        "args": [
            [{"sku": "A", "unit_price_cents": 500, "quantity": 2}],
            {"type": "fixed", "value": 150},
        ],
        "kwargs": {},
    }
    expect(case.get_by_text("Expected (reference solution)")).to_be_visible()
    assert ast.literal_eval(shown.nth(1).inner_text()) == {
        "subtotal_cents": 1000,
        "discount_cents": 150,
        "total_cents": 850,
    }
    expect(case.get_by_text("Your output", exact=True)).to_be_visible()
    assert ast.literal_eval(shown.nth(2).inner_text()) == {
        "subtotal_cents": 1000,
        "discount_cents": 0,
        "total_cents": 1000,
    }
    assert panel_violations(page) == []
    photograph(page, "challenge-custom-input", full_page=False)

    set_code(page, order_total_solution)
    page.get_by_role("button", name="Run with my input").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"
    expect(page.locator("#custom-match")).to_have_text(
        "Match: your output is the reference solution's."
    )
    # A custom run is never a solve: the editorial stays hidden.
    expect(page.locator("#editorial")).to_be_hidden()

    # The input is kept in this browser: a reload shows it again.
    page.reload()
    expect(page.get_by_label("Arguments of order_total(...)")).to_have_value(MY_INPUT)

    # At a phone's width the panel and its result fit: nothing scrolls sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function("document.documentElement.clientWidth === 390")
    run_with_my_input(page, MY_INPUT)
    wait_for_verdict(page, "accepted")
    expect(page.get_by_role("button", name="Run with my input")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "custom-input-390.png"), full_page=True)

    # History says what it was, and restoring it brings back the code and the input.
    page.get_by_label("Arguments of order_total(...)").fill("[]")
    page.goto(f"{live_server.url}/submissions/")
    expect(page.locator('td[data-label="Mode"]').first).to_have_text("Custom run")
    page.locator(".history-details a").first.click()
    page.get_by_role("link", name="Restore this code into the editor").click()
    expect(page.locator("#restored")).to_be_visible()
    expect(page.get_by_label("Arguments of order_total(...)")).to_have_value(MY_INPUT)
    expect(page.locator("#custom-match")).to_have_text(
        "Match: your output is the reference solution's."
    )


def test_sql_custom_input_runs_my_statements_on_the_example_data(
    browser_context, live_server, challenges
):
    page = browser_context.new_page()
    page.emulate_media(color_scheme="dark")
    sign_in(page, live_server, "/challenges/late-orders/")
    page.locator("#custom-input-panel summary").click()
    box = page.get_by_label("Statements to run on the example data first (optional)")
    expect(box).to_have_value("")
    set_code(page, "SELECT id, 0 AS days_late FROM orders WHERE shipped_on IS NOT NULL")
    box.fill("INSERT INTO orders VALUES (9, '2026-02-01', '2026-02-11');")
    page.get_by_role("button", name="Run with my input").click()
    assert wait_for_verdict(page, "wrong_answer") == "Wrong answer"
    case = page.locator("#result-panel-cases .case")
    expect(case.locator(".custom-statements pre")).to_have_text(
        "INSERT INTO orders VALUES (9, '2026-02-01', '2026-02-11');"
    )
    expect(case.get_by_text("Your statements, on seed")).to_be_visible()
    tables = case.locator(".io.two table")
    reference, mine = tables.nth(0), tables.nth(1)
    expect(reference.locator("tbody tr")).to_have_count(3)
    expect(reference.locator("tbody tr").first).to_have_text("98")
    expect(mine.locator("tbody tr")).to_have_count(4)
    expect(page.locator("#custom-match")).to_have_text(
        "Mismatch: your output differs from the reference solution's."
    )
    # Dark mode: the panel takes the palette's card colour, not a light one.
    background = page.evaluate(
        "getComputedStyle(document.getElementById('custom-input-panel')).backgroundColor"
    )
    assert background == "rgb(24, 28, 36)"
    assert panel_violations(page) == []

    # Empty input: the example's rows as they are; the reference's query matches itself.
    box.fill("")
    set_code(page, LATE_ORDERS_SOLUTION)
    page.get_by_role("button", name="Run with my input").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"
    expect(page.get_by_text("The example's data (seed), unchanged.")).to_be_visible()
